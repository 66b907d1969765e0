"""Errors the domain and storage raise, free of HTTP: the HTTP layer maps each to a status.

Storage and the annotation runner raise these; ``app.api.errors`` answers them as
problem details (404, 413, 422, 503), and the command line prints them.
"""

from __future__ import annotations

from dataclasses import dataclass


class DomainError(Exception):
    """Something a caller asked for that cannot be done as asked; ``detail`` says why."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFoundError(DomainError):
    """The resource with this id does not exist (or no longer does)."""

    def __init__(self, resource: str, identifier: object) -> None:
        super().__init__(f"{resource} {identifier} does not exist.")
        self.resource = resource
        self.identifier = identifier


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One invalid field: where it is (``("query", "cursor")``) and what is wrong with it."""

    loc: tuple[str, ...]
    message: str
    type: str = "value_error"


class InvalidInputError(DomainError):
    """A field is well-formed but not acceptable (a cursor this list did not make)."""

    def __init__(self, detail: str, problems: list[FieldProblem]) -> None:
        super().__init__(detail)
        self.problems = problems


class TooLargeError(DomainError):
    """The input is over a documented size limit (an article body over 1,000,000 characters)."""


class BusyError(DomainError):
    """The service cannot take this work now; nothing was stored. Try again later."""

    def __init__(self, detail: str, retry_after_seconds: int) -> None:
        super().__init__(detail)
        self.retry_after_seconds = retry_after_seconds


class ConflictError(DomainError):
    """The write contradicts what is stored (a mention already at that span, a name taken)."""


class StaleError(DomainError):
    """The client edited a version of the resource that is no longer current (``If-Match``)."""


class MovedError(DomainError):
    """The resource was merged into another: the API answers 308 to the survivor."""

    def __init__(self, resource: str, identifier: int, to: int) -> None:
        super().__init__(f"{resource} {identifier} was merged into {resource.lower()} {to}.")
        self.resource = resource
        self.identifier = identifier
        self.to = to
