"""Command line: parse arguments, hand the command to its module, report what went wrong.

Each command lives in its own module (briefwright.commands, the analyst's commands, the review
loop's) and is imported only when named: see briefwright.commands.modules_for.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from importlib import import_module

from briefwright import __version__
from briefwright.commands import modules_for
from briefwright.commands.common import EXIT_FAILED, EXIT_INTERNAL, EXIT_OK, print_report
from briefwright.diagnostics import BriefwrightError
from briefwright.exits import EXIT_INTERRUPTED, INTERRUPTED_MESSAGE, RECEIVED


def parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for this command line: every command's, or (argv naming one) only that command's,
    which parses it the same way and imports nothing the others need."""
    main_parser = argparse.ArgumentParser(prog="briefwright",
                                          description="Compile curated, source-backed content into memos and decks.")
    main_parser.add_argument("--version", action="version", version=f"briefwright {__version__}")
    main_parser.add_argument("--debug", action="store_true", help="show a traceback for internal errors")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--project", metavar="DIR", help="project folder (default: found by walking up from here)")
    common.add_argument("--templates", metavar="DIR",
                        help="your own templates folder, layered over the project's templates/ and the built-ins")
    sub = main_parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for module in modules_for(sys.argv[1:] if argv is None else argv):
        import_module(module).register(sub, common)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    arguments = parser(argv).parse_args(argv)
    try:
        return arguments.handler(arguments)
    except BriefwrightError as error:
        print_report(error.report)
        return EXIT_FAILED
    except BrokenPipeError:  # e.g. piped into head: the reader left, nothing to report
        return EXIT_OK
    except KeyboardInterrupt:
        print(INTERRUPTED_MESSAGE, file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as error:
        print(f"error: {error.filename or ''}: {error.strerror}", file=sys.stderr)
        return EXIT_FAILED
    except Exception:  # an internal bug, not bad input: say so plainly
        if RECEIVED:  # Ctrl-C, turned into another error by the library it landed in
            print(INTERRUPTED_MESSAGE, file=sys.stderr)
            return EXIT_INTERRUPTED
        if arguments.debug:
            traceback.print_exc()
        else:
            print("internal error: briefwright hit a bug. Re-run with --debug for a traceback and report it.",
                  file=sys.stderr)
        return EXIT_INTERNAL
