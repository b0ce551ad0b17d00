"""Web addresses, emails and phone numbers pass through rewriting untouched."""

from easyread.language.plain_words import simplify_words
from easyread.language.protect import mask


def test_masked_text_hides_and_restores_addresses():
    text = "Go to www.northbrook.gov.uk/purchase or email purchase@northbrook.gov.uk or call 01632 960 123."
    masked = mask(text)
    assert "northbrook" not in masked.text
    assert "01632" not in masked.text
    assert masked.restore(masked.text) == text


def test_word_swaps_do_not_reach_into_addresses():
    text = "Purchase a permit at www.northbrook.gov.uk/purchase."
    masked = mask(text)
    simplified, _ = simplify_words(masked.text)
    assert masked.restore(simplified) == "Buy a permit at www.northbrook.gov.uk/purchase."
