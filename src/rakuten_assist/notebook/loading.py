"""``load_orders``: the open orders of an account (or of the sandbox) as a plain DataFrame."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

import pandas as pd

from rakuten_assist.errors import MissingCredentialsError
from rakuten_assist.frames import orders_frame

if TYPE_CHECKING:
    from rakuten_assist.api import RakutenClient
    from rakuten_assist.api.client import CurrentSalesPage

__all__ = ["MATCH_COLUMNS", "add_match_columns", "load_orders"]

_NOTEBOOK_CREDENTIALS_FIX = (
    "Pass login= and token= (or set RAKUTEN_LOGIN and RAKUTEN_TOKEN); the token is in Rakuten "
    "under Mon compte > Mes informations développeur. Or try the demo data with "
    "load_orders(sandbox=True)."
)

CatalogSource = str | os.PathLike[str] | bytes | pd.DataFrame

#: Columns ``load_orders(catalog=...)`` adds, from ``match_skus`` rows.
MATCH_COLUMNS = {
    "status": "match_status",
    "reason": "match_reason",
    "product_id": "product_id",
    "suggestion": "match_suggestion",
}


def add_match_columns(
    frame: pd.DataFrame,
    catalog: CatalogSource,
    *,
    sku_column: str | None = None,
    id_column: str | None = None,
) -> pd.DataFrame:
    """A copy of ``frame`` with the SKU match of each item (``match_status`` and friends).

    Args:
        frame: an orders frame (one row per item, with ``item_id`` and ``sku``).
        catalog: a catalogue DataFrame, or a path / bytes that ``load_catalog`` reads.
        sku_column: the catalogue's SKU column (detected when None).
        id_column: the catalogue's product id column (detected when None).

    Raises:
        CatalogError: the catalogue cannot be read or lacks the named columns.
    """
    from rakuten_assist.matching.catalog import load_catalog
    from rakuten_assist.matching.sku import match_skus

    table = catalog if isinstance(catalog, pd.DataFrame) else load_catalog(catalog)
    result = match_skus(frame, table, sku_column=sku_column, id_column=id_column)
    rows = result.rows.drop_duplicates("item_id").set_index("item_id")
    out = frame.copy()
    for source, target in MATCH_COLUMNS.items():
        if source in rows.columns:
            out[target] = out["item_id"].map(rows[source]).astype("str")
    if "match_status" in out.columns:
        out["match_status"] = out["match_status"].astype("category")
    out.attrs["match_summary"] = dict(result.summary) if result.summary is not None else {}
    return out


def _fetch(
    client: RakutenClient,
    with_pii: bool,
    allow_partial: bool,
    on_page: Callable[[CurrentSalesPage], None] | None,
    lang: str | None,
) -> pd.DataFrame:
    from rakuten_assist.api import fetch_open_orders
    from rakuten_assist.errors import PartialFetchError

    try:
        lines = fetch_open_orders(client, on_page=on_page).lines
    except PartialFetchError as exc:
        if not allow_partial:
            raise
        frame = orders_frame(exc.lines, with_pii=with_pii, lang=lang)
        frame.attrs["partial"] = True
        frame.attrs["resume_token"] = exc.resume_token
        return frame
    frame = orders_frame(lines, with_pii=with_pii, lang=lang)
    frame.attrs["partial"] = False
    return frame


def load_orders(
    *,
    sandbox: bool = False,
    client: RakutenClient | None = None,
    login: str | None = None,
    token: str | None = None,
    base_url: str | None = None,
    with_pii: bool = False,
    catalog: CatalogSource | None = None,
    sku_column: str | None = None,
    id_column: str | None = None,
    seed: int = 42,
    sales: int = 40,
    allow_partial: bool = False,
    on_page: Callable[[CurrentSalesPage], None] | None = None,
    lang: str | None = None,
) -> pd.DataFrame:
    """Every open order of the account, one row per item, as a plain pandas DataFrame.

    Where the orders come from, first match wins: ``client``; ``sandbox=True`` (the built-in
    sandbox's demo account, started for the fetch and stopped after: no account, no network);
    else ``login``/``token``/``base_url``, each falling back to ``RAKUTEN_LOGIN``,
    ``RAKUTEN_TOKEN`` and ``RAKUTEN_BASE_URL``.

    Args:
        sandbox: use the built-in sandbox's demo data.
        client: an open ``RakutenClient`` (left open).
        login: the seller account name (not the e-mail).
        token: the API token (never shown back).
        base_url: another sales_ws address (a sandbox run with ``rakuten-assist sandbox serve``).
        with_pii: add buyer names, e-mail, phones and street address (left out by default).
        catalog: a catalogue (path, bytes or DataFrame) to add each item's SKU match status.
        sku_column: the catalogue's SKU column (detected when None).
        id_column: the catalogue's product id column (detected when None).
        seed: the sandbox's seed (same seed, same orders).
        sales: how many purchases the sandbox creates.
        allow_partial: when a later page fails, return what was fetched (``attrs["partial"]``
            is True and ``attrs["resume_token"]`` says where to resume) instead of raising.
        on_page: called after each page of current sales (progress).
        lang: the language of ``country_name`` ("Allemagne" in French); by default the
            reader's (``RAKUTEN_ASSIST_LANG``, else the locale).

    Returns:
        The ``orders_frame`` columns (``rakuten_assist.frames.ORDER_COLUMNS``), plus
        ``match_status``, ``match_reason``, ``product_id`` and ``match_suggestion`` with a
        catalogue. ``attrs["origin"]`` is ``"sandbox"`` or ``"account"``.

    Raises:
        ConfigError: no credentials (the fix says how to pass them, or to try the sandbox).
        APIError: Rakuten refused or failed (each with its fix).
        CatalogError: the catalogue cannot be used.
    """
    from rakuten_assist.api import RakutenClient
    from rakuten_assist.config import Credentials, Settings

    if client is not None:
        frame = _fetch(client, with_pii, allow_partial, on_page, lang)
        frame.attrs["origin"] = "account"
    elif sandbox:
        from rakuten_assist.sandbox import running_sandbox

        # The fetch reads everything at once, so the sandbox lives only as long as it.
        with running_sandbox(seed=seed, sales=sales) as box:
            settings = Settings(base_url=box.base_url)
            with RakutenClient(box.credentials, settings=settings) as demo:
                frame = _fetch(demo, with_pii, allow_partial, on_page, lang)
        frame.attrs["origin"] = "sandbox"
    else:
        try:
            credentials = Credentials.from_env(login, token)
        except MissingCredentialsError as exc:
            raise MissingCredentialsError(exc.message, fix=_NOTEBOOK_CREDENTIALS_FIX) from exc
        settings = Settings.from_env(base_url)
        with RakutenClient(credentials, settings=settings) as account:
            frame = _fetch(account, with_pii, allow_partial, on_page, lang)
        frame.attrs["origin"] = "account"
    if catalog is not None:
        origin = frame.attrs
        frame = add_match_columns(frame, catalog, sku_column=sku_column, id_column=id_column)
        frame.attrs.update({k: v for k, v in origin.items() if k not in frame.attrs})
    return frame
