"""Reading a plan file's JSON without being fooled by it: a regular file, under MAX_PLAN_BYTES, UTF-8,
nested at most MAX_PLAN_DEPTH deep, with no number too long to convert.

Python's json module raises RecursionError on JSON nested about 1,000 deep, and ValueError on a
whole number of more than 4,300 digits (`sys.get_int_max_str_digits`); each of these becomes one
`InvalidPlan` line here. The checks of each field are in `easyread.plan`.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

from easyread.errors import EasyReadError, UsageError
from easyread.limits import MAX_PLAN_BYTES, MAX_PLAN_DEPTH, MEGABYTE

LONGEST_NUMBER = 18  # digits: a plan's whole numbers (its version, counts) are small


class InvalidPlan(UsageError):
    """A plan file that is not JSON, not a plan, or has a field of the wrong kind."""


class LongNumber(int):
    """A whole number in a plan written with more than LONGEST_NUMBER digits; its value is its digit count.

    Kept as a marker, not converted (that costs time quadratic in the digits, and Python refuses
    numbers past 4,300 digits), so the field that holds it can be named in the error.
    """

    def __repr__(self) -> str:
        return f"<a number of {int(self)} digits>"


def _whole_number(digits: str) -> int:
    return int(digits) if len(digits.lstrip("-")) <= LONGEST_NUMBER else LongNumber(len(digits.lstrip("-")))


def load_plan_json(path: Path) -> object:
    """The JSON value in the plan file at `path`.

    Raises UsageError (no such file, a folder, not a regular file such as a FIFO or a device),
    InvalidPlan (over MAX_PLAN_BYTES, not UTF-8, not JSON, nested deeper than MAX_PLAN_DEPTH) or
    EasyReadError (the file cannot be read). A whole number of more than LONGEST_NUMBER digits comes
    back as a LongNumber for the caller to name the field.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise UsageError(path, "no such file") from None
    except OSError as error:
        raise EasyReadError(path, f"cannot be read ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(path, "is a folder, not a plan file")
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(path, "is not a regular file (a device, a pipe or a socket): not a plan")
    if info.st_size > MAX_PLAN_BYTES:
        raise InvalidPlan(path, f"is {info.st_size:,} bytes, too large for a plan "
                                f"(the limit is {MAX_PLAN_BYTES // MEGABYTE} MB)")
    try:
        with open(path, "rb", opener=_nonblocking) as handle:
            raw = handle.read(MAX_PLAN_BYTES + 1)
    except OSError as error:
        raise EasyReadError(path, f"cannot be read ({error.strerror or error})") from None
    if len(raw) > MAX_PLAN_BYTES:  # it grew after the check
        raise InvalidPlan(path, f"is too large for a plan (the limit is {MAX_PLAN_BYTES // MEGABYTE} MB)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidPlan(path, "is not UTF-8 text: not a plan") from None
    try:
        data = json.loads(text, parse_int=_whole_number)
    except json.JSONDecodeError as error:
        raise InvalidPlan(path, f"is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})") from None
    except RecursionError:  # nested about 1,000 deep: say where it passed our own limit
        line, column = _too_deep_at(text) or (0, 0)
        raise InvalidPlan(path, f"nests deeper than {MAX_PLAN_DEPTH} levels at line {line}, column {column}: not a "
                                f"plan (the limit is {MAX_PLAN_DEPTH} levels)") from None
    except ValueError as error:  # whatever else the decoder refuses: still one line
        raise InvalidPlan(path, f"is not valid JSON ({str(error).splitlines()[0][:120]})") from None
    deep = _too_deep(data)
    if deep is not None:
        raise InvalidPlan(path, f"{deep}: nests deeper than {MAX_PLAN_DEPTH} levels: not a plan "
                                f"(the limit is {MAX_PLAN_DEPTH} levels)")
    return data


def _too_deep(data: object) -> str | None:
    """The path ("credits[0][0]...") to the first list or object deeper than MAX_PLAN_DEPTH, or None.

    Walked with a stack, not recursion; a node's ancestors are the nodes last taken off the stack
    at each shallower level, so `trail` always holds the path to the node in hand.
    """
    stack: list[tuple[object, int, str]] = [(data, 1, "")]
    trail: list[str] = []
    while stack:
        value, level, key = stack.pop()
        del trail[level - 1:]
        trail.append(key)
        if level > MAX_PLAN_DEPTH:
            shown = "".join(trail[1:8]) + ("..." if len(trail) > 8 else "")
            return shown.lstrip(".") or "the plan"
        if isinstance(value, dict):
            stack.extend((inner, level + 1, f".{name}") for name, inner in value.items() if isinstance(inner, (dict, list)))
        elif isinstance(value, list):
            stack.extend((inner, level + 1, f"[{index}]") for index, inner in enumerate(value)
                         if isinstance(inner, (dict, list)))
    return None


def _nonblocking(name: str, flags: int) -> int:
    return os.open(name, flags | getattr(os, "O_NONBLOCK", 0))


_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def _too_deep_at(text: str) -> tuple[int, int] | None:
    """(line, column) of the first bracket deeper than MAX_PLAN_DEPTH, skipping strings; else None.
    Used only once json.loads has given up (slow: about 1.5 s for a plan of 7 MB)."""
    if text.count("[") + text.count("{") <= MAX_PLAN_DEPTH:
        return None
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        mark = match.group()
        if mark == "[" or mark == "{":
            depth += 1
            if depth > MAX_PLAN_DEPTH:
                start = match.start()
                line = text.count("\n", 0, start) + 1
                return line, start - (text.rfind("\n", 0, start) + 1) + 1
        elif mark == "]" or mark == "}":
            depth -= 1
    return None
