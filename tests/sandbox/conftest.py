"""Fixtures for the sandbox tests: a running sandbox and a small XML-reading client."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
import pytest
from lxml import etree

from rakuten_assist.api import VERSIONS as CLIENT_VERSIONS
from rakuten_assist.sandbox import Sandbox, running_sandbox
from rakuten_assist.sandbox.data import PARIS

#: a fixed present, so dates and bytes are reproducible
NOW = datetime(2024, 7, 15, 12, 0, tzinfo=PARIS)

#: the version of each action, as the project's client sends them
VERSIONS = dict(CLIENT_VERSIONS)


def strip_namespaces(root: Any) -> Any:
    """Drop namespaces from every tag so tests can use plain names."""
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = etree.QName(element).localname
    return root


@dataclass
class Answer:
    """One HTTP answer of the sandbox, with its XML read."""

    response: httpx.Response
    root: Any
    namespace: str | None

    @property
    def status(self) -> int:
        """The HTTP status."""
        return self.response.status_code

    def text(self, path: str) -> str:
        """The stripped text of the first element at ``path`` (empty if absent)."""
        found = self.root.find(path)
        return (found.text or "").strip() if found is not None else ""

    def texts(self, path: str) -> list[str]:
        """The stripped texts of every element at ``path``."""
        return [(e.text or "").strip() for e in self.root.findall(path)]

    @property
    def error(self) -> tuple[str, str, str, list[str]]:
        """(type, code, message, details) of an errorresponse."""
        assert self.root.tag == "errorresponse", self.response.text[:300]
        return (
            self.text("error/type"),
            self.text("error/code"),
            self.text("error/message"),
            self.texts("error/details/detail"),
        )


@dataclass
class Service:
    """Calls the sandbox's sales_ws the way a client does."""

    sandbox: Sandbox
    http: httpx.Client

    def raw(
        self,
        action: str,
        *,
        login: str | None = None,
        token: str | None = None,
        version: str | None = None,
        **params: str,
    ) -> httpx.Response:
        """Send one GET with the demo credentials (overridable) and return the response."""
        query = {
            "action": action,
            "login": self.sandbox.login if login is None else login,
            "pwd": self.sandbox.token if token is None else token,
            "version": VERSIONS.get(action, "2017-08-07") if version is None else version,
            **params,
        }
        return self.http.get(self.sandbox.service_url, params=query)

    def call(self, action: str, **params: str) -> Answer:
        """Send one GET and read the XML answer."""
        return read(self.raw(action, **params))

    def read(self, response: httpx.Response) -> Answer:
        """Read the XML answer of a response obtained otherwise."""
        return read(response)

    def upload(self, xml: bytes, **params: str) -> Answer:
        """POST an importitemshippingstatus file as multipart/form-data."""
        query = {
            "action": "importitemshippingstatus",
            "login": self.sandbox.login,
            "pwd": self.sandbox.token,
            "version": VERSIONS["importitemshippingstatus"],
            **params,
        }
        response = self.http.post(
            self.sandbox.service_url,
            params=query,
            files={"file": ("shipping.xml", xml, "text/xml")},
        )
        return read(response)


def read(response: httpx.Response) -> Answer:
    """Parse an answer's XML (hardened parser), keeping the root's namespace aside."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(response.content, parser)
    namespace = etree.QName(root).namespace
    return Answer(response, strip_namespaces(root), namespace)


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """A fresh sandbox (seed 42, 40 sales, 10 per page) on a free loopback port."""
    with running_sandbox(seed=42, sales=40, page_size=10, now=NOW) as sb:
        yield sb


@pytest.fixture
def service(sandbox: Sandbox) -> Iterator[Service]:
    """A client of the fresh sandbox."""
    with httpx.Client(timeout=10) as http:
        yield Service(sandbox, http)


@pytest.fixture
def now() -> datetime:
    """The sandbox's fixed present."""
    return NOW
