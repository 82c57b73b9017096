"""No input ends in exit 70: each is one clear error naming the file (and line and field where they exist)."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import pytest

from tests.conftest import cli_in_process

TINY = Path(__file__).parent / "roots" / "tiny"


def _tiny(tmp_path: Path) -> Path:
    root = tmp_path / "tiny"
    shutil.copytree(TINY, root)
    return root


def _refused(root: Path, *args: str) -> str:
    """stderr of a run that must fail cleanly: exit 1, no traceback, every line readable."""
    result = cli_in_process(*args, "--project", str(root), cwd=root)
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert all(len(line) < 400 for line in result.stderr.splitlines()), result.stderr[:2000]
    return result.stderr


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares a huge size in a few bytes (no pixel data is needed to claim it)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


class Describe_yaml_that_once_crashed:
    @pytest.mark.parametrize("text, expected", [
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", "content/deep.yaml:1: values are nested more than 40"),
        ("a:\n" + "".join("  " * depth + "- \n" for depth in range(1, 900)), "content/deep.yaml:42: values are nested"),
        ("a: " + "{b: " * 3000 + "}" * 3000 + "\n", "content/deep.yaml:1: values are nested"),
    ])
    def it_refuses_deep_nesting_by_line(self, text: str, expected: str, tmp_path: Path) -> None:
        root = _tiny(tmp_path)
        (root / "content/deep.yaml").write_text(text, encoding="utf-8")
        assert expected in _refused(root, "check")

    @pytest.mark.parametrize("value, tag", [
        ("!!python/name:os.system", "!!python/name:os.system"),
        ('!!python/object/apply:os.system ["true"]', "!!python/object/apply:os.system"),
        ("!!binary aGVsbG8=", "!!binary"), ("!custom x", "!custom"),
    ])
    def it_refuses_tags_that_build_objects(self, value: str, tag: str, tmp_path: Path) -> None:
        root = _tiny(tmp_path)
        path = root / "content/findings.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("title: Findings", f"title: {value}", 1),
                        encoding="utf-8")
        assert f"content/findings.yaml:2 [title]: the tag '{tag}' is not allowed" in _refused(root, "check")

    def it_names_the_line_of_a_nul_byte(self, tmp_path: Path) -> None:
        root = _tiny(tmp_path)
        path = root / "content/findings.yaml"
        path.write_bytes(path.read_bytes().replace(b"title: Findings", b"title: Find\x00ings"))
        assert "content/findings.yaml:2: YAML cannot hold the character U+0000 (column 12)" in _refused(root, "check")

    def it_names_file_line_and_field_of_a_huge_headline(self, tmp_path: Path) -> None:
        root = _tiny(tmp_path)
        path = root / "content/findings.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "headline: Buses run late on most mornings", "headline: Buses " + "x" * 10_000, 1), encoding="utf-8")
        stderr = _refused(root, "build", "--out", str(tmp_path / "out"))
        assert "content/findings.yaml:10 [points[0].headline]: headline is 10,006 characters long; at most 140" in stderr
        assert not (tmp_path / "out").exists()


    @pytest.mark.parametrize("authors", ["[]", '[{name: " "}]'])
    def it_refuses_a_source_without_an_author_name(self, authors: str, tmp_path: Path) -> None:
        # found by the fuzz: the citation label took the first author's last word
        root = _tiny(tmp_path)
        path = root / "seeds/sources.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("authors: unknown", f"authors: {authors}"),
                        encoding="utf-8")
        assert "seeds/sources.yaml:6 [sources[0].authors" in _refused(root, "build", "--out", str(tmp_path / "o"))


class Describe_profiles_that_once_crashed_or_named_no_file:
    def it_refuses_a_logo_pillow_calls_a_bomb(self, tmp_path: Path) -> None:
        root = _tiny(tmp_path)
        (root / "templates/logo.png").write_bytes(_png_header(30_000, 30_000))
        _append(root / "templates/audiences/reader.yaml", "branding:\n  logo: logo.png\n")
        stderr = _refused(root, "build", "--out", str(tmp_path / "out"))
        assert "templates/audiences/reader.yaml:5 [branding.logo]: the image has more than 16,777,216 pixels" in stderr

    def it_refuses_a_font_name_that_would_break_css(self, tmp_path: Path) -> None:
        root = _tiny(tmp_path)
        _append(root / "templates/audiences/reader.yaml",
                'branding:\n  fonts:\n    heading: "Arial\\"; } body { background: url(x) } p {"\n')
        stderr = _refused(root, "build", "--out", str(tmp_path / "out"))
        assert "templates/audiences/reader.yaml:6 [branding.fonts.heading]: 'Arial\"; } body" in stderr
        assert "is not a font family name" in stderr

    def it_names_the_profile_line_of_a_font_that_is_not_installed(self, tmp_path: Path) -> None:
        root = _tiny(tmp_path)
        _append(root / "templates/audiences/reader.yaml", "branding:\n  fonts:\n    body: Nonexistent Sans Zq\n")
        stderr = _refused(root, "build", "--out", str(tmp_path / "out"))
        assert "templates/audiences/reader.yaml:6 [branding.fonts.body]: font family 'Nonexistent Sans Zq' is not " \
               "installed" in stderr

    def it_names_the_profile_that_extends_a_missing_one(self, tmp_path: Path) -> None:
        root = _tiny(tmp_path)
        path = root / "templates/audiences/reader.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("extends: base", "extends: nowhere"), encoding="utf-8")
        stderr = _refused(root, "build", "--out", str(tmp_path / "out"))
        assert "templates/audiences/reader.yaml:1 [extends]: profile 'reader' extends 'nowhere'" in stderr

    def it_names_the_product_file_of_a_budget_refusal(self, tmp_path: Path) -> None:
        stderr = _refused(_tiny(tmp_path), "build", "--product", "deck-20", "--out", str(tmp_path / "out"))
        assert "/products/deck-20.yaml:" in stderr and "[budget.slides]: product 'deck-20'" in stderr
