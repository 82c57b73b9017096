"""Content schema errors name the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import collect_errors


def _errors(project_dir: Path) -> list[str]:
    return collect_errors(project_dir)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


class Describe_content_errors:
    def it_names_file_line_and_field_for_an_overlong_headline(self, project_dir: Path) -> None:
        _edit(project_dir / "content/recommendations.yaml",
              "headline: The Diet should advance a Japanese Taiwan Relations Act",
              "headline: The Diet should advance a Japanese Taiwan Relations Act without any further delay at all")
        errors = _errors(project_dir)
        assert len(errors) == 1
        assert "content/recommendations.yaml:" in errors[0] and "[points[0].headline]" in errors[0]
        assert "15 words; at most 12" in errors[0]

    def it_reports_a_missing_field(self, project_dir: Path) -> None:
        _edit(project_dir / "content/threat-picture.yaml", "    priority: 3\n    tags: [strategic, china]\n",
              "    tags: [strategic, china]\n")
        errors = _errors(project_dir)
        assert any("[points[2].priority]" in e and "required" in e for e in errors)

    def it_reports_a_wrong_type(self, project_dir: Path) -> None:
        _edit(project_dir / "content/threat-picture.yaml", "    priority: 3\n", "    priority: high\n")
        errors = _errors(project_dir)
        assert any("content/threat-picture.yaml:" in e and "[points[2].priority]" in e and "whole number" in e
                   for e in errors)

    def it_reports_a_duplicate_point_id(self, project_dir: Path) -> None:
        _edit(project_dir / "content/legal-constraints.yaml", "  - id: no-arms-sales\n", "  - id: shared-threat\n")
        errors = _errors(project_dir)
        # Modules load in file-name order, so the second file named is the one reported.
        assert any("point id 'shared-threat' is already used in module 'legal-constraints'" in e
                   and "content/threat-picture.yaml:" in e and "[points[0].id]" in e for e in errors)

    def it_reports_an_unknown_field(self, project_dir: Path) -> None:
        _edit(project_dir / "content/topic.yaml", "subject:", "subjet: typo\nsubject:")
        errors = _errors(project_dir)
        assert any("content/topic.yaml:" in e and "[subjet]" in e and "not recognised" in e for e in errors)

    def it_reports_yaml_syntax_with_a_line(self, project_dir: Path) -> None:
        _edit(project_dir / "content/threat-picture.yaml", "title: Threat picture", "title: [unclosed")
        errors = _errors(project_dir)
        assert any("content/threat-picture.yaml:" in e and "YAML syntax" in e for e in errors)

    def it_reports_a_judgment_that_cites_a_missing_point(self, project_dir: Path) -> None:
        _edit(project_dir / "content/topic.yaml", "points: [shared-threat,", "points: [no-such-point, shared-threat,")
        errors = _errors(project_dir)
        assert errors == [e for e in errors if "no-such-point" in e] and len(errors) == 1
        assert "content/topic.yaml:" in errors[0] and "[bluf.points[0]]" in errors[0]

    def it_requires_every_module_to_have_a_key_judgment(self, project_dir: Path) -> None:
        path = project_dir / "content/recommendations.yaml"
        text = path.read_text(encoding="utf-8")
        start = text.index("key_judgment:")
        end = text.index("points:\n")
        path.write_text(text[:start] + text[end:], encoding="utf-8")
        errors = _errors(project_dir)
        assert any("[key_judgment]" in e and "required" in e for e in errors)
