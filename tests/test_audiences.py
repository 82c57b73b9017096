"""Audiences as data: the same content tailored by profile, layered templates, a safe sandbox."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import docx
import pytest
from docx.shared import Mm
from pptx import Presentation

from briefwright.audience import load_audience
from briefwright.build import Output, build, collect
from briefwright.office import convert_to_pdf
from briefwright.project import load_project
from briefwright.templates import BUILTIN_DIR
from tests import pdf
from tests.conftest import cli_in_process, copy_project
from tests.shapes import misplaced_words

TINY = Path(__file__).resolve().parent / "roots" / "tiny"  # the small project root
AUDIENCES = ["analyst", "legislator", "defence", "us-policy", "public"]
BANNERS = {"legislator": "FOR DISCUSSION — NOT FOR CITATION", "defence": "UNCLASSIFIED // FOR DISCUSSION",
           "us-policy": "UNCLASSIFIED"}


@pytest.fixture(scope="module")
def tailored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Output]:
    """The memo and the 10-slide deck for every audience, built in this process into the copy's build/
    (which Describe_build_all's `build --all` then completes, in the same folder: never change it)."""
    root = copy_project(tmp_path_factory.mktemp("aud") / "project")
    result = build(load_project(root, explicit=True), products=["memo", "deck-10"], audiences=["all"])
    return {output.path.name: output for output in result.outputs}


@pytest.fixture(scope="module")
def tailored_pdf(tailored: dict[str, Output], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    files = sorted(output.path for output in tailored.values())
    return {path.name: out for path, out in zip(files, convert_to_pdf(files, tmp_path_factory.mktemp("audpdf")))}


def _memo(tailored: dict[str, Output], audience: str) -> docx.document.Document:
    return docx.Document(str(tailored[f"memo-{audience}.docx"].path))


def _text(document: docx.document.Document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


class Describe_tailoring:
    def it_builds_every_audience(self, tailored: dict[str, Output]) -> None:
        assert sorted(tailored) == sorted(f"{p}-{a}.{x}" for a in AUDIENCES for p, x in (("memo", "docx"),
                                                                                           ("deck-10", "pptx")))

    @pytest.mark.parametrize("audience", AUDIENCES)
    def it_orders_modules_as_the_profile_says(self, audience: str, tailored: dict[str, Output]) -> None:
        project = load_project(tailored[f"memo-{audience}.docx"].path.parents[1], explicit=True)
        workspace = collect(project)
        profile = load_audience(workspace.layers, audience)
        titles = {m.id: m.title for m in workspace.content.modules}
        headings = [p.text for p in _memo(tailored, audience).paragraphs if p.style.name == "Heading 1"]
        assert headings == [titles[m] for m in profile.module_order]
        slide_modules = [s.module_id for s in tailored[f"deck-10-{audience}.pptx"].plan.document.sections
                         if s.role == "module"]
        assert list(dict.fromkeys(slide_modules)) == profile.module_order

    def it_gives_the_heavier_module_more_room(self, tailored: dict[str, Output]) -> None:
        def bullets(audience: str, module: str) -> int:
            return sum(1 for s in tailored[f"memo-{audience}.docx"].plan.document.sections if s.module_id == module
                       for b in s.blocks if b.kind == "bullet")
        assert bullets("legislator", "legal-constraints") > bullets("legislator", "threat-picture")
        assert bullets("defence", "threat-picture") > bullets("defence", "legal-constraints")

    @pytest.mark.parametrize("audience,paper", [("analyst", "letter"), ("legislator", "a4"), ("defence", "a4"),
                                                ("us-policy", "letter"), ("public", "letter")])
    def it_sets_the_paper_size_in_the_section_properties(self, audience: str, paper: str,
                                                         tailored: dict[str, Output]) -> None:
        section = _memo(tailored, audience).sections[0]
        if paper == "a4":
            assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
        else:
            assert (section.page_width.inches, section.page_height.inches) == (8.5, 11)

    def it_spells_acronyms_out_on_first_use_for_the_public(self, tailored: dict[str, Output]) -> None:
        public = _text(_memo(tailored, "public"))
        analyst = _text(_memo(tailored, "analyst"))
        profile = load_audience(collect(load_project(tailored["memo-public.docx"].path.parents[1],
                                                     explicit=True)).layers, "public")
        spelled = 0
        for acronym, expansion in profile.vocabulary.acronyms.items():
            body = public.split("Sources  ")[0]
            found = re.search(rf"(?<![\w-]){acronym}(?![\w-])", body)
            if found is None:
                continue
            spelled += 1
            assert body[:found.start()].endswith(f"{expansion} ("), f"{acronym} is not spelled out at its first use"
            assert f"{expansion} ({acronym})" not in analyst
        assert spelled >= 2

    def it_never_rewrites_a_quote(self, tailored: dict[str, Output]) -> None:
        notes = "\n".join(s.notes_slide.notes_text_frame.text for s in
                          Presentation(str(tailored["deck-10-public.pptx"].path)).slides if s.has_notes_slide)
        quotes = [q for e in tailored["deck-10-public.pptx"].evidence["entries"] if e["point"] for q in e["quotes"]]
        assert quotes
        for quote in quotes:
            assert f"“{quote['quote']}”" in notes

    def it_uses_the_profile_date_format(self, tailored: dict[str, Output]) -> None:
        assert "21 Nov 2026" in _text(_memo(tailored, "defence"))
        assert "November 21, 2026" in _text(_memo(tailored, "us-policy"))
        assert "21 November 2026" in _text(_memo(tailored, "analyst"))

    @pytest.mark.parametrize("audience", AUDIENCES)
    def it_puts_the_banner_in_header_and_footer_only_when_set(self, audience: str, tailored: dict[str, Output]) -> None:
        section = _memo(tailored, audience).sections[0]
        header, footer = section.header.paragraphs[0].text, section.footer.paragraphs[0].text
        banner = BANNERS.get(audience)
        if banner:
            assert banner in header and banner in footer
        else:
            assert header.strip() == "" and footer.strip() == ""


@pytest.mark.office
class Describe_tailoring_as_rendered:
    @pytest.mark.parametrize("audience", AUDIENCES)
    def it_still_fits_the_budgets(self, audience: str, tailored_pdf: dict[str, Path]) -> None:
        assert pdf.page_count(tailored_pdf[f"memo-{audience}.docx"]) == 1
        assert pdf.page_count(tailored_pdf[f"deck-10-{audience}.pptx"]) == 10

    @pytest.mark.parametrize("audience", AUDIENCES)
    def it_shows_the_banner_at_top_and_bottom_of_every_page_and_slide(self, audience: str,
                                                                       tailored_pdf: dict[str, Path]) -> None:
        banner = BANNERS.get(audience)
        for name in (f"memo-{audience}.docx", f"deck-10-{audience}.pptx"):
            words = pdf.words(tailored_pdf[name])
            _, height = pdf.page_size(tailored_pdf[name])
            pages = {w.page for w in words}
            first_word = (banner or "UNCLASSIFIED").split()[0]
            for page in pages:
                hits = [w for w in words if w.page == page and w.text == first_word]
                tops = [w.top for w in hits if w.top < height * 0.08]
                bottoms = [w.top for w in hits if w.bottom > height * 0.92]
                if banner:
                    assert tops and bottoms, f"{name} page {page}: banner missing at top or bottom"
                else:
                    assert not tops and not bottoms, f"{name} page {page}: a banner where none is set"

    @pytest.mark.parametrize("audience", AUDIENCES)
    def it_keeps_every_deck_word_inside_its_shape(self, audience: str, tailored: dict[str, Output],
                                                  tailored_pdf: dict[str, Path]) -> None:
        name = f"deck-10-{audience}.pptx"
        assert misplaced_words(tailored[name].path, tailored_pdf[name], name) == []


class Describe_reading_level:
    def it_warns_when_prose_is_above_the_profiles_grade_and_fails_under_strict(self, project_dir: Path) -> None:
        (project_dir / "templates/audiences/children.yaml").write_text(
            "extends: public\nlabel: Children\nreading_level:\n  max_grade: 5\n", encoding="utf-8")
        result = cli_in_process("build", "--audience", "children", "--product", "memo", cwd=project_dir)
        assert result.returncode == 0 and "above the children profile's target of 5" in result.stderr
        strict = cli_in_process("build", "--audience", "children", "--product", "memo", "--strict", "--out",
                      str(project_dir / "strict"), cwd=project_dir)
        assert strict.returncode == 1 and not (project_dir / "strict").exists()


class Describe_template_layers:
    def it_lets_an_overlay_override_a_profile_and_a_product(self, project_dir: Path, tmp_path: Path) -> None:
        overlay = project_dir / "mine"  # --templates names a folder inside the project (issue 18)
        (overlay / "audiences").mkdir(parents=True)
        (overlay / "audiences/analyst.yaml").write_text("extends: analyst\nlabel: Analysts (mine)\n"
                                                       "banner: OVERLAY HANDLING\n", encoding="utf-8")
        (overlay / "products").mkdir()
        memo = (BUILTIN_DIR / "products/memo.yaml").read_text(encoding="utf-8")
        (overlay / "products/memo.yaml").write_text(memo.replace("kicker: Memorandum", "kicker: Note for file"),
                                                    encoding="utf-8")
        result = build(load_project(project_dir, explicit=True), products=["memo"], overlay=overlay,
                       out_dir=tmp_path / "out")
        document = docx.Document(str(result.outputs[0].path))
        assert document.paragraphs[0].text == "Note for file"
        assert "OVERLAY HANDLING" in document.sections[0].header.paragraphs[0].text
        # the overlay refines the project's analyst: its addressee is inherited from below
        assert "Japan–Taiwan security analysts" in document.paragraphs[2].text

    def it_refuses_a_logo_outside_the_project(self, project_dir: Path) -> None:
        (project_dir / "templates/audiences/leaky.yaml").write_text(
            "extends: analyst\nlabel: Leaky\nbranding:\n  logo: ../../../../etc/hostname\n", encoding="utf-8")
        result = cli_in_process("build", "--audience", "leaky", "--product", "memo", cwd=project_dir)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "leaky.yaml:4" in result.stderr and "leads outside the project" in result.stderr
        assert not (project_dir / "build").exists()

    def it_finds_a_renamed_layout_by_its_role_without_a_warning(self, project_dir: Path) -> None:
        reference = Presentation(str(project_dir / "templates/reference/defence.pptx"))
        for layout in reference.slide_layouts:
            if layout.name == "Title Only":
                layout.name = "Heading Only"
        reference.save(str(project_dir / "templates/reference/odd.pptx"))
        (project_dir / "templates/audiences/odd.yaml").write_text(
            "extends: analyst\nlabel: Odd\nbranding:\n  reference_pptx: reference/odd.pptx\n"
            "  fonts: {heading: Arial, body: Times New Roman, east_asian: Yu Gothic}\n", encoding="utf-8")
        result = cli_in_process("build", "--audience", "odd", "--product", "deck-5", "--strict", cwd=project_dir)
        assert result.returncode == 0, result.stderr
        slides = Presentation(str(project_dir / "build/deck-5-odd.pptx")).slides
        assert [slide.slide_layout.name for slide in slides] == ["Title Slide"] + ["Heading Only"] * 4


class Describe_sandbox:
    @pytest.mark.parametrize("template,explanation", [
        ("{{ topic.__class__.__mro__ }}", "templates may not use"),
        ("{{ topic.title.__class__.__base__.__subclasses__() }}", "templates may not use"),
        ("{{ secrets }}", "a name that does not exist"),
    ])
    def it_refuses_templates_that_reach_for_internals(self, template: str, explanation: str,
                                                       tmp_path: Path) -> None:
        # The small root: the sandbox guards the product's templates, which every project's memo renders.
        project_dir = Path(shutil.copytree(TINY, tmp_path / "project"))
        products = project_dir / "templates/products"
        products.mkdir(parents=True, exist_ok=True)
        memo = (BUILTIN_DIR / "products/memo.yaml").read_text(encoding="utf-8")
        (products / "memo.yaml").write_text(memo.replace('title: "{{ topic.title }}"', f'title: "{template}"'),
                                           encoding="utf-8")
        result = cli_in_process("build", "--product", "memo", cwd=project_dir)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        line = next(i for i, text in enumerate((products / "memo.yaml").read_text().splitlines(), start=1)
                    if template in text)
        assert f"templates/products/memo.yaml:{line}" in result.stderr and "[text.title]" in result.stderr
        assert explanation in result.stderr
        assert not (project_dir / "build").exists()


class Describe_scaffolding:
    def it_scaffolds_an_audience_that_builds(self, project_dir: Path) -> None:
        result = cli_in_process("new-audience", "ministers", "--from", "defence", cwd=project_dir)
        assert result.returncode == 0, result.stderr
        text = (project_dir / "templates/audiences/ministers.yaml").read_text(encoding="utf-8")
        assert text.startswith("# Audience profile") and "extends: defence" in text and "# banner:" in text
        built = cli_in_process("build", "--audience", "ministers", "--product", "memo", cwd=project_dir)
        assert built.returncode == 0, built.stderr
        header = docx.Document(str(project_dir / "build/memo-ministers.docx")).sections[0].header
        assert "UNCLASSIFIED // FOR DISCUSSION" in header.paragraphs[0].text  # inherited from defence
        assert cli_in_process("new-audience", "ministers", cwd=project_dir).returncode == 1

    def it_starts_a_new_project_from_the_example(self, project_dir: Path, tmp_path: Path) -> None:
        result = cli_in_process("init", str(tmp_path / "new"), "--from", str(project_dir), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert {p.name for p in (tmp_path / "new").iterdir()} == {"briefwright.yaml", "seeds", "content", "templates"}
        assert cli_in_process("check", "--project", str(tmp_path / "new"), cwd=tmp_path).returncode == 0
        assert cli_in_process("init", str(tmp_path / "new"), cwd=tmp_path).returncode == 1


class Describe_build_all:
    def it_builds_every_product_for_every_audience_with_a_manifest(self, tailored: dict[str, Output]) -> None:
        # Into the folder where the memo and the 10-slide deck were built for every audience (tailored):
        # `--all` asks for all 35 files, finds those 10 up to date and builds the other 25 beside them.
        out = tailored["memo-analyst.docx"].path.parent
        project_dir = out.parent
        result = cli_in_process("build", "--all", cwd=project_dir)
        assert result.returncode == 0, result.stderr
        assert "built 25 file(s), 10 up to date" in result.stdout, result.stdout[-2000:]
        assert "[  1/" not in result.stderr  # no progress display when not on a terminal
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        files = {entry["file"]: entry for entry in manifest["files"]}
        assert len(files) == 7 * 5  # seven products (six Office files and the HTML brief) for five audiences
        import hashlib

        for name, entry in files.items():
            assert hashlib.sha256((out / name).read_bytes()).hexdigest() == entry["sha256"]
            assert (out / entry["evidence"]).is_file()
            count = entry.get("pages") or entry.get("slides")
            assert count and len(entry["plan"]["fill"]) == count
        assert files["deck-20-public.pptx"]["slides"] == 20 and files["memo-defence.docx"]["pages"] == 1


class Describe_reference_files:
    def it_defines_every_word_style_the_built_in_products_use(self) -> None:
        import yaml

        repo = Path(__file__).resolve().parents[1]
        wanted = {style["word_style"] for path in (BUILTIN_DIR / "products").glob("*.yaml")
                  for style in yaml.safe_load(path.read_text(encoding="utf-8"))["styles"].values()
                  if style.get("word_style") and style["word_style"] != "footnote text"}  # footnote styles are added
        for reference in sorted((repo / "templates/reference").glob("*.docx")):
            names = {style.name for style in docx.Document(str(reference)).styles}
            assert wanted <= names, f"{reference.name} lacks {sorted(wanted - names)}"
