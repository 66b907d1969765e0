"""The history of writes: every change recorded with who, when, before and after.

``record`` is called inside the write's own transaction, so a change and its
record are stored together or not at all. Lists are newest first.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sqlmodel import Session, col, select

from app.core.pagination import Paged, PageParams, map_page, paginate
from app.models import Change
from app.schemas import ChangePublic
from app.services.articles import require_article

#: Actors that are not API keys.
SEED = "seed"
INGEST = "ingest"


def snapshot(model: BaseModel | None) -> dict[str, Any] | None:
    """A resource as the history keeps it: its public JSON."""
    return model.model_dump(mode="json") if model is not None else None


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    resource: str,
    resource_id: int | None,
    article_id: int | None,
    before: BaseModel | dict[str, Any] | None = None,
    after: BaseModel | dict[str, Any] | None = None,
) -> None:
    """Add one change to the session (committed with the write it describes)."""
    session.add(
        Change(
            actor=actor,
            action=action,
            resource=resource,
            resource_id=resource_id,
            article_id=article_id,
            before=before if isinstance(before, dict) or before is None else snapshot(before),
            after=after if isinstance(after, dict) or after is None else snapshot(after),
        )
    )


def _public(rows: list[Any]) -> list[ChangePublic]:
    return [ChangePublic.model_validate(row.Change, from_attributes=True) for row in rows]


def list_history(
    *, session: Session, page: PageParams, article_id: int | None = None, require: bool = True
) -> Paged[ChangePublic]:
    """Every recorded change, or one article's, newest first.

    ``require``: 404 for an article that does not exist (the article's own
    history); the global list filters by any id, a deleted article's included.
    """
    statement = select(Change)
    if article_id is not None:
        if require:
            require_article(session=session, article_id=article_id)
        statement = statement.where(col(Change.article_id) == article_id)
    paged = paginate(
        session,
        statement,
        order_by=[col(Change.id)],
        key=lambda row: (row.Change.id,),
        page=page,
        newest_first=True,
    )
    return map_page(paged, _public)
