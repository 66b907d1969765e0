"""An article's mentions and quotes as one list in text order, a page at a time.

The list the W3C ``AnnotationPage`` serves: each item keyed ``(start, kind, id)``
(kind 0 a mention, 1 a quote), so a mention and a quote at the same offset keep one
order. A page merges the next mentions and the next quotes, each read through its
own keyset list, and says how many items came before it (``startIndex``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import BigInteger, and_, false, func, literal, or_, true
from sqlmodel import Session, col, select

from app.core.pagination import PageParams, decode_cursor, encode_cursor
from app.exchange import w3c
from app.models import Mention, Quote
from app.schemas import ArticleMention, ArticlePublic, QuotePublic
from app.services.articles import get_article
from app.services.entities import list_article_mentions
from app.services.quotes import list_article_quotes

MENTION, QUOTE = 0, 1
#: Past any id: a cursor "after every item at this offset" (ids stay far below 10**18).
_PAST_EVERY_ID = 10**18 - 1

Key = tuple[int, int, int]
Annotation = ArticleMention | QuotePublic


@dataclass(frozen=True, slots=True)
class AnnotationSlice:
    """Up to ``limit`` annotations after the cursor, with what the page needs around them."""

    article: ArticlePublic
    items: list[tuple[Key, Annotation]]
    has_more: bool
    start_index: int
    total: int


def _cursors(after: Key | None) -> tuple[str | None, str | None]:
    """The cursors of the mention list and of the quote list that continue after ``after``."""
    if after is None:
        return None, None
    start, kind, last = after
    mentions = (start, last) if kind == MENTION else (start, _PAST_EVERY_ID)
    quotes = (start, 0) if kind == MENTION else (start, last if kind == QUOTE else _PAST_EVERY_ID)
    return encode_cursor(mentions), encode_cursor(quotes)


def annotation_slice(*, session: Session, article_id: int, page: PageParams) -> AnnotationSlice:
    """The next ``page.limit`` mentions and quotes of an article, in text order."""
    article = get_article(session=session, article_id=article_id)
    after: Key | None = None
    if page.cursor:
        start, kind, last = decode_cursor(page.cursor, 3)
        after = (start, kind, last)
    mention_cursor, quote_cursor = _cursors(after)
    mentions = list_article_mentions(
        session=session, article_id=article_id, page=PageParams(page.limit, mention_cursor)
    )
    quotes = list_article_quotes(
        session=session, article_id=article_id, page=PageParams(page.limit, quote_cursor)
    )
    merged: list[tuple[Key, Annotation]] = sorted(
        [((m.start, MENTION, m.id), m) for m in mentions.items]
        + [((q.start, QUOTE, q.id), q) for q in quotes.items],
        key=lambda pair: pair[0],
    )
    return AnnotationSlice(
        article=article,
        items=merged[: page.limit],
        has_more=len(merged) > page.limit or mentions.has_more or quotes.has_more,
        start_index=_served_through(session, article_id, after),
        total=article.counts.mentions + article.counts.quotes,
    )


def _served_through(session: Session, article_id: int, after: Key | None) -> int:
    """How many annotations sort at or before ``after``: the pages before this one served them."""
    if after is None:
        return 0
    start, last = (literal(value, BigInteger()) for value in (after[0], after[2]))
    served = 0
    for table, own in ((Mention, MENTION), (Quote, QUOTE)):
        kind = after[1]
        same = true() if own < kind else (col(table.id) <= last if own == kind else false())
        served += session.execute(
            select(func.count()).where(
                col(table.article_id) == article_id,
                or_(col(table.start) < start, and_(col(table.start) == start, same)),
            )
        ).scalar_one()
    return served


def w3c_page(
    *,
    session: Session,
    article_id: int,
    page: PageParams,
    links: w3c.Links,
    page_id: str,
    max_bytes: int,
) -> bytes:
    """The W3C ``AnnotationPage`` (JSON-LD bytes) of the annotations ``page`` selects.

    ``page_id`` is this page's own URL; ``next`` and the collection's ``first`` keep
    the request's ``limit``. The page ends early rather than pass ``max_bytes``.
    """
    found = annotation_slice(session=session, article_id=article_id, page=page)
    body = found.article.body
    collection = f"{links.article(article_id)}/annotations"
    items = [
        (
            key,
            w3c.mention_annotation(annotation, body, links)
            if isinstance(annotation, ArticleMention)
            else w3c.quote_annotation(annotation, body, links),
        )
        for key, annotation in found.items
    ]
    return w3c.annotation_page(
        page_id=page_id,
        collection={
            "id": collection,
            "type": "AnnotationCollection",
            "label": f"Mentions and quotes of article {article_id}",
            "total": found.total,
            "first": f"{collection}?limit={page.limit}",
        },
        start_index=found.start_index,
        items=items,
        has_more=found.has_more,
        next_page=lambda key: f"{collection}?limit={page.limit}&cursor={encode_cursor(key)}",
        max_bytes=max_bytes,
    )
