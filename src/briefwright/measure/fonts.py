"""Glyph advances by family name: from the snapshot briefwright ships, else from installed fonts.

Arial, Times New Roman and the usual Japanese Office fonts are measured from shipped
snapshots of their metric-compatible twins (see fontmetrics.py), so the same inputs give
the same layout on any machine, fonts installed or not. Any other family is read from
the font files installed on the machine (fontconfig, or a scan of the font folders).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefwright.diagnostics import Where, fail
from briefwright.measure import fontmetrics

if TYPE_CHECKING:  # fontTools is read only for fonts outside the shipped snapshots
    from fontTools.ttLib import TTFont

_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts",
              Path.home() / ".fonts")
INSTALL_HINT = ("install it, or name a font briefwright measures without installing: Arial, Times New Roman, Calibri "
                 "or Cambria "
                 "(Latin), Yu Gothic, MS Gothic or Meiryo (east_asian)")


@dataclass(frozen=True)
class FontFile:
    path: Path
    index: int


class FontFace:
    """Advance widths of one face, in em units (1.0 = the font size)."""

    def __init__(self, family: str, bold: bool, advances: dict[int, float], source: str,
                 line_height: float = 1.15) -> None:
        self.family = family
        self.bold = bold
        self.source = source  # the snapshot or font file the advances come from
        self.line_height = line_height  # a single line, in em (Word's and LibreOffice's "single" spacing)
        self._advance = advances

    @classmethod
    def from_file(cls, family: str, bold: bool, location: FontFile) -> FontFace:
        from fontTools.ttLib import TTFont

        # fontTools logs a harmless note on fonts with an early 'created' date (Carlito's): not the user's concern.
        logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)
        font = TTFont(str(location.path), fontNumber=location.index, lazy=True)
        units = font["head"].unitsPerEm
        cmap = font.getBestCmap() or {}
        metrics = font["hmtx"].metrics
        advances = {code: metrics[glyph][0] / units for code, glyph in cmap.items() if glyph in metrics}
        line_height = fontmetrics.line_height_of(font)
        font.close()
        return cls(family, bold, advances, str(location.path), line_height)

    def has(self, char: str) -> bool:
        return ord(char) in self._advance

    def advance(self, char: str) -> float:
        return self._advance.get(ord(char), self._advance.get(0x25A1, 0.6))


def _family_names(font: TTFont) -> set[str]:
    names = set()
    for record in font["name"].names:
        if record.nameID in (1, 16):
            try:
                names.add(record.toUnicode().strip().lower())
            except UnicodeDecodeError:
                continue
    return names


def _is_bold(font: TTFont) -> bool:
    return bool(font["OS/2"].fsSelection & 0x20) or font["OS/2"].usWeightClass >= 600


def _fc_match(family: str, bold: bool) -> FontFile | None:
    if shutil.which("fc-match") is None:
        return None
    pattern = f"{family}:weight={'bold' if bold else 'regular'}"
    result = subprocess.run(["fc-match", "-f", "%{file}\t%{index}\t%{family}", pattern],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0 or "\t" not in result.stdout:
        return None
    file, index, families = result.stdout.split("\t", 2)
    if family.lower() not in [name.strip().lower() for name in families.split(",")]:
        return None  # fontconfig substituted another family: the requested one is missing
    return FontFile(Path(file), int(index or 0))


def _scan(family: str, bold: bool, extra_dirs: tuple[Path, ...]) -> FontFile | None:
    wanted = family.lower()
    fallback: FontFile | None = None
    from fontTools.ttLib import TTCollection, TTFont

    for folder in (*extra_dirs, *_FONT_DIRS):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() not in {".ttf", ".otf", ".ttc", ".otc"}:
                continue
            holder = TTCollection(str(path), lazy=True) if path.suffix.lower() in {".ttc", ".otc"} \
                else TTFont(str(path), lazy=True)
            try:
                for index, font in enumerate(holder.fonts if isinstance(holder, TTCollection) else [holder]):
                    if wanted in _family_names(font):
                        if _is_bold(font) == bold:
                            return FontFile(path, index)
                        fallback = fallback or FontFile(path, index)
            finally:
                holder.close()  # a lazy font keeps its file open until closed
    return fallback


# Office fonts whose metric-compatible free twins fontconfig and LibreOffice substitute for them.
_METRIC_TWINS = {"calibri": "Carlito", "calibri light": "Carlito", "cambria": "Caladea"}


@lru_cache(maxsize=64)
def find_face(family: str, bold: bool = False, extra_dirs: tuple[Path, ...] = (), *, italic: bool = False,
              east_asian: bool = False) -> FontFace:
    snapshot = fontmetrics.shipped(family, bold, italic, east_asian)
    if snapshot is not None:
        advances = fontmetrics.load(snapshot)
        return FontFace(family, bold, advances.widths, f"{snapshot.file} ({advances.source})", advances.line_height)
    location = _fc_match(family, bold) or _scan(family, bold, extra_dirs)
    twin = _METRIC_TWINS.get(family.lower())
    if location is None and twin is not None:  # measured through its free twin, as renderers substitute it
        location = _fc_match(twin, bold) or _scan(twin, bold, extra_dirs)
    if location is None:
        raise fail("font-missing", Where(field="branding.fonts"),
                   f"font family '{family}'{' (bold)' if bold else ''} is not installed", INSTALL_HINT)
    return FontFace.from_file(family, bold, location)
