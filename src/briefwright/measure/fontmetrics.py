"""Glyph advances shipped with briefwright, so a build needs no fonts installed.

Products name the fonts Word and PowerPoint users have: Arial, Times New Roman, Calibri
and Cambria (the Office theme fonts most templates name) and, for Japanese and Chinese
text, Yu Gothic. Their metric-compatible free twins — Liberation Sans and Liberation
Serif, Carlito and Caladea (SIL Open Font License 1.1), designed to have exactly the
advance widths of Arial, Times New Roman, Calibri and Cambria — are what LibreOffice
substitutes, and their advances are snapshotted here. CJK ideographs and kana are full-width (one em) in
every Japanese font, so Noto Sans CJK JP's advances measure Yu Gothic, MS Gothic or
Meiryo text exactly for those characters; they are used only for East Asian text and
for characters a Latin face lacks, never for Latin text set in a CJK font.

`python -m briefwright.measure.fontmetrics` rewrites the snapshot from the fonts installed on the
machine (Debian: fonts-liberation, fonts-crosextra-carlito,
fonts-crosextra-caladea, fonts-noto-cjk); the tests check that the snapshot and
the installed fonts agree glyph for glyph.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

METRICS_PACKAGE = "briefwright.metrics"


@dataclass(frozen=True)
class Snapshot:
    """One face's snapshot file: which font it came from, and where to find that font."""

    family: str
    bold: bool
    italic: bool
    file: str  # the snapshot's file name in briefwright/metrics
    font_file: str  # the font file it is made from, as Debian installs it
    index: int = 0  # the face's index in a font collection (.ttc)


SHIPPED: tuple[Snapshot, ...] = (
    *(Snapshot("Liberation Sans", bold, italic, f"liberation-sans-{style}.json",
               f"/usr/share/fonts/truetype/liberation/LiberationSans-{name}.ttf")
      for bold, italic, style, name in ((False, False, "regular", "Regular"), (True, False, "bold", "Bold"),
                                        (False, True, "italic", "Italic"), (True, True, "bold-italic", "BoldItalic"))),
    *(Snapshot("Liberation Serif", bold, italic, f"liberation-serif-{style}.json",
               f"/usr/share/fonts/truetype/liberation/LiberationSerif-{name}.ttf")
      for bold, italic, style, name in ((False, False, "regular", "Regular"), (True, False, "bold", "Bold"),
                                        (False, True, "italic", "Italic"), (True, True, "bold-italic", "BoldItalic"))),
    *(Snapshot(family, bold, italic, f"{family.lower()}-{style}.json",
               f"/usr/share/fonts/truetype/crosextra/{family}-{name}.ttf")
      for family in ("Carlito", "Caladea")
      for bold, italic, style, name in ((False, False, "regular", "Regular"), (True, False, "bold", "Bold"),
                                        (False, True, "italic", "Italic"), (True, True, "bold-italic", "BoldItalic"))),
    Snapshot("Noto Sans CJK JP", False, False, "noto-sans-cjk-jp-regular.json",
             "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0),
    Snapshot("Noto Sans CJK JP", True, False, "noto-sans-cjk-jp-bold.json",
             "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 0),
)

# Family names (as a profile writes them) measured by a shipped snapshot.
LATIN_ALIASES: dict[str, str] = {
    "arial": "Liberation Sans", "arimo": "Liberation Sans", "liberation sans": "Liberation Sans",
    "times new roman": "Liberation Serif", "tinos": "Liberation Serif", "liberation serif": "Liberation Serif",
    # Carlito and Caladea (fonts-crosextra-carlito/-caladea, SIL OFL 1.1) have Calibri's and
    # Cambria's advance widths: the theme fonts of most Office templates since 2007.
    "calibri": "Carlito", "carlito": "Carlito",
    "cambria": "Caladea", "caladea": "Caladea",
}
EAST_ASIAN_ALIASES: dict[str, str] = {
    name.lower(): "Noto Sans CJK JP"
    for name in ("Noto Sans CJK JP", "Yu Gothic", "游ゴシック", "Yu Gothic Medium", "MS Gothic", "ＭＳ ゴシック",
                 "Meiryo", "メイリオ", "Hiragino Sans", "ヒラギノ角ゴシック")
}


@dataclass(frozen=True)
class Advances:
    """Advance widths in em (1.0 = the font size), by code point."""

    family: str
    source: str
    widths: dict[int, float]
    line_height: float  # a single line, in em: ascender + descender + line gap (hhea), as LibreOffice sets it


def line_height_of(font: Any) -> float:
    """A single line's height in em, from the horizontal header (ascender − descender + lineGap)."""
    hhea = font["hhea"]
    return (hhea.ascent - hhea.descent + hhea.lineGap) / font["head"].unitsPerEm


def advances_from_font(path: Path, index: int = 0) -> tuple[int, dict[int, int], str, float]:
    """units per em, advance (font units) per code point, the font's version string, its line height."""
    from fontTools.ttLib import TTCollection, TTFont  # only when a snapshot is rewritten

    container = TTCollection(str(path), lazy=True) if path.suffix.lower() in (".ttc", ".otc") \
        else TTFont(str(path), fontNumber=index, lazy=True)
    with container:
        font = container.fonts[index] if isinstance(container, TTCollection) else container
        cmap = font.getBestCmap() or {}
        metrics = font["hmtx"].metrics
        advances = {code: metrics[glyph][0] for code, glyph in cmap.items() if glyph in metrics}
        return (font["head"].unitsPerEm, advances, font["name"].getDebugName(5) or "unknown version",
                line_height_of(font))


def _runs(advances: dict[int, int]) -> list[list[int]]:
    """Consecutive code points with one advance, as [first, count, advance]: CJK blocks collapse."""
    runs: list[list[int]] = []
    for code in sorted(advances):
        if runs and runs[-1][0] + runs[-1][1] == code and runs[-1][2] == advances[code]:
            runs[-1][1] += 1
        else:
            runs.append([code, 1, advances[code]])
    return runs


def snapshot(entry: Snapshot) -> dict:
    units, advances, version, line_height = advances_from_font(Path(entry.font_file), entry.index)
    return {"family": entry.family, "bold": entry.bold, "italic": entry.italic,
            "source": f"{Path(entry.font_file).name} ({version})", "units_per_em": units,
            "line_height": round(line_height, 6), "runs": _runs(advances)}


@lru_cache(maxsize=32)
def load(entry: Snapshot) -> Advances:
    data = json.loads(resources.files(METRICS_PACKAGE).joinpath(entry.file).read_text(encoding="utf-8"))
    units = data["units_per_em"]
    widths = {code: advance / units for first, count, advance in data["runs"] for code in range(first, first + count)}
    return Advances(data["family"], data["source"], widths, data["line_height"])


def shipped(family: str, bold: bool, italic: bool, east_asian: bool) -> Snapshot | None:
    """The snapshot that measures a family exactly, if briefwright ships one."""
    aliases = EAST_ASIAN_ALIASES if east_asian else LATIN_ALIASES
    twin = aliases.get(family.strip().lower())
    if twin is None:
        return None
    candidates = [s for s in SHIPPED if s.family == twin]
    exact = [s for s in candidates if s.bold == bold and s.italic == italic]
    upright = [s for s in candidates if s.bold == bold and not s.italic]
    return (exact or upright or candidates)[0]


def main(argv: list[str]) -> int:
    """Rewrite the snapshot files from the installed fonts."""
    folder = Path(argv[0]) if argv else Path(str(resources.files(METRICS_PACKAGE)))
    for entry in SHIPPED:
        data = snapshot(entry)
        text = json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n"
        (folder / entry.file).write_text(text, encoding="utf-8")
        print(f"wrote {entry.file}: {len(data['runs'])} runs from {data['source']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
