"""What a reference .docx/.pptx may contribute, and what counts as active content.

Relationship kinds are a type URI's last segment, so the transitional, strict and
Microsoft namespaces are treated alike. A part is kept only when it is reached from the
package root through kinds listed here for the part it is related from.
"""

from __future__ import annotations

import re

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
PPT_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
# The main part's content types a reference may have: documents, templates, macro-enabled
# variants (their macros are dropped; the part is kept as a plain document) and shows.
WORD_MAINS = re.compile(r"application/vnd\.(openxmlformats-officedocument\.wordprocessingml\.(document|template)"
                        r"|ms-word\.(document|template)\.macroenabled)\.main\+xml", re.IGNORECASE)
PPT_MAINS = re.compile(r"application/vnd\.(openxmlformats-officedocument\.presentationml\.(presentation|template|slideshow)"
                       r"|ms-powerpoint\.(presentation|template|slideshow)\.macroenabled)\.main\+xml", re.IGNORECASE)

_PACKAGE_ROOT = {"officeDocument", "core-properties", "extended-properties"}
WORD_ALLOWED: dict[str, set[str]] = {
    "": _PACKAGE_ROOT,
    "officeDocument": {"styles", "stylesWithEffects", "theme", "numbering", "settings", "fontTable", "webSettings",
                       "header", "footer"},
    "header": {"image"}, "footer": {"image"}, "theme": {"image"}, "numbering": {"image"}, "fontTable": {"font"},
}
PPT_ALLOWED: dict[str, set[str]] = {
    "": _PACKAGE_ROOT,
    "officeDocument": {"slideMaster", "notesMaster", "handoutMaster", "theme", "presProps", "viewProps",
                       "tableStyles", "font"},
    "slideMaster": {"slideLayout", "theme", "image"},
    "slideLayout": {"slideMaster", "image"},
    "notesMaster": {"theme", "image"}, "handoutMaster": {"theme", "image"}, "theme": {"image"},
}

# Relationship kinds that run, fetch or embed something: dropped with a warning, never in a product.
ACTIVE_KINDS = {
    "vbaProject": "a VBA macro project", "vbaProjectSignature": "a VBA project signature",
    "vbaProjectSignatureAgile": "a VBA project signature", "vbaProjectSignatureV3": "a VBA project signature",
    "wordVbaData": "VBA data", "keyMapCustomizations": "macro key bindings",
    "oleObject": "an embedded OLE object", "package": "an embedded package",
    "control": "an ActiveX control", "activeXControl": "an ActiveX control",
    "activeXControlBinary": "an ActiveX control", "attachedTemplate": "an attached template",
    "extensibility": "a custom ribbon (customUI)", "userCustomization": "a custom ribbon (customUI)",
    "aFChunk": "an imported chunk of another file", "subDocument": "a sub-document",
    "mailMergeSource": "a mail-merge data source", "mailMergeHeaderSource": "a mail-merge data source",
    "recipientData": "a mail-merge data source", "frame": "a frame that loads another file",
    "externalLink": "a link to another workbook", "externalLinkPath": "a link to another file",
}
# Content types that carry code or objects, and the folders Office keeps them in.
_ACTIVE_TYPE = re.compile(r"macroenabled|vbaproject|vbadata|oleobject|activex|keymapcustomizations|"
                          r"ms-office\.vba|customui", re.IGNORECASE)
_ACTIVE_FOLDER = re.compile(r"(^|/)(embeddings|activex)/|vbaproject[^/]*\.bin$|(^|/)customui/", re.IGNORECASE)

# Word fields that fetch or run something when the document is opened or updated.
WORD_ACTIVE_FIELD = re.compile(r"^\s*(INCLUDETEXT|INCLUDEPICTURE|LINK|DDE|DDEAUTO|IMPORT|HYPERLINK|DATABASE)\b",
                               re.IGNORECASE)
# PowerPoint click actions that start a program, a macro or an OLE verb.
PPT_ACTIVE_ACTION = re.compile(r"^\s*ppaction://(program|macro|ole)", re.IGNORECASE)


def active_content_type(content_type: str) -> bool:
    return bool(_ACTIVE_TYPE.search(content_type))


def active_part_name(name: str) -> bool:
    return bool(_ACTIVE_FOLDER.search(name))

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
# The root element each kept XML part must have: python-docx and python-pptx give parts their
# behaviour by it, and fail deep inside a build on a part whose root is something else.
ROOTS: dict[str, set[str]] = {
    "core-properties": {"{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}coreProperties"},
    "extended-properties": {"{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Properties"},
    "styles": {f"{{{_W}}}styles"}, "stylesWithEffects": {f"{{{_W}}}styles"}, "settings": {f"{{{_W}}}settings"},
    "numbering": {f"{{{_W}}}numbering"}, "fontTable": {f"{{{_W}}}fonts"}, "webSettings": {f"{{{_W}}}webSettings"},
    "header": {f"{{{_W}}}hdr"}, "footer": {f"{{{_W}}}ftr"}, "theme": {f"{{{_A}}}theme"},
    "slideMaster": {f"{{{_P}}}sldMaster"}, "slideLayout": {f"{{{_P}}}sldLayout"},
    "notesMaster": {f"{{{_P}}}notesMaster"}, "handoutMaster": {f"{{{_P}}}handoutMaster"},
    "presProps": {f"{{{_P}}}presentationPr"}, "viewProps": {f"{{{_P}}}viewPr"}, "tableStyles": {f"{{{_A}}}tblStyleLst"},
}
MAIN_ROOTS = {"docx": f"{{{_W}}}document", "pptx": f"{{{_P}}}presentation"}

# Kinds a part relates to at most once (python-docx and python-pptx refuse a second): later ones are dropped.
SINGLE_KINDS = {"officeDocument", "core-properties", "extended-properties", "styles", "stylesWithEffects", "settings",
                "numbering", "fontTable", "webSettings", "theme", "presProps", "viewProps", "tableStyles",
                "notesMaster", "handoutMaster", "slideMaster"}

_OD = "application/vnd.openxmlformats-officedocument"
# Each kept part is written with the content type of its role, whatever the package said: the
# libraries choose a part's class by it, and a mistyped styles part fails deep inside a build.
ROLE_TYPES = {
    "core-properties": "application/vnd.openxmlformats-package.core-properties+xml",
    "extended-properties": f"{_OD}.extended-properties+xml", "theme": f"{_OD}.theme+xml",
    "stylesWithEffects": "application/vnd.ms-word.stylesWithEffects+xml",
    **{role: f"{_OD}.wordprocessingml.{role}+xml" for role in ("styles", "settings", "numbering", "fontTable",
                                                               "webSettings", "header", "footer")},
    **{role: f"{_OD}.presentationml.{role}+xml" for role in ("slideMaster", "slideLayout", "notesMaster",
                                                             "handoutMaster", "presProps", "viewProps",
                                                             "tableStyles")},
}
