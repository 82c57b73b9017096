"""The package's shape: folders follow the pipeline, no module or folder imports in a circle, no
module is long and no function is knotted (the targets CI holds the code to)."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import briefwright
from tests.package_source import parsed

PACKAGE = Path(briefwright.__file__).resolve().parent
# Every stage folder in layer order: a folder imports only the folders before it (top-level modules
# sit beside the layers). docs/architecture.md lists them in this order under "## Layers".
LAYERS = ("sources", "ingest", "quotes", "content", "measure", "compose", "plan", "reference", "writers",
          "review", "live", "commands")
DATA_PACKAGES = ("metrics",)  # package data only: no code, so no place in the layers
REPOSITORY = PACKAGE.parent.parent
ARCHITECTURE = REPOSITORY / "docs" / "architecture.md"
MAX_MODULE_LINES = 400
MAX_COMPLEXITY = 15  # cyclomatic complexity as radon measures it (`radon cc -s -n C src`)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every briefwright module this module imports: at the top, inside functions and under
    TYPE_CHECKING alike (a circle through a deferred import is still a knot for the reader)."""
    found: set[str] = set()
    for node in ast.walk(parsed(path)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("briefwright"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if (PACKAGE.parent / (candidate.replace(".", "/") + ".py")).exists()
                          else node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("briefwright")}
    return found


@functools.cache
def _parsed_graph() -> dict[str, frozenset[str]]:
    """The import graph, parsed from the package's files once per run (the files do not change during it)."""
    from briefwright.commands import COMMANDS

    graph = {_module_name(path): _imports(path) for path in PACKAGE.rglob("*.py")
             if "__pycache__" not in path.parts and not {"example", "starter"} & set(path.parts)}
    # The command line imports each command's module by name (importlib): edges all the same.
    graph["briefwright.cli"] |= set(COMMANDS.values())
    return {module: frozenset(targets) for module, targets in graph.items()}


def _graph() -> dict[str, set[str]]:
    """Each briefwright module → the briefwright modules it imports (a fresh copy the caller may change)."""
    return {module: set(targets) for module, targets in _parsed_graph().items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def _sources() -> list[Path]:
    """Every Python module of the package (the example and starter projects hold none)."""
    return sorted(path for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts)


def _shown(path: Path) -> str:
    """A module as the reader finds it: src/briefwright/… (any other file as given)."""
    return path.relative_to(PACKAGE.parent.parent).as_posix() if path.is_relative_to(PACKAGE) else str(path)


def long_modules(paths: list[Path], limit: int = MAX_MODULE_LINES) -> list[str]:
    """'path: N lines' for each module longer than limit, longest first."""
    lengths = [(len(path.read_text(encoding="utf-8").splitlines()), path) for path in paths]
    return [f"{_shown(path)}: {lines} lines" for lines, path in sorted(lengths, key=lambda item: -item[0])
            if lines > limit]


def complex_functions(paths: list[Path], limit: int = MAX_COMPLEXITY) -> list[str]:
    """'path:line name: complexity N' for each function or method above limit, most complex first."""
    from radon.complexity import cc_visit
    from radon.visitors import Function

    found = [(block.complexity, f"{_shown(path)}:{block.lineno} {block.fullname}")
             for path in paths for block in cc_visit(path.read_text(encoding="utf-8"))
             if isinstance(block, Function) and block.complexity > limit]
    return [f"{where}: complexity {complexity}" for complexity, where in sorted(found, key=lambda item: -item[0])]


def _folder(module: str) -> str:
    """The package folder a module (or a package's __init__) sits in; "briefwright" for the top-level modules."""
    parts = module.split(".")
    if len(parts) > 2 or (len(parts) == 2 and (PACKAGE / parts[1] / "__init__.py").is_file()):
        return parts[1]
    return "briefwright"


def _folder_imports() -> dict[str, set[str]]:
    """For each folder, the other folders its modules import (top-level modules left out)."""
    folders: dict[str, set[str]] = {}
    for module, targets in _graph().items():
        source = _folder(module)
        if source == "briefwright" or source in DATA_PACKAGES:
            continue  # the orchestrator and shared services sit beside the layers
        folders.setdefault(source, set()).update(
            folder for folder in map(_folder, targets) if folder not in ("briefwright", source))
    return folders


def layer_violations(imports: dict[str, set[str]], layers: tuple[str, ...] = LAYERS) -> list[str]:
    """Each folder import that goes against the layer order, and each folder the order does not place."""
    problems = []
    for folder in sorted(imports):
        if folder not in layers:
            problems.append(f"{folder}/ is not in LAYERS: add it to LAYERS in tests/test_architecture.py after "
                            f"every folder it imports ({', '.join(sorted(imports[folder])) or 'none'}), and as a "
                            f"numbered item at the same place under '## Layers' in docs/architecture.md")
            continue
        later = sorted(target for target in imports[folder]
                       if target in layers and layers.index(target) > layers.index(folder))
        problems += [f"{folder}/ imports {target}/, which comes after it in LAYERS" for target in later]
    return problems


def _doc_layers(text: str) -> list[str]:
    """The folders the doc's "## Layers" section numbers, in its order."""
    section = re.search(r"^## Layers[ \t]*$(.*?)(?=^## |\Z)", text, flags=re.MULTILINE | re.DOTALL)
    return re.findall(r"^\d+\. `([a-z_]+)/`", section.group(1) if section else "", flags=re.MULTILINE)


def _outside_code_blocks(text: str) -> str:
    return re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)


_PATH = re.compile(r"`([\w./-]+/|[\w./-]*\w\.(?:py|yaml|md|toml|json|js))`")


def unmentioned(text: str, package: Path = PACKAGE) -> list[str]:
    """Each package (`name/`) and top-level module (`name.py`) of the package the doc does not name."""
    names = sorted([f"{path.name}/" for path in package.iterdir() if (path / "__init__.py").is_file()]
                   + [path.name for path in package.glob("*.py") if path.name != "__init__.py"])
    return [name for name in names if f"`{name}`" not in text]


def missing_paths(text: str, bases: tuple[Path, ...]) -> list[str]:
    """Each path the doc names (in backticks, outside code blocks) that exists under none of bases."""
    named = dict.fromkeys(_PATH.findall(_outside_code_blocks(text)))
    return [name for name in named if not any((base / name).exists() for base in bases)]


class Describe_the_package_layout:
    def it_keeps_a_folder_per_layer(self) -> None:
        for stage in LAYERS:
            assert (PACKAGE / stage / "__init__.py").is_file(), f"LAYERS names {stage}/, which is not a package"

    def it_has_no_import_circle_between_modules(self) -> None:
        graph = _graph()
        assert len(graph) == len(_sources())
        assert any(target.startswith("briefwright.plan") for target in graph["briefwright.build"])
        assert "briefwright.review.commands" in graph["briefwright.cli"]
        assert _cycle(graph) is None, " → ".join(_cycle(graph) or [])

    def it_has_no_import_circle_between_stage_folders(self) -> None:
        folders = _folder_imports()
        assert _cycle(folders) is None, " → ".join(_cycle(folders) or [])

    def it_imports_only_from_earlier_layers(self) -> None:
        folders = _folder_imports()
        assert {"writers", "plan", "review"} <= set(folders)
        problems = layer_violations(folders)
        assert not problems, "\n".join(problems)

    def it_finds_a_folder_importing_a_later_layer_or_out_of_the_order(self) -> None:
        assert layer_violations({"a": set(), "b": {"a"}}, ("a", "b")) == []
        assert layer_violations({"a": {"b"}, "b": set()}, ("a", "b")) == ["a/ imports b/, which comes after it in LAYERS"]
        assert layer_violations({"c": {"a"}}, ("a", "b"))[0].startswith("c/ is not in LAYERS: add it to LAYERS")

    def it_finds_a_circle_when_there_is_one(self) -> None:
        assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
        assert _cycle({"a": {"b"}, "b": set()}) is None

    def it_counts_imports_inside_functions_and_type_checking(self, tmp_path: Path) -> None:
        module = tmp_path / "m.py"
        module.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from briefwright.build import x\n"
                          "def f():\n    import briefwright.cli\n", encoding="utf-8")
        assert _imports(module) == {"briefwright.build", "briefwright.cli"}


class Describe_the_size_targets:
    def it_keeps_every_module_within_400_lines(self) -> None:
        too_long = long_modules(_sources())
        assert not too_long, (f"{len(too_long)} module(s) over {MAX_MODULE_LINES} lines; split each into modules "
                              "with one job:\n  " + "\n  ".join(too_long))

    def it_keeps_every_function_within_complexity_15(self) -> None:
        knotted = complex_functions(_sources())
        assert not knotted, (f"{len(knotted)} function(s) above cyclomatic complexity {MAX_COMPLEXITY} (radon); "
                             "decompose each into named steps:\n  " + "\n  ".join(knotted))

    def it_measures_lines_and_complexity(self, tmp_path: Path) -> None:
        module = tmp_path / "m.py"
        branches = "".join(f"    if x == {n}:\n        return {n}\n" for n in range(16))
        module.write_text(f"def knotted(x):\n{branches}    return -1\n\n\ndef plain():\n    return 0\n",
                          encoding="utf-8")
        assert complex_functions([module]) == [f"{module}:1 knotted: complexity 17"]
        assert complex_functions([module], limit=17) == []
        assert long_modules([module], limit=37) == [f"{module}: 38 lines"]
        assert long_modules([module], limit=38) == []


class Describe_the_architecture_page:
    """docs/architecture.md says what each part owns; these keep it naming what is there."""

    def it_names_every_package_and_top_level_module(self) -> None:
        missing = unmentioned(ARCHITECTURE.read_text(encoding="utf-8"))
        assert not missing, (
            f"docs/architecture.md does not name: {', '.join(missing)}. Add each, in backticks, with what it owns: "
            "a package as `name/` in a numbered item under '## Layers' (and in LAYERS in tests/test_architecture.py), "
            "a top-level module as `name.py` in its group under '## Top-level modules'")

    def it_names_only_paths_that_exist(self) -> None:
        bases = (PACKAGE, REPOSITORY, PACKAGE / "example")
        missing = missing_paths(ARCHITECTURE.read_text(encoding="utf-8"), bases)
        assert not missing, (f"docs/architecture.md names paths that do not exist: {', '.join(missing)}; paths are "
                             "read relative to src/briefwright/, the repository or the example project: correct or "
                             "remove each")

    def it_lists_the_layers_in_the_order_the_test_enforces(self) -> None:
        listed = _doc_layers(ARCHITECTURE.read_text(encoding="utf-8"))
        assert listed == list(LAYERS), (
            f"'## Layers' in docs/architecture.md numbers {', '.join(listed) or 'no folders'}; LAYERS in "
            f"tests/test_architecture.py is {', '.join(LAYERS)}: number the folders in that order, "
            "one item each starting with the folder in backticks (1. `sources/` — …)")

    def it_finds_what_the_page_leaves_out(self, tmp_path: Path) -> None:
        (tmp_path / "stage").mkdir()
        (tmp_path / "stage" / "__init__.py").write_text("", encoding="utf-8")
        (tmp_path / "tool.py").write_text("", encoding="utf-8")
        (tmp_path / "__init__.py").write_text("", encoding="utf-8")
        assert unmentioned("`stage/` only", tmp_path) == ["tool.py"]
        assert unmentioned("`tool.py` and `stage/`", tmp_path) == []
        text = "`tool.py`, `stage/x.py`, `gone.py`, `stage/`, a `Class.attr`, `report.error(x)`\n```\n`ghost.py`\n```\n"
        assert missing_paths(text, (tmp_path,)) == ["stage/x.py", "gone.py"]
        assert _doc_layers("## Layers\n\n1. `b/` — x\n2. `a/` — y\n   3. no\n## Next\n1. `c/`\n") == ["b", "a"]
