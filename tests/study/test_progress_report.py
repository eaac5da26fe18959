"""The progress view's report and the totals over several decks add up the decks' figures."""

from __future__ import annotations

from datetime import timedelta

from studyapp.review_types import Rating
from studyapp.study.progress import ProgressModel
from studyapp.study.progress_report import totals
from tests.gui.decks import anesthesia_deck, depression_deck
from tests.study.test_progress import NOW, review, scheduler
from tests.study.test_progress import store as store  # the same two decks, a fresh store


def test_totals_add_up_the_decks(store):
    """Totals over decks are the sums of each deck's figures."""
    sched = scheduler()
    decks = [anesthesia_deck(), depression_deck()]
    review(store, sched, decks[1].cards[0].id, Rating.GOOD, NOW - timedelta(minutes=3))
    figures = ProgressModel(store, sched).decks(decks, NOW)
    sums = totals(figures)
    assert sums.total == sum(len(d.cards) for d in decks)
    assert (sums.new, sums.learning, sums.due_today) == (sums.total - 1, 1, 1)


def test_the_report_counts_every_deck_and_answer(store):
    """The progress view's report counts the cards of every deck and every answer given."""
    sched = scheduler()
    decks = [anesthesia_deck(), depression_deck()]
    review(store, sched, decks[0].cards[0].id, Rating.GOOD, NOW - timedelta(minutes=3))
    report = ProgressModel(store, sched).report(decks, NOW)
    assert report.cards == sum(len(d.cards) for d in decks)
    assert (report.studied, report.review_count) == (1, 1)
    assert [t.title for t in report.topics] == [d.title for d in decks]
