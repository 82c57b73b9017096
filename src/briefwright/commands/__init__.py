"""The command line's commands, one module each (or one per family), registered by name.

Each module has register(sub, common), which adds its commands' parsers, and handlers that
import what their work needs when they run. cli.py registers only the module of the command
named on the command line, so `briefwright build` never imports the review loop, the analyst's
commands or the preview renderer; help without a command, or an unknown one, registers them all.
"""

from __future__ import annotations

# In the order `briefwright --help` lists them; a module that registers several commands
# registers them in this order too.
COMMANDS: dict[str, str] = {
    "build": "briefwright.commands.build",
    "check": "briefwright.commands.check",
    "list": "briefwright.commands.listing",
    "plan": "briefwright.commands.plan",
    "template": "briefwright.commands.template",
    "new-audience": "briefwright.commands.scaffold",
    "init": "briefwright.commands.scaffold",
    "preview": "briefwright.commands.files",
    "pdf": "briefwright.commands.files",
    "trace": "briefwright.commands.trace",
    "add-source": "briefwright.analyst_cli",
    "quote": "briefwright.analyst_cli",
    "watch": "briefwright.analyst_cli",
    "serve": "briefwright.analyst_cli",
    "review": "briefwright.review.commands",
    "diff": "briefwright.review.commands",
}


def modules_for(argv: list[str]) -> list[str]:
    """The modules whose parsers this command line needs: the named command's, or all of them
    (for `--help`, a missing or unknown command: argparse then lists every choice)."""
    for word in argv:
        if word in COMMANDS:
            return [COMMANDS[word]]
        if word != "--debug":  # --help (or --version, a typo) before the command: the main parser answers
            break
    return list(dict.fromkeys(COMMANDS.values()))
