"""`briefwright preview` and `briefwright pdf`: render built files with LibreOffice and Chromium."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from briefwright.commands.common import EXIT_OK, display, project_of

if TYPE_CHECKING:
    from briefwright.project import Project


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    preview_parser = sub.add_parser("preview", parents=[common], help="render built files to PDF, PNG pages "
                                                                      "and contact sheets",
                                    description="Render files (LibreOffice for .docx/.pptx with a throwaway profile, "
                                                "Chromium for .html; each started once for all its files) into PDFs, "
                                                "PNG pages, a contact sheet per product, a screenshot of each web "
                                                "page, and an index.html that shows them all.")
    _built_file_arguments(preview_parser, "build/preview")
    preview_parser.set_defaults(handler=cmd_preview)
    pdf_parser = sub.add_parser("pdf", parents=[common], help="convert built files to PDF (LibreOffice, Chromium)",
                                description="Convert built files to PDF (LibreOffice for .docx/.pptx, Chromium for .html; "
                                            "each started once for all its files) into build/pdf/ (or --out).")
    _built_file_arguments(pdf_parser, "build/pdf")
    pdf_parser.set_defaults(handler=cmd_pdf)


def _built_file_arguments(parser: argparse.ArgumentParser, default_out: str) -> None:
    """FILE…, --all and --out: which built files a rendering command takes, and where it writes."""
    parser.add_argument("files", metavar="FILE", nargs="*",
                        help="built .docx/.pptx/.html files (listed in the manifest.json beside them)")
    parser.add_argument("--all", action="store_true", help="every built product in build/")
    parser.add_argument("--out", metavar="DIR", help=f"where to write (default: {default_out})")


def _built_files(args: argparse.Namespace, project: Project, verb: str, keep: Path) -> list[Path]:
    """The files named, or with --all every file build/manifest.json lists: each only if a build
    wrote it (verified.accept: listed, unchanged, a regular file), copied into keep as checked."""
    from briefwright.diagnostics import BriefwrightError, Where
    from briefwright.verified import accept, all_built

    if args.all:
        keep.mkdir(exist_ok=True)
        files = all_built(project.build_dir, keep)
    else:
        files = []
        for number, name in enumerate(args.files):  # a folder each: two folders may hold the same name
            (keep / str(number)).mkdir(parents=True)
            files.append(accept(Path(name), keep=keep / str(number)))
    if not files:
        raise BriefwrightError(f"name files to {verb}, or pass --all", where=Where(project.build_dir),
                               code=f"{verb}-nothing")
    return files


def _out_folder(args: argparse.Namespace, default: Path) -> Path:
    """--out (anywhere the user names) or the default; files are written inside it, never through a link."""
    from briefwright import safety
    from briefwright.diagnostics import Where

    out_dir = Path(args.out).absolute() if args.out else default
    safety.check_output_folder(out_dir, Where(field="--out") if args.out else Where(out_dir))
    return out_dir


def cmd_pdf(args: argparse.Namespace) -> int:
    from briefwright.output import write_atomic
    from briefwright.printing import to_pdf

    project = project_of(args)
    out_dir = _out_folder(args, project.build_dir / "pdf")
    # One LibreOffice run converts the Word and PowerPoint files, one Chromium prints the HTML
    # (each starts once, not once a file); each PDF is moved into place only when every one exists.
    with tempfile.TemporaryDirectory(prefix="briefwright-pdf-") as scratch:
        files = _built_files(args, project, "convert", Path(scratch) / "checked")
        pdfs = to_pdf(files, Path(scratch) / "pdf")
        for pdf in pdfs:
            write_atomic(out_dir / pdf.name, pdf.read_bytes())
    for source, pdf in zip(files, pdfs):
        print(f"{source.name} → {display(out_dir / pdf.name)}")
    return EXIT_OK


def cmd_preview(args: argparse.Namespace) -> int:
    project = project_of(args)
    out_dir = _out_folder(args, project.build_dir / "preview")
    from briefwright.preview import preview  # Pillow and the clients: only for this command

    with tempfile.TemporaryDirectory(prefix="briefwright-preview-") as scratch:
        sheets = preview(_built_files(args, project, "preview", Path(scratch)), out_dir)
    for sheet in sheets:
        print(f"{sheet.source.name}: {sheet.count_text} → {display(sheet.image)}")
    print(f"open {display(out_dir / 'index.html')} to see them all")
    return EXIT_OK
