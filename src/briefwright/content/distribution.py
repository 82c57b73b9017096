""""Across" as distribution, not scope: "splitting the work across threads" restates "into multiple threads".

"Across" widens a claim when it spreads it over a whole place or class the quotes do not ("across Japan" for
"in Okinawa"). Over a plural the quotes themselves give as several ("multiple threads", "several agencies",
"different regions"), it says only that the thing is divided among them.
"""

from __future__ import annotations

import re

_ACROSS = re.compile(r"\bacross\s+(?:(?:the|its|their|multiple|several|many|different|various)\s+)?([a-z-]+s)\b")
_SEVERAL = r"(?:multiple|several|many|different|various|two|three|four|five|\d+)"


def across_as_quoted(lowered: str, quoted: str) -> bool:
    """Every "across" in the text spreads over a plural the quotes give as several."""
    found = _ACROSS.findall(lowered)
    return bool(found) and len(found) == len(re.findall(r"\bacross\b", lowered)) and all(
        re.search(rf"\b{_SEVERAL}\s+(?:[a-z-]+\s+)?{re.escape(noun)}\b", quoted) for noun in found)
