"""Aspect: a plan, intention, expectation or proposal, versus a completed act ("decided to post" is not
"posted"). Word lists like the rest of lexicon.py, which re-exports these for the rules."""

from __future__ import annotations

import re

from briefwright.content.language import content_words, plain, unquoted
from briefwright.content.lemmatiser import dictionary_lemma

# Aspect: a plan, intention, expectation or proposal, versus a completed act.
_PROSPECTIVE = re.compile(
    r"\b(?:plans?|planned|planning|plan to|decid\w* to|decision to|intends?|intended|intention|wants?|wanted"
    r"|hopes?|hoped|will|would|shall|expect\w*|is to|are to|to be sent|aims?|seeks?|sought|propos(?:e|es|ed|ing) to"
    r"|offer(?:s|ed)? to|calls? for|urg\w*|going to|about to|may|might|could|can|should|must|likely|intend\w*"
    r"|pledg\w*|vow\w*|promis\w*|consider\w*|want to|envisag\w*|if|unless|otherwise|advocat\w*"
    # Urging another to act gives the act as wanted, not done ("encouraged Taiwan and the US to share").
    r"|encourag\w*|recommend\w*|advis\w*|press\w* for"
    # An obligation states what must happen, not what did ("consultation is required before …").
    r"|requir\w*|obliged|obligated|mandat\w*|scheduled|supposed to|bound to)\b")
# A completed act: a past-tense or perfect verb ("posted", "has sent", "upgraded").
_COMPLETED = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been\s+)?([a-z]+(?:ed|en|t|wn|ne|come))\b"
                        r"|\b(?!need|feed|seed|speed|bleed|proceed|exceed|succeed|shed|bred|heed|deed|weed|reed)"
                        r"([a-z]{2,}ed)\b"
                        r"|\b(sent|made|built|took|gave|held|began|set up|won|fought|met|paid|sold|bought|became"
                        r"|brought|went|came|did|spent|withdrew|withdrawn)\b")


def prospective(text: str) -> bool:
    return bool(_PROSPECTIVE.search(plain(unquoted(text))))


def completed(text: str) -> list[str]:
    """The verbs that state a completed act (case kept, so "United" is no past tense)."""
    flat = " ".join(unquoted(text).split())
    found = [next(group for group in match.groups() if group) for match in _COMPLETED.finditer(flat)]
    # Any other perfect: an auxiliary and a participle the lemmatiser knows ("has begun", "have drawn"). Its
    # tables directly: language.lemma keeps same-length forms as spelling variants, and "begun" is one.
    return found + [verb for verb in _PERFECT.findall(flat) if verb not in found and verb != "been"
                    and not verb.endswith("ing") and dictionary_lemma(verb).lower() != verb]


_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been\s+)?([a-z]+)\b")


_PLAN_VERB = re.compile(r"^(?:decid|plann|agre|pledg|propos|offer|promis|want|intend|expect|vow|resolv|aim|sought"
                        r"|call|urg|hop|announc)")


def planned_act(clause: str) -> bool:
    """A clause that gives an act as planned: prospective, and any act it reports done is a decision or a plan
    ("decided to send"; not "has said he will pursue", "have enhanced … to prepare")."""
    done = completed(clause) + _SAID.findall(plain(clause))
    return prospective(clause) and all(_PLAN_VERB.match(verb.lower()) for verb in done)


# A saying done ("has said he will"), not hearsay ("is said to intend", which hedges the plan it reports).
_SAID = re.compile(r"\b(?<!is )(?<!are )(?<!was )(?<!were )(?:said|told|wrote|spoke|has stated|have stated)\b")


# A planned, intended or possible verb with its object ("wants to start a careful review" plans the review
# too; "intends to send an officer" plans the sending), and "advocating for creating", which plans the creating.
_DETERMINED = r"(?:(?:a|an|the|its|their|his|her|any|some)\s+(?:[a-z]+\s+)?)?[a-z]+"
_PLANNED_VERB = re.compile(rf"\b(?:to|will|would|could|may|might|should|must|can|shall|wants?|wanted|plans?"
                           rf"|planned|intends?|seeks?)\s+(?:\w+ly\s+)?(?:to\s+)?{_DETERMINED}"
                           rf"(?:\s+(?:a|an|the|its|their|his|her)\s+(?:[a-z]+\s+)?[a-z]+)?"
                           rf"|\bfor\s+[a-z]+ing\b"
                           # all another is urged to do: "encouraged Taiwan and the US to … enhance their sharing"
                           rf"|\b(?:encourag|urg|advis|invit)\w*\s+(?:[a-z]+\s+){{0,5}}?to\s+[^,;.]*")


def planned_words(text: str) -> frozenset[str]:
    """The verbs a text gives as future ("will further strengthen" → strengthen)."""
    verbs = (match.group(1) for match in _FUTURE_VERB.finditer(plain(unquoted(text))))
    return content_words(" ".join(verb for verb in verbs if verb not in ("be", "have", "been")))


_FUTURE_VERB = re.compile(r"\b(?:will|shall)\s+(?:\w+ly\s+)?([a-z]+)")


def unplanned_words(text: str) -> frozenset[str]:
    """Content words of a text, less the verbs it gives as planned, intended or possible ("to extend")."""
    return content_words(_PLANNED_VERB.sub(" ", plain(unquoted(text))))
