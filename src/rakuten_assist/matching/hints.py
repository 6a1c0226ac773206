"""The catalogue-level findings of SKU matching, each in English and in French.

The English text is what ``match`` prints and what ``MatchResult.hints`` holds; the French one
(``MatchResult.hints_fr``) is what a French setup check shows, so onboarding staff on a French
call read which column is swapped, not only that something is.
"""

from __future__ import annotations

from typing import NamedTuple

MAPPING_FIX = "map the internal product id onto the SKU field in the feed's final step"
MAPPING_FIX_FR = "associez l'identifiant produit interne au champ SKU à la dernière étape du flux"


class Hint(NamedTuple):
    """One finding, with its fix, in both languages."""

    en: str
    fr: str


def swapped(column: str, key: str | None, items: int) -> Hint:
    """The orders' SKUs are the catalogue's ``column``, not its SKU column ``key``."""
    return Hint(
        f"The orders' SKUs match the catalogue's '{column}' column, not '{key}' "
        f"({items} item(s)): the mapping is swapped. Rakuten identifies products by SKU: "
        f"{MAPPING_FIX}.",
        f"Les SKU des commandes correspondent à la colonne « {column} » du catalogue, pas à "
        f"« {key} » ({items} article(s)) : la correspondance est inversée. Rakuten reconnaît "
        f"les produits par le SKU : {MAPPING_FIX_FR}.",
    )


def no_sku_column(key: str | None) -> Hint:
    """The catalogue has no SKU column; items were matched on ``key`` instead."""
    return Hint(
        f"The catalogue has no SKU column, so items were matched on '{key}'. Rakuten "
        f"identifies products by SKU: {MAPPING_FIX}.",
        f"Le catalogue n'a pas de colonne SKU : les articles ont été rapprochés sur « {key} ». "
        f"Rakuten reconnaît les produits par le SKU : {MAPPING_FIX_FR}.",
    )


def no_sku_exported(key: str | None) -> Hint:
    """The SKU column ``key`` is empty on every catalogue row."""
    return Hint(
        f"The catalogue's '{key}' column is empty on every row: the feed exports no SKU; "
        f"{MAPPING_FIX}.",
        f"La colonne « {key} » du catalogue est vide sur toutes les lignes : le flux n'exporte "
        f"aucun SKU ; {MAPPING_FIX_FR}.",
    )


def empty_keys(empty: int, total: int, key: str | None) -> Hint:
    """``empty`` of ``total`` catalogue rows have no value in ``key``."""
    return Hint(
        f"{empty} of {total} catalogue rows have an empty '{key}': those products cannot be "
        "matched to orders.",
        f"{empty} ligne(s) du catalogue sur {total} ont « {key} » vide : ces produits ne "
        "peuvent pas être rapprochés des commandes.",
    )


def offers_without_sku(items: int) -> Hint:
    """``items`` order items come from offers created without a SKU."""
    return Hint(
        f"{items} item(s) come from offers created without a SKU: fill the SKU field in the "
        f"feed ({MAPPING_FIX}) and update those offers on Rakuten.",
        f"{items} article(s) viennent d'annonces créées sans SKU : remplissez le champ SKU "
        f"dans le flux ({MAPPING_FIX_FR}) et mettez ces annonces à jour sur Rakuten.",
    )


def ambiguous(items: int) -> Hint:
    """``items`` order items have a SKU found on several catalogue rows."""
    return Hint(
        f"{items} item(s) have a SKU that stands on several catalogue rows: keep one row per SKU.",
        f"{items} article(s) ont un SKU présent sur plusieurs lignes du catalogue : gardez "
        "une seule ligne par SKU.",
    )


def lost_zeros(items: int) -> Hint:
    """``items`` order items point at SKUs a spreadsheet stripped of leading zeros."""
    return Hint(
        f"{items} item(s) point at catalogue SKUs that lost their leading zeros: a "
        "spreadsheet read them as numbers. Format the SKU column as text before exporting.",
        f"{items} article(s) renvoient à des SKU du catalogue qui ont perdu leurs zéros de "
        "tête : un tableur les a lus comme des nombres. Mettez la colonne SKU au format texte "
        "avant l'export.",
    )


def near(items: int) -> Hint:
    """``items`` order items match only up to case, spaces, separators, zeros or by EAN."""
    return Hint(
        f"{items} item(s) have a SKU that differs from the catalogue's only by case, spaces, "
        f"separators or leading zeros, or were found by EAN: use identical SKUs; "
        f"{MAPPING_FIX}.",
        f"{items} article(s) ont un SKU qui ne diffère de celui du catalogue que par la casse, "
        "des espaces, des séparateurs ou des zéros de tête, ou ont été trouvés par l'EAN : "
        f"utilisez des SKU identiques ; {MAPPING_FIX_FR}.",
    )
