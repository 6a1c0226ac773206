"""The Rakuten France sales web service (sales_ws): client, open orders, response models."""

from rakuten_assist.api._retry import RetryPolicy
from rakuten_assist.api.client import (
    FRANCE_ISO_NUMERIC,
    VERSIONS,
    CurrentSalesPage,
    RakutenClient,
    shipping_file,
)
from rakuten_assist.api.orders import OpenOrders, fetch_open_orders, order_lines
from rakuten_assist.api.responses import (
    AcceptResult,
    BillingInformation,
    BillingLine,
    ItemInfos,
    ItemLog,
    ShippingInformation,
    TodoItem,
)

__all__ = [
    "FRANCE_ISO_NUMERIC",
    "VERSIONS",
    "AcceptResult",
    "BillingInformation",
    "BillingLine",
    "CurrentSalesPage",
    "ItemInfos",
    "ItemLog",
    "OpenOrders",
    "RakutenClient",
    "RetryPolicy",
    "ShippingInformation",
    "TodoItem",
    "fetch_open_orders",
    "order_lines",
    "shipping_file",
]
