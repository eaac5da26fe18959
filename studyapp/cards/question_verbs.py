"""Question-and-answer pairs keyed on a verb phrase of the sentence, answers verbatim.

The companion of :mod:`studyapp.cards.questions` (which owns :func:`questions` and the first
patterns); these read statements built around one verb phrase:

* ``X sets it apart from Y`` -> "What sets ketamine apart from Y?" -> ``X``;
* ``X has emerged as Y`` -> "What has emerged as Y?" -> ``X``;
* ``X must adhere to Y and ...`` -> "What must X adhere to?" -> ``Y``;
* ``X may contribute to its Y`` -> "What may contribute to ketamine's Y?" -> ``X``;
* ``X are tailored to Y`` -> "To what are X tailored?" -> ``Y``;
* ``X are carefully designed to Y`` -> "What are X carefully designed to do?" -> ``Y``;
* ``X should only be performed by Y in Z`` (also ``X must adhere to W and be administered in
  Z by Y``) -> "By whom should X be performed?" -> ``Y``;
* ``Studies are underway to explore Y`` -> "What are studies underway to explore?" -> ``Y``;
* ``S shows promise as Y`` -> "As what does S show promise?" -> ``Y``;
* ``S has been investigated for its Y`` -> "For what has S been investigated?" -> ``Y``;
* ``X should be integrated into Y`` -> "Into what should X be integrated?" -> ``Y``;
* ``X is particularly beneficial in patients with Y`` -> "In which patients is X
  particularly beneficial?"; ``Some patients may experience Y during Z`` -> "What may some
  patients experience during Z?"; ``X may lead to Y`` -> "What may X lead to?";
* ``X indicates Y`` -> "What does X indicate?" -> ``Y``;
* ``... epilepsy, where X are implicated in Y`` -> "In epilepsy, what are implicated in Y?"
  -> ``X``; ``..., with the dose and rate tailored to Y`` -> "To what are the dose and rate
  tailored?" -> ``Y``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from studyapp.cards import lexicon as lx
from studyapp.cards import term_quality as tq
from studyapp.cards.drafts import QA, lower_first

_POSSESSIVE = r"(?:’s|'s)"
_NP = r"[A-Z][^;]{3,90}?"  # a sentence-opening noun phrase (commas allowed: "The dose, rate")
_SETS_APART = re.compile(
    rf"^(?P<x>{_NP}) (?P<verb>sets|set|distinguishes|distinguish) (?:it|them) apart from "
    r"(?P<y>[^,;]{4,90})$"
)
_EMERGED = re.compile(
    rf"^(?P<x>{_NP}) (?P<aux>has|have) (?P<verb>emerged|become) as (?P<y>an? [^,;]{{4,90}})$"
)
_ADHERE = re.compile(
    rf"^(?P<x>{_NP}) (?P<modal>must|should) (?P<verb>adhere to|comply with|follow) "
    r"(?P<y>[^,;]{4,60}?)(?: and (?:be|is|are) .*)?$"
)
_CONTRIBUTES = re.compile(
    rf"^(?P<x>{_NP}) (?:further |also |thus |partly |)(?P<modal>may |might |could |)"
    r"(?:further |also |)(?P<verb>contributes?) to "
    rf"(?P<whose>its|their|[A-Z]?[a-z]+{_POSSESSIVE}) (?P<y>[^,;]{{4,60}})(?:, .*)?$"
)
_TAILORED = re.compile(
    rf"^(?P<x>{_NP}) (?P<be>is|are) (?P<verb>tailored|adapted|adjusted) to "
    r"(?P<y>[^,;]{4,90})$"
)
# "..., with the dosage and rate tailored to Y": the same statement as an absolute phrase
_WITH_TAILORED = re.compile(
    r", with (?P<x>(?:the|its|their) [a-z][\w -]{2,40}?) (?P<verb>tailored|adapted|adjusted) to "
    r"(?P<y>[^,;]{4,90})$"
)
_DESIGNED = re.compile(
    rf"^(?P<x>{_NP}) (?P<be>is|are) (?P<adv>carefully |specifically |)(?P<verb>designed|"
    r"intended|meant) to (?P<y>[a-z][^,;]{4,120})$"
)
_BY_WHOM = re.compile(
    rf"^(?P<x>{_NP}) (?P<modal>should|must|can|is to) "
    r"(?:(?:adhere to|comply with|follow) [^,;]{3,60}? and )?(?P<only>only |)be (?P<verb>performed|"
    r"administered|given|prescribed|supervised)(?: in [^,;]{3,60}?)? by (?P<y>[a-z][^,;]{4,60}?)"
    r"(?: in [^,;]{3,60})?$"
)
_ONGOING = re.compile(
    r"^(?P<x>Research|Studies|Trials|Work) (?P<be>is|are) (?P<state>ongoing|underway) to "
    r"(?P<adv>better |further |)(?P<verb>understand|explore|determine|investigate|assess|"
    r"evaluate|establish) (?P<y>[^;]{6,120}?)(?:, (?:such as|especially|particularly) .*)?$"
)
_PROMISE = re.compile(
    r"^(?:While |Although )?(?P<s>[A-Za-z][a-z]+) (?P<verb>shows|has shown) promise as "
    r"(?P<y>an? [^,;]{4,70})(?:, .*)?$"
)


def _noun_phrase(x: str) -> bool:
    """Whether ``x`` reads as a plain noun phrase (short, no clause of its own inside)."""
    if len(x.split()) > 12 or re.match(r"^(?:This|These|Those|It|Its|They|Such|There)\b", x):
        return False
    return not re.search(
        r" (?:when|that|which|who|where|is|are|was|were|has|have|can|may|must|should|will"
        r"|would|could|might) ",
        f" {x} ",
    )


# An asker whose pattern holds fixed words tests for them before running the pattern
# (``" because " in text``): most sentences fit no shape, and the test is far cheaper
# than a failed match.
def _sets_apart(text: str, subject: str) -> QA | None:
    match = _SETS_APART.match(text) if " apart from " in text else None
    if not match or not subject or not _noun_phrase(match.group("x")):
        return None
    verb = "sets" if match.group("verb").startswith("set") else "distinguishes"
    question = f"What {verb} {subject.lower()} apart from {match.group('y')}?"
    if verb == "distinguishes":
        question = f"What distinguishes {subject.lower()} from {match.group('y')}?"
    return QA("sets-apart", question, match.group("x"))


def _emerged(text: str, subject: str) -> QA | None:
    match = _EMERGED.match(text) if " emerged as " in text or " become as " in text else None
    if not match or not _noun_phrase(match.group("x")):
        return None
    question = f"What has {match.group('verb')} as {match.group('y')}?"
    return QA("emerged-as", question, match.group("x"))


def _adhere(text: str, subject: str) -> QA | None:
    match = _ADHERE.match(text) if " must " in text or " should " in text else None
    if not match or not _noun_phrase(match.group("x")):
        return None
    verb = match.group("verb")
    question = f"What {match.group('modal')} {lower_first(match.group('x'))} {verb}?"
    return QA("adhere", question, match.group("y"))


def _contributes(text: str, subject: str) -> QA | None:
    match = _CONTRIBUTES.match(text) if "contribute" in text else None
    if not match or not subject or not _noun_phrase(match.group("x")):
        return None
    x = match.group("x")
    owner = re.match(rf"^{re.escape(subject)}{_POSSESSIVE} ", x, re.IGNORECASE)
    if not owner:
        return None  # "its" must be the subject's, so the sentence must open with it
    modal = match.group("modal").strip()
    verb = "contribute" if modal else "contributes"
    aux = f"{modal} " if modal else ""
    apostrophe = "’" if "’" in x else "'"
    question = f"What {aux}{verb} to {subject.lower()}{apostrophe}s {match.group('y')}?"
    return QA("contributes", question, x[owner.end() :])


def _tailored(text: str, subject: str) -> QA | None:
    if not ("tailored to " in text or "adapted to " in text or "adjusted to " in text):
        return None  # what both shapes hold
    match = _TAILORED.match(text)
    if not match:
        absolute = _WITH_TAILORED.search(text)
        if not absolute or absolute.group("x").startswith(("its ", "their ")):
            return None  # "with its dose adapted to ...": whose dose is not on the card
        x = absolute.group("x")
        be = "are" if " and " in x or x.endswith("s") else "is"
        question = f"To what {be} {x} {absolute.group('verb')}?"
        return QA("tailored", question, absolute.group("y"))
    if not _noun_phrase(match.group("x")):
        return None
    question = f"To what {match.group('be')} {lower_first(match.group('x'))} tailored?"
    return QA("tailored", question, match.group("y"))


def _designed(text: str, subject: str) -> QA | None:
    needed = "designed to " in text or "intended to " in text or "meant to " in text
    match = _DESIGNED.match(text) if needed else None
    if not match or not _noun_phrase(match.group("x")):
        return None
    x = lower_first(match.group("x"))
    verb = match.group("verb")
    question = f"What {match.group('be')} {x} {match.group('adv')}{verb} to do?"
    return QA("designed", question, match.group("y"))


def _by_whom(text: str, subject: str) -> QA | None:
    match = _BY_WHOM.match(text) if " be " in text and " by " in text else None
    if not match or not _noun_phrase(match.group("x")) or tq.is_generic_phrase(match.group("y")):
        return None
    x = lower_first(match.group("x"))
    question = f"By whom {match.group('modal')} {x} {match.group('only')}be {match.group('verb')}?"
    return QA("by-whom", question, match.group("y"))


def _ongoing(text: str, subject: str) -> QA | None:
    opens = text.startswith(("Research ", "Studies ", "Trials ", "Work "))
    match = _ONGOING.match(text) if opens else None
    if not match:
        return None
    x = match.group("x").lower()
    question = (
        f"What {match.group('be')} {x} {match.group('state')} to "
        f"{match.group('adv')}{match.group('verb')}?"
    )
    return QA("ongoing", question, match.group("y"))


def _promise(text: str, subject: str) -> QA | None:
    match = _PROMISE.match(text) if " promise as " in text else None
    if not match or not subject or match.group("s").lower() != subject.lower():
        return None
    verb = "does" if match.group("verb") == "shows" else "has"
    show = "show" if verb == "does" else "shown"
    return QA("promise-as", f"As what {verb} {subject.lower()} {show} promise?", match.group("y"))


_INVESTIGATED = re.compile(
    r"^(?P<s>[A-Z][a-z]+) (?P<aux>has|have) been (?P<verb>investigated|studied|explored|"
    r"evaluated|tested) (?P<prep>for|as) (?:its |their )?(?P<y>[^,;]{4,80})$"
)


def _investigated(text: str, subject: str) -> QA | None:
    """``S has been investigated for its Y`` -> "For what has S been investigated?"."""
    match = _INVESTIGATED.match(text) if " been " in text else None
    if not match or not subject or match.group("s").lower() != subject.lower():
        return None
    question = (
        f"{match.group('prep').capitalize()} what {match.group('aux')} {subject.lower()} "
        f"been {match.group('verb')}?"
    )
    return QA("investigated", question, match.group("y"))


_INTEGRATED = re.compile(
    rf"^(?P<x>{_NP}) (?P<modal>should|must|can|may) be (?P<verb>integrated|incorporated) "
    r"into (?P<y>[^,;]{4,80})(?:, .*)?$"
)


def _integrated(text: str, subject: str) -> QA | None:
    """``X should be integrated into Y, ...`` -> "Into what should X be integrated?"."""
    needed = "integrated into " in text or "incorporated into " in text
    match = _INTEGRATED.match(text) if needed else None
    if not match or not _noun_phrase(match.group("x")):
        return None
    x = lower_first(match.group("x"))
    question = f"Into what {match.group('modal')} {x} be {match.group('verb')}?"
    return QA("integrated", question, match.group("y"))


_VALUABLE = re.compile(
    rf"^(?P<x>{_NP}) (?P<be>is|are) (?P<adv>particularly |especially |most |)"
    r"(?P<adj>valuable|useful|beneficial|helpful|important|effective) in (?P<y>[a-z][^;]{6,120})$"
)
_EXPERIENCE = re.compile(
    r"^(?:(?P<lead>After [^,]{4,60}), )?(?P<who>[Ss]ome (?:individuals|patients|people)|"
    r"[Mm]any (?:individuals|patients|people)|[Pp]atients) (?:(?P<modal>may|can|often|commonly) )?"
    r"experience (?P<y>[^;]{4,120}?)(?: (?P<when>during [^,;]{3,40}))?"
    r"(?:,? (?:such as|including) .*|, (?:contributing|leading|resulting|which|although) .*)?$"
)
_LEAD_TO = re.compile(
    rf"^(?P<x>{_NP}) (?P<modal>may|can|could|might) lead to (?P<y>[^,;]{{4,100}})$"
)


_PLACES = lx.wordset(
    "settings setting environments environment situations situations places areas regions"
    " hospitals clinics contexts fields cases"
)


def _valuable(text: str, subject: str) -> QA | None:
    """``X is particularly valuable in settings where Y`` -> "Where is X particularly
    valuable?"; ``... beneficial in patients with Y`` -> "In which patients is X ...?"."""
    needed = " in " in text and (" is " in text or " are " in text)
    match = _VALUABLE.match(text) if needed else None
    if not match or not _noun_phrase(match.group("x")):
        return None
    x, y = lower_first(match.group("x")), match.group("y")
    tail = f"{match.group('be')} {x} {match.group('adv')}{match.group('adj')}"
    first = y.split()[0]
    if first.endswith("ing") and lx.verb_lemma(first) not in ("", first):
        return None  # "important in considering the role ...": an activity, not a place
    if first in ("patients", "individuals", "people", "children", "adults"):
        return QA("valuable-in", f"In which {first} {tail}?", y)
    if not _PLACES & set(y.split()[:2]) and " where " not in y:
        return QA("valuable-in", f"In what {tail}?", y)  # "medical treatments for ...": no place
    return QA("valuable-in", f"Where {tail}?", y)


def _experience(text: str, subject: str) -> QA | None:
    """``After X, some patients may experience Y during Z`` -> "What may some patients
    experience during Z after X?"."""
    match = _EXPERIENCE.match(text) if "experience " in text else None
    if not match or tq.is_generic_phrase(match.group("y")):
        return None
    who = match.group("who")
    who = who[:1].lower() + who[1:]
    aux = match.group("modal") or "do"
    when = f" {match.group('when')}" if match.group("when") else ""
    lead = match.group("lead")
    after = f" {lead[:1].lower()}{lead[1:]}" if lead else ""
    return QA("experience", f"What {aux} {who} experience{when}{after}?", match.group("y"))


def _lead_to(text: str, subject: str) -> QA | None:
    """``X may lead to Y`` -> "What may X lead to?" -> ``Y``."""
    match = _LEAD_TO.match(text) if " lead to " in text else None
    if not match or not _noun_phrase(match.group("x")):
        return None
    x = lower_first(match.group("x"))
    return QA("lead-to", f"What {match.group('modal')} {x} lead to?", match.group("y"))


# "X are implicated in Y", "..., where X are implicated in Y" (after the place it happens)
_IMPLICATED = re.compile(
    r"(?:^(?P<x>[A-Z][^,;]{3,60}?)|(?: in| of| with) (?P<place>[a-z][\w-]*(?: [a-z][\w-]*)?),"
    r" where (?P<x2>[a-z][^,;]{3,60}?)) (?P<be>is|are|has been|have been) implicated in "
    r"(?P<y>[^,;]{4,80})$"
)


def _implicated(text: str, subject: str) -> QA | None:
    """``Epilepsy, where neuronal damage and inflammation are implicated in its progression``
    -> "In epilepsy, what are implicated in its progression?" -> ``neuronal damage and
    inflammation``; ``X is implicated in Y`` -> "What is implicated in Y?"."""
    match = _IMPLICATED.search(text) if " implicated in " in text else None
    if not match:
        return None
    x = match.group("x") or match.group("x2")
    if not _noun_phrase(x) or tq.is_generic_phrase(x):
        return None
    place = f"In {match.group('place')}, w" if match.group("place") else "W"
    question = f"{place}hat {match.group('be')} implicated in {match.group('y')}?"
    return QA("implicated", question, x)


_INDICATES = re.compile(
    rf"^(?P<x>{_NP}) (?P<verb>indicates|indicate|signals|signal|means|mean|suggests|suggest) "
    r"(?P<y>(?:an?|the) [^,;]{4,100})$"
)


def _indicates(text: str, subject: str) -> QA | None:
    """``An occlusion alarm indicates a blocked line`` -> "What does an occlusion alarm
    indicate?" -> ``a blocked line``."""
    needed = " indicate" in text or " signal" in text or " mean" in text or " suggest" in text
    match = _INDICATES.match(text) if needed else None
    if not match or not _noun_phrase(match.group("x")):
        return None
    verb = match.group("verb")
    plural = not verb.endswith("s")
    base = verb if plural else verb[:-1]
    aux = "do" if plural else "does"
    return QA("indicates", f"What {aux} {lower_first(match.group('x'))} {base}?", match.group("y"))


VERB_MAKERS: tuple[Callable[[str, str], QA | None], ...] = (
    _sets_apart,
    _emerged,
    _adhere,
    _contributes,
    _tailored,
    _designed,
    _by_whom,
    _ongoing,
    _promise,
    _investigated,
    _integrated,
    _valuable,
    _experience,
    _lead_to,
    _indicates,
    _implicated,
)
