"""The opening is a summary: it never stands in for a section in the fact checks or the ledger."""

from __future__ import annotations

from easyread.backends.document_plan import DocumentPlan
from easyread.fidelity import missing_by_block
from easyread.ledger import UNEXPLAINED
from easyread.model import Block, EasySection, HardWord, Item, Section, SourceDocument
from easyread.pipeline import simplify_document


class PlanningBackend:
    """A backend with a planning step whose section answers leave out the block `drop`."""

    name = "planning-test"

    def __init__(self, plan: DocumentPlan, drop: str = "") -> None:
        self.plan, self.drop, self.contexts = plan, drop, []

    def plan_document(self, source: SourceDocument) -> DocumentPlan:
        return self.plan

    def simplify(self, section: Section) -> EasySection:
        return self.simplify_all([section])[0]

    def simplify_all(self, sections: list[Section], context: DocumentPlan | None = None) -> list[EasySection]:
        self.contexts.append(context)
        return [EasySection(section.heading, [Item(block.text, "a picture", source=[block.location])
                                              for block in section.blocks if block.location != self.drop])
                for section in sections]


def source(tmp_path) -> SourceDocument:
    return SourceDocument(tmp_path / "pool.txt", "txt", "Swimming Pool Closure 2027", [
        Section("Closure", [Block("paragraph", "The pool shuts on 12/04/2027.", "line 3"),
                            Block("paragraph", "Phone 01632 960893 for refunds.", "line 4")], heading_location="line 2"),
    ], title_location="line 1")


PLAN = DocumentPlan(title="Our pool is closing in 2027",
                    opening=[Item("The pool shuts on Monday 12 April 2027.", "a closed pool", source=["line 3"]),
                             Item("Phone 01632 960893 for your money back.", "a phone", source=["line 4"])],
                    glossary=[HardWord("refund", "Money we give back to you.")])


def test_the_pipeline_passes_the_plan_as_context_and_keeps_title_and_opening(tmp_path):
    backend = PlanningBackend(PLAN)
    document = simplify_document(source(tmp_path), backend, prepared=True)
    assert backend.contexts == [PLAN]
    assert document.title == "Our pool is closing in 2027"
    assert [item.sentence for item in document.opening] == [item.sentence for item in PLAN.opening]
    assert missing_by_block(source(tmp_path), document) == []


def test_a_fact_only_in_the_opening_is_still_missing_from_its_section(tmp_path):
    document = simplify_document(source(tmp_path), PlanningBackend(PLAN, drop="line 4"), prepared=True)
    missing = missing_by_block(source(tmp_path), document)
    assert [(fact.text, fact.location) for fact in missing] == [("01632 960893", "line 4")]
    entry = next(entry for entry in document.ledger if entry.location == "line 4")
    assert entry.reason == UNEXPLAINED  # the opening naming it does not account for the block


def test_the_ledger_counts_section_items_only(tmp_path):
    document = simplify_document(source(tmp_path), PlanningBackend(PLAN), prepared=True)
    counts = {entry.location: entry.items for entry in document.ledger if entry.use == "items"}
    assert counts["line 3"] == 1  # its section item; the opening item that names it is not counted


def test_a_title_that_drops_the_year_is_a_missing_fact(tmp_path):
    plan = DocumentPlan(title="Our pool is closing", opening=PLAN.opening)
    document = simplify_document(source(tmp_path), PlanningBackend(plan), prepared=True)
    assert [(fact.text, fact.location) for fact in missing_by_block(source(tmp_path), document)] == [("2027", "line 1")]
