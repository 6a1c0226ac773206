"""Synthetic getcurrentsales documents of any size, shaped like the real service's answers."""

from __future__ import annotations

import random

_SALE = """  <sale>
   <purchaseid>{pid}</purchaseid>
   <purchasedate>{day:02d}/11/2026-{hour:02d}:{minute:02d}</purchasedate>
   <deliveryinformation>
    <shippingtype>{shipping}</shippingtype>
    <isfullrsl>N</isfullrsl>
    <purchasebuyerlogin><![CDATA[buyer{pid}]]></purchasebuyerlogin>
    <purchasebuyeremail>anon-{pid}@example.invalid</purchasebuyeremail>
    <deliveryaddress>
     <civility>Mme</civility>
     <lastname><![CDATA[Lef\xe8vre]]></lastname><firstname><![CDATA[H\xe9l\xe8ne]]></firstname>
     <address1><![CDATA[{num} rue de l'\xc9glise]]></address1><address2><![CDATA[]]></address2>
     <zipcode>{zipcode}</zipcode><city><![CDATA[{city}]]></city>
     <country><![CDATA[{country}]]></country><countryalpha2>{cc}</countryalpha2>
     <phonenumber1>0600000000</phonenumber1><phonenumber2></phonenumber2>
    </deliveryaddress>
    <billingaddress>
     <civility>Mme</civility>
     <lastname><![CDATA[Lef\xe8vre]]></lastname><firstname><![CDATA[H\xe9l\xe8ne]]></firstname>
     <address1><![CDATA[{num} rue de l'\xc9glise]]></address1><address2/>
     <zipcode>{zipcode}</zipcode><city><![CDATA[{city}]]></city>
     <country><![CDATA[{country}]]></country><countryalpha2>{cc}</countryalpha2>
     <phonenumber1>0600000000</phonenumber1><phonenumber2></phonenumber2>
    </billingaddress>
   </deliveryinformation>
   <items>
{items}   </items>
  </sale>
"""

_ITEM = """    <item>
     <sku><![CDATA[RK-{sku:05d}]]></sku>
     <advertid>{advert}</advertid>
     <advertpricelisted><amount>{price}</amount><currency>EUR</currency></advertpricelisted>
     <itemid>{iid}</itemid>
     <headline><![CDATA[Produit n\xb0{sku} \xe9dition limit\xe9e]]></headline>
     <itemstatus><![CDATA[ACCEPTED]]></itemstatus>
     <ispreorder>N</ispreorder><is_fulfilment>N</is_fulfilment>
     <isnego>N</isnego><negotiationcomment></negotiationcomment>
     <price><amount>{price}</amount><currency>EUR</currency></price>
     <isrsl>N</isrsl><isbn></isbn><ean>3700000000001</ean>
     <paymentstatus><![CDATA[INCOMING]]></paymentstatus>
     <sellerscore></sellerscore>
    </item>
"""

_PLACES = [
    ("75015", "PARIS", "France", "FX"),
    ("1000", "BRUXELLES", "Belgique", "BE"),
    ("10115", "BERLIN", "Allemagne", "DE"),
    ("28001", "MADRID", "Espagne", "ES"),
    ("00118", "ROMA", "Italie", "IT"),
    ("1201", "GEN\xc8VE", "Suisse", "CH"),
]


def current_sales_document(sales: int, *, seed: int = 7, next_token: str = "") -> bytes:
    """An ISO-8859-1 getcurrentsales answer with ``sales`` sales of 1 to 3 items each."""
    rng = random.Random(seed)
    parts = [
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        '<getcurrentsalesresult xmlns="http://pmcdn.priceminister.com/res/schema/getcurrentsales">\n'
        " <request><version>2017-08-07</version><user>myshop</user></request>\n"
        " <response>\n  <lastversion>2017-08-07</lastversion>\n"
        f"  <nexttoken>{next_token}</nexttoken>\n  <sellerid>12345678</sellerid>\n  <sales>\n"
    ]
    item_id = 260_300_000
    for n in range(sales):
        zipcode, city, country, cc = _PLACES[rng.randrange(len(_PLACES))]
        items = []
        for _ in range(rng.choice((1, 1, 2, 3))):
            item_id += 1
            items.append(
                _ITEM.format(
                    sku=rng.randrange(100_000),
                    advert=691_500_000 + n,
                    price=f"{rng.randrange(100, 20000) / 100:.2f}",
                    iid=item_id,
                )
            )
        parts.append(
            _SALE.format(
                pid=430_000_000 + n,
                day=1 + n % 27,
                hour=n % 24,
                minute=n % 60,
                shipping="Suivi",
                num=n % 120,
                zipcode=zipcode,
                city=city,
                country=country,
                cc=cc,
                items="".join(items),
            )
        )
    parts.append("  </sales>\n </response>\n</getcurrentsalesresult>\n")
    return "".join(parts).encode("iso-8859-1")
