"""Seeded demo data for the sandbox: sales, buyers, products, all reproducible from one seed.

The same ``seed``, ``count`` and ``now`` give the same sales, so the same bytes on the wire.
What the generator puts in, on purpose, because real seller accounts have it:

* Buyers in at least nine countries (France the majority, then Belgium, Germany, Spain, Italy,
  Switzerland, Luxembourg, the United Kingdom, Poland). Metropolitan France is ``FX`` in
  ``countryalpha2``, as Rakuten sends it; country names are in French.
* Accented names (Hélène, Françoise, Müller, Núñez) and one name outside Latin-1 (Łukasz
  Wiśniewski, Kraków), which the XML carries as character references.
* Relay-point deliveries (Point relais Mondial Relay, Relais Colis, Chronopost Pickup) with a
  ``collectionpointaddress``; the other sales use Normal, Suivi, Recommande, So Colissimo or
  Chronopost.
* Multi-item sales, including two units of one SKU (two ``<item>``s, each its own itemid).
* Products whose SKU is ``RK-10042``-like, plus realistic defects: one offer with an EMPTY
  SKU, SKUs in lower case (``rk-10057``), with leading zeros (``000123``) or stray spaces
  (`` RK-10077 ``). EANs carry valid GS1 check digits.
* Item statuses: the newest sales await acceptance (REQUESTED, a few TO_CONFIRM, REMINDED for
  those older than a day), one sale mixes an accepted item with one still REQUESTED, the rest
  are ACCEPTED; one item is ON_HOLD with a claim. One item is a pre-order, one was negotiated
  (``isnego`` Y, paid price below the listed price).
* Purchase dates spread over the ten days before ``now``, in Europe/Paris local time.

The records themselves are in ``_models`` (imported from here too). The first sales follow a
fixed script (``_SCRIPT``) so every feature above exists as soon as ``count`` reaches its
length (18); the rest are drawn at random from the seeded generator.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from rakuten_assist.sandbox._models import (
    Buyer,
    ItemLog,
    Product,
    RecordedShipment,
    SandboxAddress,
    SandboxItem,
    SandboxRelay,
    SandboxSale,
)

__all__ = [
    "PARIS",
    "SELLER_ID",
    "Buyer",
    "ItemLog",
    "Product",
    "RecordedShipment",
    "SandboxAddress",
    "SandboxItem",
    "SandboxRelay",
    "SandboxSale",
    "ean13",
    "generate_sales",
]

PARIS = ZoneInfo("Europe/Paris")
SELLER_ID = "12345678"

_FIRST_PURCHASE_ID = 430000001
_FIRST_ITEM_ID = 260300001


def ean13(first12: str) -> str:
    """Complete twelve digits with their GS1 check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return first12 + str((10 - total % 10) % 10)


def _product(number: int, sku: str, headline: str, price: str, isbn: str = "") -> Product:
    return Product(
        sku=sku,
        advert_id=str(691500000 + number),
        headline=headline,
        ean=ean13(f"3770012{number:05d}"),
        price=Decimal(price),
        isbn=isbn,
    )


_PRODUCTS: tuple[Product, ...] = (
    _product(42, "RK-10042", "Théière en fonte 0,8 L – noire", "34.90"),
    _product(43, "RK-10043", "Tasse à café en grès (lot de 4)", "19.90"),
    _product(44, "RK-10044", "Câble USB-C tressé 2 m", "12.50"),
    _product(45, "RK-10045", "Lampe de bureau LED à pince", "27.00"),
    _product(46, "RK-10046", "Carnet A5 pointillé, couverture liège", "9.90"),
    _product(47, "RK-10047", "Sac à dos étanche 20 L", "45.00"),
    _product(48, "RK-10048", "Gourde isotherme inox 750 ml", "23.90"),
    _product(49, "RK-10049", 'Coque de protection pour liseuse 6"', "15.90"),
    _product(50, "RK-10050", "Jeu de société « Les Châteaux de Loire »", "39.90"),
    _product(51, "RK-10051", "Écouteurs sans fil, boîtier de charge", "59.00"),
    _product(52, "RK-10052", "Plaid en laine mérinos 130×170", "79.00"),
    _product(53, "RK-10053", "Moulin à poivre en hêtre", "21.50"),
    _product(54, "RK-10054", "Chargeur secteur 65 W, 2 ports", "32.00"),
    _product(55, "RK-10055", "Bougie parfumée figue & cèdre", "17.90"),
    _product(56, "RK-10056", "Puzzle 1000 pièces « Étretat »", "24.90"),
    # The defects a real catalogue has: lower case, leading zeros, stray spaces, no SKU.
    _product(57, "rk-10057", "Tapis de yoga liège naturel", "49.90"),
    _product(58, "000123", "Pinceaux aquarelle (set de 6)", "14.90"),
    _product(59, " RK-10077 ", "Mug isotherme 350 ml", "18.00"),
    _product(60, "", "Livre « Cuisine du Sud-Ouest »", "29.90", isbn=ean13("978201234567")),
    _product(61, "RK-10061", "Enceinte Bluetooth étanche", "69.00"),
    _product(62, "RK-10062", "Console portable rétro – précommande", "89.90"),
)
_PREORDER_PRODUCT = _PRODUCTS[-1]
_REGULAR_PRODUCTS = _PRODUCTS[:-1]
_EMPTY_SKU_PRODUCT = next(p for p in _PRODUCTS if not p.sku)

# country | first name | last name | civility | street | zipcode | city | country | alpha2 | phone
# (Rakuten writes FX for metropolitan France and country names in French)
_BUYER_TABLE = """
FR|Hélène|Dupré|Mme|12 rue des Écoles|75005|PARIS|France|FX|0612345678
FR|Françoise|Lefèvre|Mme|3 place du Marché|69002|LYON|France|FX|0623456789
FR|Jean|Martin|M.|45 avenue Jean Jaurès|31000|TOULOUSE|France|FX|0634567890
FR|Chloé|Bernard|Mme|8 impasse des Tilleuls|44000|NANTES|France|FX|0645678901
FR|Noël|Garnier|M.|21 boulevard de la Liberté|59000|LILLE|France|FX|0656789012
FR|Loïc|Le Gall|M.|2 quai de l'Odet|29000|QUIMPER|France|FX|0667890123
FR|Amélie|Roux|Mme|17 cours Mirabeau|13100|AIX-EN-PROVENCE|France|FX|0678901234
BE|Maëlle|Janssens|Mme|Rue de la Loi 155|1040|BRUXELLES|Belgique|BE|+32470123456
DE|Jürgen|Müller|M.|Hauptstraße 7|50667|KÖLN|Allemagne|DE|+491701234567
ES|María|Núñez|Mme|Calle de la Feria 12|41003|SEVILLA|Espagne|ES|+34612345678
IT|Giulia|Rossi|Mme|Via Garibaldi 21|10122|TORINO|Italie|IT|+393471234567
CH|Zoé|Favre|Mme|Rue du Rhône 40|1204|GENÈVE|Suisse|CH|+41791234567
LU|Luc|Schmit|M.|Grand-Rue 18|1660|LUXEMBOURG|Luxembourg|LU|+352621123456
GB|Oliver|Smith|M.|14 Baker Street|NW1 6XE|LONDON|Royaume-Uni|GB|+447700900123
PL|Łukasz|Wiśniewski|M.|ul. Floriańska 3|31-019|KRAKÓW|Pologne|PL|+48601234567
"""


def _buyers(table: str) -> dict[str, tuple[Buyer, ...]]:
    found: dict[str, list[Buyer]] = {}
    for row in table.strip().splitlines():
        country, *fields = row.split("|")
        found.setdefault(country, []).append(Buyer(*fields))
    return {country: tuple(buyers) for country, buyers in found.items()}


_BUYERS = _buyers(_BUYER_TABLE)
_COUNTRY_WEIGHTS = {
    "FR": 60,
    "BE": 9,
    "DE": 7,
    "ES": 6,
    "IT": 6,
    "CH": 4,
    "LU": 3,
    "GB": 3,
    "PL": 2,
}

_RELAYS: dict[str, tuple[str, str, str, str, str]] = {
    # shipping type -> (relay id prefix, relay name, street, zipcode, city) in France
    "Point relais Mondial Relay": (
        "MR0",
        "Tabac Presse du Centre",
        "4 rue Nationale",
        "75013",
        "PARIS",
    ),
    "Relais Colis": ("RC", "Épicerie Fine Lambert", "9 rue Sainte-Catherine", "69001", "LYON"),
    "Chronopost Pickup": ("CP", "Pressing de la Gare", "1 place de la Gare", "31000", "TOULOUSE"),
}
_TRACKED_TYPES = ("Suivi", "Suivi", "Suivi", "Normal", "Recommande", "So Colissimo", "Chronopost")
_SHIPPING_COSTS = {
    "Normal": "2.90",
    "Suivi": "4.90",
    "Recommande": "6.50",
    "So Colissimo": "5.90",
    "Chronopost": "12.90",
    "Point relais Mondial Relay": "3.90",
    "Relais Colis": "3.50",
    "Chronopost Pickup": "5.50",
}


@dataclass(frozen=True)
class _Plan:
    """What one scripted sale must show (None: draw it at random)."""

    country: str | None = None
    buyer: int = 0
    shipping: str | None = None
    state: str = "current"  # new | current | mixed | reminded | to_confirm | on_hold
    products: tuple[Product, ...] = ()
    preorder: bool = False
    nego: bool = False


_SCRIPT: tuple[_Plan, ...] = (
    _Plan("FR", 0, "Point relais Mondial Relay"),
    _Plan("FR", 1, "Relais Colis"),
    _Plan("FR", 2, "Chronopost Pickup", state="new"),
    _Plan("DE", 0, "Suivi", products=(_PRODUCTS[0], _PRODUCTS[0])),  # two units, one SKU
    _Plan("ES", 0, "Suivi"),
    _Plan("IT", 0, "Normal", products=(_PRODUCTS[15],)),  # rk-10057
    _Plan("CH", 0, "Suivi", products=(_PRODUCTS[16],)),  # 000123
    _Plan("LU", 0, "Normal", products=(_PRODUCTS[17],)),  # " RK-10077 "
    _Plan("GB", 0, "Suivi"),
    _Plan("PL", 0, "Suivi", state="new"),
    _Plan("BE", 0, "Suivi", products=(_PRODUCTS[1], _PRODUCTS[2])),
    _Plan("FR", 3, "Suivi", preorder=True),
    _Plan("FR", 4, "So Colissimo", products=(_EMPTY_SKU_PRODUCT,)),
    _Plan("FR", 5, "Suivi", nego=True, products=(_PRODUCTS[10],)),
    _Plan("FR", 6, "Suivi", state="to_confirm"),
    _Plan("FR", 0, "Normal", state="reminded"),
    _Plan("FR", 1, "Suivi", state="mixed", products=(_PRODUCTS[3], _PRODUCTS[4])),
    _Plan("FR", 2, "Suivi", state="on_hold"),
)

_NEW_STATUS = {"new": "REQUESTED", "to_confirm": "TO_CONFIRM", "reminded": "REMINDED"}


def _draw_plan(rng: random.Random) -> _Plan:
    country = rng.choices(list(_COUNTRY_WEIGHTS), weights=list(_COUNTRY_WEIGHTS.values()))[0]
    buyers = _BUYERS[country]
    shipping = rng.choice(_TRACKED_TYPES)
    if country == "FR" and rng.random() < 0.25:
        shipping = rng.choice(sorted(_RELAYS))
    state = "new" if rng.random() < 0.2 else "current"
    count = rng.choices((1, 2, 3), weights=(70, 22, 8))[0]
    products = tuple(rng.choice(_REGULAR_PRODUCTS) for _ in range(count))
    return _Plan(country, rng.randrange(len(buyers)), shipping, state, products)


def _ascii_login(buyer: Buyer, number: int) -> str:
    # Buyer pseudonyms on Rakuten are plain ASCII, whatever the buyer's real name.
    raw = unicodedata.normalize("NFKD", f"{buyer.first_name[:3]}{buyer.last_name[:3]}")
    letters = "".join(ch for ch in raw.lower() if ch.isascii() and ch.isalnum())
    return f"{letters}{number}"


def _address(buyer: Buyer) -> SandboxAddress:
    return SandboxAddress(
        civility=buyer.civility,
        first_name=buyer.first_name,
        last_name=buyer.last_name,
        address1=buyer.address1,
        address2="",
        zipcode=buyer.zipcode,
        city=buyer.city,
        country=buyer.country,
        country_alpha2=buyer.alpha2,
        phone1=buyer.phone,
    )


def _relay(shipping: str, buyer: Buyer, rng: random.Random) -> SandboxRelay | None:
    spec = _RELAYS.get(shipping)
    if spec is None:
        return None
    prefix, name, street, zipcode, city = spec
    return SandboxRelay(
        id=f"{prefix}{rng.randrange(10000, 99999)}",
        name=name,
        address=street,
        zipcode=zipcode,
        city=city,
        country="France",
        civility=buyer.civility,
        first_name=buyer.first_name,
        last_name=buyer.last_name,
    )


def _purchase_date(plan: _Plan, now: datetime, rng: random.Random) -> datetime:
    # Sales awaiting acceptance are recent (Rakuten cancels them after a few days); reminders
    # go out after a day. Accepted sales are spread over the last ten days.
    if plan.state in ("new", "to_confirm", "mixed"):
        minutes = rng.randrange(20, 20 * 60)
    elif plan.state == "reminded":
        minutes = rng.randrange(26 * 60, 44 * 60)
    else:
        minutes = rng.randrange(2 * 60, 10 * 24 * 60)
    return (now - timedelta(minutes=minutes)).replace(second=0, microsecond=0)


def _status_of(plan: _Plan, index: int) -> str:
    if plan.state in _NEW_STATUS:
        return _NEW_STATUS[plan.state]
    if plan.state == "mixed":
        return "ACCEPTED" if index == 0 else "REQUESTED"
    if plan.state == "on_hold" and index == 0:
        return "ON_HOLD"
    return "ACCEPTED"


def _item_logs(item: SandboxItem, buyer_login: str) -> list[ItemLog]:
    logs = [ItemLog(item.date, "ITEM_REQUESTED", f"{buyer_login} vous a passé commande.")]
    if item.status == "REMINDED":
        logs.append(
            ItemLog(
                item.date + timedelta(days=1),
                "PM_REMIND",
                "Un rappel vous a été envoyé par e-mail pour confirmer la commande.",
            )
        )
    if item.status in ("ACCEPTED", "ON_HOLD"):
        logs.append(
            ItemLog(
                item.date + timedelta(minutes=45),
                "ITEM_COMMITTED",
                "Vous avez confirmé la commande et vous êtes engagé(e) à livrer cet article.",
            )
        )
    if item.status == "ON_HOLD":
        logs.append(
            ItemLog(
                item.date + timedelta(hours=30),
                "AMICABLE_CLAIM_CREATION",
                f"{buyer_login} a ouvert une réclamation.",
                "Article abîmé à la livraison.",
            )
        )
    return logs


def generate_sales(count: int, *, seed: int, now: datetime) -> list[SandboxSale]:
    """The demo sales, oldest first, with purchase and item ids increasing with the date.

    Args:
        count: how many sales (purchases) to create.
        seed: the pseudo-random seed; the same seed and ``now`` give the same sales.
        now: the sandbox's present, an aware datetime (naive values are taken as Paris time).
    """
    if now.tzinfo is None:
        now = now.replace(tzinfo=PARIS)
    now = now.astimezone(PARIS)
    rng = random.Random(seed)
    plans = [_SCRIPT[i] if i < len(_SCRIPT) else _draw_plan(rng) for i in range(count)]
    dated = [(_purchase_date(plan, now, rng), index, plan) for index, plan in enumerate(plans)]
    dated.sort(key=lambda entry: (entry[0], entry[1]))

    sales: list[SandboxSale] = []
    next_item = _FIRST_ITEM_ID
    for number, (date, _, plan) in enumerate(dated):
        country = plan.country or "FR"
        buyer = _BUYERS[country][plan.buyer % len(_BUYERS[country])]
        shipping = plan.shipping or "Suivi"
        purchase_id = str(_FIRST_PURCHASE_ID + number * 7 + rng.randrange(7))
        products = plan.products or (rng.choice(_REGULAR_PRODUCTS),)
        if plan.preorder:
            products = (_PREORDER_PRODUCT,)
        buyer_login = _ascii_login(buyer, rng.randrange(10, 99))
        items: list[SandboxItem] = []
        for index, product in enumerate(products):
            next_item += 1 + rng.randrange(5)
            price = product.price
            if plan.nego:
                price = (product.price * Decimal("0.85")).quantize(Decimal("0.1"))
            item = SandboxItem(
                item_id=str(next_item),
                purchase_id=purchase_id,
                product=product,
                status=_status_of(plan, index),
                price=price,
                date=date,
                is_preorder=plan.preorder,
                is_nego=plan.nego,
                payment_status="Forthcoming" if plan.state == "on_hold" else "INCOMING",
                todo_causes=("CLAIM",) if plan.state == "on_hold" and index == 0 else (),
            )
            item.logs.extend(_item_logs(item, buyer_login))
            items.append(item)
        address = _address(buyer)
        sales.append(
            SandboxSale(
                purchase_id=purchase_id,
                purchase_date=date,
                shipping_type=shipping,
                buyer_login=buyer_login,
                buyer_email=f"{buyer_login}@buyer.example.invalid",
                delivery=address,
                billing=address,
                relay=_relay(shipping, buyer, rng),
                shipping_cost=Decimal(_SHIPPING_COSTS.get(shipping, "4.90")),
                items=items,
            )
        )
    _add_unread_message(sales)
    return sales


def _add_unread_message(sales: list[SandboxSale]) -> None:
    # One accepted item with a buyer question waiting, so getitemtodolist has two causes.
    for sale in reversed(sales):
        for item in sale.items:
            if item.status == "ACCEPTED" and not item.todo_causes:
                item.todo_causes = ("UNREAD_MESSAGE_FROM_BUYER",)
                return
