"""Which denials in a passage bear on what a clause restates.

The polarity rule reports a clause that drops the passage's negation. Three denials are not the passage's
answer to what the clause says:

- a denial inside the passage's condition: "Rights terminate if you fail to comply" affirms that rights
  terminate; "fail" belongs to the case, not to the outcome ("Rights end automatically" keeps it);
- litotes, a denied limit that affirms more ("not limited to numerical parameters" is "goes beyond
  numerical parameters"); the same limit stated plainly ("limited to …") still reverses it;
- a clause that withholds in a verb of its own ("the grant excludes removed code") states the exclusion
  that the passage words as "no licence is granted for removed code".
"""

from __future__ import annotations

import re

from briefwright.content import language as lang
from briefwright.content import lexicon as lex

# A condition from its marker to the end of its clause ("if You fail to comply with any of its terms").
_ANTECEDENT = re.compile(r"\b(?:if|unless|provided that|in case|in the event that)\b[^,;:]*")
# A denied limit: what it denies is that the thing stops there.
_LITOTES = re.compile(r"\bnot (?:limited|restricted|confined) to\b")
_BEYOND = re.compile(r"\b(?:beyond|exceeds?|exceeding|more than|other than|besides|extends? to|goes? further)\b")
# Verbs and prepositions that withhold: a clause with one states an exclusion, which a denial can restate.
_WITHHOLDS = re.compile(r"\b(?:exclud\w*|except\w*|withh[oe]ld\w*|bars?|barred|den(?:y|ies|ied)|refus\w*"
                        r"|rules? out|ruled out|omits?|omitted|leaves? out|left out|strips?"
                        # forbidding, and giving up what one had ("safe Rust forbids", "give up the guarantees")
                        r"|forb[ia]d\w*|prohibit\w*|disallow\w*|gives? up|gave up|giving up|forgo\w*|forwent"
                        r"|relinquish\w*|surrender\w*|waiv(?:e|es|ed|ing))\b")


# Verbs whose meaning is a failure to act: a condition with one restates a denied condition ("if you breach
# its terms" for "if You fail to comply with its terms") without a "not" of its own.
_FAILING = re.compile(r"\b(?:breach\w*|violat\w*|infring\w*|default\w*|neglect\w*|fail\w*|contraven\w*)\b")


def _antecedents(clause: str) -> str:
    return " ".join(match.group(0) for match in _ANTECEDENT.finditer(lang.plain(clause)))


def denies_outcome(passage: str, clause: str) -> bool:
    """Whether the passage's denial bears on the clause: not one inside a condition the clause does not
    restate as its own, nor a litotes the clause states positively."""
    lowered = lang.plain(passage)
    if not lex.conditions(clause) or _FAILING.search(_antecedents(clause)):
        lowered = _ANTECEDENT.sub(" ", lowered)  # "if you breach its terms" restates "if You fail to comply"
    if _BEYOND.search(lang.plain(clause)):
        lowered = _LITOTES.sub(" ", lowered)
    # A denial inside a relative clause ("five actions … that you can't take in safe Rust") qualifies its
    # noun; it bears on a clause that restates none of the relative clause's words no more than on the noun.
    said = lang.content_words(clause)
    lowered = _RELATIVE_CLAUSE.sub(lambda match: match.group(0) if lang.content_words(match.group(0)) & said
                                   else " ", lowered)
    return bool(lex.negated(lowered))


# Denials that scope over their whole sentence, however many clauses follow ("In no event …, shall any
# Contributor be liable"): the clause restated may lie commas away from its "no".
_SENTENCE_DENIAL = re.compile(r"\b(?:in no event|under no circumstances?|at no time|in no case|on no account)\b")


def scoped_denial(sentence: str, clause: str) -> bool:
    """The sentence opens a denial of everything after it before the clause ("In no event …, shall X be liable")."""
    lowered, part = lang.plain(sentence), lang.plain(clause)
    found = _SENTENCE_DENIAL.search(lowered)
    return found is not None and 0 <= found.start() < max(lowered.find(part), 0)


_RELATIVE_CLAUSE = re.compile(r"\b(?:that|which|who|whom)\b[^,;:.]*")


def withholds(sentence: str) -> bool:
    """The sentence states an exclusion in a verb of its own ("excludes", "withholds", "except")."""
    return bool(_WITHHOLDS.search(lang.plain(lang.unquoted(sentence))))
