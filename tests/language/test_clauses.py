"""Long sentences break at clause joins only where each part can stand alone."""

from easyread.language.clauses import can_stand_alone, move_asides, split_long_sentence
from easyread.language.sentences import word_count


def test_because_split_keeps_the_reason():
    parts = split_long_sentence(
        "Your bins will be collected on Tuesday instead of Monday, because the collection rounds have "
        "been changed to make them work better for the crews."
    )
    assert parts[0] == "Your bins will be collected on Tuesday instead of Monday."
    assert parts[1].startswith("This is because the collection rounds")


def test_semicolon_and_so_that():
    assert split_long_sentence(
        "We will send you a form; you must return it to us within 28 days so that we can work out your charge."
    ) == ["We will send you a form.", "You must return it to us within 28 days.", "This is so we can work out your charge."]


def test_which_becomes_this():
    assert split_long_sentence(
        "The council has decided to close the library on Sundays, which is the least used day of the week."
    ) == ["The council has decided to close the library on Sundays.", "This is the least used day of the week."]


def test_and_is_split_only_when_the_right_side_has_a_subject():
    joined = split_long_sentence(
        "You must pay the first amount by 1 April 2026 and you can pay by direct debit, online or by phone."
    )
    assert joined == ["You must pay the first amount by 1 April 2026.", "You can pay by direct debit, online or by phone."]
    # "and" joining two nouns is not a clause join: nothing is split there.
    list_sentence = "Please bring your passport and your bank statements and your tenancy agreement to the meeting."
    assert split_long_sentence(list_sentence) == [list_sentence]


def test_short_sentences_are_left_alone():
    assert split_long_sentence("You must pay by 1 April.") == ["You must pay by 1 April."]


def test_every_word_survives_a_split():
    sentence = ("You can ask for a review; we will look at your case again, but you must write to us within 28 days "
                "because the law says so.")
    parts = split_long_sentence(sentence)
    assert len(parts) >= 3
    assert all(word_count(part) <= 12 for part in parts)
    for word in ["review", "case", "write", "28", "days", "law"]:
        assert any(word in part for part in parts)


def test_can_stand_alone():
    assert can_stand_alone("we will call you")
    assert not can_stand_alone("your passport")
    assert not can_stand_alone("the green bin", needs_subject=True)


def test_asides_move_out_only_as_sentences_and_short_ones_stay_in_their_brackets():
    # "(those who live in the borough)" moved out would be a fragment: it stays where it is.
    assert move_asides("Residents (those who live in the borough) can apply.") == [
        "Residents (those who live in the borough) can apply."]
    assert move_asides("You can pay online (it is the quickest way) or at the office.") == [
        "You can pay online or at the office.", "It is the quickest way."]
    # Brackets are never deleted silently: an acronym, a fact or a short note stays where it is.
    assert move_asides("Contact the Department for Work and Pensions (DWP) today.") == [
        "Contact the Department for Work and Pensions (DWP) today."
    ]
    assert move_asides("Call us (01632 960 123) today.", lambda text: True) == ["Call us (01632 960 123) today."]
    assert move_asides("Hand the card to reception (see map) on arrival.") == [
        "Hand the card to reception (see map) on arrival."]


def test_a_sentence_of_only_protected_text_is_kept():
    # A paragraph that is only an email, a phone number and a web address is content.
    assert move_asides("\ue000 \ue001 \ue002") == ["\ue000 \ue001 \ue002"]
    assert move_asides("Пожалуйста, позвоните нам.") == ["Пожалуйста, позвоните нам."]


def test_plural_endings_in_brackets_and_repeated_numbers_are_tidied():
    assert move_asides("We may leave out any item(s) in private.") == ["We may leave out any items in private."]
    assert move_asides("Send it 3 (3) working days before.") == ["Send it 3 working days before."]
    assert "5" in move_asides("Send it 3 (5) working days before.")[0]  # a different number is a fact: it stays
