"""The checking helper of carriers.json's rules: each refusal names the entry being read."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rakuten_assist.errors import RegistryError
from rakuten_assist.i18n import Message

__all__ = ["Entry", "listed", "registry_fail"]


def registry_fail(where: Message, problem: str, **params: Any) -> RegistryError:
    """The RegistryError for ``problem`` (an ``errors.registry_schema`` id) at ``where``: the
    words come from the catalogues, since whoever edits carriers.json may read French."""
    return RegistryError(
        Message(
            "errors.registry.invalid",
            {"where": where, "problem": Message(f"errors.registry_schema.{problem}", params)},
        )
    )


def listed(values: Any) -> str:
    return ", ".join(str(v) for v in values)


class Entry:
    """Raises RegistryError messages that name the entry being read."""

    def __init__(self, where: Message) -> None:
        self.where = where

    def fail(self, problem: str, **params: Any) -> RegistryError:
        return registry_fail(self.where, problem, **params)

    def keys(self, raw: Any, spec: Mapping[str, bool], what: str) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise self.fail("not_object", what=what, kind=type(raw).__name__)
        if raw.keys() - spec.keys():
            unknown = sorted(raw.keys() - spec.keys())
            raise self.fail("unknown_keys", what=what, keys=listed(unknown))
        missing = [k for k, required in spec.items() if required and k not in raw]
        if missing:
            raise self.fail("missing_keys", what=what, keys=listed(sorted(missing)))
        return raw

    def text(self, raw: Any, key: str, *, optional: bool = False) -> str:
        if raw is None and optional:
            return ""
        if not isinstance(raw, str) or not raw.strip():
            raise self.fail("not_text", key=repr(key))
        return raw

    def texts(self, raw: Any, key: str, *, allow_empty: bool = True) -> tuple[str, ...]:
        if not isinstance(raw, list) or any(not isinstance(x, str) or not x for x in raw):
            raise self.fail("not_texts", key=repr(key))
        if not raw and not allow_empty:
            raise self.fail("empty", key=repr(key))
        if len(set(raw)) != len(raw):
            raise self.fail("twice", key=repr(key))
        return tuple(raw)

    def mapping(self, raw: Any, key: str, allowed: frozenset[str]) -> dict[str, str]:
        if raw is None:
            return {}
        if not isinstance(raw, dict) or any(not isinstance(v, str) for v in raw.values()):
            raise self.fail("not_mapping", key=repr(key))
        unknown = sorted(set(raw) - allowed)
        if unknown:
            raise self.fail("unknown_keys", what=repr(key), keys=listed(unknown))
        return dict(raw)
