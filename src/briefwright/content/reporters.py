"""Reporters named in common nouns: a document or party a claim has speak must be its own source.

The speaker rule checks proper names ("Kotani says"); a technical or institutional text is as often
cited by a common-noun phrase: "the book says", "the authors ask", "the chapter warns". Such a phrase
refers to the cited source itself. Another document or party in its place moves the attribution: "the C++
standard says", "the compiler's error messages ask", "the standard library's documentation calls",
"in the operating system's own test run". A phrase counts as the source's own when each of its words is a
generic name of a text or its writers ("book", "authors", "chapter"), a word of a cited source's title,
or a name of a source; and as evidence when one passage the claim cites names that document or party
itself (a source reporting what another says). General English only: the nouns are those of documents,
their parts, their writers and readers of evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import language as lang
from briefwright.content.alignment import Finding, LintContext
from briefwright.content.claims import Claim
from briefwright.content.passages import REPORTING_FIELDS, short

# Words by which a text refers to itself or to its writers.
_SELF = frozenset("""
    book text chapter section part article author authors writer writers editor editors document source passage
    speech essay letter paper licence license same own this these its their his her entire whole present guide
    tutorial study report volume work introduction appendix preface
""".split())
# Heads of a phrase that names a document or a party able to say something.
_SPEAKING = frozenset("""
    documentation docs standard specification spec manual reference guide handbook textbook book chapter text
    article report paper faq rfc website site blog tutorial notes commentary message messages team maintainers
    developers designers committee community authors author writers press media study survey experts officials
    researchers critics documents document FAQ
""".split())
# What a possessor is credited with when the phrase attributes evidence to it ("the book's example run").
_EVIDENCE = ("example", "examples", "run", "test", "listing", "account", "words", "documentation", "docs",
             "definition", "figures", "data", "survey", "findings", "report", "warning", "advice",
             "recommendation", "messages", "message", "manual", "guide")
_VERBS = ("says", "said", "warns", "warned", "asks", "asked", "calls", "called", "suggests", "suggested",
          "recommends", "recommended", "notes", "noted", "argues", "argued", "explains", "explained", "states",
          "stated", "claims", "claimed", "writes", "wrote", "describes", "described", "advises", "advised",
          "urges", "urged", "insists", "stresses", "tells", "told", "cautions", "cautioned", "prefers")
_WORD = r"[\w+#'’-]+"
_REPORTER = re.compile(rf"(?:^|[,;:(]\s*|\b(?:but|and|that|while|so)\s+)(?P<phrase>(?:[Tt]he|[Aa]n?|[Ii]ts)\s+"
                       rf"(?:{_WORD}\s+){{0,5}}?{_WORD})\s+(?:{'|'.join(_VERBS)})\b")
_POSSESSOR = re.compile(rf"\b(?P<phrase>[Tt]he\s+(?:{_WORD}\s+){{0,3}}?{_WORD}?)['’]s\s+(?:own\s+)?(?:\w+\s+)?"
                        rf"(?:{'|'.join(_EVIDENCE)})\b")


def _words(phrase: str) -> list[str]:
    return [word.removesuffix("'s").removesuffix("’s") for word in phrase.lower().split()[1:]]


def _own(phrase: str, context: LintContext, cited: tuple[str, ...]) -> bool:
    """The phrase refers to a cited source: its generic name, its title's words, or a source's name."""
    if context.names.named_in(phrase):
        return True
    titles = " ".join(str(context.sources.sources[source].meta.title) for source in cited
                      if source in context.sources.sources)
    title_words = set(re.findall(r"[\w+#-]+", titles.lower()))
    return all(word in _SELF or word in title_words or word in lang.STOPWORDS for word in _words(phrase))


def _named_by_quotes(phrase: str, claim: Claim) -> bool:
    """One passage the claim cites names the document or party ("the standard library documentation says …")."""
    words = [word for word in _words(phrase) if word not in lang.STOPWORDS]
    return any(all(re.search(rf"(?<![\w-]){re.escape(word)}", quote.lower()) for word in words)
               for _, quote in claim.quotes)


def reporters(sentence: str) -> list[str]:
    """The common-noun phrases a sentence has say something, or credits with evidence."""
    found = [match.group("phrase") for match in _REPORTER.finditer(sentence)
             if _words(match.group("phrase"))[-1] in _SPEAKING or "'s " in match.group("phrase")
             or "’s " in match.group("phrase")]
    return found + [match.group("phrase") for match in _POSSESSOR.finditer(sentence)]


def check_reporters(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A document or party named in common nouns as the speaker, which is not the claim's source."""
    if claim.field not in REPORTING_FIELDS or claim.analysis or not claim.quotes:
        return
    for sentence in lang.sentences(claim.text):
        for phrase in reporters(lang.unquoted(sentence)):
            if _own(phrase, context, claim.cited) or _named_by_quotes(phrase, claim):
                continue
            yield Finding("claim-attribution", claim,
                          f"“{short(sentence)}” credits {phrase.lower()} with it, but the passage is "
                          f"{', '.join(claim.cited)}'s and none of its quotes names {phrase.lower()}",
                          "name the source the quote comes from, or quote the passage that names the speaker")
            return
