"""See every page before sending: PDFs and PNG pages (LibreOffice, or Chromium for HTML), a contact
sheet per product, a screenshot of each HTML page as a browser shows it, and one index page."""

from __future__ import annotations

import html
import json
import math
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from briefwright.browser import screenshot_path
from briefwright.diagnostics import Where, fail
from briefwright.output import write_atomic
from briefwright.printing import to_pdf
from briefwright.writers.registry import writer_for_file

TILE_WIDTH = 320
GUTTER = 16
LABEL_HEIGHT = 22
PAPER_GREY = (226, 229, 233)


@dataclass(frozen=True)
class Sheet:
    source: Path
    pdf: Path
    image: Path
    pages: int
    columns: int
    screen: Path | None = None  # HTML: the page on screen, as a reader first sees it

    @property
    def count_text(self) -> str:
        """'1 page', '6 pages', '10 slides'."""
        spec = writer_for_file(self.source)
        unit = "slide" if spec is not None and spec.kind == "slides" else "page"
        return f"{self.pages} {unit}{'' if self.pages == 1 else 's'}"


def _pdftoppm() -> str:
    found = shutil.which("pdftoppm")
    if found is None:
        raise fail("pdftoppm-missing", Where(), "pdftoppm is not installed",
                   "install poppler: apt-get install poppler-utils")
    return found


def _pages_to_png(pdf: Path, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("page-*.png"):
        old.unlink()
    subprocess.run([_pdftoppm(), "-r", "60", "-png", str(pdf), str(folder / "page")], check=True,
                   capture_output=True)
    return sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))


def contact_sheet(pages: list[Path], columns: int) -> Image.Image:
    """Pages as tiles, left to right and top to bottom, each numbered beneath."""
    with Image.open(pages[0]) as first:
        tile_height = round(first.height * TILE_WIDTH / first.width)
    rows = math.ceil(len(pages) / columns)
    sheet = Image.new("RGB", (GUTTER + columns * (TILE_WIDTH + GUTTER),
                              GUTTER + rows * (tile_height + LABEL_HEIGHT + GUTTER)), PAPER_GREY)
    draw = ImageDraw.Draw(sheet)
    for index, page in enumerate(pages):
        row, column = divmod(index, columns)
        x = GUTTER + column * (TILE_WIDTH + GUTTER)
        y = GUTTER + row * (tile_height + LABEL_HEIGHT + GUTTER)
        with Image.open(page) as image:
            sheet.paste(image.convert("RGB").resize((TILE_WIDTH, tile_height)), (x, y))
        draw.rectangle([x - 1, y - 1, x + TILE_WIDTH, y + tile_height], outline=(150, 156, 163))
        draw.text((x, y + tile_height + 5), str(index + 1), fill=(60, 66, 73))
    return sheet


def preview(files: list[Path], out_dir: Path) -> list[Sheet]:
    """Render files (one LibreOffice run, one Chromium); write PDFs, page PNGs, screenshots of web
    pages, sheets and index.html."""
    if not files:
        raise fail("preview-nothing", Where(out_dir), "no built files to preview",
                   "build first (briefwright build), or name the files")
    for path in files:
        if not path.is_file():
            raise fail("preview-missing", Where(path), "file not found", "build it first, or check the name")
    pdfs = to_pdf(files, out_dir, screenshots=True)
    sheets = []
    for source, pdf in zip(files, pdfs):
        pages = _pages_to_png(pdf, out_dir / source.stem)
        spec = writer_for_file(source)
        assert spec is not None  # to_pdf refuses a file no writer makes
        screen = screenshot_path(out_dir, source) if spec.printer == "chromium" else None
        columns = 5 if spec.kind == "slides" else 4  # slides are wide: more fit a row
        columns = min(columns, len(pages))
        image_path = out_dir / f"{source.stem}.sheet.png"
        buffer_path = image_path.with_suffix(".tmp.png")
        contact_sheet(pages, columns).save(buffer_path, optimize=True)
        buffer_path.replace(image_path)
        write_atomic(out_dir / f"{source.stem}.sheet.json",
                     (json.dumps({"file": source.name, "tiles": len(pages), "columns": columns,
                                  "tile_width": TILE_WIDTH}, indent=2) + "\n").encode("utf-8"))
        sheets.append(Sheet(source, pdf, image_path, len(pages), columns, screen))
    write_atomic(out_dir / "index.html", _index(sheets).encode("utf-8"))
    return sheets


def _index(sheets: list[Sheet]) -> str:
    items = []
    for sheet in sheets:
        unit = sheet.count_text
        items.append(
            f'<section><h2>{html.escape(sheet.source.name)} <small>{unit} · '
            f'<a href="{html.escape(sheet.pdf.name)}">PDF</a></small></h2>'
            f'<img src="{html.escape(sheet.image.name)}" alt="{unit} of '
            f'{html.escape(sheet.source.name)}" loading="lazy">'
            + (f'<h3>On screen</h3><img src="{html.escape(sheet.screen.name)}" alt="{html.escape(sheet.source.name)} '
               'as a browser first shows it" loading="lazy">' if sheet.screen else "") + "</section>")
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>briefwright preview</title>"
            "<style>body{font-family:'Liberation Sans',Arial,sans-serif;margin:2rem;background:#f4f5f7;color:#1b2a3a}"
            "h1{font-size:1.4rem}h2{font-size:1rem;margin:2rem 0 .5rem}"
            "h3{font-size:.9rem;margin:1rem 0 .5rem}small{color:#5e6b78;font-weight:normal}"
            "img{max-width:100%;border:1px solid #c9cfd6;background:#e2e5e9}</style></head><body>"
            f"<h1>Preview of {len(sheets)} products</h1>" + "".join(items) + "</body></html>\n")
