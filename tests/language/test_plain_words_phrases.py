"""Council-register phrases become plain ones, in whole sentences that still read right."""

import pytest

from easyread.data import data_rows
from easyread.language.council_phrases import phrases
from easyread.language.plain_words import simplify_words


def plain(text: str) -> str:
    return simplify_words(text)[0]


def test_phrase_list_is_well_formed():
    rows = data_rows("council_phrases.tsv")
    assert len(rows) >= 300
    assert all(len(row) in (3, 4) and all(row[:3]) for row in rows)
    assert {row[2] for row in rows} <= {"PHRASE", "VERB"}
    assert len({row[0].lower() for row in rows}) == len(rows), "each phrase once"
    assert all("*" not in row[0] or row[2] == "VERB" for row in rows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your bill in respect of the garage is enclosed.", "Your bill about the garage is with this letter."),
        ("Please call us prior to your visit.", "Please call us before your visit."),
        ("We will decide in accordance with our policy.", "We will decide in line with our policy."),
        ("With effect from 6 April the car park is closed.", "From 6 April the car park is closed."),
        ("In the event that you move, please tell us.", "If you move, please tell us."),
        ("At this moment in time we cannot offer a visit.", "Now we cannot offer a visit."),
        ("On receipt of your form we will write to you.", "After getting your form we will write to you."),
        ("You must send proof in order to get the discount.", "You must send proof to get the discount."),
        ("We are writing with regard to your garden waste.", "We are writing about your garden waste."),
        ("The road is closed as a result of flooding.", "The road is closed because of flooding."),
        ("Pay the charge on or before 3 March.", "Pay the charge by 3 March."),
        ("The fee is in excess of the limit.", "The fee is more than the limit."),
        ("We will reply in due course.", "We will reply later."),
        ("Tell us of any change in lieu of a form.", "Tell us of any change instead of a form."),
        ("Send it no later than 9 May.", "Send it by 9 May."),
        ("The new rate is effective from 1 June.", "The new rate is from 1 June."),
        ("If you are in receipt of Pension Credit, call us.", "If you get Pension Credit, call us."),
        ("You may be entitled to a refund.", "You may have a right to a refund."),
        ("You are liable to pay the charge.", "You have to pay the charge."),
        ("Please refrain from parking on the verge.", "Please avoid parking on the verge."),
        ("You must comply with the notice.", "You must follow the notice."),
        ("We complied with the order.", "We followed the order."),
        ("We will take into account your income.", "We will think about your income."),
        ("We have taken into account your income.", "We have thought about your income."),
        ("You can make an application online.", "You can apply online."),
        ("Please do not hesitate to contact us.", "Please contact us."),
        ("We regret to inform you that the hall is shut.", "We are sorry to tell you that the hall is shut."),
        ("Failure to pay may result in a fine.", "Failure to pay may lead to a fine."),
    ],
)
def test_council_register_phrases_in_sentences(text, expected):
    assert plain(text) == expected


def test_a_verb_phrase_takes_the_tense_of_the_verb_it_replaces():
    assert plain("They provided us with a map.") == "They gave us a map."
    assert plain("We have provided you with a map.") == "We have given you a map."
    assert plain("Providing us with a map helps.") == "Giving us a map helps."


def test_a_verb_phrase_needs_a_person_where_its_entry_says_so():
    kept = "The fee is required to cover the cost."
    assert plain(kept) == kept
    assert plain("Residents are required to sort their waste.") == "People have to sort their waste."


def test_the_following_only_before_a_list():
    assert plain("Bring the following: a bill and a photo.") == "Bring these: a bill and a photo."
    kept = "The following process is used."
    assert plain(kept) == kept


def test_whether_before_a_preposition_stays():
    assert plain("Tell us whether you agree.") == "Tell us if you agree."
    kept = "You can reply whether by post or by email."
    assert plain(kept) == kept


def test_phrases_are_not_changed_inside_quotations_or_names():
    text = "The sign said “prior to entry, pay here” in red."
    assert plain(text) == text
    text = "The Prior To School Club meets on Tuesday."
    assert plain(text) == text


@pytest.mark.parametrize("phrase", [p for p in phrases() if not p.lemma and not p.rules], ids=lambda p: p.hard)
def test_every_fixed_phrase_is_found_in_a_sentence(phrase):
    text, replacements = simplify_words(f"We said {phrase.hard} here.")
    assert [r.original.lower() for r in replacements][:1] == [phrase.hard], text
