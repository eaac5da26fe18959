"""Build ``studyapp/cards/data/english-words.txt``: the word table the card generator reads
instead of loading wordfreq and lemminflect (and numpy, which lemminflect imports) in every
``studyapp generate`` process.

The table holds, copied from the installed libraries (so it answers exactly as they do):

* every English word of wordfreq's ``best`` list made only of ``a-z``, ``0-9`` and
  ``'._,``, with its frequency bucket (the centibel index wordfreq itself stores);
* for every lower-case word lemminflect's lemma table (or its overrides) knows, what
  ``getAllLemmas(word)`` returns;
* for every verb lemma among those, what ``getInflection(lemma, tag)`` returns for the past
  (``VBD``) and the third person singular (``VBZ``);
* made from the lemmas, for every lemma words other than itself have, those words (how
  :mod:`studyapp.cards.lexicon` counts "cause" and "causes" as one word).

Run it again (``python scripts/build_word_table.py``) after changing the version of either
library; the tests compare the table with the libraries. Each part is sorted (Python's
order of strings), so that a lookup is a binary search and loading the table builds no
dictionary. It is written uncompressed: the wheel and the repository compress it, and a
process that makes cards then reads it without decompressing it.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

from lemminflect import getAllLemmas, getInflection
from lemminflect.core.Lemmatizer import Lemmatizer
from wordfreq import get_frequency_list

from studyapp.cards.word_table import forms_lines

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "studyapp" / "cards" / "data" / "english-words.txt"
TABLE_WORD = re.compile(r"[a-z0-9'._,]+")
TAGS = ("VBD", "VBZ")
SEPARATORS = ("\t", "|", "/")  # of a line, of its parts of speech, of their forms


def frequency_lines() -> list[str]:
    """One line per word: the word, a tab, the index of its frequency bucket."""
    lines = []
    for index, bucket in enumerate(get_frequency_list("en", "best")):
        lines.extend(f"{w}\t{index}" for w in bucket if TABLE_WORD.fullmatch(w))
    return lines


def _forms(forms: tuple[str, ...]) -> str:
    for form in forms:
        if not form or form == "-" or any(sep in form for sep in SEPARATORS):
            raise ValueError(f"cannot store the form {form!r}")
    return "/".join(forms)


def lemma_lines() -> tuple[list[str], set[str]]:
    """One line per lower-case word lemminflect knows: the word, a tab, then
    ``POS:lemma/lemma`` for each part of speech, joined by ``|``; and the verb lemmas among
    them."""
    lemmatizer = Lemmatizer()
    known = set(lemmatizer._getLemmaDict()) | set(lemmatizer._getOverridesDict())
    lines, verbs = [], set()
    for word in sorted(w for w in known if w == w.lower()):
        if "\t" in word or not word:
            raise ValueError(f"cannot store the word {word!r}")
        found = getAllLemmas(word)
        if not found:
            continue
        lines.append(f"{word}\t{'|'.join(f'{pos}:{_forms(f)}' for pos, f in found.items())}")
        for pos in ("VERB", "AUX"):
            verbs.update(form.lower() for form in found.get(pos, ()))
    return lines, verbs


def inflection_lines(verbs: set[str]) -> list[str]:
    """One line per verb lemma: the lemma, then the forms of each tag (``-`` for none)."""
    lines = []
    for base in verbs:
        forms = [_forms(tuple(getInflection(base, tag=tag) or ())) or "-" for tag in TAGS]
        lines.append("\t".join([base, *forms]))
    return lines


def main() -> None:
    lemmas, verbs = lemma_lines()
    parts = [
        f"# studyapp word table: wordfreq {version('wordfreq')}, "
        f"lemminflect {version('lemminflect')}; see README.md here for sources and licences",
        "[frequency]",
        *sorted(frequency_lines()),
        "[lemmas]",
        *sorted(lemmas),
        f"[inflections] {' '.join(TAGS)}",
        *sorted(inflection_lines(verbs)),
        "[forms]",
        *forms_lines(sorted(lemmas)),
    ]
    data = ("\n".join(parts) + "\n").encode("utf-8")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(data)
    print(f"wrote {OUT} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
