"""Every error rakuten_assist raises, as one tree.

::

    RakutenAssistError
    ├── ConfigError (ValueError)                  bad settings, caught before any request
    │   ├── LoginIsEmailError                     an e-mail where the account name belongs
    │   ├── InvalidLoginError                     characters an account name never has
    │   ├── InvalidBaseURLError                   no scheme or host, or plain http to a remote host
    │   ├── MissingCredentialsError               no login or no token at all
    │   ├── InvalidTokenError                     a token that cannot be right
    │   └── JournalError                          the local shipment journal cannot be written
    ├── InvalidFilterError (ValueError)           filter_orders given a value that never matches
    ├── APIError                                  anything that went wrong talking to Rakuten
    │   ├── APIConnectionError                    DNS, refused, reset
    │   │   ├── APITimeoutError                   no answer in time
    │   │   ├── APICertificateError               TLS certificate refused: never retried
    │   │   └── APIProxyError                     a proxy refusing for good: never retried
    │   ├── AuthenticationError                   InvalidUserConnection: "Unknown user or password."
    │   ├── RightsError                           InvalidUserRights that is not the quota
    │   ├── QuotaExceededError                    "Quota exceeded.": hourly, do not retry now
    │   ├── ParameterError                        ParameterError: a bad itemid, a missing parameter
    │   │   └── ItemStatusError                   the item is not in a state that allows this
    │   ├── ServerError                           5xx or ServerError responses
    │   ├── ResponseParseError                    not the XML we expect (HTML proxy page, truncated)
    │   │   └── ResponseTooLargeError             a body above the size bound, stopped unread
    │   ├── PaginationError                       nexttoken goes round in a circle or never ends
    │   └── PartialFetchError                     page k failed: keeps pages 1..k-1 + resume token
    ├── RegistryError                             carriers.json is invalid (names the entry)
    ├── CarrierError
    │   ├── UnknownCarrierError (LookupError)     a name we do not know; carries the closest ones
    │   │   └── AmbiguousCarrierError             a name several carriers share; carries them all
    │   ├── NoTrackingPageError                   a known carrier with no public per-number page
    │   ├── TrackingNumberError (ValueError)      a number that cannot belong to the carrier
    │   └── MissingCarrierInputError (ValueError) a required extra input (postcode...) is missing
    ├── ShipmentRefusedError                      pre-flight found reasons Rakuten would refuse
    └── CatalogError (ValueError)                 a catalogue file we cannot use, with the fix

``FetchInterrupted`` (a ``KeyboardInterrupt``, not an error) carries what a fetch had read
when the user pressed Ctrl-C, and where to resume.

Every error carries a human ``fix`` next to its message; front ends show both. No error ever
holds the API token: URLs are redacted before they reach a message (see ``redact``).
"""

from __future__ import annotations

from rakuten_assist.errors._api import (
    APICertificateError,
    APIConnectionError,
    APIError,
    APIProxyError,
    APITimeoutError,
    AuthenticationError,
    FetchInterrupted,
    ItemStatusError,
    PaginationError,
    ParameterError,
    PartialFetchError,
    QuotaExceededError,
    ResponseParseError,
    ResponseTooLargeError,
    RightsError,
    ServerError,
)
from rakuten_assist.errors._base import (
    RakutenAssistError,
    cause_of,
    fix_of,
    os_reason,
    render_message,
)
from rakuten_assist.errors._local import (
    AmbiguousCarrierError,
    CarrierError,
    CatalogError,
    ConfigError,
    InvalidBaseURLError,
    InvalidFilterError,
    InvalidLoginError,
    InvalidTokenError,
    JournalError,
    LoginIsEmailError,
    MissingCarrierInputError,
    MissingCredentialsError,
    NoTrackingPageError,
    RegistryError,
    ShipmentRefusedError,
    TrackingNumberError,
    UnknownCarrierError,
)

__all__ = [
    "APICertificateError",
    "APIConnectionError",
    "APIError",
    "APIProxyError",
    "APITimeoutError",
    "AmbiguousCarrierError",
    "AuthenticationError",
    "CarrierError",
    "CatalogError",
    "ConfigError",
    "FetchInterrupted",
    "InvalidBaseURLError",
    "InvalidFilterError",
    "InvalidLoginError",
    "InvalidTokenError",
    "ItemStatusError",
    "JournalError",
    "LoginIsEmailError",
    "MissingCarrierInputError",
    "MissingCredentialsError",
    "NoTrackingPageError",
    "PaginationError",
    "ParameterError",
    "PartialFetchError",
    "QuotaExceededError",
    "RakutenAssistError",
    "RegistryError",
    "ResponseParseError",
    "ResponseTooLargeError",
    "RightsError",
    "ServerError",
    "ShipmentRefusedError",
    "TrackingNumberError",
    "UnknownCarrierError",
    "cause_of",
    "fix_of",
    "os_reason",
    "render_message",
]

# Shown under their public path in tracebacks and reprs, wherever they are defined.
for _name in __all__:
    _value = globals()[_name]
    if isinstance(_value, type):
        _value.__module__ = __name__
del _name, _value
