"""The package's shape: folders follow the pipeline, and no module or folder imports in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

import briefwright

PACKAGE = Path(briefwright.__file__).resolve().parent
PIPELINE = ("sources", "content", "measure", "compose", "plan", "writers")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every briefwright module this module imports: at the top, inside functions and under
    TYPE_CHECKING alike (a circle through a deferred import is still a knot for the reader)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("briefwright"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if (PACKAGE.parent / (candidate.replace(".", "/") + ".py")).exists()
                          else node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("briefwright")}
    return found


def _graph() -> dict[str, set[str]]:
    from briefwright.commands import COMMANDS

    graph = {_module_name(path): _imports(path) for path in PACKAGE.rglob("*.py")
             if "__pycache__" not in path.parts and not {"example", "starter"} & set(path.parts)}
    # The command line imports each command's module by name (importlib): edges all the same.
    graph["briefwright.cli"] |= set(COMMANDS.values())
    return graph


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


def _folder(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[1] in PIPELINE else "briefwright"


class Describe_the_package_layout:
    def it_keeps_a_folder_per_pipeline_stage(self) -> None:
        for stage in PIPELINE:
            assert (PACKAGE / stage / "__init__.py").is_file(), stage

    def it_has_no_import_circle_between_modules(self) -> None:
        graph = _graph()
        assert "briefwright.plan.planner" in graph and "briefwright.compose.composer" in graph["briefwright.plan.planner"]
        assert "briefwright.review.commands" in graph["briefwright.cli"]
        assert _cycle(graph) is None, " → ".join(_cycle(graph) or [])

    def it_has_no_import_circle_between_stage_folders(self) -> None:
        folders: dict[str, set[str]] = {}
        for module, targets in _graph().items():
            source = _folder(module)
            if source == "briefwright":
                continue  # the orchestrator and shared services sit above the stages
            folders.setdefault(source, set()).update(
                folder for folder in map(_folder, targets) if folder not in ("briefwright", source))
        assert _cycle(folders) is None, " → ".join(_cycle(folders) or [])

    def it_finds_a_circle_when_there_is_one(self) -> None:
        assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
        assert _cycle({"a": {"b"}, "b": set()}) is None

    def it_counts_imports_inside_functions_and_type_checking(self, tmp_path: Path) -> None:
        module = tmp_path / "m.py"
        module.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from briefwright.build import x\n"
                          "def f():\n    import briefwright.cli\n", encoding="utf-8")
        assert _imports(module) == {"briefwright.build", "briefwright.cli"}
