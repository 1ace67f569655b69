"""The quality checks of a translation against its Swedish (translations.quality): pure, so
every case is a Swedish text, a translation and what staff are told."""

import pytest

from translations import quality, readability

pytestmark = pytest.mark.usefixtures("english")

PHONE = "Ring Arbetsförmedlingen på 0771-416 416."


def kinds(warnings):
    return [w.kind for w in warnings]


def test_digits_of_every_script_read_as_latin_digits():
    assert quality.latin_digits("٠١٢٣٤٥٦٧٨٩") == "0123456789"  # Arabic-Indic
    assert quality.latin_digits("۰۱۲۳۴۵۶۷۸۹") == "0123456789"  # Persian
    assert quality.latin_digits("๐๑๒ ०१२") == "012 012"  # Thai, Devanagari
    assert quality.latin_digits("²") == "²"  # a superscript is not a number in the text


@pytest.mark.parametrize(
    ("lang", "translation"),
    [
        ("ar", "اتصلي بـ Arbetsförmedlingen على ٠٧٧١-٤١٦ ٤١٦."),  # Arabic-Indic digits
        ("fa", "با Arbetsförmedlingen به شماره ۰۷۷۱-۴۱۶۴۱۶ تماس بگیرید."),  # Persian, no space
        ("ar", "اتصلي بـ Arbetsförmedlingen على 0771-416 416."),  # Latin digits
        ("en", "Call Arbetsförmedlingen on +46 771 416 416."),  # international form
        ("so", "Wac Arbetsförmedlingen 0771 416416."),
    ],
)
def test_the_same_phone_number_in_another_script_or_layout_is_no_warning(lang, translation):
    assert quality.check(PHONE, translation, lang) == []


def test_a_phone_number_with_changed_digits_is_named_with_both_numbers():
    warnings = quality.check(PHONE, "اتصلي بـ Arbetsförmedlingen على ٠٧٧١-٤١٦ ٤٦١.", "ar")
    assert kinds(warnings) == ["phone", "phone"]
    lacking, extra = warnings
    assert lacking.fragments == ("0771-416 416",)
    assert "0771-416 416" in lacking.message and "lacks" in lacking.message
    assert extra.fragments == ("٠٧٧١-٤١٦ ٤٦١",)  # as the translator wrote it, in her script
    assert "not in the Swedish" in extra.message


def test_a_phone_number_left_out_is_a_warning():
    warnings = quality.check(PHONE, "Call Arbetsförmedlingen.", "en")
    assert kinds(warnings) == ["phone"]
    assert warnings[0].fragments == ("0771-416 416",)


def test_amounts_are_compared_by_their_number_and_a_currency_sign_must_match():
    swedish = "Barnbidraget är 1 250 kr i månaden."
    assert quality.check(swedish, "Child benefit is SEK 1,250 a month.", "en") == []
    assert quality.check(swedish, "إعانة الأطفال ١٬٢٥٠ كرونة في الشهر.", "ar") == []
    changed = quality.check(swedish, "Child benefit is 1,520 kronor a month.", "en")
    assert kinds(changed) == ["amount", "amount"]
    assert changed[0].fragments == ("1 250",) and changed[1].fragments == ("1,520",)
    euro = quality.check(swedish, "Child benefit is €1,250 a month.", "en")
    assert kinds(euro) == ["amount"] and euro[0].fragments == ("€",)


def test_dates_numbers_and_times_in_another_script():
    swedish = "Från 1 mars 2026 är kontoret öppet 8.00–16.30, i 3 veckor."
    assert quality.check(swedish, "From 1 March 2026 the office opens 8:00–16:30, for 3 weeks.",
                         "en") == []  # fmt: skip
    assert quality.check(swedish, "من ١ مارس ٢٠٢٦ المكتب مفتوح ٨:٠٠–١٦:٣٠ لمدة ٣ أسابيع.",
                         "ar") == []  # fmt: skip
    wrong = quality.check(swedish, "From 1 March 2027 the office opens 8:00–16:30, for 3 weeks.",
                          "en")  # fmt: skip
    assert kinds(wrong) == ["date", "date"]
    assert wrong[0].fragments == ("2026",) and wrong[1].fragments == ("2027",)
    assert kinds(quality.check("I 3 veckor.", "For 4 weeks.", "en")) == ["number", "number"]


def test_web_and_mail_addresses_must_be_the_ones_in_the_swedish():
    swedish = "Läs mer på https://www.forsakringskassan.se/ eller mejla info@fk.se."
    same = "اقرئي المزيد على www.forsakringskassan.se أو راسلي INFO@fk.se."
    assert quality.check(swedish, same, "ar") == []
    other = quality.check(swedish, "Read more at https://www.fk.se or mail info@fk.se.", "en")
    assert kinds(other) == ["url", "url"]
    assert other[1].fragments == ("https://www.fk.se",)
    assert kinds(quality.check(swedish, "www.forsakringskassan.se, info@fk.com", "en")) == [
        "email",
        "email",
    ]


def test_a_question_keeps_a_question_mark_of_its_own_script():
    swedish = "Har du ett personnummer?"
    assert kinds(quality.check(swedish, "Do you have a personal number.", "en")) == ["punctuation"]
    assert quality.check(swedish, "هل لديكِ رقم شخصي؟", "ar") == []  # Arabic question mark
    assert quality.check(swedish, "ቁጽሪ መንነት ኣለኪ፧", "ti") == []  # Ethiopic question mark
    assert quality.check(swedish, "คุณมีเลขประจำตัวไหม", "th") == []  # Thai asks with a word


def test_doubled_spaces_and_spaces_at_the_edges_of_a_line():
    warnings = quality.check("Hej.\nVälkommen.", "Hello  there. \nWelcome.", "en")
    assert kinds(warnings) == ["spacing", "spacing"]
    assert warnings[0].fragments == ("o  t",)
    assert warnings[1].fragments == ("Hello  there. ",)
    assert quality.check("Hej.", "Hello.", "en") == []


def test_lix_and_sentence_length_with_a_stricter_target_for_easy_read_swedish():
    plain = "Du kan få pengar för ditt barn. Det heter barnbidrag. " * 3
    assert readability.lix(plain) is not None
    assert readability.lix(plain) == 15  # 30 words / 6 sentences + 100 × 3 long words / 30
    hard = (
        "Försäkringskassan administrerar föräldrapenningen, som kompenserar inkomstbortfallet "
        "under föräldraledigheten för förvärvsarbetande vårdnadshavare med folkbokföring. "
    ) * 3
    assert [w.kind for w in quality.lix([hard], "sv")] == ["lix"]
    assert quality.lix([plain], "sv") == []
    assert quality.lix(["Kort text."], "sv") == []  # too few words to say anything
    # A sentence of 15 words is fine in Swedish and too long in easy-read Swedish.
    sentence = "Du kan få hjälp av en tolk när du träffar en handläggare på en myndighet."
    assert quality.sentence_length(sentence, "sv") == []
    long = quality.sentence_length(sentence, "sv-ls")
    assert [w.kind for w in long] == ["sentence_length"] and "15 words" in long[0].message
    assert quality.check(sentence, sentence, "sv-ls")[0].kind == "sentence_length"


def test_object_checks_from_apps_above_are_asked_per_object(monkeypatch):
    monkeypatch.setattr(quality, "_object_checks", [])
    fit = quality.QualityWarning("fit", "Does not fit on one card.")
    quality.register_object_check(lambda obj, lang: [fit] if obj == "long card" else [])
    assert quality.check_objects(["long card", "short card"], "ar") == {"long card": [fit]}
