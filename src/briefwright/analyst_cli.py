"""The analyst's commands: add-source, quote find / quote add, watch and serve (registered by cli.py).

Each handler imports what it needs when it runs, so other commands start no slower.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefwright.commands.common import print_report, project_of

if TYPE_CHECKING:
    from briefwright.live.watch import LiveSession


def cmd_add_source(args: argparse.Namespace) -> int:
    from briefwright.diagnostics import Report
    from briefwright.ingest.register import add_sources

    project = project_of(args)
    report = Report()
    added = add_sources(project.seeds_dir, [Path(name) for name in args.paths], report)
    print_report(report)
    for item in added:
        kept = f" (original kept as seeds/{item.original})" if item.original else ""
        print(f"added {item.source.name} as '{item.id}': seeds/{item.seed}{kept}")
        for problem in item.extracted.problems:
            print(f"    could not read: {problem}")
        unknown = [name for name, value in (("title", item.extracted.title), ("authors", item.extracted.authors),
                                             ("publisher", item.extracted.publisher), ("date", item.extracted.date),
                                             ("url", item.extracted.url)) if not value]
        if unknown:
            print(f"    not stated in the file, marked unknown: {', '.join(unknown)}")
    if report.errors:
        print("nothing was added: fix the files above (or leave them out) and run add-source again", file=sys.stderr)
        return 1
    print("next: read each entry in seeds/sources.yaml, fill in what you know from the text itself, "
          "then cite passages with `briefwright quote find TEXT`")
    return 0


def cmd_quote_find(args: argparse.Namespace) -> int:
    from briefwright.quotes.find import find_passages, format_passages, load_registry

    project = project_of(args)
    sources = load_registry(project)
    found = find_passages(sources, " ".join(args.text), source_id=args.source, limit=args.limit)
    print(format_passages(found) if found else "no passage shares words with this sentence")
    return 0


def cmd_quote_add(args: argparse.Namespace) -> int:
    from briefwright.quotes.add import add_quote

    project = project_of(args)
    result = add_quote(project, args.point, args.source, args.place)
    shown = result.file.relative_to(project.root) if result.file.is_relative_to(project.root) else result.file
    print(f"added to {shown}:{result.line} (point {args.point}): \"{result.quote}\"")
    return 0


def _names(values: list[str] | None) -> list[str] | None:
    named = [name.strip() for value in values or [] for name in value.split(",") if name.strip()]
    return list(dict.fromkeys(named)) or None


def _stay(session: LiveSession, what: str, seconds: float | None) -> int:
    """Print where to look, then wait for Ctrl-C (or --for SECONDS) and stop cleanly."""
    import time

    print(f"{what}; open {session.url} (loopback only; Ctrl-C stops)", flush=True)
    deadline = time.monotonic() + seconds if seconds else None
    try:
        while deadline is None or time.monotonic() < deadline:
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    session.stop()
    print("stopped", flush=True)
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    from briefwright.live.watch import start_watch

    project = project_of(args)
    overlay = Path(args.templates).resolve() if args.templates else None
    session = start_watch(project, _names(args.product), _names(args.audience), overlay, args.port,
                          pages=not args.no_pages)
    return _stay(session, f"watching {project.root} and rebuilding on every save", args.seconds)


def cmd_serve(args: argparse.Namespace) -> int:
    from briefwright.live.watch import start_serve

    project = project_of(args)
    folder = Path(args.out) if args.out else project.build_dir
    session = start_serve(folder, args.port, pages=not args.no_pages)
    return _stay(session, f"serving {folder} (reloads when a build changes it)", args.seconds)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    add_parser = sub.add_parser("add-source", parents=[common], help="bring source files into seeds/",
                                description="Extract the text of .txt, .md, .html, .docx and .pdf files into "
                                            "seeds/, keep each original beside its text, and list each in "
                                            "seeds/sources.yaml with its checksum, a new id and the metadata "
                                            "the file states (the rest marked unknown).")
    add_parser.add_argument("paths", metavar="FILE|DIR", nargs="+")
    add_parser.set_defaults(handler=cmd_add_source)

    quote_parser = sub.add_parser("quote", help="find passages that support a sentence; add a quote to a point",
                                  description="Find evidence in the sources, and write exact quotes into content.")
    quote_sub = quote_parser.add_subparsers(dest="quote_command", metavar="find|add")
    quote_sub.required = True
    find_parser = quote_sub.add_parser("find", parents=[common], help="rank passages that support TEXT",
                                       description="Rank the passages of the sources by how well they support "
                                                   "a draft sentence; show source, line and passage.")
    find_parser.add_argument("text", metavar="TEXT", nargs="+")
    find_parser.add_argument("--source", metavar="ID", help="search only this source")
    find_parser.add_argument("--limit", type=int, default=5, metavar="N", help="passages to show (default 5)")
    find_parser.set_defaults(handler=cmd_quote_find)
    add_quote_parser = quote_sub.add_parser("add", parents=[common], help="write a source's exact text into a "
                                                                         "point's evidence",
                                            description="Copy the text at SOURCE LINE (a whole line, columns "
                                                        "COL-COL of it, or from LINE:COL to LINE:COL for a sentence "
                                                        "that runs over several lines) into POINT's evidence in its "
                                                        "content file, keeping the file's other text and comments.")
    add_quote_parser.add_argument("point", metavar="POINT")
    add_quote_parser.add_argument("source", metavar="SOURCE")
    add_quote_parser.add_argument("place", metavar="LINE[:COL-[LINE:]COL]")
    add_quote_parser.set_defaults(handler=cmd_quote_add)

    live = argparse.ArgumentParser(add_help=False)
    live.add_argument("--port", type=int, default=0, metavar="N", help="port on 127.0.0.1 (default: a free one)")
    live.add_argument("--no-pages", action="store_true", help="do not render Word/PowerPoint pages with LibreOffice")
    live.add_argument("--for", dest="seconds", type=float, metavar="SECONDS", help="stop after this long")
    watch_parser = sub.add_parser("watch", parents=[common, live], help="rebuild on every save and show the result",
                                  description="Rebuild what a saved change affects and show the HTML products, "
                                              "and PNG pages of the Word and PowerPoint products, on a local page "
                                              "that reloads itself, with the errors on the page.")
    watch_parser.add_argument("--product", metavar="NAME", action="append", help="products (default: the project's)")
    watch_parser.add_argument("--audience", metavar="NAME", action="append", help="audiences (default: the project's)")
    watch_parser.set_defaults(handler=cmd_watch)
    serve_parser = sub.add_parser("serve", parents=[common, live], help="show a build folder on a local page",
                                  description="Serve the HTML files of a build folder, and PNG pages of its Word "
                                              "and PowerPoint files, on a page that reloads after each build.")
    serve_parser.add_argument("--out", metavar="DIR", help="the build folder (default: build/)")
    serve_parser.set_defaults(handler=cmd_serve)

