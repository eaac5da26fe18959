"""Timeline cards: a dated entry of a chronology asks when its event happened.

Timelines and annals write one event per dated entry: a list item "1066: William defeats
Harold at the Battle of Hastings" (also "1066 – ...", "**1066** ..."), a chronicle's paragraph
"A.D. 435. This year the Goths sacked the city of Rome." The date answers "When did William
defeat Harold at the Battle of Hastings?", the first card a history teacher writes. Such
entries gave no card before: the list item was read as the term "1066" ("What is meant by
1066?", dropped by the gate), the chronicle's "This year ..." pointed nowhere, and a 190 KB
chronicle of annals gave 12 cards.

The event's first clause becomes the question: told in the historical present, it is asked
in the past ("When did Edward become King?"); a second verb of the entry is left out ("...
in Ponthieu and swears an oath" -> "When was Harold shipwrecked in Ponthieu?"). An event named
by a noun ("Battle of Hastings", "Storming of the Bastille") asks "When was the Battle of
Hastings?". An entry whose clause does not turn round into a question gives no card.
"""

from __future__ import annotations

import itertools
import re

from studyapp.cards import lexicon as lx
from studyapp.cards.drafts import DocContext, Draft
from studyapp.cards.main_clause import ERA, MONTH, who_does
from studyapp.cards.why_how import first_verb_only, invert, verb_left_behind
from studyapp.model import CardType
from studyapp.outline.nodes import ItemList, ListItem, OutlineSection, Paragraph, Table
from studyapp.outline.sentences import normalise_space, split_sentences

# a year of three or four digits, a decade ("1970s"), a century ("5th century BC"), or any
# year with its era; "c." before it, a day and month before it, a range ("1337–1453")
_YEAR = (
    rf"(?:{ERA} ?\d{{1,4}}|\d{{1,4}} ?{ERA}|\d{{3,4}}s?"
    rf"|\d{{1,2}}(?:st|nd|rd|th) [Cc]entury(?: {ERA})?)"
)
_CIRCA = r"(?:c\.|ca\.|circa) ?"
_DATE = (
    rf"(?:(?:{_CIRCA})?(?:\d{{1,2}} {MONTH},? |{MONTH} (?:\d{{1,2}},? )?)?{_YEAR}"
    rf"(?: ?[–—-] ?(?:{_CIRCA})?(?:{_YEAR}|\d{{2}}))?)"
)
# "1066: event", "1066 – event", "**1066** event", "A.D. 435. This year event"
_ENTRY = re.compile(
    rf"^(?P<mark>\*\*|__)?(?P<date>{_DATE})(?P=mark)?"
    r"(?:\s*[:.–—]\s+|\s+-\s+|(?(mark)\s+|(?!)))(?P<event>\S.*)$",
    re.DOTALL,
)
_WHOLE_DATE = re.compile(_DATE)
# where a wrapped chronology's next entry starts: a date and its stop after a sentence's end
# (a word of two letters or a number ends that sentence: "A.D. 435" and "c. 1503" are dates)
_NEXT_ENTRY = re.compile(
    rf"(?:(?<=[a-z]{{2}}[.!?])|(?<=\d[.!?]))\s+(?={_DATE}(?:\s*[:.–—]\s+|\s+-\s+))"
)
_DATE_HEAD = re.compile(r"^(?:year|date|when)s?$")
_EVENT_HEAD = re.compile(r"^(?:events?|what happened|milestones?|developments?|description)$")
# the chronicle's own way of saying "in the year of this entry"
_THIS_YEAR = re.compile(r"^(?:(?:and )?(?:in )?(?:this|the same) year,?\s+)", re.IGNORECASE)
_LASTING = re.compile(
    r"\b(?:for )?(?:\d+|[a-z]+(?:-[a-z]+)?) (?:years?|winters?|months?|weeks?|days?)\b"
    r"(?! (?:before|after|later|earlier|ago))"
)
# where an entry's first clause ends: a comma (not one inside "400,000"), a semicolon, a
# colon, a bracket or a dash
_EVENT_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:(]| [–—] | - ")
# a chronology's hedge on its date, pointing at it: "no later than this", "by this time"
_HEDGE = re.compile(
    r",? (?:(?:no|not) (?:later|earlier) than|(?:some ?time|shortly|just) (?:before|after)"
    r"|by|before|after|around|about) (?:this|then|that time|this time|the time .*)$"
)
# a date that "in" or "on" fits before: a year with or without its era, a day
_AT_DATE = re.compile(
    rf"^(?:{ERA} ?\d{{1,4}}|\d{{1,4}} ?{ERA}|\d{{3,4}}"
    rf"|(?P<day>\d{{1,2}} {MONTH},? \d{{3,4}}|{MONTH} \d{{1,2}},? \d{{3,4}}))$"
)
_PAST = {"does": "did", "do": "did", "is": "was", "are": "were"}
_STILL_PAST = ("did ", "was ", "were ")
_MAX_QUESTION = 20  # words
_MAX_NAMED_EVENT = 8  # words: "Battle of Hastings", "Storming of the Bastille"
_DETERMINERS = lx.wordset("the a an this that")


def dated_event_cards(section: OutlineSection, ctx: DocContext) -> list[Draft]:
    """The when-questions of the section's dated entries: its list items and the
    paragraphs that open on a date (``ctx`` tells the names the text always capitalises)."""
    entries: list[tuple[str, re.Match[str]]] = []
    for block in section.blocks:
        if isinstance(block, ItemList):
            texts = [item.text for item in _walk(block.items)]
        elif isinstance(block, Paragraph):
            texts = [block.text]
        else:
            continue
        entries += [(text, found) for text in texts for found in _entries(text)]
    numbered = _paragraph_numbers([found.group("date") for _text, found in entries])
    drafts: list[Draft] = []
    for _text, found in entries:
        if found.group("date") in numbered:
            continue
        # each sentence of the entry tells an event of its date ("1792. France declared war
        # on Austria. Prussia declared war on France. Battle of Valmy.")
        for number, said in enumerate(split_sentences(found.group("event"))):
            lead = found.string[: found.start("event")] if number == 0 else ""
            source = normalise_space(lead + said)  # as the text says it
            drafts += _dated_cards(found.group("date"), said, source, section.id, ctx)
    return _once_dated(drafts)


def _entries(text: str) -> list[re.Match[str]]:
    """The dated entries of one paragraph or list item: a plain-text chronology wraps its
    entries into one paragraph ("1241. Mongol victory in Liegnitz. 1250. Frederick II died.
    1261. The Greeks recaptured Constantinople."), and each event keeps its own date."""
    stripped = text.strip()
    if not _ENTRY.match(stripped):
        return []
    return [found for part in _NEXT_ENTRY.split(stripped) if (found := _ENTRY.match(part))]


def _once_dated(drafts: list[Draft]) -> list[Draft]:
    """The drafts whose question no other entry asks with another date: an event told twice
    ("Lake Agassiz empties into Hudson Bay" in 7450 and in 6550 BCE) has no one answer."""
    dates: dict[str, set[str]] = {}
    for draft in drafts:
        dates.setdefault(draft.question, set()).add(draft.answer)
    return [draft for draft in drafts if len(dates[draft.question]) == 1]


def _paragraph_numbers(dates: list[str]) -> set[str]:
    """The bare numbers among ``dates`` that are no years: outside 1000-2099, or numbering
    paragraphs (a manual's "623. Marching constitutes ...", "624. ..."), which run on by one
    where years of a timeline leap ("1042", "1051", "1064")."""
    bare = [d for d in dates if d.isdigit()]
    steps = [int(b) - int(a) for a, b in itertools.pairwise(bare)]
    if steps and sum(step == 1 for step in steps) * 2 >= len(steps):
        return set(bare)
    return {d for d in bare if not 1000 <= int(d) <= 2099}


def _walk(items: list[ListItem]):
    for item in items:
        yield item
        yield from _walk(item.children)


def dated_row_cards(table: Table, section_id: str, ctx: DocContext) -> list[Draft]:
    """The when-questions of a timeline table: a column of dates ("Year", or cells that are
    all dates) and a column telling the events ("Event", else the longest cells)."""
    if not table.rows or len(table.header) < 2:
        return []
    heads = [cell.strip().lower() for cell in table.header]
    dated = [
        at
        for at in range(len(heads))
        if _DATE_HEAD.match(heads[at])
        or all(_WHOLE_DATE.fullmatch(row[at].strip()) for row in table.rows)
    ]
    if not dated:
        return []
    when = dated[0]
    others = [at for at in range(len(heads)) if at != when]
    named = [at for at in others if _EVENT_HEAD.match(heads[at])]
    what = named[0] if named else max(others, key=lambda at: sum(len(r[at]) for r in table.rows))
    rows = [(row[when].strip(), row[what].strip()) for row in table.rows]
    rows = [(date, event) for date, event in rows if _WHOLE_DATE.fullmatch(date) and event]
    numbered = _paragraph_numbers([date for date, _event in rows])
    drafts = []
    for date, event in rows:
        if date in numbered:
            continue
        drafts += _dated_cards(date, event, f"{date}: {event}", section_id, ctx)
    return _once_dated(drafts)


def _dated_cards(
    date: str, said: str, source: str, section_id: str, ctx: DocContext
) -> list[Draft]:
    """The cards of one dated entry: "When ...?" and, where a named doer did the deed, "Who
    ... in <date>?" ("Who declared war on France in 1870?": without its date, many did)."""
    event = _THIS_YEAR.sub("", said, count=1)
    drafts = [d for d in (_when_card(date, event, source, section_id, ctx),) if d]
    clause = _HEDGE.sub("", _EVENT_BREAK.split(event.rstrip("."), maxsplit=1)[0])
    # "Heligoland ceded to Germany by Lord Salisbury": Heligoland did nothing
    passive = telegraphic_passive_at(clause.split()) >= 0
    who = None if passive else who_does(clause, "")
    at = _AT_DATE.match(date)
    if who and at and all(_a_name(w, ctx) for w in who.answer.removeprefix("the ").split()):
        question = f"{who.question[:-1]} {'on' if at.group('day') else 'in'} {date}?"
        drafts.append(
            Draft(
                CardType.TYPED,
                f"who-does|{question}",
                section_id,
                source,
                question=question,
                answer=who.answer,
                accept=(who.answer[4:],) if who.answer.startswith("the ") else (),
            )
        )
    return drafts


def _a_name(word: str, ctx: DocContext) -> bool:
    """Whether the text treats ``word`` as a name: it says so inside its sentences, or the
    word table does not know the word and the text never writes it in lower case."""
    low = word.lower()
    return ctx.names.is_name(low) or (not lx.parts_of_speech(low) and ctx.names.never_lower(low))


def _when_card(
    date: str, event: str, source: str, section_id: str, ctx: DocContext
) -> Draft | None:
    """ "When ...?" -> ``date`` of the ``event`` (its entry's first sentence)."""
    question = when_question(event)
    if not question:
        return None
    first, _, after = event.partition(" ")
    following = after.split(" ", 1)[0]
    # "Sputnik 1", "Apollo 11", "Sun Tzu": a name, whatever the word table says of its word
    named = first.lower() not in _DETERMINERS and (following.isdigit() or following[:1].isupper())
    if first[:1].isupper() and (named or ctx.names.is_name(first.lower())):
        # a name the question lowered as it turned the clause ("When did mark the ...?")
        question = re.sub(rf"\b{re.escape(first.lower())}\b", first, question, count=1)
    # "A.D. 435" is also right typed as "435"; "44 BC" only with its era
    bc = re.search(r"B\.?\s?C", date)
    year = re.fullmatch(rf"(?:{ERA} ?)?(\d{{1,4}})(?: ?{ERA})?", date)
    bare = year.group(1) if year and not bc else ""
    return Draft(
        CardType.TYPED,
        f"when|{question}",
        section_id,
        source,
        question=question,
        answer=date,
        accept=(bare,) if bare and bare != date else (),
    )


def when_question(event: str) -> str:
    """ "When did <event>?" of an event told as a clause or named by a noun phrase, or ``""``
    when it does not turn round into a question."""
    clause = _EVENT_BREAK.split(event.strip().rstrip("."), maxsplit=1)[0].strip()
    clause = _HEDGE.sub("", clause)  # "... wrote the Theogony no later than this"
    clause = first_verb_only(clause)
    if not clause or _LASTING.search(clause):
        return ""  # "Octavianus reigned fifty-six winters": how long, not when
    turned = invert(clause[:1].lower() + clause[1:] if _lowered_first(clause) else clause)
    passive = _telegraphic_passive(clause)
    if passive:
        question = f"When {passive}?"
    elif turned and not verb_left_behind(turned) and not _noun_read_as_verb(clause, turned):
        aux, _, rest = turned.partition(" ")
        if aux not in _PAST and not turned.startswith(_STILL_PAST):
            return ""  # "can", "will", "has": no dated event
        question = f"When {_PAST.get(aux, aux)} {rest}?"
    elif not _tells_a_deed(clause) and (
        _named_event(clause) or (turned and _noun_read_as_verb(clause, turned))
    ):
        question = f"When was {_with_the(clause)}?"
    else:
        return ""
    return question if len(question.split()) <= _MAX_QUESTION else ""


_AGENT_BEFORE = 4  # words between a participle and its "by" ("ceded to Germany by ...")


def telegraphic_passive_at(words: list[str]) -> int:
    """Where a chronology's passive without its "was" has its participle, or -1: a past form
    with no object and a "by" soon after ("German unity destroyed by the King of Prussia",
    "Heligoland ceded to Germany by Lord Salisbury")."""
    for at, word in enumerate(words[1:7], start=1):
        base = lx.verb_lemma(word) if word.islower() else ""
        if not base or word == base or not lx.is_past(word, base):
            continue
        after = words[at + 1 : at + 1 + _AGENT_BEFORE]
        if "by" in after and (after[0] == "by" or lx.is_function_word(after[0])):
            return at
        return -1
    return -1


def _telegraphic_passive(clause: str) -> str:
    """ "was German unity destroyed by the King of Prussia" of a telegraphic passive, or
    ``""``: asked with "did" it would read "When did German unity destroy by ...?"."""
    words = clause.split()
    at = telegraphic_passive_at(words)
    if at < 0:
        return ""
    subject = " ".join(words[:at])
    if _lowered_first(subject) or not ((words[0][:1].isupper()) and len(words[0]) > 1):
        subject = subject[:1].lower() + subject[1:]
    head = words[at - 1]
    plural = head.lower().endswith("s") and lx.lemma(head.lower()) != head.lower()
    be = "were" if plural else "was"  # "the Sultans dethroned by ..." -> "were the Sultans"
    return f"{be} {subject} {' '.join(words[at:])}"


def _tells_a_deed(clause: str) -> bool:
    """Whether a clause holds a past verb ("dug", "wrote", "composed"): an event told as a
    deed, never one named by a noun ("When was the Samarran people ... dug ...?")."""
    for word in clause.split()[1:]:
        base = lx.verb_lemma(word) if word.islower() else ""
        if base and word != base and lx.is_past(word, base) and not word.endswith("ing"):
            return True
    return False


def _noun_read_as_verb(clause: str, turned: str) -> bool:
    """Whether a clause turned round with "do" is a noun phrase whose head was read as its
    verb: a singular noun before a plain form ("The Fashoda quarrel between France and
    Britain", "Peasant revolt in England"), which no singular subject takes as its verb."""
    if not turned.startswith("do "):
        return False
    words = clause.split()
    verb = next((w for w in words[1:] if w.islower() and lx.verb_lemma(w) == w), "")
    if not verb or not lx.can_be_noun(verb):
        return False
    before = words[words.index(verb) - 1]
    return lx.lemma(before) == before.lower() and not before.lower().endswith("s")


def _lowered_first(clause: str) -> bool:
    """Whether the clause's capital is only the entry's ("The Normans ..."): a determiner."""
    return clause.split(" ", 1)[0].lower() in _DETERMINERS


def _named_event(clause: str) -> bool:
    """Whether the entry names an event by a noun phrase: "Battle of Hastings", "Storming of
    the Bastille", "The Great Fire of London" (a capitalised noun, "of", no verb)."""
    words = clause.split()
    if not 2 < len(words) <= _MAX_NAMED_EVENT or "of" not in words[1:4]:
        return False
    head = words[1] if words[0].lower() in _DETERMINERS else words[0]
    if not head[:1].isupper() or not (
        head.endswith("ing") or "NOUN" in lx.parts_of_speech(head.lower())
    ):  # "Battle", "Storming"
        return False
    return not any(w.islower() and lx.only_verb(w) for w in words)


def _with_the(clause: str) -> str:
    """The event with its article: "the Battle of Hastings" keeps its name's capital, "the
    peasant revolt in England" loses the capital of the entry's first word."""
    first, _, rest = clause.partition(" ")
    if first.lower() in _DETERMINERS:
        return clause[:1].lower() + clause[1:]
    second = rest.split(" ", 1)[0]
    if second.islower() and second != "of" and lx.parts_of_speech(first.lower()):
        clause = clause[:1].lower() + clause[1:]
    return f"the {clause}"
