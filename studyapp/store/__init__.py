"""The progress database: SQLite through sqlite-utils, safe against crashes.

Owns the :class:`~.database.Store` (cards keyed by stable id, card state, the append-only
review log, reading progress, settings), its schema as named migrations (:mod:`.migrations`),
syncing decks into it (:mod:`.sync`), read-only queries (:mod:`.queries`), replaying the log
(:mod:`.replay`), the database file, its lock and errors (:mod:`.dbfile`), backups
(:mod:`.backups`), background checkpoints (:mod:`.checkpoints`) and checks and repair
(:mod:`.doctor`).

May import: the kernel only. It stores numbers; what they mean for a student (due, mastered,
the study day) is :mod:`studyapp.study`'s, which passes its rules in where a query needs them.
"""
