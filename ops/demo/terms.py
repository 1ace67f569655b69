"""A handful of demo terms, approved, with their Arabic and Tigrinya, loaded idempotently.

The demo approves them as "the system" (no approver account): a term that already matches
is not touched; one that differs is brought back to the data and approved again.
"""

from __future__ import annotations

from django.utils import timezone

from dialogue.models import Agency
from terms.models import Term, TermTranslation

TERMS = [
    {
        "term": "personnummer",
        "agency": "SKV",
        "keep": True,
        "definition": "Identitetsnummer som Skatteverket ger den som folkbokförs i Sverige.",
        "explanation": "Ditt eget nummer i Sverige. Du behöver det hos myndigheter och banker.",
        "languages": {
            "ar": ("", "رقمك الشخصي في السويد. تحتاجينه لدى الجهات الحكومية والبنوك.", ""),
            "ti": ("", "ኣብ ሽወደን ናይ ገዛእ ርእስኹም ቁጽሪ። ኣብ መንግስታውያን ትካላትን ባንክታትን የድልየኩም።", ""),
        },
    },
    {
        "term": "folkbokföring",
        "agency": "SKV",
        "keep": False,
        "definition": "Registreringen av var en person bor, som Skatteverket sköter.",
        "explanation": "Att Skatteverket skriver in var du bor.",
        "languages": {
            "ar": (
                "التسجيل في السجل السكاني",
                "أن تسجّل مصلحة الضرائب مكان سكنك.",
                "تسجيل السكان\nالتسجيل المدني",
            ),
            "ti": ("ምዝገባ ህዝቢ", "Skatteverket ኣበይ ከም እትነብሩ ይምዝግብ።", ""),
        },
    },
    {
        "term": "föräldrapenning",
        "agency": "FK",
        "keep": False,
        "definition": "Ersättning från Försäkringskassan när en förälder är hemma med sitt barn.",
        "explanation": "Pengar du får när du är hemma med ditt barn.",
        "languages": {
            "ar": (
                "تعويض الوالدين",
                "مال تحصلين عليه عندما تبقين في البيت مع طفلك.",
                "راتب الأمومة",
            ),
            "ti": ("ገንዘብ ወለዲ", "ምስ ውላድኩም ኣብ ገዛ ክትጸንሑ ከለኹም እትረኽብዎ ገንዘብ።", ""),
        },
    },
    {
        "term": "sfi",
        "agency": "AF",
        "keep": True,
        "definition": "Svenska för invandrare, kommunens kostnadsfria undervisning i svenska.",
        "explanation": "Svenska för invandrare. Gratis kurs i svenska i din kommun.",
        "languages": {
            "ar": ("", "اللغة السويدية للمهاجرين. دورة مجانية في بلديتك.", ""),
            "ti": ("", "ቋንቋ ሽወደን ንስደተኛታት። ኣብ ኮምዩንኩም ብናጻ ዝወሃብ ትምህርቲ።", ""),
        },
    },
    {
        "term": "Arbetsförmedlingen",
        "agency": "AF",
        "keep": True,
        "definition": "Statlig myndighet för arbetsmarknaden; namnet är ett egennamn.",
        "explanation": "Myndigheten som hjälper dig att hitta arbete eller utbildning.",
        "languages": {
            "ar": ("", "الجهة التي تساعدك على إيجاد عمل أو تعليم.", ""),
            "ti": ("", "ቤት ጽሕፈት መራኸቢ ስራሕ: ስራሕ ወይ ትምህርቲ ንኽትረኽቡ ይሕግዘኩም።", ""),
        },
    },
]


def _term(data, agencies) -> tuple[Term, bool]:
    term = Term.objects.filter(term=data["term"]).first()
    created = term is None
    term = term or Term(term=data["term"])
    term.agency = agencies[data["agency"]]
    term.definition, term.explanation = data["definition"], data["explanation"]
    term.keep_in_swedish = data["keep"]
    term.save()
    for code, (rendering, explanation, forbidden) in data["languages"].items():
        TermTranslation.objects.update_or_create(
            term=term,
            language=code,
            defaults={"rendering": rendering, "explanation": explanation, "forbidden": forbidden},
        )
    return term, created


def load(report) -> None:
    agencies = {agency.short_name: agency for agency in Agency.objects.all()}
    for data in TERMS:
        existing = Term.objects.filter(term=data["term"]).prefetch_related("translations").first()
        if existing is not None and existing.is_approved and _matches(existing, data):
            report.add("terms", "unchanged")
            continue
        term, created = _term(data, agencies)
        term = Term.objects.prefetch_related("translations").get(pk=term.pk)
        Term.objects.filter(pk=term.pk).update(
            approved_at=timezone.now(), approved_by=None, approved_fingerprint=term.fingerprint()
        )
        report.add("terms", "created" if created else "updated")


def _matches(term: Term, data) -> bool:
    same = (
        term.agency.short_name == data["agency"]
        and term.definition == data["definition"]
        and term.explanation == data["explanation"]
        and term.keep_in_swedish == data["keep"]
    )
    for code, (rendering, explanation, forbidden) in data["languages"].items():
        translation = term.in_language(code)
        same = (
            same
            and translation is not None
            and (translation.rendering, translation.explanation, translation.forbidden)
            == (rendering, explanation, forbidden)
        )
    return same
