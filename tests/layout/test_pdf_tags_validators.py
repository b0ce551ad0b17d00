"""The tagged PDF against outside PDF/UA-1 checkers, each skipped when it is not installed.

- veraPDF (the reference PDF/UA-1 validator; a Java program, not on PyPI, Debian or npm): run
  when a `verapdf` command is on the PATH.
- pdfua (PyPI, pikepdf-based; checks 16 of the 106 machine-checkable PDF/UA-1 rules, so a pass is
  no conformance claim): run when it can be imported.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from easyread.layout.pdf import render_pdf
from tests.layout.test_pdf_tags import parking_letter


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("validators")
    document = parking_letter(folder)
    render_pdf(document, folder / "tagged.pdf")
    render_pdf(document, folder / "untagged.pdf", tagged=False)
    return folder / "tagged.pdf", folder / "untagged.pdf"


@pytest.mark.skipif(shutil.which("verapdf") is None, reason="veraPDF is not installed (no `verapdf` on the PATH)")
def test_verapdf_finds_the_tagged_pdf_pdf_ua_1_compliant(pdfs):
    tagged, untagged = pdfs

    def compliant(path) -> bool:  # type: ignore[no-untyped-def]
        report = subprocess.run(["verapdf", "--flavour", "ua1", "--format", "mrr", str(path)],
                                capture_output=True, text=True, timeout=300)
        assert "isCompliant=" in report.stdout, report.stderr
        return 'isCompliant="true"' in report.stdout

    assert compliant(tagged)
    assert not compliant(untagged)


def test_pdfua_checker_finds_nothing_in_the_tagged_pdf(pdfs):
    pdfua = pytest.importorskip("pdfua", reason="the pdfua checker is not installed")
    tagged, untagged = pdfs
    report = pdfua.validate(str(tagged))
    assert [(f.rule_id, f.message) for f in report.findings] == []
    assert [outcome for outcome in report.outcomes if outcome.skipped] == []
    assert {f.rule_id for f in pdfua.validate(str(untagged)).findings} >= {"UA-01-005", "UA-01-002"}
