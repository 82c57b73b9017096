"""The faithfulness rules by code, each with what it asks of the content (the coverage report and the
codes registry describe findings with these)."""

from __future__ import annotations

FAITHFULNESS_RULES: dict[str, str] = {
    "claim-number": "every number, year and month a claim states appears in the claim's own quotes",
    "claim-certainty": "a claim is no more certain (ICD 203 scale, modal verbs, hearsay, absolutes) than the quotes "
                       "it restates",
    "claim-condition": "a claim keeps the condition ('if …', 'were … to') of the quotes it restates",
    "claim-opinion": "a source's opinion or proposal is attributed, not stated as fact",
    "claim-quantifier": "'all/each/both sources', 'N of the M sources', 'the sources agree' are true of the cited set",
    "claim-attribution": "a claim that names a source's author or publisher cites that source",
    "conflict-citation": "a 'Sources differ' line cites every source it names",
    "judgment-confidence": "key judgments and the BLUF state a confidence (low, moderate, high)",
    "claim-unsupported": "a reporting sentence aligns to a quote, or the point marks it as the author's analysis",
    "claim-negation": "a clause keeps the negation (or affirmation) of the passage it restates, and which "
                      "alternative of a contrast ('X, not Y') it affirms",
    "claim-scope": "scope words ('all', 'every', 'the only', 'most') appear in the quotes they restate, and the "
                   "places, bodies and people a claim names are named by its sources' quotes",
    "claim-cause": "a cause or consequence ('because', 'led to') is stated by a quote",
    "claim-aspect": "a plan, intention or expectation is not reported as done",
    "claim-date": "a year that dates a report in the quotes is not given as the date of what was reported, nor a "
                  "start ('since') as an end ('until')",
    "judgment-confidence-fit": "a judgment's confidence fits its evidence: not 'high' on one source or on disputed points",
    "judgment-conflict": "a judgment that follows one side of a recorded dispute says that sources differ",
}
