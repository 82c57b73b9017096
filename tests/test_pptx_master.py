"""Any PowerPoint master: read, its layouts given roles, boxes derived clear of its pictures and bands.

Fast and font-free: masters come from tests/gallery_pptx.py; nothing is measured or rendered.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx import Presentation

from briefwright.audience import load_audience
from briefwright.diagnostics import BriefwrightError
from briefwright.products import load_product
from briefwright.reference import contrast
from briefwright.reference.deck_adapter import _theme_palette, readable_styles
from briefwright.reference.deck_geometry import derive_boxes
from briefwright.reference.pptx_master import Rect, read_master
from briefwright.reference.pptx_roles import choose, classify_all
from briefwright.templates import BUILTIN_DIR, Layer, Layers
from tests import gallery_pptx

BUILT_IN = Layers((Layer("built-in", BUILTIN_DIR),), BUILTIN_DIR)
DECKS = ("deck-5", "deck-10", "deck-20")
TEXT_BOXES = ("kicker", "title", "body", "source_line", "page_number")


@pytest.fixture(scope="module")
def gallery(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return gallery_pptx.make_all(tmp_path_factory.mktemp("gallery"))


def _rect(box) -> Rect:
    return Rect(box.x, box.y, box.w, box.h)


class Describe_reading_a_master:
    def it_reads_the_slide_size_it_was_saved_with(self, gallery) -> None:
        sizes = {name: (round(read_master(path).width, 2), round(read_master(path).height, 2))
                 for name, path in gallery.items()}
        assert sizes["four-three"] == (10.0, 7.5)
        assert sizes["wide"] == (13.33, 7.5)
        assert sizes["a4-landscape"] == (11.69, 8.27)

    def it_reads_a_master_again_once_it_is_saved(self, gallery, tmp_path: Path) -> None:
        # A resident `watch` builds again after the organisation's master is saved: the master the
        # planner measures must be the version the writer draws, not the first one it read.
        path = tmp_path / "house.pptx"
        path.write_bytes(gallery["four-three"].read_bytes())
        assert round(read_master(path).width, 2) == 10.0
        path.write_bytes(gallery["a4-landscape"].read_bytes())
        assert round(read_master(path).width, 2) == 11.69

    def it_reads_theme_fonts_latin_and_east_asian(self, gallery) -> None:
        theme = read_master(gallery["cjk-fonts"]).theme
        assert (theme.major_latin, theme.major_east_asian, theme.minor_east_asian) == \
            ("Noto Sans CJK JP", "Noto Sans CJK JP", "Noto Sans CJK JP")
        assert read_master(gallery["wide"]).theme.minor_latin == "Calibri"

    def it_maps_text_and_background_through_the_colour_map(self, gallery) -> None:
        master = read_master(gallery["dark"])
        assert master.colour("tx1") == "F5F5F0"
        assert {layout.background for layout in master.layouts} == {"0D1117"}
        assert {layout.background for layout in read_master(gallery["wide"]).layouts} == {"FFFFFF"}

    def it_finds_the_pictures_and_bands_a_master_draws(self, gallery) -> None:
        layouts = read_master(gallery["logo-band"]).layouts
        assert all({(o.kind, o.name) for o in layout.obstacles} == {("shape", "Top band"), ("picture", "Organisation logo")}
                   for layout in layouts)
        sidebar = read_master(gallery["sidebar"]).layouts[0].obstacles
        assert [(o.name, round(o.rect.w, 2)) for o in sidebar] == [("Sidebar", 3.2)]

    def it_inherits_a_placeholder_frame_from_the_master(self, gallery) -> None:
        master = read_master(gallery["four-three"])
        content = next(layout for layout in master.layouts if layout.name == "CO Title and Content")
        title = next(p for p in content.placeholders if p.type == "title")
        assert title.rect is not None and round(title.rect.y, 2) == 0.3


class Describe_layout_roles:
    @pytest.mark.parametrize("name", ["german", "japanese"])
    def it_never_picks_a_vertical_layout_listed_first(self, gallery, name: str) -> None:
        master = read_master(gallery[name])
        roles = [entry.role for entry in classify_all(master)]
        assert roles[:2] == ["vertical", "vertical"]
        choice = choose(master, {})
        assert choice.title is not None and choice.slide is not None and not choice.errors
        assert (choice.title.name, choice.slide.name) == {
            "german": ("Titelfolie", "Nur Titel"), "japanese": ("タイトル スライド", "タイトルのみ")}[name]

    def it_gives_each_default_layout_its_role(self, gallery) -> None:
        roles = {entry.layout.name: entry.role for entry in classify_all(read_master(gallery["four-three"]))}
        assert roles["CO Title Slide"] == "title" and roles["CO Title and Content"] == "content"
        assert roles["CO Title Only"] == "title_only" and roles["CO Blank"] == "blank"
        assert roles["CO Two Content"] == "other" and roles["CO Picture with Caption"] == "other"

    def it_lets_the_profile_mapping_win(self, gallery) -> None:
        choice = choose(read_master(gallery["four-three"]), {"content": "CO Title and Content"})
        assert choice.slide is not None and choice.slide.name == "CO Title and Content"

    def it_refuses_a_mapping_to_a_layout_that_cannot_serve(self, gallery) -> None:
        choice = choose(read_master(gallery["four-three"]), {"content": "CO Two Content"})
        assert "is other" in choice.mapping_errors["content"]

    def it_finds_vertical_and_rotated_text_in_a_layout(self, gallery) -> None:
        from briefwright.reference.pptx_master import vertical_text

        layouts = {layout.name: layout for layout in Presentation(str(gallery["bad"])).slide_layouts}
        assert vertical_text(layouts["Vertical Title and Text"]._element) == \
            ["Vertical Title 1", "Vertical Text Placeholder 2"]
        upright = Presentation(str(gallery["wide"])).slide_layouts
        assert not any(vertical_text(layout._element) for layout in upright if "Vertical" not in layout.name)

    def it_refuses_a_master_with_no_horizontal_title(self, gallery) -> None:
        choice = choose(read_master(gallery["bad"]), {})
        assert choice.slide is None and "vertical or rotated" in choice.errors[0]

    def it_says_when_the_cover_falls_back(self, gallery, tmp_path: Path) -> None:
        presentation = Presentation(str(gallery["wide"]))
        presentation.slide_layouts.remove(presentation.slide_layouts[0])  # the title slide
        path = tmp_path / "no-cover.pptx"
        presentation.save(str(path))
        choice = choose(read_master(path), {})
        assert choice.title is choice.slide and "no title-slide layout" in choice.warnings[0]


class Describe_geometry_from_the_master:
    @pytest.mark.parametrize("product_name", DECKS)
    @pytest.mark.parametrize("name", sorted(gallery_pptx.MASTERS))
    def it_keeps_every_box_on_the_slide_clear_of_obstacles_and_of_each_other(self, gallery, name: str,
                                                                             product_name: str) -> None:
        master = read_master(gallery[name])
        choice = choose(master, {})
        product = load_product(BUILT_IN, product_name)
        boxes = derive_boxes(master, choice, product, banner=True)
        assert "cover_band" not in boxes
        assert choice.slide is not None and choice.title is not None
        for key, box in boxes.items():
            rect = _rect(box)
            assert rect.x >= 0 and rect.y >= 0 and rect.right <= master.width + 1e-6 \
                and rect.bottom <= master.height + 1e-6, key
            layout = choice.title if key.startswith("cover_") else choice.slide
            assert not any(rect.overlaps(o.rect) for o in layout.obstacles), (key, rect)
        slide_boxes = [_rect(boxes[key]) for key in (*TEXT_BOXES, "title_rule", "logo")]
        for i, first in enumerate(slide_boxes):
            assert not any(first.overlaps(second) for second in slide_boxes[i + 1:]), first
        assert boxes["title"].h >= product.boxes["title"].h - 0.01

    def it_narrows_the_body_beside_a_sidebar(self, gallery) -> None:
        master = read_master(gallery["sidebar"])
        boxes = derive_boxes(master, choose(master, {}), load_product(BUILT_IN, "deck-10"), banner=False)
        assert boxes["body"].x >= 3.2 and boxes["title"].x >= 3.2

    def it_keeps_a_title_at_the_bottom_below_the_body(self, gallery) -> None:
        master = read_master(gallery["title-bottom"])
        boxes = derive_boxes(master, choose(master, {}), load_product(BUILT_IN, "deck-10"), banner=False)
        assert boxes["title"].y > boxes["body"].y + boxes["body"].h
        assert boxes["kicker"].y < boxes["title"].y

    def it_moves_the_title_below_a_logo_band(self, gallery) -> None:
        master = read_master(gallery["logo-band"])
        boxes = derive_boxes(master, choose(master, {}), load_product(BUILT_IN, "deck-10"), banner=False)
        assert boxes["kicker"].y >= 0.75


class Describe_look_from_the_master:
    def it_draws_light_ink_on_a_dark_master(self, gallery) -> None:
        master = read_master(gallery["dark"])
        choice = choose(master, {})
        audience = _theme_palette(load_audience(BUILT_IN, "base"), master, choice, {})
        product = readable_styles(load_product(BUILT_IN, "deck-10").model_copy(update={"cover_fill": None}),
                                  audience, choice)
        palette = audience.branding.palette
        assert not contrast.is_dark(palette.ink)
        for name, style in product.styles.items():
            assert contrast.ratio(palette.hex(style.color), "0D1117") >= contrast.AA_TEXT, name

    def it_keeps_what_the_profile_sets(self, gallery) -> None:
        master = read_master(gallery["dark"])
        audience = load_audience(BUILT_IN, "base")
        kept = _theme_palette(audience, master, choose(master, {}), {("branding", "palette", "accent"): None})  # type: ignore[dict-item]
        assert kept.branding.palette.accent == audience.branding.palette.accent


class Describe_the_bad_master_in_a_build:
    def it_stops_with_a_clear_error_and_writes_nothing(self, gallery, tmp_path: Path) -> None:
        from briefwright.build import build
        from briefwright.project import load_project

        root = tmp_path / "tiny"
        shutil.copytree(Path(__file__).parent / "roots" / "tiny", root)
        (root / "templates" / "reference").mkdir()
        shutil.copy(gallery["bad"], root / "templates" / "reference" / "bad.pptx")
        profile = root / "templates" / "audiences" / "reader.yaml"
        profile.write_text(profile.read_text(encoding="utf-8") + "branding:\n  reference_pptx: reference/bad.pptx\n",
                           encoding="utf-8")
        with pytest.raises(BriefwrightError) as caught:
            build(load_project(root, explicit=True), products=["deck-5"], out_dir=tmp_path / "out")
        message = caught.value.report.errors[0].format()
        assert "bad.pptx" in message and "horizontal title" in message
        assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.pptx"))


class Describe_a_deck_on_a_localised_master:
    """The tiny project's deck on the German master (fonts named in the profile, so none need installing)."""

    PROFILE = ("branding:\n  reference_pptx: reference/german.pptx\n"
               "  fonts: {heading: Arial, body: Times New Roman, east_asian: Yu Gothic}\n")

    def it_keeps_the_master_size_and_uses_layouts_by_role(self, gallery, tmp_path: Path) -> None:
        from briefwright.build import build
        from briefwright.project import load_project

        root = tmp_path / "tiny"
        shutil.copytree(Path(__file__).parent / "roots" / "tiny", root)
        (root / "templates" / "reference").mkdir()
        master = gallery_pptx.make("german", root / "templates" / "reference")
        profile = root / "templates" / "audiences" / "reader.yaml"
        profile.write_text(profile.read_text(encoding="utf-8") + self.PROFILE, encoding="utf-8")
        result = build(load_project(root, explicit=True), products=["deck-5"], out_dir=tmp_path / "out")
        deck = Presentation(str(result.outputs[0].path))
        reference = Presentation(str(master))
        assert (deck.slide_width, deck.slide_height) == (reference.slide_width, reference.slide_height)
        layouts = [slide.slide_layout.name for slide in deck.slides]
        assert layouts == ["Titelfolie"] + ["Nur Titel"] * (len(layouts) - 1)
        for slide in deck.slides:
            title = slide.shapes.title
            assert title is not None and title.text.strip()
            assert title._element.find(".//{*}bodyPr").get("vert") in (None, "horz")
            assert title.text_frame.paragraphs[0].runs[0].font.name == "Arial"


def _tiny_on(master: Path, tmp_path: Path, extra: str = "") -> Path:
    """The tiny project with its reader profile on `master`, fonts named so that none need installing."""
    root = tmp_path / "tiny"
    shutil.copytree(Path(__file__).parent / "roots" / "tiny", root)
    (root / "templates" / "reference").mkdir()
    shutil.copy(master, root / "templates" / "reference" / master.name)
    profile = root / "templates" / "audiences" / "reader.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + f"branding:\n  reference_pptx: reference/{master.name}\n"
                       + extra, encoding="utf-8")
    return root


ARIAL = "  fonts: {heading: Arial, body: Times New Roman, east_asian: Yu Gothic}\n"


class Describe_problems_a_build_reports:
    def it_fails_a_strict_build_whose_cover_falls_back_and_warns_otherwise(self, gallery, tmp_path: Path) -> None:
        from briefwright.build import build
        from briefwright.project import load_project

        presentation = Presentation(str(gallery["wide"]))
        presentation.slide_layouts.remove(presentation.slide_layouts[0])
        master = tmp_path / "no-cover.pptx"
        presentation.save(str(master))
        project = load_project(_tiny_on(master, tmp_path, ARIAL), explicit=True)
        with pytest.raises(BriefwrightError) as caught:
            build(project, products=["deck-5"], out_dir=tmp_path / "strict", strict=True)
        assert any("no title-slide layout" in d.message and "'Title Only'" in d.message
                   for d in caught.value.report.items)
        result = build(project, products=["deck-5"], out_dir=tmp_path / "lenient")
        assert [d.code for d in result.report.warnings] == ["layout-fallback"]

    def it_names_the_master_and_what_to_install_for_a_theme_font_it_cannot_measure(self, gallery, tmp_path: Path) -> None:
        from briefwright.build import build
        from briefwright.project import load_project

        presentation = Presentation(str(gallery["wide"]))
        gallery_pptx._set_theme(presentation, fonts={"major/latin": "Briefwright Absent Face"})
        master = tmp_path / "odd-font.pptx"
        presentation.save(str(master))
        with pytest.raises(BriefwrightError) as caught:
            build(load_project(_tiny_on(master, tmp_path), explicit=True), products=["deck-5"], out_dir=tmp_path / "o")
        message = caught.value.report.errors[0].format()
        assert "odd-font.pptx" in message and "theme majorFont (latin)" in message
        assert "install 'Briefwright Absent Face'" in message and "branding.fonts.heading" in message


class Describe_template_check:
    def it_describes_a_master_for_a_profile(self, gallery, tmp_path: Path, capsys) -> None:
        from briefwright.cli import main

        root = _tiny_on(gallery["german"], tmp_path, ARIAL)
        code = main(["template", "check", str(gallery["german"]), "--audience", "reader", "--project", str(root)])
        out = capsys.readouterr().out
        assert code == 0
        assert "slide size: 13.33 × 7.50 in" in out
        assert "'Titel und vertikaler Text': vertical" in out and "'Nur Titel': title_only" in out
        assert "← used for cover" in out and "usable boxes for deck-10" in out and "body " in out

    def it_explains_a_bad_master_and_exits_non_zero(self, gallery, capsys) -> None:
        from briefwright.cli import main

        code = main(["template", "check", str(gallery["bad"])])
        captured = capsys.readouterr()
        assert code == 1, captured.err
        assert "horizontal title placeholder" in captured.err and "add a 'Title Only'" in captured.err

    def it_says_word_references_are_for_the_word_side(self, tmp_path: Path, capsys) -> None:
        from briefwright.cli import main

        document = tmp_path / "letter.docx"
        shutil.copy(Path(__file__).parent.parent / "templates" / "reference" / "defence.docx", document)
        assert main(["template", "check", str(document)]) == 0
        assert "letter.docx" in capsys.readouterr().out
