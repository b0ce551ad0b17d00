"""A run-on paragraph with no plain sentence end is given to pysbd in short pieces, with no false sentence ends."""

from easyread.language import sentences
from easyread.language.sentences import CHUNK_CHARACTERS, split_sentences


def test_a_run_on_is_cut_for_pysbd_only_where_no_sentence_ends(monkeypatch):
    clauses = [f"the hall on road {n} is open for the craft club, e.g. on Mondays, and the team will help you"
               for n in range(120)]
    run_on = "You can come along, " + ", and ".join(clauses) + "."
    given: list[int] = []
    real = sentences._chunk_boundaries

    def recording(text: str) -> list[int]:
        given.append(len(text))
        return real(text)

    monkeypatch.setattr(sentences, "_chunk_boundaries", recording)
    assert split_sentences(run_on) == [run_on]  # one sentence: the cuts for pysbd are not sentence ends
    assert len(given) > 3 and max(given) <= 2 * CHUNK_CHARACTERS  # pysbd's time grows with the square of a piece


def test_a_long_text_keeps_its_real_sentence_ends():
    text = " ".join(f"We will empty bin {n} on Tuesday, and you can call us on Monday." for n in range(200))
    found = split_sentences(text)
    assert len(found) == 200
    assert found[57] == "We will empty bin 57 on Tuesday, and you can call us on Monday."


def test_an_end_mark_inside_closing_quotes_ends_the_sentence():
    assert split_sentences("She said: “We will think about every channel, not only the web.” He and his team "
                           "wrote about it later.") == [
        "She said: “We will think about every channel, not only the web.”", "He and his team wrote about it later."]
    assert split_sentences("“Stop here.” said the sign by the gate.") == ["“Stop here.” said the sign by the gate."]
