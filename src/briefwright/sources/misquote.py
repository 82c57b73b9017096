"""Why a quote is not in its source: the nearest passages and the exact differences.

Quotes are matched with curly and straight quotes, dash kinds and spacing made alike
(textnorm), so a miss is a real change: a word, a letter, a punctuation mark, an
omission. The hint names each one, word by word, and says when the quote sits in
another source instead. Typographic differences that match anyway are named last,
so the analyst who wants the text exactly as printed can copy it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from briefwright.sources.registry import Source
from briefwright.sources.textnorm import normalise

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_CHARACTER_NAMES = {"\u2018": "‘ (curly)", "\u2019": "’ (curly)", "\u201c": "“ (curly)", "\u201d": "” (curly)",
                    "'": "' (straight)", '"': '" (straight)', "\u2013": "– (en dash)", "\u2014": "— (em dash)",
                    "-": "- (hyphen)", "\u2026": "… (ellipsis)"}
MAX_LISTED = 6


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _key(token: str) -> str:
    return normalise(token).text.lower() if token.isalnum() else normalise(token).text


def _show(tokens: Iterable[str]) -> str:
    text = ""
    for token in tokens:
        text += token if not text or not token[0].isalnum() else f" {token}"
    return f"\"{text.strip()}\""


def _named(token: str) -> str:
    return _CHARACTER_NAMES.get(token, token)


def differences(quote: str, passage: str) -> tuple[list[str], list[str]]:
    """(real differences, typographic ones that match anyway) between a quote and a passage, word by word."""
    mine, theirs = _tokens(quote), _tokens(passage)
    matcher = difflib.SequenceMatcher(None, [_key(t) for t in mine], [_key(t) for t in theirs], autojunk=False)
    opcodes = matcher.get_opcodes()
    # The passage is a window around the quote: words it has before or after the quote are no difference.
    while opcodes and opcodes[0][0] == "insert":
        opcodes.pop(0)
    while opcodes and opcodes[-1][0] == "insert":
        opcodes.pop()
    real: list[str] = []
    typographic: list[str] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            for a, b in zip(mine[i1:i2], theirs[j1:j2]):
                if a != b and a.lower() == b.lower():
                    real.append(f"{_show([a])} in the quote, {_show([b])} in the source (capitals differ)")
                elif a != b:
                    typographic.append(f"{_named(a)} in the quote, {_named(b)} in the source")
        elif tag == "replace":
            real.append(f"{_show(mine[i1:i2])} in the quote, {_show(theirs[j1:j2])} in the source")
        elif tag == "delete":
            real.append(f"{_show(mine[i1:i2])} is not in the source")
        else:
            context = _show(theirs[max(j1 - 1, 0):j2 + 1])
            real.append(f"{_show(theirs[j1:j2])} is left out of the quote (the source has {context})")
    return real, list(dict.fromkeys(typographic))


def explain(source: Source, quote: str, others: Iterable[Source] = ()) -> str:
    """The hint for a quote not found in source: where it is instead, or the nearest passage and what differs."""
    for other in others:
        if other.id != source.id and (match := other.locate(quote)) is not None:
            return (f"the quote is in source '{other.id}' ({other.meta.file}, line {match.line}): "
                    f"cite source: {other.id}, or quote '{source.id}' itself")
    closest = source.closest_passage(quote)
    hint = f"closest passage (line {closest.line}, {closest.similarity:.0%} alike): \"{closest.text}\""
    real, typographic = differences(quote, closest.text)
    if real and closest.similarity >= 0.6:
        listed = "; ".join(real[:MAX_LISTED]) + (f"; and {len(real) - MAX_LISTED} more" if len(real) > MAX_LISTED else "")
        hint += f"\n      differs: {listed}"
        if typographic:
            hint += f"\n      matches anyway, but printed differently: {'; '.join(typographic[:MAX_LISTED])}"
        hint += "\n      copy the passage exactly (briefwright quote find finds it, quote add writes it)"
    return hint
