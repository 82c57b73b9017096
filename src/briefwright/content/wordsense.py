"""Word knowledge the faithfulness rules need beyond word forms: which words are opposites, which
reporting verbs say the same thing, which modal verbs prescribe rather than hedge.

Word forms come from the lemmatiser (simplemma, whose tables ship in its wheel). Opposites would best come
from WordNet, but no well-kept package ships WordNet's antonym relations inside its wheel: `wn` and
`nltk` download the data at run time, which briefwright never does, and `wordnet-lookup` ships only the
list of terms. So the opposites are a small table of general English here: closed classes (before/after,
an end bound against a start bound: until/since, always/never, more/less, all/none) and the common
open-class pairs a report turns on (accept/reject, allow/ban, increase/decrease, support/oppose). Words
that are mostly something else in running prose ("end" the noun, "close" meaning near, "last" the verb,
"right" the noun, "present" the verb) are left out: a pair here must be opposite in nearly every use. No
entry names anything of a project's topic.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefwright.content.language import lemma, plain, unquoted

_PAIRS = """
    accept:reject accept:refuse accept:decline approve:reject approve:veto agree:disagree admit:deny confirm:deny
    allow:ban allow:forbid allow:prohibit permit:ban permit:forbid permit:prohibit legalize:ban
    include:exclude inclusion:exclusion
    increase:decrease increase:reduce increase:cut rise:fall raise:lower expand:shrink expand:reduce grow:shrink
    growth:decline strengthen:weaken strong:weak stronger:weaker tighten:ease tighten:loosen impose:lift
    support:oppose supporter:opponent favor:oppose favour:oppose encourage:discourage help:hinder benefit:harm
    improve:worsen improve:deteriorate succeed:fail success:failure win:lose victory:defeat gain:lose
    before:after before:since until:since until:after
    above:below inside:outside within:outside more:less more:fewer most:least many:few
    always:never often:rarely everyone:nobody everything:nothing all:none maximum:minimum majority:minority
    high:low higher:lower easy:difficult easy:hard easier:harder safe:dangerous safety:danger
    legal:illegal formal:informal official:unofficial public:private domestic:foreign military:civilian
    direct:indirect directly:indirectly present:absent presence:absence war:peace ally:enemy friend:enemy
    attack:defend offensive:defensive buy:sell import:export send:receive arrive:depart
    start:stop begin:stop continue:stop remember:forget true:false correct:incorrect
    wide:narrow large:small larger:smaller long:short longer:shorter fast:slow rich:poor
    north:south east:west northern:southern eastern:western
    agree:refuse agree:decline grant:deny grant:refuse allow:prevent permit:prevent enable:prevent comply:violate
    obey:defy join:quit appoint:dismiss deploy:withdraw arm:disarm praise:criticize praise:criticise praise:condemn
    welcome:condemn endorse:oppose endorse:reject voluntary:mandatory voluntary:compulsory optional:mandatory
    temporary:permanent internal:external urban:rural upstream:downstream surplus:deficit profit:loss gain:loss
    add:remove enter:exit entry:exit guilty:innocent acquit:convict optimistic:pessimistic positive:negative
    lend:borrow cheap:expensive major:minor advance:retreat approve:block accept:block
    safe:unsafe fair:unfair just:unjust kind:unkind wise:unwise true:untrue
"""
OPPOSITES: dict[str, frozenset[str]] = {}
for _pair in _PAIRS.split():
    _one, _other = _pair.split(":")
    OPPOSITES[_one] = OPPOSITES.get(_one, frozenset()) | {_other}
    OPPOSITES[_other] = OPPOSITES.get(_other, frozenset()) | {_one}

# Kinds of place: a clause that names one where its passage names another ("fell on Japanese territory" for
# "landed in Japan's Exclusive Economic Zone") moves what it reports to a different, often wider, place.
_PLACES = """territory:territory soil:territory mainland:mainland homeland:mainland waters:waters
    sea:waters zone:zone coast:coast coastline:coast shore:coast island:island islands:island airspace:airspace
    region:region province:province prefecture:province city:city capital:city town:city
    border:border frontier:border continent:continent hemisphere:hemisphere"""
# Each word of place → its kind; synonyms ("coast", "shore") are one kind. Not "land" or "state": mostly verbs.
PLACE_KINDS: dict[str, str] = dict(pair.split(":") for pair in _PLACES.split())

# Reporting verbs grouped by what they commit their subject to: within a group one may stand for another
# ("reiterated" / "stressed"); across groups they may not ("noted" is not "warned", "suggested" not "insisted").
_FORCES = {
    "assert": """say state stress emphasise emphasize underline underscore reiterate repeat restate affirm
                 reaffirm insist highlight note observe remark mention add point write tell declare announce
                 report describe explain""",
    "argue": "argue contend maintain hold claim assert reason",
    "believe": "believe think consider regard see view feel judge assess conclude find reckon",
    "expect": "expect predict anticipate foresee forecast project estimate",
    "suggest": "suggest speculate wonder imply hint",
    "warn": "warn caution fear",
    "propose": "propose recommend urge advocate call ask hope want",
}
REPORTING_FORCE: dict[str, str] = {verb: force for force, verbs in _FORCES.items() for verb in verbs.split()}

_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=8192)
def lemmas(text: str) -> frozenset[str]:
    """Every word's lemma, function words included (the closed classes are function words)."""
    return frozenset(lemma(word) for word in _WORD.findall(plain(unquoted(text))))


# Phrases that say a word of the opposites table: "prior to 30 days after receipt" says "before" too.
_PHRASE_WORDS = {"prior to": "before", "in advance of": "before", "subsequent to": "after"}


def _phrase_words(text: str) -> frozenset[str]:
    lowered = plain(text)
    return frozenset(word for phrase, word in _PHRASE_WORDS.items() if re.search(rf"\b{phrase}\b", lowered))


def swapped_opposite(clause: str, passage: str) -> tuple[str, str] | None:
    """(the clause's word, the passage's) when the clause puts a word where the passage has its opposite:
    the clause uses it and not the opposite, the passage the opposite and not it."""
    said, quoted = lemmas(clause) | _phrase_words(clause), lemmas(passage) | _phrase_words(passage)
    for word in sorted(said - quoted):
        for opposite in sorted(OPPOSITES.get(word, frozenset()) & quoted - said):
            return word, opposite
    return None


def place_swap(clause: str, passage: str, quoted: frozenset[str]) -> tuple[str, str] | None:
    """(the clause's kind of place, the passage's) when the clause names a kind of place none of its quotes
    name (quoted: the lemmas of all of them) and the passage it restates names another."""
    def kinds(words: frozenset[str]) -> dict[str, str]:
        return {PLACE_KINDS[word]: word for word in sorted(words) if word in PLACE_KINDS}

    said, there, every = kinds(lemmas(clause)), kinds(lemmas(passage)), kinds(quoted)
    new = [word for kind, word in said.items() if kind not in every]
    other = [word for kind, word in there.items() if kind not in said]
    return (new[0], other[0]) if new and other else None


def force(verb: str) -> str | None:
    """The force of a reporting verb in any form ("stressed" → "assert"), None for other words."""
    return REPORTING_FORCE.get(lemma(verb.lower()))


def same_force_in(verb: str, passages: list[str]) -> bool:
    """A reporting verb whose force a verb of the passages has: a paraphrase may swap one for the other."""
    wanted = force(verb)
    return wanted is not None and any(REPORTING_FORCE.get(word) == wanted
                                      for passage in passages for word in lemmas(passage))


# Modal verbs of obligation: "X argues Taiwan should arrange …" carries X's prescription, not a likelihood.
_PRESCRIBES = re.compile(r"\b(?:should|must|ought to|needs? to|has to|have to)\b")


def prescribes(clause: str) -> bool:
    return bool(_PRESCRIBES.search(plain(unquoted(clause))))
