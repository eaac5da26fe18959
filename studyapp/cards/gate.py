"""The quality gate every drafted card passes: general rules a careful teacher would apply.

A draft is dropped, whatever sentence or subject it came from, when:

* ``given-away``: its answer (or a relative of its words: "salivation" for "salivary") stands
  in its question or in the titles the quiz shows above it; an abbreviation is given away by
  the words whose initials it is; a cloze's hidden words by the rest of its sentence;
* ``label``: it asks about a label rather than content: what a quoted heading "is", which
  heading a quoted explanation falls under, a title followed by a bare "— topic?";
* ``unresolved``: its question leans on something it does not name ("they", "this
  condition", "the second byte", "in the first case", "the plot above") or names nothing
  specific at all ("What is research ongoing to understand?");
* ``broken-blank``: its cloze blank is not a whole term: it starts or ends on a function word
  ("solution if"), ends on a verb ("RuBisCO begin"), or cuts a name or compound in two
  ("Complex Regional [...] Syndrome", "[...] energy" for "light energy");
  an answer that stops on a function word ("the cavity in") is cut short the same way;
* ``markup``: it shows markup the outline left in (``:term:``, ``{: ...}``, ``[link](#...)``);
* ``citation``: the sentence it shows is mostly figures and abbreviations, not words: a
  reference to a source ("Hanson v. Dane County (7th Cir. 2010) 608 F.3d 335."), a line of
  page numbers, which states no fact;
* ``stock-blank``: its cloze blank is everyday words anyone could guess ("quality of [life]");
* ``list-item``: its cloze blank is one item of a list the sentence gives ("conditions such
  as OCD, [...], and substance use disorders"): any other item would fill it as well;
* ``example``: its cloze blank is one of the examples the sentence gives ("durable goods
  like cars and [...]", "[...], for example, is a gas at room temperature"): other examples
  would do as well, so it is weak, kept only where its section has nothing better;
* ``aside``: its cloze blank is inside a comma-set aside or a clause of consequence
  ("Ketamine, with its history as an anesthetic and [...], has ...", "..., allowing for a
  smooth transition into [...]"): the sentence's point is elsewhere, so it is weak;
* ``fragment``: its cloze has no closing stop (a bullet or a heading-like line: "A [...] for
  getting or sending data"): such lines are often pieces of a sentence, so the card is
  weak, kept only where its section has nothing better;
* ``not-a-statement``: its cloze is a question, the answer to one ("Because, ...", "Why,
  ..."), a note without its subject ("Says it is enough that ...") or speaks to the reader
  ("the candle I have in my [...]"); its question is not grammatical ("What does because
  ...?", "What do a shell script?"); or its answer names nothing (an adverb: "Never");
* ``not-a-definition``: its definition question cannot be answered by a definition: the
  term is a clause or a number ("What is meant by method JITs are the normal kind?"), or the
  description joins a second clause or opens on a predicate's adverb ("What is the term for
  a probability curve and AUC represents ...?", "... for rarely caused by overwork?");
* ``vague-answer``: its answer is only everyday or abstract words ("the type of the option"),
  weak like an open question;
* ``open-question``: its question's verb takes almost any object ("What does Skyfield
  use?", "What do mollusks show?"): many answers would be right, so it is weak, kept only
  where its section would have no card (:data:`LAST_RESORT`);
* ``loose-reading``: its shape reads the text too loosely to be trusted: a "Why ...?" that
  turns round the main clause of a "because" sentence, which keeps what only the text
  around it explains ("Why is Zeek also attractive?"), or a "How ...?"/"Why ...?" heading
  answered by the first sentence under it, which seldom is the answer ("How does a heap
  compare to regular trees?" -> "A heap is not a replacement for a binary search tree");
  like an open question, it is kept only where its section would have no card;
* ``bare-list``: its list prompt names no kind of thing ("Next, we'll look at trade-offs:
  name the 3 points listed.", "Name the 2 points of Holding & Analysis."): it asks for a
  section's bullets, not facts, so it is weak, kept only where its section has nothing
  better;
* ``too-long``: its cloze is more than one sentence or
  :data:`~studyapp.cards.cloze_rules.MAX_CLOZE_WORDS` words long;
* ``shared-sentence``: another cloze already blanks the same sentence;
* ``duplicate`` / ``conflict``: another card of the deck asks the same question, with the same
  answer or with a different one; or :data:`MAX_SAME_BLANK` clozes already hide the same
  words.

Word knowledge comes from :mod:`studyapp.cards.lexicon`; the rules of a cloze's sentence and
blank live in :mod:`studyapp.cards.cloze_rules`. :func:`card_fault` judges one draft on its
own; :class:`Seen` judges a draft against the cards of its deck kept before it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from studyapp.cards import cloze_rules as cr
from studyapp.cards import lexicon as lx
from studyapp.cards import term_quality as tq
from studyapp.cards.anaphora import pronoun_without_referent
from studyapp.cards.drafts import Draft
from studyapp.cards.leaning import asks_of_a_common_noun
from studyapp.model import CardType
from studyapp.outline.sentences import normalise_space, plain_lower

RULES = (
    "given-away",
    "label",
    "unresolved",
    "broken-blank",
    "markup",
    "citation",
    "stock-blank",
    "list-item",
    "example",
    "aside",
    "fragment",
    "unclosed",
    "not-a-statement",
    "not-a-definition",
    "vague-answer",
    "open-question",
    "loose-reading",
    "bare-list",
    "too-long",
    "shared-sentence",
    "duplicate",
    "conflict",
)
# drafts whose question the text's author wrote (studyapp.cards.from_qa)
AUTHORED_KEYS = ("title-question|", "heading-how|", "qa-pair|")
# weak rather than wrong: such a card may come back where its section would keep one card
SOFT_RULES = frozenset(
    {
        "vague-answer",
        "open-question",
        "loose-reading",
        "bare-list",
        "list-item",
        "example",
        "aside",
        "fragment",
        "unclosed",
    }
)
# ... and a vague question only where its section would keep none: of the 26 rated of 29 that
# came back as a section's first or second card (150 texts), 4 were good and 16 bad
LAST_RESORT = frozenset({"vague-answer", "open-question", "loose-reading", "bare-list"})
# Question shapes that read a sentence too loosely to be trusted on a text nobody has seen,
# by the draft kind they come from, and the soft rule they break (kept only where their
# section would have no card):
# * "What does X <verb>?" of a sentence's subject and object ("What do microclimates
#   affect?", "What does the main program read?"): the verb seldom has one object, so the
#   question has many answers or needs the text around it. Rated blind on texts the raters
#   saw first, 4 of 62 were good and about half bad (two rounds, 38 texts);
# * "Why ...?" of a "because" clause: the main clause turned round keeps its hedges and
#   pointers ("Why are members mostly, perhaps, elected?", "Why is Zeek also attractive?",
#   "Why are the papers not so good?"). Rated blind, 2 of 13 were good and 9 bad (two
#   rounds, 69 texts).
# * a "How ...?" or "Why ...?" heading answered by its section's first sentence, which seldom
#   answers it: of 9 such cards over 9 texts, 1 reads as an answer (by hand) and the 4
#   rated blind were bad ("How does a heap compare to regular trees?").
UNSURE_KINDS = {
    "does-what": "open-question",
    "because": "loose-reading",
    "heading-how": "loose-reading",
}
SHORT_ANSWER = 5  # words: a longer answer is an explanation, which shares its term's words
# words: a shorter description fits many terms ("an orderly sequence of events" -> "cell
# cycle"; rated blind, 1 of 5 such reverse definitions was good, 9 of 12 of 10-19 words)
SHORT_DESCRIPTION = 7
VAGUE_WORD = 4.4  # Zipf: a lone word this common answers nothing ("operations", "options")
EVERYDAY = 4.0  # Zipf: an answer of only such words teaches no term (see _everyday)
# questions whose answer is a name for something: an everyday word may be that name
_NAMES_TERM = re.compile(
    r"^(?:What (?:is|are) the (?:term|abbreviation|name)s? for|What does the abbreviation|How )"
    r"|^What (?:refers?|is|are) [^?]*\b(?:called|termed|named|known as|referred to as)\?$"
    r"|^What refers? to\b"
)
MAX_SAME_BLANK = 2  # clozes of one document hiding the same words: more asks the same again
_LABEL_QUESTION = re.compile(
    r"(?:\bwhat (?:is|are) [“\"][^”\"]{1,80}[”\"]\s*\?$"
    r"|\bwhat does the text say about\b"
    r"|\bwhich term under\b"
    r"|[”\"] — which [^?]{1,80} is this\?$"
    r"|^name the items listed under\b"
    r"|^name the (?:\d+ )?(?:\w+ )?(?:questions|exercises|problems|references|resources)\.$"
    r"|\boverview\?$)",
    re.IGNORECASE,
)
# what one alternative or another of _LABEL_QUESTION needs in a question, lower-cased (keep
# them with the pattern): most questions hold none of them
_LABEL_QUESTION_MARKS = (
    *("what is “", 'what is "', "what are “", 'what are "', "what does the text say about"),
    *("which term under", "” — which", '" — which', "name the ", "overview?"),
)
# patterns of the per-blank checks, compiled once
_BRACKET = re.compile(r"[(\[]")
# a question word and its auxiliary: "What does", "Why is"
_ASKS = r"^(?:What|Where|When|Why|How) (?:is|are|was|were|does|do|did|can|may|will)"
# a question whose subject opens on a function word: "What does because a lot of ...?"
_QUESTION_SUBJECT = re.compile(_ASKS + r" (?P<first>[A-Za-z]+) ")
# "What does the capsid appear?": the words between the auxiliary and the last one
_DOES_WHAT = re.compile(
    r"^What (?P<aux>does|do|did|can|may|could|will|should|must) (?P<subject>[^?]+?)"
    r" (?P<verb>[A-Za-z-]+)\?$"
)
# "What is the term for composed of proteins ...?": a participle where a noun phrase belongs
_TERM_FOR_VERB = re.compile(r"^What is the term for (?P<verb>[a-z]+) (?P<next>[a-z]+)\b")
# "Why is often cell death caused ...?": an adverb before the subject
_AUX_ADVERB = re.compile(
    _ASKS + r" (?:often|usually|also|always|generally|typically|sometimes|still|then|now|thus)\b"
)
# "What causes often cell death?", "What does many viruses have ...?"
_VERB_ADVERB = re.compile(
    r"^What (?!(?:has|is|was|does)\b)[a-z]+s (?:often|usually|also|always|generally|typically)\b"
)
_DOES_MANY = re.compile(r"^What does (?:many|several|most|few|both|all|some) [a-z]+s\b")
# "an example of this type of vaccine", "an exception to this rule": a pointer in the answer
_POINTER_INSIDE = re.compile(
    r"\b(?:this|these|those) (?:type|kind|rule|case|form|sort|class|way)s?\b"
)
# "Why did the system ... was not accepted?", "... and sales should be counted": a second
# finite verb inside a question already turned round with "did"
_DID_THEN_FINITE = re.compile(
    r"^(?:Why|How|When|Where|What) (?:did|does|do)"
    r" (?:(?!\b(?:when|if|because|as|while|after|before|since|until|that|which|who|where)\b)[^?])*"
    r"\b(?:was|were|is|are|should|would|will)"
    r" (?:(?:not|initially|also|then|be|been) ){0,2}[a-z]+(?:ed|en)\b"
)
_AND_FINITE = re.compile(r", and (?:have|has|had|is|are|was|were|can|could|will|would|must) ")
_MOVED_ADVERB = re.compile(r"\b(?:possibly|probably|perhaps|likely)\?$")
_BE_TO = re.compile(r"^What (?:could|can|may|will|would|might|must|should) be to\b")
_BARE_LIST = re.compile(r"name the \d+ points listed\.$|^Name the \d+ points of ", re.IGNORECASE)
_NAME_POINTS_OF = re.compile(r"^Name the (?:\d+ )?(?:points?|items?) of (?P<next>[a-z]+)\b")
_CLAUSE_VERB = re.compile(r" (?:is|are|was|were)(?: not)? [a-z]")
_THREE_LETTERS = re.compile(r"[A-Za-z]{3}")
_FIRST_PLURAL = re.compile(r"\b(?:[Ww]e|us|[Oo]ur|ours|ourselves)\b")
_SPLIT_NUMBER = re.compile(r"\d \. \d|× 10 \d")  # a number whose markup was lost
_RUN_ON = re.compile(r"[a-z]{3}\. [A-Z][a-z]+ [a-z]")  # a question run into the next sentence
_BARE_THE = re.compile(r"^What (?:is|are) the ([a-z]+)\?$")
_TWO_SENTENCES = re.compile(r"[a-z]{3}\. [A-Z]")  # "... trust assets. See FRCP Rule 19"
_BARE_SCHEME = re.compile(r"\bhttps?\b(?!://)")
_FILE_NAME = re.compile(r"\b[\w-]+\.(?:a|so|dll|lib|exe|h|c|py|js|md|txt|cfg|ini|json|yaml|xml)\b")
_CODE = re.compile(r"\w\(\s*\)|\);|\b[A-Za-z_]+=[A-Za-z_\d\"']|\w\( \w")
_AND_THEN = re.compile(r" and ([a-z]+) (?:up|down|in|into|to|on|out|off|through|across|over)\b")
_GLUED = re.compile(r"[a-z]{3}\. [a-z]")  # two sentences run together: "... temperature. lists"
_REPORTING = re.compile(
    r"^What (?:is|are) [^?]*\b(?:states|says|shows|means|implies|points? out|argues?|notes?"
    r"|suggests?|believes?|claims?|finds?|found) that\b"
)
# "... a number γ and a vector x and produces?": the description stops before its object
_OBJECTLESS_END = re.compile(r"^What is the term for [^?]* and (?P<verb>[a-z]+s)\?$")
_PASSIVE_WHAT = re.compile(r"^What [a-z]+ed by\b")  # "What destroyed by the Greeks?"
_WHAT_WORD_BY = re.compile(r"^What (?P<word>[a-z]+) by\b")  # "What made by the model?"
# a second finite clause run into the question: "What was equipped and everything was
# ready?", "What is disrupted and anticholinergic symptoms develop?", "What lead to X is
# what we call Y?"
_SECOND_CLAUSE = re.compile(
    r"^What (?:is|are|was|were) [a-z]+ed and (?:[a-z]+ ){1,2}(?:is|are|was|were|[a-z]+)\?$"
    r"|\bis what\b"
)
# two auxiliaries in one subject: "What do the modern copyright law does not require?"
_DOUBLE_AUX = re.compile(
    r"^(?:What|Why) (?:do|does|did) [^?]+ (?:(?:do|does|did) not|(?:do|does|did|is|are|was"
    r"|were)n['’]t) "
)
# a term's description that goes on with a predicate of its own: "the term for a grave
# defect, and must be avoided", "a leading cause of mortality ... but is fatal ...", or
# stands for something said before ("the same with ...", "a very tough one")
_DESCRIPTION_PREDICATE = re.compile(
    r"(?:,? (?:and|but) (?:is|are|was|were|must|can|may|should|has|have)\b"
    r"|, and [a-z]+ (?:is|are|was|were)\b)"
)
_RELATIVE = re.compile(r"\b(?:that|which|who|whose|whom|where)\b")
_DESCRIPTION_POINTER = re.compile(r"^(?:the same\b|(?:an?|the) (?:[a-z]+ ){0,2}one\b)")
_DETERMINERS = lx.wordset("the a an its their this these those each every any some many most")
_SINGULAR = lx.wordset("a an each every one")
# markup the outline left in: signs that are markup wherever they stand ("{: .note}",
# "[link](#anchor)", "[#note]", "label]_", "``code``", a table's "|", "=>", "----", "===="),
# and patterns of markup, each with the character it needs, searched only in a text holding
# it (most cards' text holds none): "snake_case1", "_emphasis_", "word_", ":term:`x`", a bare
# address "https://...", "^note", "\[", "<b>", ".. directive"
_MARKUP_SIGNS = ("{", "}", "](", "[#", "]_", "[]", "``", "|", "=>", "----", "====")
_MARKUP = (
    (
        "_",
        re.compile(
            r"\b[a-z]+_[a-z]*\d+\b|[A-Za-z]_(?:\s|$)|(?<![\w])_[A-Za-z][^_]{0,40}_(?!\w)"
            r"|(?<![\w])_[a-z]+\b"
        ),
    ),
    (":", re.compile(r"(?:^|\s):[a-z]+:`?\w|\bhttps?://")),
    ("^", re.compile(r"\s\^(?:[A-Za-z0-9]|\s|$)")),
    ("\\", re.compile(r"\\[\[\]_*]")),
    ("<", re.compile(r"</?[a-z]+[ >]")),
    ("..", re.compile(r"(?:^|\s)\.\.\s")),
)
_BLANK_QUOTE = re.compile(r"^“(.*_____.*)” — which term completes the sentence\?$")
_PREPOSITIONS = lx.wordset(
    "with from in on at by for into onto to of about over under out up down off away back"
)  # and the particles of phrasal verbs: "What does music go?" -> "out of existence"
# an answer that counts things without naming them: which three, the card does not ask
_COUNTED = re.compile(
    r"^(?:two|three|four|five|six|seven|eight|nine|ten|\d+) (?:[a-z][\w-]* ){0,2}[a-z][\w-]*s$"
)
_ITEM_PREPOSITIONS = lx.wordset("by with from in on at for into onto to of about under")
_MANNER = re.compile(r"^(?:[^:]{1,120}: )?(?:how|when)\b", re.IGNORECASE)
_DASH_TAIL = re.compile(r" — (?P<tail>[^?—]{1,60})\?$")
_QUESTION_TYPES = (CardType.BASIC, CardType.TYPED, CardType.CHOICE)


def card_fault(draft: Draft, titles: str, subject: str = "") -> str:
    """The rule a draft breaks on its own (see the module docstring), or ``""``.

    ``titles`` are the deck and section titles the quiz shows above the card; ``subject`` is
    the document's main subject ("ketamine"), which names no answer.
    """
    # the same draft is judged again when its deck is put together: the verdict is kept
    fault = _fault(
        draft.type,
        draft.question,
        draft.answer,
        draft.text,
        draft.items,
        draft.distractors,
        titles,
        subject,
        draft.key.startswith(AUTHORED_KEYS),
        draft.headword,
    )
    if not fault:
        return UNSURE_KINDS.get(draft.key.split("|", 1)[0], "")
    return fault


def cloze_sentence_fails(sentence: str) -> bool:
    """Whether every cloze of ``sentence`` (a phrase starting and ending on a word hidden)
    is dropped by a rule of the sentence, whatever it hides: markup, an exercise, or a cloze
    sentence's own rule (:func:`~studyapp.cards.cloze_rules.sentence_fails`). None of them
    is a blank's rule, so the cloze maker takes such a sentence's options in the order it
    would with each judged, without judging them."""
    return (
        _shows_markup(f" {sentence} ")  # the text a cloze shows, as :func:`_fault` joins it
        or _imperative(sentence)
        or cr.instruction(sentence)
        or cr.sentence_fails(sentence)
    )


@lru_cache(maxsize=32768)
def _fault(
    kind: CardType,
    question: str,
    answer: str,
    cloze: str,
    items: tuple[str, ...],
    distractors: tuple[str, ...],
    titles: str,
    subject: str,
    authored: bool = False,
    headword: bool = False,
) -> str:
    """:func:`card_fault` of a draft given by the fields it reads (kept per draft)."""
    text, fault = _text_fault(question, answer, cloze, items, distractors)
    if fault:
        return fault
    # a pronoun nothing on the card names: "the boundaries separating it from Veragua" (a
    # cloze's own rules first: most cloze options break one, and they are cheaper to ask)
    if kind is CardType.CLOZE:
        fault = cr.cloze_fault(cloze, titles, subject)
        return fault or ("unresolved" if _pronoun_without_referent(text or question) else "")
    if _pronoun_without_referent(text or question):
        return "unresolved"
    if answer and cr.FIGURE_LABEL.match(answer):
        return "unresolved"  # "... the waving line a b c ...?" -> "Fig. 37": a picture's label
    if kind is CardType.LIST:
        if lx.speaks_to_reader(question):
            return "unresolved"  # "You can be given a list of edges ...: name the 3 points"
        if re.match(r"^(?:Yes|No)\b", question):
            return "not-a-statement"  # the answer to a question the card does not show
        if sum(bool(_CLAUSE_VERB.search(item)) for item in items) == 1:
            return "broken-blank"  # "e-mail ; VOIP are not permitted": the sentence rode along
        if any(not _names_something(item) or _all_function_or_vague(item) for item in items):
            return "broken-blank"  # "a document store ; in some cases": a phrase, no item
        if all(" " in item.strip() and not _THREE_LETTERS.search(item) for item in items):
            return "not-a-statement"  # "R x Q B x R ; Q - Q 7": a game's moves, no words
            # (a list of codes stays: "G1 ; S ; G2", the stages of interphase)
        opening = lx.WORD.findall(items[0])[:1] if items else []
        if opening and opening[0] in _ITEM_PREPOSITIONS:
            return "broken-blank"  # "reviewed closely, including by both technical ; legal
            # experts": the list is of phrases of the clause, not of things
        if any(item.rstrip().endswith(("?", ":")) for item in items):
            return "label"  # items that are questions or headings: "What would X refer to?"
        if re.match(
            r"^Name the (?:\d+ )?(?:the|all|for|of|in|to|with|by|on|a|an)\b|^Name the (?:\d+ )?:"
            r"|^(?:Where|When|If|Because|Although|While"
            r"|Whereas|Unless|Since) ",
            question,
        ):
            return "not-a-statement"  # "Name the 2 the application problem."
        points_of = _NAME_POINTS_OF.match(question)
        if points_of and points_of.group("next") in _PREPOSITIONS:
            return "not-a-statement"  # "Name the 4 points of under development."
        if _TWO_SENTENCES.search(question):
            return "not-a-statement"  # "... DNS services. Some DNS services can ..., such as?"
        if _label_question(question):
            return "label"
        if _BARE_LIST.search(question):
            return "bare-list"  # rated blind, none of 9 such prompts was good
        return ""
    quoted = _BLANK_QUOTE.match(question)
    if quoted and answer:  # a fill-the-blank choice is judged like its cloze
        fault = cr.cloze_fault(
            quoted.group(1).replace("_____", f"{{{{c1::{answer}}}}}"), titles, subject
        )
        if fault:
            return fault
    if _label_question(question) or _label_tail(question):
        return "label"
    bare = _BARE_THE.match(question)
    if bare and lx.is_familiar(bare.group(1)):
        return "unresolved"  # "What is the drug?": which one, the card does not say
    if headword:  # "What is nadir?": a dictionary's headword names it, in any word class
        if cr.leans_back(question):
            return "unresolved"
    elif _unresolved(question, subject, authored) or cr.leans_back(
        _firsts_of_a_date(question, answer)
    ):
        return "unresolved"
    if cr.points_into_document(question):
        return "unresolved"  # "... rows and columns --- see here for more discussion?"
    if not authored and (
        _ungrammatical(question) or _PASSIVE_WHAT.match(question) or _passive_without_be(question)
    ):
        return "not-a-statement"  # (an author's "What do we call ...?" is English as written)
    if answer and given_away(answer, question, titles, subject):
        return "given-away"
    if not authored and _not_a_definition(question, answer):
        return "not-a-definition"
    if subject and not authored and _only_the_subject(answer, subject):
        return "given-away"  # "What tracks a join context?" -> "Peewee", in a text on Peewee
        # (an author's "What is the supreme law of the land?" -> "the Constitution" stays)
    # "How quickly ...?" -> "within hours", "How is it given?" -> "intravenously": a manner or
    # an amount is a whole answer in everyday words
    manner = bool(_MANNER.match(question))
    if not manner and not _names_something(answer):
        return "not-a-statement"
    if answer.strip(" .").lower() in _INDEFINITE:
        return "not-a-statement"  # "What is the term for a consideration ...?" -> "Anything"
    if answer and (_cut_short(answer) or lx.only_verb(answer.strip())):
        return "broken-blank"
    if answer.lstrip().startswith("[") and answer.rstrip(" .").endswith("]"):
        return "not-a-statement"  # "[Link to Outcome & Alignment template]": a placeholder
    if answer and not headword and _wrong_kind(question, answer):  # a headword: any shape
        return "broken-blank"
    if _GLUED.search(answer) or _SPLIT_NUMBER.search(answer) or _TWO_SENTENCES.search(answer):
        return "broken-blank"  # "... temperature. lists representative ...", "5 . 08 × 10 6"
    if question.startswith("Why ") and re.match(r"^(?:how|what|which|whether)\b", answer):
        return "broken-blank"  # "Why ...?" -> "how that sets some bits ...": no reason given
    if re.match(r"^(?:and|or|but|so)\b", answer):
        return "broken-blank"  # "and uses libcurl, so ...": the answer starts mid-clause
    if re.match(r"^(?:themselves|himself|herself|itself|ourselves|myself)\b", answer):
        return "broken-blank"  # "What did a number of men dress?" -> "themselves up like ..."
    if not authored and _FIRST_PLURAL.search(question):
        return "unresolved"  # "Who came over to visit us many years afterward?": who is "us"?
    if lx.speaks_to_reader(answer) or cr.points_into_document(answer):
        return "unresolved"  # "the page you specify": whose page? "(see item 3.8)": elsewhere
    if cr.CREDIT.match(answer):
        return "not-a-statement"  # "Source: OSI 7 layer model": a picture's credit line
    if _runs_on(answer):
        return "broken-blank"  # "the intestine and ends in an anal opening": two predicates
    if re.match(r"^(?:[Tt]his|[Tt]hese|[Tt]hose) [a-z]", answer):
        return "unresolved"  # "this stage as formal operational thought": which stage?
    if _POINTER_INSIDE.search(answer):
        return "unresolved"  # "an example of this type of vaccine": which type?
    if re.match(
        r"^(?:[Ss]ome|[Mm]any|[Ss]everal|[Mm]ost|[Ff]ew|[Vv]arious|[Nn]umerous|[Cc]ertain"
        r"|[Mm]ultiple|[Ww]hatever) [a-z]",
        answer,
    ):
        return "unresolved"  # "What allows ...?" -> "Some protocols", "Various practices"
    if re.match(r"^(?:[Tt]he )?following\b", answer):
        return "unresolved"  # "What does Sprint Planning address?" -> "the following topics"
    if re.match(r"^(?:[Aa]n?|[Tt]he) (?:similar|same|analogous|comparable) ", answer):
        return "unresolved"  # "A similar expression": similar to what the card does not show
    if re.match(r"^(?:[Oo]ther|[Aa]nother) ", answer):
        return "unresolved"  # "other treatments aside from ...": other than what went before
    said = [w for w in lx.WORD.findall(answer) if not lx.is_function_word(w)]
    named = [w for w in said if lx.names_a_thing(w)]
    vague = not named or all(lx.is_vague(w) and not w[:1].isupper() for w in named)
    if len(said) == 1 and said[0].islower() and lx.zipf(said[0]) >= VAGUE_WORD:
        vague = True  # "What does libcurl perform?" -> "operations": any text's word
    if kind is not CardType.CHOICE and vague and not manner:
        return "vague-answer"
    if re.match(r"^(?:may|might|can|could|will|would)\b", answer):
        return "vague-answer"  # "What do some studies suggest about X?" -> "may be sustained ..."
    if _COUNTED.match(answer) and kind is not CardType.LIST:
        return "vague-answer"  # "What does Scrum define?" -> "three specific accountabilities"
    if question.startswith("What is the term for") and len(said) == 1 and lx.is_familiar(said[0]):
        return "vague-answer"  # "What is the term for the number of points used?" -> "difference"
    described = _TERM_DESCRIPTION.match(question)
    defined = _DEFINITION_QUESTION.match(question)
    if (described and _RANKED.match(described.group("description"))) or (
        defined and _RANKED.match(answer)
    ):
        return "vague-answer"  # "What is slavery?" -> "the most degrading condition ...":
        # a degree word ranks or praises the thing; a definition names its kind
    if described and len(lx.words(described.group("description"))) < SHORT_DESCRIPTION:
        return "vague-answer"  # "an orderly sequence of events": many terms fit so little
    if described and _DESCRIPTION_POINTER.match(described.group("description")):
        return "unresolved"  # "the same with the upper extremity": the same as what?
    asks = _DOES_WHAT.match(question)
    if asks and lx.verb_lemma(asks.group("verb")) in lx.LIGHT_VERBS:
        return "open-question"  # "What does Skyfield use?": a calendar, a timescale, ...
    if not authored and asks_of_a_common_noun(question):
        return "open-question"  # "What did the Pope send?": which moment of the story?
    return ""


# A draft is judged under its section's titles, then its deck's: the rules below read only
# the card's own text, and are asked once a card.
@lru_cache(maxsize=32768)
def _text_fault(
    question: str,
    answer: str,
    cloze: str,
    items: tuple[str, ...],
    distractors: tuple[str, ...],
) -> tuple[str, str]:
    """``(the text a cloze shows, the fault of the card's text)``: markup, an exercise, an
    exercise's gap (``""`` for none)."""
    text = cr.cloze_parts(cloze).whole  # the sentence as written
    shown = " ".join([question, text, answer, *items, *distractors])
    if _shows_markup(shown):
        return text, "markup"
    quoting = question[1:] if question.startswith(("“", '"')) else ""
    if _imperative(question or text) or cr.instruction(text or quoting):
        return text, "not-a-statement"  # "Explain and provide examples of ...": an exercise
    if "___" in text or "___" in answer:
        return text, "not-a-statement"  # "A ___ is ____, rather than genetic.": a gap
    if _mostly_figures(text or quoting):
        return text, "citation"
    return text, ""


_WORD_TOKEN = re.compile(r"^[\"“‘(]?[A-Za-z][A-Za-z'’-]*[.,;:!?\"”’)]?$")
_ABBREVIATION = re.compile(r"^\(?(?:[A-Z][a-z]{0,3}|[a-z])\.\)?$")  # "Cir.", "v.": no words
_THREE_DIGITS = re.compile(r"\d\D*\d\D*\d")
_NOT_DIGITS = bytes(c for c in range(128) if not chr(c).isdigit())  # all ASCII but 0-9


def _three_digits(text: str) -> bool:
    """Whether ``text`` holds three digits (:data:`_THREE_DIGITS`); an ASCII text's digits,
    0-9 only, are counted at once instead of looked for at every character."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _NOT_DIGITS)) >= 3
    return bool(_THREE_DIGITS.search(text))


def _mostly_figures(sentence: str) -> bool:
    """Whether fewer than half the tokens of a sentence of five or more are words (not
    numbers, abbreviations or codes): "Hanson v. Dane County (7th Cir. 2010) 608 F.3d 335."
    has 3 words of 9."""
    if not _three_digits(sentence):
        return False  # a sentence with figures enough to be a reference holds three digits
    tokens = sentence.split()
    if len(tokens) < 5:
        return False
    said = sum(1 for t in tokens[:-1] if _WORD_TOKEN.match(t) and not _ABBREVIATION.match(t))
    said += bool(_WORD_TOKEN.match(tokens[-1]))  # "... it is.": a stop, not an abbreviation
    return said < 0.5 * len(tokens)


_pronoun_without_referent = lru_cache(maxsize=16384)(pronoun_without_referent)


def everyday_answer(question: str, answer: str) -> bool:
    """Whether a question's answer is all everyday English (every word of Zipf
    :data:`EVERYDAY` and up), no name, abbreviation or number among it: "ethical
    guidelines", "trained healthcare professionals", "a company takes post". A teacher asks
    for what the text teaches, and a text teaches its own terms. Rated blind on 30 texts,
    "What does X ...?" questions with such answers were good in 7 % of 115 cases and bad in
    57 % (45 % and 33 % otherwise); "Why ...?" in 1 of 16; "What is X?" in 41 % of 32.
    Questions asking for a name (a term, an abbreviation's expansion, "How ...", a table's
    cell) are not judged so: an everyday word may be that name. Whether the text comes back
    to the answer, which makes it one of its terms after all, the card maker knows
    (:attr:`studyapp.cards.drafts.Draft.everyday`)."""
    if _NAMES_TERM.match(question) or ": " in question or _MANNER.match(question):
        return False
    said = [w for w in lx.WORD.findall(answer) if not lx.is_function_word(w)]
    if not said or any(c.isdigit() for c in answer):
        return False
    return all(
        lx.zipf(w.lower()) >= EVERYDAY
        and not (w[:1].isupper() and (answer.find(w) > 0 or not lx.parts_of_speech(w)))
        and not (len(w) > 1 and w.isupper())
        for w in said
    )  # a capital inside the answer, or on a word no dictionary lists, is a name ("Spain")


_PLACEHOLDER = re.compile(r"%[sd]\b|%\(\w+\)[sd]")


# the checks below read a sentence, not its blank: every cloze option of a sentence shares them
@lru_cache(maxsize=16384)
def _shows_markup(shown: str) -> bool:
    """Whether the text on screen shows markup the outline left in, many brackets, a bare
    "https", or a listing of file names."""
    if _holds_markup(shown) or (
        shown.count("(") + shown.count("[") > 4  # _BRACKET
        or ("http" in shown and _BARE_SCHEME.search(shown))
    ):
        return True  # "... ECCNs at https?": an address cut to its scheme
    if ("(" in shown or "=" in shown or ");" in shown) and _CODE.search(shown):
        return True  # 'curl_slist_append( recipients, " NOTIFY=SUCCESS" );': code
    if "%" in shown and _PLACEHOLDER.search(shown):
        return True  # "In Chapter %s we discussed ...": a template's slot left unfilled
    # "libcurl.a libcurldll.a libcurl.lib": a listing
    return shown.count(".") >= 3 and len(_FILE_NAME.findall(shown)) >= 3


def _holds_markup(shown: str) -> bool:
    """Whether ``shown`` holds one of :data:`_MARKUP_SIGNS` or a pattern of :data:`_MARKUP`,
    each searched only when the text holds the character it needs."""
    if cr.holds_any(shown, _MARKUP_SIGNS):
        return True
    for needed, pattern in _MARKUP:  # noqa: SIM110 (a loop: asked of most cards)
        if needed in shown and pattern.search(shown):
            return True
    return False


class Seen:
    """The cards of a deck kept so far, to judge the next draft against them: a second cloze
    of one sentence, a question asked again (``duplicate``), or asked again with another
    answer (``conflict``)."""

    def __init__(self) -> None:
        self._blanked: set[str] = set()
        self._asked: dict[frozenset[str], str] = {}
        self._hidden: dict[str, int] = {}  # a blank's words -> clozes kept hiding them

    def fault(self, draft: Draft) -> str:
        """The rule ``draft`` breaks against the cards kept so far, or ``""``."""
        if draft.type is CardType.CLOZE:
            blanked = normalise_space(draft.source).casefold() in self._blanked
            if blanked:
                return "shared-sentence"
            hidden = [h.casefold() for h in cr.cloze_parts(draft.text).hidden]
            if any(self._hidden.get(h, 0) >= MAX_SAME_BLANK for h in hidden):
                return "duplicate"  # "[interphase]" a third time: the same recall again
            return ""
        key = question_key(draft.question)
        if not key or key not in self._asked:
            return ""
        return "duplicate" if self._asked[key] == _answer_of(draft) else "conflict"

    def copy(self) -> Seen:
        """What was seen so far, apart (a deck tried whole, then split, is judged once)."""
        other = Seen()
        other._blanked = set(self._blanked)
        other._asked = dict(self._asked)
        other._hidden = dict(self._hidden)
        return other

    def add(self, draft: Draft) -> None:
        """Remember a kept card."""
        if draft.type is CardType.CLOZE:
            self._blanked.add(normalise_space(draft.source).casefold())
            for hidden in cr.cloze_parts(draft.text).hidden:
                self._hidden[hidden.casefold()] = self._hidden.get(hidden.casefold(), 0) + 1
        elif draft.question:
            self._asked.setdefault(question_key(draft.question), _answer_of(draft))


def _answer_of(draft: Draft) -> str:
    return normalise_space(draft.answer or " ".join(draft.items)).casefold()


def question_key(question: str) -> frozenset[str]:
    """What a question asks, as the lemmas of its content words: "What causes X?" and "What
    caused X?" are the same question."""
    return frozenset(lx.lemma(w) for w in lx.content_words(question))


@lru_cache(maxsize=16384)  # an answer is judged under its section's titles, then its deck's
def given_away(answer: str, question: str, titles: str, subject: str = "") -> bool:
    """Whether the question or the titles on screen give the answer away.

    A short answer (a term, a name) is given away when its specific words all stand on the
    screen, or half its content words do; a longer answer (an explanation) only by the titles,
    when they hold all its specific words or two thirds of at least two. An abbreviation is
    given away by words whose initials spell it.
    """
    bare = normalise_space(answer).casefold()
    if bare and bare in normalise_space(question).casefold():
        return True
    if _initials_shown(answer, f"{titles} {question}"):
        return True
    if _year_shown(answer, titles):
        return True
    short = len(answer.split()) <= SHORT_ANSWER
    screen = lx.stems(f"{titles} {question}" if short else titles)
    about = lx.stem(subject) if subject else ""
    content = [w for w in lx.content_words(answer) if not about or lx.stem(w) != about]
    specific = [w for w in content if not lx.is_vague(w)]
    if not content:
        return False
    seen = [w for w in content if lx.related(w, screen)]
    seen_specific = [w for w in specific if lx.related(w, screen)]
    if short and specific and len(seen_specific) == len(specific):
        return True
    if short and 2 * len(seen) >= len(content) and (seen_specific or not specific):
        return True
    if not short and specific and len(seen_specific) == len(specific):
        return 2 * len(seen) >= len(content)
    return len(seen_specific) >= 2 and 2 * len(seen_specific) >= len(specific)


_YEAR = re.compile(r"\b\d{3,4}s?\b")


def _year_shown(answer: str, titles: str) -> bool:
    """Whether a year the answer gives stands in the titles above the card: "When did BBN
    buy an SDS 940?" -> 1967 under the section "1967" of a history told year by year (rated
    blind, every such card was given away). Content words are compared by their stems, so
    numbers are looked at here."""
    years = _YEAR.findall(answer)
    return bool(years) and all(re.search(rf"\b{y}\b", titles) for y in years)


_MEANT_BY = re.compile(r"^What (?:is|are) meant by (?P<term>.+)\?$")
_JOINED_CLAUSE = re.compile(r",? (?:and|but) ")


def _not_a_definition(question: str, answer: str) -> bool:
    """Whether a definition card's question cannot be answered by a definition: its term is a
    clause, a question or a number ("What is meant by method JITs are the normal kind?",
    "What is meant by 2003?"), or its description joins a second clause ("the term for a
    probability curve and AUC represents degree of separability", "a spectrum and
    instructors should choose ...") or opens on an adverb ("the term for rarely caused by
    overwork"), or its term is a possessive ("Lord Melbourne's"). Each was rated bad on
    texts of several subjects (lecture notes, first aid, statistics, a glossary)."""
    meant = _MEANT_BY.match(question)
    if meant:
        term = meant.group("term")
        return "?" in term or not re.search(r"[^\W\d_]", term) or bool(_FINITE_BE.search(term))
    defined = _WHAT_IS.match(question)
    if defined and not _NAMING_END.search(defined.group("term")):
        term = defined.group("term")
        if term.endswith(("'s", "’s")) or _NOT_A_TERM.search(term):
            return True  # "What is Lord Melbourne's?", "What is a further issue with ...?"
        if _counted(term):
            return True  # "What are the seven dimensions of religion?" asks for the seven,
            # not for "a framework ... developed by Ninian Smart" (rated bad, round W3)
        if _NO_DEFINITION.search(answer) and not _POINTS_BACK.search(answer):
            return True  # "What is Till's death?" -> "an example of lynching"
        if _points_at_these(answer):
            return True  # "a graph having one of these properties": which ones?
        return _joins_a_clause(answer)  # "What is ROC?" -> "a curve and AUC represents ..."
    described = _TERM_DESCRIPTION.match(question)
    if not described:
        return False
    description = described.group("description")
    if _NO_DEFINITION.search(description) or _points_at_these(description):
        return True  # "the term for the classic example of a recessive disease?": one of many
    first = lx.WORD.findall(description)[:1]
    if first and first[0].lower() in _PREDICATE_ADVERBS:
        return True
    if answer.rstrip().endswith(("'s", "’s")):
        return True
    return _joins_a_clause(description)


def _joins_a_clause(description: str) -> bool:
    """Whether a description runs on into a clause of its own after "and" or "but" ("a
    probability curve and AUC represents degree of separability"); after a comma, a clause
    opening on a name does, even after a relative clause ("a broad goal that spans all of
    computer science, and Chrome uses nearly every trick")."""
    head, *joined = _JOINED_CLAUSE.split(description)
    if _RELATIVE_WORD.search(head):
        # not "the stage during which chromosomes condense and the spindle forms"
        named = _NAMED_CLAUSE.search(description)
        return named is not None and bool(lx.verb_lemma(named.group("verb")))
    return any(_subject_and_finite_verb(part) for part in joined)


_NAMED_CLAUSE = re.compile(r", (?:and|but) [A-Z][\w-]* (?P<verb>[a-z]+s|is|was|has|had)\b")
# a description that is no definition: an instance of something ("an example of lynching"),
# or a remark leaning on what was said before ("an active area of scholarship as well")
# a definition pointing back at what the text said before it ("a research tool that can
# help an evaluation of these issues", "one of these properties"): rated blind, 5 of 6 such
# definition cards were bad
_THESE = re.compile(r"\bthese ([a-z]+)")


def _points_at_these(text: str) -> bool:
    """Whether ``text`` points back at things of no kind it names ("these issues", "one of
    these properties"), not at a kind it does ("in these animals", "these peptides")."""
    return any(
        lx.lemma(word) in lx.ABSTRACT_NOUNS or word in tq.WEAK_NOUNS
        for word in _THESE.findall(text)
    )


_POINTS_BACK = re.compile(r"\b(?:this|these|that|those)\b")  # the unresolved rule's case
_NO_DEFINITION = re.compile(
    r"^(?:(?:an?|the|one) (?:[a-z]+ )?)?(?:example|instance) of\b|\bas well\b(?! as)", re.I
)


_NAMING_END = re.compile(r"\b(?:called|termed|named|known as)$")  # "What is X called?"
_WHAT_IS = re.compile(r"^What (?:is|are) (?!the term for|meant by)(?P<term>[^?]+)\?$")
# words that make a phrase lean on the text or rank it: no term of the subject holds them
# "What is a further issue?", "What is every line?" (a software manual: "every line is a
# shell argument"): a quantified phrase says something of each, it names no term
_NOT_A_TERM = re.compile(r"\b(?:very|further)\b|^(?:every|each|any|all|no|most|many) ")


_INDEFINITE = lx.wordset("anything something everything nothing anyone someone everyone")
_FINITE_BE = re.compile(r" (?:is|are|was|were) ")
# adverbs that open a predicate, not a noun phrase ("rarely caused by overwork")
_PREDICATE_ADVERBS = lx.wordset(
    "rarely often usually sometimes always never seldom frequently generally commonly mostly"
    " mainly also typically"
)
_RELATIVE_WORD = re.compile(r"\b(?:which|that|who|whom|whose|where|when|while)\b")
_FINITE_WORD = lx.wordset("is are was were should can could may might must will would shall")


def _subject_and_finite_verb(part: str) -> bool:
    """Whether ``part`` is a clause with its own subject ("AUC represents degree of
    separability", "instructors should choose ..."), not a second verb of the first clause
    ("gives rise to cocoons") nor a phrase ("not to the will")."""
    words = lx.WORD.findall(part)
    if _RELATIVE_WORD.search(part):
        return False  # "cell division that produces two cells": a relative clause
    if len(words) < 3 or lx.verb_lemma(words[0]) or words[0].lower() in lx.FUNCTION_WORDS:
        return False
    return any(
        w.lower() in _FINITE_WORD or (w.endswith("s") and lx.only_verb(w)) for w in words[1:5]
    )


def _only_the_subject(answer: str, subject: str) -> bool:
    """Whether an answer names only the document's main subject: in a text about one thing
    it answers half the questions one could ask, so a student learns nothing by giving it."""
    about = lx.stem(subject)
    specific = [w for w in lx.content_words(answer) if not lx.is_vague(w)]
    return bool(specific) and all(lx.stem(w) == about for w in specific)


def _initials_shown(answer: str, screen: str) -> bool:
    """Whether ``answer`` is an abbreviation spelled by the initials of words on screen
    ("TRD" beside "treatment-resistant depression")."""
    short = answer.strip()
    if not re.fullmatch(r"[A-Z][A-Za-z]{0,2}[A-Z]{1,6}s?", short):
        return False
    letters = "".join(c for c in short.rstrip("s") if c.isupper()).lower()
    parts = re.findall(r"[A-Za-z][A-Za-z0-9’']*", screen)
    initials = "".join(w[0].lower() for w in parts)
    significant = "".join(
        w[0].lower() for w in parts if w.lower() not in ("of", "and", "the", "in", "for", "to")
    )
    return letters in initials or letters in significant


def _label_question(question: str) -> bool:
    """Whether a question only names a label or a heading (:data:`_LABEL_QUESTION`: "What is
    "Overview"?", "Name the 5 exercises."), searched only when it holds one of the pattern's
    marks."""
    lowered = plain_lower(question)
    if lowered is not None and not cr.holds_any(lowered, _LABEL_QUESTION_MARKS):
        return False
    return bool(_LABEL_QUESTION.search(question))


def _label_tail(question: str) -> bool:
    """``Advantages of X — bronchodilation?``: a title and a bare topic, no question."""
    match = _DASH_TAIL.search(question)
    if not match:
        return False
    tail = lx.words(match.group("tail"))
    return len(tail) <= 6 and not any(w in ("what", "which", "how", "why", "who") for w in tail)


_AUTHORS_WE = frozenset({"we", "us", "our", "you", "your"})
_YOU = re.compile(r"\b[Yy]ou(?:rs?)?\b")


_DATED = re.compile(r"^When [^?]+\?$")
_YEAR_ANSWER = re.compile(r"^(?:[A-Z.\s]{2,5})?\d{1,4}(?:\s?[A-Z.]{2,5})?$")
_FIRST_OR_LAST = re.compile(r"\b[Tt]he (?:first|last) ")


def _firsts_of_a_date(question: str, answer: str) -> str:
    """The question and answer, read for words leaning back; a year answering "When ...?"
    makes "the first" absolute ("When did Tim Berners-Lee publish the first website?" ->
    1991), not "the first" of a list the text gave."""
    if _DATED.match(question) and _YEAR_ANSWER.match(answer):
        question = _FIRST_OR_LAST.sub("the ", question)
    return f"{question} {answer}"


_PLACE_IN_TEXT = re.compile(
    r"\b(?:the|this|these) (?:next|previous|preceding|latter|former|aforementioned|above)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=16384)  # a question is judged under each title it may be shown with
def _unresolved(question: str, subject: str, authored: bool = False) -> bool:
    """Whether a question leans on a referent it does not name, or names nothing specific.

    A question the generator words may name something only by a capital it kept from its
    sentence ("What does (Chinese conquer?", "What do We'll use?"): a capital counts as a name
    only in a question its text's author wrote ("What is Buddhism?", ``authored``)."""
    body = re.sub(r"^[^:]{1,120}: (?=[a-z])", "", question)  # a title before the question
    body = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", body)  # a quoted sentence keeps its own referents
    body = re.sub(r"\bwhich of (?:these|those)\b", "which", body, flags=re.IGNORECASE)
    about = lx.stem(subject) if subject else ""
    named_before = False
    if lx.speaks_to_reader(_YOU.sub("one", body) if authored else body):
        return True  # "What is the candle I have in my hand?"; an author may ask "you"
    if lx.points_to_page(body):
        return True  # "What does photo B show?": a picture the card cannot show
    if lx.sends_elsewhere(body):
        return True  # "What is the following example script meant to do?"
    if _PLACE_IN_TEXT.search(body):
        return True  # "What does the next layer consist of?": next after what the text said
    for word in lx.words(body):
        if authored and word in _AUTHORS_WE:
            continue  # an author's "What do we call ...?" asks in everyone's name, and "What
            # do you understand by a horse power?" (a catechism) asks the student
        if lx.is_pronoun(word) and not named_before:
            return True  # "What may they help reduce?": nothing named for "they" to be
        named_before = (
            named_before or not lx.is_vague(word) or (bool(about) and lx.stem(word) == about)
        )
    named = [w for w in lx.content_words(body) if lx.names_a_thing(w)]
    if authored:  # the author's own question: a capital tells a name the word table lacks
        named += [w for w in lx.WORD.findall(body) if w[:1].isupper() and lx.names_a_thing(w)]
    return not [w for w in named if lx.stem(w) != about] and not (about and about in body.lower())


def _counted(term: str) -> bool:
    """Whether a term opens on a count of things ("the seven dimensions of religion", "the 4
    P's"): a question about it asks for the things counted."""
    words = term.split()
    if words[:1] == ["the"]:
        words = words[1:]
    if len(words) < 2 or not (words[0].isdigit() or words[0].lower() in lx.CARDINALS):
        return False
    head = next((w for w in words[1:] if w.lower() in _HEAD_ENDS), None)
    noun = words[words.index(head) - 1] if head else words[-1]  # "dimensions" of religion
    low = noun.lower()
    return low != lx.lemma(low)  # the things counted, not "the 4 Ps model" (one thing)


_HEAD_ENDS = lx.wordset("of in for to on at by with")


def _runs_on(answer: str) -> bool:
    """Whether an answer runs into a second predicate: "and" + a verb + its particle ("the
    mouth and travel to the mastax", "the host and takes up residence"); "water and salts
    from the blood" is two nouns (a preposition, not a particle, follows)."""
    if _AND_FINITE.search(answer):
        return True  # "a higher error-rate when replicating, and have a maximum size": two
    also = re.search(r" and also (?P<verb>[a-z]+)\b", answer)
    if also and lx.verb_lemma(also.group("verb")) == also.group("verb"):
        return True  # "the 'defendant focus' of International Shoe and also look": a clause
    for match in _AND_THEN.finditer(answer):
        before = answer[: match.start()].split()[-1:]
        plural_pair = bool(before) and before[0].endswith("s") and match.group(1).endswith("s")
        if "VERB" in lx.parts_of_speech(match.group(1)) and not plural_pair:
            return True  # "proteins and fats in the diet" pairs two plural nouns
    return False


def _names_something(answer: str) -> bool:
    """Whether an answer names something: a word that is not a function word and can be more
    than an adverb ("Then here", "Never" name nothing)."""
    for word in lx.WORD.findall(answer):
        if lx.is_function_word(word):
            continue
        if lx.parts_of_speech(word) - {"ADV"} or not lx.parts_of_speech(word):
            return True
    return False


def _all_function_or_vague(text: str) -> bool:
    """Whether ``text`` opens on a preposition and says only everyday words ("in some
    cases", "at times"): a phrase of the sentence, not a thing a list can hold."""
    said = lx.WORD.findall(text)
    return (
        bool(said)
        and said[0].lower() in _PREPOSITIONS
        and all(lx.is_function_word(w) or lx.is_vague(w) for w in said)
    )


def _cut_short(answer: str) -> bool:
    """Whether an answer stops on a function word ("the cavity in"): half a phrase."""
    said = lx.WORD.findall(answer)
    if answer.rstrip().endswith(":") or answer.lstrip().startswith("("):
        return True  # "... receiving it :" (a list followed), "(January)": an aside
    return bool(said) and lx.is_function_word(said[-1]) and said[-1].lower() not in ("it", "them")


def _ungrammatical(question: str) -> bool:
    """Whether a "What does X ...?" question does not parse: its subject opens on a function
    word that is no determiner ("What does because ...?", "Where is like ...?") or a singular
    subject takes the plural "do" ("What do a shell script?": "script" was a noun)."""
    if _GLUED.search(question) or _REPORTING.match(question) or _RUN_ON.search(question):
        return True  # "What do window. a TCP receiver uses ...?", "What is X states that Y?",
        # "Where are optical fiber. Optical fibers frequently used?"
    if re.search(r"\b(?:note|recall|remember|notice) that\b", question, re.IGNORECASE):
        return True  # "What must note that proxy URLs include?": the frame of a remark
    if _VERB_ADVERB.match(question) or _DOES_MANY.match(question):
        return True  # "What causes often cell death?", "What does many viruses have ...?"
    if _DID_THEN_FINITE.match(question) or _MOVED_ADVERB.search(question):
        return True  # "Why did the system ... was not accepted?", "... outbursts possibly?"
    if _AUX_ADVERB.match(question) or _BE_TO.match(question):
        return True  # "Why is often cell death caused ...?", "What could be to offer ...?"
    objectless = _OBJECTLESS_END.match(question)
    if objectless and "VERB" in lx.parts_of_speech(objectless.group("verb")):
        return True  # "... takes a number and a vector and produces?"
    term_for = _TERM_FOR_VERB.match(question)
    if term_for and lx.is_function_word(term_for.group("next")):
        verb = term_for.group("verb")
        if "VERB" in lx.parts_of_speech(verb) and (
            verb.endswith(("ed", "en")) or lx.only_verb(verb)
        ):
            return True  # "What is the term for composed of proteins ...?"
    if _COMMAND_SUBJECT.match(question):
        return True  # "What do Don't block?": a reviewer's rule, no subject and its verb
    if _SECOND_CLAUSE.search(question) or _DOUBLE_AUX.match(question):
        return True  # "What was equipped and everything was ready?"
    described = _TERM_DESCRIPTION.match(question)
    description = described.group("description") if described else ""
    predicate = _DESCRIPTION_PREDICATE.search(description) if description else None
    if predicate and not _RELATIVE.search(description[: predicate.start()]):
        return True  # "What is the term for a grave defect, and must be avoided?" (not "a
        # protein that binds oxygen and is found in red cells": the relative clause goes on)
    match = _QUESTION_SUBJECT.match(question)
    if not match:
        return _misparsed_subject(question)
    first = match.group("first").lower()
    if (lx.is_function_word(first) or first in ("like", "unlike")) and first not in _DETERMINERS:
        return True
    if question.startswith("What do ") and first in _SINGULAR:
        return True
    return _misparsed_subject(question)


def _passive_without_be(question: str) -> bool:
    """Whether "What <participle> by ...?" lost its "is" ("What made by the model?"): a
    past participle the lexicon knows, not only the regular "-ed" form _PASSIVE_WHAT reads."""
    match = _WHAT_WORD_BY.match(question)
    if not match:
        return False
    word = match.group("word")
    base = lx.verb_lemma(word)
    return bool(base) and base != word and not word.endswith("s")


def _misparsed_subject(question: str) -> bool:
    """Whether "What does X verb?" was cut from its sentence in the wrong places: its subject
    holds a comma or a second sentence's "The" ("What could in some cases, the query cache
    lead to?", "What did ICTV classification The ICTV develop?"), a plural takes "does"
    ("What does protein filaments measure?"), or its verb is no word at all ("What does
    species richnes?")."""
    match = _DOES_WHAT.match(question)
    if not match:
        return False
    said = lx.WORD.findall(f"{match.group('subject')} {match.group('verb')}")
    while len(said) > 1 and said[-1].lower() in _PREPOSITIONS:
        said.pop()  # "stand for", "consist of": the verb's particle
    subject, verb = " ".join(said[:-1]), said[-1]
    if not lx.parts_of_speech(verb):
        return verb.islower() and lx.zipf(verb) < 1  # "richnes": no word of English
    if "VERB" not in lx.parts_of_speech(verb):
        return False  # "What does X increase, promoting Y?": not a subject and its verb
    if "," in match.group("subject") or re.search(r" (?:The|A|An) ", match.group("subject")):
        return True
    if match.group("aux") != "does":
        return False
    head = ""
    for word in lx.WORD.findall(subject):
        if word.lower() in lx.HEAD_ENDS:
            break
        head = word
    low = head.lower()
    plural = (
        head.islower()
        and low.endswith("s")
        and not low.endswith("ss")
        and lx.parts_of_speech(low) == frozenset({"NOUN"})
        and lx.lemma(low) != low
    )
    return plural  # "protein filaments": "does" wants one thing


@lru_cache(maxsize=16384)
def _imperative(text: str) -> bool:
    """Whether ``text`` opens with a command ("Explain ...", "Describe ...", "Indicate ..."):
    an exercise or an instruction, not a statement to learn."""
    found = lx.WORD.search(text)  # the first word: the text's others are not looked for
    if found is None:
        return False
    first = found[0]
    return lx.only_verb(first) and lx.verb_lemma(first) == first.lower()


_TERM_DESCRIPTION = re.compile(r"^What is the term for (?P<description>[^?]+)\?$")
_DEFINITION_QUESTION = re.compile(r"^What (?:is|are) (?!the term for)[^?]+\?$")
# a description opening on a degree word: rated blind over 14 texts of as many subjects, 4
# of 18 such "definitions" were good ("the one thing needful", "a very common solvent")
_RANKED = re.compile(
    r"^(?:the (?:most|more|less|least|one)|an? (?:very|completely|highly|extremely|quite"
    r"|rather|truly|really|most|more))\b"
)
_COMMAND_SUBJECT = re.compile(_ASKS + r" (?:[Dd]on['’]t|[Dd]o not|Never|Always|Please|Avoid)\b")
_COPULAS = frozenset({"is", "are", "was", "were"})
_A_REASON = re.compile(r"^\W*(?:due to|owing to|because|thanks to)\b", re.IGNORECASE)


def _wrong_kind(question: str, answer: str) -> bool:
    """Whether an answer is not the kind of phrase its question asks for: "What does curl
    rhyme?" -> "with words like girl" (a preposition's phrase), "What are polydentate
    ligands?" -> "sometimes identified with ..." (a definition opening on an adverb or a
    participle)."""
    first = lx.WORD.search(answer)
    if not first or not re.match(r"^what\b", question, re.IGNORECASE):
        return False
    word = first[0].lower()
    if word in _PREPOSITIONS or _A_REASON.match(answer) or word in _COPULAS:
        return True  # "What can smooth muscles contract?" -> "due to intrinsic factors";
        # "What does the C-F bonds ... contain?" -> "are highly electronegative"
    pos = lx.parts_of_speech(word)
    if not re.match(r"^what (?:is|are)\b", question, re.IGNORECASE):
        return False
    # a definition opening on an adverb ("sometimes identified with ...") or on a participle
    # ("What are requests from clients?" -> "forwarded to a server ..."): a passive read as "is"
    participle = word.endswith(("ed", "en")) and (lx.only_verb(word) or not pos)
    return pos == frozenset({"ADV"}) or participle  # "depolymerized into ...": unknown, -ed
