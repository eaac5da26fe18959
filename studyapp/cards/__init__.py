"""Section tree → grounded quiz cards → deterministic YAML deck files.

Owns the card generator: drafts from sentences, lists and tables (:mod:`.from_text`,
:mod:`.from_lists`, :mod:`.from_blanks`, :mod:`.questions`, :mod:`.why_how`,
:mod:`.main_clause`, :mod:`.from_tables`), comparisons of two terms of one kind
(:mod:`.comparisons`), the word knowledge it judges terms with
(:mod:`.lexicon`, the one place of it, and on top of it :mod:`.text_facts`,
:mod:`.term_quality`, :mod:`.phrase_scorer`) and what it knows of the document
(:mod:`.doc_context`), the quality gate every card passes (:mod:`.gate`), which drafts become
cards (:mod:`.selection`), decks and their splits and stable card ids (:mod:`.generate`), deck
titles and ids (:mod:`.deck_names`), reading material (:mod:`.reading`), the YAML files
(:mod:`.deck_files`), and writing decks from a text all or nothing (:mod:`.deck_making`).

May import: :mod:`studyapp.outline` and the kernel. Never decks, store, study or gui: the
generator writes files that the loader then reads like any hand-written deck.
"""
