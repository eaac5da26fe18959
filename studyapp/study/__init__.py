"""Studying: FSRS scheduling, the study queue and session, answer checking, and progress.

Owns the pure scheduler (:mod:`.scheduler`, :mod:`.steps`), the queue of cards to show
(:mod:`.queue`), the session that drives a passive view (:mod:`.session`) over its cards
(:mod:`.scope`), lenient answer checking (:mod:`.answers`), personal parameters
(:mod:`.optimize`), the student's preferences (:mod:`.preferences`) and the one model of
progress every screen shows (:mod:`.progress`: the study day, due, new, learning, mastered,
predicted recall, forecast, retention).

May import: :mod:`studyapp.store` and the kernel. Never outline, cards or gui.
"""
