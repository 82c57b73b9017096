"""Limits and confinement for everything briefwright reads from a project.

A project is data someone else may have written: seed paths, logos, reference files,
YAML and templates. Each is checked here before it is used, and each refusal names
the file, line and field and says what to do. Nothing outside the project is read,
and no content of a refused file is ever printed.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path

from briefwright.diagnostics import Where, fail

MiB = 1024 * 1024

MAX_SEED_BYTES = 8 * MiB  # a policy article is tens of kilobytes; a book-length seed is refused
MAX_YAML_BYTES = 2 * MiB
MAX_YAML_VALUES = 200_000  # values after aliases are expanded: stops "billion laughs" files
MAX_YAML_DEPTH = 40
MAX_IMAGE_PIXELS = 4096 * 4096  # a header logo needs far fewer
MAX_IMAGE_BYTES = 10 * MiB
MAX_ZIP_MEMBERS = 2_000
MAX_ZIP_MEMBER_BYTES = 50 * MiB  # uncompressed
MAX_ZIP_TOTAL_BYTES = 200 * MiB  # uncompressed
MAX_ZIP_RATIO = 200  # uncompressed / compressed, per member: a zip bomb compresses far better
TEMPLATE_SECONDS = 2.0
TEMPLATE_OUTPUT_CHARS = 20_000  # a rendered text template is a line or two
TEMPLATE_MAX_REPEAT = 10_000  # "x" * n and n ** m in templates

# Characters XML 1.0 cannot hold (C0 controls but tab, newline and carriage return; lone
# surrogates; U+FFFE/U+FFFF). They would make python-docx and python-pptx fail mid-write.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def forbidden_character(text: str) -> tuple[int, str] | None:
    """The first character a Word or PowerPoint file cannot hold, as (offset, U+XXXX), or None."""
    found = _NOT_XML.search(text)
    return (found.start(), f"U+{ord(found.group()):04X}") if found else None


def confined(root: Path, relative: str, where: Where, what: str) -> Path:
    """root/relative, refused before it is read if it leads outside root (.., absolute, symlink)."""
    if not relative or "\x00" in relative:
        raise fail("path-invalid", where, f"the {what} path is empty or holds a NUL character",
                   "give a file name relative to its folder")
    candidate = root / relative
    resolved = candidate.resolve()
    base = root.resolve()
    if Path(relative).is_absolute() or (resolved != base and base not in resolved.parents):
        raise fail("path-outside", where, f"the {what} path '{relative}' leads outside {root.name}/",
                   f"keep {what}s inside the project: a file name relative to {root.name}/, no '..', "
                   "no absolute path, no link that points elsewhere")
    return resolved


def check_size(path: Path, limit: int, where: Where, what: str) -> int:
    size = path.stat().st_size
    if size > limit:
        raise fail("too-large", where, f"the {what} is {size / MiB:.1f} MiB; briefwright reads at most "
                   f"{limit / MiB:.0f} MiB", f"use a smaller {what}")
    return size


def check_image(path: Path, where: Where) -> None:
    """A logo must be a readable image of sensible size; the header is read, pixels are not decoded."""
    from PIL import Image, UnidentifiedImageError

    check_size(path, MAX_IMAGE_BYTES, where, "image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise fail("image-too-large", where, f"the image is {width}×{height} pixels; at most "
                               f"{MAX_IMAGE_PIXELS:,} pixels are allowed", "scale the logo down (a few hundred "
                               "pixels wide is plenty)")
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow's own bomb check reads the header first and refuses before ours can say the size.
        raise fail("image-too-large", where, f"the image has more than {MAX_IMAGE_PIXELS:,} pixels (Pillow refused "
                   "to open it as a possible decompression bomb)", "scale the logo down (a few hundred pixels wide "
                   "is plenty)") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise fail("image-unreadable", where, f"the image cannot be read ({type(exc).__name__})",
                   "use a PNG or JPEG file") from None


def check_package(path: Path, where: Where, what: str) -> None:
    """A reference .docx/.pptx must be a zip whose members are few, small and not a zip bomb."""
    check_size(path, MAX_ZIP_TOTAL_BYTES, where, what)
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise fail("package-unreadable", where, f"the {what} is not a valid Office file ({exc})",
                   f"save it again from Word or PowerPoint as .{path.suffix.lstrip('.')}") from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise fail("package-too-large", where, f"the {what} holds {len(members)} parts; at most "
                   f"{MAX_ZIP_MEMBERS} are allowed", "use a plain reference file: styles and layouts only")
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_ZIP_MEMBER_BYTES or total > MAX_ZIP_TOTAL_BYTES or ratio > MAX_ZIP_RATIO:
            raise fail("package-too-large", where,
                       f"the {what} part '{member.filename}' unpacks to {member.file_size / MiB:.1f} MiB "
                       f"(compressed {ratio:.0f}:1); parts are limited to {MAX_ZIP_MEMBER_BYTES / MiB:.0f} MiB and "
                       f"{MAX_ZIP_RATIO}:1", "use a plain reference file: styles and layouts only")
