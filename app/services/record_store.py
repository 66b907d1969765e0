"""The one seam that stores annotation records as rows.

Pipeline output and the curated seed both come through here, so entities are
matched across articles the same way whatever their source. Nothing here
commits: the caller owns the transaction (``Database.write``), so an article and
all its annotations are stored together or not at all. Rows an article has many
of (mentions, quotes, evidence) go in as one multi-row insert each, so storing a
large article costs a few statements, not one per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date
from typing import Any

from sqlalchemy import exists, insert, or_, true
from sqlmodel import Session, col, select

from app.domain.articles import ArticleFields, content_hash
from app.domain.keys import country_key
from app.domain.records import (
    Annotations,
    EntityRecord,
    GovernmentRecord,
    QuoteRecord,
    Span,
    check_span,
)
from app.models import (
    Article,
    Entity,
    EntityAlias,
    Government,
    GovernmentClaim,
    GovernmentEvidence,
    GovernmentTerm,
    Mention,
    Quote,
)
from app.nlp.names import is_surname_only, name_key, surname_key
from app.services import claims, lineage
from app.services.merges import add_aliases


def find_article(session: Session, title: str, body: str) -> Article | None:
    """The stored article with exactly this title and body, if any."""
    return session.exec(
        select(Article).where(col(Article.content_hash) == content_hash(title, body))
    ).first()


def check_annotations(body: str, annotations: Annotations) -> None:
    """Raise ``ValueError`` unless every span of ``annotations`` matches ``body``."""
    spans: list[Span] = [m for e in annotations.entities for m in e.mentions]
    for quote in annotations.quotes:
        spans.append(quote.span)
        spans.extend(s for s in (quote.speaker_mention, quote.cue) if s is not None)
        spans.extend(quote.fragments)
    spans.extend(s for g in annotations.governments for s in g.evidence)
    for government in annotations.governments:
        for tenure in government.tenures:
            spans.extend(s for s in (tenure.evidence, tenure.began, tenure.ended) if s)
    for span in spans:
        check_span(body, span)


def store_article(session: Session, fields: ArticleFields, annotations: Annotations) -> Article:
    """Add an article and its annotations to the session (flushed, not committed)."""
    check_annotations(fields.body, annotations)
    article = Article(
        title=fields.title,
        body=fields.body,
        content_hash=content_hash(fields.title, fields.body),
        source_url=fields.source_url,
        publisher=fields.publisher,
        published_at=fields.published_at,
        language=fields.language,
    )
    session.add(article)
    session.flush()
    assert article.id is not None
    store_annotations(session, article.id, annotations)
    return article


def quote_text(quote: QuoteRecord) -> str:
    """The quoted words without marks: an interrupted statement's fragments joined by a space."""
    if len(quote.fragments) > 1:
        return " ".join(fragment.text for fragment in quote.fragments)
    return quote.span.text


def store_annotations(session: Session, article_id: int, annotations: Annotations) -> None:
    """Add an article's entities, mentions, quotes and governments to the session."""
    source = annotations.source
    entity_ids: dict[str, int] = {}
    mentions: list[dict[str, Any]] = []
    taken: set[tuple[int, int]] = set()
    for record in annotations.entities:
        entity_ids[record.key] = resolve_entity(session, record)
        for span in record.mentions:
            if (span.start, span.end) in taken:
                continue
            taken.add((span.start, span.end))
            mentions.append(
                {
                    "article_id": article_id,
                    "entity_id": entity_ids[record.key],
                    "start": span.start,
                    "end": span.end,
                    "text": span.text,
                    "source": source,
                    "confidence": record.confidence,
                }
            )
    quotes: list[dict[str, Any]] = []
    quoted: set[tuple[int, int]] = set()
    for quote in annotations.quotes:
        if (quote.span.start, quote.span.end) in quoted:
            continue
        quoted.add((quote.span.start, quote.span.end))
        quotes.append(_quote_row(article_id, quote, entity_ids, source))
    session.flush()
    insert_many(session, Mention, mentions)
    insert_many(session, Quote, quotes)
    if annotations.governments:
        article = session.get(Article, article_id)
        published = published_day(article.published_at if article else None)
        records = {record.key: record for record in annotations.entities}
        for government in annotations.governments:
            # Each refreshed at once: the next description may resolve to it by its leader.
            stored = store_government(
                session, article_id, government, entity_ids, source, published, records
            )
            claims.refresh(session, [stored])
    session.flush()


def published_day(published_at: Any) -> date | None:
    """The UTC day an article was published, the day its claims are dated by."""
    if published_at is None:
        return None
    if published_at.tzinfo is not None:
        published_at = published_at.astimezone(UTC)
    day: date = published_at.date()
    return day


def insert_many(session: Session, table: type[Any], rows: list[dict[str, Any]]) -> None:
    """Rows in as few statements as the engine allows, ids in the list's order.

    PostgreSQL: one ``COPY``, so its statement triggers (which keep the totals) run
    once for all the rows, and no statement text is built and parsed for them (for a
    many-row ``INSERT`` the driver's parsing of its placeholders cost more than the
    server's work). SQLite: multi-row ``INSERT … VALUES`` of up to 1,000 rows each,
    which ``RETURNING`` makes SQLAlchemy batch ("insertmanyvalues").
    """
    if not rows:
        return
    if session.get_bind().dialect.name == "postgresql":
        _copy_rows(session, table, rows)
    else:
        session.execute(insert(table).returning(table.id), rows).all()


def _copy_rows(session: Session, table: type[Any], rows: list[dict[str, Any]]) -> None:
    """``rows`` (all with the same keys) as one PostgreSQL ``COPY`` in the session's
    transaction, each value bound as an ``INSERT`` binds it (a JSON ``None`` is ``null``)."""
    session.flush()  # what the session holds goes first, as before any statement
    connection = session.connection()
    dialect, quote = connection.dialect, connection.dialect.identifier_preparer.quote
    names = list(rows[0])
    columns = [table.__table__.c[name] for name in names]
    binds = [column.type.dialect_impl(dialect).bind_processor(dialect) for column in columns]
    dumps = [(name, bind or _as_is) for name, bind in zip(names, binds, strict=True)]
    statement = f"COPY {quote(table.__table__.name)} ({', '.join(map(quote, names))}) FROM STDIN"
    driver = connection.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([dump(row[name]) for name, dump in dumps])


def _as_is(value: Any) -> Any:
    return value


def _quote_row(
    article_id: int, quote: QuoteRecord, entity_ids: dict[str, int], source: str
) -> dict[str, Any]:
    mention, cue = quote.speaker_mention, quote.cue
    return {
        "article_id": article_id,
        "start": quote.span.start,
        "end": quote.span.end,
        "text": quote_text(quote),
        "kind": quote.kind,
        "speaker_id": entity_ids.get(quote.speaker_key) if quote.speaker_key else None,
        "speaker_mention_start": mention.start if mention else None,
        "speaker_mention_end": mention.end if mention else None,
        "speaker_mention_text": mention.text if mention else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "cue_text": cue.text if cue else None,
        "fragments": [{"start": f.start, "end": f.end, "text": f.text} for f in quote.fragments]
        or None,
        "source": source,
        "confidence": quote.confidence,
    }


def _name_forms(record: EntityRecord) -> list[str]:
    return [record.name, *(alias for alias in record.aliases if alias != record.name)]


def _entities_with(
    session: Session, entity_type: str, *, full_key: str | None = None, surname: str | None = None
) -> list[Entity]:
    """Stored entities of a type whose name or an alias has this full key or surname key."""
    entity_key, alias_key = (
        (col(Entity.name_key), col(EntityAlias.alias_key))
        if full_key is not None
        else (col(Entity.surname_key), col(EntityAlias.surname_key))
    )
    key = full_key if full_key is not None else surname
    by_alias = select(col(EntityAlias.entity_id)).where(alias_key == key)
    return list(
        session.exec(
            select(Entity)
            .where(col(Entity.type) == entity_type)
            .where(or_(entity_key == key, col(Entity.id).in_(by_alias)))
            .order_by(col(Entity.id))
        )
    )


def resolve_entity(session: Session, record: EntityRecord) -> int:
    """The id of the stored entity ``record`` names, created if there is none.

    Full names match full names through their transliteration-folded keys
    (Khalifa Hifter = Khalifa Haftar). A surname matches only when exactly one
    stored entity carries it, and a full name joins an entity known only by its
    surname under the same condition, so "Ali Haftar" never joins "Khalifa Haftar".
    """
    existing = session.exec(
        select(Entity).where(col(Entity.type) == record.type, col(Entity.name) == record.name)
    ).first()
    forms = _name_forms(record)
    if existing is None:
        for form in forms:
            if not is_surname_only(form, record.type):
                found = _entities_with(session, record.type, full_key=name_key(form, record.type))
                if found:
                    existing = found[0]
                    break
    surname = surname_key(record.name, record.type)
    if existing is None and surname is not None:
        found = _entities_with(session, record.type, surname=surname)
        bare = is_surname_only(record.name, record.type)
        if len(found) == 1 and (bare or is_surname_only(found[0].name, record.type)):
            existing = found[0]
    if existing is None:
        existing = Entity(
            name=record.name,
            type=record.type,
            name_key=name_key(record.name, record.type),
            surname_key=surname,
        )
        session.add(existing)
        session.flush()
    assert existing.id is not None
    add_aliases(session, existing, forms)
    return existing.id


def named_entity(session: Session, name: str, entity_type: str, aliases: Sequence[str] = ()) -> int:
    """The id of the entity of exactly this type and name, created if absent; ``aliases`` added.

    How annotations stored "as given" (an export read back) find their entities: no
    spelling is folded, so an entity comes back exactly as it was exported.
    """
    existing = session.exec(
        select(Entity).where(col(Entity.type) == entity_type, col(Entity.name) == name)
    ).first()
    if existing is None:
        existing = Entity(
            name=name,
            type=entity_type,
            name_key=name_key(name, entity_type),
            surname_key=surname_key(name, entity_type),
        )
        session.add(existing)
        session.flush()
    assert existing.id is not None
    add_aliases(session, existing, aliases)
    return existing.id


def _led_by(person: int, *, current: bool | None) -> Any:
    """Governments a claim not rejected says ``person`` leads (``current``) or led."""
    claim = exists().where(
        col(GovernmentClaim.government_id) == col(Government.id),
        col(GovernmentClaim.kind) == "leader",
        col(GovernmentClaim.entity_id) == person,
        col(GovernmentClaim.review) != "rejected",
    )
    return claim.where(col(GovernmentClaim.current)) if current else claim


def resolve_government(
    session: Session,
    record: GovernmentRecord,
    leader_id: int | None,
    seat_id: int | None,
    predecessors: Sequence[int] = (),
    legislature_id: int | None = None,
    start: date | None = None,
) -> Government | None:
    """The stored government ``record`` describes: same name, short name, a leader any
    claim gives it, one its former leaders led ("X replaced Y"), or one it continues by
    its seat or legislature with no overlap of leaders (``lineage``; ``start`` is the
    day the record's leader starts).

    Countries must agree where both are known; a record without one matches any. A
    president's record is never guessed to be the country's one government: where
    governments are rivals it is often the other side's ("Ahmad Sami, elected provisional
    prime minister … areas no longer controlled by President X"), and a president shares
    the government of a prime minister only when the text says so.
    """
    in_country = (
        or_(
            col(Government.country_key) == country_key(record.country),
            col(Government.country_key).is_(None),
        )
        if record.country is not None
        else true()
    )
    clauses = [col(Government.name) == record.name]
    if record.short_name:
        clauses.append(col(Government.short_name) == record.short_name)
    if leader_id is not None:
        clauses.append(_led_by(leader_id, current=True))
    # "Dbeibah replaced Serraj": the government its former leaders led.
    clauses.extend(_led_by(person, current=None) for person in predecessors)
    if seat_id is not None and leader_id is None:
        clauses.append(col(Government.seat_id) == seat_id)  # "the Tripoli-based government"
    for clause in clauses:
        # A government of the record's own country before one whose country is unknown.
        found = session.exec(
            select(Government)
            .where(in_country, clause)
            .order_by(col(Government.country_key).is_(None), col(Government.id))
        ).first()
        if found is not None:
            return found
    continued = lineage.continued_government(
        session,
        record,
        leader_id=leader_id,
        seat_id=seat_id if leader_id is not None else None,
        legislature_id=legislature_id,
        start=start,
    )
    if continued is not None:
        return continued
    president = "president" in (record.leader_title or "").lower()
    if not record.named and record.country is not None and not president:
        # Known only by its leader ("Ishiba's cabinet"): the country's government, if the
        # country has just one with a leader (where rival governments are stored, only what
        # names one picks it).
        ours = session.exec(
            select(Government)
            .where(
                col(Government.country_key) == country_key(record.country),
                exists().where(col(GovernmentTerm.government_id) == col(Government.id)),
            )
            .limit(2)
        ).all()
        if len(ours) == 1:
            return ours[0]
    return None


def store_government(
    session: Session,
    article_id: int,
    record: GovernmentRecord,
    entity_ids: dict[str, int],
    source: str,
    published: date | None = None,
    records: dict[str, EntityRecord] | None = None,
) -> int:
    """Add a government, or this article's claims about the stored one; its id.

    The facts the government shows are recomputed from its claims by the caller
    (``claims.refresh``), once for all the article's governments.
    """

    def entity_id(key: str | None) -> int | None:
        return entity_ids.get(key) if key else None

    leader_id, seat_id = entity_id(record.leader_key), entity_id(record.seat_key)
    legislature_id = entity_id(record.legislature_key)
    former = [p for t in record.tenures if not t.current if (p := entity_id(t.person_key))]
    start = lineage.leader_start(record, published)

    def resolve(leader: int | None) -> Government | None:
        return resolve_government(
            session, record, leader, seat_id, former, legislature_id=legislature_id, start=start
        )

    if leader_id is not None:
        # "Abdul Hamid Dbeibeh" first seen here, "Abdulhamid Dbeibeh" a known head of
        # government of the same country: one person, if the record is known only by
        # this leader or names a government they lead.
        known = lineage.known_leader_spelled_otherwise(session, record, leader_id, article_id)
        named = resolve(None) if known is not None and record.named else None
        if known is not None and (
            not record.named or (named is not None and lineage.leads(session, known, named.id or 0))
        ):
            lineage.join_spelling(session, leader_id, known, entity_ids)
            leader_id = known
    government = resolve(leader_id)
    if government is None:
        government = Government(
            name=record.name, country=record.country, source=source, confidence=record.confidence
        )
        session.add(government)
    # Facts already known stay; the new article fills the gaps. A country is not
    # filled in where another government already has this name in that country:
    # the two would become one name twice (they stay apart until a curator merges).
    if government.country is None and record.country is not None:
        twin = session.exec(
            select(Government.id).where(
                col(Government.name) == government.name,
                col(Government.country) == record.country,
            )
        ).first()
        if twin is None or twin == government.id:
            government.country = record.country
    government.country_key = country_key(government.country) if government.country else None
    government.short_name = government.short_name or record.short_name
    government.region = government.region or record.region
    session.flush()
    assert government.id is not None
    # Two descriptions in one article may turn out to be one stored government: its
    # evidence from this article is stored once.
    stated = {
        (row.start, row.end)
        for row in session.execute(
            select(col(GovernmentEvidence.start), col(GovernmentEvidence.end)).where(
                col(GovernmentEvidence.government_id) == government.id,
                col(GovernmentEvidence.article_id) == article_id,
            )
        )
    }
    given = records or {}
    claims.add_record_claims(
        session,
        government_id=government.id,
        article_id=article_id,
        record=record,
        entities={key: (value, given.get(key)) for key, value in entity_ids.items()},
        source=source,
        published=published,
    )
    insert_many(
        session,
        GovernmentEvidence,
        [
            {
                "government_id": government.id,
                "article_id": article_id,
                "start": span.start,
                "end": span.end,
                "text": span.text,
                "source": source,
            }
            for span in dict.fromkeys(record.evidence)
            if (span.start, span.end) not in stated
        ],
    )
    return government.id
