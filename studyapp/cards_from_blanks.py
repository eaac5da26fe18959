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

from studyapp import term_quality as tq
from studyapp import text_facts as tf
from studyapp.card_drafts import Draft, digest
from studyapp.model import CardType

_CLOZE = re.compile(r"\{\{c1::(.*?)\}\}")
BLANK = "_____"


def blank_choices(drafts: list[Draft], sentences: list[str], own: set[str], subject: str) -> None:
    """Turn, in place, each cloze draft whose hidden term has three same-kind siblings in the
    document (``sentences``, all of them) into a multiple-choice draft; siblings found in
    ``own`` (this deck's sentences) come first."""
    corpus = [(s, s.lower()) for s in sentences]
    for index, draft in enumerate(drafts):
        if draft.type is not CardType.CLOZE:
            continue
        match = _CLOZE.search(draft.text)
        if not match:
            continue
        answer = match.group(1)
        options = _distractors(answer, draft.text, corpus, own, subject)
        if len(options) < 3:
            continue
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


def siblings(answer: str, corpus: list[tuple[str, str]]) -> list[str]:
    """Phrases of the document with the answer's head noun and another specific modifier
    (``analgesic effects`` -> ``anxiolytic effects``), as written, first occurrence each."""
    answer_words = answer.split()
    if len(answer_words) != 2 or tq.is_weak(answer, tf.STOPWORDS):
        return []
    head = answer_words[-1].lower()
    stem = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    pattern = re.compile(rf"\b([A-Za-z][\w-]+) ({re.escape(stem)}s?)\b", re.IGNORECASE)
    found: dict[str, str] = {}
    for text, _ in corpus:
        for hit in pattern.finditer(text):
            modifier = hit.group(1).lower()
            if (
                modifier in tf.STOPWORDS
                or modifier in tq.EVALUATIVE
                or modifier in tq.GENERIC_MODIFIERS
                or modifier in tq.WEAK_NOUNS
                or modifier.endswith(("ly", "ing", "ed"))
                or text[: hit.start()].rstrip().endswith(("’s", "'s", "-"))
            ):
                continue
            phrase = hit.group(0)
            key = f"{modifier} {stem}"
            if key != f"{answer_words[0].lower()} {stem}":
                found.setdefault(key, phrase)
    return list(found.values())


def _distractors(
    answer: str, cloze: str, corpus: list[tuple[str, str]], own: set[str], subject: str
) -> list[str]:
    """Up to three valid distractors for ``answer``, this deck's first, then by a stable hash."""
    shown = _CLOZE.sub(answer, cloze)
    lowered = shown.lower()
    plural = answer.lower().endswith("s")
    out: list[tuple[int, int, str]] = []
    for option in siblings(answer, corpus):
        if option.lower().endswith("s") != plural:
            continue  # "a synergistic effect" cannot stand for "its analgesic effects"
        if option.split()[0].lower() in lowered or option.lower() in answer.lower():
            continue
        if _also_right(option, answer, shown, corpus, subject):
            continue
        in_deck = any(option.lower() in s.lower() for s in own)
        out.append((0 if in_deck else 1, digest(answer + option), option))
    return [option for _, _, option in sorted(out)]


def _content(text: str, drop: set[str], subject: str) -> set[str]:
    """Content words of a sentence (by their first six letters), minus ``drop`` and the
    document's subject."""
    return {
        w[:6]
        for w in tf.words(text)
        if w not in tf.STOPWORDS and w != subject and w[:6] not in drop and len(w) > 2
    }


def _also_right(
    option: str, answer: str, sentence: str, corpus: list[tuple[str, str]], subject: str
) -> bool:
    """Whether the source says ``option`` where the sentence says ``answer``: a sentence
    holding the option that shares most of the question sentence's other words."""
    drop = {w[:6] for w in tf.words(answer) + tf.words(option)}
    wanted = _content(sentence, drop, subject)
    if not wanted:
        return True
    for text, lower in corpus:
        if option.lower() not in lower:
            continue
        shared = wanted & _content(text, drop, subject)
        if len(shared) >= 2 or len(shared) >= 0.4 * len(wanted):
            return True
    return False
