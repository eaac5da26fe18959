"""Deck files: the YAML format, safe and bounded loading, validation with ``file:line:col``.

Owns reading deck files into :class:`studyapp.model.Deck` values (:mod:`.load`), the format's
keys and per-file checks (:mod:`.builder`, :mod:`.checks`), images and math inside text and
where an image may come from (:mod:`.markup`), the YAML node reader with its size
and alias limits (:mod:`.yaml_nodes`), problems as ``file:line:col: message``
(:mod:`.problems`), the cache of parsed files that keeps start-up free of YAML
(:mod:`.cache`, :mod:`.card_texts`) and the listing of the decks a start shows before they are
loaded (:mod:`.listing`).

May import: the kernel only. Deck files are never written here (the app never writes them).
"""
