"""Passive voice: real passives are flagged; adjectives and naming with "is called" are not (issue 13.5)."""

from __future__ import annotations

import pytest

from easyread.language.style import is_passive


@pytest.mark.parametrize("sentence", [
    "Your recycling box will be emptied on Friday.",
    "The form was sent to you last week.",
    "Your bin will be collected by the crew.",
    "The library is closed by the council on bank holidays.",
    "You will be called by a nurse before 10am.",
    "Letters are checked carefully before we post them.",
    "She is worried and the car is towed away.",
    "Your costs will be allowed if you send receipts.",
    "Once the appeal has been exhausted, you can go to the ombudsman.",
    "The cheese is aged by the farmer for a year.",
])
def test_real_passives_are_flagged(sentence):
    assert is_passive(sentence)


@pytest.mark.parametrize("sentence", [
    "You are worried about the rent.",
    "We are pleased to tell you about the new park.",
    "The swimming pool is closed on Sundays.",
    "I am interested in the job.",
    "A relative who is aged 60 or over lives with you.",
    "Our new group is called the Tenants' Panel.",
    "These workers are called carers.",
    "The place is known as the Hub.",
    "You will collect the key from the office.",
])
def test_adjectives_and_naming_are_not_passive(sentence):
    assert not is_passive(sentence)
