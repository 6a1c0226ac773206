"""The user's cache directory for files derived from shipped data (checked registry stamps,
compiled message catalogues): ``RAKUTEN_ASSIST_CACHE_DIR``, else ``$XDG_CACHE_HOME`` or
``~/.cache``, then ``rakuten-assist``. Plain ``os.path``: this runs at every start-up."""

from __future__ import annotations

import os

__all__ = ["cache_dir", "content_key"]


def cache_dir() -> str:
    """Where derived files go (created by whoever writes there first)."""
    configured = os.environ.get("RAKUTEN_ASSIST_CACHE_DIR")
    if configured:
        return configured
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "rakuten-assist")


def content_key(content: bytes) -> str:
    """A name for these exact bytes: CRC-32 and length.

    Not SHA-256: hashlib costs ~5 ms to import, and this only has to notice that a file was
    edited, not resist an attacker (who could edit the code too).
    """
    import zlib

    return f"{zlib.crc32(content):08x}-{len(content)}"
