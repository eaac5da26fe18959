"""The shipped word table answers as wordfreq and lemminflect, whose data it copies."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from lemminflect import getAllLemmas, getInflection
from wordfreq import get_frequency_list, zipf_frequency

from studyapp.cards import lexicon as lx
from studyapp.cards.word_table import TABLE, TAGS, SortedLines, forms_lines, word_table

ROOT = Path(__file__).resolve().parents[2]
CORPUS = [
    path
    for folder in ("tests/corpus", "benchmarks/corpus", "benchmarks/heldout")
    for path in sorted((ROOT / folder).glob("*"))
    if path.suffix in (".md", ".rst", ".txt") and path.stem != "README"
]
WORD = re.compile(r"\S+")
TRICKY = [
    "anti-inflammatory",  # hyphens split a word into tokens
    "abbot--no",
    "call--",
    "1990–2000",  # dashes and minus signs split too
    "−o2cco2−)",
    "-ate",
    "(abp)",
    "relative.",
    "hepadnaviridae,",
    "caregivers’",  # a curly quote is read as a straight one
    "'client",
    "don't",
    "can’t",
    "i'm",
    "d’alessandro",
    "ship's-crew",
    "rcv.nxt",  # a dot between letters and an underscore join
    "ca_bundle",
    "scipy.stats.mannwhitneyu",
    "ipv6",  # one digit is part of the word
    "smm1998",  # a run of digits is weighed as a number, four digits as a year
    "rfc1738",
    "mid-2000s",
    "2045",
    "a00",
    "32.184",  # a number with a dot or comma is one token, weighed as its digits
    "1,000",
    "v1.2.3",
    "Adulthood",
    "Plaintiff",
    "zzzqx",  # never seen
]


def _made_from() -> dict[str, str]:
    """The library versions the table was made from, as its first line names them."""
    with TABLE.open(encoding="utf-8") as stream:
        header = stream.readline()
    return dict(re.findall(r"(wordfreq|lemminflect) ([\w.]+)", header))


def _same_as_installed(library: str) -> None:
    """Skip a comparison with a library whose installed version is not the table's (the
    lowest versions the project allows: lemminflect 0.2.1 knows 84 lemmas fewer)."""
    made, installed = _made_from()[library], version(library)
    if made != installed:
        pytest.skip(f"the table was made from {library} {made}; {installed} is installed")


def _corpus_words() -> set[str]:
    found: set[str] = set()
    for path in CORPUS:
        found.update(WORD.findall(path.read_text(encoding="utf-8")))
    return found


def test_frequencies_are_wordfreqs():
    """A word's frequency, and so whether it counts as everyday English or the subject's
    vocabulary, is the one wordfreq gives: for the corpus's words as written, a sample of
    wordfreq's list and words it splits or weighs in its own way."""
    _same_as_installed("wordfreq")
    rng = random.Random(7)
    listed = [word for bucket in get_frequency_list("en", "best") for word in bucket]
    words = {*_corpus_words(), *TRICKY, *rng.sample(listed, 20_000)}
    answered = 0
    for word in sorted(words):
        found = word_table().zipf(word)
        if found is None:
            continue  # not copied: lexicon.zipf asks wordfreq
        answered += 1
        assert found == zipf_frequency(word, "en"), word
    assert answered > 0.7 * len(words)  # the rest is markup and numbers: "![A", "1.5"
    assert all(word_table().zipf(word) is not None for word in TRICKY)
    said = {w for text in _corpus_words() for w in lx.WORD.findall(text)}  # what cards ask
    assert sum(word_table().zipf(w) is None for w in said) < 0.001 * len(said)


def test_uncopied_tokens_are_left_to_wordfreq():
    """A token the table does not read as wordfreq does (letters outside a-z, a French
    elision, a dot between a number and a word) still gets wordfreq's frequency, from
    wordfreq itself."""
    for word in ("µm", "café", "l'homme", "qu'un", "1.a", "c++"):
        assert word_table().zipf(word) is None
        assert lx.zipf(word) == zipf_frequency(word, "en")


def test_lemmas_are_lemminflects():
    """A word's lemmas and parts of speech are lemminflect's, for the corpus's words and
    for words lemminflect does not know."""
    _same_as_installed("lemminflect")
    words = {w.lower() for w in _corpus_words()} | {"rose", "begin", "book shelf", "'d", "zzzqx"}
    for word in sorted(words):
        assert word_table().lemmas(word) == getAllLemmas(word), word
    assert word_table().lemmas("rose") == {"NOUN": ("rose",), "VERB": ("rise",)}


def test_verb_forms_are_lemminflects():
    """The past and third person forms of every verb lemma are lemminflect's ("began",
    "carries"), and a word that is no verb lemma is left to lemminflect."""
    _same_as_installed("lemminflect")
    rng = random.Random(3)
    verbs = sorted({f for w in _corpus_words() for f in getAllLemmas(w.lower()).get("VERB", ())})
    for base in [*rng.sample(verbs, 300), "begin", "carry", "be"]:
        for tag in TAGS:
            assert word_table().inflection(base, tag) == getInflection(base, tag=tag), base
    assert word_table().inflection("zzzqx", "VBD") is None
    assert lx.inflection("zzzqx", "VBD") == getInflection("zzzqx", tag="VBD")
    assert lx.inflection("carry", "VBZ") == ("carries",)


def test_the_forms_of_each_lemma_are_made_from_the_lemmas():
    """The words of each lemma, looked up when a long text counts "causes" as "cause", are
    exactly the words whose lemma the lemmas part gives as another word (read noun first):
    rebuilt from it, the forms part is the same, line for line."""
    table = word_table()
    lemmas, forms = table._lemmas, table._forms
    lemma_lines = lemmas._text[lemmas._starts[0] + 1 : lemmas._stops[-1]].split("\n")
    shipped = forms._text[forms._starts[0] + 1 : forms._stops[-1]].split("\n")
    assert shipped == forms_lines(lemma_lines)
    assert table.forms("begin") == ("began", "begins", "begun")  # "beginning" is a noun
    assert table.forms("zzzqx") == ()


def test_making_cards_loads_neither_library():
    """Generating the decks of a text reads only the shipped table: neither library (nor
    numpy) is imported, which is what keeps `studyapp generate` quick to start."""
    script = (
        "import sys; from pathlib import Path;"
        "from studyapp.cards.generate import generate_decks;"
        "from studyapp.outline.parse import parse_outline, read_source;"
        f"text = read_source(Path({str(CORPUS[0])!r}));"
        "decks = generate_decks(parse_outline(text), prefix='t', source_file='t.md');"
        "assert sum(len(d.cards) for d in decks) > 0;"
        "print(sorted(m for m in ('wordfreq', 'lemminflect', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]"]


def test_every_line_of_the_table_is_found():
    """Each word the table holds is found, in each of its parts, however the lines fall
    between the samples the search starts from; a word it does not hold is not."""
    table = word_table()
    for part in (table._frequency, table._lemmas, table._inflections, table._forms):
        lines = part._text[part._starts[0] + 1 : part._stops[-1]].split("\n")
        keys = [line.split("\t", 1)[0] for line in lines]
        assert keys == sorted(set(keys))  # sorted by word, each once: what the search needs
        for line in [*lines[:50], *lines[::37], *lines[-50:]]:
            key, answer = line.split("\t", 1)
            assert part.find(key) == answer
        for missing in ("", "zzzzzzzzz", keys[0][:-1], f"{keys[-1]}z", f"{keys[len(keys) // 2]}q"):
            if missing not in keys:
                assert part.find(missing) is None


def test_lines_are_found_however_long():
    """A word is found whether its line is shorter or longer than the stretch between two
    samples, and at either end of the lines; a line outside them is not."""
    lines = ["a\t1", "bb\t" + "2" * 30, "c\t3", "dd\t4", "e\t" + "5" * 20, "f\t6"]
    for stride in (1, 8, 1024):
        sampled = type("Sampled", (SortedLines,), {"STRIDE": stride})
        text = "[heading]\n" + "\n".join(lines) + "\nzz\t7\n"  # a line of the next part
        part = sampled(text, len("[heading]"), text.index("zz\t7"))
        for line in lines:
            key, answer = line.split("\t")
            assert part.find(key) == answer, (stride, key)
        for missing in ("", "0", "b", "bbb", "cz", "g", "zz", "[heading]"):
            assert part.find(missing) is None, (stride, missing)
