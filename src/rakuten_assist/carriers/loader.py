"""Loading the carrier registry: where carriers.json is, strict checks, a stamp for speed."""

from __future__ import annotations

import json
import os
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from rakuten_assist.carriers.types import Registry
from rakuten_assist.errors import RegistryError

__all__ = ["load_registry", "parse_registry", "registry", "registry_path"]


# --- locating the file -----------------------------------------------------------------------


def registry_path() -> Path:
    """Where carriers.json is read from.

    ``RAKUTEN_CARRIERS_FILE`` wins; then the copy packaged next to this module (the wheel
    force-includes it as ``rakuten_assist/carriers.json``); then the repository root of an
    editable checkout; last, ``importlib.resources`` for installs that are not plain files.
    """
    override = os.environ.get("RAKUTEN_CARRIERS_FILE")
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent.parent
    packaged = here / "carriers.json"
    if packaged.is_file():
        return packaged
    checkout = here.parent.parent / "carriers.json"
    if checkout.is_file():
        return checkout
    from importlib.resources import files

    resource = files("rakuten_assist") / "carriers.json"
    return Path(str(resource))


def parse_registry(
    document: Any, source: str = "carriers.json", *, check_patterns: bool = True
) -> Registry:
    """Build a Registry from the decoded JSON document, checking it strictly.

    ``check_patterns=False`` skips compiling the regexes (they are compiled on first use);
    :func:`load_registry` does so only for a file whose exact content passed before. The
    rules live in :mod:`rakuten_assist.carriers.schema`.

    Raises:
        RegistryError: anything wrong, with the entry named.
    """
    from rakuten_assist.carriers.schema import parse_document

    return parse_document(document, source, check_patterns=check_patterns)


def _stamp_dir() -> Path:
    configured = os.environ.get("RAKUTEN_ASSIST_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "rakuten-assist"


def load_registry(path: str | os.PathLike[str] | None = None) -> Registry:
    """Read and check carriers.json (see :func:`registry_path` for where it is found).

    Every structural rule is checked on every load. Compiling about a hundred regexes is the
    one slow check (several ms of a command's start), so once a file's exact content has
    passed in full, a stamp named after its checksum is left in the cache directory
    (``RAKUTEN_ASSIST_CACHE_DIR``, else ``~/.cache/rakuten-assist``) and later loads of the
    same bytes compile each regex on first use instead. Any edit changes the hash and brings
    the full check back.

    Raises:
        RegistryError: the file is missing, not JSON, or breaks the schema (entry named).
    """
    location = Path(path) if path is not None else registry_path()
    try:
        content = location.read_bytes()
        document = json.loads(content)
    except OSError as exc:
        raise RegistryError(
            f"Cannot read the carrier registry {location}: {exc.strerror or exc}.",
            fix="Reinstall rakuten-assist, or point RAKUTEN_CARRIERS_FILE at a carriers.json.",
        ) from exc
    except ValueError as exc:
        raise RegistryError(f"The carrier registry {location} is not valid JSON: {exc}.") from exc
    # CRC-32 and length, not SHA-256: hashlib costs ~5 ms to import, and this only has to
    # notice that the file was edited, not resist an attacker (who could edit the code too).
    stamp = _stamp_dir() / f"carriers-{zlib.crc32(content):08x}-{len(content)}.ok"
    checked_before = stamp.is_file()
    loaded = parse_registry(document, str(location), check_patterns=not checked_before)
    if not checked_before:
        try:
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.write_text(f"{location}\n", encoding="utf-8")
        except OSError:
            pass  # read-only home: every load simply keeps checking in full
    return loaded


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The registry of :func:`registry_path`, loaded once per process."""
    return load_registry()
