"""`briefwright template check FILE`: what briefwright makes of an organisation's .pptx or .docx template."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefwright.commands.common import EXIT_FAILED, EXIT_OK, option_names, overlay, print_report


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    template_parser = sub.add_parser("template", help="explain what briefwright makes of a .pptx or .docx template",
                                     description="Inspect an organisation's template.")
    template_sub = template_parser.add_subparsers(dest="template_command", metavar="ACTION")
    template_sub.required = True
    template_check = template_sub.add_parser(
        "check", parents=[common], help="size, layouts and their roles, fonts, colours, usable boxes, problems",
        description="Describe a PowerPoint master (slide size, each layout and the role it is given, theme fonts "
                    "and colours, the usable box per role) and every problem with what to do.")
    template_check.add_argument("file", metavar="FILE", help="a .pptx master or .docx reference document")
    template_check.add_argument("--audience", metavar="NAME", help="check it as this profile would use it")
    template_check.add_argument("--product", metavar="NAME", help="the deck product whose boxes to show "
                                                                  "(default: deck-10)")
    template_check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    template_check.set_defaults(handler=cmd_template_check)


def cmd_template_check(args: argparse.Namespace) -> int:
    """Describe a reference template: for a deck, the project's (or built-in) deck product and profile."""
    from briefwright.reference.cli_support import run_template_check

    audience = option_names([args.audience], "--audience")[0] if args.audience else None
    product = option_names([args.product], "--product")[0] if args.product else None
    report = run_template_check(Path(args.file), audience, product, args.project, overlay(args))
    print_report(report, sys.stderr)  # the stream of now, not of import time
    return EXIT_FAILED if report.failed(args.strict) else EXIT_OK
