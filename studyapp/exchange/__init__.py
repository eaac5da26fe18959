"""Decks in and out: Anki packages and CSV/TSV files, to and from studyapp's YAML decks.

Owns reading Anki packages safely (:mod:`.package`: zip bombs, paths that climb out, the legacy
and the current zstd format), reading their SQLite collection (:mod:`.collection`), turning
notes into decks and the review log into progress (:mod:`.anki_import`, :mod:`.history`),
writing Anki packages with genanki (:mod:`.anki_export`), CSV/TSV both ways (:mod:`.csv_io`),
card text between studyapp's Markdown and Anki's HTML (:mod:`.html`) and writing imported
decks all or nothing (:mod:`.deck_writer`).

May import: :mod:`studyapp.decks` (the format's rules and validation), :mod:`studyapp.store`
and :mod:`studyapp.study` (history replays through the scheduler into the store) and the
kernel. Never cards, outline or gui; the command line and the GUI call into it.
"""
