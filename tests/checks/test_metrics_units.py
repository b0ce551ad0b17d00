"""Scores come from our own sentences, words and syllables with the published formulas (issue 14).

Every text here is invented. Expected scores are worked out from the formulas in the test, from
counts the test states, never copied from a run.
"""

from __future__ import annotations

from easyread.checks.metrics import measure, measure_units, syllables
from easyread.checks.run import check_document
from easyread.config import Settings
from easyread.language.sentences import word_count, words

LIST_ITEMS = [
    "Bring your green bin to the kerb on Monday night",
    "Take the plastic film off your food trays",
    "Squash the cans and bottles flat",
    "Keep the lid of the bin shut",
    "Put loose glass in the black box with the handle",
    "Ring the waste team if the bin is broken or missing",
]


def _flesch(words_: int, sentences: int, syllables_: int) -> tuple[float, float]:
    """(reading ease, grade) by Flesch 1948 and Kincaid et al. 1975, rounded as Metrics rounds."""
    wps, spw = words_ / sentences, syllables_ / words_
    return round(206.835 - 1.015 * wps - 84.6 * spw, 1), round(0.39 * wps + 11.8 * spw - 15.59, 1)


def test_a_list_scores_the_same_with_and_without_full_stops():
    bare = measure_units(LIST_ITEMS)
    stopped = measure_units([item + "." for item in LIST_ITEMS])
    assert bare.sentences == stopped.sentences == 6
    assert bare.words == stopped.words
    assert (bare.flesch_reading_ease, bare.flesch_kincaid_grade) == (
        stopped.flesch_reading_ease, stopped.flesch_kincaid_grade)
    assert bare.as_dict() == stopped.as_dict()


def test_a_markdown_list_checks_the_same_with_and_without_full_stops(tmp_path):
    """The issue's case: `check` on a bullet list gave grade 8.7 without full stops and 3.5 with them."""
    bare, stopped = tmp_path / "bare.md", tmp_path / "stopped.md"
    bare.write_text("# Recycling\n\n" + "\n".join(f"- {item}" for item in LIST_ITEMS) + "\n", encoding="utf-8")
    stopped.write_text("# Recycling\n\n" + "\n".join(f"- {item}." for item in LIST_ITEMS) + "\n", encoding="utf-8")
    a, b = check_document(bare, Settings()).metrics, check_document(stopped, Settings()).metrics
    assert a.sentences == b.sentences == 6
    assert (a.flesch_reading_ease, a.flesch_kincaid_grade) == (b.flesch_reading_ease, b.flesch_kincaid_grade)
    assert a.flesch_kincaid_grade < 5  # six short items are easy whatever their punctuation


def test_reading_ease_and_grade_use_the_published_formulas_on_our_counts():
    units = ["The van will come on Friday.", "Leave your bags by the gate and we will take them away"]
    metrics = measure_units(units)
    counted = [word for unit in units for word in words(unit)]
    assert metrics.sentences == 2 and metrics.words == len(counted) == 18
    expected = _flesch(18, 2, sum(syllables(word) for word in counted))
    assert (metrics.flesch_reading_ease, metrics.flesch_kincaid_grade) == expected


def test_each_unit_is_at_least_one_sentence_and_is_split_inside():
    assert measure_units(["Our office is shut", "It opens again on Monday. Please come back then."]).sentences == 3
    # Units are never joined: the same words in one unit without a full stop are one long sentence.
    assert measure_units(["Our office is shut it opens again on Monday"]).sentences == 1


def test_measure_of_text_reads_each_line_as_a_unit():
    text = "\n".join(LIST_ITEMS)
    assert measure(text) == measure_units(LIST_ITEMS)


def test_syllables_of_known_words():
    assert [syllables(w) for w in ("cat", "garden", "information", "well-known")] == [1, 2, 4, 2]
    assert syllables("2026") == 1  # a figure is one word of one syllable


def test_curly_apostrophe_makes_one_word_everywhere():
    assert word_count("It doesn’t cost anything") == 4
    assert words("We can’t come") == ["We", "can’t", "come"]
    assert syllables("doesn’t") == syllables("doesn't") == 2
    curly, straight = measure_units(["It doesn’t cost anything"]), measure_units(["It doesn't cost anything"])
    assert curly.as_dict() == straight.as_dict()


def test_addresses_are_one_short_word():
    with_address = measure_units(["Go to www.northbrook-example.gov.uk/bins today"])
    with_word = measure_units(["Go to link today"])
    assert with_address.words == 4
    assert with_address.syllables_per_word == with_word.syllables_per_word


def test_long_sentence_shares():
    units = ["one " * 16, "two " * 21, "Short one."]
    metrics = measure_units(units)
    assert metrics.share_sentences_over_15 == round(2 / 3, 3)
    assert metrics.share_sentences_over_20 == round(1 / 3, 3)
    assert metrics.words_per_sentence_max == 21


def test_other_scores_follow_their_formulas():
    units = ["Information about your application is available.", "Call the office."]
    m = measure_units(units)
    counted = [word for unit in units for word in words(unit)]
    poly = sum(1 for word in counted if syllables(word) >= 3)  # information, application, available
    assert poly == 3
    assert m.smog_index == round(1.043 * (30 * poly / 2) ** 0.5 + 3.1291, 1)
    assert m.gunning_fog == round(0.4 * (len(counted) / 2 + 100 * poly / len(counted)), 1)
    assert m.dale_chall is None  # under 100 words


def test_empty_and_symbol_only_units():
    assert measure_units([]).sentences == 0 and measure_units([]).flesch_reading_ease == 100.0
    assert measure_units(["-", "•"]).sentences == 0


def _core(metrics):
    return (metrics.sentences, metrics.words, metrics.flesch_reading_ease, metrics.flesch_kincaid_grade)


def test_check_scores_body_lines_like_convert_scores_items(tmp_path):
    """check's scores of a file of items equal `measure_units` of those items, as convert's summary is."""
    items = ["Your rent goes up on 6 April.", "You will pay 4 pounds more each week", "Ring us if you are worried."]
    path = tmp_path / "items.md"
    path.write_text("# Your rent\n\n" + "\n\n".join(items) + "\n", encoding="utf-8")
    assert _core(check_document(path, Settings()).metrics) == _core(measure_units(items))


def test_convert_summary_and_check_score_the_source_alike(tmp_path):
    from easyread.pipeline import convert

    source = tmp_path / "notice.md"
    source.write_text(
        "# Changes to the library\n\n"
        "From 2 March 2026 the library on Orchard Street will open later on Wednesdays, until 7pm.\n\n"
        "- Computers\n- Printing\n- Study rooms\n\n"
        "Members who have questions about these arrangements should speak to a member of staff.\n",
        encoding="utf-8")
    result = convert(source, tmp_path / "easy.md", formats=["md"])
    assert _core(result.scores_before) == _core(check_document(source, Settings()).metrics)
    items = [item.sentence for item in [*result.document.opening, *result.document.items()]]
    assert _core(result.scores_after) == _core(measure_units(items))
    assert result.scores_before.sentences == 5  # 2 paragraphs and 3 list items, the items without full stops
