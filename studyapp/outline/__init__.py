"""Study text → section tree: Roman, lettered, numbered and decimal outlines, Markdown,
reStructuredText, underlined plain text and bullet notes.

Owns reading a source file and its front-matter notice (:mod:`.parse`), classifying its lines
and nesting them into sections with their paragraphs, lists and tables (:mod:`.lines`,
:mod:`.events`, :mod:`.tree`, the value types in :mod:`.nodes`), splitting text into verbatim
sentences (:mod:`.sentences`) and dropping what is not study material: the markup of the source
formats (:mod:`.markup`), a table of contents (:mod:`.contents`), site names, promotion,
bylines and navigation (:mod:`.chrome_filter`).

May import: the kernel (``studyapp.model``, ``studyapp.errors``). Nothing of cards, decks,
the store or study: the outline knows nothing of what is made from it.
"""
