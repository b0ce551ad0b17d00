"""convert --format and --pictures, settings for both, and render: outputs rebuilt from an edited plan."""

from __future__ import annotations

import json

from easyread.cli import app
from tests.conftest import SEEDS, normalise, pdf_pages_text
from tests.pictures.images import needs_openmoji

LETTER = SEEDS / "bin-collection-changes.txt"


def test_several_formats_are_written_beside_each_other(runner, tmp_path):
    outcome = runner.invoke(app, ["convert", str(LETTER), "-o", str(tmp_path) + "/", "--format", "pdf,json", "-q"])
    assert outcome.exit_code == 0, outcome.stderr
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["bin-collection-changes.easyread.json", "bin-collection-changes.easyread.pdf"]
    assert outcome.stdout.split() == [str(tmp_path / name) for name in reversed(written)]  # in the order asked


def test_an_unknown_format_is_a_usage_error(runner, tmp_path):
    outcome = runner.invoke(app, ["convert", str(LETTER), "-o", str(tmp_path) + "/", "--format", "pdf,odt"])
    assert outcome.exit_code == 2
    assert "unknown output format 'odt'" in outcome.stderr and "Traceback" not in outcome.stderr
    assert list(tmp_path.iterdir()) == []


def test_formats_and_pictures_come_from_the_settings_file(runner, tmp_path):
    needs_openmoji()
    folder = tmp_path / "docs"
    folder.mkdir()
    source = folder / "bins.txt"
    source.write_text(LETTER.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "easyread.toml").write_text('format = ["json"]\npictures = "openmoji"\n', encoding="utf-8")
    outcome = runner.invoke(app, ["convert", str(source), "-q"])
    assert outcome.exit_code == 0, outcome.stderr
    plan = json.loads((folder / "bins.easyread.json").read_text(encoding="utf-8"))
    files = [item["picture_file"] for section in plan["sections"] for item in section["items"]]
    assert sum(1 for f in files if f and f.startswith("openmoji:") and f.endswith(".svg")) >= len(files) // 2
    assert any("OpenMoji" in line for line in plan["credits"])


def test_an_edited_plan_is_rendered_again_without_a_backend(runner, tmp_path, monkeypatch):
    runner.invoke(app, ["convert", str(LETTER), "-o", str(tmp_path) + "/", "--format", "json", "-q"])
    plan_path = tmp_path / "bin-collection-changes.easyread.json"
    plan = json.loads(plan_path.read_text(encoding="utf-8"))
    plan["sections"][0]["items"][0]["sentence"] = "A person checked this sentence on Friday."
    plan_path.write_text(json.dumps(plan), encoding="utf-8")

    def no_backend(*args, **kwargs):
        raise AssertionError("render must not use a backend")

    monkeypatch.setattr("easyread.backends.get_backend", no_backend)
    outcome = runner.invoke(app, ["render", str(plan_path), "--format", "pdf,json", "-o", str(tmp_path / "out")])
    assert outcome.exit_code == 0, outcome.stderr
    pages = pdf_pages_text(tmp_path / "out" / "bin-collection-changes.easyread.pdf")
    assert "A person checked this sentence on Friday." in normalise(" ".join(pages))
    again = json.loads((tmp_path / "out" / "bin-collection-changes.easyread.json").read_text(encoding="utf-8"))
    assert again == plan  # plan -> render -> plan: unchanged


def test_a_bad_plan_fails_alone_and_names_the_field(runner, tmp_path):
    runner.invoke(app, ["convert", str(LETTER), "-o", str(tmp_path) + "/", "--format", "json", "-q"])
    good = tmp_path / "bin-collection-changes.easyread.json"
    bad = tmp_path / "bad.json"
    data = json.loads(good.read_text(encoding="utf-8"))
    data["sections"][1]["items"][0]["sentence"] = ["not", "text"]
    bad.write_text(json.dumps(data), encoding="utf-8")
    outcome = runner.invoke(app, ["render", str(bad), str(good), "-o", str(tmp_path / "out")])
    assert outcome.exit_code == 2
    assert f"{bad}: sections[1].items[0].sentence: must be text" in outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert (tmp_path / "out" / "bin-collection-changes.easyread.pdf").is_file()  # the good plan is still rendered
    assert not (tmp_path / "out" / "bad.pdf").exists()


def test_a_batch_writes_every_format_and_the_manifest_lists_them(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(LETTER.read_text(encoding="utf-8"), encoding="utf-8")
    outcome = runner.invoke(app, ["convert", str(folder), "-o", str(tmp_path / "out"), "--format", "pdf,json", "-j", "1"])
    assert outcome.exit_code == 0, outcome.stderr
    manifest = json.loads((tmp_path / "out" / "easyread-manifest.json").read_text(encoding="utf-8"))
    records = {record["source"]: record for record in manifest["documents"]}
    assert records["a.txt"]["outputs"] == ["a.easyread.pdf", "a.easyread.json"]
    assert (tmp_path / "out" / "b.easyread.json").is_file()
    rerun = runner.invoke(app, ["convert", str(folder), "-o", str(tmp_path / "out"), "--format", "pdf,json", "-j", "1"])
    assert rerun.exit_code == 0 and "unchanged" in rerun.stderr + rerun.stdout


def test_openmoji_pictures_are_embedded_in_the_web_page_with_alt_text(runner, tmp_path):
    needs_openmoji()
    outcome = runner.invoke(app, ["convert", str(LETTER), "-o", str(tmp_path) + "/", "-f", "html,md",
                                  "--pictures", "openmoji", "-q"])
    assert outcome.exit_code == 0, outcome.stderr
    page = (tmp_path / "bin-collection-changes.easyread.html").read_text(encoding="utf-8")
    assert page.count('src="data:image/svg+xml;base64,') >= 3
    assert 'alt=""' not in page and "openmoji:" not in page
    markdown = (tmp_path / "bin-collection-changes.easyread.md").read_text(encoding="utf-8")
    assert "openmoji:" not in markdown and "(Picture: " in markdown  # no file a Markdown reader could follow
    assert "OpenMoji" in markdown  # the credit line


def test_every_format_puts_the_contact_details_last(runner, tmp_path):
    import docx

    # The cabinet notice gathers its sender's details on a "How to contact us" page (the bin notice
    # has its own "More information" section for them, so it needs none).
    notice = SEEDS / "cabinet-meeting-notice.txt"
    outcome = runner.invoke(app, ["convert", str(notice), "-o", str(tmp_path) + "/", "-f", "docx,md", "-q"])
    assert outcome.exit_code == 0, outcome.stderr
    word = docx.Document(str(tmp_path / "cabinet-meeting-notice.easyread.docx"))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[-1].startswith("How to contact us") and "Hard words" in headings[:-1]
    markdown = (tmp_path / "cabinet-meeting-notice.easyread.md").read_text(encoding="utf-8")
    sections = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert sections[-1] == "## How to contact us" and sections[-2] == "## Hard words"
