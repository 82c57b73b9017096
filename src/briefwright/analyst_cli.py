"""The analyst's commands: add-source and quote find / quote add (registered by cli.py).

Each handler imports what it needs when it runs, so other commands start no slower.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefwright.diagnostics import Report
from briefwright.project import Project, load_project


def _project(args: argparse.Namespace) -> Project:
    if args.project:
        return load_project(Path(args.project), explicit=True)
    return load_project(Path.cwd())


def _print_report(report: Report) -> None:
    for diagnostic in report.items:
        print(diagnostic.format(), file=sys.stderr)


def cmd_add_source(args: argparse.Namespace) -> int:
    from briefwright.ingest.register import add_sources

    project = _project(args)
    report = Report()
    added = add_sources(project.seeds_dir, [Path(name) for name in args.paths], report)
    _print_report(report)
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

    project = _project(args)
    sources = load_registry(project)
    found = find_passages(sources, " ".join(args.text), source_id=args.source, limit=args.limit)
    print(format_passages(found) if found else "no passage shares words with this sentence")
    return 0


def cmd_quote_add(args: argparse.Namespace) -> int:
    from briefwright.quotes.add import add_quote

    project = _project(args)
    result = add_quote(project, args.point, args.source, args.place)
    shown = result.file.relative_to(project.root) if result.file.is_relative_to(project.root) else result.file
    print(f"added to {shown}:{result.line} (point {args.point}): \"{result.quote}\"")
    return 0


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
                                            description="Copy the text at SOURCE LINE (a whole line, or columns "
                                                        "COL-COL of it) into POINT's evidence in its content file, "
                                                        "keeping the file's other text and comments.")
    add_quote_parser.add_argument("point", metavar="POINT")
    add_quote_parser.add_argument("source", metavar="SOURCE")
    add_quote_parser.add_argument("place", metavar="LINE[:COL-COL]")
    add_quote_parser.set_defaults(handler=cmd_quote_add)

