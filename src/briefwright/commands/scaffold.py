"""`briefwright new-audience` and `briefwright init`: write a profile, or a whole new project."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefwright.commands.common import EXIT_OK, display, option_names, overlay, project_of


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    new_parser = sub.add_parser("new-audience", parents=[common], help="scaffold an audience profile",
                                description="Write templates/audiences/NAME.yaml (or into --templates DIR), "
                                            "extending BASE, with every field explained.")
    new_parser.add_argument("name", metavar="NAME")
    new_parser.add_argument("--from", dest="base", metavar="BASE", help="profile to extend (default: the project's)")
    new_parser.set_defaults(handler=cmd_new_audience)

    init_parser = sub.add_parser("init", help="start a new project (clean, or --example)",
                                 description="Write a new project into DIR: a clean starter (one generic "
                                             "audience, no sources or content yet), the shipped example "
                                             "(--example), or a copy of another project (--from).")
    init_parser.add_argument("dir", metavar="DIR")
    init_parser.add_argument("--from", dest="source", metavar="PROJECT", help="copy this project instead")
    init_parser.add_argument("--example", action="store_true",
                             help="copy the shipped example (Japan–Taiwan security cooperation) instead")
    init_parser.set_defaults(handler=cmd_init)


def cmd_new_audience(args: argparse.Namespace) -> int:
    from briefwright.build import collect
    from briefwright.scaffold import new_audience

    project = project_of(args)
    workspace = collect(project, overlay=overlay(args))
    overlays = [layer.path for layer in workspace.layers.layers if layer.label == "overlay"]
    target = overlays[0] if overlays else project.templates_dir
    base = option_names([args.base], "--from")[0] if args.base else project.config.default_audience
    path = new_audience(workspace.layers, target, args.name, base)
    print(f"wrote {display(path)}: edit it, then run: briefwright build --audience {args.name}")
    return EXIT_OK


def cmd_init(args: argparse.Namespace) -> int:
    from briefwright.diagnostics import BriefwrightError
    from briefwright.scaffold import init_project

    if args.source and args.example:
        raise BriefwrightError("choose --example or --from, not both", code="usage")
    destination = init_project(Path(args.dir), Path(args.source).resolve() if args.source else None,
                               example=args.example)
    if args.example or args.source:
        print(f"created a briefwright project in {destination}, a copy of "
              f"{'the example' if args.example else args.source}\n"
              f"next: `briefwright build --project {destination}`")
    else:
        print(f"created a new briefwright project in {destination}\n"
              f"next: `briefwright add-source FILE…` inside {destination} (or pass --project) brings your "
              "sources in (.txt, .md, .html, .docx, .pdf); write a module in content/ (the README's "
              "'Adding material'), cite its evidence with `briefwright quote find` and `quote add`, then run "
              "`briefwright check`")
    return EXIT_OK
