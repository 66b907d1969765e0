"""The contract's rules for text and times, as pydantic types and JSON Schema patterns.

The patterns are stated in the OpenAPI document, and the validators enforce exactly
them (with clearer messages), so a request the schema accepts is never refused.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field


def _as_utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything stored is UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


UTCDateTime = Annotated[datetime, AfterValidator(_as_utc)]

#: Control characters other than tab, line feed and carriage return, as regex escapes
#: that Python's ``re`` and JSON Schema's ECMA-262 patterns read alike.
_CONTROL = r"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
_FORBIDDEN_CHARACTERS = re.compile(rf"[{_CONTROL}\ud800-\udfff]")  # and lone surrogates
#: Whitespace as ECMA-262's ``\s`` has it, spelt out so that the validator below and
#: the pattern the OpenAPI document states agree on every string.
_WHITESPACE = r"\t\n\u000b\u000c\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_BLANK = re.compile(rf"[{_WHITESPACE}]*")
#: What the validators accept, as a JSON Schema pattern (ECMA-262 syntax).
PLAIN_TEXT_PATTERN = f"^[^{_CONTROL}]*$"
NON_BLANK_TEXT_PATTERN = f"^[^{_CONTROL}]*[^{_CONTROL}{_WHITESPACE}][^{_CONTROL}]*$"


def _plain_text(value: str) -> str:
    found = _FORBIDDEN_CHARACTERS.search(value)
    if found is not None:
        raise ValueError(
            f"contains the control character or lone surrogate U+{ord(found.group()):04X} "
            f"at offset {found.start()}"
        )
    return value


def _not_blank(value: str) -> str:
    if _BLANK.fullmatch(value):
        raise ValueError("must not be empty or only whitespace")
    return value


PlainText = Annotated[
    str, AfterValidator(_plain_text), Field(json_schema_extra={"pattern": PLAIN_TEXT_PATTERN})
]
NonBlankText = Annotated[
    str,
    AfterValidator(_not_blank),
    AfterValidator(_plain_text),
    Field(json_schema_extra={"pattern": NON_BLANK_TEXT_PATTERN, "minLength": 1}),
]


def _json_date_time(value: object) -> object:
    # Pydantic would read a number as a Unix time; the schema says a date-time string.
    if isinstance(value, str | datetime):
        return value
    raise ValueError("must be a date-time string (ISO 8601)")


def _json_integer(value: object) -> object:
    # JSON Schema's integers include 3.0 but not "3" or true; pydantic's lax mode differs.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be an integer")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("must be an integer")
        return int(value)
    return value


#: A date-time given as an ISO 8601 string, as in UTC from then on.
DateTimeIn = Annotated[datetime, BeforeValidator(_json_date_time), AfterValidator(_as_utc)]
#: An integer as JSON Schema has it (``3`` or ``3.0``; never ``"3"`` or ``true``).
IntegerIn = Annotated[int, BeforeValidator(_json_integer)]
