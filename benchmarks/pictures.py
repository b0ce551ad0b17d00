"""Print how often the seeds' Easy Read items get an OpenMoji picture, and a sample of the pictures
chosen, for a person to read (issue 16).

For each seed (`seeds/*`, converted with the offline `rules` backend and `--pictures openmoji`,
title page and "About this document" items included as the PDF shows them): items, items with a
picture, items kept as placeholders. Then the shares over all seeds, and 30 (sentence, picture
name) pairs drawn with a fixed random seed; the picture name is the emoji's Unicode name, or
"(placeholder: description)" for an item without a picture. Needs the `pictures` extra.

Run from the repository root: `python benchmarks/pictures.py [--sample 30] [--seed 16]`.
"""

from __future__ import annotations

import argparse
import random
import unicodedata
from pathlib import Path

from easyread.backends import get_backend
from easyread.layout.opening import with_opening_shown
from easyread.pictures.choose import add_pictures
from easyread.pictures.raster import OPENMOJI_PREFIX, openmoji_folder
from easyread.pipeline import simplify_document
from easyread.prepare import prepare_source
from easyread.readers import read_source

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SUFFIXES = (".docx", ".md", ".txt", ".pdf")


def picture_name(picture_file: str | None, description: str) -> str:
    """A name a person can read for an item's picture: "TELEPHONE RECEIVER", a file name, or the placeholder."""
    if not picture_file:
        return f"(placeholder: {description})"
    if picture_file.startswith(OPENMOJI_PREFIX):
        stem = picture_file[len(OPENMOJI_PREFIX):].removesuffix(".svg")
        names = []
        for code in stem.split("-"):
            try:
                names.append(unicodedata.name(chr(int(code, 16)), code))
            except ValueError:
                names.append(code)
        return " + ".join(names)
    return Path(picture_file).name


def seed_pairs(path: Path) -> list[tuple[str, str, str | None]]:
    """(sentence, description, picture file or None) for each item of `path` converted with pictures."""
    document = simplify_document(prepare_source(read_source(path)), get_backend("rules"), prepared=True)
    shown = with_opening_shown(document)
    add_pictures(shown, "openmoji")
    return [(item.sentence, item.picture, item.picture_file) for item in [*shown.opening, *shown.items()]]


def main() -> None:
    from easyread.outputs import is_output_name

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=30, help="how many (sentence, picture) pairs to print")
    parser.add_argument("--seed", type=int, default=16, help="random seed for the sample")
    options = parser.parse_args()
    if openmoji_folder() is None:
        raise SystemExit("OpenMoji is not installed: install the 'pictures' extra")
    everything: list[tuple[str, str, str, str | None]] = []
    print(f"{'seed':44} {'items':>5} {'picture':>8} {'placeholder':>11}")
    for path in sorted(SEEDS.iterdir()):
        if path.suffix.lower() not in SUFFIXES or path.name.startswith("README") or is_output_name(path.name):
            continue
        pairs = seed_pairs(path)
        pictured = sum(1 for _, _, picture in pairs if picture)
        print(f"{path.name:44} {len(pairs):5} {pictured:8} {len(pairs) - pictured:11}")
        everything += [(path.name, *pair) for pair in pairs]
    total = len(everything)
    pictured = sum(1 for *_, picture in everything if picture)
    print(f"{'all seeds':44} {total:5} {pictured:8} {total - pictured:11}")
    if total:
        print(f"\nwith a picture: {pictured / total:.1%}   kept as placeholders: {(total - pictured) / total:.1%}")
    print(f"\nSample of {options.sample} (seed {options.seed}): sentence -> picture")
    for name, sentence, description, picture in random.Random(options.seed).sample(
            everything, min(options.sample, total)):
        print(f"- [{name}] {sentence}\n    -> {picture_name(picture, description)}")


if __name__ == "__main__":
    main()
