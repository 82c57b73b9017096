"""Start-up and exit: a command imports only what it uses, and ends without the interpreter's teardown
but with everything it printed and every exit handler run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# What a memo build with a warm verification cache never needs: other commands, other writers,
# the faithfulness lint (its findings are replayed) and the live preview.
NOT_FOR_A_WARM_MEMO = ("briefwright.analyst_cli", "briefwright.review.commands", "briefwright.review.importer",
                       "briefwright.content.faithfulness", "briefwright.content.coverage", "briefwright.quotes",
                       "briefwright.ingest", "briefwright.live", "briefwright.writers.html",
                       "briefwright.writers.pptx", "pptx", "briefwright.commands.check",
                       # the aligned clauses of the evidence map are replayed: no lemmatiser, no word tables
                       "simplemma", "briefwright.content.alignment", "briefwright.content.lexicon")


def _loaded(argv: list[str], cwd: Path, modules: tuple[str, ...]) -> list[str]:
    """The named modules (or their packages' modules) a fresh process has loaded after running argv."""
    probe = ("import sys\nfrom briefwright.cli import main\ntry:\n    rc = main(sys.argv[2:])\nexcept SystemExit:\n"
             "    pass\nwanted = sys.argv[1].split(',')\n"
             "print('loaded:', *sorted(m for m in sys.modules for w in wanted if m == w or m.startswith(w + '.')))")
    result = subprocess.run([sys.executable, "-c", probe, ",".join(modules), *argv], cwd=cwd, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-1].split()[1:]  # after the command's own output


class Describe_start_up:
    def it_builds_a_memo_with_a_warm_cache_without_other_commands_writers_or_the_lint(self, project_dir: Path,
                                                                                    tmp_path: Path) -> None:
        out = tmp_path / "out"
        command = ["build", "--product", "memo", "--quiet", "--out", str(out), "--jobs", "1"]
        assert "briefwright.content.faithfulness" in _loaded(command, project_dir, NOT_FOR_A_WARM_MEMO)  # cold
        cold = {name: (out / name).read_bytes() for name in ("memo-analyst.docx", "memo-analyst.evidence.json")}
        for name in cold:
            (out / name).unlink()  # made again; the verification cache stays
        assert _loaded(command, project_dir, NOT_FOR_A_WARM_MEMO) == []
        assert {name: (out / name).read_bytes() for name in cold} == cold

    def it_shows_a_command_help_without_loading_the_build(self, tmp_path: Path) -> None:
        assert _loaded(["build", "--help"], tmp_path, ("briefwright.build", "pydantic", "briefwright.review")) == []


class Describe_exit:
    def it_prints_everything_and_runs_exit_handlers(self, tmp_path: Path) -> None:
        probe = ("import atexit, sys\natexit.register(lambda: print('exit handler ran', flush=True))\n"
                 "sys.argv = ['briefwright', 'trace', sys.argv[1]]\nfrom briefwright.entry import run\n"
                 "print('before', end='')\nsys.exit(run())")
        result = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "memo.docx")], capture_output=True,
                                text=True, check=False)
        assert result.returncode == 1
        assert result.stdout == "beforeexit handler ran\n"
        assert "no evidence map at" in result.stderr and "Traceback" not in result.stderr


class Describe_library_versions:
    def it_reads_the_versions_importlib_metadata_reads(self) -> None:
        from importlib import metadata

        from briefwright.checkcache import LIBRARIES as CHECKED
        from briefwright.fingerprint import LIBRARIES, library_versions

        names = (*LIBRARIES, *CHECKED, "PyYAML", "no-such-library")
        expected = []
        for name in names:
            try:
                expected.append(f"{name}={metadata.version(name)}\n")
            except metadata.PackageNotFoundError:
                expected.append(f"{name}=absent\n")
        assert library_versions(names) == "".join(expected)
        assert "no-such-library=absent" in library_versions(names)


class Describe_the_folder_digest:
    def it_lists_files_in_path_order_with_links_and_without_caches(self, tmp_path: Path) -> None:
        from briefwright.fingerprint import _files

        folder = tmp_path / "folder"
        for name in ("a/b.txt", "a-b/x.txt", "__pycache__/c.pyc", "z.txt"):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(name, encoding="utf-8")
        (tmp_path / "elsewhere").mkdir()
        (folder / "link").symlink_to(tmp_path / "elsewhere")  # listed, never walked into
        # By path parts, as pathlib orders them ("a" before "a-b"), not as strings ("a-b/" before "a/").
        assert [str(path.relative_to(folder)) for path in _files(folder)] == ["a/b.txt", "a-b/x.txt", "link", "z.txt"]
