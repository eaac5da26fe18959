"""How much a phrase is worth hiding in a cloze: key terms up, generic words out.

A cloze teaches when it hides a specific term of the subject (``NMDA receptor antagonism``,
``bronchodilation``, ``psychotomimetic``, ``within hours``), and nothing when it hides a
generic word a student could guess or would not care about (``quality`` of life, a
``reduction`` in pain, ``remarkable results``, ``healthcare providers``). This module owns
that judgement: :func:`is_weak` rejects a phrase, :func:`specificity` scores the rest. Both look
only at the phrase itself; the phrase scorer in :mod:`studyapp.cards.text_facts` adds what the
document says (the document's own terms, rarity, recurrence, titles).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9’'-]*")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abstract nouns that say nothing specific on their own (also as the head of a phrase whose
# other words are generic too: "medical purposes", "significant breakthroughs").
WEAK_NOUNS = _wordset(
    """quality history response responses reduction reductions result results option options
    purpose purposes provider providers conversation conversations breakthrough breakthroughs
    insight insights approach approaches effect effects potential adjustment adjustments
    transmission modification modifications complication complications improvement
    improvements outcome outcomes benefit benefits property properties setting settings manner
    process processes scope tool tools choice choices way ways need needs level levels impact
    role area areas aspect aspects factor factors field issue issues concern concerns interest
    subject context frequency intensity severity progression development formation integration
    processing administration duration rate dose dosage individual individuals people person
    patient patients professional professionals team plan plans protocol protocols procedure
    procedures use uses application applications condition conditions disorder disorders
    treatment treatments therapy therapies care management practice practices study studies
    research researchers trial trials evidence finding findings report reports journey avenue
    avenues possibility possibilities promise hope alternative alternatives addition
    combination combinations consideration considerations measure measures risk risks challenge
    challenges implication implications question questions change changes term terms number
    agent agents drug drugs medication medications medicine function functions ability
    abilities capacity value values sense idea part parts range variety kind kinds type types
    form forms case cases example examples step steps stage stages period periods time times
    year years health state states status event events experience experiences system systems
    method methods technique techniques strategy strategies mechanism mechanisms action actions
    interaction interactions modality modalities synergy supervision monitoring transition
    relief abilities extent period manner journey symptom symptoms sign signs
    substance substances material materials thing things item items structure structures
    release infusion infusions"""
)
# Evaluative or hedging words: a phrase carrying one is an opinion, not a term
EVALUATIVE = _wordset(
    """potential significant remarkable effective efficacious valuable excellent promising good
    great greater useful important key major novel powerful preferred common attractive
    popular unique better best new positive negative careful close impressive fascinating
    transformative comprehensive enduring renewed appropriate adequate certain various several
    particular specific general overall additional further other traditional conventional
    crucial essential necessary considerable substantial notable interesting ongoing recent
    current modern increased improved enhanced reduced greatest distinct direct responsible
    challenging distressing deeper smooth experienced trained skilled qualified"""
)
# Modifiers that add no specificity to a weak head ("medical purposes", "healthcare providers")
GENERIC_MODIFIERS = _wordset(
    """medical clinical healthcare health therapeutic treatment patient patients overall
    individual personal human general daily long-term short-term medication drug care mental
    physical scientific research functional extended adverse side"""
)
# Word shapes of technical vocabulary: -ergic, -genesis, -plasticity, -osis, -itis ...
_TECHNICAL = re.compile(
    r"(?:ergic|genesis|genic|plasticity|osis|oses|itis|pathy|pathic|mimetic|lytic|tropic|"
    r"dilation|dilatory|constriction|algesia|algesic|emia|aemia|uria|ectomy|otomy|ase|"
    r"receptors?|antagonism|antagonists?|agonists?|inhibitors?|inhibition|blockers?|"
    r"phins?|amines?|otonin|amate|ptides?|kines?|phrine|trophic|epticus|leptic|"
    r"analgesics?|anesthetics?|anaesthetics?|anxiolytic|sedation|sedative|intubation|"
    r"consciousness|neurons?|neuronal|synaptic|cortical|hepatic|renal|cardiac|vascular|"
    r"spinal|venous|venously|muscular|cutaneous|nasal|lingual|phase|syndrome|algia)$"
)
_TECHNICAL_PREFIX = re.compile(
    r"^(?:neuro|psycho|cardio|broncho|hemo|haemo|gastro|hepato|nephro|immuno|endo|anti|"
    r"glut|gaba|sero|dopa|noradren|intra|sub|trans|multi|hyper|hypo|dys|poly)[a-z]{3,}"
)
_PEOPLE = ("ist", "ists", "ian", "ians", "er", "ers")  # professions: psychologists, clinicians
ROUTE = re.compile(
    r"\b(?:intravenous|intramuscular|subcutaneous|sublingual|intranasal|intrathecal|"
    r"transdermal|topical|oral|rectal|inhaled|epidural)(?:ly)?\b",
    re.IGNORECASE,
)


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, possessive ’s removed."""
    return [w.lower().removesuffix("’s").removesuffix("'s") for w in _WORD.findall(text)]


def is_technical(word: str) -> bool:
    """Whether a word has the shape of technical vocabulary (``GABAergic``,
    ``epileptogenesis``, ``psychotomimetic``, ``NMDA``)."""
    if len(word) >= 2 and word.isupper() and word.isalpha():
        return True  # an acronym
    lower = word.lower()
    if len(lower) < 6 or lower.endswith(_PEOPLE):
        return False
    return bool(_TECHNICAL.search(lower) or _TECHNICAL_PREFIX.match(lower))


def is_weak(phrase: str, stopwords: frozenset[str] = frozenset()) -> bool:
    """Whether hiding ``phrase`` would test a generic or evaluative word, not a term.

    Weak: a phrase carrying an evaluative word (``remarkable results``, ``potential side
    effects``); one whose every word is a stop word, weak noun or generic modifier
    (``quality``, ``healthcare providers``, ``medical purposes``).
    """
    every = words(phrase)
    if not every or any(w in EVALUATIVE for w in every):
        return True
    return all(w in WEAK_NOUNS or w in GENERIC_MODIFIERS or w in stopwords for w in every)


def is_generic_phrase(phrase: str, stopwords: frozenset[str] = frozenset()) -> bool:
    """Whether every word of ``phrase`` is a weak noun, generic modifier or stop word
    (``adverse effects``, ``medical purposes``): too vague to be an answer."""
    every = words(phrase)
    return all(w in WEAK_NOUNS or w in GENERIC_MODIFIERS or w in stopwords for w in every)


def specificity(phrase: str) -> float:
    """A bonus for how term-like a phrase looks: technical word shapes, acronyms, capitalised
    multi-word names (``Complex Regional Pain Syndrome``), routes (``intravenously``)."""
    raw = _WORD.findall(phrase)
    if not raw:
        return 0.0
    bonus = 0.0
    if any(is_technical(w) for w in raw):
        bonus += 1.5
    if ROUTE.fullmatch(phrase.strip()):
        bonus += 1.5
    if len(raw) >= 2 and all(w[:1].isupper() for w in raw if len(w) > 3):
        bonus += 1.0
    if len(raw) >= 2 and not any(w.lower() in WEAK_NOUNS for w in raw):
        bonus += 0.5  # a compound of specific words ("concentration gradient")
    if words(phrase)[-1] in WEAK_NOUNS:
        bonus -= 0.75  # "psychotomimetic effects" is fine, "psychotomimetic" alone is better
    return bonus
