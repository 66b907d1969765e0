"""Reading quotes: one article's in text order, or all of them."""

from __future__ import annotations

from sqlalchemy import exists
from sqlmodel import Session, col, select

from app.core.pagination import (
    Paged,
    PageParams,
    load_page,
    map_page,
    paginate,
    paginate_tiers,
)
from app.domain.errors import NotFoundError
from app.models import Quote
from app.schemas import QuotePublic, SpanPublic
from app.services import search
from app.services.articles import require_article
from app.services.entities import entity_refs


def _span(start: int | None, end: int | None, text: str | None) -> SpanPublic | None:
    if start is None or end is None or text is None:
        return None
    return SpanPublic(start=start, end=end, text=text)


def _fragments(quote: Quote) -> list[SpanPublic]:
    """Each run of quoted words; a quote in one piece is its own one fragment."""
    if not quote.fragments:
        return [SpanPublic(start=quote.start, end=quote.end, text=quote.text)]
    return [SpanPublic.model_validate(fragment) for fragment in quote.fragments]


def _to_public(session: Session, quotes: list[Quote]) -> list[QuotePublic]:
    speakers = entity_refs(session, (quote.speaker_id for quote in quotes))
    return [
        QuotePublic(
            id=quote.id,
            article_id=quote.article_id,
            text=quote.text,
            start=quote.start,
            end=quote.end,
            kind=quote.kind,
            speaker=speakers.get(quote.speaker_id) if quote.speaker_id else None,
            speaker_mention=_span(
                quote.speaker_mention_start, quote.speaker_mention_end, quote.speaker_mention_text
            ),
            cue=_span(quote.cue_start, quote.cue_end, quote.cue_text),
            fragments=_fragments(quote),
            source=quote.source,
            confidence=quote.confidence,
        )
        for quote in quotes
        if quote.id is not None
    ]


def list_article_quotes(
    *,
    session: Session,
    article_id: int,
    page: PageParams,
    speaker_id: int | None = None,
    kind: str | None = None,
) -> Paged[QuotePublic]:
    """An article's quotes in text order."""
    require_article(session=session, article_id=article_id)
    statement = select(Quote).where(col(Quote.article_id) == article_id)
    if speaker_id is not None:
        statement = statement.where(col(Quote.speaker_id) == speaker_id)
    if kind is not None:
        statement = statement.where(col(Quote.kind) == kind)
    paged = paginate(
        session,
        statement,
        order_by=[col(Quote.start), col(Quote.id)],
        key=lambda row: (row.Quote.start, row.Quote.id),
        page=page,
    )
    return map_page(paged, lambda rows: _to_public(session, [row.Quote for row in rows]))


def list_quotes(
    *,
    session: Session,
    page: PageParams,
    speaker_id: int | None = None,
    article_id: int | None = None,
    kind: str | None = None,
    q: str | None = None,
) -> Paged[QuotePublic]:
    """All quotes, in the order they were stored; ``q`` searches their words (and stems)."""
    conditions = []
    if speaker_id is not None:
        conditions.append(col(Quote.speaker_id) == speaker_id)
    if article_id is not None:
        conditions.append(col(Quote.article_id) == article_id)
    if kind is not None:
        conditions.append(col(Quote.kind) == kind)
    terms = search.parse(q)
    if terms:
        tiers = search.quote_tiers(session, terms)
        if conditions:
            tiers = [
                (statement.where(exists().where(col(Quote.id) == quote_id, *conditions)), quote_id)
                for statement, quote_id in tiers
            ]
        return load_page(session, paginate_tiers(session, tiers, page), _by_id)
    paged = paginate(
        session,
        select(Quote).where(*conditions),
        order_by=[col(Quote.id)],
        key=lambda row: (row.Quote.id,),
        page=page,
    )
    return map_page(paged, lambda rows: _to_public(session, [row.Quote for row in rows]))


def _by_id(session: Session, ids: list[int]) -> dict[int, QuotePublic]:
    quotes = session.execute(select(Quote).where(col(Quote.id).in_(ids))).scalars()
    return {quote.id: quote for quote in _to_public(session, list(quotes))}


def get_quote(*, session: Session, quote_id: int) -> QuotePublic:
    quote = session.get(Quote, quote_id)
    if quote is None:
        raise NotFoundError("Quote", quote_id)
    return _to_public(session, [quote])[0]
