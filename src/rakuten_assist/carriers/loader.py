"""Loading the carrier registry: where carriers.json is, strict checks, a stamp for speed."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rakuten_assist._cache import cache_dir, content_key
from rakuten_assist.carriers.types import Registry
from rakuten_assist.errors import RegistryError, os_reason
from rakuten_assist.i18n import Message

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["load_registry", "parse_registry", "registry", "registry_path"]


def _said(key: str, **params: object) -> Message:
    """A sentence about the registry file (``errors.registry.*``), said in the reader's language."""
    return Message(f"errors.registry.{key}", params)


# --- locating the file -----------------------------------------------------------------------


def registry_path() -> Path:
    """Where carriers.json is read from.

    ``RAKUTEN_CARRIERS_FILE`` wins; then the copy packaged next to this module (the wheel
    force-includes it as ``rakuten_assist/carriers.json``); then the repository root of an
    editable checkout; last, ``importlib.resources`` for installs that are not plain files.
    """
    from pathlib import Path

    return Path(_registry_file())


def _registry_file() -> str:
    # os.path, not pathlib: this runs at every start-up of the command.
    override = os.environ.get("RAKUTEN_CARRIERS_FILE")
    if override:
        return override
    here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    packaged = os.path.join(here, "carriers.json")
    if os.path.isfile(packaged):
        return packaged
    checkout = os.path.join(os.path.dirname(os.path.dirname(here)), "carriers.json")
    if os.path.isfile(checkout):
        return checkout
    from importlib.resources import files

    return str(files("rakuten_assist") / "carriers.json")


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
    location = os.fspath(path) if path is not None else _registry_file()
    try:
        with open(location, "rb") as handle:
            content = handle.read()
        document = json.loads(content)
    except OSError as exc:
        raise RegistryError(
            _said("cannot_read", path=location, reason=os_reason(exc)),
            fix=_said("cannot_read_fix"),
        ) from exc
    except ValueError as exc:
        if isinstance(exc, json.JSONDecodeError):
            problem = _said("not_json", path=location, line=exc.lineno, column=exc.colno)
        else:  # bytes that are not UTF-8 (json.loads decodes them first)
            problem = _said("not_utf8", path=location)
        raise RegistryError(problem, fix=_said("not_json_fix")) from exc
    stamp = os.path.join(cache_dir(), f"carriers-{content_key(content)}.ok")
    checked_before = os.path.isfile(stamp)
    loaded = parse_registry(document, location, check_patterns=not checked_before)
    if not checked_before:
        try:
            os.makedirs(os.path.dirname(stamp), exist_ok=True)
            with open(stamp, "w", encoding="utf-8") as handle:
                handle.write(f"{location}\n")
        except OSError:
            pass  # read-only home: every load simply keeps checking in full
    return loaded


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The registry of :func:`registry_path`, loaded once per process."""
    return load_registry()
