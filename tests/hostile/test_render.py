"""Hostile plans for `easyread render`, one test per defect of issue 11: pictures from outside the
plan's folder, devices, FIFOs and pixel bombs; plans that made Python's json module fail; and the
rule that fonts and data come only from the package.

Every plan and picture is made in the test. Each refusal is one line naming the plan and the
field, exit 2, and a good plan given in the same command is still rendered.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from pathlib import Path

import pytest

from easyread.model import EasyReadDocument, EasySection, Item
from easyread.plan import plan_dict
from tests.hostile.conftest import assert_refused, run_easyread, snapshot

SECRET = b"PRIVATE-NOT-FOR-PUBLISHING"
TINY_PNG_SIDE = 4


def png(width: int, height: int, extra: bytes = b"") -> bytes:
    """An RGB PNG of `width` x `height` black pixels, compressed row by row (a 12000 x 12000 one is
    about 420 KB on disk and 432 MB once decoded). `extra` goes in a private chunk (to spot leaks)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    packer = zlib.compressobj(9)
    row = b"\x00" * (1 + 3 * width)
    body = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    private = chunk(b"prVt", extra) if extra else b""
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + private + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def write_plan(path: Path, picture_file: str | None = None, title_picture_file: str | None = None) -> Path:
    """A small valid plan at `path` whose second item's picture is `picture_file`."""
    document = EasyReadDocument(
        title="Your bin collection",
        source_name="bins.txt",
        sections=[EasySection("Bins", [
            Item("We collect your green bin on Monday.", "a green bin"),
            Item("Put your bin out by 7 in the morning.", "a clock", picture_file=picture_file),
        ])],
        title_picture_file=title_picture_file,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    data = plan_dict(document)
    data["sections"][0]["items"][1]["picture_file"] = picture_file  # exactly as given, not made relative
    data["title_picture_file"] = title_picture_file
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def good_plan(tmp_path: Path) -> Path:
    return write_plan(tmp_path / "good" / "good.json")


def render(tmp_path: Path, *plans: Path, formats: str = "pdf,docx,html", extra: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    return run_easyread("render", *plans, "--format", formats, "-o", out, *extra, timeout=120), out


def assert_good_rendered(out: Path, formats: str = "pdf,docx,html") -> None:
    for suffix in formats.split(","):
        assert (out / f"good.{suffix}").is_file(), sorted(p.name for p in out.iterdir()) if out.exists() else "no out"


def assert_nothing_for(out: Path, stem: str) -> None:
    assert not out.exists() or not [p for p in out.iterdir() if p.name.startswith(stem + ".")]


# -- 4. `render` reads whatever path a plan names as a picture --------------------------------------------------


@pytest.mark.parametrize("how", ["dot-dot", "absolute", "title"])
def test_a_picture_outside_the_plans_folder_is_refused_and_not_embedded(tmp_path, how):
    private = tmp_path / "home" / "private.png"
    private.parent.mkdir()
    private.write_bytes(png(TINY_PNG_SIDE, TINY_PNG_SIDE, SECRET))
    shared = tmp_path / "home" / "downloads" / "shared"
    value = {"dot-dot": "../../private.png", "absolute": str(private), "title": str(private)}[how]
    plan = (write_plan(shared / "plan.json", title_picture_file=value) if how == "title"
            else write_plan(shared / "plan.json", value))
    field = "title_picture_file" if how == "title" else "sections[0].items[1].picture_file"
    run, out = render(tmp_path, plan, good_plan(tmp_path))
    assert_refused(run, 2, f"{plan}: {field}: is outside the plan's folder")
    assert_nothing_for(out, "plan")
    assert_good_rendered(out)
    for written in out.iterdir():
        assert SECRET not in written.read_bytes(), written


def test_a_symlink_in_the_plans_folder_pointing_out_of_it_is_refused(tmp_path):
    private = tmp_path / "private.png"
    private.write_bytes(png(TINY_PNG_SIDE, TINY_PNG_SIDE, SECRET))
    plan = write_plan(tmp_path / "shared" / "plan.json", "clock.png")
    (plan.parent / "clock.png").symlink_to(private)
    run, out = render(tmp_path, plan, good_plan(tmp_path))
    assert_refused(run, 2, f"{plan}: sections[0].items[1].picture_file: is outside the plan's folder")
    assert_good_rendered(out)


def test_a_picture_in_a_folder_given_with_pictures_is_drawn(tmp_path):
    """The rule refuses only what the person rendering did not give: --pictures opens a folder."""
    pictures = tmp_path / "council-pictures"
    pictures.mkdir()
    (pictures / "clock.png").write_bytes(png(TINY_PNG_SIDE, TINY_PNG_SIDE, SECRET))
    plan = write_plan(tmp_path / "plans" / "plan.json", str(pictures / "clock.png"))
    run = run_easyread("render", plan, "--format", "html", "-o", tmp_path / "out", "--pictures", pictures)
    assert run.code == 0, run.stderr
    assert 'src="data:image/png;base64,' in (tmp_path / "out" / "plan.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_as_a_picture_is_refused_without_reading_it(tmp_path, device):
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    plan = write_plan(tmp_path / "plans" / "plan.json", device)
    run, out = render(tmp_path, plan, good_plan(tmp_path))
    assert_refused(run, 2, f"{plan}: sections[0].items[1].picture_file: is outside the plan's folder")
    assert run.max_rss_mb < 300, run.max_rss_mb
    assert_good_rendered(out)
    # Even in an allowed folder a device is not a regular file: the loader refuses it unread.
    from easyread.pictures.safe import PictureProblem, inspect_picture, safe_picture

    with pytest.raises(PictureProblem, match="is not a regular file"):
        inspect_picture(device)
    assert safe_picture(device) is None


def test_a_fifo_as_a_picture_is_refused_and_does_not_hang(tmp_path):
    plan = write_plan(tmp_path / "plans" / "plan.json", "clock.png")
    os.mkfifo(plan.parent / "clock.png")
    run, out = render(tmp_path, plan, good_plan(tmp_path))
    assert_refused(run, 2, f"{plan}: sections[0].items[1].picture_file: is not a regular file")
    assert_good_rendered(out)


def test_a_fifo_given_as_the_plan_does_not_hang(tmp_path):
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    run, out = render(tmp_path, fifo, good_plan(tmp_path))
    assert_refused(run, 2, f"{fifo}: is not a regular file")
    assert_good_rendered(out)


def test_an_svg_naming_another_file_is_refused(tmp_path):
    private = tmp_path / "private.png"
    private.write_bytes(png(TINY_PNG_SIDE, TINY_PNG_SIDE, SECRET))
    plan = write_plan(tmp_path / "shared" / "plan.json", "clock.svg")
    # The path written with character references: the check reads it as the renderers will.
    href = "".join(f"&#{ord(c)};" for c in str(private))
    (plan.parent / "clock.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
        f'<image xlink:href="{href}" width="10" height="10"/></svg>', encoding="utf-8")
    run, out = render(tmp_path, plan, good_plan(tmp_path))
    assert_refused(run, 2, f"{plan}: sections[0].items[1].picture_file: refers to another file")
    assert_good_rendered(out)


# -- 6. Costly small files: a 420 KB PNG of 12000 x 12000 pixels ----------------------------------------------


@pytest.mark.slow
def test_a_12000_pixel_png_in_a_plan_is_refused_before_it_is_decoded(tmp_path):
    plan = write_plan(tmp_path / "plans" / "plan.json", "clock.png")
    (plan.parent / "clock.png").write_bytes(png(12000, 12000))
    assert (plan.parent / "clock.png").stat().st_size < 600_000
    run, out = render(tmp_path, plan, good_plan(tmp_path), formats="pdf")
    assert_refused(run, 2, "sections[0].items[1].picture_file: is 12000 x 12000 pixels",
                   "the limit is 25 million pixels")
    assert run.max_rss_mb < 300, run.max_rss_mb  # it took 1.45 GB: 144 million pixels decoded
    assert_good_rendered(out, "pdf")


@pytest.mark.slow
def test_a_12000_pixel_png_in_a_pictures_folder_is_skipped_during_convert(tmp_path):
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    (pictures / "bin.png").write_bytes(png(12000, 12000))
    (pictures / "clock.png").write_bytes(png(TINY_PNG_SIDE, TINY_PNG_SIDE))
    source = tmp_path / "bins.txt"
    source.write_text("Bin day\n\nWe empty your bin every Monday. Put your bin out by 7 o'clock.\n", encoding="utf-8")
    run = run_easyread("convert", source, "-o", tmp_path / "out.pdf", "--pictures", pictures, timeout=90)
    assert run.code == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert any(line.startswith("warning: ") and "bin.png: is 12000 x 12000 pixels" in line
               for line in run.stderr.splitlines()), run.stderr
    assert run.max_rss_mb < 400, run.max_rss_mb
    assert (tmp_path / "out.pdf").is_file()


# -- 8. render tracebacks ----------------------------------------------------------------------------------------


def test_a_5001_digit_version_number_is_one_line(tmp_path):
    plan = write_plan(tmp_path / "plans" / "plan.json")
    text = plan.read_text(encoding="utf-8").replace('"version": 2', '"version": ' + "9" * 5001)
    plan.write_text(text, encoding="utf-8")
    run, out = render(tmp_path, plan, good_plan(tmp_path))
    assert_refused(run, 2, f"{plan}: version: is a number of 5001 digits")
    assert_good_rendered(out)


def test_json_nested_100000_deep_is_one_line_and_later_plans_still_render(tmp_path):
    plan = tmp_path / "plans" / "deep.json"
    plan.parent.mkdir()
    plan.write_text('{"format": "easyread-plan", "version": 2, "credits": ' + "[" * 100_000 + "]" * 100_000 + "}",
                    encoding="utf-8")
    run, out = render(tmp_path, plan, good_plan(tmp_path))
    assert_refused(run, 2, f"{plan}: nests deeper than 64 levels", "the limit is 64 levels")
    assert_good_rendered(out)


def test_a_lone_surrogate_in_a_sentence_is_one_line(tmp_path):
    plan = write_plan(tmp_path / "plans" / "plan.json")
    text = plan.read_text(encoding="utf-8").replace("on Monday.", "on Monday \\ud800.")
    assert "\\ud800" in text
    plan.write_text(text, encoding="utf-8")
    before = snapshot(tmp_path / "plans")
    run, out = render(tmp_path, plan, good_plan(tmp_path))
    assert_refused(run, 2, f"{plan}: sections[0].items[0].sentence: holds a broken character (a lone surrogate, U+D800)")
    assert_nothing_for(out, "plan")
    assert_good_rendered(out)
    assert snapshot(tmp_path / "plans") == before


def test_a_plan_file_over_the_size_limit_is_refused_unread(tmp_path):
    from easyread.limits import MAX_PLAN_BYTES

    plan = tmp_path / "plans" / "huge.json"
    plan.parent.mkdir()
    with plan.open("wb") as handle:  # sparse: no disk used, and never read
        handle.truncate(MAX_PLAN_BYTES + 1)
    run, out = render(tmp_path, plan, good_plan(tmp_path))
    assert_refused(run, 2, f"{plan}: is {MAX_PLAN_BYTES + 1:,} bytes, too large for a plan (the limit is 50 MB)")
    assert run.max_rss_mb < 300, run.max_rss_mb
    assert_good_rendered(out)


# -- 2. "Fonts and data come only from the package" ---------------------------------------------------------------

_AUDIT = """
import runpy, sys
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes)):
        opened.append(args[0] if isinstance(args[0], str) else args[0].decode("utf-8", "replace"))
sys.addaudithook(hook)
sys.argv = ["easyread", *sys.argv[1:]]
try:
    runpy.run_module("easyread", run_name="__main__")
finally:
    with open({log!r}, "w", encoding="utf-8") as log:
        log.write("\\n".join(opened))
"""


def test_fonts_and_data_come_only_from_the_package(tmp_path):
    """Run render from a folder full of decoy fonts, word lists and settings: every file opened must
    be the plan, the package's own files (fonts from the font packages, data from easyread.data)
    or an output, never a decoy of the current folder, the plan's folder or the settings."""
    import subprocess
    import sys

    decoys = tmp_path / "cwd"
    for name in ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf", "Vera.ttf", "VeraBd.ttf",
                 "NotoSans[wdth,wght].ttf", "files/AtkinsonHyperlegible-Regular.ttf", "fonts/Vera.ttf",
                 "function_words.txt", "hard_words.tsv", "html.css", "data/easy_words.txt", "prices.toml"):
        (decoys / name).parent.mkdir(parents=True, exist_ok=True)
        (decoys / name).write_bytes(b"decoy")
    plan = write_plan(tmp_path / "plans" / "plan.json")
    (plan.parent / "html.css").write_text("body{}", encoding="utf-8")
    (plan.parent / "easyread.toml").write_text('font = "../cwd/Vera.ttf"\ndata = "../cwd"\n', encoding="utf-8")
    log = tmp_path / "opened.txt"
    out = tmp_path / "out"
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run([sys.executable, "-c", _AUDIT.format(log=str(log)), "render", str(plan), "--format",
                          "pdf,docx,html,md", "-o", str(out)], cwd=decoys, capture_output=True, text=True,
                         timeout=120, env={**os.environ, "PYTHONPATH": str(root)})
    assert run.returncode == 0, run.stderr
    opened = [Path(os.path.join(decoys, name)).resolve() for name in log.read_text(encoding="utf-8").splitlines()]
    fonts = [path for path in opened if path.suffix.lower() in (".ttf", ".otf")]
    assert fonts and all(decoys not in path.parents and tmp_path not in path.parents for path in fonts), fonts
    assert not [path for path in opened if decoys in path.parents], "opened a file of the current folder"
    from_plans = {path for path in opened if (tmp_path / "plans") in path.parents}
    assert from_plans <= {plan.resolve(), (plan.parent / "easyread.toml").resolve()}, from_plans
    ours = {path.name for path in (root / "easyread" / "data").iterdir()} | {"html.css"}
    data = [path for path in opened if path.name in ours and path != (plan.parent / "html.css").resolve()]
    assert data and all((root / "easyread") in path.parents for path in data), data
