"""Which question is this? Keyword evidence plus what the entities say, scored per intent.

Deterministic and explainable: every intent has weighted phrases (accents folded, typos of
long words tolerated); entities add strong evidence (a carrier name, a tracking number, an
order id, a pasted error). The best score wins; below the threshold the answer is an honest
"I don't know".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, get_args

from rapidfuzz import fuzz

from rakuten_assist.support._entities import Entities
from rakuten_assist.support._lang import fold

__all__ = ["INTENTS", "Intent", "IntentScore", "classify"]

Intent = Literal[
    "carrier_support",
    "tracking_url",
    "detect_carrier",
    "login_help",
    "token_help",
    "sku_mapping",
    "setup_walkthrough",
    "test_order",
    "country_scope",
    "professional_account",
    "error_explain",
    "order_status",
    "greeting",
    "unknown",
]

INTENTS: tuple[Intent, ...] = get_args(Intent)

# Phrases are written folded (lower case, no accents). Weights: 3 decisive, 2 strong, 1 hint.
_KEYWORDS: dict[Intent, dict[str, float]] = {
    "carrier_support": {
        "supported": 1.5, "supporte": 1.5, "support": 0.5, "accepte": 1.5, "accepted": 1.5,
        "compatible": 1.5, "prenez": 1.5, "prend": 1, "take": 1, "takes": 1, "ca passe": 1.5,
        "marche": 1, "works": 1, "work with": 1, "reconnu": 1.5, "transporteur": 1,
        "carrier": 1, "carriers": 1, "transporter name": 2, "ship with": 1.5,
        "expedie avec": 1.5, "expedier avec": 1.5, "envoyer avec": 1, "travaillons avec": 1,
        "c'est bon": 1, "ok": 0.5, "use": 0.5, "utiliser": 0.5, "fine": 0.5,
        "point relais": 2, "relay point": 2, "autre": 1.5, "transporteurs": 1.5,
        "gerez": 1, "handle": 0.5,
    },
    "tracking_url": {
        "lien de suivi": 2.5, "tracking link": 2.5, "tracking url": 2.5, "url de suivi": 2.5,
        "url de tracking": 2.5, "url": 1.5, "lien": 1.5, "link": 1.5, "build": 0.5,
        "construire": 0.5, "confirmer l'expedition": 2, "confirm the shipment": 2,
        "confirm shipment": 2, "confirmation d'expedition": 2, "shipping confirmation": 2,
    },
    "detect_carrier": {
        "quel transporteur": 2, "which carrier": 2, "what carrier": 2, "whose number": 2,
        "belong": 1.5, "appartient": 1.5, "detect": 1.5, "detecter": 1.5, "reconnaitre": 1,
        "numero de suivi": 1, "tracking number": 1, "sais pas": 0.5, "don't know": 0.5,
    },
    "login_help": {
        "login": 2, "identifiant": 2.5, "nom de compte": 2.5, "account name": 2.5,
        "username": 2.5, "user name": 2.5, "pseudo": 2, "mail": 1, "e mail": 1, "email": 1,
        "adresse mail": 1.5, "nom d'utilisateur": 2.5, "log in": 2, "me connecter": 2.5,
        "se connecter": 2, "sign in": 2,
    },
    "token_help": {
        "token": 3, "jeton": 3, "api key": 3, "cle api": 3, "cle d'api": 3, "password": 1.5,
        "mot de passe": 1.5, "informations developpeur": 2, "developer": 1, "webservice": 0.5,
    },
    "sku_mapping": {
        "sku": 3, "skus": 3, "reference": 1.5, "references": 1.5, "catalogue": 2,
        "catalog": 2, "feed": 2, "flux": 2, "mapping": 2, "map": 1.5, "correspondent": 2,
        "correspond": 1.5, "match": 2, "matches": 2, "unmatched": 2.5, "product id": 2,
        "id produit": 2, "produit": 1, "produits": 1, "product": 1, "products": 1, "ean": 1,
    },
    "setup_walkthrough": {
        "setup": 2.5, "set up": 2.5, "mise en place": 2.5, "mettre en place": 2.5,
        "accompagner": 1.5, "configurer": 2.5, "configuration": 2, "installer": 2,
        "parametrer": 2, "step by step": 2.5, "etapes": 2, "steps": 1.5, "onboarding": 3,
        "checklist": 2, "commence": 1.5, "start": 1, "demarrer": 2, "connecter": 1.5,
        "connect": 1, "connexion": 1, "debute": 1.5, "getting started": 2, "get started": 2,
        "premiers pas": 2, "walkthrough": 3, "brancher": 1.5,
    },
    "test_order": {
        "commande test": 3.5, "commande de test": 3.5, "test order": 3.5, "commande d'essai": 3.5,
        "essai": 2, "test": 2, "tester": 1.5, "going live": 1,
    },
    "country_scope": {
        "pays": 2.5, "country": 2.5, "countries": 2.5, "etranger": 2.5, "abroad": 2.5,
        "international": 2, "belges": 2, "belge": 2, "belgique": 1.5, "allemagne": 1.5,
        "allemandes": 2, "germany": 1.5, "spain": 1.5, "espagne": 1.5, "italy": 1.5,
        "italie": 1.5, "foreign": 2, "french orders": 1.5, "remontent": 1, "recuperees": 1,
        "included": 0.5, "filter": 1, "filtrer": 1, "europe": 1, "francaises": 2,
        "french": 1.5, "que la france": 2.5, "only france": 2.5,
    },
    "professional_account": {
        "professionnel": 3, "professional": 3, "pro": 2.5, "particulier": 3,
        "private seller": 3, "private": 2, "compte pro": 3, "business account": 3,
        "droits": 1.5, "rights": 1.5,
    },
    "error_explain": {
        "erreur": 1.5, "error": 1.5, "message d'erreur": 2, "quota": 2.5, "what does it mean": 1,
        "ca veut dire": 1, "says": 0.5, "dit": 0.5,
    },
    "order_status": {
        "ou en est": 2.5, "status": 1.5, "statut": 1.5, "where is": 1, "bloque": 1.5,
        "bloquee": 1.5, "bloquees": 1.5, "bloques": 1.5, "stuck": 1.5, "can't ship": 1.5,
        "peux pas expedier": 1.5, "ma commande": 1, "my order": 1,
    },
    "greeting": {
        "bonjour": 1.5, "bonsoir": 1.5, "salut": 1.5, "hello": 1.5, "hi": 1.5, "hey": 1.5,
        "coucou": 1.5, "merci": 2, "thanks": 2, "thank you": 2, "good morning": 1.5,
        "help": 1.5, "aide": 1.5, "aidez moi": 1.5,
    },
}  # fmt: skip

_THRESHOLD = 1.5
# Without a carrier named, "accept" or "works" alone is not about carriers ("how do I accept
# a sale?"): one of these must be there too.
_CARRIER_WORDS = frozenset(
    {
        "transporteur", "transporteurs", "carrier", "carriers", "transporter name",
        "ship with", "expedie avec", "expedier avec", "envoyer avec", "travaillons avec",
        "point relais", "relay point", "autre",
    }
)  # fmt: skip
_FUZZY_WORD_MIN = 6
_FUZZY_CUTOFF = 85.0
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class IntentScore:
    """One intent's score and the evidence behind it."""

    intent: Intent
    score: float
    evidence: tuple[str, ...]


@lru_cache(maxsize=1)
def _compiled() -> dict[Intent, list[tuple[str, re.Pattern[str], float]]]:
    compiled: dict[Intent, list[tuple[str, re.Pattern[str], float]]] = {}
    for intent, phrases in _KEYWORDS.items():
        compiled[intent] = [
            (phrase, re.compile(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])"), weight)
            for phrase, weight in phrases.items()
        ]
    return compiled


def _normalise(text: str) -> str:
    folded = fold(text)
    folded = re.sub(r"[-_/]", " ", folded)
    return " ".join(re.findall(r"[a-z0-9']+", folded))


def _keyword_scores(text: str) -> dict[Intent, tuple[float, list[str]]]:
    normalised = _normalise(text)
    words = _WORD.findall(normalised)
    scores: dict[Intent, tuple[float, list[str]]] = {}
    for intent, phrases in _compiled().items():
        total = 0.0
        evidence: list[str] = []
        for phrase, pattern, weight in phrases:
            if pattern.search(normalised):
                total += weight
                evidence.append(phrase)
            elif " " not in phrase and len(phrase) >= _FUZZY_WORD_MIN:
                # A typo of a long keyword ("identifient", "configuer") still counts.
                if any(
                    abs(len(w) - len(phrase)) <= 2 and fuzz.ratio(w, phrase) >= _FUZZY_CUTOFF
                    for w in words
                ):
                    total += weight * 0.8
                    evidence.append(f"~{phrase}")
        if total:
            scores[intent] = (total, evidence)
    return scores


def classify(text: str, entities: Entities) -> list[IntentScore]:
    """Score every intent for ``text``, best first; ``unknown`` leads when nothing fits.

    Args:
        text: the question as typed.
        entities: what ``extract_entities`` found in it.
    """
    # Words inside a pasted error message say nothing about what the user asks.
    raw = _keyword_scores(entities.residue if entities.error is not None else text)
    scores: dict[Intent, float] = {intent: value for intent, (value, _) in raw.items()}
    evidence: dict[Intent, list[str]] = {intent: ev for intent, (_, ev) in raw.items()}

    def add(intent: Intent, weight: float, why: str) -> None:
        scores[intent] = scores.get(intent, 0.0) + weight
        evidence.setdefault(intent, []).append(why)

    if not entities.carriers and "carrier_support" in scores:
        words = {e.lstrip("~") for e in evidence["carrier_support"]}
        if entities.unknown_carriers:
            add("carrier_support", 1.5, "carrier name not in the registry")
        elif not words & _CARRIER_WORDS:
            scores["carrier_support"] = 0.0
    if entities.error is not None:
        add("error_explain", 4.0 if entities.error.score >= 1.0 else 3.0, "pasted error")
    elif entities.error_code is not None:
        add("error_explain", 3.0, "error code")
    if entities.carriers:
        add("carrier_support", 3.0, "carrier named")
        if entities.numbers:
            add("tracking_url", 4.0, "carrier and number")
        elif "tracking_url" in scores:
            add("tracking_url", 1.5, "carrier and link words")
    elif entities.numbers:
        add("detect_carrier", 3.5, "tracking number alone")
    if entities.item_id or entities.purchase_id:
        add("order_status", 3.0, "order or item id")
    if entities.emails:
        add("login_help", 1.5, "e-mail given")
    # Courtesy words only make a greeting when nothing else was asked.
    if "greeting" in scores and any(
        value >= _THRESHOLD for intent, value in scores.items() if intent != "greeting"
    ):
        scores["greeting"] = 0.0

    ranked = sorted(
        (IntentScore(intent, round(value, 2), tuple(evidence.get(intent, ())))
         for intent, value in scores.items() if value > 0),
        key=lambda s: s.score,
        reverse=True,
    )  # fmt: skip
    if not ranked or ranked[0].score < _THRESHOLD:
        return [IntentScore("unknown", 0.0, ()), *ranked]
    return ranked
