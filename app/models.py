"""Table models: the storage schema (changed only through Alembic revisions).

Map of the tables::

    article ─┬─< mention >── entity ──< entity_alias
             ├─< quote ── speaker ──> entity
             ├─< government_evidence >── government ──> entity (leader, seat, legislature)
             │                            ├─< government_backer >── entity
             └─< government_claim >───────┤   (every fact an article or curator gives, dated)
                                          └─< government_term >── entity (leaders over time)

``government_claim`` is the record of what was said; the government's own fact columns
and its ``government_term`` rows are computed from the claims after every write that
touches them (``app.services.claims``).

Every annotation row carries ``source`` (``curated`` or ``pipeline``) and an
optional ``confidence``, so later curation can replace pipeline rows without
touching curated ones. Deleting an article deletes its annotations (``ON DELETE
CASCADE``, enabled on SQLite by ``PRAGMA foreign_keys=ON``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    Index,
    Integer,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel

from app.domain.vocabulary import CLAIM_KINDS, QUOTE_KINDS, REVIEWS, SOURCES

#: Explicit constraint names, so migrations are stable on every engine.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION

SOURCE_CHECK = f"source IN ({', '.join(repr(source) for source in SOURCES)})"
CONFIDENCE_CHECK = "confidence IS NULL OR (confidence >= 0 AND confidence <= 1)"
SPAN_CHECK = 'start >= 0 AND "end" > start'


#: Ids and the columns that refer to them are 64-bit, as the API accepts (up to 2**63 - 1):
#: BIGINT on PostgreSQL; on SQLite "INTEGER PRIMARY KEY" is already 64-bit, and only that
#: spelling makes the column the rowid that AUTOINCREMENT works on.
BIG_ID = BigInteger().with_variant(Integer(), "sqlite")

#: Ids are never reused, even after a delete: SQLite needs AUTOINCREMENT for that
#: (PostgreSQL's sequences never go back).
AUTOINCREMENT = {"sqlite_autoincrement": True}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Article(SQLModel, table=True):
    """A news article, stored exactly as posted; ``content_hash`` makes re-posting idempotent."""

    __table_args__ = (UniqueConstraint("content_hash"), AUTOINCREMENT)

    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    title: str = Field(sa_type=Text)
    body: str = Field(sa_type=Text)
    content_hash: str = Field(max_length=64)
    source_url: str | None = Field(default=None, sa_type=Text)
    publisher: str | None = Field(default=None, max_length=500)
    published_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    language: str = Field(default="en", max_length=35)
    created_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))


class Entity(SQLModel, table=True):
    """One real-world thing, across articles.

    ``name_key`` and ``surname_key`` are its name folded for matching across
    spellings (``app.nlp.names``): al-Serraj = al-Sarraj.
    """

    __table_args__ = (UniqueConstraint("type", "name"), AUTOINCREMENT)

    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    name: str = Field(max_length=500, index=True)
    type: str = Field(max_length=20, index=True)
    name_key: str = Field(max_length=500, index=True)
    surname_key: str | None = Field(default=None, max_length=200, index=True)
    #: How many mentions, and in how many articles: kept by triggers on ``mention`` in the
    #: transaction of every write, so lists never count a popular entity's mentions.
    mention_count: int = Field(default=0, sa_type=BigInteger)
    article_count: int = Field(default=0, sa_type=BigInteger)
    created_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))


class EntityAlias(SQLModel, table=True):
    """Another surface form of an entity's name ("Gen.Haftar", "GNC")."""

    __tablename__ = "entity_alias"
    __table_args__ = (UniqueConstraint("entity_id", "alias"), AUTOINCREMENT)

    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    entity_id: int = Field(sa_type=BIG_ID, foreign_key="entity.id", ondelete="CASCADE", index=True)
    alias: str = Field(max_length=500)
    alias_key: str = Field(max_length=500, index=True)
    surname_key: str | None = Field(default=None, max_length=200, index=True)


class Mention(SQLModel, table=True):
    """A span of an article's body that names an entity."""

    __table_args__ = (
        UniqueConstraint("article_id", "start", "end"),
        # An entity's articles, in order, straight from the index (no scan of its mentions).
        Index("ix_mention_entity_id_article_id", "entity_id", "article_id"),
        CheckConstraint(SPAN_CHECK, name="span"),
        CheckConstraint(SOURCE_CHECK, name="source"),
        CheckConstraint(CONFIDENCE_CHECK, name="confidence"),
        AUTOINCREMENT,
    )

    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    article_id: int = Field(
        sa_type=BIG_ID, foreign_key="article.id", ondelete="CASCADE", index=True
    )
    entity_id: int = Field(sa_type=BIG_ID, foreign_key="entity.id", ondelete="CASCADE")
    start: int
    end: int
    text: str = Field(sa_type=Text)
    source: str = Field(max_length=10)
    confidence: float | None = None


class Quote(SQLModel, table=True):
    """A quotation in an article: its words (without marks), speaker and cue."""

    __table_args__ = (
        UniqueConstraint("article_id", "start", "end"),
        Index("ix_quote_article_id_start", "article_id", "start"),
        CheckConstraint(SPAN_CHECK, name="span"),
        CheckConstraint(f"kind IN ({', '.join(repr(kind) for kind in QUOTE_KINDS)})", name="kind"),
        CheckConstraint(SOURCE_CHECK, name="source"),
        CheckConstraint(CONFIDENCE_CHECK, name="confidence"),
        AUTOINCREMENT,
    )

    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    article_id: int = Field(sa_type=BIG_ID, foreign_key="article.id", ondelete="CASCADE")
    start: int
    end: int
    text: str = Field(sa_type=Text)
    kind: str = Field(max_length=10, index=True)
    speaker_id: int | None = Field(
        sa_type=BIG_ID, default=None, foreign_key="entity.id", ondelete="SET NULL", index=True
    )
    speaker_mention_start: int | None = None
    speaker_mention_end: int | None = None
    speaker_mention_text: str | None = Field(default=None, sa_type=Text)
    cue_start: int | None = None
    cue_end: int | None = None
    cue_text: str | None = Field(default=None, sa_type=Text)
    #: ``[{"start", "end", "text"}, ...]``, each run of quoted words when the
    #: attribution interrupts the statement; null for a quote in one piece.
    fragments: list[dict[str, int | str]] | None = Field(default=None, sa_type=JSON)
    source: str = Field(max_length=10)
    confidence: float | None = None


class Government(SQLModel, table=True):
    """A government, across articles; facts from new articles merge into it."""

    __table_args__ = (
        UniqueConstraint("name", "country"),
        CheckConstraint(SOURCE_CHECK, name="source"),
        CheckConstraint(CONFIDENCE_CHECK, name="confidence"),
        AUTOINCREMENT,
    )

    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    name: str = Field(max_length=500)
    short_name: str | None = Field(default=None, max_length=100)
    country: str | None = Field(default=None, max_length=200, index=True)
    #: ``country`` folded (``app.domain.keys.country_key``), for case-free matching.
    country_key: str | None = Field(default=None, max_length=200, index=True)
    leader_id: int | None = Field(
        sa_type=BIG_ID, default=None, foreign_key="entity.id", ondelete="SET NULL", index=True
    )
    leader_title: str | None = Field(default=None, max_length=200)
    seat_id: int | None = Field(
        sa_type=BIG_ID, default=None, foreign_key="entity.id", ondelete="SET NULL"
    )
    legislature_id: int | None = Field(
        sa_type=BIG_ID, default=None, foreign_key="entity.id", ondelete="SET NULL"
    )
    region: str | None = Field(default=None, max_length=200)
    source: str = Field(max_length=10)
    confidence: float | None = None
    #: Evidence spans from every article, kept by triggers (as ``Entity.mention_count``).
    evidence_count: int = Field(default=0, sa_type=BigInteger)
    #: The day the claims last said ``leader`` led it (null: no claim is dated).
    leader_as_of: date | None = Field(default=None, sa_type=Date)
    created_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))


class GovernmentBacker(SQLModel, table=True):
    """An entity that backs a government ("UN-backed")."""

    __tablename__ = "government_backer"

    government_id: int = Field(
        sa_type=BIG_ID, foreign_key="government.id", ondelete="CASCADE", primary_key=True
    )
    entity_id: int = Field(
        sa_type=BIG_ID, foreign_key="entity.id", ondelete="CASCADE", primary_key=True, index=True
    )


class GovernmentEvidence(SQLModel, table=True):
    """A span of an article that states facts about a government."""

    __tablename__ = "government_evidence"
    __table_args__ = (
        UniqueConstraint("government_id", "article_id", "start", "end"),
        # A government's evidence in the order it was recorded, a range of the index.
        Index("ix_government_evidence_government_id_id", "government_id", "id"),
        CheckConstraint(SPAN_CHECK, name="span"),
        CheckConstraint(SOURCE_CHECK, name="source"),
        AUTOINCREMENT,
    )

    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    government_id: int = Field(sa_type=BIG_ID, foreign_key="government.id", ondelete="CASCADE")
    article_id: int = Field(
        sa_type=BIG_ID, foreign_key="article.id", ondelete="CASCADE", index=True
    )
    start: int
    end: int
    text: str = Field(sa_type=Text)
    source: str = Field(max_length=10)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


class GovernmentClaim(SQLModel, table=True):
    """One fact about a government as one article (or one curator) gives it, and when.

    ``kind`` says which fact: ``leader``, ``seat``, ``legislature`` and ``backer`` name
    an entity, ``leader_title`` is words (``value``, with the leader it titles in
    ``entity_id``). ``current`` is false when the text says the fact no longer holds
    ("former prime minister Y"). ``valid_from``/``valid_to`` are the days the text itself
    gives ("sworn in on 5 April"), ``date_text`` its words; ``observed_at`` is the day the
    article was published (a curator's claim: the day of the curation). A claim is never
    overwritten: curators confirm or reject it (``review``).
    """

    __tablename__ = "government_claim"
    __table_args__ = (
        # A government's claims of one kind in recorded order, one range of the index.
        Index("ix_government_claim_government_id_kind_id", "government_id", "kind", "id"),
        CheckConstraint(_in("kind", CLAIM_KINDS), name="kind"),
        CheckConstraint(_in("review", REVIEWS), name="review"),
        CheckConstraint(SOURCE_CHECK, name="source"),
        CheckConstraint(CONFIDENCE_CHECK, name="confidence"),
        CheckConstraint('start IS NULL OR (start >= 0 AND "end" > start)', name="span"),
        AUTOINCREMENT,
    )

    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    government_id: int = Field(sa_type=BIG_ID, foreign_key="government.id", ondelete="CASCADE")
    article_id: int | None = Field(
        default=None, sa_type=BIG_ID, foreign_key="article.id", ondelete="CASCADE", index=True
    )
    kind: str = Field(max_length=20)
    entity_id: int | None = Field(
        default=None, sa_type=BIG_ID, foreign_key="entity.id", ondelete="CASCADE", index=True
    )
    value: str | None = Field(default=None, max_length=200)
    current: bool = True
    valid_from: date | None = Field(default=None, sa_type=Date)
    valid_to: date | None = Field(default=None, sa_type=Date)
    date_text: str | None = Field(default=None, max_length=200)
    observed_at: date | None = Field(default=None, sa_type=Date)
    start: int | None = None
    end: int | None = None
    text: str | None = Field(default=None, sa_type=Text)
    source: str = Field(max_length=10)
    confidence: float | None = None
    review: str = Field(default="unreviewed", max_length=12)
    created_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))


class GovernmentTerm(SQLModel, table=True):
    """One leader's time at the head of a government, as the claims date it (a person who
    led it twice, with an end between, has two).

    Computed from the claims (``app.services.claims``) whenever they change, so a
    government's timeline and "who led it on day D" are index reads on every engine.
    ``start``/``end`` are null when no claim dates them (``end`` null: no claim says the
    term ended); ``start_basis``/``end_basis`` say which claims gave them.
    """

    __tablename__ = "government_term"
    __table_args__ = (
        Index("ix_government_term_government_id_start", "government_id", "start"),
        Index("ix_government_term_start_end", "start", "end"),
        AUTOINCREMENT,
    )

    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    government_id: int = Field(sa_type=BIG_ID, foreign_key="government.id", ondelete="CASCADE")
    leader_id: int = Field(sa_type=BIG_ID, foreign_key="entity.id", ondelete="CASCADE", index=True)
    start: date | None = Field(default=None, sa_type=Date)
    end: date | None = Field(default=None, sa_type=Date)
    start_basis: str | None = Field(default=None, max_length=12)
    end_basis: str | None = Field(default=None, max_length=12)
    #: The last day a claim said they led it.
    last_seen: date | None = Field(default=None, sa_type=Date)
    claim_count: int = Field(default=0, sa_type=BigInteger)
    support: float = 0.0


class DataVersion(SQLModel, table=True):
    """One row counting committed write transactions; cached reads compare against it."""

    __tablename__ = "data_version"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: int = Field(default=1, primary_key=True)
    version: int = Field(sa_type=BigInteger)


class Change(SQLModel, table=True):
    """One recorded write: who made it, when, and the resource before and after.

    Kept when the article or entity it concerns is deleted or merged away (no
    foreign keys), so the history of a merged entity still reads whole.
    """

    __table_args__ = (
        Index("ix_change_article_id_id", "article_id", "id"),
        AUTOINCREMENT,
    )

    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))
    actor: str = Field(max_length=200)
    action: str = Field(max_length=20)
    resource: str = Field(max_length=20)
    resource_id: int | None = Field(default=None, sa_type=BIG_ID)
    article_id: int | None = Field(default=None, sa_type=BIG_ID)
    before: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    after: dict[str, Any] | None = Field(default=None, sa_type=JSON)


class SuppressedAnnotation(SQLModel, table=True):
    """A pipeline annotation a curator deleted or changed: re-annotation must not bring it back."""

    __tablename__ = "suppressed_annotation"
    __table_args__ = (UniqueConstraint("article_id", "kind", "start", "end"),)

    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    article_id: int = Field(
        sa_type=BIG_ID, foreign_key="article.id", ondelete="CASCADE", index=True
    )
    kind: str = Field(max_length=20)
    start: int
    end: int


class EntityRedirect(SQLModel, table=True):
    """An entity merged into another: its id answers 308 to the survivor's."""

    __tablename__ = "entity_redirect"

    merged_id: int = Field(sa_type=BIG_ID, primary_key=True)
    survivor_id: int = Field(
        sa_type=BIG_ID, foreign_key="entity.id", ondelete="CASCADE", index=True
    )
