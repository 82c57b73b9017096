"""One confinement rule for every name a user gives: profile, product and audience names are names
(never paths), and every file or folder a project or a command names is resolved once and must stay
inside the project (or, for --out, inside the named folder with no link leading out of it)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefwright.cli import main

TINY = Path(__file__).parent / "roots" / "tiny"
SECRET = "SECRET-OUTSIDE-THE-PROJECT"


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(TINY, project)
    return project


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the project holding a profile, a module and a text that must never be read."""
    folder = tmp_path / "outside"
    (folder / "audiences").mkdir(parents=True)
    (folder / "audiences" / "evil.yaml").write_text(f"extends: base\nlabel: {SECRET}\n", encoding="utf-8")
    (folder / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    return folder


def _refused(capfd: pytest.CaptureFixture[str], argv: list[str], *expected: str) -> str:
    status = main(argv)
    out, err = capfd.readouterr()
    assert status == 1, (status, err)
    assert "Traceback" not in err and "internal error" not in err
    assert SECRET not in out + err
    for text in expected:
        assert text in err, (text, err)
    return err


class Describe_names_are_names:
    @pytest.mark.parametrize("name", ["../outside/audiences/evil", "/etc/passwd", "a/b", ".hidden", "x\x00y"])
    def it_refuses_an_audience_option_that_is_a_path(self, name: str, tiny: Path, outside: Path,
                                                      capfd: pytest.CaptureFixture[str]) -> None:
        _refused(capfd, ["build", "--project", str(tiny), "--audience", name, "--out", str(tiny / "o")],
                 "[--audience]", "is not a name", "letters, digits, hyphens")
        assert not (tiny / "o").exists()

    def it_refuses_a_product_option_that_is_a_path(self, tiny: Path, capfd: pytest.CaptureFixture[str]) -> None:
        _refused(capfd, ["build", "--project", str(tiny), "--product", "../products/memo"], "[--product]")

    def it_refuses_extends_that_leads_outside_and_names_file_and_line(self, tiny: Path, outside: Path,
                                                                      capfd: pytest.CaptureFixture[str]) -> None:
        profile = tiny / "templates/audiences/reader.yaml"
        profile.write_text(profile.read_text(encoding="utf-8").replace("extends: base",
                                                                        "extends: ../../../outside/audiences/evil"),
                           encoding="utf-8")
        _refused(capfd, ["build", "--project", str(tiny), "--out", str(tiny / "o")],
                 "templates/audiences/reader.yaml:1", "[extends]", "profile name in extends")

    def it_refuses_new_audience_from_a_path(self, tiny: Path, outside: Path,
                                            capfd: pytest.CaptureFixture[str]) -> None:
        _refused(capfd, ["new-audience", "board", "--project", str(tiny), "--from", "../../outside/audiences/evil"],
                 "[--from]", "is not a name")
        assert not (tiny / "templates/audiences/board.yaml").exists()

    def it_refuses_a_path_as_the_projects_default_audience(self, tiny: Path,
                                                           capfd: pytest.CaptureFixture[str]) -> None:
        project_file = tiny / "briefwright.yaml"
        project_file.write_text(project_file.read_text(encoding="utf-8").replace(
            "default_audience: reader", "default_audience: ../outside/audiences/evil"), encoding="utf-8")
        _refused(capfd, ["check", "--project", str(tiny)], "briefwright.yaml:2", "[default_audience]")


class Describe_files_stay_inside_the_project:
    def it_refuses_a_profile_file_linked_from_outside(self, tiny: Path, outside: Path,
                                                      capfd: pytest.CaptureFixture[str]) -> None:
        (tiny / "templates/audiences/evil.yaml").symlink_to(outside / "audiences/evil.yaml")
        _refused(capfd, ["build", "--project", str(tiny), "--audience", "evil"],
                 "templates/audiences/evil.yaml", "leads outside")

    def it_refuses_a_content_file_linked_from_outside(self, tiny: Path, outside: Path,
                                                      capfd: pytest.CaptureFixture[str]) -> None:
        (tiny / "content/extra.yaml").symlink_to(outside / "secret.txt")
        _refused(capfd, ["check", "--project", str(tiny)], "content/extra.yaml", "leads outside")

    def it_refuses_a_templates_option_outside_the_project(self, tiny: Path, outside: Path,
                                                          capfd: pytest.CaptureFixture[str]) -> None:
        _refused(capfd, ["build", "--project", str(tiny), "--templates", str(outside), "--audience", "evil"],
                 "[--templates]", "leads outside")

    def it_takes_a_templates_option_inside_the_project(self, tiny: Path, capfd: pytest.CaptureFixture[str]) -> None:
        (tiny / "mine/audiences").mkdir(parents=True)
        (tiny / "mine/audiences/board.yaml").write_text("extends: reader\nlabel: Board\n", encoding="utf-8")
        assert main(["list", "--project", str(tiny), "--templates", str(tiny / "mine")]) == 0
        assert "board" in capfd.readouterr().out

    @pytest.mark.parametrize("how", ["link", "dotdot"])
    def it_refuses_a_build_folder_that_leads_outside(self, how: str, tiny: Path, tmp_path: Path,
                                                     capfd: pytest.CaptureFixture[str]) -> None:
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        if how == "link":
            (tiny / "build").symlink_to(elsewhere)
        else:
            with (tiny / "briefwright.yaml").open("a", encoding="utf-8") as handle:
                handle.write("paths:\n  build: ../elsewhere\n")
        _refused(capfd, ["build", "--project", str(tiny)], "[paths.build]" if how == "dotdot" else "build", "leads outside")
        assert not any(elsewhere.iterdir())

    @pytest.mark.parametrize("name", ["manifest.json", "memo-reader.docx", ".briefwright.lock"])
    def it_refuses_an_out_folder_whose_files_link_elsewhere(self, name: str, tiny: Path, outside: Path,
                                                            capfd: pytest.CaptureFixture[str]) -> None:
        out = tiny / "o"
        out.mkdir()
        (out / name).symlink_to(outside / "secret.txt")
        _refused(capfd, ["build", "--project", str(tiny), "--out", str(out)], "[--out]", name, "is a link")
        assert (outside / "secret.txt").read_text(encoding="utf-8") == SECRET + "\n"


class Describe_init_from_a_project_with_links:
    def it_refuses_a_link_that_points_outside_the_source_project(self, tiny: Path, outside: Path, tmp_path: Path,
                                                                  capfd: pytest.CaptureFixture[str]) -> None:
        (tiny / "seeds/leak.txt").symlink_to(outside / "secret.txt")
        _refused(capfd, ["init", str(tmp_path / "copy"), "--from", str(tiny)], "seeds/leak.txt", "leads outside")
        assert not (tmp_path / "copy").exists()

    def it_copies_a_link_inside_the_project_as_its_target(self, tiny: Path, tmp_path: Path,
                                                          capfd: pytest.CaptureFixture[str]) -> None:
        (tiny / "seeds/again.txt").symlink_to("fixture.txt")
        assert main(["init", str(tmp_path / "copy"), "--from", str(tiny)]) == 0
        copied = tmp_path / "copy/seeds/again.txt"
        assert not copied.is_symlink()
        assert copied.read_bytes() == (tiny / "seeds/fixture.txt").read_bytes()

    def it_refuses_a_folder_link_that_would_copy_without_end(self, tiny: Path, tmp_path: Path,
                                                             capfd: pytest.CaptureFixture[str]) -> None:
        os.symlink("..", tiny / "content/loop")
        _refused(capfd, ["init", str(tmp_path / "copy"), "--from", str(tiny)], "content/loop", "holds it")


class Describe_nothing_outside_is_read:
    def it_does_not_read_a_link_out_of_the_project_that_no_file_lists(self, tiny: Path, outside: Path,
                                                                       monkeypatch: pytest.MonkeyPatch,
                                                                       capfd: pytest.CaptureFixture[str]) -> None:
        (tiny / "seeds/unlisted.txt").symlink_to(outside / "secret.txt")
        (tiny / "templates/linked").symlink_to(outside)
        read: list[Path] = []
        original = Path.read_bytes

        def recording(path: Path) -> bytes:
            read.append(path.resolve())
            return original(path)

        monkeypatch.setattr(Path, "read_bytes", recording)
        assert main(["build", "--project", str(tiny), "-q", "--product", "memo", "--out", str(tiny / "o")]) == 0
        assert read and not [path for path in read if outside in path.parents]

    def it_refuses_to_trace_through_a_linked_evidence_map(self, tiny: Path, outside: Path,
                                                          capfd: pytest.CaptureFixture[str]) -> None:
        (tiny / "memo.evidence.json").symlink_to(outside / "secret.txt")
        _refused(capfd, ["trace", str(tiny / "memo.evidence.json")], "memo.evidence.json", "symbolic link")
