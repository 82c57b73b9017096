"""Numbers written in words, read as the values they name.

"eighty-seven", "four score and seven", "two hundred and fifty", "half a dozen" and "a dozen" each
name one number; reading them word by word ("eighty" and "seven") would make a faithful paraphrase
("eighty-seven years" for "four score and seven years") look like a changed number.
"""

from __future__ import annotations

import re

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"score": 20, "dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000,
          "billion": 1_000_000_000}
# Compounds in which a number word names a kind, not a count: "two-way exchange", "one-sided", "three-pronged".
_KINDS = r"(?:way|sided|fold|dimensional|pronged|faced|tiered|edged|handed|headed|party|state)\b"
_WORDS = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
# A run of number words joined by spaces, hyphens or "and" ("two hundred and fifty", "four score and seven").
_RUN = re.compile(rf"\b(?:a |half a )?(?:{_WORDS})(?:(?:[\s-]+|\s+and\s+)(?:{_WORDS}))*\b(?!-{_KINDS})")


def _value(words: list[str]) -> float | None:
    total, current = 0.0, 0.0
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0.0
    value = total + current
    return value or None


def spelled_numbers(lowered: str) -> tuple[set[float], str]:
    """The values of the number phrases in a lower-case text, and the text with them taken out.

    "one" alone is left out: "one of", "one-China" and "one potential avenue" are idioms far more often
    than counts; "a" counts as one before a scale word ("a dozen", "a hundred")."""
    values: set[float] = set()

    def take(match: re.Match[str]) -> str:
        phrase = match.group(0)
        half = phrase.startswith("half a ")
        words = [word for word in re.split(r"[\s-]+", phrase.removeprefix("half a ").removeprefix("a "))
                 if word and word != "and"]
        if words == ["one"]:
            return phrase
        value = _value(words)
        if value is not None:
            values.add(value / 2 if half else value)
        return " "
    remaining = _RUN.sub(take, lowered)
    return values, remaining
