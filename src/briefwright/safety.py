"""Limits and confinement for everything briefwright reads from a project.

A project is data someone else may have written: seed paths, logos, reference files,
YAML and templates. Each is checked here before it is used, and each refusal names
the file, line and field and says what to do. Nothing outside the project is read,
and no content of a refused file is ever printed.
"""

from __future__ import annotations

import os
import re
import stat
import warnings
import zipfile
from collections.abc import Callable
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
MAX_CONVERT_BYTES = 64 * MiB  # a built product is a few MiB; pdf and preview take no more
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


# A profile, product or template name: a file name without its .yaml, never a path.
_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]{0,79}")
NAME_RULE = "letters, digits, hyphens and underscores (a name, not a path: no '/', '..' or '.')"


def shown(value: object, limit: int = 60) -> str:
    """A user's value as it may be printed: control characters escaped, long values cut."""
    text = repr(value) if not isinstance(value, str) else value.encode("unicode_escape").decode("ascii")
    return text if len(text) <= limit else text[:limit] + "…"


def checked_name(value: object, where: Where, what: str) -> str:
    """value, if it is a name (profile, product, audience); a path or anything else is refused."""
    if not isinstance(value, str) or not _NAME.fullmatch(value):
        raise fail("name-invalid", where, f"the {what} '{shown(value)}' is not a name",
                   f"give the {what} as {NAME_RULE}")
    return value


def confined(root: Path, relative: str | Path, where: Where, what: str, *, absolute: bool = False) -> Path:
    """root/relative resolved once, refused before anything of it is read if it leads outside root.

    Every name a project or a command gives for a file or folder comes through here: `..`, an
    absolute path (unless `absolute`, for a command-line option, and then only inside root) and
    any symlink on the way that points elsewhere all lead outside.
    """
    text = str(relative)
    if not text or "\x00" in text:
        raise fail("path-invalid", where, f"the {what} path is empty or holds a NUL character",
                   "give a file name relative to its folder")
    base = root.resolve()
    resolved = (root / relative).resolve()
    if (Path(relative).is_absolute() and not absolute) or (resolved != base and base not in resolved.parents):
        hint = (f"name a {what} inside {root.name}/, with no link on the way that points elsewhere" if absolute
                else f"keep {what}s inside the project: a file name relative to {root.name}/, no '..', "
                     "no absolute path, no link that points elsewhere")
        raise fail("path-outside", where, f"the {what} path '{shown(text, 120)}' leads outside {root.name}/", hint)
    return resolved


def regular_file(path: Path, where: Where, what: str, limit: int) -> int:
    """path's size, if it is a regular file (not a link, device or folder) of at most limit bytes."""
    try:
        status = path.lstat()
    except OSError:
        raise fail("file-missing", where, f"the {what} '{path.name}' does not exist",
                   "check the name, or build it first") from None
    if stat.S_ISLNK(status.st_mode):
        raise fail("file-link", where, f"the {what} '{path.name}' is a symbolic link",
                   "name the file itself, not a link to it")
    if not stat.S_ISREG(status.st_mode):
        raise fail("file-not-regular", where, f"the {what} '{path.name}' is not a regular file",
                   "name a file briefwright built")
    if status.st_size > limit:
        raise fail("too-large", where, f"the {what} '{path.name}' is {status.st_size / MiB:.1f} MiB; briefwright "
                   f"reads at most {limit / MiB:.0f} MiB", f"use a smaller {what}")
    return status.st_size


def linked_entries(folder: Path, owned: Callable[[str], bool]) -> list[str]:
    """Names in folder that briefwright reads or writes (owned) but that are symbolic links."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entry.name for entry in entries if entry.is_symlink() and owned(entry.name))
    except (FileNotFoundError, NotADirectoryError):
        return []


def check_output_folder(folder: Path, where: Where, owned: Callable[[str], bool] = lambda name: True) -> None:
    """Files are written inside folder only: none of the names briefwright uses there may be a link
    (a linked manifest, lock or output would be read or written wherever the link points)."""
    linked = linked_entries(folder, owned)
    if linked:
        raise fail("output-link", where, f"{', '.join(shown(name) for name in linked[:5])} in {folder.name}/ "
                   f"{'is a link' if len(linked) == 1 else 'are links'}: writing there would lead outside the folder",
                   "remove the link(s), or choose another output folder")


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
