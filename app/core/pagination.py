"""The one place a list is paged: keyset pagination behind an opaque cursor.

A cursor holds the sort key of the last item served, so following
``next_cursor`` visits every item once in a stable order, even while items
are added, and each page costs one indexed query however deep it is.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, tuple_
from sqlalchemy.sql.elements import SQLCoreOperations
from sqlmodel import Session

from app.core.errors import APIError

MAX_LIMIT = 500
DEFAULT_LIMIT = 50


@dataclass(frozen=True, slots=True)
class PageParams:
    limit: int
    cursor: str | None


#: A SELECT of any columns (SQLAlchemy types them as a variadic tuple).
AnySelect = Select[*tuple[Any, ...]]


def encode_cursor(key: Sequence[int]) -> str:
    raw = ".".join(str(value) for value in key).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, width: int) -> tuple[int, ...]:
    """The sort key a cursor holds; 422 if it is not one this list made."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        key = tuple(int(part) for part in raw.split("."))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        key = ()
    # Values outside a 64-bit integer would overflow the database driver.
    if len(key) != width or not all(0 <= value < 2**63 for value in key):
        raise APIError(
            422,
            "The cursor is not valid for this list; use next_cursor as it was returned.",
            errors=[
                {"loc": ["query", "cursor"], "message": "invalid cursor", "type": "value_error"}
            ],
        )
    return key


def paginate(
    session: Session,
    statement: AnySelect,
    *,
    order_by: Sequence[SQLCoreOperations[Any]],
    key: Callable[[Any], Sequence[int]],
    page: PageParams,
) -> tuple[list[Any], str | None]:
    """One page of ``statement`` ordered by ``order_by`` (a unique key), and the next cursor.

    ``key`` gives a row's values of ``order_by``, in order.
    """
    if page.cursor is not None:
        after = decode_cursor(page.cursor, len(order_by))
        statement = statement.where(tuple_(*order_by) > tuple_(*after))
    rows = list(session.execute(statement.order_by(*order_by).limit(page.limit + 1)))
    has_more = len(rows) > page.limit
    rows = rows[: page.limit]
    next_cursor = encode_cursor(key(rows[-1])) if has_more and rows else None
    return rows, next_cursor
