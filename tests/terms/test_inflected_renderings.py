"""An approved term used inflected in the translation is not "missing": Arabic with its article,
prefixes and suffixes, Persian with ezafe and Arabic-keyboard letters, Tigrinya with the vowel
of its last syllable changed (terms.renderings, through terms.checks)."""

import pytest

from terms import checks, renderings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

SWEDISH = "Föräldrapenningen betalas av Försäkringskassan."  # föräldrapenning, FK's term


@pytest.mark.parametrize(
    ("translation", "rendering"),
    [
        ("تحصلين على رقمك الشخصي", "الرقم الشخصي"),  # "your number": no article, a suffix
        ("اكتبي والرقم الشخصي هنا", "الرقم الشخصي"),  # و "and" before the article
        ("تحتاجين للرقم الشخصي", "الرقم الشخصي"),  # لل: li + al, the alif falls
        ("تحصلين على إعانتك", "إعانة"),  # ة becomes ت before a suffix
        ("اعانة الاطفال", "إعانة الأطفال"),  # written without hamza
        ("تعويضٌ للوالدين", "تعويض الوالدين"),  # with a vowel mark
        ("شماره‌ی شخصی‌ام را بنویسید", "شماره شخصی"),  # Persian ezafe and a suffix
        ("شماره شخصي", "شماره شخصی"),  # Persian typed on an Arabic keyboard
        ("ምዝገባ ህዝብን", "ምዝገባ ህዝቢ"),  # Tigrinya: ህዝቢ with "and"
        ("ንገንዘብ ወለድቲ", "ገንዘብ ወለዲ"),  # ን "for", ወለዲ in the plural
        ("Lacagta carruurtaada", "lacagta carruurta"),  # Somali: a suffix
    ],
)
def test_an_inflected_rendering_is_found(translation, rendering):
    assert renderings.carries(translation, rendering)


@pytest.mark.parametrize(
    ("translation", "rendering"),
    [
        ("التسجيل في السجل السكاني", "الرقم الشخصي"),
        ("ምዝገባ ተቐማጦ", "ምዝገባ ህዝቢ"),
        ("راتب الأمومة", "تعويض الوالدين"),  # the forbidden variant is not the approved term
    ],
)
def test_another_word_is_not_the_rendering(translation, rendering):
    assert not renderings.carries(translation, rendering)


def test_the_check_does_not_warn_when_the_approved_term_is_inflected():
    # "compensation for parents": للوالدين, where the approved term has الوالدين
    arabic = "تدفع Försäkringskassan تعويضًا للوالدين."
    assert checks.check(SWEDISH, arabic, "ar") == []
    tigrinya = "Försäkringskassan ንገንዘብ ወለድቲ ትኸፍል።"
    assert checks.check(SWEDISH, tigrinya, "ti") == []


def test_the_check_still_warns_when_the_term_is_left_out_or_forbidden():
    arabic = "تدفع Försäkringskassan راتب الأمومة."
    assert [w.kind for w in checks.check(SWEDISH, arabic, "ar")] == [
        "term-missing",
        "term-forbidden",
    ]


def test_a_term_kept_in_swedish_may_carry_an_arabic_prefix():
    swedish = "Du får ett personnummer."
    assert checks.check(swedish, "تحصلين على وpersonnumret.", "ar") == []
    assert [w.kind for w in checks.check(swedish, "تحصلين على رقم.", "ar")] == ["term-missing"]
