"""Writing outputs: reproducible zip packages and atomic replacement of files."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path

# Zip entries carry a modification time; a fixed one makes identical inputs give identical bytes.
FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def _entry_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3
    return info


def reproducible_zip(data: bytes) -> bytes:
    """Rewrite a zip package with fixed entry times and attributes, keeping entry order.

    python-docx and python-pptx deflate each part with zlib's default settings, which is what
    writestr here would do again, so a deflated entry's compressed bytes are copied as they are
    instead of being inflated and deflated a second time; only the headers are rewritten. The
    result is the same bytes either way (tests/test_output.py compares the two).
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.compress_type == zipfile.ZIP_DEFLATED and not item.flag_bits & 0x08 and item.file_size \
                    and item.file_size * 1.05 < zipfile.ZIP64_LIMIT:
                _copy_deflated(source, item, target, data)
            else:
                target.writestr(_entry_info(item.filename), source.read(item.filename))
    return target_buffer.getvalue()


def _copy_deflated(source: zipfile.ZipFile, item: zipfile.ZipInfo, target: zipfile.ZipFile, data: bytes) -> None:
    """Append one already-deflated entry to target as writestr would have written it."""
    # The local header is 30 bytes, then the name and the extra field; the data follows.
    name_length = int.from_bytes(data[item.header_offset + 26:item.header_offset + 28], "little")
    extra_length = int.from_bytes(data[item.header_offset + 28:item.header_offset + 30], "little")
    start = item.header_offset + 30 + name_length + extra_length
    compressed = data[start:start + item.compress_size]
    info = _entry_info(item.filename)
    info.file_size, info.compress_size, info.CRC = item.file_size, item.compress_size, item.CRC
    stream = target.fp
    assert stream is not None
    info.header_offset = stream.tell()
    stream.write(info.FileHeader(False))
    stream.write(compressed)
    # What ZipFile's own writer records after an entry, so close() writes the central directory.
    target.filelist.append(info)
    target.NameToInfo[info.filename] = info
    target.start_dir = stream.tell()


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside path, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
