"""A picture library's `pictures.csv`: the words a council gives the pictures whose file names say
nothing. Read by the catalogue (to match pictures) and by alt text (to say what one shows).

Columns: file (a path from the folder holding the list, or a file name), then keywords; several
keywords may share a cell, separated by "," or ";". A first row naming the column "file" is a
header.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

CSV_NAME = "pictures.csv"


def read_picture_list(listing: Path) -> dict[str, list[str]]:
    """{file as written in the list: its keyword phrases, in order} from the `pictures.csv` at
    `listing`. Raises OSError, UnicodeDecodeError or csv.Error when it cannot be read."""
    entries: dict[str, list[str]] = {}
    with Path(listing).open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.reader(handle):
            file = row[0].strip() if row else ""
            if len(row) < 2 or not file or file.lower() == "file":
                continue
            phrases = (phrase.strip() for phrase in re.split(r"[;,]", ";".join(row[1:])))
            entries.setdefault(file, []).extend(phrase for phrase in phrases if phrase)
    return entries
