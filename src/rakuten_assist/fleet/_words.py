"""The fleet's sentences, from its message catalogue (``i18n/<lang>/fleet.toml``).

``t("fleet.accounts.missing_env", "fr", label=..., name=...)``: a key ``a.b`` of
``fleet.toml`` is the id ``fleet.a.b``; parameters are ``{name}`` (str.format).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["LANGS", "t"]

LANGS = ("en", "fr")
_DOMAIN = "fleet"


def _flatten(table: dict[str, Any], prefix: str) -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}.{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name))
        else:
            flat[name] = str(value)
    return flat


@cache
def _catalogue(lang: str) -> dict[str, str]:
    path = resources.files("rakuten_assist") / "i18n" / lang / f"{_DOMAIN}.toml"
    return _flatten(tomllib.loads(path.read_text(encoding="utf-8")), _DOMAIN)


def t(msg_id: str, lang: str = "en", **params: Any) -> str:
    """The sentence ``msg_id`` in ``lang`` (English for a language we do not have).

    Raises:
        KeyError: an id the catalogue does not have (a bug, caught by the parity test).
    """
    catalogue = _catalogue(lang if lang in LANGS else "en")
    return catalogue[msg_id].format(**params)
