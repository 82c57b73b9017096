"""Just enough English analysis to compare a claim with its quotes.

The faithfulness rules need to know, for a sentence: its clauses, its content words
(to find which quote a clause restates), the numbers and months it states, how
certain it sounds on the ICD 203 scale, whether it is conditional, prescriptive or
evaluative, and whether it reports someone else's view. These are word lists, not
a parser: they are tuned to be strict (a finding is a place to look) and every rule
can be waived per point with a written reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefwright.content.contractions import expanded
from briefwright.content.lemmatiser import dictionary_lemma
from briefwright.content.memo import clear_memoised_lists, memoised_list
from briefwright.content.numbers import spelled_numbers
from briefwright.content.spelling import one_spelling
from briefwright.sources.sentences import ABBREVIATION
from briefwright.sources.textnorm import normalise_plain

# ICD 203 expressions of likelihood, weakest first, with the modal verbs and common
# hedges placed on the same scale. An unhedged statement asserts: level 7.
ASSERTED = 7
CERTAINTY_TERMS: dict[str, int] = {
    "almost no chance": 1, "remote": 1, "remotely": 1,
    "very unlikely": 2, "highly unlikely": 2, "highly improbable": 2,
    "unlikely": 3, "improbable": 3, "doubtful": 3,
    "roughly even chance": 4, "roughly even odds": 4, "even chance": 4,
    "could": 4, "may": 4, "might": 4, "can": 4, "possible": 4, "possibly": 4, "perhaps": 4,
    "potential": 4, "potentially": 4, "conceivably": 4,
    "likely": 5, "probable": 5, "probably": 5, "would": 5, "expected": 5, "expects": 5, "expect": 5,
    "plausible": 5, "reportedly": 5, "allegedly": 4,
    "very likely": 6, "highly likely": 6, "highly probable": 6,
    "almost certain": 7, "almost certainly": 7, "certain": 7, "nearly certain": 7, "will": 7, "certainly": 7,
    "inevitably": 7, "inevitable": 7, "bound to": 7, "undoubtedly": 7, "definitely": 7,
}
# Fixed phrases that contain a hedge word but hedge nothing.
NOT_HEDGES = ("more likely", "less likely", "more probable", "less probable", "as soon as possible",
              "where possible", "if possible", "whenever possible", "as far as possible", "as much as possible",
              "if necessary", "where necessary", "can only be", "can be only")  # a limit: "there can only be one"
SCALE_NAMES = {1: "almost no chance", 2: "very unlikely", 3: "unlikely", 4: "possible (could/may/might)",
               5: "likely (would/expected)", 6: "very likely", 7: "certain or asserted"}

CONDITIONAL_TERMS = ("if", "unless", "in the event", "in case", "provided that", "would", "should it", "once")
NORMATIVE_TERMS = ("should", "must", "ought", "need to", "needs to", "necessary", "imperative", "crucial",
                   "important", "essential", "vital", "indispensable", "best", "good", "better", "reasonable",
                   "easy", "pragmatic", "hope", "hoped", "hopes", "recommend", "urge", "call for", "it is time",
                   "valuable", "key to", "fantasy", "unrealistic", "obvious", "obviously", "wise", "unwise",
                   "desirable")
# Reported proposals ("proposed", "recommended", "calls for") are left out: they describe a view, not hold it.
REPORTING_VERBS = frozenset("""
    argue argues argued say says said expect expects expected judge judges judged notes noted report
    reports reported adds see sees saw calls called describe describes described warn warns warned
    propose proposes proposed hopes hoped suggest suggests suggested treat treats treated counts doubt
    doubts doubted believe believes believed think thinks thought holds urge urges urged recommend
    recommends recommended reads frames framed observe observes observed lists traces considers
    considered write writes wrote claim claims claimed contend contends contended assess assesses
    assessed stresses insist insists insisted acknowledge acknowledged stated estimate estimates
    estimated predict predicts predicted cites cited citing regards regarded conclude concludes concluded
    asks asked pray prays prayed reasons reasoned explains explained announce announces announced advise advises advised
""".split())
# Left out although they report speech, because they are common nouns here: state(s) ("United States"),
# question, view, list, link, fear, hold/held, maintain, regard ("in this regard"), add(ed), note, call.
REPORTING_PHRASES = ("according to", "in the view of", "in his words", "in her words", "in their words",
                     "in the words of", "as he puts it", "as she puts it", "as they put it", "in his view",
                     "in her view", "in their view", "'s view", "'s account", "'s maxim", "'s advice",
                     "'s point", "'s judgment", "'s reading", "it has been said", "is said to", "are said to", "'s text",
                     "reportedly", "on the account of")

_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12,
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "twentieth": 20, "fiftieth": 50, "hundredth": 100,
}
_ORDINALS = {word: value for word, value in _NUMBER_WORDS.items() if word.endswith(("th", "rd"))}
# "one" and "first"/"second" are left out on purpose: "one-China", "first island chain",
# "one of" are idioms far more often than counts.
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_ABBREVIATIONS = {name[:3]: name for name in MONTHS} | {"sept": "september"}

STOPWORDS = frozenset("""
    a about above after again against all also although am an and any are as at be because been before
    being below between both but by can could did do does doing down during each even ever every few
    for from further had has have having he her here hers him his how however i if in into is it its
    itself just least less more most much must no nor not now of off on once only or other our out over
    own same she should since so some such than that the their them then there these they this those
    through to too under until up upon very was we were what when where whether which while who whom
    why will with would yet you your may might shall one ones its also rather per via onto
""".split())

# What a brief calls the texts it draws on ("three of the five sources", "two speeches").
SOURCE_NOUN = r"(?:sources?|authors?|writers?|articles?|texts?|speech(?:es)?|essays?|papers?|reports?|documents?|letters?)"
_SOURCE_COUNT = r"(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# "three of the five sources" counts sources, not facts: the quantifier rule checks it.
SOURCE_COUNTS = re.compile(rf"\b{_SOURCE_COUNT}\s+(?:of\s+the\s+{_SOURCE_COUNT}\s+)?"
                           rf"{SOURCE_NOUN}\b")
_WORD = re.compile(r"[a-z][a-z'\-]*")
_MONTH_NAME = r"(?:" + "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_NAME})\b|\b({_MONTH_NAME})\.?\s+(\d{{1,2}})\b(?![\d+])")
_MODAL_AFTER = re.compile(r"\s+(?:not\s+)?[a-z]")  # "Python 2 may have to leave": the verb, not 2 May
# Digits end a word's name and version ("python3" states 3), not a short label's ("s2", "x86").
_DIGITS = re.compile(r"(?<![\d_.,])(?<!\b[a-z])(?<!\b[a-z]{2})(\d[\d,]*(?:\.\d+)?)(?:st|nd|rd|th|s)?(?![\w])")
_SENTENCE = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[A-Z0-9\"'“‘(])")
# Clause boundaries: punctuation and the conjunctions that open a new clause. A bare "and" is not
# one: it joins noun phrases ("humanitarian assistance and disaster relief") far more often.
_CLAUSE = re.compile(r"\s*(?:,[\u201d\u2019\"']?(?=\s)|[;:]|\s-\s|—|\s–\s|\bbut\b|\bwhile\b|\bwhereas\b|\bwhich\b|\bso\b"
                     r"|\bthough\b|\band that\b)\s*")


@lru_cache(maxsize=16384)
def plain(text: str) -> str:
    """Lower case, typographic quotes and dashes folded, whitespace collapsed, contractions written out."""
    return expanded(normalise_plain(" ".join(text.split())).lower())


@memoised_list
def sentences(text: str) -> list[str]:
    flat = " ".join(text.split())
    result: list[str] = []
    for part in _SENTENCE.split(flat) if flat else []:
        if not part.strip():
            continue
        if result and ABBREVIATION.search(result[-1]):
            result[-1] = f"{result[-1]} {part}"
        else:
            result.append(part)
    return result


@memoised_list
def clauses(sentence: str, keep_hedges: bool = False) -> list[str]:
    """A sentence cut at punctuation and coordinating words; pieces with no content word are dropped
    (kept, with keep_hedges, when they carry a hedge: "… not just possible but certain")."""
    return [part for part in _CLAUSE.split(sentence)
            if part and (content_words(part) or (keep_hedges and certainty(part).terms))]


# Demonyms a paraphrase swaps for the country ("Chinese invasion" for "China will invade").
DEMONYMS = {"chinese": "china", "japanese": "japan", "taiwanese": "taiwan", "american": "america",
            "americans": "america", "korean": "korea", "russian": "russia", "ukrainian": "ukraine",
            "australian": "australia", "european": "europe", "british": "britain", "indian": "india"}


def lemma(word: str) -> str:
    """A word's dictionary form from simplemma's English tables, shipped in its wheel (no download):
    irregular forms meet their lemma ("held" ~ "holds", "fell" ~ "fall", "struck" ~ "strike", "countries"
    ~ "country"), which suffix rules cannot do."""
    found = dictionary_lemma(word).lower()  # its tables capitalise names ("Taipei")
    # Its tables mix British and American spellings ("defence" → "defense" but "defences" → "defence"): a
    # spelling variant, not an inflection, stays as written (word_in matches spelling variants the same way
    # for every word).
    return word if len(found) == len(word) and found[:-2] == word[:-2] else found


@lru_cache(maxsize=16384)
def _stem(word: str) -> str:
    """The lemma, then a crude derivational stem that lets a paraphrase meet its quote across parts of
    speech: invasion ~ invade, storage ~ store (the lemmatiser only undoes inflection)."""
    word = word.strip("'-").removesuffix("'s")
    if word in DEMONYMS:
        return DEMONYMS[word]
    word = lemma(word) if word.isalpha() else word
    for suffix, replacement in (("ies", "y"), ("ations", "ate"), ("ation", "ate"), ("sions", "d"), ("sion", "d"),
                                ("ingly", ""), ("ing", ""), ("edly", ""), ("ed", ""), ("es", ""), ("s", ""),
                                ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + replacement
            break
    return one_spelling(word[:-1] if word.endswith("e") and len(word) > 4 else word)


@lru_cache(maxsize=8192)
def content_words(text: str) -> frozenset[str]:
    words = set()
    for word in _WORD.findall(plain(text)):
        for piece in word.split("-"):
            if len(piece) >= 3 and piece not in STOPWORDS and piece not in CERTAINTY_TERMS:
                words.add(_stem(piece))
    return frozenset(words)


@lru_cache(maxsize=1024)
def _term_pattern(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'-]){re.escape(term)}(?![\w-])")


def _has_term(text: str, term: str) -> bool:
    # Most terms are absent from most clauses: a plain substring test settles those without a regex.
    return term in text and _term_pattern(term).search(text) is not None


@dataclass(frozen=True)
class Quantities:
    numbers: frozenset[float]
    months: frozenset[str]
    days: frozenset[tuple[str, int]]  # (month, day): "4 August" and "August 4" are the same day

    @property
    def days_numbers(self) -> frozenset[float]:
        return frozenset(float(day) for _, day in self.days)

    def missing_from(self, other: Quantities) -> list[str]:
        missing = [_show_number(n) for n in sorted(self.numbers - other.numbers)]
        missing += [m.capitalize() for m in sorted(self.months - other.months)]
        return missing + [f"{day} {month.capitalize()}" for month, day in sorted(self.days - other.days)]


def number_value(word: str) -> int:
    """A count written in digits or as a word ("3", "three")."""
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _show_number(value: float) -> str:
    if value != int(value):
        return str(value)
    return str(int(value)) if value < 10_000 else f"{int(value):,}"  # years without a comma


@lru_cache(maxsize=8192)
def quantities(text: str) -> Quantities:
    """Numbers (digits, number words, ordinals, decades) and month names a text states."""
    lowered = plain(text)
    return Quantities(frozenset(_numbers(lowered)), frozenset(_months(lowered)), frozenset(_days(lowered)))


def _numbers(lowered: str) -> set[float]:
    numbers: set[float] = set()
    for match in _DIGITS.finditer(lowered):
        digits = match.group(1).rstrip(",").replace(",", "")
        try:
            numbers.add(float(digits))
        except ValueError:
            continue
    spelled, rest = spelled_numbers(lowered)
    numbers |= spelled
    for word in _WORD.findall(rest):
        for piece in word.split("-"):
            if piece in _ORDINALS:
                numbers.add(float(_ORDINALS[piece]))
    return numbers


def _days(lowered: str) -> set[tuple[str, int]]:
    days = set()
    for match in _DAY_MONTH.finditer(lowered):
        day, month = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        name = _MONTH_ABBREVIATIONS.get(month[:3]) if month not in MONTHS else month
        if name and 1 <= int(day) <= 31 and not (name == "may" and _MODAL_AFTER.match(lowered, match.end())):
            days.add((name, int(day)))
    return days


def _months(lowered: str) -> set[str]:
    months = set()
    for word in re.findall(r"[a-z]+\.?", lowered):
        bare = word.rstrip(".")
        if bare in MONTHS and bare != "may":
            months.add(bare)
        elif bare == "may" and re.search(r"\bmay\s+\d", lowered):  # the month, not the modal verb
            months.add("may")
        elif word.endswith(".") and bare in _MONTH_ABBREVIATIONS:
            months.add(_MONTH_ABBREVIATIONS[bare])
    return months


@lru_cache(maxsize=16384)
def unquoted(text: str) -> str:
    """The text without its inner quotations: a quoted name ("important state of affairs") asserts nothing."""
    return re.sub(r"\"[^\"]*\"", " ", normalise_plain(text))


_AS_X_AS_POSSIBLE = re.compile(r"\bas \w+ as possible\b")


# A denied ability or permission asserts: "can not consecrate", "No man can be a judge beyond sixty".
_DENIED_MODAL = re.compile(r"\b(?:can not|cannot|can't|could not|couldn't|may not|might not)\b"
                           r"|\b(?:no|neither|nor|nobody|none|nothing)\s+(?:\w+\s+){0,3}?(?:can|could|may)\b")


def _without_fixed_phrases(lowered: str) -> str:
    for phrase in NOT_HEDGES:
        lowered = lowered.replace(phrase, " ")
    return _DENIED_MODAL.sub(" not ", _AS_X_AS_POSSIBLE.sub(" ", lowered))


@dataclass(frozen=True)
class Certainty:
    level: int  # 1..7 on the ICD 203 scale; ASSERTED when unhedged
    terms: tuple[str, ...]  # the words that set it

    @property
    def hedged(self) -> bool:
        return self.level < ASSERTED

    @property
    def commitment(self) -> int:
        """Distance from an even chance: "unlikely to change" commits as much as "likely to stay"."""
        return abs(self.level - 4)

    def describe(self) -> str:
        words = ", ".join(f"'{t}'" for t in self.terms) if self.terms else "no hedge"
        return f"{words} ({SCALE_NAMES[self.level]})"


@lru_cache(maxsize=8192)
def certainty(text: str) -> Certainty:
    """The weakest likelihood a text expresses: a hedge limits everything it qualifies."""
    lowered = _INDIRECT_QUESTION.sub(" ", _without_fixed_phrases(plain(unquoted(text))))
    found: list[tuple[str, int]] = []
    for term in sorted(CERTAINTY_TERMS, key=len, reverse=True):
        if _has_term(lowered, term) and not any(term in longer for longer, _ in found):
            if term == "may" and (re.search(r"\bmay\s+\d", lowered) or not re.search(r"\bmay\b", text)):
                continue  # the month ("in May", "May 4"): the modal is written in lower case
            found.append((term, CERTAINTY_TERMS[term]))
    if not found:
        return Certainty(ASSERTED, ())
    weakest = min(abs(level - 4) for _, level in found)
    level = next(level for _, level in found if abs(level - 4) == weakest)
    return Certainty(level, tuple(term for term, found_level in found if found_level == level))


_INVERTED_CONDITIONAL = re.compile(r"(?:^|[,;]\s*)(?:(?:were|had)\s+\w+(?:\s+\w+)?\s+to\b"
                                   r"|should\s+(?:there|it|they|he|she|we|the\s+\w+)\b)")
# "whether it would intervene": a hedge inside an indirect question qualifies the question, not the claim.
_INDIRECT_QUESTION = re.compile(r"\bwhether\b[^;]*")


def without_indirect_questions(text: str) -> str:
    return _INDIRECT_QUESTION.sub(" ", text)


@memoised_list
def conditional_terms(text: str) -> list[str]:
    """Words that make a statement depend on a condition ("if", "unless", "were China to …")."""
    lowered = _INDIRECT_QUESTION.sub(" ", _without_fixed_phrases(plain(unquoted(text))))
    found = [term for term in CONDITIONAL_TERMS if _has_term(lowered, term)]
    if _INVERTED_CONDITIONAL.search(lowered):
        found.append("were … to")
    return found


# "the necessary constitutional means" names a means; "is necessary" and "necessary to" judge.
_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|all|any|every|its|their)\s+necessary\b")


@memoised_list
def normative_terms(text: str) -> list[str]:
    """Words that make a statement a recommendation or an evaluation ("should", "crucial", "a good …")."""
    lowered = _ATTRIBUTIVE.sub(" ", _without_fixed_phrases(plain(unquoted(text))))
    return [term for term in NORMATIVE_TERMS if _has_term(lowered, term)]


_CONDITION_OPENERS = ("if ", "unless ", "were ", "should ", "had ", "in the event", "in case", "provided ")


@memoised_list
def conditional_clauses(sentence: str) -> list[tuple[str, bool]]:
    """The sentence's clauses, each marked conditional when it states or depends on a condition:
    it has a conditional word itself, or it is the consequence right after an "if …" clause."""
    marked: list[tuple[str, bool]] = []
    after_condition = False
    for clause in clauses(sentence):
        opens = plain(clause).startswith(_CONDITION_OPENERS)
        marked.append((clause, bool(conditional_terms(clause)) or after_condition))
        after_condition = opens
    return marked


@lru_cache(maxsize=16384)
def reports_a_view(sentence: str) -> bool:
    """Whether the sentence attributes what it says ("Kotani expects…", "according to…")."""
    lowered = plain(sentence)
    if any(phrase in lowered for phrase in REPORTING_PHRASES):
        return True
    words = re.findall(r"[a-z]+", lowered)
    # "hopes of SDF help", "the calls in Tokyo": a reporting word used as a noun reports nothing.
    return any(word in REPORTING_VERBS and words[index + 1: index + 2] != ["of"]
               and words[index - 1: index] not in (["the"], ["their"], ["his"], ["her"], ["its"], ["our"], ["these"])
               for index, word in enumerate(words))


def mentions(text: str, name: str) -> bool:
    """Whether a name (a source's author or publisher) appears as whole words."""
    return re.search(rf"(?<![\w]){re.escape(plain(name))}(?![\w])", plain(text)) is not None


def clear_caches() -> None:
    """Forget memoised analyses (the bench times a cold lint)."""
    for cached in (plain, content_words, quantities, unquoted, certainty, _term_pattern, _stem, reports_a_view):
        cached.cache_clear()
    clear_memoised_lists()
