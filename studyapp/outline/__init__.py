"""Study text → section tree: Roman, lettered, numbered and decimal outlines, Markdown.

Owns reading a source file (:mod:`.parse`), classifying its lines and nesting them into
sections (:mod:`.lines`, :mod:`.tree`, the value types in :mod:`.nodes`), splitting text into
verbatim sentences (:mod:`.sentences`) and dropping what is not study material: site names,
promotion, bylines and navigation (:mod:`.chrome_filter`).

May import: the kernel (``studyapp.model``, ``studyapp.errors``). Nothing of cards, decks,
the store or study: the outline knows nothing of what is made from it.
"""
