"""Issue 13.1: every part the splitter makes is a complete sentence; where none is safe, the sentence stays whole.

Each test is one kind of failure from the issue, in invented wording of the same shape.
"""

from easyread.language.clause_check import can_stand_alone
from easyread.language.clauses import split_long_sentence
from easyread.language.condition_order import action_first


def test_the_fragments_from_the_issue_are_not_sentences():
    for fragment in ["Which it has grown over the years.", "If you do not pay a monthly amount.",
                     "At the garden centre.", "To events like this one.", "Come.",
                     "In 10 days of a reminder letter.", "And how we can help the town.",
                     "Those who live on the estate."]:
        assert not can_stand_alone(fragment), fragment
    for sentence in ["Please return the form within 10 days.", "If you do not, you will lose your place.",
                     "Under the new rules, you must tell us.", "We will call you back.", "Which bin do I use?"]:
        assert can_stand_alone(sentence), sentence


def test_never_split_at_which_after_a_preposition():
    sentence = "What I like most about the new library is the way in which it has grown and changed over the years."
    assert split_long_sentence(sentence, 10) == [sentence]


def test_a_phrase_is_never_cut_off():
    for sentence in [
        "The officer will check the fences and the drains and the garden walls at the property next week.",
        "Thank you to everyone who was able to come to events like this over the summer and the autumn months.",
        "The town has changed a great deal since the new road opened through the middle of the valley.",
    ]:
        assert split_long_sentence(sentence, 10) == [sentence]


def test_a_condition_stays_with_its_result():
    whole = ("If you do not pay a monthly amount within 10 days of a reminder, you will lose the right to pay "
             "by monthly amounts.")
    assert split_long_sentence(whole, 10) == [whole]
    # The condition could reach past "and": cutting there would state the second part as a plain fact.
    after = ("You will lose the right to pay by monthly amounts if you miss a payment and you will have to pay "
             "the whole bill at once.")
    assert split_long_sentence(after, 10) == [after]
    leading = "If you move house, you must tell us within 10 days and we will send you a new bill for the year."
    assert split_long_sentence(leading, 10) == [leading]


def test_a_reason_may_follow_a_condition():
    assert split_long_sentence(
        "If you are ill on the day, you can vote by post instead because the law allows it for everyone.", 10) == [
        "If you are ill on the day, you can vote by post instead.", "This is because the law allows it for everyone."]


def test_do_this_or_else_is_put_in_easy_read_order_keeping_every_qualifier():
    assert action_first("If you do not pay a monthly amount within 10 days of a reminder, you will lose the right "
                        "to pay by monthly amounts.") == [
        "Please pay a monthly amount within 10 days of a reminder.",
        "If you do not, you will lose the right to pay by monthly amounts."]
    assert action_first("If you don’t tell us about a change, we may ask you to pay money back.") == [
        "Please tell us about a change.", "If you don’t, we may ask you to pay money back."]


def test_easy_read_order_only_where_the_meaning_is_kept():
    for sentence in [
        "If you do not have a green bin, you will need to buy one from the council.",  # a state, not a request
        "If you do not reply, you can ask us for a form later.",  # an offer, not a consequence
        "If you do not pay or call us, you will lose the right to pay monthly.",  # "or" changes what "do not" covers
        "If you do not pay by Friday, we will write to you if the office is open.",  # a second condition
        "Unless you pay by Friday, you will lose the right to pay monthly.",
    ]:
        assert action_first(sentence) is None, sentence


def test_never_split_inside_a_quotation_or_brackets():
    quoted = "The leader said “we will build the new homes, and we will build them well” at the meeting on Tuesday."
    assert split_long_sentence(quoted, 10) == [quoted]
    bracketed = ("The road works (they start soon, and they will take a month) are on the main road near the "
                 "school gates.")
    assert split_long_sentence(bracketed, 10) == [bracketed]


def test_a_split_keeps_every_qualifier():
    parts = split_long_sentence(
        "You will lose the right to pay by monthly amounts, but you can still pay the whole bill by card.", 10)
    assert parts == ["You will lose the right to pay by monthly amounts.", "But you can still pay the whole bill by card."]


def test_an_order_joined_by_and_is_not_split():
    # "Press the button and the door will open" is a condition: two sentences would lose it.
    sentence = "Press the green button on the wall by the front door and the door will open for you."
    assert split_long_sentence(sentence, 10) == [sentence]


def test_a_list_of_people_is_not_cut_at_and():
    sentence = "A big thank you to the helpers who cook for us and the drivers who bring people to events like this."
    assert split_long_sentence(sentence, 10) == [sentence]


def test_an_aside_between_commas_is_not_cut():
    sentence = ("Everything that we plan, although we talk about roads quite a lot, is to help the people of the "
                "valley and their families.")
    assert split_long_sentence(sentence, 10) == [sentence]


def test_no_part_is_made_without_a_finite_verb_of_its_own():
    for fragment in ["The matter be closed.", "Your health records to check the rules with equal rights laws.",
                     "Your legal needs and duties to other people."]:
        assert not can_stand_alone(fragment), fragment
    # "and" inside a "that" clause, and "and" before the object of the left side, are no clause joins.
    for sentence in [
        "You may get a letter that says no more action will be taken and the matter will be closed for good.",
        "The new courses can help both our staff and their teams, Ann Lee, the trainer, said at the last meeting.",
    ]:
        assert split_long_sentence(sentence, 10) == [sentence]


def test_and_after_a_comma_joins_two_clauses_but_not_a_list():
    assert split_long_sentence(
        "Bags left beside the bin will not be taken away, and extra rubbish may be reported to the street team.", 10) == [
        "Bags left beside the bin will not be taken away.", "Extra rubbish may be reported to the street team."]
    listed = "You will need to bring your bus pass, your latest gas bill, and proof of where you live."
    assert split_long_sentence(listed, 10) == [listed]


def test_a_reminder_and_its_condition_stay_together():
    # The issue's "If you do not pay an instalment." / "In 7 days of a reminder you will lose ..." shape.
    sentence = ("Should a monthly amount be missed, we will send a reminder, and if it is not paid in 10 days you "
                "will lose the right to pay monthly.")
    parts = split_long_sentence(sentence, 10)
    assert all(can_stand_alone(part) for part in parts), parts
    assert any("if it is not paid in 10 days you will lose the right to pay monthly" in part for part in parts)


def test_a_relative_clause_is_no_subject_for_a_split():
    sentence = ("New tools can help staff with dyslexia, and those who struggle to get started on tasks, "
                "Sam Roe, a trainer at the college, told the meeting.")
    assert split_long_sentence(sentence, 10) == [sentence]


def test_no_cut_inside_brackets_that_hold_dates_and_money():
    sentence = ("The hall is shut for works (from 3 March 2026 at 9am to 9 April 2026 at 5pm, call 01632 960 871 "
                "for news, and we will refund £15.00 to each group) and the club will meet in the library instead.")
    assert all("(" not in part or ")" in part for part in split_long_sentence(sentence, 10))


def test_split_in_two_suggests_only_complete_sentences():
    from easyread.language.clauses import split_in_two

    assert split_in_two("We will empty your bin on Monday, but the green bin will wait a week.") == [
        "We will empty your bin on Monday.", "But the green bin will wait a week."]
    assert split_in_two("If you do not pay by Friday, you will lose the right to pay monthly.") is None
    assert split_in_two("Thank you to everyone who came to events like this over the summer.") is None


def test_the_rules_backend_keeps_an_unsplittable_sentence_whole_and_flags_it_long():
    from easyread.backends.rules import RulesBackend
    from easyread.model import Block

    source = ("What I like most about the new library is the way in which it has grown and changed over the years "
              "to meet the needs of the people in the town.")
    [item] = RulesBackend().simplify_block(Block("paragraph", source, "paragraph 1"))
    assert item.sentence == source
    assert "long-sentence" in item.flags and "split-at-phrase" not in item.flags
    items = RulesBackend().simplify_block(Block("paragraph", "If you do not pay each monthly amount on time after a "
                                                "reminder, you will lose the right to pay by monthly amounts.", "line 2"))
    assert [item.sentence for item in items] == ["Please pay each monthly amount on time after a reminder.",
                                                 "If you do not, you will lose the right to pay by monthly amounts."]


def test_a_time_is_no_verb():
    """ "9am" holds no "am": opening hours alone are not a sentence that can stand alone."""
    from easyread.language.clause_check import can_stand_alone

    assert not can_stand_alone("Tuesday to Saturday, 10am to 4pm")
    assert can_stand_alone("We are open 10am to 4pm")
