"""What binds a cache to the files on this machine, so a cache made elsewhere never matches.

Caches sit in the build folder, which may come with a project someone else wrote. Their keys are
digests of the inputs, which anyone holding the project can compute: from digests alone, a forged
cache could replay "ok" for a quote that is not in its source. So each key also takes every input
file's identity here: its device, inode and status-change time (ctime). The kernel sets ctime when
a file is written or its metadata changes; neither tar, zip nor git can set it, so a project
unpacked or cloned on this machine has identities no one could have put in a cache beforehand.
Nothing is read or written outside the project for it. Anything that touches an input (a save,
a chmod, a fresh checkout) only costs one run that verifies afresh.
"""

from __future__ import annotations

from pathlib import Path


def file_identity(path: Path) -> bytes:
    """The file's device, inode and status-change time on this machine (a link's own, not its target's)."""
    status = path.lstat()
    return f"{status.st_dev}:{status.st_ino}:{status.st_ctime_ns}\n".encode()
