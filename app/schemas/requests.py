"""Request bodies: what clients send to write, validated as the contract says."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.domain.articles import MAX_BODY_CHARACTERS, ArticleFields, check_body_length
from app.schemas.text import NonBlankText, PlainText, UTCDateTime


class ArticleCreate(BaseModel):
    """An article to store and annotate; title and body are kept character for character."""

    model_config = ConfigDict(extra="forbid")

    title: Annotated[NonBlankText, Field(max_length=2000)]
    body: Annotated[
        NonBlankText,
        Field(
            description=f"At most {MAX_BODY_CHARACTERS:,} characters; longer gets 413.",
            json_schema_extra={"maxLength": MAX_BODY_CHARACTERS},
        ),
    ]
    source_url: Annotated[PlainText, Field(max_length=2000)] | None = None
    publisher: Annotated[PlainText, Field(max_length=500)] | None = None
    published_at: UTCDateTime | None = None
    language: Annotated[
        str,
        StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", max_length=35),
        Field(description="BCP 47 tag; only English ('en', 'en-GB'...) is annotated."),
    ] = "en"

    def to_fields(self) -> ArticleFields:
        """The article as the domain has it; ``TooLargeError`` past the body limit."""
        check_body_length(self.body)
        return ArticleFields(
            title=self.title,
            body=self.body,
            source_url=self.source_url,
            publisher=self.publisher,
            published_at=self.published_at,
            language=self.language,
        )
