"""A batch never writes over a file easyread did not make, unless --force."""

from __future__ import annotations

from tests.hostile.conftest import run_easyread


def test_batch_keeps_a_persons_file_at_an_output_name_unless_forced(tmp_path):
    sources = tmp_path / "in"
    sources.mkdir()
    (sources / "notice.txt").write_text("The hall opens on Monday at 9am.\n\nBring your library card.\n")
    out = tmp_path / "out"
    out.mkdir()
    theirs = out / "notice.easyread.md"
    theirs.write_text("A colleague's own notes, not made by easyread.\n")

    refused = run_easyread("convert", sources, "-o", out, "--format", "md", "-q")
    assert refused.code == 1, refused.stderr
    assert "Traceback" not in refused.stderr
    assert "--force" in refused.stdout + refused.stderr
    assert theirs.read_text() == "A colleague's own notes, not made by easyread.\n"

    forced = run_easyread("convert", sources, "-o", out, "--format", "md", "-q", "--force")
    assert forced.code == 0, forced.stderr
    assert "Monday" in theirs.read_text()
