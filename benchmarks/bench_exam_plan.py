"""What the exam plan gains: a simulated student's predicted recall on exam day, and answers.

For each scenario (deck size, days from the first study day to the exam) and each of several
simulated students (seeds), :func:`studyapp.study.simulation.simulate_student` studies the deck
every day until the exam through the real session, queue, scheduler and store, once without an
exam date (the baseline, plain FSRS at the default settings: 20 new cards a day, 90 % desired
retention) and once with it. Answers are drawn from FSRS's own predicted recall. Printed per
scenario: mean predicted recall on exam day with and without the plan, mean answers given
before the exam, and their ratio to the baseline measured in the same run.

Run: ``.venv/bin/python benchmarks/bench_exam_plan.py [--seeds 5]``
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date, timedelta

from studyapp.study.simulation import practice_deck, simulate_student

START = date(2027, 1, 4)
SCENARIOS = ((100, 45), (200, 60), (300, 30), (500, 90), (800, 30))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5, help="simulated students per scenario")
    seeds = range(1, parser.parse_args().seeds + 1)
    print(
        f"{'cards':>5} {'days':>4}  {'recall without':>14} {'recall with':>11}  "
        f"{'answers without':>15} {'answers with':>12} {'ratio':>6}  {'unseen':>9}"
    )
    began = time.perf_counter()
    for cards, days in SCENARIOS:
        deck = practice_deck(cards)
        exam = START + timedelta(days=days)
        runs = {
            plan: [
                simulate_student(deck, start=START, exam_day=exam, with_plan=plan, seed=s)
                for s in seeds
            ]
            for plan in (False, True)
        }
        recall = {p: statistics.mean(r.recall_on_exam_day for r in runs[p]) for p in runs}
        answers = {p: statistics.mean(r.answers for r in runs[p]) for p in runs}
        unseen = {p: statistics.mean(r.unseen for r in runs[p]) for p in runs}
        print(
            f"{cards:>5} {days:>4}  {recall[False]:>14.3f} {recall[True]:>11.3f}  "
            f"{answers[False]:>15.0f} {answers[True]:>12.0f} {answers[True] / answers[False]:>6.2f}"
            f"  {unseen[False]:>4.0f}/{unseen[True]:<4.0f}"
        )
    print(f"({len(seeds)} students per scenario; {time.perf_counter() - began:.0f} s)")


if __name__ == "__main__":
    main()
