"""A server whose TLS certificate fails verification is said in the user's language, with a fix
about the address or the certificate, never OpenSSL's English text."""

from __future__ import annotations

import ssl

import httpx
import pytest

from rakuten_assist.api._network import transport_error

_OPENSSL = {
    64: "IP address mismatch, certificate is not valid for '10.255.255.1'.",
    62: "Hostname mismatch, certificate is not valid for 'example.test'.",
    10: "certificate has expired",
    19: "self-signed certificate in certificate chain",
    99: "some other verification failure",
}


def _failed_verification(code: int) -> httpx.ConnectError:
    """httpx's error as raised for a failed verification: the ssl error is its cause's cause."""
    reason = _OPENSSL[code]
    text = f"[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: {reason} (_ssl.c:1006)"
    failure = ssl.SSLCertVerificationError(1, text)
    failure.verify_code = code
    failure.verify_message = _OPENSSL[code]
    inner = httpx.ConnectError(text)  # stands for httpcore's error, raised from the ssl one
    inner.__cause__ = failure
    outer = httpx.ConnectError(text)
    outer.__cause__ = inner
    return outer


@pytest.mark.parametrize("code", sorted(_OPENSSL))
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_failed_certificate_is_said_in_words_with_its_fix(code: int, lang: str) -> None:
    """No OpenSSL text in the message; the fix speaks of the certificate, not the network."""
    error = transport_error(_failed_verification(code), "getnewsales")
    message, fix = error.render(lang)
    for openssl_words in ("SSL", "_ssl.c", "verify failed", "mismatch"):
        assert openssl_words not in message
    assert "getnewsales" in message
    assert "certifica" in message  # certificate / certificat
    assert "certifica" in fix
    assert error.request_sent is False


def test_an_address_mismatch_says_the_certificate_is_for_another_address() -> None:
    """The common case (an IP address, or another host, in the base URL) is named as such."""
    message, fix = transport_error(_failed_verification(64), "getnewsales").render("fr")
    assert "adresse" in message
    assert "URL de base" in fix


def test_a_refused_connection_keeps_its_own_words() -> None:
    """A plain connection failure is not mistaken for a certificate problem."""
    message, fix = transport_error(httpx.ConnectError("connection refused"), "getnewsales").render(
        "en"
    )
    assert "certificate" not in message + fix
