"""Whether a translation carries an approved term, inflected as the language inflects it.

No stemmer for Arabic, Persian, Tigrinya and the rest is pinned here, and a check that only
warns can afford to be generous: each word of the approved term must stand in the translation
as its core, anywhere in a word, so what the language adds before or after it does not hide it.

- Arabic script (Arabic, Persian, Dari, Pashto, Sorani): the spelling is normalised first
  (vowel marks, tatweel and zero-width non-joiners dropped; ي/ى/ی, ك/ک and the alif forms made
  one), the article ال is taken off the term ("الرقم" is "رقمك", "للرقم" and "والرقم"), and a
  final ة, ه or long vowel, which changes before a suffix (إعانة → إعانتك), is left out.
- Ethiopic (Tigrinya, Amharic): a syllable carries its vowel, which inflection changes (ህዝቢ is
  ህዝብ in ህዝብን): the last syllable matches any vowel of its consonant.
- Other scripts: the word less its last letter (Somali, Turkish and Russian inflect at the end).
"""

from __future__ import annotations

import re
import unicodedata

ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u200c\u200d]")
ARABIC_LETTERS = str.maketrans("يىكأإآٱ", "ییکاااا")  # Arabic and Persian keyboards differ
ARABIC_FINALS = "ةهای"
ETHIOPIC = (0x1200, 0x139F)
SHORTEST = 3  # a core shorter than this would be found inside too many words


def _arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff"


def _ethiopic(char: str) -> bool:
    return ETHIOPIC[0] <= ord(char) <= ETHIOPIC[1]


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return ARABIC_MARKS.sub("", text).translate(ARABIC_LETTERS)


def core(word: str) -> re.Pattern | None:
    """What must stand in the translation for one word of the approved term."""
    word = normalise(word).strip(".,;:!?()[]«»\"'“”‘’–-—،؛؟።፣፤")
    if not word:
        return None
    if any(_arabic(char) for char in word):
        if word.startswith("ال") and len(word) - 2 >= SHORTEST:
            word = word[2:]
        if word[-1] in ARABIC_FINALS and len(word) - 1 >= SHORTEST:
            word = word[:-1]
        return re.compile(re.escape(word))
    if _ethiopic(word[-1]) and len(word) >= 2:
        row = (ord(word[-1]) - ETHIOPIC[0]) // 8 * 8 + ETHIOPIC[0]
        return re.compile(re.escape(word[:-1]) + f"[{chr(row)}-{chr(row + 7)}]")
    if len(word) >= SHORTEST:
        word = word[:-1]
    return re.compile(re.escape(word))


def carries(translation: str, rendering: str) -> bool:
    """Each word of the approved rendering stands in the translation, as inflected."""
    text = normalise(translation)
    patterns = [core(word) for word in rendering.split()]
    return all(pattern.search(text) for pattern in patterns if pattern is not None)


def apart_from_script(text: str) -> str:
    """A space where Latin letters follow another script's, so a term kept in Swedish is a
    word of its own in "وpersonnummer" (Arabic "and")."""
    return re.sub(r"(?<=[\u0600-\u06ff\u1200-\u139f])(?=[A-Za-zÀ-ÿ])", " ", text)
