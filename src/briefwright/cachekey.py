"""A secret of this user's, mixed into every cache key.

Caches sit in the build folder, which may come with a project someone else wrote. Their keys are
digests of the inputs, which anyone holding the project can compute: without a secret, a forged
cache could replay "ok" for a quote that is not in its source. The secret is 32 random bytes made
once in the user's cache folder ($XDG_CACHE_HOME or ~/.cache, briefwright/cache-key, readable by
the user alone); where it cannot be kept, each run gets a fresh one and no cache ever matches.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

KEY_BYTES = 32


def _key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefwright" / "cache-key"


@lru_cache(maxsize=1)
def user_secret() -> bytes:
    path = _key_file()
    try:
        secret = path.read_bytes()
        if len(secret) == KEY_BYTES and not path.is_symlink():
            return secret
    except OSError:
        pass
    secret = os.urandom(KEY_BYTES)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".cache-key.{os.getpid()}")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(secret)
        os.replace(temporary, path)
    except (OSError, RuntimeError):
        pass  # no home to keep it in: this run's secret is its own, and no cache matches
    return secret
