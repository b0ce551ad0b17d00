"""The seam every simplification backend plugs into: a section in, Easy Read items out."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from easyread.model import EasySection, Section


@runtime_checkable
class Backend(Protocol):
    """Turns one section of a source document into Easy Read.

    A backend must keep every fact of the section (numbers, dates, money, phones, emails, web
    addresses) and give every item a picture description. It never sees the rest of the pipeline.
    """

    name: str

    def simplify(self, section: Section) -> EasySection: ...


@runtime_checkable
class BatchBackend(Backend, Protocol):
    """A backend that can work on several sections at once (e.g. requests in flight), keeping their order."""

    def simplify_all(self, sections: list[Section]) -> list[EasySection]: ...
