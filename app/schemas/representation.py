"""A resource's representation: its JSON bytes and the entity tag that names them.

The read path tags what it serves with these, and writes that take ``If-Match``
compare against the same tag, so a client's ``ETag`` from a ``GET`` is exactly
what a ``PATCH`` expects.
"""

from __future__ import annotations

import hashlib

from pydantic import BaseModel


def json_bytes(model: BaseModel) -> bytes:
    """A public model as JSON bytes."""
    return model.__pydantic_serializer__.to_json(model)


def entity_tag(body: bytes) -> str:
    """A strong ETag for a response body."""
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def tag_of(model: BaseModel) -> str:
    """The ETag a ``GET`` of ``model`` answers with."""
    return entity_tag(json_bytes(model))
