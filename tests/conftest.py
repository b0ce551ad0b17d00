"""Shared fixtures: the seed documents, a CLI runner, and PDF text helpers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_SUFFIXES = (".docx", ".md", ".txt", ".pdf")


def seed_files() -> list[Path]:
    """The seed documents, never our own outputs: the README's first command writes
    seeds/council-tax-letter.easyread.pdf, and the tests must pass whatever outputs lie there."""
    from easyread.outputs import is_output_name

    return sorted(p for p in SEEDS.iterdir()
                  if p.suffix in SEED_SUFFIXES and p.name != "README.md" and not is_output_name(p.name))


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages_text(path: Path) -> list[str]:
    """The text of each page, lines joined; a web address broken after "/" is joined back up."""
    from pypdf import PdfReader

    from easyread.language.facts import rejoin_wrapped_lines

    return [normalise(rejoin_wrapped_lines(page.extract_text() or "")) for page in PdfReader(path).pages]


@pytest.fixture
def runner():
    from typer.testing import CliRunner

    return CliRunner()
