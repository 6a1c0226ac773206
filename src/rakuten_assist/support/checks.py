"""The setup doctor: the onboarding checklist, one check at a time, each with its fix.

Order (the issue's): login, token, credentials, Professional rights, open orders, SKU
mapping per catalogue, each carrier, test order. ``iter_checks`` yields each result as soon as
it is known so a front end can show progress; a check that cannot run because an earlier one
failed yields ``ok=None`` and says why. Rakuten is called twice at most: one cheap getnewsales
proves credentials and rights, then ``fetch_open_orders`` reads every open order.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from rakuten_assist.carriers.words import carrier_name, carrier_names
from rakuten_assist.config import Credentials, Settings, check_login, check_token
from rakuten_assist.errors import (
    APIError,
    AuthenticationError,
    ConfigError,
    QuotaExceededError,
    RakutenAssistError,
    RightsError,
)
from rakuten_assist.i18n import Joined, Message, percent
from rakuten_assist.models import status_word
from rakuten_assist.support._checks_text import Phrase, title, tr
from rakuten_assist.support._lang import Lang
from rakuten_assist.support._texts import needs_text

if TYPE_CHECKING:
    from pydantic import SecretStr

    from rakuten_assist.models import OrderLine, Sale

__all__ = [
    "CheckResult",
    "SetupRequest",
    "check_login_value",
    "check_token_value",
    "iter_checks",
    "run_checks",
    "status_word",
]

CatalogSource = str | os.PathLike[str]
CheckState = Literal["passed", "failed", "skipped", "not_run"]


@dataclass(frozen=True)
class SetupRequest:
    """What the merchant gave: credentials, optionally catalogues and carriers.

    Attributes:
        login: the seller account name (an e-mail fails the first check, with its fix).
        token: the API token; never shown, logged or repeated in a result.
        base_url: the web service (production when None; the sandbox's URL for a demo).
        catalog: one catalogue path, or several; each gets its SKU mapping check.
        sku_column: the catalogue column holding the SKU, when not guessed.
        id_column: the catalogue column holding the internal product id, when not guessed.
        carriers: the carrier names the merchant ships with, as typed.
        lang: the language of titles, details and fixes.
        lines: open order lines already fetched (by a front end that ran the remote checks
            before): the SKU checks use them, and the remote checks (credentials, rights,
            open orders) are not run again nor yielded.
    """

    login: str | None
    token: str | SecretStr | None = field(default=None, repr=False)
    base_url: str | None = None
    catalog: CatalogSource | Sequence[CatalogSource] | None = None
    sku_column: str | None = None
    id_column: str | None = None
    carriers: Sequence[str] = ()
    lang: Lang = "en"
    lines: Sequence[OrderLine] | None = field(default=None, repr=False)

    def catalogs(self) -> list[CatalogSource]:
        """The catalogue paths as a list (none, one or several)."""
        if self.catalog is None:
            return []
        if isinstance(self.catalog, str | os.PathLike):
            return [self.catalog]
        return list(self.catalog)


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one setup check.

    Attributes:
        id: stable id (``login``, ``token``, ``credentials``, ``professional_rights``,
            ``open_orders``, ``sku_mapping``, ``carrier:<name>``, ``test_order``).
        title: what is checked, in the request's language.
        ok: True passed, False failed, None could not run or not applicable (``detail``
            says why).
        detail: what was found.
        fix: what to do next ("" when nothing).
        data: figures behind the detail (counts, match rate, URLs), JSON-able.
        messages: the message id and parameters behind ``title``, ``detail`` and ``fix``
            (those that come whole from the catalogue), to show them in another language.
        state: ``passed``, ``failed``, ``skipped`` (not asked for, nothing to check) or
            ``not_run`` (could not run: Rakuten, the network, or an earlier failure); derived
            from ``ok`` unless given, a check that did not run is never counted as passed.
    """

    id: str
    title: str
    ok: bool | None
    detail: str
    fix: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    state: CheckState | None = None
    messages: dict[str, Message] = field(default_factory=dict, compare=False)

    def in_lang(self, lang: Lang) -> CheckResult:
        """The same result with its catalogue sentences in ``lang`` (others unchanged)."""
        shown = {name: message.render(lang) for name, message in self.messages.items()}
        return replace(
            self,
            title=shown.get("title", self.title),
            detail=shown.get("detail", self.detail),
            fix=shown.get("fix", self.fix),
        )

    def __post_init__(self) -> None:
        if self.state is None:
            derived = "passed" if self.ok else "failed" if self.ok is False else "not_run"
            object.__setattr__(self, "state", derived)

    def to_json(self) -> dict[str, Any]:
        """The ``doctor --json`` shape of one check (plus its data)."""
        return {
            "id": self.id,
            "ok": self.ok,
            "state": self.state,
            "title": self.title,
            "detail": self.detail,
            "fix": self.fix,
            "data": self.data,
        }


@dataclass
class _State:
    """What earlier checks learnt, for the later ones."""

    login: str | None = None
    token: SecretStr | None = None
    connected: bool = False
    blocked_reason: str | None = None
    lines: list[OrderLine] | None = None


def _result(
    request: SetupRequest,
    check_id: str,
    ok: bool | None,
    detail: str,
    fix: str = "",
    *,
    data: dict[str, Any] | None = None,
    title_id: str | None = None,
    state: CheckState | None = None,
    **fmt: Any,
) -> CheckResult:
    heading = title(title_id or check_id, request.lang, **fmt)
    parts = {"title": heading, "detail": detail, "fix": fix}
    return CheckResult(
        id=check_id,
        title=heading,
        ok=ok,
        detail=detail,
        fix=fix,
        data=data or {},
        messages={name: p.message for name, p in parts.items() if isinstance(p, Phrase)},
        state=state,
    )


def _check_login(request: SetupRequest, state: _State) -> CheckResult:
    lang = request.lang
    try:
        state.login = check_login(request.login)
    except ConfigError as exc:
        kind = type(exc).__name__
        return _result(
            request,
            "login",
            False,
            tr(f"login.{kind}", lang, login=(request.login or "").strip()),
            tr("login.fix", lang),
            data={"error": kind},
        )
    return _result(request, "login", True, tr("login.ok", lang, login=state.login))


def check_login_value(login: str | None, lang: Lang = "en") -> CheckResult:
    """The login check alone, in ``lang``: the walkthrough asks for the login first."""
    return _check_login(SetupRequest(login=login, token=None, lang=lang), _State())


def check_token_value(token: str | SecretStr | None, lang: Lang = "en") -> CheckResult:
    """The token check alone, in ``lang``; the result never holds the token."""
    return _check_token(SetupRequest(login=None, token=token, lang=lang), _State())


def _check_token(request: SetupRequest, state: _State) -> CheckResult:
    lang = request.lang
    try:
        state.token = check_token(request.token)
    except ConfigError as exc:
        kind = type(exc).__name__
        # The message of InvalidTokenError never quotes the token; we use ours anyway.
        return _result(
            request,
            "token",
            False,
            tr(f"token.{kind}", lang),
            tr("token.fix", lang),
            data={"error": kind},
        )
    length = len(state.token.get_secret_value())
    return _result(request, "token", True, tr("token.ok", lang, length=length))


def _client(request: SetupRequest, login: str, token: SecretStr) -> Any:
    from rakuten_assist.api import RakutenClient

    credentials = Credentials(login=login, token=token)
    settings = Settings.from_env(request.base_url)
    return RakutenClient(credentials, settings=settings)


def _error_words(exc: RakutenAssistError) -> dict[str, Any]:
    """The error's catalogue id, parameters and English text, so that a reader can word our
    sentence and Rakuten's own text apart (as ``fleet report`` does)."""
    return {
        "error_id": exc.msg.id if exc.msg is not None else None,
        "error_params": {k: str(v) for k, v in (exc.msg.params if exc.msg else {}).items()},
        "error_message": exc.message,
        "error_fix": exc.fix,
    }


def _remote_checks(request: SetupRequest, state: _State) -> Iterator[CheckResult]:
    """credentials, professional_rights and open_orders.

    getnewsales is called once (it proves the credentials and its sales are kept), then the
    getcurrentsales pages are read: one call per page.
    """
    lang = request.lang
    if state.login is None or state.token is None:
        why = tr("blocked.credentials", lang)
        state.blocked_reason = why
        for check_id in ("credentials", "professional_rights", "open_orders"):
            yield _result(request, check_id, None, why, tr("blocked.fix_first", lang))
        return
    with _client(request, state.login, state.token) as client:
        try:
            new_sales = client.get_new_sales()
        except AuthenticationError as exc:
            state.blocked_reason = tr("blocked.auth", lang)
            yield _result(
                request, "credentials", False, tr("credentials.refused", lang,
                message=exc.render(lang)[0]), tr("credentials.fix", lang),
                data={"code": exc.code, **_error_words(exc)},
            )  # fmt: skip
            for check_id in ("professional_rights", "open_orders"):
                yield _result(request, check_id, None, state.blocked_reason,
                              tr("blocked.fix_first", lang))  # fmt: skip
            return
        except QuotaExceededError as exc:
            state.blocked_reason = tr("blocked.quota", lang)
            yield _result(request, "credentials", None, tr("credentials.quota", lang),
                          tr("quota.fix", lang), data={"code": exc.code})  # fmt: skip
            for check_id in ("professional_rights", "open_orders"):
                yield _result(request, check_id, None, state.blocked_reason,
                              tr("quota.fix", lang))  # fmt: skip
            return
        except RightsError as exc:
            state.blocked_reason = tr("blocked.rights", lang)
            yield _result(request, "credentials", True, tr("credentials.ok", lang))
            yield _result(
                request, "professional_rights", False,
                tr("rights.refused", lang, message=exc.render(lang)[0], detail=exc.detail or ""),
                tr("rights.fix", lang), data={"code": exc.code},
            )  # fmt: skip
            yield _result(request, "open_orders", None, state.blocked_reason,
                          tr("rights.fix", lang))  # fmt: skip
            return
        except APIError as exc:
            what, fix = exc.render(lang)
            state.blocked_reason = tr("blocked.remote", lang, message=what)
            yield _result(request, "credentials", None, state.blocked_reason, fix,
                          data={"error": type(exc).__name__})  # fmt: skip
            for check_id in ("professional_rights", "open_orders"):
                yield _result(request, check_id, None, state.blocked_reason, fix)
            return
        state.connected = True
        yield _result(request, "credentials", True, tr("credentials.ok", lang))
        yield _result(request, "professional_rights", True, tr("rights.ok", lang))
        yield _open_orders(request, state, client, new_sales)


def _open_orders(
    request: SetupRequest, state: _State, client: Any, new_sales: list[Sale]
) -> CheckResult:
    from rakuten_assist.api import OpenOrders, fetch_open_orders, order_lines

    lang = request.lang
    try:
        # The new sales came with the credentials check: never ask Rakuten for them twice.
        current = fetch_open_orders(client, include_new=False)
    except APIError as exc:
        what, fix = exc.render(lang)
        state.blocked_reason = tr("blocked.remote", lang, message=what)
        return _result(request, "open_orders", False, state.blocked_reason, fix,
                       data={"error": type(exc).__name__})  # fmt: skip
    # An item in both streams was accepted between the two calls: its current state wins.
    seen = {line.item.item_id for line in current.lines}
    new_lines = [line for line in order_lines(new_sales, "new") if line.item.item_id not in seen]
    orders = OpenOrders(
        lines=[*current.lines, *new_lines],
        new_sales=new_sales,
        current_sales=current.current_sales,
        pages=current.pages,
    )
    state.lines = list(orders.lines)
    by_status = dict(Counter(line.item.status or "?" for line in orders.lines).most_common())
    by_country = orders.count_by_country()
    by_source = orders.count_by_source()
    purchases = len({line.sale.purchase_id for line in orders.lines})
    detail = tr(
        "orders.ok",
        lang,
        items=len(orders.lines),
        purchases=purchases,
        new=by_source["new"],
        current=by_source["current"],
        statuses=_status_counts(by_status),
        countries=_counts(by_country) or "-",
    )
    return _result(
        request,
        "open_orders",
        True,
        detail,
        data={
            "items": len(orders.lines),
            "purchases": purchases,
            "by_source": by_source,
            "by_status": by_status,
            "by_country": by_country,
            "country_filter": False,
        },
    )


def _status_counts(counts: dict[str, int]) -> Joined:
    """Item counts per status, each status in words of the reader's language (said when
    the result is shown, so a language switch re-words them)."""
    return Joined(
        tuple(
            Message("checks.status.count", {"status": status_word(key), "count": value})
            for key, value in counts.items()
        ),
        ", ",
    )


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{key} {value}" for key, value in counts.items())


def _sku_checks(request: SetupRequest, state: _State) -> Iterator[CheckResult]:
    lang = request.lang
    catalogs = request.catalogs()
    if not catalogs:
        yield _result(request, "sku_mapping", None, tr("sku.none", lang), tr("sku.none_fix", lang),
                      state="skipped")  # fmt: skip
        return
    for position, source in enumerate(catalogs, start=1):
        check_id = "sku_mapping" if len(catalogs) == 1 else f"sku_mapping:{Path(source).name}"
        name = Path(source).name
        if state.lines is None:
            yield _result(request, check_id, None, tr("sku.no_orders", lang,
                          why=state.blocked_reason or ""), tr("blocked.fix_first", lang),
                          title_id="sku_mapping_of", name=name)  # fmt: skip
            continue
        yield _sku_check(request, state.lines, source, check_id, name, position)


def _sku_check(
    request: SetupRequest,
    lines: list[OrderLine],
    source: CatalogSource,
    check_id: str,
    name: str,
    position: int,
) -> CheckResult:
    from rakuten_assist.frames import orders_frame
    from rakuten_assist.matching.catalog import load_catalog
    from rakuten_assist.matching.sku import match_skus

    lang = request.lang
    try:
        catalog = load_catalog(source)
        result = match_skus(
            orders_frame(lines), catalog, sku_column=request.sku_column,
            id_column=request.id_column,
        )  # fmt: skip
    except RakutenAssistError as exc:
        what, remedy = exc.render(lang)
        return _result(request, check_id, False, what, remedy,
                       title_id="sku_mapping_of", name=name)  # fmt: skip
    except Exception as exc:  # one broken check must not hide the others
        return _result(request, check_id, False, tr("sku.crashed", lang,
                       error=f"{type(exc).__name__}: {exc}"), tr("sku.crashed_fix", lang),
                       title_id="sku_mapping_of", name=name)  # fmt: skip
    summary = result.summary
    items, matched = int(summary["items"]), int(summary["matched"])
    rate = float(summary.get("rate", matched / items if items else 1.0))
    hints = list(result.hints)
    data = {
        "catalog": name,
        "items": items,
        "matched": matched,
        "unmatched": items - matched,
        "rate": round(rate, 4),
        "by_reason": dict(summary.get("by_reason", {})),
        "hints": hints,
    }
    if items == 0:
        return _result(request, check_id, None, tr("sku.no_items", lang), "",
                       data=data, title_id="sku_mapping_of", name=name)  # fmt: skip
    column = str(summary["columns"]["sku"])
    detail = tr("sku.rate", lang, matched=matched, items=items, rate=percent(rate), column=column)
    if matched == items:
        return _result(request, check_id, True, detail, "", data=data,
                       title_id="sku_mapping_of", name=name)  # fmt: skip
    fix: str = tr("sku.fix", lang)
    findings = list(hints if lang == "en" else result.hints_fr)
    rows = result.rows
    # Items whose SKU is on no row at all (a SKU found in another column has its own hint):
    # the feed's hints leave them out; say how many, and which column was read.
    missing = int(((rows["status"] == "not_in_catalog") & rows["catalog_row"].isna()).sum())
    if missing:
        findings.append(tr("sku.not_in_catalog", lang, items=missing, column=column))
    if findings:
        fix = " ".join(findings) + " " + fix
    return _result(request, check_id, False, detail, fix, data=data,
                   title_id="sku_mapping_of", name=name)  # fmt: skip


def _carrier_checks(request: SetupRequest) -> Iterator[CheckResult]:
    lang = request.lang
    if not request.carriers:
        yield _result(request, "carriers", None, tr("carriers.none", lang),
                      tr("carriers.none_fix", lang), state="skipped")  # fmt: skip
        return
    from rakuten_assist.carriers import check_carrier, find_carrier

    for query in request.carriers:
        check = check_carrier(query)
        carrier = check.carrier
        check_id = f"carrier:{carrier.id if carrier is not None else query}"
        data: dict[str, Any] = {
            "query": query,
            "carrier": carrier.id if carrier is not None else None,
            "rakuten_name": check.rakuten_name,
            "tracking_url": check.tracking_url,
            "needs": list(carrier.needs) if carrier is not None else [],
            "suggestions": [s.id for s in check.suggestions],
        }
        # Sentences built here from the check's fields, in the report's language
        # (check.message is English).
        detail: str
        if carrier is None:
            names = carrier_names(check.suggestions) if check.suggestions else ""
            ambiguous = find_carrier(query).how == "ambiguous"
            detail = tr("carriers.ambiguous" if ambiguous else "carriers.unknown", lang,
                        name=query, suggestions=names or "-")  # fmt: skip
            unknown_fix = (
                tr("carriers.unknown_fix", lang, suggestions=names)
                if names
                else tr("carriers.unknown_fix_none", lang)
            )
            yield _result(request, check_id, False, detail, unknown_fix, data=data,
                          title_id="carrier", name=query)  # fmt: skip
            continue
        supported = check.supported
        detail = tr(
            "carriers.yes" if supported else "carriers.no",
            lang,
            rakuten=data["rakuten_name"],
            url=data["tracking_url"] or "-",
            reason=carrier.reason(lang) or "",
        )
        if supported and data["needs"]:
            detail += " " + tr("carriers.needs", lang, needs=needs_text(data["needs"], lang))
        fix = "" if supported else tr("carriers.no_fix", lang)
        yield _result(request, check_id, supported, detail, fix, data=data,
                      title_id="carrier", name=carrier_name(carrier))  # fmt: skip


def _test_order(request: SetupRequest) -> CheckResult:
    # Guidance only: nothing in the order data marks a test order (a title saying "test" is
    # often a real product), so only Rakuten support can say which order it is.
    lang = request.lang
    return _result(request, "test_order", None, tr("test.guidance", lang), tr("test.ask", lang),
                   state="skipped")  # fmt: skip


def iter_checks(request: SetupRequest) -> Iterator[CheckResult]:
    """Run the setup checks in order, yielding each result as soon as it is known.

    Args:
        request: the merchant's login, token and optional catalogues and carriers.

    Yields:
        One CheckResult per check; the token never appears in any of them.
    """
    state = _State()
    yield _check_login(request, state)
    yield _check_token(request, state)
    if request.lines is not None:
        state.lines = list(request.lines)
    else:
        yield from _remote_checks(request, state)
    yield from _sku_checks(request, state)
    yield from _carrier_checks(request)
    yield _test_order(request)


def run_checks(request: SetupRequest) -> list[CheckResult]:
    """Every setup check, as a list (see ``iter_checks``)."""
    return list(iter_checks(request))
