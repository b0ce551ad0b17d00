"""Print, for each seed, the readability of its Easy Read version from the offline rules backend, and
how far word swaps alone could ever take it.

For each seed: Flesch Reading Ease, Flesch-Kincaid grade, words per sentence and syllables per word
of the converted PDF as `easyread check` scores it, the syllables per word reading ease 80 needs at
that sentence length, and a best case: every word of 2 or more syllables that is not a name, not
part of a term the Hard words page explains, and not an everyday word (Zipf 5 or more, or on our easy
list) swapped for a 1-syllable word. When even the best case is above the need, no word list can
make the rules backend pass; only rewriting sentences (a person, or an LLM backend) can.

Run from the repository root: `python benchmarks/seed_readability.py`.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from easyread.checks.metrics import _addresses_as_words, textstat_offline
from easyread.checks.pdf_text import page_blocks, read_runs
from easyread.checks.run import check_document
from easyread.config import Settings
from easyread.data import data_words
from easyread.language.hard_words import explained_term_spans
from easyread.language.sentences import split_sentences
from easyread.pipeline import convert

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EVERYDAY_ZIPF = 5.0


def best_case_syllables_per_word(pdf: Path) -> float:
    from wordfreq import zipf_frequency

    textstat = textstat_offline()
    easy = data_words("easy_words.txt") | data_words("function_words.txt")
    words = syllables = 0
    for _page, text, is_heading in page_blocks(read_runs(pdf)):
        if is_heading:
            continue
        for sentence in split_sentences(text):
            sentence = _addresses_as_words(sentence)
            kept_terms = explained_term_spans(sentence)
            for match in re.finditer(r"\S+", sentence):
                token = match.group(0)
                if not textstat.lexicon_count(token):
                    continue
                count = textstat.syllable_count(token)
                word = token.strip(".,:;?!()\"“”").lower()
                must_stay = (
                    any(start <= match.start() < end for start, end in kept_terms)
                    or (token[:1].isupper() and match.start() > 0)
                    or zipf_frequency(word, "en") >= EVERYDAY_ZIPF
                    or word in easy
                )
                words += 1
                syllables += count if count > 1 and must_stay else 1
    return syllables / words if words else 0.0


def main() -> None:
    settings = Settings()
    print(f"{'seed':38} {'ease':>5} {'grade':>5} {'w/s':>5} {'syl/w':>6} {'needs':>6} {'best':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for seed in sorted(SEEDS.iterdir()):
            if seed.suffix not in (".docx", ".md", ".txt") or seed.name == "README.md":
                continue
            pdf = Path(folder) / f"{seed.stem}.easyread.pdf"
            convert(seed, pdf)
            scores = check_document(pdf, settings).metrics
            assert scores is not None
            needed = (206.835 - settings.min_reading_ease - 1.015 * scores.words_per_sentence_mean) / 84.6
            print(f"{seed.name:38} {scores.flesch_reading_ease:5.1f} {scores.flesch_kincaid_grade:5.1f} "
                  f"{scores.words_per_sentence_mean:5.1f} {scores.syllables_per_word:6.2f} {needed:6.3f} "
                  f"{best_case_syllables_per_word(pdf):6.3f}")


if __name__ == "__main__":
    main()
