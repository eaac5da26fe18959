"""Which drafts of a deck become cards: repeats left out, weak drafts only where needed.

Some drafts are dropped outright: a second card with the same id or the same question words,
a question showing its own answer, a second question of a section with the same long answer.

Others are *weak*: a student would answer them without knowing the fact.

* **shown**: the quiz shows the deck title and the section title above every card, so a card
  whose answer those titles (or its own question) spell out tests reading, not memory
  ("What does TRD stand for?" under the section "Treatment-Resistant Depression");
* **background**: the answer is the content of a leading "While ..." clause, the background
  of the sentence and not its point (marked by the drafter, see :class:`Draft`);
* **part**: a card about the same sentence already asks it: its question in nearly the same
  words with an answer containing this one ("What characterizes status epilepticus?" beside
  "What is status epilepticus?"), or it shows or asks what a cloze hides ("promoting
  {{neuroplasticity}}" beside "What does ketamine increase, promoting neuroplasticity?");
* **filler**: a cloze whose blank is one everyday word or opens on an ordinal (see
  :func:`studyapp.cards.cloze_rules.filler_blank`: "scheduling a {{sequence}} of jobs");
* **once**: a cloze whose blank a long document says nowhere else (see
  :meth:`studyapp.cards.phrase_scorer.PhraseScorer.one_off`: "across [tables]", "the
  [physiologic goal]" said once): a detail of one sentence, not a term the text is about;
* **aside**: a cloze whose blank, no name and no count, the document says nowhere else, in
  a sentence that says no word of the titles above it nor the document's subject ("a
  [flat piece] of paper" under "Datums"): a side remark of its section;
* **everyday**: a question whose answer is all everyday English the document never says
  again (see :func:`studyapp.cards.gate.everyday_answer`: "By whom must ketamine be
  administered?" -> "trained healthcare professionals"): no term of the text is asked; or a
  bare question of four or five words ("What can ketamine potentially enhance?") whose
  answer, said once, holds no term and no name (:func:`studyapp.cards.leaning.says_too_little`);
* **leaning**: a cloze of a sentence that speaks as "we", opens on an example or on a word
  pointing back ("However", "Similarly"; see :mod:`studyapp.cards.leaning`): half a thought;
* **repeat**: a question of the same kind elsewhere in the deck already asks it so ("How
  quickly can ketamine alleviate symptoms?" after "How quickly can ketamine alleviate
  depressive symptoms?").

Weak drafts are left out, except in a section with text of its own that would otherwise keep
fewer than two cards, or only clozes: there the least weak come back, in their order. The
poorest (:data:`LAST_RESORT`: asides, everyday answers, vague questions) come back only to a
section that would keep no card, and a fragment of a sentence never does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

from studyapp.cards import cloze_rules, gate
from studyapp.cards import lexicon as lx
from studyapp.cards import text_facts as tf
from studyapp.cards.drafts import SAME_ANSWER_WORDS, Draft
from studyapp.cards.leaning import leans_on_context
from studyapp.model import CardType
from studyapp.outline.markup import first_group
from studyapp.outline.sentences import normalise_space

MIN_CARDS = 2  # per section with text of its own
MAX_CLOZE_SHARE = 0.5  # of a deck's cards
SHORT_ANSWER = 5  # words
# how weak a draft is: a lower rank comes back first where a section needs cards (a part of
# another card still asks for recall; a card answered by the screen does not; a fact asked
# again elsewhere in the deck adds least)
RANKS = {
    "background": 1,
    "part": 1,
    "filler": 2,
    "shown": 2,
    "once": 3,
    "aside": 3,
    "repeat": 3,
    "everyday": 3,
    "leaning": 3,
    "soft": 4,
}
# Weak drafts that come back only to a section that would keep no card (or, for a question
# passed by the gate, as the one question of a section of clozes). Rated blind over all
# rounds, of the weak cards that came back to fill a section, 23 % were good and 33 % bad
# (228 cards), against 50 % and 16 % for cards kept outright; asides were good in 28 % of
# 29, everyday answers in 19 % of 21, besides the gate's vague questions (gate.LAST_RESORT).
LAST_RESORT = gate.LAST_RESORT | {"unclosed", "everyday", "background", "aside"}
# ... and a line without a verb never comes back ("Inflammation of GB in absence of [gall
# stones]", "The Culprit Behind Dead Zones — [ProPublica]"): of such refills rated blind,
# 2 of 15 were good and 7 bad. A bullet's sentence without its stop (an "unclosed" cloze)
# comes back to a section that would keep no card: of 24 in-sample, 2 were good and 13 bad,
# but in round W3 (unseen lecture notes) 4 of 5 were good, all in sections left bare
NEVER_BACK = frozenset({"fragment"})
_QUESTION_TYPES = (CardType.BASIC, CardType.TYPED, CardType.CHOICE)
_CLOZE = re.compile(r"\{\{c\d+::(.*?)\}\}")
_ANSWER_KEYS = ("name-term", "which-term")  # kinds of draft keyed by the term they ask for


def select(
    drafts: list[Draft],
    ids: list[str],
    titles: Mapping[str, str],
    needs_cards: set[str],
    subject: str = "",
    acronyms: Mapping[str, str] | None = None,
    dropped: Counter[str] | None = None,
    seen: gate.Seen | None = None,
) -> list[Draft]:
    """The drafts that become cards, in their order (``ids[i]`` is the id of ``drafts[i]``).

    Every draft first passes the quality gate (:mod:`studyapp.cards.gate`); ``dropped``
    counts the drafts it (or the cloze share) left out, by rule; ``seen`` holds what other
    decks of the document already ask, so a question is asked once in the whole text.

    ``titles`` maps a section id to the titles the quiz shows above its cards (deck title and
    section title); ``needs_cards`` are the sections with text of their own, which keep at
    least two cards (not all clozes) when they have that many drafts.
    """
    names = dict(acronyms or {})
    dropped = Counter() if dropped is None else dropped
    seen = gate.Seen() if seen is None else seen  # shared by the decks of one document
    soft: dict[int, str] = {}  # index -> the soft gate rule the draft breaks
    kept: list[int] = []
    weak: list[tuple[int, int]] = []  # (rank, index)
    why: dict[int, str] = {}  # index -> why a draft that passed the gate is weak
    seen_ids: set[str] = set()
    seen_questions: set[tuple[str, frozenset[str]]] = set()
    seen_answers: set[tuple[str, str]] = set()
    # the question cards kept so far, by their kind and by their sentence: a draft can only
    # repeat one of the same kind or of the same sentence (see _repeats), so it is compared
    # with those alone, not with every question of a deck of hundreds
    by_kind: dict[str, list[Draft]] = {}
    by_source: dict[str, list[Draft]] = {}
    kept_by_source: dict[str, list[Draft]] = {}  # what _told_by compares a cloze with
    for index, draft in enumerate(drafts):
        ident = ids[index]
        shown = normalise_space(draft.text).casefold() if draft.text else draft.question
        words = (draft.type.value, frozenset([shown] if draft.text else tf.words(shown)))
        if ident in seen_ids or words in seen_questions:
            continue
        fault = gate.card_fault(draft, titles.get(draft.section, ""), subject) or seen.fault(draft)
        if fault in gate.SOFT_RULES:
            soft[index] = fault  # weak, not wrong: back only where a section has one card
            weak.append((RANKS["soft"], index))
            seen_ids.add(ident)  # a card id is never used twice, kept or not
            continue
        if fault:
            dropped[fault] += 1
            continue
        seen.add(draft)
        # two questions of one section with the same long answer ask the same thing
        answer_key = (draft.section, normalise_space(draft.answer).casefold())
        if len(draft.answer.split()) >= SAME_ANSWER_WORDS and answer_key in seen_answers:
            continue
        seen_answers.add(answer_key)
        seen_ids.add(ident)
        seen_questions.add(words)
        kind = draft.key.partition("|")[0]
        same_kind = by_kind.get(kind, [])
        earlier = same_kind + [
            d for d in by_source.get(draft.source, []) if d.key.partition("|")[0] != kind
        ]
        reason = weakness(draft, titles.get(draft.section, ""), subject, names, earlier)
        if not reason and _told_by(draft, kept_by_source.get(draft.source, [])):
            reason = "part"
        if draft.type in _QUESTION_TYPES and draft.answer:
            by_kind.setdefault(kind, []).append(draft)
            by_source.setdefault(draft.source, []).append(draft)
        if reason:
            weak.append((RANKS[reason], index))
            why[index] = reason
        else:
            kept.append(index)
            kept_by_source.setdefault(draft.source, []).append(draft)
    chosen = set(kept)
    for section in needs_cards:
        own = [i for i in kept if drafts[i].section == section]
        # question cards come back before clozes (they ask more than one hidden phrase)
        spare = sorted(
            (
                soft.get(i) in LAST_RESORT or why.get(i) in LAST_RESORT,
                drafts[i].type is CardType.CLOZE,
                rank,
                i,
            )
            for rank, i in weak
            if drafts[i].section == section
        )
        for _, cloze, _, index in spare:
            full = len(own) >= MIN_CARDS
            if full and any(drafts[i].type is not CardType.CLOZE for i in own):
                break
            if cloze and full:
                continue  # a section short of question cards gets one back, not a cloze
            soft_fault = soft.get(index, "")
            if soft_fault in NEVER_BACK or (soft_fault and full):
                continue  # a weak card of the gate only where the section would keep one
            if own and soft_fault in LAST_RESORT:
                continue  # a vague question or an aside only where the section keeps none
            if own and why.get(index) in LAST_RESORT and not full:
                continue  # ... or as the one question of a section of clozes
            own.append(index)
            chosen.add(index)
    for index, fault in soft.items():
        if index not in chosen:
            dropped[fault] += 1
    chosen = _within_cloze_share(drafts, chosen, dropped)
    return [drafts[i] for i in sorted(chosen)]


def _within_cloze_share(drafts: list[Draft], chosen: set[int], dropped: Counter[str]) -> set[int]:
    """``chosen`` without the clozes that make more than :data:`MAX_CLOZE_SHARE` of the
    deck: a deck of clozes trains recognising sentences more than knowing, and blind raters
    judged clozes weaker than questions on every subject.

    The least sure key terms go first (their :attr:`Draft.rank`), then clozes that do not
    blank their sentence's subject, from the sections with most cards. A section keeps
    :data:`MIN_CARDS` cards while another has more to give, and its last card while another
    has two; a section left without a card is still in the reading material. A deck of two
    cards keeps them: better than none."""
    chosen = set(chosen)
    # kept up to date as clozes go, not counted again for each (a large deck drops dozens)
    clozes = {i for i in chosen if drafts[i].type is CardType.CLOZE}
    per_section = Counter(drafts[i].section for i in chosen)
    while len(chosen) > MIN_CARDS and len(clozes) > MAX_CLOZE_SHARE * len(chosen):
        spare = (
            [i for i in clozes if per_section[drafts[i].section] > MIN_CARDS]
            or [i for i in clozes if per_section[drafts[i].section] > 1]
            or list(clozes)
        )
        worst = max(
            spare,
            key=lambda i: (
                drafts[i].rank,
                not drafts[i].text.startswith("{{"),
                per_section[drafts[i].section],
                i,
            ),
        )
        chosen.discard(worst)
        clozes.discard(worst)
        per_section[drafts[worst].section] -= 1
        dropped["cloze-share"] += 1
    return chosen


def weakness(
    draft: Draft,
    titles: str,
    subject: str = "",
    acronyms: Mapping[str, str] | None = None,
    earlier: list[Draft] | None = None,
) -> str:
    """Why a draft is weak (``shown``, ``background``, ``filler``, ``once``, ``leaning``,
    ``everyday``, ``part``, ``repeat``; see the module docstring), or ``""``."""
    if draft.background:
        return "background"
    if draft.type is CardType.CLOZE and any(
        cloze_rules.filler_blank(h) for h in _CLOZE.findall(draft.text)
    ):
        return "filler"
    if draft.type is CardType.CLOZE and draft.once:
        return "once"
    if (
        draft.type is CardType.CLOZE
        and draft.said_once
        and not _on_topic(draft.source, titles, subject)
    ):
        return "aside"
    if draft.type is CardType.CLOZE and leans_on_context(_CLOZE.sub(first_group, draft.text)):
        return "leaning"
    if draft.everyday:
        return "everyday"
    if draft.type not in _QUESTION_TYPES or not draft.answer:
        return ""
    if shown_on_screen(draft.answer, draft.question, titles, subject, acronyms or {}):
        return "shown"
    repeated = [other for other in earlier or [] if _repeats(draft, other)]
    if repeated:
        return "part" if any(o.source == draft.source for o in repeated) else "repeat"
    return ""


def shown_on_screen(
    answer: str,
    question: str,
    titles: str,
    subject: str = "",
    acronyms: Mapping[str, str] | None = None,
) -> bool:
    """Whether the titles above a card (or its question) give its answer away.

    An answer is given away when all its specific words (not generic nouns, opinions or the
    document's subject) are on screen along with half its other words ("an outpatient
    setting" under "Outpatient Infusion Protocols"), or when two thirds of at least two
    specific words are ("interaction with the brain's opioid pathways" under "Interaction with
    Opioid Pathways"). An abbreviation counts as its expansion and back ("TRD" under
    "Treatment-Resistant Depression"), unless the question itself names that other form
    ("What is the abbreviation for treatment-resistant depression?").
    """
    if gate.given_away(answer, question, titles, subject):
        return True
    pairs = (acronyms or {}).items()
    expansions = {short.lower(): long for short, long in pairs}
    shorts = {long.lower(): short for short, long in pairs}
    bare = normalise_space(answer)
    other = expansions.get(bare.lower()) or shorts.get(bare.lower())
    if not other or other.lower() in question.lower():
        return False
    return gate.given_away(other, "", titles, subject)


def _repeats(draft: Draft, other: Draft) -> bool:
    """Whether ``draft`` asks what ``other`` (earlier in the deck) asks: a question of the
    same kind, or about the same sentence, with one's words among the other's, and one answer
    inside the other ("What characterizes status epilepticus?" after "What is status
    epilepticus?" -> "a medical emergency characterized by ...")."""
    kind, _, question = draft.key.partition("|")
    other_kind, _, other_question = other.key.partition("|")
    if kind != other_kind and draft.source != other.source:
        return False
    # unprefixed by a section title (a term card's key holds its answer, not its question)
    if kind == other_kind and question and other_question and kind not in _ANSWER_KEYS:
        mine, theirs = _question_words(question), _question_words(other_question)
    else:
        mine, theirs = _question_words(draft.question), _question_words(other.question)
    if not (mine <= theirs or theirs <= mine):
        return False
    a, b = normalise_space(draft.answer).casefold(), normalise_space(other.answer).casefold()
    return a in b or b in a


@lru_cache(maxsize=65536)
def _question_words(question: str) -> frozenset[str]:
    """A question's words but its stop words: compared with those of every earlier question
    of its kind, so found once."""
    return frozenset(w for w in tf.words(question) if w not in tf.STOPWORDS)


def _told_by(draft: Draft, kept: list[Draft]) -> bool:
    """Whether a cloze (or fill-the-blank choice) hides what a kept question card about the
    same sentence shows in its question (each card would hand the other its answer) or asks
    for in its answer (the same fact twice)."""
    if draft.type is CardType.CLOZE:
        hidden = _CLOZE.findall(draft.text)
    elif draft.key.startswith("blank|"):
        hidden = [draft.answer]
    else:
        return False
    told = [
        normalise_space(f"{k.question} | {k.answer}").casefold()
        for k in kept
        if k.source == draft.source and k.question and k.type is not CardType.LIST
    ]
    return any(normalise_space(h).casefold() in t for h in hidden for t in told)


def _on_topic(sentence: str, titles: str, subject: str = "") -> bool:
    """Whether ``sentence`` says a content word of the titles above its card or of the
    document's subject, or a relative of one ("opioids" under "Opioid Pathways"): what its
    section is about. A section shown under no title (a lead) is its document's topic."""
    if not titles.strip():
        return True
    shown = lx.stems(f"{titles} {subject}")
    return any(lx.related(word, shown) for word in lx.content_words(sentence))
