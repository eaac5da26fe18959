"""Names a text always capitalises keep their capitals in questions."""

from __future__ import annotations

from studyapp.cards.proper_names import NameBook, with_names

SENTENCES = [
    "Pericles led Athens in its golden age.",  # history
    "The plague struck Athens, and Pericles died of it.",
    "Court decisions bind the lower courts; the Court of Appeal hears appeals.",  # law
    "Members of the court may dissent.",
    "In Python, a list is mutable.",  # computing
]


def test_a_word_capitalised_inside_sentences_and_never_lower_is_a_name():
    """'Athens' and 'Pericles' are names; 'court', also written in lower case, is not; a
    capital that only starts a sentence proves nothing."""
    book = NameBook(SENTENCES)
    assert all(book.is_name(word) for word in ("athens", "pericles", "python"))
    assert not any(book.is_name(word) for word in ("court", "members", "the", "plague"))


def test_a_lowered_name_gets_its_capital_back_and_other_words_do_not():
    """'What did athens build?' -> 'What did Athens build?'; 'court' stays as it is."""
    book = NameBook(SENTENCES)
    assert with_names("What did athens build?", book) == "What did Athens build?"
    assert with_names("What do court decisions bind?", book) == "What do court decisions bind?"
