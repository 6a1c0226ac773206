"""Where the app's API calls go: the sandbox or an account, and what the header says."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from rakuten_assist.config import Credentials

__all__ = ["Connection"]


@dataclass(frozen=True)
class Connection:
    """Where the app's API calls go, and what the header says about it.

    Attributes:
        base_url: the web service (None: production).
        credentials: the account, or None until entered in the form.
        sandbox: True on the built-in sandbox (the header says SANDBOX).
        demo_login, demo_token: the sandbox demo account, proposed by the walkthrough.
        demo_catalog: a demo product feed matching the sandbox orders, if one is at hand.
    """

    base_url: str | None = None
    credentials: Credentials | None = None
    sandbox: bool = False
    demo_login: str | None = None
    demo_token: str | None = field(default=None, repr=False)
    demo_catalog: str | None = None

    @classmethod
    def for_sandbox(cls, sandbox: Any, *, demo_catalog: str | None = None) -> Connection:
        """The connection to a running sandbox, signed in with its demo account."""
        return cls(
            base_url=sandbox.base_url,
            credentials=sandbox.credentials,
            sandbox=True,
            demo_login=sandbox.login,
            demo_token=sandbox.token,
            demo_catalog=demo_catalog,
        )

    def with_credentials(self, credentials: Credentials) -> Connection:
        """The same service with another account."""
        return replace(self, credentials=credentials)

    def secrets(self) -> list[str]:
        """Every token the app knows, to scrub from anything it writes."""
        found = [self.demo_token or ""]
        if self.credentials is not None:
            found.append(self.credentials.token.get_secret_value())
        return [value for value in found if value]
