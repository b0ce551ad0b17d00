"""Get a source document ready to simplify: letter furniture and repeats set aside, with reasons.

Convert and `check --source` both call `prepare_source`, so they agree on what a reader needs.
"""

from __future__ import annotations

from easyread.duplicates import set_aside_duplicates
from easyread.letters import set_aside_letter_furniture
from easyread.model import SourceDocument


def prepare_source(source: SourceDocument) -> SourceDocument:
    """`source` with letter furniture and word-for-word repeats moved to `set_aside`. Running it
    again changes nothing."""
    return set_aside_duplicates(set_aside_letter_furniture(source))
