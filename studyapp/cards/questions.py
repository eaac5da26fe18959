"""Question-and-answer pairs read off common sentence shapes, answers verbatim.

Each pattern turns one kind of statement into a question whose answer is a contiguous piece
of the sentence:

* ``A and B make it (ketamine) an excellent choice for X`` -> "What makes ketamine an
  excellent choice for X?" -> ``A and B``;
* ``By disrupting X, ketamine may aid in Y`` -> "How may ketamine aid in Y?" ->
  ``By disrupting X``;
* ``The treatment of PTSD often requires a multidisciplinary approach, involving ...`` ->
  "What does the treatment of PTSD often require?" -> ``a multidisciplinary approach``;
* ``X is typically administered in an outpatient setting`` -> "Where is X typically
  administered?"; ``X is delivered intravenously`` -> "How is X delivered?";
* ``Ketamine increases BDNF levels, promoting ...`` -> "What does ketamine increase,
  promoting ...?"; ``ketamine can alleviate symptoms within hours`` -> "How quickly can
  ketamine alleviate symptoms?"; ``S can be used as an adjunct to X`` -> "As what can S be
  used?"; ``S may help reduce X`` -> "What may S help reduce?";
* ``X is essential, ensuring Y`` / ``X are necessary to Y`` -> "Why is X essential?";
  ``X must be taken into account when Y`` -> "What must be taken into account when Y?";
* ``Some studies suggest that the benefits of X may last`` -> "What do some studies suggest
  about the benefits of X?" -> ``may last`` (only when no other shape asks about the claim).

When none of these fits, the plain main clause is asked for its subject ("What absorbs red
light?", :mod:`studyapp.cards.main_clause`); a year is asked with "when" before any object.

Questions are only made when the sentence stands alone (see :mod:`studyapp.cards.anaphora`) and
the answer is short; the question never contains its answer. An answer taken from a leading
"While ..." clause is marked as background (:class:`~studyapp.cards.drafts.QA`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from studyapp.cards import lexicon as lx
from studyapp.cards import term_quality as tq
from studyapp.cards.counts import how_many
from studyapp.cards.drafts import QA, lower_first
from studyapp.cards.main_clause import MAKERS as MAIN_CLAUSE_MAKERS
from studyapp.cards.main_clause import when, who_does
from studyapp.cards.question_verbs import VERB_MAKERS
from studyapp.cards.simplify import without_interruption
from studyapp.cards.text_facts import wordset
from studyapp.cards.why_how import MAKERS as WHY_HOW_MAKERS

_POSSESSIVE = r"(?:’s|'s)"
_MAKES = re.compile(
    r"^(?:(?P<lead>[A-Z][^,]{3,80}), )?(?P<x>[^,;]{3,90}?) (?P<verb>makes?) it "
    r"(?P<y>(?:an? |the )?[a-z][^;]{6,150})$"
)
_BY_DOING = re.compile(
    r"^(?P<how>By [a-z]+ing [^,;]{3,80}), (?P<who>[A-Za-z][^,;]{1,40}?) "
    r"(?P<modal>may|can|could|might|will|would|should) (?P<rest>[a-z][^;]{6,160})$"
)
_BY_DOING_PLAIN = re.compile(
    r"^(?P<how>By [a-z]+ing [^,;]{3,80}), (?P<who>[A-Za-z][a-z]+) (?P<verb>[a-z]+(?:s|es)) "
    r"(?P<rest>[a-z][^;]{6,160})$"
)
_REQUIRES = re.compile(
    r"^(?P<x>[A-Z][^,;]{3,80}?) (?P<adv>often |usually |typically |always )?"
    r"(?P<verb>requires|require|needs|need) (?P<y>(?:an? |the )?[a-z][^,;]{3,80})"
    r"(?:, .*)?$"
)
_PURPOSE_AFTER = re.compile(
    r"^[^,;]*? for (?P<what>[a-z]+ing(?: and [a-z]+ing)? (?:an? |the )?[a-z][\w-]*)\b"
)
_PASSIVE = re.compile(
    r"^(?P<x>[A-Z][^,;]{3,90}?) (?P<be>is|are) "
    r"(?P<adv>(?:typically|usually|often|commonly|frequently|primarily|widely|generally) )?"
    r"(?P<verb>administered|delivered|given|performed|used|applied|prescribed|monitored"
    r"|injected|infused|stored|found|produced|located)"
    r" (?:directly )?(?P<y>(?:in|into|to) (?:an? |the )?[a-z][\w-]*(?: or [a-z][\w-]*)?"
    r"(?: [a-z][\w-]*)?"
    r"|[a-z]{6,}ly(?: or [a-z]{6,}ly)?)\b"
)
_ROUTE_WORD = re.compile(r"ly$")
# "Studies have reported that ...", "Research suggests that ...": the claim is what follows
_REPORTING = re.compile(
    r"^(?P<who>(?:[A-Z][\w -]{0,40}? |)(?:[Ss]tudies|[Rr]esearch|[Ee]vidence|[Tt]rials"
    r"|[Rr]eports))(?: (?P<aux>have|has))? (?P<verb>reported|shown|suggested|suggest|suggests"
    r"|indicated|indicates|shows|found) that "
)
# _REPORTING's nouns without their first letter (keep them with the pattern)
_REPORTING_NOUNS = ("tudies", "esearch", "vidence", "rials", "eports")
# the claim reported: "the benefits of X may be sustained over time"
_CLAIM = re.compile(
    r"^(?P<about>(?:[Tt]he |[A-Z][a-z]+(?:’s|'s) )[a-z][^,;]{2,60}?) "
    r"(?P<vp>(?:may|can|could|might|will|would) [a-z][^,;]{4,100})(?:, .*)?$"
)
# A leading subordinate clause: "While ketamine shows promise as X, ..."
_DISCOURSE = re.compile(
    r"^(?:However|Moreover|Furthermore|Thus|Therefore|Hence|Indeed|Also|In addition|In fact"
    r"|For example|For instance|As a result|Similarly|Consequently|In general|Generally), "
)
_CONCESSIVE = re.compile(r"^(?:While|Although|Though|Whereas) [^,]{4,100}, ")
_LEAD_CLAUSE = re.compile(
    r"^(?:While|Although|Though|Whereas|Because|Since|As|When|In addition to) [^,]{4,100}, "
)
# a second main clause the sentence adds: "..., and its use requires Y", "..., but X plays Y"
_AND_CLAUSE = re.compile(r", and (?P<clause>(?:its|their|the) [a-z][^,;]{10,})$")
_BUT_CLAUSE = re.compile(r", but (?P<clause>[a-z][^;]{10,})$")


def questions(sentence: str, subject: str) -> list[QA]:
    """Question-and-answer pairs of a standalone sentence (see the module docstring)."""
    return list(_questions(sentence, subject))


# A sentence is asked again when its section's drafts are made again (a topic split along its
# subsections) or when it is read in more than one part of a long text: about one call in
# nine at 1 MB. The answer depends on the sentence and the subject alone.
@lru_cache(maxsize=4096)
def _questions(sentence: str, subject: str) -> tuple[QA, ...]:
    """:func:`questions`, worked out once for a sentence and subject."""
    text = sentence.rstrip(" .")
    out: list[QA] = []
    # each pattern below is tried only on a text holding the words it needs (most have none)
    reporting = _may_report(sentence)
    if reporting:
        text = _REPORTING.sub("", text)
    comma = ", " in text  # what every discourse marker and lead clause ends on
    if comma:
        text = _DISCOURSE.sub("", text)  # "However, ..." states what follows
    text = text[:1].upper() + text[1:]
    main = _LEAD_CLAUSE.sub("", text) if comma else text  # "While X shows promise, its use ..."
    if main != text:
        main = _own_its(main[:1].upper() + main[1:], subject)
    variants = [text] if main == text else [text, main]
    plain = without_interruption(main) if comma else ""
    if plain:
        variants.append(plain)  # "New Jersey, beginning its career ..., passed ..."
    second = _AND_CLAUSE.search(text) if ", and " in text else None
    if second and subject and subject.lower() in " ".join(text.lower().split()[:6]):
        clause = second.group("clause")
        variants.append(_own_its(clause[:1].upper() + clause[1:], subject))
    contrast = _BUT_CLAUSE.search(text) if ", but " in text else None  # "..., but X plays ..."
    if contrast:
        clause = contrast.group("clause")
        variants.append(clause[:1].upper() + clause[1:])
    seen: set[str] = set()
    reported = _REPORTING.match(sentence) if reporting else None
    for maker in _ASKERS:
        for variant in variants:
            qa = maker(variant, subject)
            if qa is None:
                continue
            if qa.answer not in sentence and qa.answer[:1].lower() + qa.answer[1:] in sentence:
                qa = QA(qa.kind, qa.question, qa.answer[:1].lower() + qa.answer[1:])  # verbatim
            if qa.question in {o.question for o in out}:
                continue  # two shapes read the same question off the sentence
            if _open_about_subject(qa.question, subject):
                sharper = _narrowed(qa, text if variant is not text else "")
                if sharper is None:
                    continue  # "What does ketamine enhance?": one of all the things it does
                qa = sharper
            if qa.answer.lower() not in qa.question.lower() and qa.kind not in seen:
                seen.add(qa.kind)
                out.append(_marked_background(qa, text))
    if any(qa.kind != "does-what" for qa in out):  # a sharper shape asks it already
        out = [qa for qa in out if qa.kind != "does-what"]
    elif out:  # a named doer beats the object of the deed: "Who described X as Y?" tells
        # more than "What did Erikson describe?" -> "X"; the card maker keeps one of the two
        # (the first, if the text treats its answer as a name)
        named = next((qa for v in variants if (qa := who_does(v, subject))), None)
        if named and named.answer in sentence:
            out.insert(0, named)
    for maker in MAIN_CLAUSE_MAKERS:  # the plain main clause, when no sharper shape asks
        if out:
            break
        for variant in reversed(variants):  # the main clause without its lead first
            qa = maker(variant, subject)
            if qa and qa.answer in sentence and qa.answer.lower() not in qa.question.lower():
                out.append(_marked_background(qa, text))
                break
    if reported and not out:  # nothing else asks about the claim
        claim = _claim(reported, text)
        if claim:
            out.append(claim)
    return tuple(out)


_BARE_OBJECT_QUESTION = re.compile(
    r"^What (?:do|does|did|can|could|may|might|will|would|must|should) (?P<who>.+?)"
    r"(?: [a-z]+ly)? [a-z]+\?$"
)


def _open_about_subject(question: str, subject: str) -> bool:
    """Whether a question asks only what the document's subject (or its use, its effect)
    does: "What does ketamine enhance?", "What does Black prefer?", "What does ketamine’s use
    require?". The whole text is about what that subject does, so a student cannot tell which
    of its many objects is meant; the sentence still gives a cloze or a sharper question
    ("What does ketamine increase, promoting ...?")."""
    match = _BARE_OBJECT_QUESTION.match(question)
    if not match or not subject:
        return False
    who = match.group("who").lower().replace("’", "'")
    name = subject.lower()
    return who == name or (who.startswith(f"{name}'s ") and len(who.split()) == 2)


# where an object ends and what narrows the deed begins: "potassium | in patients on ..."
_NARROWING = re.compile(r" (?=(?:in|during|after|among|within) (?:[a-z][\w-]* )*[a-z][\w-]*$)")
_WHEN_LEAD = re.compile(r"^When (?P<when>[a-z][^,]{4,80}), ")


def _narrowed(qa: QA, whole: str) -> QA | None:
    """An open question about the subject's deed made specific with what the sentence says
    about where or when: "What does furosemide deplete in patients on long courses?" ->
    "potassium and magnesium"; "What can ketamine potentially enhance when combined with
    psychotherapy sessions?" (``whole`` is the sentence the question was read from, with its
    lead clause, when it had one). None when the sentence says nothing of the kind."""
    parts = _NARROWING.split(qa.answer, maxsplit=1)
    if len(parts) == 2 and len(parts[0].split()) <= 6:
        return replace(qa, question=f"{qa.question[:-1]} {parts[1]}?", answer=parts[0])
    lead = _WHEN_LEAD.match(whole)
    if lead:
        return replace(qa, question=f"{qa.question[:-1]} when {lead.group('when')}?")
    return None


def _claim(reported: re.Match[str], claim: str) -> QA | None:
    """``Some studies suggest that the benefits of X may be sustained over time`` -> "What do
    some studies suggest about the benefits of X?" -> ``may be sustained over time``."""
    match = _CLAIM.match(claim)
    if not match:
        return None
    who = lower_first(reported.group("who"))
    aux, verb = reported.group("aux"), reported.group("verb")
    about = lower_first(match.group("about"))
    if aux:
        question = f"What {aux} {who} {verb} about {about}?"
    elif verb.endswith("s"):
        question = f"What does {who} {verb[:-1]} about {about}?"
    elif verb in ("suggest",):
        question = f"What do {who} {verb} about {about}?"
    else:
        return None  # "Studies found that ..." (past, no auxiliary): left to the cloze
    return QA("reported", question, match.group("vp"))


def _marked_background(qa: QA, text: str) -> QA:
    """``qa``, marked as background when its answer is only in the sentence's leading
    concessive clause ("While ketamine shows promise as X, concerns remain": X is not what the
    sentence says)."""
    lead = _CONCESSIVE.match(text)
    if lead and qa.answer in lead.group(0) and qa.answer not in text[lead.end() :]:
        return replace(qa, background=True)
    return qa


def reporting_frame(sentence: str) -> str:
    """The opening that reports a claim ("Long-term follow-up studies have indicated that "),
    or ``""``: who reported it is not the point of the sentence."""
    match = _REPORTING.match(sentence) if _may_report(sentence) else None
    return match.group(0) if match else ""


def _may_report(sentence: str) -> bool:
    """Whether ``sentence`` holds what every reporting frame does (:data:`_REPORTING`): one
    of its nouns and " that ". Few sentences do, and the test is far cheaper than the
    pattern."""
    return " that " in sentence and any(noun in sentence for noun in _REPORTING_NOUNS)


def _own_its(text: str, subject: str) -> str:
    """``Its use requires ...`` -> ``Ketamine's use requires ...`` (after a lead clause about
    the subject)."""
    if text.startswith("Its ") and subject:
        return f"{subject[:1].upper()}{subject[1:]}’s {text[4:]}"
    return text


def _subject_name(subject: str) -> str:
    return subject.lower() if subject else "it"


def _noun_subject(x: str) -> bool:
    """Whether ``x`` reads as a plain noun phrase (no clause of its own inside)."""
    if len(x.split()) > 9:
        return False
    return not re.search(
        r" (?:when|that|which|who|where|is|are|was|were|has|have|allows?|can|may|must|should"
        r"|will|would|could|might) ",
        f" {x} ",
    )


# An asker whose pattern holds fixed words tests for them before running the pattern
# (``" because " in text``): most sentences fit no shape, and the test is far cheaper
# than a failed match.
def _makes(text: str, subject: str) -> QA | None:
    """``A and B make it Y`` -> "What makes <subject> Y?" -> ``A and B``."""
    match = _MAKES.match(text) if "make" in text else None
    if not match or not subject:
        return None
    x = match.group("x")
    owner = re.match(rf"^{re.escape(subject)}{_POSSESSIVE} ", x, re.IGNORECASE)
    if owner:
        x = x[owner.end() :]
    if len(x.split()) > 8 or re.match(r"^(?:[Tt]his|[Tt]hese|[Ii]ts?|[Tt]hey)\b", x):
        return None
    question = f"What makes {_subject_name(subject)} {match.group('y')}?"
    return QA("makes", question, x)


def _by_doing(text: str, subject: str) -> QA | None:
    """``By V-ing X, S may Y`` -> "How may S Y?" -> ``By V-ing X``; ``By V-ing X, ketamine
    reduces Y`` -> "How does ketamine reduce Y?"."""
    if not text.startswith("By "):
        return None  # what both shapes open with
    match = _BY_DOING.match(text)
    if not match:
        plain = _BY_DOING_PLAIN.match(text)
        if not plain or not subject or plain.group("who").lower() != subject.lower():
            return None
        first_verb_phrase = re.split(r" and [a-z]+s ", plain.group("rest"))[0]
        rest = f"{_base_verb(plain.group('verb'))} {first_verb_phrase}"
        return QA("how", f"How does {subject.lower()} {rest}?", plain.group("how"))
    who = match.group("who")
    if re.match(r"^(?:[Tt]his|[Tt]hese|[Ii]t|[Tt]hey)\b", who):
        return None
    if who.lower() == (subject or "").lower():
        who = who.lower()
    question = f"How {match.group('modal')} {who} {match.group('rest')}?"
    return QA("how", question, match.group("how"))


def _requires(text: str, subject: str) -> QA | None:
    """``X often requires Y, ...`` -> "What does X often require?" -> ``Y``."""
    match = _REQUIRES.match(text) if " require" in text or " need" in text else None
    if not match:
        return None
    x = match.group("x")
    if re.match(r"^(?:This|These|It|They|Such)\b", x) or not _noun_subject(x):
        return None
    plural = match.group("verb") in ("require", "need")
    base = "require" if match.group("verb").startswith("requir") else "need"
    aux = "do" if plural else "does"
    adv = match.group("adv") or ""
    x_shown = lower_first(x)
    question = f"What {aux} {x_shown} {adv}{base}?"
    return QA("requires", question, match.group("y"))


def _passive(text: str, subject: str) -> QA | None:
    """``X is (typically) administered in Y`` -> "Where is X (typically) administered?";
    ``X is delivered intravenously`` -> "How is X delivered?"."""
    match = _PASSIVE.match(text) if " is " in text or " are " in text else None
    if not match:
        return None
    x = match.group("x")
    if re.match(r"^(?:This|These|It|They|Such)\b", x) or not _noun_subject(x):
        return None
    y = match.group("y")
    x_shown = lower_first(x)
    adv = match.group("adv") or ""
    be, verb = match.group("be"), match.group("verb")
    if _ROUTE_WORD.search(y):
        if not all(tq.is_manner(w) for w in y.split(" or ")):
            return None  # "is used widely": an everyday adverb says nothing
        return QA("route", f"How {be} {x_shown} {adv}{verb}?", y)
    if (
        y.startswith("to ")
        and lx.verb_lemma(y.split()[1])
        and y.split()[1] not in ("an", "the", "a")
    ):
        return None  # "used to produce": a purpose, not a place
    answer = re.sub(r"^(?:in|into|to) ", "", y)
    while answer.split() and lx.is_function_word(answer.split()[-1]):
        answer = answer.rsplit(" ", 1)[0] if " " in answer else ""  # "industry to" -> "industry"
    if not answer:
        return None
    if tq.is_generic_phrase(answer):
        return None
    # "used in X for inducing and maintaining anesthesia": the purpose says used for what
    purpose = _PURPOSE_AFTER.match(text[match.end() :])
    what_for = f" for {purpose.group('what')}" if purpose else ""
    return QA("where", f"Where {be} {x_shown} {adv}{verb}{what_for}?", answer)


_VERB_S = r"[a-z]+(?:s|es)"
_SUBJECT_DOES = re.compile(
    rf"^(?P<s>[A-Z][a-z]+) (?P<verb>{_VERB_S}) (?P<o>[^,;]{{4,90}}?)"
    r"(?P<tail>, (?:promoting|facilitating|allowing|leading|resulting|making|reducing)"
    r" [^;]{4,120})?(?:, (?:such as|which|and|but|while)\b.*)?$"
)
_WITHIN = re.compile(
    r"(?:^|, )(?:but |and |yet )?(?P<s>[a-z][a-z]+|[A-Z][a-z]+) "
    r"(?P<modal>can|may|could|has demonstrated its ability to|is able to) "
    r"(?P<vp>[a-z][^,;]{3,60}?) "
    r"(?P<when>within (?:minutes|hours|days|weeks|a few \w+|\d+ \w+)(?: or \w+)?)"
    r"(?: of [a-z]+)?$"
)
_USED_AS = re.compile(
    r"^(?P<s>[A-Z][a-z]+)(?:, [^,]{3,60},)? (?P<modal>can|may|could) be used as "
    r"(?P<y>an? [^,;]{3,70}?)(?: (?P<purpose>to [a-z][^,;]{3,80}))?$"
)
_HELP = re.compile(
    r"^(?P<s>[A-Z][\w -]{2,50}?) (?P<modal>may|can|could) help (?P<verb>reduce|improve|prevent"
    r"|relieve|alleviate|control|restore|increase|decrease) (?P<o>[^;]{4,160})$"
)
_WHY = re.compile(
    r"^(?P<x>[A-Z][^,;]{3,90}?) (?P<be>is|are|may be|might be|can be) (?P<adj>essential"
    r"|necessary|important|crucial|needed|required|vital), (?P<y>ensuring [^;]{6,150})$"
    r"|^(?P<x2>[A-Z][^,;]{3,90}?) (?P<be2>is|are|may be|might be) (?P<adj2>essential"
    r"|necessary|important|crucial|needed|vital) (?P<y2>to [a-z][^,;]{6,150})"
    r"(?:, .*)?$"
)
# what _WHY needs in a text: one of its adjectives (keep them with the pattern)
_WHY_NEEDS = re.compile(r" (?:essential|necessary|important|crucial|needed|required|vital)")
_MUST_BE = re.compile(
    r"^(?P<x>[A-Z][^,;]{3,90}?) (?P<modal>must|should) be (?P<vp>(?:taken into account|"
    r"considered|monitored|assessed|avoided|weighed|discussed|documented|reported)"
    r"[^,;]{0,90})$"
)


_AUXILIARIES = wordset(
    "may can could might will would should must is are was were has have had do does"
)
_BASE_VERBS = wordset(
    "reduce increase improve prevent enhance stimulate cause block trigger lower raise relieve "
    "worsen induce shorten prolong help lead allow make provide require produce promote work "
    "act last remain appear seem occur differ vary fail persist rise fall"
)


def _base_verb(verb: str) -> str:
    """``increases`` -> ``increase``, ``modifies`` -> ``modify``, ``blocks`` -> ``block``,
    ``goes`` -> ``go`` (the lexicon's lemma where it knows the verb)."""
    known = lx.verb_lemma(verb)
    if known and known != verb:
        return known
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "zes")):
        return verb[:-2]
    return verb[:-1]


def _does(text: str, subject: str) -> QA | None:
    """``Ketamine increases X, promoting Y`` -> "What does ketamine increase, promoting Y?"."""
    if not subject:
        return None
    named = subject.lower() + " "  # the sentence opens on the subject's name, as a word
    if text[: len(named)].lower() != named:
        return None
    match = _SUBJECT_DOES.match(text)
    if not match or match.group("s").lower() != subject.lower():
        return None
    verb = match.group("verb")
    if verb in ("is", "has", "was", "does", "plays", "shows", "remains", "seems"):
        return None
    obj = match.group("o")
    if len(obj.split()) > 10 or tq.is_generic_phrase(obj):
        return None
    if obj.split()[0] in _AUXILIARIES | _BASE_VERBS:
        return None  # "Lidocaine infusions may help", "... infusions reduce": a noun, not a verb
    if obj.split()[0] in lx.FUNCTION_WORDS - {"a", "an", "the", "its", "their"}:
        return None  # "Scrum wraps around existing practices": a particle, not an object
    tail = match.group("tail") or ""
    question = f"What does {subject.lower()} {_base_verb(verb)}{tail}?"
    return QA("does", question, obj)


def _within(text: str, subject: str) -> QA | None:
    """``ketamine can alleviate symptoms within hours`` -> "How quickly can ketamine
    alleviate symptoms?" -> ``within hours``."""
    match = _WITHIN.search(text) if "within " in text else None
    if not match or not subject or match.group("s").lower() != subject.lower():
        return None
    modal = match.group("modal") if " " not in match.group("modal") else "can"
    question = f"How quickly {modal} {subject.lower()} {match.group('vp')}?"
    return QA("how-quickly", question, match.group("when"))


def _used_as(text: str, subject: str) -> QA | None:
    """``S, with X, can be used as an adjunct to Y to Z`` -> "As what can S be used to Z?"."""
    match = _USED_AS.match(text) if " be used as " in text else None
    if not match:
        return None
    purpose = f" {match.group('purpose')}" if match.group("purpose") else ""
    who = match.group("s").lower() if match.group("s").lower() == subject else match.group("s")
    question = f"As what {match.group('modal')} {who} be used{purpose}?"
    return QA("used-as", question, match.group("y"))


def _help(text: str, subject: str) -> QA | None:
    """``S may help reduce X`` -> "What may S help reduce?" -> ``X``."""
    match = _HELP.match(text) if " help " in text else None
    if not match or re.match(r"^(?:This|These|It|They|Such)\b", match.group("s")):
        return None
    s = match.group("s")
    s = s[:1].lower() + s[1:] if s.split()[0].lower() in (subject, "the") else s
    question = f"What {match.group('modal')} {s} help {match.group('verb')}?"
    return QA("help", question, match.group("o"))


def _why(text: str, subject: str) -> QA | None:
    """``X is essential, ensuring Y`` / ``X are necessary to Y`` -> "Why is X essential?"."""
    match = _WHY.match(text) if _WHY_NEEDS.search(text) else None
    if not match:
        return None
    x = match.group("x") or match.group("x2")
    be = match.group("be") or match.group("be2")
    adj = match.group("adj") or match.group("adj2")
    y = match.group("y") or match.group("y2")
    if re.match(r"^(?:This|These|It|They|Such|There)\b", x) or not _noun_subject(x):
        return None
    shown = lower_first(x)
    if " " in be:  # "may be necessary" -> "Why may X be necessary?"
        modal, _, rest = be.partition(" ")
        question = f"Why {modal} {shown} {rest} {adj}?"
    else:
        question = f"Why {be} {shown} {adj}?"
    return QA("why", question, y)


def _must_be(text: str, subject: str) -> QA | None:
    """``X must be taken into account when Y`` -> "What must be taken into account when Y?"."""
    match = _MUST_BE.match(text) if " must be " in text or " should be " in text else None
    if not match or not _noun_subject(match.group("x")) or tq.is_generic_phrase(match.group("x")):
        return None
    question = f"What {match.group('modal')} be {match.group('vp')}?"
    return QA("must-be", question, match.group("x"))


_CAN_VERB = re.compile(
    r"^(?P<x>[A-Z][^,;]{3,60}?) (?P<modal>can|may) (?P<verb>reduce|increase|improve|prevent|"
    r"enhance|stimulate|cause|block|trigger|lower|raise|relieve|worsen|induce|shorten|prolong) "
    r"(?P<y>[^,;]{4,80})(?:, which (?P<then>(?:may|can|could|might|will) [a-z][^,;]{4,80})"
    r"|, .*)?$"
)


def _can_verb(text: str, subject: str) -> QA | None:
    """``Lidocaine can cause methaemoglobinaemia, ...`` -> "What can lidocaine cause?" ->
    ``methaemoglobinaemia``; a consequence the sentence adds (", which may require airway
    management") stays in the question, which would be vague without it."""
    match = _CAN_VERB.match(text) if " can " in text or " may " in text else None
    if not match or re.match(r"^(?:This|These|It|They|Such)\b", match.group("x")):
        return None
    if " " in match.group("x").strip() and not _noun_subject(match.group("x")):
        return None
    y = match.group("y")
    if tq.is_generic_phrase(y):
        return None
    x = lower_first(match.group("x"))
    then = f" that {match.group('then')}" if match.group("then") else ""
    return QA("can-verb", f"What {match.group('modal')} {x} {match.group('verb')}{then}?", y)


_ROLE = re.compile(
    r"^(?P<x>[A-Z][^,;]{3,70}?) (?P<verb>plays|play|may play|can play) an? "
    r"(?P<adj>(?:crucial|key|major|central|important|critical|vital|significant) )?role in "
    r"(?P<y>[a-z][^,;]{4,80}?)(?: and [^,;]+)?(?:, .*)?$"
)


def _role(text: str, subject: str) -> QA | None:
    """``BDNF plays a key role in synaptic plasticity`` -> "What plays a key role in synaptic
    plasticity?" -> ``BDNF``."""
    match = _ROLE.match(text) if "role in " in text else None
    if not match or re.match(r"^(?:This|These|It|Its|They|Such)\b", match.group("x")):
        return None
    if not _noun_subject(match.group("x")):
        return None
    x = match.group("x")
    if subject and re.match(rf"^{re.escape(subject)}(?:’s|'s) ", x, re.IGNORECASE):
        return None  # "ketamine's X plays a role": the cloze on X asks it better
    verb = match.group("verb") if match.group("verb") != "play" else "plays"
    adj = match.group("adj") or ""
    return QA("role", f"What {verb} a {adj}role in {match.group('y')}?", x)


_MAKERS = (
    _role,
    _makes,
    _by_doing,
    _requires,
    _passive,
    _does,
    _within,
    _used_as,
    _help,
    _why,
    _must_be,
    _can_verb,
)
# every asker a sharper shape is read with, in the order they are tried
_ASKERS = (*_MAKERS, *VERB_MAKERS, when, how_many, *WHY_HOW_MAKERS)
