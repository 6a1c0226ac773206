"""Secrets pasted in a question are recognised, never echoed, and answered with a warning."""

from __future__ import annotations

import json

import pytest

from rakuten_assist.carriers import registry
from rakuten_assist.support import SupportEngine
from rakuten_assist.support._entities import extract_entities
from rakuten_assist.support._tracking_numbers import looks_like_secret

HEX_TOKEN = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
ALNUM_TOKEN = "AbCdEfGhIjKlMnOpQrStUvWx12"


@pytest.mark.parametrize(
    ("question", "secret"),
    [
        (f"la clé {HEX_TOKEN} ne marche pas", HEX_TOKEN),
        (f"voici {HEX_TOKEN}", HEX_TOKEN),
        (f"my key is {ALNUM_TOKEN}, help", ALNUM_TOKEN),
        ("mon mot de passe est hunter2abcd, ça ne passe pas", "hunter2abcd"),
        ("password: s3cretpass99 is refused", "s3cretpass99"),
        (f"api key {ALNUM_TOKEN}", ALNUM_TOKEN),
    ],
)
def test_a_pasted_secret_is_never_echoed(question: str, secret: str) -> None:
    """Whatever the words around it, the secret appears nowhere in the answer, only a warning."""
    answer = SupportEngine().answer(question)
    shown = json.dumps(answer.to_json(), ensure_ascii=False).lower()
    assert secret.lower() not in shown
    assert answer.facts["secret_pasted"] is True
    assert answer.intent == "token_help"
    warning = "ressemble à un jeton" if answer.lang == "fr" else "looks like a token"
    assert warning in answer.text


def test_every_valid_registry_number_is_not_a_secret() -> None:
    """A tracking number that fits a known carrier is never mistaken for a token."""
    for carrier in registry():
        for sample in carrier.samples.valid:
            assert not looks_like_secret(sample), (carrier.id, sample)


def test_a_check_digit_question_keeps_its_number() -> None:
    """'La clé de contrôle' is a check digit, not a secret: the number is still read."""
    entities = extract_entities("la clé de contrôle de 6A12345678905 est bonne ?")
    assert entities.numbers == ["6A12345678905"]
    assert entities.secret_pasted is False
