"""Which indefinite article a word takes: "a" or "an", by the sound it starts with.

One rule for the two places that need it: the vocabulary pass, which fixes the article before
a word it swapped or spelled out ("an SDF" → "a Self-Defense Forces (SDF)"), and the lint of
the text a product prints, which reports an article that disagrees."""

from __future__ import annotations

import re

ARTICLE = re.compile(r"\b([Aa]n?)(\s+)([A-Za-z][\w'’-]*)")
# Vowel letters that sound like a consonant ("a unified", "a one-off") and silent "h" ("an hour").
_YOU_SOUND = re.compile(r"^(?:uni|use|usu|uti|ure|uro|ubi|eu|ewe|one|once|ufo)", re.IGNORECASE)
_SILENT_H = re.compile(r"^(?:hour|honest|honou?r|heir)", re.IGNORECASE)
_VOWEL_LETTER_NAMES = set("AEFHILMNORSX")  # letters whose names start with a vowel sound: "an FBI", "an SDF"


def vowel_sound(word: str) -> bool | None:
    """Whether the word is said with a vowel sound first; None when it depends on the reader ("a/an MOD")."""
    if len(word) >= 2 and word.isupper():
        if len(word) >= 3 and re.search(r"[AEIOU]", word[1:]):
            return None  # may be said as a word ("NATO") or letter by letter
        return word[0] in _VOWEL_LETTER_NAMES
    if _SILENT_H.match(word):
        return True
    return word[:1].lower() in "aeiou" and not _YOU_SOUND.match(word)


def wanted_article(article: str, word: str) -> str | None:
    """The article the word needs, in the case the text used; None when either would do."""
    vowel = vowel_sound(word)
    if vowel is None or word.lower() in ("a", "an"):
        return None
    wanted = "an" if vowel else "a"
    return wanted.capitalize() if article[:1].isupper() else wanted


def agree_articles(original: str, rewritten: str) -> str:
    """The rewritten text with each article fixed whose next word the rewrite changed; the author's
    own "a"/"an" before words the rewrite left alone are never touched."""
    pairs = {(match.group(1).lower(), match.group(3)) for match in ARTICLE.finditer(original)}

    def fix(match: re.Match[str]) -> str:
        article, space, word = match.groups()
        if (article.lower(), word) in pairs:
            return match.group(0)
        wanted = wanted_article(article, word)
        return match.group(0) if wanted is None else f"{wanted}{space}{word}"

    return ARTICLE.sub(fix, rewritten)
