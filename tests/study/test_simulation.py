"""A simulated student scores better on exam day with the exam plan, for no more reviews."""

from __future__ import annotations

from datetime import date, timedelta

from studyapp.study.simulation import practice_deck, simulate_student

START = date(2027, 1, 4)


def test_the_exam_plan_raises_recall_on_exam_day_for_no_more_reviews():
    """200 cards, exam in 60 days: predicted recall on the day is higher with the plan.

    About 1.3 s: two months of daily sessions, twice (benchmarks/bench_exam_plan.py runs more
    decks and students)."""
    deck = practice_deck(200)
    exam = START + timedelta(days=60)
    without = simulate_student(deck, start=START, exam_day=exam, with_plan=False, seed=1)
    with_plan = simulate_student(deck, start=START, exam_day=exam, with_plan=True, seed=1)
    assert with_plan.unseen == without.unseen == 0
    assert with_plan.recall_on_exam_day > without.recall_on_exam_day + 0.02
    assert with_plan.answers <= without.answers


def test_the_same_seed_gives_the_same_student():
    """A simulation is reproducible: same deck, dates and seed give the same figures."""
    deck = practice_deck(20)
    exam = START + timedelta(days=10)
    first = simulate_student(deck, start=START, exam_day=exam, with_plan=True, seed=3)
    again = simulate_student(deck, start=START, exam_day=exam, with_plan=True, seed=3)
    assert first == again
