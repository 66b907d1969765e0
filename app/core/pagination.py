"""The one place a list is paged: keyset pagination behind a cursor.

A cursor holds the sort key of the last item served, so following
``next_cursor`` visits every item once in a stable order, even while items
are added, and each page costs one indexed query however deep it is. Clients
treat it as opaque; it is the key's numbers joined by dots ("41" or "301.7"),
a shape the OpenAPI document states exactly (``cursor_pattern``), so any cursor
the schema accepts is one the list can follow.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import BigInteger, Select, func, literal, select, tuple_, union_all
from sqlalchemy.sql.elements import SQLCoreOperations
from sqlmodel import Session

from app.domain.errors import FieldProblem, InvalidInputError

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
#: Digits per key value: 18 keeps every value below 2**63, what the database stores.
_DIGITS = 18

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PageParams:
    limit: int
    cursor: str | None


@dataclass(frozen=True, slots=True)
class Paged(Generic[T]):
    """One page of items, each with its sort key, and whether more follow the last."""

    items: list[T]
    keys: list[tuple[int, ...]]
    has_more: bool


#: A SELECT of any columns (SQLAlchemy types them as a variadic tuple).
AnySelect = Select[*tuple[Any, ...]]


def cursor_pattern(*widths: int) -> str:
    """The regular expression every cursor of a list sorted by one of ``widths`` values
    matches (a search ranks first, so its list's cursor has one more value).

    The empty string matches too: an empty cursor is no cursor, the first page.
    """
    one = f"[0-9]{{1,{_DIGITS}}}"
    shapes = [r"\.".join([one] * width) for width in widths]
    return "^(?:" + "|".join(shapes) + ")?$"


def encode_cursor(key: Sequence[int]) -> str:
    return ".".join(str(value) for value in key)


def decode_cursor(cursor: str, width: int) -> tuple[int, ...]:
    """The sort key a cursor holds; ``InvalidInputError`` if it is not a cursor.

    A searchable list is ranked when searched, so its cursors hold a rank before
    the id: a cursor with one value fewer than the key reads its rank as 0, one
    with a value more drops it, and any cursor the schema accepts can be followed.
    """
    parts = cursor.split(".")
    if not all(part.isascii() and part.isdigit() and len(part) <= _DIGITS for part in parts):
        raise InvalidInputError(
            "The cursor is not valid for this list; use next_cursor as it was returned.",
            [FieldProblem(("query", "cursor"), "is not a cursor of this list")],
        )
    values = [int(part) for part in parts]
    if len(values) < width:
        values = [0] * (width - len(values)) + values
    return tuple(values[-width:])


def paginate(
    session: Session,
    statement: AnySelect,
    *,
    order_by: Sequence[SQLCoreOperations[Any]],
    key: Callable[[Any], tuple[int, ...]],
    page: PageParams,
    newest_first: bool = False,
) -> Paged[Any]:
    """One page of ``statement``'s rows ordered by ``order_by`` (a unique key).

    ``key`` gives a row's values of ``order_by``, in order; ``newest_first``
    walks the key downwards instead.
    """
    if page.cursor is not None:
        after = decode_cursor(page.cursor, len(order_by))
        # Bound as 64-bit values: a cursor may hold any number the schema allows, and
        # PostgreSQL would refuse one past a 32-bit column's range instead of comparing.
        values = tuple_(*[literal(value, BigInteger()) for value in after])
        keyset = tuple_(*order_by)
        statement = statement.where(keyset < values if newest_first else keyset > values)
    ordering = [column.desc() for column in order_by] if newest_first else list(order_by)
    rows = list(session.execute(statement.order_by(*ordering).limit(page.limit + 1)))
    has_more = len(rows) > page.limit
    rows = rows[: page.limit]
    return Paged(items=rows, keys=[key(row) for row in rows], has_more=has_more)


def paginate_tiers(
    session: Session,
    tiers: Sequence[tuple[AnySelect, SQLCoreOperations[Any]]],
    page: PageParams,
    *,
    by_window: bool = False,
) -> Paged[tuple[int, ...]]:
    """One page of ids over ranked, disjoint ``tiers``: all of rank 0 by id, then rank 1…

    Each tier is a SELECT of ids and the id column to order it by. In one statement,
    each tier is read from the cursor's id on, ordered by id and cut at a page: one
    index range each, never a sort of every match. ``by_window`` is for an index that
    finds matches in no order (PostgreSQL's GIN): each tier is read a window of ids
    at a time instead (``_ids_by_window``). The keys are ``(rank, id)``, or ``(id,)``
    for one tier (a list that is not ranked).
    """
    rank, after = decode_cursor(page.cursor, 2) if page.cursor else (0, 0)
    if by_window:
        found: list[tuple[int, int]] = []
        for tier in range(rank, len(tiers)):
            statement, id_column = tiers[tier]
            window_ids = _ids_by_window(
                session,
                statement,
                id_column,
                after=after if tier == rank else 0,
                need=page.limit + 1 - len(found),
            )
            found += [(tier, i) for i in window_ids]
            if len(found) > page.limit:
                break
        return _tier_page(found, ranked=len(tiers) > 1, limit=page.limit)
    parts = []
    for tier in range(rank, len(tiers)):
        statement, id_column = tiers[tier]
        start = literal(after if tier == rank else 0, BigInteger())
        ids = statement.where(id_column > start).order_by(id_column).limit(page.limit + 1)
        inner = ids.subquery()
        parts.append(select(literal(tier).label("rank"), inner.c[0].label("id")))
    if not parts:
        return Paged(items=[], keys=[], has_more=False)
    ranked = union_all(*parts).subquery() if len(parts) > 1 else parts[0].subquery()
    order = [ranked.c.rank, ranked.c.id]
    rows = session.execute(select(*order).order_by(*order).limit(page.limit + 1)).all()
    return _tier_page([(int(r), int(i)) for r, i in rows], ranked=len(tiers) > 1, limit=page.limit)


def _tier_page(found: list[tuple[int, int]], *, ranked: bool, limit: int) -> Paged[tuple[int, ...]]:
    keys: list[tuple[int, ...]] = [(r, i) if ranked else (i,) for r, i in found[: limit + 1]]
    return Paged(items=keys[:limit], keys=keys[:limit], has_more=len(keys) > limit)


#: Windows of ids a tier is read in before the last, which is the rest of the ids.
_WINDOWS = 3
#: How much wider the next window is when the last one held no match.
_WIDEN = 16
#: Slack on the width the matches seen so far ask for, so one more window usually fills.
_SLACK = 1.25


def _ids_by_window(
    session: Session,
    statement: AnySelect,
    id_column: SQLCoreOperations[Any],
    *,
    after: int,
    need: int,
) -> list[int]:
    """Up to ``need`` ids of ``statement`` above ``after``, in order, a window at a time.

    Each window ``(low, low + width]`` is one query for all its matches, which the
    database finds inside the window (a GIN bitmap ANDed with the id range, or the
    id range with the condition as a filter), so a page of a word found in half the
    corpus costs about a page, not every match. The first window is twice the rows
    wanted; the next is as wide as the matches per id seen so far ask for, or
    ``_WIDEN`` times wider after none. After ``_WINDOWS`` windows the last query is
    the rest of the ids: a word still short of a page by then is rare.

    No query has a LIMIT: with one, the planner may walk the ids in order testing
    each row, hoping to stop early, which for a rare word tests every row instead of
    looking at the index once.
    """
    found: list[int] = []
    low, width = after, 2 * need
    for bounded in [True] * _WINDOWS + [False]:
        window = statement.where(id_column > literal(low, BigInteger()))
        if bounded:
            window = window.where(id_column <= literal(low + width, BigInteger()))
        found += list(session.execute(window.order_by(id_column)).scalars())[: need - len(found)]
        if len(found) >= need:
            break
        low += width
        if found:  # as wide as the matches per id so far ask for
            width = max(1, math.ceil((need - len(found)) * (low - after) / len(found) * _SLACK))
        else:
            width *= _WIDEN
    return found


def load_page(
    session: Session,
    found: Paged[tuple[int, ...]],
    load: Callable[[Session, list[int]], dict[int, T]],
) -> Paged[T]:
    """The items of a page of keys ending in an id, each loaded by id (``load``), in the
    page's order; one deleted since the ids were read is left out."""
    items = load(session, [key[-1] for key in found.keys])
    kept = [key for key in found.keys if key[-1] in items]
    return Paged(items=[items[key[-1]] for key in kept], keys=kept, has_more=found.has_more)


def map_page(paged: Paged[Any], to_item: Callable[[list[Any]], list[T]]) -> Paged[T]:
    """The same page with its rows turned into public items (one per row, in order)."""
    items = to_item(paged.items)
    assert len(items) == len(paged.keys)
    return Paged(items=items, keys=paged.keys, has_more=paged.has_more)


def first_of_each(
    session: Session,
    table: type[Any],
    *,
    where: Sequence[Any],
    group: Any,
    order_by: Sequence[Any],
    limit: int,
) -> list[Any]:
    """The first ``limit`` rows of ``table`` in each ``group`` (by ``order_by``), in one query.

    Each row also carries ``total``: how many rows its group has in all. For lists a
    resource shows the start of (an entity's mentions, a government's evidence).
    """
    ranked = (
        select(
            table,
            func.row_number().over(partition_by=group, order_by=order_by).label("rank"),
            func.count().over(partition_by=group).label("total"),
        )
        .where(*where)
        .subquery()
    )
    order = [ranked.c[str(column.key)] for column in (group, *order_by)]
    return list(session.execute(select(*ranked.c).where(ranked.c.rank <= limit).order_by(*order)))
