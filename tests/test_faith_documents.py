"""Documents named (content/documents.py): a claim that names one source's document ("the Quiet Hours Act",
"the QHA") for what another source's passage says moves the attribution; naming the document that says it
does not. Names come from titles that end in a document noun; an article's title gives none. Neutral text:
two town bylaws."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from briefwright.content.claims import Claim
from briefwright.content.documents import title_names
from briefwright.content.faithfulness import lint_claim, lint_context
from briefwright.content.modules import Content
from briefwright.diagnostics import Where
from briefwright.sources.registry import Source, SourceMeta, SourceRegistry

TITLES = {"noise": "Quiet Hours Act, 2019 edition", "parking": "Riverton Parking Ordinance (excerpt)"}
NOISE = ("noise", "No amplified music may be played outdoors between 11 p.m. and 7 a.m.")
PARKING = ("parking", "Vehicles parked on a residential street for more than 72 hours may be towed.")


def _findings(text: str, field: str = "summary") -> dict[str, str]:
    def meta(source_id: str) -> SourceMeta:
        return SourceMeta(id=source_id, file=f"{source_id}.txt", sha256="0" * 64, title=TITLES[source_id],
                          authors="unknown", publisher="unknown", date="2020", translator="none stated",
                          url="unknown")
    registry = SourceRegistry({source_id: Source(meta(source_id), Path(f"{source_id}.txt"), "", [])
                               for source_id in sorted(TITLES)}, Path("sources.yaml"))
    claim = Claim("point:synthetic", field, text, (NOISE, PARKING), ("noise", "parking"), Where(field=field))
    context = lint_context(cast(Content, None), registry, [claim])
    return {finding.rule: finding.message for finding in lint_claim(claim, context)}


class Describe_named_documents:
    def it_reads_names_from_a_documents_title_only(self) -> None:
        assert title_names("Quiet Hours Act, 2019 edition") == {"Quiet Hours Act", "QHA"}
        assert title_names("Riverton Parking Ordinance (excerpt)") >= {"Riverton Parking Ordinance", "RPO"}
        assert "Apache" in title_names("Apache License, Version 2.0")
        assert title_names("Why Towns Need Quiet Hours") == set()

    def it_reports_a_passage_given_to_another_document(self) -> None:
        found = _findings("Under the Quiet Hours Act, vehicles parked on a residential street for more than 72 "
                          "hours may be towed.")
        assert "names Quiet Hours Act" in found["claim-attribution"]
        found = _findings("The RPO bans amplified music outdoors between 11 p.m. and 7 a.m.")
        assert "names RPO" in found["claim-attribution"]

    def it_keeps_the_document_that_says_it(self) -> None:
        assert "claim-attribution" not in _findings("Under the QHA, no amplified music may be played outdoors "
                                                    "between 11 p.m. and 7 a.m.")
        assert "claim-attribution" not in _findings("The Riverton Parking Ordinance lets vehicles parked on a "
                                                    "residential street for more than 72 hours be towed.")
