"""Whether a file is ours to write over: never an input of the same run, and an existing file
only when easyread made it (or the user said `--force`).

We know our own files by the mark each one carries, whatever its name now is:
- PDF: Creator "easyread"; Word: author "easyread"; Markdown: the comment on its first line
  (all three told by easyread.readers.own_output.carries_mark);
- HTML: `<meta name="generator" content="easyread">` in its head;
- the JSON plan: `"format": "easyread-plan"` as its first field;
- a `check` report written with `-o`: `REPORT_MARK`, put in by `mark_report` (a first line for
  text and github, a comment after the XML declaration for junit, `"made_by": "easyread check"`
  as the first field for json, and for sarif, whose log takes no field of ours, as the first
  field of the log's `properties` after `$schema` and `version`).
A file's name alone never makes it ours: a person may have saved their own `letter.easyread.pdf`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

from easyread.errors import OutputError, UsageError
from easyread.readers.own_output import carries_mark

REPORT_MAKER = "easyread check"
REPORT_MARK = f"made by {REPORT_MAKER}"
DEFAULT_NAME_MAX = 255  # bytes in one file name on Linux, macOS and Windows file systems (NAME_MAX)
_SNIFF_BYTES = 64 * 1024
_TEXT_MARKS = (  # the marks of the outputs own_output does not know: HTML, the plan, check reports
    re.compile(r'\s*<!doctype html>[^\0]*?<meta name="generator" content="easyread">[^\0]*?</head>', re.I),
    re.compile(r'\s*\{\s*"format"\s*:\s*"easyread-plan"'),
    re.compile(r'\s*\{\s*"made_by"\s*:\s*"' + re.escape(REPORT_MAKER) + '"'),
    re.compile(r"<\?xml[^>]*\?>\s*<!-- " + re.escape(REPORT_MARK) + " -->"),
    re.compile("# " + re.escape(REPORT_MARK) + r"\n"),
    re.compile(r'\s*\{\s*"\$schema"\s*:\s*"[^"\\]*"\s*,\s*"version"\s*:\s*"2\.1\.0"\s*,\s*"properties"\s*:\s*'
               r'\{\s*"made_by"\s*:\s*"' + re.escape(REPORT_MAKER) + '"'),
)


def made_by_easyread(path: Path) -> bool:
    """Whether the file at `path` is a regular file carrying one of our marks (see the module).

    Never raises, and never opens anything but a regular file (a FIFO or a device is not ours).
    """
    path = Path(path)
    try:
        if not path.is_file():
            return False
        if carries_mark(path):  # PDF, Word, Markdown
            return True
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    text = head.decode("utf-8", "replace").removeprefix("\ufeff")
    return any(mark.match(text) for mark in _TEXT_MARKS)


def check_targets(targets: Iterable[Path], inputs: Iterable[Path], *, force: bool,
                  role: str = "the document being converted") -> None:
    """Refuse to write any of `targets` that is one of `inputs`, a folder, a device, pipe or socket
    (always, even with `force`), has a name too long for its folder, or exists and was not made
    by easyread (unless `force`).

    `role` says what an input is in this run ("the document being converted", "a plan being
    rendered", "a document being checked"). Raises UsageError or OutputError (both exit 2).
    """
    given = [Path(path) for path in inputs]
    for target in map(Path, targets):
        name_max = _name_max(target.parent)
        if len(os.fsencode(target.name)) > name_max:
            raise OutputError(target, f"the file name is too long (the limit is {name_max} bytes)")
        if any(_same_file(target, source) for source in given):
            raise UsageError(target, f"is {role}; give another output name")
        if os.path.isdir(target):
            raise OutputError(target, "is a folder; give another output name")
        if os.path.exists(target) and not os.path.isfile(target):  # replacing /dev/stdout would remove it
            raise OutputError(target, "is not a regular file (a device, a pipe or a socket); give another "
                                      "output name")
        if os.path.lexists(target) and not force and not made_by_easyread(target):
            raise UsageError(target, "exists and was not made by easyread; use --force to replace it")


def _same_file(target: Path, source: Path) -> bool:
    """Whether `target` is `source`: the same path, or another name (a link) for the same file."""
    try:
        return os.path.samefile(target, source)
    except (OSError, ValueError):
        try:
            return target.resolve() == source.resolve()
        except (OSError, RuntimeError):
            return False


def _name_max(folder: Path) -> int:
    """The longest file name (in bytes) the file system of `folder` (or its nearest existing
    ancestor) takes, from pathconf; 255 where it cannot say."""
    folder = Path(os.path.abspath(folder))
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return DEFAULT_NAME_MAX


def mark_report(text: str, report_format: str) -> str:
    """`text`, a `check` report in `report_format` (text, json, github, junit or sarif), with our
    mark, so that running the same command again may replace the file without `--force`."""
    if report_format == "sarif":  # SARIF allows no extra field at the top: the mark goes in its property bag
        log = json.loads(text)
        marked = {"$schema": log.pop("$schema", ""), "version": log.pop("version", "2.1.0"),
                  "properties": {"made_by": REPORT_MAKER, **log.pop("properties", {})}, **log}
        return json.dumps(marked, indent=2, ensure_ascii=False) + "\n"
    if report_format == "json":
        payload = json.loads(text)
        if isinstance(payload, dict):
            return json.dumps({"made_by": REPORT_MAKER, **payload}, indent=2, ensure_ascii=False) + "\n"
        return text
    if report_format == "junit":
        comment = f"<!-- {REPORT_MARK} -->"
        if text.startswith("<?xml") and "?>" in text:
            end = text.index("?>") + 2
            return f"{text[:end]}\n{comment}{text[end:]}"
        return f"<?xml version='1.0' encoding='utf-8'?>\n{comment}\n{text}"
    return f"# {REPORT_MARK}\n{text}"
