"""Every check briefwright reports: its code, the stage that runs it, and its default severity.

As Sphinx's warning types or a linter's rule table: each diagnostic carries a code from here, so a
message can be looked up (`briefwright check --list`), silenced or made fatal by the project file:

    checks:
      claim-opinion: error     # a warning code may become an error …
      source-uncited: off      # … or be silenced
An error guards a promise (a quote that is not in its source, a page that overflows) and cannot
be lowered; a project file that tries is refused with its line. tests/test_codes.py holds every code
written in the source to an entry here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Stage = Literal["project", "templates", "sources", "content", "faithfulness", "plan", "output", "publish",
                "clients", "command"]
Level = Literal["error", "warning"]
Setting = Literal["error", "warning", "off"]


@dataclass(frozen=True)
class Check:
    code: str
    stage: Stage
    severity: Level  # the default
    summary: str
    family: bool = False  # the code is a prefix: schema-missing, schema-int_parsing, …

    @property
    def adjustable(self) -> bool:
        """Only warnings may be set: raised to an error or silenced; errors are never lowered."""
        return self.severity == "warning"


def _table(stage: Stage, severity: Level, rows: str) -> list[Check]:
    checks = []
    for line in rows.strip().splitlines():
        code, summary = (part.strip() for part in line.split("|", 1))
        family = code.endswith("*")
        checks.append(Check(code.rstrip("*"), stage, severity, summary, family))
    return checks


CHECKS: tuple[Check, ...] = (
    *_table("project", "error", """
        no-project | no briefwright.yaml in this folder or any parent
        file-missing | a file the project names does not exist
        file-encoding | a text file is not UTF-8
        path-invalid | a path is empty or holds a NUL character
        path-outside | a path leads outside the project (.., an absolute path, a link)
        name-invalid | a profile, product or audience name that is a path or not a plain name
        file-link | a file briefwright would read is a symbolic link
        file-not-regular | a file briefwright would read is a folder, device or pipe
        output-link | a name briefwright writes in the output folder is a link
        too-large | a file is larger than briefwright reads
        yaml-syntax | a YAML file cannot be parsed
        yaml-duplicate-key | a key appears twice in one mapping
        yaml-key | a mapping key is not text
        yaml-too-deep | values nested deeper than the limit
        yaml-tag | a YAML tag that builds something other than plain data (!!python/…, !!binary, local tags)
        yaml-too-large | aliases expand to more values than the limit
        yaml-control-character | text holds a character Word and PowerPoint files cannot hold
        schema-* | a field has the wrong type, is missing or is not allowed (one code per kind of mistake)
        checks-setting | briefwright.yaml sets an unknown check, or lowers an error
    """),
    *_table("templates", "error", """
        templates-missing | a templates folder the project names does not exist
        asset-missing | a logo or reference file the profile names is not in any templates layer
        asset-outside | an asset path leads outside the project and its templates folders
        audience-missing | no profile of that name, or a profile extends one no layer defines
        audience-cycle | a profile extends itself through others
        audience-exists | new-audience would overwrite a profile
        audience-name | a profile name that is not a plain name
        product-missing | no product of that name
        product-kind | a product file names parts or settings of the other kind (page or slide)
        product-style | a product asks for something its styles cannot draw (a what-changed box without a style)
        product-style-missing | a product draws with a style it does not define
        product-structure | a product asks for what its structure has no place for (a what-changed slide, no cover)
        template-syntax | a text template does not parse
        template-undefined | a text template uses a name that does not exist
        template-unsafe | a text template reaches for Python internals
        template-limit | a text template ran too long or wrote too much
        template-error | a text template failed
        template-key | a product has no text template of that name
        template-control-character | a text template writes a character Office files cannot hold
        image-too-large | a logo has more pixels than allowed
        image-unreadable | a logo cannot be read as an image
        package-too-large | a reference .docx/.pptx holds too many or too large parts
        package-unreadable | a reference .docx/.pptx is not a valid Office file
        reference-unreadable | python-docx or python-pptx cannot open a reference file
        reference-has-slides | a reference deck holds slides, not only masters and layouts
        reference-unusable | a reference .docx/.pptx lacks a part the writers need, or a part is not what it claims
        font-missing | a font the profile or template names is not installed and has no shipped widths
        template-unusable | a master has no layout with a horizontal title for the deck's slides
        template-layout-missing | branding.layouts names a layout the master does not have
        template-layout-role | branding.layouts gives a role a layout that cannot serve it
        template-too-small | a master leaves a text box too small for one line of its style
        reference-part-missing | a reference .docx lacks a part its relationships name
        reference-part-damaged | a part of a reference .docx is not well-formed XML
        reference-no-styles | a reference .docx has no styles part
        style-not-in-reference | the profile maps a role to a style the reference document does not have
        style-role-unknown | the profile maps a style role no Word product has
    """),
    *_table("templates", "warning", """
        layout-fallback | the master lacks a layout for a role (the cover); another layout is used
        template-background | a master layout's background is a picture or gradient: contrast is estimated
        template-contrast | a master's theme text colour is unreadable on its background; a readable shade is drawn
        style-missing | a Word style is not in the reference document; briefwright's own is used
        reference-active-content | a reference's external link, macro, OLE/ActiveX object or custom UI was left out
        audience-unknown-module | a profile orders or weights a module the content does not have
        audience-unknown-tag | a profile favours or excludes a tag no point carries
        glossary-empty | a profile asks for a glossary but has no acronyms the content uses
    """),
    *_table("sources", "error", """
        sources-empty | sources.yaml lists no sources
        source-duplicate-id | two sources share an id
        source-file-missing | a seed file does not exist
        source-encoding | a seed is not UTF-8 text
        source-checksum | a seed's sha256 differs from sources.yaml: the text was changed
        source-marker | an exclusion marker is not in its seed
    """),
    *_table("sources", "warning", """
        source-uncited | no point cites a source
    """),
    *_table("content", "warning", """
        starter-placeholder | a topic field still holds the instruction `init` wrote there
    """),
    *_table("content", "error", """
        content-empty | no module files in content/
        module-duplicate-id | two modules share an id
        point-duplicate-id | two points share an id
        unknown-point | a judgment or intro rests on a point no module defines
        unknown-source | a point cites a source sources.yaml does not list
        quote-not-found | a quote is not verbatim in its source
        quote-excluded | a quote comes from a stretch the source's metadata excludes
        timeline-fields | a timeline point lacks its date or label
        timeline-date | a timeline point's year is not in its quotes
        figure-missing | a key-figures point lacks its figure
        figure-unstated | a figure's stated form is not in its quotes
        evidence-broken | a claim rests on a quote or source that cannot be located
    """),
    *_table("faithfulness", "warning", """
        claim-number | a number, year, month or day no quote of the claim states
        claim-certainty | a clause more certain than the passage it restates
        claim-condition | a flat statement drops its passage's condition
        claim-opinion | an author's view or proposal stated as fact
        claim-quantifier | "all/both/most sources" not true of the sources cited
        claim-attribution | an author or publisher named whose source the claim does not cite
        conflict-citation | a "Sources differ" line names a source not among the positions
        judgment-confidence | a key judgment or the BLUF has no confidence
        claim-unsupported | a sentence aligns to none of its quotes and is not marked as the author's analysis
        claim-negation | a clause affirms what its passage denies, or denies what it affirms
        claim-scope | a clause widens the passage's scope (a place, a group, a time)
        claim-cause | a clause states a cause its passage does not
        claim-aspect | a clause states as done what its passage only decided, planned or expected
        claim-date | a date attached to another event or fact than the passage's
        judgment-confidence-fit | a judgment's confidence does not fit its sources (one source, or a conflict)
        judgment-conflict | a judgment takes one side of a recorded conflict without saying so
        rendered-article | a product prints an article that disagrees with the next word
        rendered-dangling | a product prints a pronoun or connective with nothing before it to refer to
        rendered-label | a product prints "unknown" as a value
        rendered-judgment | a judgment in a product states what only points the product dropped support
        waiver-unused | a waiver matches no finding
        reading-level | prose reads above the profile's target grade
    """),
    *_table("plan", "error", """
        budget-exceeded | the must-keep points do not fit the product's length
        budget-unfillable | the content cannot fill the product's minimum length
        line-limit | a paragraph takes more lines than its style allows
        slide-overflow | text does not fit its slide box
    """),
    *_table("plan", "warning", """
        under-filled | the last page is less full than the product asks
    """),
    *_table("output", "error", """
        output-mismatch | the reopened file differs from the plan
        output-style | a reopened paragraph has another style than planned
        output-table | a reopened table differs from the plan
        output-tables | the reopened file has another number of tables
        output-slides | the deck has another number of slides than promised
        output-notes | speaker notes differ from the plan
        output-autofit | a shape asks the viewer to shrink its text
        output-vertical | a slide's text is set vertically or rotated
        output-alt-text | an image without alt text
        output-evidence | a claim cites a quote not marked in the page's source texts
        output-external | the page fetches something; it must be self-contained
        output-ids | an id used twice in the page
        output-language | the page does not declare its language
        output-links | a link leads to nothing
        product-active-content | a .docx/.pptx about to be published holds an external link or active content
    """),
    *_table("publish", "warning", """
        build-recovered | an interrupted build's staging folder was finished or removed
    """),
    *_table("clients", "error", """
        office-missing | LibreOffice is not installed
        office-failed | LibreOffice did not produce the PDF
        office-timeout | LibreOffice did not finish a file within its time bound
        not-built | pdf or preview was handed a file no build wrote (not in the manifest beside it)
        manifest-unreadable | the manifest beside a file to convert is not a build manifest
        built-file-changed | a file to convert is not the one the build wrote (sha256 differs)
        browser-missing | Chromium is not installed
        browser-failed | Chromium failed or closed its connection
        browser-timeout | Chromium did not answer in time
        pdftoppm-missing | poppler's pdftoppm is not installed
        pdf-unknown-file | no writer makes files of that kind
        preview-missing | a file to preview does not exist
        preview-nothing | no built files to preview
    """),
    *_table("command", "error", """
        usage | options that do not go together
        error | a problem with no more specific code
        init-example | the project to copy lacks a part
        init-not-empty | init into a folder that is not empty
        init-link-loop | a link in the project to copy points at a folder that holds it
        trace-missing | no evidence map for the file to trace
        trace-malformed | an evidence map that is not the JSON briefwright writes
        pdf-nothing | pdf was given no files
        template-missing | template check was given a file that does not exist
        template-kind | template check was given a file that is not a .pptx or .docx
        template-product | template check was given a product that is not a deck
        source-format | add-source was given a file of a kind it cannot read
        source-no-text | a file to add holds no text (a scanned PDF without a text layer)
        source-unreadable | a file to add cannot be opened (damaged Word or PDF file)
        source-encrypted | a PDF to add is protected by a password
        source-already-added | a file to add holds a text the registry already lists
        source-missing | a file or folder to add does not exist
        source-none | a folder to add holds no file briefwright can read
        sources-layout | sources.yaml cannot take a new entry as it stands
        quote-place | quote add was given a line or columns not in the source
        quote-short | the text at the place given is too short to be a quote
        quote-add-layout | quote add could not insert the quote without changing the file's meaning
        diff-no-manifest | diff was given a folder or file that is not a build manifest
        diff-unreadable | an evidence map a diff needs is missing or unreadable
        diff-unknown | diff was given neither a build folder, a manifest nor a git revision
        diff-revision | git cannot give the project at that revision
        diff-no-git | git is not installed, so revisions cannot be built
        review-no-map | the evidence map of a reviewed file cannot be found
        review-unreadable | the reviewed file is not a .docx that can be read
        approve-unknown | approve names a product, file or claim the build does not have
        approvals-unreadable | build/approvals.json is not the file briefwright writes
        approval-missing | check --strict: products need approval, but nothing is built
        approval-stale | check --strict: a product's claims are not all approved as they stand
        since-missing | the previous edition (--since, review.since) has no build manifest
        since-unreadable | the previous edition's manifest or evidence map cannot be read
    """),
    *_table("command", "warning", """
        source-skipped | a link inside a folder to add was skipped
    """),
)

_BY_CODE: dict[str, Check] = {}
for _check in CHECKS:
    _BY_CODE.setdefault(_check.code, _check)
_FAMILIES = tuple(check for check in CHECKS if check.family)


def lookup(code: str) -> Check | None:
    """The registry's entry for a code (a family's entry for schema-missing and the like)."""
    found = _BY_CODE.get(code)
    if found is not None and not found.family:
        return found
    return next((family for family in _FAMILIES if code.startswith(family.code)), None)


def listing() -> str:
    """`briefwright check --list`: every check by stage, with its code and default severity."""
    lines, stage = [], None
    for check in CHECKS:
        if check.stage != stage:
            stage = check.stage
            lines.append(f"{stage}:")
        code = f"{check.code}*" if check.family else check.code
        lines.append(f"  {code:<28} {check.severity:<8} {check.summary}")
    return "\n".join(lines)
