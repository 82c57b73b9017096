"""Command line: parse arguments, call build / check / plan / list, print the report."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import traceback
from pathlib import Path

from briefwright import __version__, analyst_cli, safety
from briefwright.audience import audience_names, load_audience
from briefwright.build import available_products, build, check_audiences, collect, plan_product
from briefwright.content.coverage import coverage, format_coverage
from briefwright.diagnostics import BriefwrightError, Diagnostic, Report, Severity, Where
from briefwright.evidence import evidence_paths, to_markdown
from briefwright.exits import EXIT_INTERRUPTED, INTERRUPTED_MESSAGE, RECEIVED
from briefwright.output import write_atomic
from briefwright.products import load_product
from briefwright.project import Project, load_project
from briefwright.review import commands as review_commands
from briefwright.review.approvals import require_current
from briefwright.sources import cite

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70


def _project(args: argparse.Namespace) -> Project:
    if args.project:
        return load_project(Path(args.project), explicit=True)
    return load_project(Path.cwd())


def _overlay(args: argparse.Namespace) -> Path | None:
    # Not resolved here: Layers confines it to the project, through the one rule (safety.confined).
    return Path(args.templates).absolute() if getattr(args, "templates", None) else None


def _option_names(names: list[str], option: str) -> list[str]:
    """Names given on the command line: each a name, never a path ('../x' is refused)."""
    return [safety.checked_name(name, Where(field=option), option.lstrip("-") + " name") for name in names]


def _print_report(report: Report, stream=None) -> None:
    for diagnostic in report.items:
        print(diagnostic.format(), file=stream or sys.stderr)  # looked up now: tests capture it


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _progress(quiet: bool):
    """A one-line progress display on a terminal; nothing when piped or quiet."""
    if quiet or not sys.stderr.isatty():
        return None

    def show(number: int, total: int, label: str) -> None:
        end = "\n" if number == total else ""
        print(f"\r\033[K[{number:>3}/{total}] {label}", end=end, file=sys.stderr, flush=True)

    return show


def _names(values: list[str] | None) -> list[str]:
    """Names given as repeated options or comma-separated (--product memo,brief --product deck-5)."""
    return list(dict.fromkeys(name.strip() for value in values or [] for name in value.split(",") if name.strip()))


def cmd_build(args: argparse.Namespace) -> int:
    project = _project(args)
    started = time.perf_counter()
    products: list[str] | None
    audiences: list[str] | None
    if args.all:
        products, audiences = ["*"], ["all"]
    else:
        named_products = _option_names(_names(args.product), "--product")
        named_audiences = _option_names(_names(args.audience), "--audience")
        products = None if not named_products or "all" in named_products else named_products
        audiences = ["all"] if "all" in named_audiences else named_audiences or None
    out_dir = Path(args.out) if args.out else None
    result = build(project, products, audiences, out_dir, strict=args.strict, overlay=_overlay(args),
                   progress=_progress(args.quiet), jobs=args.jobs, since=Path(args.since) if args.since else None)
    _print_report(result.report)
    elapsed = time.perf_counter() - started
    if not args.quiet:
        for output in result.outputs:
            unit = output.plan.unit
            counts = output.plan.summary()
            print(f"wrote {_display(output.path)}  ({output.plan.count} {unit}{'s' if output.plan.count != 1 else ''}; "
                  f"{counts['kept']} points kept, {counts['condensed']} condensed, {counts['dropped']} dropped)")
        for path in result.up_to_date:
            print(f"up to date {_display(path)}  (inputs unchanged since it was built)")
        current = f", {len(result.up_to_date)} up to date" if result.up_to_date else ""
        print(f"built {len(result.outputs)} file(s){current} in {elapsed:.2f}s")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    if args.list:
        from briefwright.codes import listing

        print(listing())
        return EXIT_OK
    project = _project(args)
    try:
        workspace = collect(project, strict=args.strict, overlay=_overlay(args))
    except BriefwrightError as error:
        _print_report(error.report)
        errors = len(error.report.errors)
        print(f"check failed: {errors} error(s), {len(error.report.warnings)} warning(s)", file=sys.stderr)
        return EXIT_FAILED
    check_audiences(workspace, audience_names(workspace.layers), workspace.report)
    if args.strict:  # products the project file says must be approved as they stand
        require_current(project.build_dir, project.config.review.require_approval, workspace.report)
    _print_report(workspace.report)
    if workspace.report.failed(args.strict):
        print(f"check failed: {len(workspace.report.errors)} error(s), {len(workspace.report.warnings)} warning(s)",
              file=sys.stderr)
        return EXIT_FAILED
    quotes = sum(len(p.evidence) + sum(len(c.positions) for c in p.conflicts) for p in workspace.content.points.values())
    print(f"ok: {len(workspace.sources)} sources (checksums match), {len(workspace.content.modules)} modules, "
          f"{len(workspace.content.points)} points, {quotes} quotes verified against their sources")
    print(format_coverage(coverage(workspace.content, workspace.sources)))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    project = _project(args)
    workspace = collect(project, overlay=_overlay(args))
    print("products:")
    product_layers = workspace.layers.files("products")
    for name in available_products(workspace):
        product = load_product(workspace.layers, name)
        budget = f"{product.budget.pages} page(s)" if product.kind == "flow" else f"{product.budget.slides} slides"
        aliases = f" (alias: {', '.join(product.aliases)})" if product.aliases else ""
        origin = product_layers[name][1].label
        print(f"  {name:<12} {product.format}  {budget:<10} {product.title}{aliases} [{origin}]")
    print("audiences:")
    audience_layers = workspace.layers.files("audiences")
    for name in audience_names(workspace.layers):
        profile = load_audience(workspace.layers, name)
        default = " (default)" if name == project.config.default_audience else ""
        banner = f" banner: {profile.banner}" if profile.banner else ""
        print(f"  {name:<12} {profile.paper:<6} {profile.label}{default}{banner} [{audience_layers[name][1].label}]")
    print("modules:")
    for module in workspace.content.modules:
        by_priority = [sum(1 for p in module.points if p.priority == level) for level in (1, 2, 3)]
        counts = "/".join(map(str, by_priority))
        print(f"  {module.id:<22} {len(module.points):>2} points (priority 1/2/3: {counts})  {module.title}")
    print("sources:")
    for source in workspace.sources:
        meta = source.meta
        when = cite.display_date(meta.date)
        print(f"  {meta.id:<8} {cite.author_display(meta)} — {meta.title} ({meta.publisher}; {when})")
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    project = _project(args)
    workspace = collect(project, overlay=_overlay(args))
    audience = _option_names([args.audience], "--audience")[0] if args.audience else project.config.default_audience
    product, _, plan = plan_product(workspace, _option_names([args.product], "PRODUCT")[0], audience)
    budget = f"{product.budget.pages} page(s)" if product.kind == "flow" else f"{product.budget.slides} slides"
    print(f"plan for {product.id} × {audience}: budget {budget}, predicted {plan.count} {plan.unit}(s)")
    for number, fill in enumerate(plan.fills, start=1):
        label = "body fill" if plan.unit == "slide" else "fill"
        section = plan.document.sections[number - 1] if plan.unit == "slide" else None
        what = f"  {section.role}: {section.title[:60]}" if section else ""
        print(f"  {plan.unit} {number:>2}: {label} {fill:6.1%}{what}")
    for outcome in ("kept", "condensed", "dropped"):
        decisions = [d for d in plan.decisions if d.outcome == outcome]
        print(f"{outcome} ({len(decisions)}):")
        for decision in decisions:
            level = f" at {decision.level}" if decision.level else ""
            print(f"  P{decision.priority} {decision.module_id}/{decision.point_id}{level} — {decision.reason}")
    return EXIT_OK


def cmd_template_check(args: argparse.Namespace) -> int:
    """Describe a reference template: for a deck, the project's (or built-in) deck product and profile."""
    from briefwright.reference.cli_support import run_template_check

    audience = _option_names([args.audience], "--audience")[0] if args.audience else None
    product = _option_names([args.product], "--product")[0] if args.product else None
    report = run_template_check(Path(args.file), audience, product, args.project, _overlay(args))
    _print_report(report, sys.stderr)  # the stream of now, not of import time
    return EXIT_FAILED if report.failed(args.strict) else EXIT_OK


def cmd_new_audience(args: argparse.Namespace) -> int:
    project = _project(args)
    workspace = collect(project, overlay=_overlay(args))
    overlay = [layer.path for layer in workspace.layers.layers if layer.label == "overlay"]
    target = overlay[0] if overlay else project.templates_dir
    from briefwright.scaffold import new_audience

    base = _option_names([args.base], "--from")[0] if args.base else project.config.default_audience
    path = new_audience(workspace.layers, target, args.name, base)
    print(f"wrote {_display(path)}: edit it, then run: briefwright build --audience {args.name}")
    return EXIT_OK


def cmd_init(args: argparse.Namespace) -> int:
    if args.source and args.example:
        raise BriefwrightError("choose --example or --from, not both", code="usage")
    from briefwright.scaffold import init_project

    destination = init_project(Path(args.dir), Path(args.source).resolve() if args.source else None,
                               example=args.example)
    if args.example or args.source:
        print(f"created a briefwright project in {destination}, a copy of "
              f"{'the example' if args.example else args.source}\n"
              f"next: `briefwright build --project {destination}`")
    else:
        print(f"created a new briefwright project in {destination}\n"
              "next: copy your source texts into seeds/ and list them in seeds/sources.yaml, write a module "
              f"in content/ (the README's 'Adding material'), then run `briefwright check --project {destination}`")
    return EXIT_OK


def _built_files(args: argparse.Namespace, project: Project, verb: str, keep: Path) -> list[Path]:
    """The files named, or with --all every file build/manifest.json lists: each only if a build
    wrote it (verified.accept: listed, unchanged, a regular file), copied into keep as checked."""
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
    out_dir = Path(args.out).absolute() if args.out else default
    safety.check_output_folder(out_dir, Where(field="--out") if args.out else Where(out_dir))
    return out_dir


def cmd_pdf(args: argparse.Namespace) -> int:
    project = _project(args)
    out_dir = _out_folder(args, project.build_dir / "pdf")
    # One LibreOffice run converts the Word and PowerPoint files, one Chromium prints the HTML
    # (each starts once, not once a file); each PDF is moved into place only when every one exists.
    with tempfile.TemporaryDirectory(prefix="briefwright-pdf-") as scratch:
        from briefwright.printing import to_pdf

        files = _built_files(args, project, "convert", Path(scratch) / "checked")
        pdfs = to_pdf(files, Path(scratch) / "pdf")
        for pdf in pdfs:
            write_atomic(out_dir / pdf.name, pdf.read_bytes())
    for source, pdf in zip(files, pdfs):
        print(f"{source.name} → {_display(out_dir / pdf.name)}")
    return EXIT_OK


def cmd_preview(args: argparse.Namespace) -> int:
    project = _project(args)
    out_dir = _out_folder(args, project.build_dir / "preview")
    from briefwright.preview import preview  # Pillow and the clients: only for this command

    with tempfile.TemporaryDirectory(prefix="briefwright-preview-") as scratch:
        sheets = preview(_built_files(args, project, "preview", Path(scratch)), out_dir)
    for sheet in sheets:
        print(f"{sheet.source.name}: {sheet.count_text} → {_display(sheet.image)}")
    print(f"open {_display(out_dir / 'index.html')} to see them all")
    return EXIT_OK


def cmd_trace(args: argparse.Namespace) -> int:
    target = Path(args.file)
    json_path = target if target.name.endswith(".evidence.json") else evidence_paths(target)[0]
    if not json_path.is_file() and not json_path.is_symlink():
        raise BriefwrightError(f"no evidence map at {json_path}", where=Where(target), code="trace-missing")
    # A build wrote it: a regular file, never a link to something else to print.
    safety.regular_file(json_path, Where(json_path), "evidence map", _EVIDENCE_LIMIT)
    evidence = _read_evidence_map(json_path)
    try:
        text = json.dumps(evidence, ensure_ascii=False, indent=2) if args.json else to_markdown(evidence)
    except (KeyError, TypeError, AttributeError, IndexError) as problem:
        raise BriefwrightError(Diagnostic(
            "trace-malformed", Severity.ERROR, Where(json_path),
            f"the evidence map is not in the shape briefwright writes ({type(problem).__name__}: {problem})",
            "rebuild the product (briefwright build) to write its evidence map again")) from None
    print(text)
    return EXIT_OK


_EVIDENCE_LIMIT = 64 * 1024 * 1024  # far above any real map (the example's largest is under 1 MiB)


def _read_evidence_map(path: Path) -> dict:
    hint = "rebuild the product (briefwright build) to write its evidence map again"
    if path.stat().st_size > _EVIDENCE_LIMIT:
        raise BriefwrightError(Diagnostic("trace-malformed", Severity.ERROR, Where(path),
                                          f"the evidence map is larger than {_EVIDENCE_LIMIT // 2**20} MiB", hint))
    try:
        evidence = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as problem:
        raise BriefwrightError(Diagnostic("trace-malformed", Severity.ERROR, Where(path),
                                          f"the evidence map is not UTF-8 (byte {problem.start})", hint)) from None
    except json.JSONDecodeError as problem:
        raise BriefwrightError(Diagnostic("trace-malformed", Severity.ERROR, Where(path, problem.lineno),
                                          f"the evidence map is not valid JSON: {problem.msg} (column {problem.colno})",
                                          hint)) from None
    if not isinstance(evidence, dict):
        raise BriefwrightError(Diagnostic("trace-malformed", Severity.ERROR, Where(path),
                                          "the evidence map is not a JSON object", hint))
    return evidence


def parser() -> argparse.ArgumentParser:
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

    build_parser = sub.add_parser("build", parents=[common], help="build products into build/",
                                  description="Plan, render and check products; write them atomically.")
    build_parser.add_argument("--product", metavar="NAME", action="append",
                              help="a product name, several (repeat the option or separate with commas), or 'all' "
                                   "(default: the project's list)")
    build_parser.add_argument("--audience", metavar="NAME", action="append",
                              help="an audience profile, several, or 'all' (default: the project's)")
    build_parser.add_argument("--out", metavar="DIR", help="output folder (default: build/)")
    build_parser.add_argument("--all", action="store_true",
                              help="every product for every audience (writes build/manifest.json as always)")
    build_parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build_parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    build_parser.add_argument("-j", "--jobs", type=int, metavar="N",
                              help="worker processes (default: one per core); the files are the same for any N")
    build_parser.add_argument("--since", metavar="DIR",
                              help="the previous edition's build folder (or manifest.json): products with "
                                   "what_changed: true open with a 'what changed' box")
    build_parser.set_defaults(handler=cmd_build)

    check_parser = sub.add_parser("check", parents=[common], help="verify sources, content and every quote",
                                  description="Verify checksums, schemas and every quote; exit non-zero on errors.")
    check_parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check_parser.add_argument("--list", action="store_true",
                              help="print every check's code, stage and default severity (set them under checks: "
                                   "in briefwright.yaml)")
    check_parser.set_defaults(handler=cmd_check)

    list_parser = sub.add_parser("list", parents=[common], help="list products, audiences, modules and sources",
                                 description="List what the project can build and what it is built from.")
    list_parser.set_defaults(handler=cmd_list)

    plan_parser = sub.add_parser("plan", parents=[common], help="show what a product keeps, condenses and drops",
                                 description="Explain the planner's choices and the predicted fill of each page or slide.")
    plan_parser.add_argument("product", metavar="PRODUCT")
    plan_parser.add_argument("--audience", metavar="NAME")
    plan_parser.set_defaults(handler=cmd_plan)
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

    preview_parser = sub.add_parser("preview", parents=[common], help="render built files to PDF, PNG pages "
                                                                      "and contact sheets",
                                    description="Render files (LibreOffice for .docx/.pptx with a throwaway profile, "
                                                "Chromium for .html; each started once for all its files) into PDFs, "
                                                "PNG pages, a contact sheet per product, a screenshot of each web "
                                                "page, and an index.html that shows them all.")
    preview_parser.add_argument("files", metavar="FILE", nargs="*",
                                help="built .docx/.pptx/.html files (listed in the manifest.json beside them)")
    preview_parser.add_argument("--all", action="store_true", help="every built product in build/")
    preview_parser.add_argument("--out", metavar="DIR", help="where to write (default: build/preview)")
    preview_parser.set_defaults(handler=cmd_preview)
    pdf_parser = sub.add_parser("pdf", parents=[common], help="convert built files to PDF (LibreOffice, Chromium)",
                                description="Convert built files to PDF (LibreOffice for .docx/.pptx, Chromium for .html; "
                                            "each started once for all its files) into build/pdf/ (or --out).")
    pdf_parser.add_argument("files", metavar="FILE", nargs="*",
                            help="built .docx/.pptx/.html files (listed in the manifest.json beside them)")
    pdf_parser.add_argument("--all", action="store_true", help="every built product in build/")
    pdf_parser.add_argument("--out", metavar="DIR", help="where to write (default: build/pdf)")
    pdf_parser.set_defaults(handler=cmd_pdf)

    trace_parser = sub.add_parser("trace", help="show where every claim in a built file comes from",
                                  description="Print the evidence map written beside a built file: for each "
                                              "paragraph, bullet or slide line, its point, sources and quotes.")
    trace_parser.add_argument("file", metavar="FILE", help="a built .docx/.pptx (or its .evidence.json)")
    trace_parser.add_argument("--json", action="store_true", help="print the map as JSON")
    trace_parser.set_defaults(handler=cmd_trace)
    analyst_cli.register(sub, common)
    review_commands.register(sub, common)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    try:
        return arguments.handler(arguments)
    except BriefwrightError as error:
        _print_report(error.report)
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
