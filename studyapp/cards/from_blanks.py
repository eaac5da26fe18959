"""Multiple-choice cards made from clozes whose hidden term has siblings in the document.

``Ketamine's interaction with the brain's opioid pathways further contributes to its
{{c1::analgesic effects}}`` becomes "Which completes the sentence? ... to its _____." with
``analgesic effects`` and three other ``... effects`` of the text (``anxiolytic effects``,
``psychotomimetic effects``, ...) as options. A distractor is the same kind of thing as the
answer (the same head noun with another specific modifier), never appears in the sentence,
and is never also right: a sentence of the source that says it in the same words as the
question's sentence rules it out.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property, lru_cache

from studyapp.cards import cloze_rules as cr
from studyapp.cards import lexicon as lx
from studyapp.cards import term_quality as tq
from studyapp.cards import text_facts as tf
from studyapp.cards.drafts import Draft, digest
from studyapp.model import CardType
from studyapp.outline.sentences import plain_lower

_CLOZE = re.compile(r"\{\{c1::(.*?)\}\}")
BLANK = "_____"
# question cards whose answer is a term that may have same-kind siblings
_QA_KEYS = ("makes|", "does|", "emerged-as|", "sets-apart|")
# a word in capitals: for emphasis where it is an English word ("ELASTIC"), not an acronym
_SHOUTED = re.compile(r"\b[A-Z]{4,}\b")


def blank_choices(
    drafts: list[Draft], sentences: list[str], own: set[str], subject: str = ""
) -> None:
    """Turn, in place, each cloze draft whose hidden term has three same-kind siblings in the
    document (``sentences``, all of them) into a multiple-choice draft, and likewise a
    question card whose answer is such a term ("What makes ketamine ...?" -> ``analgesic
    effects``); siblings found in ``own`` (this deck's sentences) come first."""
    document = _Document(sentences)
    for index, draft in enumerate(drafts):
        if draft.type in (CardType.BASIC, CardType.TYPED) and draft.key.startswith(_QA_KEYS):
            options = _distractors(draft.answer, draft.source, document, own, subject)
            if len(options) >= 3:  # "What makes ketamine ...?" -> analgesic / anxiolytic ...
                drafts[index] = replace(
                    draft,
                    type=CardType.CHOICE,
                    key=f"choose|{draft.key}",
                    distractors=tuple(options[:3]),
                    accept=(),
                )
            continue
        if draft.type is not CardType.CLOZE:
            continue
        match = _CLOZE.search(draft.text)
        if not match:
            continue
        answer = match.group(1)
        if any(lx.parts_of_speech(w.lower()) for w in _SHOUTED.findall(answer)):
            continue  # "There is no [ELASTIC element]": the author's capitals pick it out
        options = _distractors(answer, draft.text, document, own, subject)
        if len(options) < 3:
            continue
        if not draft.text[: match.start()].strip(" “\"'(["):
            # the blank opens the sentence, so does each option ("[Verbal judgments] are
            # ..." against "intellectual judgments" would tell the answer by its capital)
            options = [o[:1].upper() + o[1:] for o in options]
        shown = draft.text[: match.start()] + BLANK + draft.text[match.end() :]
        drafts[index] = Draft(
            CardType.CHOICE,
            f"blank|{answer}",
            draft.section,
            draft.source,
            question=f"“{shown}” — which term completes the sentence?",
            answer=answer,
            distractors=tuple(options[:3]),
        )


def never_kept(sentence: str) -> bool:
    """Whether no cloze of ``sentence`` can become a card, whatever phrase it hides, nor the
    fill-the-blank choice :func:`blank_choices` would make of it: the sentence breaks a rule
    of its own (:func:`studyapp.cards.cloze_rules.sentence_fails`), and the gate judges the
    choice as the same cloze (:func:`studyapp.cards.gate.card_fault`) where its question
    gives that cloze back whole (one line, no blank of the sentence's own)."""
    return "\n" not in sentence and BLANK not in sentence and cr.sentence_fails(sentence)


def siblings(answer: str, text: str, sentence: str = "") -> list[str]:
    """Phrases of the document with the answer's head noun and another specific modifier
    (``analgesic effects`` -> ``anxiolytic effects``), as written, first occurrence each;
    ``text`` is the document's sentences, one a line. Only a two-word answer has siblings:
    the other modifiers of a lone word ("foreign" of "foreign corporation") are rarely of
    one kind."""
    stem = _sibling_stem(answer)
    return [] if stem is None else _siblings(answer, stem, text)


def _sibling_stem(answer: str) -> str | None:
    """The head noun of an answer that may have siblings (see :func:`siblings`), without
    its plural "s"; ``None`` for an answer that has none."""
    answer_words = answer.split()
    if len(answer_words) != 2 or tq.is_weak(answer, tf.STOPWORDS):
        return None
    head = answer_words[-1].lower()
    verb = lx.verb_lemma(head)
    if (
        not lx.can_be_noun(head)
        or lx.is_function_word(head)
        or (verb and lx.zipf(verb) >= 6)
        or lx.is_common(head)  # "number", "state": too many kinds to choose from
    ):
        return None  # "anybody here", "flame upwards": no noun, no kind of thing
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


def _siblings(answer: str, stem: str, text: str) -> list[str]:
    """:func:`siblings` of an answer whose head noun is ``stem``."""
    answer_words = answer.split()
    found: dict[str, str] = {}
    for _, start, end, _, second in _modified(stem, text):
        if not _specific_modifier(second) or _after_possessive(text, start):
            continue
        key = f"{second.lower()} {stem}"
        if key != f"{answer_words[0].lower()} {stem}":
            found.setdefault(key, text[start:end])
    return list(found.values())


# a word's characters are taken whole ("*+"): a space follows the word, never one of them,
# so giving some back could never match, and the search is not left to try it
_BEFORE_HEAD = re.compile(r"(?:\b([A-Za-z][\w-]*+) (?:and|or) )?\b([A-Za-z][\w-]*+) $")


def _modified(stem: str, text: str) -> list[tuple[int, int, int, str, str]]:
    """``(start of first, start of second, end of the head, first, second)`` for each
    ``[first and] second <stem>(s)`` of ``text`` (``glutamate and GABA receptors``); found by
    the head noun, which is much faster than scanning every word."""
    out: list[tuple[int, int, int, str, str]] = []
    for start, end in _head_spans(stem, text):
        window_start = max(0, start - 60)
        before = _BEFORE_HEAD.search(text, _words_start(text, window_start, start), start)
        if before and before.end() == start:
            first = before.group(1) or ""
            out.append((before.start(1), before.start(2), end, first, before.group(2)))
    return out


_PLAIN_STEM = re.compile(r"[a-z0-9_]+")


def _words_start(text: str, window_start: int, start: int) -> int:
    """Where the words before a head noun at ``start`` that :data:`_BEFORE_HEAD` finds may
    begin, in the window from ``window_start``: they hold three spaces at most ("glutamate
    and GABA "), the last just before the head, so they begin after the fourth space back.
    The search starts there instead of at every position of the window."""
    at = start - 1
    for _ in range(3):
        at = text.rfind(" ", window_start, at)
        if at < 0:
            return window_start
    return at + 1


@lru_cache(maxsize=4)
def _document_lower(text: str) -> str | None:
    """:func:`plain_lower` of a document's sentences, made once for the many answers whose
    head nouns are looked for in it (each would lower-case the whole document again)."""
    return plain_lower(text)


def _head_spans(stem: str, text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each whole word ``stem`` or ``stem`` + "s" of ``text``, in any case:
    what ``re.finditer(rf"\\b{stem}s?\\b", text, re.IGNORECASE)`` finds, found with ``str.find``
    on the lower-cased text instead of a pattern compiled (and run) per head noun."""
    lowered = _document_lower(text) if _PLAIN_STEM.fullmatch(stem) else None
    if lowered is None:
        pattern = rf"\b{re.escape(stem)}s?\b"
        return [hit.span() for hit in re.finditer(pattern, text, re.IGNORECASE)]
    out: list[tuple[int, int]] = []
    at = lowered.find(stem)
    while at >= 0:
        end = at + len(stem)
        if not (at and word_char(text[at - 1])):
            if lowered[end : end + 1] == "s" and not word_char(text[end + 1 : end + 2]):
                out.append((at, end + 1))
            elif not word_char(text[end : end + 1]):
                out.append((at, end))
        at = lowered.find(stem, at + 1)  # a word starting inside a hit has no boundary
    return out


def word_char(char: str) -> bool:
    """Whether ``char`` (one character, or "" past either end) is a word character of ``re``."""
    return char.isalnum() or char == "_"


def _specific_modifier(word: str) -> bool:
    """Whether a word in front of a head noun tells one kind from another (``analgesic``,
    ``GABA``), not a stop word, an opinion or a generic modifier."""
    lower = word.lower()
    return not (
        len(lower) < 3
        or lx.only_verb(lower)
        or (lx.is_familiar(lower) and not word.isupper())  # "previous", "entire": any fits
        or lx.is_personal(lower)
        or lower in tf.STOPWORDS
        or lower in tq.EVALUATIVE
        or lower in tq.GENERIC_MODIFIERS
        or lower in tq.WEAK_NOUNS
        or lower.endswith(("ly", "ing", "ed"))
    )


def _after_possessive(text: str, at: int) -> bool:
    """Whether the word at ``at`` follows a possessive or a hyphen (part of a longer name).
    The text before it is read back from ``at``, not copied: ``text`` is the whole document."""
    end = at
    while end and text[end - 1].isspace():  # what str.rstrip() strips
        end -= 1
    return text.endswith(("’s", "'s", "-"), 0, end)


class _Document:
    """The document's sentences, joined and lower-cased only when a draft's answer may have
    siblings (most have none): a long document's drafts are turned in many small groups,
    each with all the sentences around them."""

    def __init__(self, sentences: list[str]) -> None:
        self.sentences = sentences

    @cached_property
    def joined(self) -> str:
        """The sentences, one a line (where :func:`siblings` looks)."""
        return "\n".join(self.sentences)

    @cached_property
    def corpus(self) -> list[tuple[str, str]]:
        """Each sentence with its lower-cased form (where :func:`_also_right` looks)."""
        return [(s, s.lower()) for s in self.sentences]


def _distractors(
    answer: str,
    cloze: str,
    document: _Document,
    own: set[str],
    subject: str = "",
) -> list[str]:
    """Up to three valid distractors for ``answer``, this deck's first, then by a stable hash;
    none when the answer's own modifier tells nothing ("[two] species", "[adult] animals",
    "[muscle] tissue"): "nemertine species" beside "two species" is no fair choice."""
    words = answer.split()
    if len(words) > 1 and not _specific_modifier(words[0]):
        return []
    stem = _sibling_stem(answer)
    if stem is None:
        return []  # no siblings to look for: the document's sentences are not read
    shown = _CLOZE.sub(answer, cloze)
    lowered = shown.lower()
    plural = answer.lower().endswith("s")
    out: list[tuple[int, int, str]] = []
    for option in _siblings(answer, stem, document.joined):
        if " " in answer and option.lower().endswith("s") != plural:
            continue  # "a synergistic effect" cannot stand for "its analgesic effects"
        if option.split()[0].lower() in lowered or option.lower() in answer.lower():
            continue
        if _also_right(option, answer, shown, document.corpus, subject):
            continue
        in_deck = any(option.lower() in s.lower() for s in own)
        out.append((0 if in_deck else 1, digest(answer + option), option))
    return [option for _, _, option in sorted(out)]


def _content(text: str, drop: set[str]) -> set[str]:
    """Content words of a sentence (by their first six letters), minus ``drop``. The
    document's subject counts: "Diazepam has X" is also right if the text says "Diazepam has
    Y" elsewhere."""
    return {
        w[:6] for w in tf.words(text) if w not in tf.STOPWORDS and w[:6] not in drop and len(w) > 2
    }


_HEAD_AFTER = re.compile(r"(?: (?:and|or) [\w-]+)? ([\w-]+)", re.IGNORECASE)


def _heads(word: str, text: str) -> set[str]:
    """Stems of the nouns ``word`` modifies in ``text`` ("glutamate and serotonin receptors"
    -> ``recept``): what ``re.finditer(rf"\\b{word}(?: (?:and|or) [\\w-]+)? ([\\w-]+)", text,
    re.IGNORECASE)`` finds, the word found with ``str.find`` on the lower-cased text (as in
    :func:`_head_spans`) and only what follows it matched, with no pattern compiled per word."""
    lowered = plain_lower(text) if word and word.isascii() else None
    if lowered is None:
        pattern = rf"\b{re.escape(word)}{_HEAD_AFTER.pattern}"
        return {m.group(1).lower()[:6] for m in re.finditer(pattern, text, re.IGNORECASE)}
    key = word.lower()
    out: set[str] = set()
    at = lowered.find(key)
    while at >= 0:
        after = None
        if word_char(text[at - 1 : at] if at else "") != word_char(text[at]):  # \b before it
            after = _HEAD_AFTER.match(text, at + len(key))
        if after is None:
            at = lowered.find(key, at + 1)
            continue
        out.add(after.group(1).lower()[:6])
        at = lowered.find(key, after.end())  # the next match starts past this one
    return out


def _also_right(
    option: str, answer: str, sentence: str, corpus: list[tuple[str, str]], subject: str = ""
) -> bool:
    """Whether the source says ``option`` where the sentence says ``answer``: a sentence
    holding the option that shares two of the question sentence's other words besides the
    document's subject, or a large part of them with it ("Diazepam has X" vs "Diazepam has
    Y")."""
    drop = {w[:6] for w in tf.words(answer) + tf.words(option)}
    drop |= _heads(answer, sentence)  # the noun both modify says nothing about the claim
    wanted = _content(sentence, drop)
    if not wanted:
        return True
    about = subject.lower()[:6]
    for text, lower in corpus:
        if option.lower() not in lower:
            continue
        shared = wanted & _content(text, drop)
        if len(shared - {about}) >= 2 or len(shared) >= 0.4 * len(wanted):
            return True
    return False
