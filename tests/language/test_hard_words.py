"""Hard words: explained terms found in any case, acronyms only in capitals, rare words marked."""

from easyread.language.hard_words import find_hard_words


def words(sentence):
    return {hard.word: hard.explanation for hard in find_hard_words(sentence)}


def test_explained_terms_are_found_with_their_explanation():
    found = words("You can pay your Council Tax by direct debit.")
    assert found["Council Tax"] and found["direct debit"]


def test_acronyms_only_when_written_in_capitals():
    assert "SEND" in words("Ask the SEND team.")
    assert not any(word.lower() == "send" for word in words("We will send you a letter."))


def test_rare_words_are_marked_without_an_explanation_but_names_are_not():
    found = words("The Northbrook team will adjudicate.")
    assert found.get("adjudicate") is None and "adjudicate" in found
    assert "Northbrook" not in found
