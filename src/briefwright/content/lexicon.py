"""Word lists for what a clause means beyond its content words: polarity, scope, cause, aspect, dates.

Like language.py these are lists, not a parser. Each list is general English (not the example's
vocabulary); the rules that read them compare a claim with its own quotes, so a word the quote
itself uses is never held against the claim.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Aspect lives in its own module; the rules read it through this one.
from briefwright.content.aspect import completed as completed
from briefwright.content.aspect import planned_act as planned_act
from briefwright.content.aspect import planned_words as planned_words
from briefwright.content.aspect import prospective as prospective
from briefwright.content.aspect import unplanned_words as unplanned_words
from briefwright.content.discourse import DISCOURSE_STEMS as DISCOURSE_STEMS
from briefwright.content.discourse import DISCOURSE_WORDS as DISCOURSE_WORDS
from briefwright.content.discourse import NUMBER_STEMS as NUMBER_STEMS
from briefwright.content.language import (
    _DAY_MONTH,
    ASSERTED,
    REPORTING_VERBS,
    SOURCE_COUNTS,
    Certainty,
    certainty,
    content_words,
    plain,
    quantities,
    unquoted,
)

# Words that deny: a clause with one states the negative of the same clause without.
_NEGATIONS = re.compile(
    r"\b(?:not|no|never|neither|nor|none|nothing|nobody|nowhere|without|cannot|lacks?|lacking|lacked"
    r"|unable|fails?|failed|failure|refus\w*|declin\w*|reject\w*|avoid\w*|den(?:y|ies|ied)"
    r"|ignor\w*|impossible|no longer|(?:has|have|had|is|are|was|were) yet to|turn(?:s|ed|ing)? down"
    r"|blocked|blocking|veto(?:es|ed|ing)|scrapp(?:ed|ing))\b|n't\b")
# "not just possible but probable", "whether or not": negation words that deny nothing.
_NOT_DENIALS = re.compile(r"\bnot (?:just|only|merely|least)\b|\bwhether or not\b|\bif not\b|\bnothing but\b"
                          r"|\bno (?:doubt|less|more than|sooner)\b"
                          # "no longer whether …, but when": the denial sets up what "but" asserts.
                          r"|\b(?:not|no longer|never)\b[^.;:]*?\bbut\b")
# "has not changed", "no change": a denied change is continuity, which "keeps" or "reaffirms" restates.
_CONTINUITY = re.compile(r"\b(?:no|not|never|n't)\s+(?:\w+\s+){0,2}chang\w*|\bunchanged\b")
_CONTINUING = re.compile(r"\b(?:keep\w*|kept|reaffirm\w*|maintain\w*|remain\w*|continu\w*|retain\w*|sustain\w*)\b")
_CHANGING = re.compile(r"\b(?:chang\w*|abandon\w*|revers\w*|drop\w*|end\w*|alter\w*|shift\w*)\b")


@lru_cache(maxsize=8192)
def negated(text: str) -> bool:
    lowered = _CONTINUITY.sub(" ", _NOT_DENIALS.sub(" ", plain(unquoted(text))))
    return bool(_NEGATIONS.search(lowered))


# A denial reaches to the end of its clause, but not into an adjunct of time, cause or place that
# follows it, nor into an exception: in "no diplomatic relations … since the normalization", the
# normalization is not denied; in "no chance … except for scholars", the scholars are not.
_SCOPE_END = re.compile(r"[,;:()]|\b(?:since|after|before|because|when|while|until|as|although|though|whereas"
                        r"|but|yet|in (?:1[5-9]|20)\d\d|due to|owing to|for fear|out of|because of|given"
                        r"|except|apart from|other than)\b")


def denied_words(text: str) -> frozenset[str]:
    """The content words in the scope of the text's denials ("declining to respond" denies "respond")."""
    lowered = _CONTINUITY.sub(" ", _NOT_DENIALS.sub(" ", plain(unquoted(text))))
    words: set[str] = set()
    for match in _NEGATIONS.finditer(lowered):
        rest = lowered[match.end():]
        end = _SCOPE_END.search(rest)
        scope = rest[: end.start()] if end else rest
        if match.group(0) == "without":
            scope = " ".join(scope.split()[:3])  # a preposition: it denies its noun phrase ("without that step")
        words |= content_words(scope)
    return frozenset(words)


# Words that say something is not there, and the noun phrase they govern ("no formal exchange", "lacks a
# channel", "without law"): not "not", which denies a predicate ("not difficult for think tanks" denies no
# think tank), nor verbs that deny an act on a thing that exists ("rejected the proposal").
_ABSENCE = re.compile(r"\b(?:no|none of|nothing|nobody|without|lacks?|lacking|lacked|lack of|absence of)\s+"
                      r"((?:[a-z'-]+\s*){1,4})")


@lru_cache(maxsize=8192)
def absent_words(text: str) -> frozenset[str]:
    """The content words of what a text says is absent; none from a question ("why could Japan not …?")."""
    lowered = _NOT_DENIALS.sub(" ", plain(unquoted(text)))
    if lowered.rstrip().endswith("?"):
        return frozenset()
    words: set[str] = set()
    for match in _ABSENCE.finditer(lowered):
        scope = match.group(1)
        end = _SCOPE_END.search(scope)
        words |= content_words(scope[: end.start()] if end else scope)
    return frozenset(words)


# "not difficult", "cannot exchange", "has never invoked": the word a predicate denial denies is its head.
_DENIED_HEAD = re.compile(r"\b(?:not|never|cannot|n't)\s+(?:(?:be|been|being|have|has|had|yet|ever|even|so|very|too"
                          r"|quite|really|fully|entirely|necessarily|always)\s+)*([a-z][a-z-]+)")


@lru_cache(maxsize=8192)
def denied_heads(text: str) -> frozenset[str]:
    """The words predicate denials deny ("It is not difficult for think tanks" denies "difficult", not "tanks")."""
    lowered = _CONTINUITY.sub(" ", _NOT_DENIALS.sub(" ", plain(unquoted(text))))
    if lowered.rstrip().endswith("?"):
        return frozenset()
    return content_words(" ".join(match.group(1) for match in _DENIED_HEAD.finditer(lowered)))


_NEGATIVE_PREFIXES = ("non-", "non", "un", "in", "im", "il", "ir", "dis")


def _tokens(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z][a-z-]*[a-z]", plain(text)))  # quoted words count: "a “nongovernmental” basis"


def prefix_flip(clause: str, passage: str) -> str | None:
    """A word whose negative-prefixed form the other text uses instead ("governmental" for
    "nongovernmental", "unofficial" for "official"): the clause reverses the passage."""
    said, quoted = _tokens(clause), _tokens(passage)
    for word in said - quoted:
        if len(word) < 5:
            continue
        if any(prefix + word in quoted for prefix in _NEGATIVE_PREFIXES):
            return word
        base = next((word[len(prefix):] for prefix in _NEGATIVE_PREFIXES if word.startswith(prefix)), "")
        if len(base) >= 5 and base in quoted and base not in said:
            return word
    return None


def continuity(text: str) -> bool | None:
    """True when the text says something stays as it was, False when it says it changed, None when silent."""
    lowered = plain(unquoted(text))
    if _CONTINUITY.search(lowered) or _CONTINUING.search(lowered):
        return True
    return False if _CHANGING.search(lowered) else None


# Scope words: a claim may use one only where its quotes do (or an equivalent).
SCOPE_TERMS = ("all", "every", "everyone", "everything", "entire", "entirely", "whole", "always", "universally",
               "everywhere", "the only", "sole", "solely", "most", "majority", "throughout", "all over",
               "nationwide", "worldwide", "completely", "totally", "exclusively", "across")
SCOPE_EQUIVALENTS: dict[str, tuple[str, ...]] = {
    "every": ("all", "each", "any", "throughout"), "all": ("every", "each", "any", "throughout", "entire", "whole"),
    "entire": ("all", "whole"), "whole": ("all", "entire"), "the only": ("only", "sole", "solely", "no other"),
    "across": ("throughout", "all over"), "throughout": ("across",), "any": ("all", "every"),
    "most": ("majority",), "majority": ("most",), "always": ("ever",),
}
# Phrases in which a scope word does not widen anything.
_SCOPE_IDIOMS = re.compile(r"\ball (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b|\bat all\b|\ball but\b"
                           r"|\bany longer\b|\bnot only\b|(?<!the )\bonly one\b|\bthe only way\b"
                           # a denied universal narrows: "the primary control, not the only one"
                           r"|\bnot (?:the only|all|every|always|entirely|completely|solely|exclusively)\b"
                           r"|\bif any\b|\bin any case\b|\ball the more\b|\bmost powerful\b|\bmost basic\b"
                           # "across the Strait" crosses one; it spreads over nothing
                           r"|\bacross (?:the |a |an )?(?:\w+ )?(?:strait|border|river|sea|channel|aisle|ocean|street"
                           r"|line|divide|table)s?\b"
                           r"|\bmost important\b|\bmost \w+est\b")
_SOURCE_NOUN = r"(?:sources?|authors?|writers?|articles?|texts?|essays?|speeches?)"
_SOURCE_PHRASE = re.compile(rf"\b(?:all|each|every|most|both|any)\s+(?:one\s+)?(?:of\s+)?(?:the\s+)?(?:\w+\s+)?"
                            rf"{_SOURCE_NOUN}\b")


def without_source_counts(lowered: str) -> str:
    """Quantifiers over the sources ("all five sources") are the quantifier rule's business."""
    return _SOURCE_PHRASE.sub(" ", lowered)


def scope_terms(lowered: str) -> list[str]:
    text = _SCOPE_IDIOMS.sub(" ", lowered)
    return [term for term in SCOPE_TERMS if _bounded(term, escape=False).search(text)]


@lru_cache(maxsize=4096)
def _bounded(term: str, escape: bool = True) -> re.Pattern[str]:
    # Compiled once per term: built afresh in every call, the patterns crowd out re's own cache of 512.
    return re.compile(rf"(?<![\w-]){re.escape(term) if escape else term}(?![\w-])")


def has_term(lowered: str, term: str) -> bool:
    return _bounded(term).search(lowered) is not None


# "due to" before a verb schedules ("due to finish next spring", "due to be signed"), it links no cause.
_SCHEDULED = (r"(?! (?:be|begin|start|finish|end|open|close|arrive|leave|return|expire|take|come|meet|visit|sign"
              r"|vote|launch|report|publish|complete|resume|retire|enter|hold|run|move|stop)\b)")
# Connectives and verbs that state a cause or a consequence.
_CAUSAL = re.compile(r"\b(?:because|as a result|result(?:s|ed)? (?:of|in|from)|led to|leads? to|lead to|caus\w*"
                     r"|due to" + _SCHEDULED
                     + r"|owing to|therefore|thus|hence|in response to|prompt\w*|triggered|drove|driven by"
                     r"|explain\w*|consequen\w*|thanks to|on account of|led \w+(?: \w+)? to|forc(?:ed|ing) \w+ to"
                     r"|driv\w* up|drove up|fuel(?:s|ed|led|ing)|spark(?:s|ed|ing)|provok\w*|gave rise to|give rise to)\b")
# In a quote, looser links count too: a source that says "so" or "given" has linked the two.
_QUOTED_CAUSAL = re.compile(r"\bso\b|\bgiven\b|\bfor fear\b|\bconcerns? about\b"
                            r"|\b(?:comes?|came|stems?|stemmed|arises?|arose|springs?) from\b|\bdriv\w+\b")


def causal_terms(lowered: str) -> list[str]:
    return [match.group(0) for match in _CAUSAL.finditer(lowered)]


def states_a_link(lowered: str) -> bool:
    return bool(causal_terms(lowered) or _QUOTED_CAUSAL.search(lowered))


_YEAR = re.compile(r"(?<![\w.,])(1[5-9]\d\d|20\d\d)(?![\w,]|\.\d)")
_REPORT_VERB = r"(?:reported|reports|said|says|announced|stated|wrote|published|revealed|told)"
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_REPORT_DATE = re.compile(rf"\bin (?:{_MONTH} )?(1[5-9]\d\d|20\d\d),? {_REPORT_VERB}\b"
                          rf"|\b{_REPORT_VERB} (?:on \w+ \d+, |in (?:{_MONTH} )?)(1[5-9]\d\d|20\d\d)\b")


def years(text: str) -> set[str]:
    return set(_YEAR.findall(plain(text)))


_REPORTING = re.compile(rf"\b{_REPORT_VERB}\b|\b(?:report|announce|publish|reveal|state)(?:s|d|ed)?\b")


def reports(text: str) -> bool:
    """Whether the text has a verb of reporting ("was reported", "announced")."""
    return bool(_REPORTING.search(plain(text)))


# A demonstrative noun phrase points back at what the brief has just reported ("this founding idea",
# "these moves"): it names, and asserts nothing new.
_ANAPHORA = re.compile(r"\b(?:this|these|those)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\b", re.IGNORECASE)
# A reading of the source's own argument: its author (a pronoun) treats or presents what was reported.
_COMMENTARY = re.compile(r"^(?:he|she|they|it)\s+(?:\w+ly\s+)?(?:treats|regards|sees|reads|frames|presents|casts"
                         r"|views|opens|closes|ends|begins|returns)\b", re.IGNORECASE)


def commentary(sentence: str) -> bool:
    """A sentence that reads the source's argument ("He treats both halves of this task as one design
    problem"): its author as subject, a verb of reading or structure, and an object pointing back."""
    return bool(_COMMENTARY.search(sentence.strip())) and bool(_ANAPHORA.search(sentence))


def report_dates(text: str) -> set[str]:
    """Years that date a report ("in February 2019 reported"), not the event reported."""
    return {a or b for a, b in _REPORT_DATE.findall(plain(text))}


def word_in(word: str, words: frozenset[str]) -> bool:
    """A stem matches its own stem or a spelling variant ("defence"/"defense", "kilometres"/"kilometers"), with
    or without a prefix "re-" ("unification"/"reunification")."""
    if word in words:
        return True
    if len(word) < 5:
        return False
    prefix, unprefixed = word[:5], word[2:7] if word.startswith("re") and len(word) >= 7 else word[:5]
    return any(other.startswith((prefix, "re" + prefix, unprefixed)) for other in words if len(other) >= 5)


# Conditions: what a statement depends on. "would" alone is not one: it is the hedge a dropped
# condition leaves behind ("a Japanese TRA would help" for "if passed, it would help").
_CONDITION = re.compile(r"\b(?:if|unless|otherwise|in such a case|in that case|in the event|in case|provided that"
                        r"|providing that|as long as|so long as|once|when(?![\s]*[.?!,;]|$)|whenever|until|failing"
                        r"|(?<!is )(?<!was )(?<!are )(?<!were )(?<!been )absent|lacking|in the absence of"
                        # "Without a precedent, nothing is done" conditions; "came without warning" does not.
                        r"|(?<![a-z] )without|(?<=, )without|(?<=\bthat )without"
                        r"|lest|only after|only when|on condition"
                        r"|in (?:an?|the|case of) (?:emergency|crisis|war|conflict|contingency))\b"
                        r"|(?:^|[,;:(]\s*|\b(?:that|and|but)\s+)(?:should|were|had)\s+(?!\w+ed\b)\w+")
_NOT_CONDITIONS = re.compile(r"\bwhen it comes to\b|\bwhen it came to\b")
# A quote sentence that opens with one of these depends, as a whole, on what came before it.
_DEPENDENT_OPENER = re.compile(r"^(?:otherwise|in such a case|in that case|if so|if not|then,|failing that)(?![\w-])")


def conditions(text: str) -> list[str]:
    lowered = _NOT_CONDITIONS.sub(" ", plain(unquoted(text)))
    return [match.group(0).strip(" ,;:(") for match in _CONDITION.finditer(lowered)]


def conditioned_clauses(sentence: str, clauses: list[str]) -> list[bool]:
    """For each clause of a quote sentence: does it state or depend on a condition? A sentence that
    opens with a condition ("If Xi achieves a third term, …") conditions every clause after it."""
    lowered = plain(sentence)
    if _DEPENDENT_OPENER.match(lowered):
        return [True] * len(clauses)
    marks, opened = [], False
    for index, clause in enumerate(clauses):
        own = bool(conditions(clause))
        if index == 0 and own:
            opened = True
        marks.append(own or opened)
    return marks


# Numbers that name rather than count: "No. 51", "Article 9", and small anaphoric counts of things the
# quotes list ("the two sides", "its three safeguards").
_NAMING_NUMBER = re.compile(r"\b(?:no|nos|number|article|art|section|chapter|paragraph|clause|volume|vol|book|part"
                            r"|resolution|act)\.?\s*\d+\b|#\s*\d+")
_ANAPHORIC_COUNT = re.compile(r"\b(?:the|these|those|both|its|their|his|her|our|all)\s+"
                              r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+[a-z]+s\b")


def without_names_of_things(lowered: str, titles: tuple[str, ...] = ()) -> str:
    """The text less what states no number: titles, numbered names, anaphoric counts, counts of sources."""
    for title in titles:
        lowered = lowered.replace(title, " ")
    lowered = SOURCE_COUNTS.sub(" ", lowered)
    return _ANAPHORIC_COUNT.sub(" ", _NAMING_NUMBER.sub(" ", lowered))


def counts(text: str) -> frozenset[float]:
    """The numbers a text states as counts, amounts or years: not days of the month ("August 4"), which
    the date rule compares, nor counts of the sources ("three of the five sources")."""
    lowered = _DAY_MONTH.sub(" ", without_names_of_things(plain(text)))
    return quantities(lowered).numbers


def show(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def is_year(value: float) -> bool:
    return value == int(value) and 1500 <= value <= 2100


# Reporting verbs that hedge what they report: "Kotani expects X" is "X is likely", as Kotani sees it.
_HEDGING_VERBS = {"suggest": 4, "suggests": 4, "suggested": 4, "speculates": 4, "wonders": 4,
                  "expect": 5, "expects": 5, "expected": 5, "think": 5, "thinks": 5, "thought": 5,
                  "believe": 5, "believes": 5, "believed": 5, "anticipates": 5, "predicts": 5, "foresees": 5,
                  "fears": 5, "suspects": 5, "estimates": 5, "hopes": 4, "hope": 4, "hoped": 4}


# "Taiwanese hopes of SDF help", "the calls for": the word as a noun requests nothing.
_DIRECTIVE = re.compile(r"(?<!\bthe )(?<!\bhis )(?<!\bher )(?<!\bits )(?<!\btheir )"
                        r"\b(?:asks?|asked|urges?|urged|calls? (?:on|for|upon)|called (?:on|for|upon)|hopes?|hoped|prays?"
                        r"|prayed|proposes?|proposed|recommends?|recommended|seeks?|sought|wants?|wanted|pleads?)\b"
                        r"(?! of\b)")


def directive(sentence: str) -> bool:
    """Whether the sentence reports a request, hope or proposal: it asserts nothing to be more or less sure of."""
    return bool(_DIRECTIVE.search(plain(sentence)))


_RELATIVE = re.compile(r"\b(?:which|who|whom|whose)\b[^,;:.]*")


_AUXILIARIES = frozenset("""is are was were be been being am has have had do does did can could may might will would
    shall should must""".split())
_LEAD = re.compile(r"^.*?\bthat\s+")


def has_verb(clause: str) -> bool:
    """Whether a clause, past its reporting lead ("Yao argues that"), has a verb of its own: "a Japanese Taiwan
    Relations Act" (before ", if passed, would help") has none and goes with the clause that completes it."""
    body = _LEAD.sub("", " ".join(unquoted(clause).split()), count=1)
    for word in re.findall(r"[A-Za-z][a-z'-]*", body):
        if word[0].isupper():
            continue  # a name ("Relations", "States")
        if word in _AUXILIARIES or (len(word) > 3 and (word.endswith("ed") or (
                word.endswith("s") and not word.endswith(("ss", "us", "is", "ics", "ous"))))):
            return True
    return False


def without_relative_clauses(sentence: str) -> str:
    return _RELATIVE.sub(" ", sentence)


def main_clause_certainty(sentence: str) -> Certainty:
    """A sentence's hedge, leaving out its relative clauses ("to do all which may achieve …")."""
    return certainty(without_relative_clauses(sentence))


def reporting_certainty(sentence: str) -> Certainty:
    """The hedge of the sentence's reporting verb: the first one governs ("Lim calls Taiwanese hopes of …
    fantasy" reports as fact; "hopes" there is a noun)."""
    for word in re.findall(r"[a-z]+(?! tank)(?! of\b)", plain(sentence)):
        if word in _HEDGING_VERBS:
            return Certainty(_HEDGING_VERBS[word], (word,))
        if word in REPORTING_VERBS:
            break
    return Certainty(ASSERTED, ())


_FIRM_FUTURE = re.compile(r"\b(?:will|inevitabl\w*|certainly|bound to|is going to|are going to)\b")


def firm_prediction(text: str) -> bool:
    """States what will happen, unhedged ("will inevitably threaten")."""
    lowered = plain(unquoted(text))
    return bool(_FIRM_FUTURE.search(lowered)) and not certainty(text).hedged
