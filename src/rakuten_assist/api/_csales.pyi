from collections.abc import Callable
from typing import Any

from lxml import etree

KINDS: tuple[int, ...]

def collect(
    root: etree._Element,
    containers: dict[str, tuple[int, str]],
    item_leaves: dict[str, str],
    address_leaves: dict[str, str],
    on_sale: Callable[[dict[str, Any]], object],
) -> None: ...
