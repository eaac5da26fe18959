"""Cards from the questions a text asks and answers itself: FAQ headings, catechisms, Q/A."""

from __future__ import annotations

from studyapp.cards.from_qa import list_qa_cards, qa_pair_cards, title_question_card
from studyapp.cards.gate import card_fault
from studyapp.cards.generate import generate_decks
from studyapp.outline.parse import parse_outline


def _section(text: str):
    return parse_outline(text).sections[0]


def _asked(text: str) -> dict[str, str]:
    """Question -> answer of the cards the text's own questions give, in every section."""
    asked: dict[str, str] = {}
    for section in parse_outline(text).walk():
        titled = title_question_card(section)
        for draft in [titled, *qa_pair_cards(section)] if titled else qa_pair_cards(section):
            asked[draft.question] = draft.answer
    return asked


def test_a_question_title_is_answered_by_the_first_sentence_in_any_subject():
    """'Why do my range requests return the full document?' (computing) and 'What is habeas
    corpus?' (law) are asked as written, the answer the section's first sentence, verbatim."""
    faq = _section(
        "# FAQ\n\n## Why do my HTTP range requests return the full document?\n\n"
        "Because the range may not be supported by the server. Try another server.\n"
    )
    card = title_question_card(faq)
    assert card is not None
    assert card.question == "Why do my HTTP range requests return the full document?"
    assert card.answer == "Because the range may not be supported by the server"
    law = _section(
        "# Writs\n\n## What is habeas corpus?\n\n"
        "Habeas corpus is a writ requiring a person under arrest to be brought before a judge.\n"
    )
    card = title_question_card(law)
    assert card is not None and card.answer.startswith("a writ requiring a person")


def test_an_answer_restating_the_asked_term_starts_after_it():
    """'What is curl?' (computing) is answered 'the name of the project', not 'curl is ...';
    'Machine Learning is about building ...' (statistics) answers 'What is machine learning
    about?'."""
    curl = _section("# FAQ\n\n## What is curl?\n\ncurl is the name of the project.\n")
    card = title_question_card(curl)
    assert card is not None and card.answer == "the name of the project"
    learning = _section(
        "# ML\n\n## What is machine learning?\n\n"
        "Machine Learning is about building programs with tunable parameters.\n"
    )
    card = title_question_card(learning)
    assert card is not None
    assert card.question == "What is machine learning about?"
    assert card.answer == "building programs with tunable parameters"


def test_no_card_for_yes_no_titles_placeholders_or_fragment_answers():
    """'Is libcurl thread-safe?', 'Does curl support version Y?', a 'Yes.', 'It is
    impossible to tell' or 'There are several ...' answer and a plain title give no
    question-title card."""
    for text in [
        "# F\n\n## Is libcurl thread-safe?\n\nYes. We have written the code for threads.\n",
        "# F\n\n## What about version Y support?\n\nThe library supports many versions of it.\n",
        "# F\n\n## How many are using curl?\n\nIt is impossible to tell with any accuracy.\n",
        "# F\n\n## Which protocols are there?\n\nYes, there are several protocols in use.\n",
        "# F\n\n## Resuming transfers\n\nThe tool supports resumed transfers both ways.\n",
        # an announcement of the list below, in security and in civics: no answer itself
        "# S\n\n## What are the most common types of threats?\n\nThere are several common "
        "types of attacks that actors use. Here are the most prevalent ones.\n",
        "# C\n\n## What are the branches of government?\n\nThere are three branches of "
        "government in the Constitution.\n",
    ]:
        assert title_question_card(_section(text)) is None, text


def test_a_marked_question_heading_is_answered_by_its_marked_answer_however_short():
    """A catechism numbers its questions "2. Q. What is Buddhism?" and answers "A. It is a
    body of teachings ..."; a review sheet in law does the same: the marks go, a short answer
    the author marked ("An Upasaka") is whole, and "It is" before a definition goes."""
    text = (
        "PART I\n\nTHE TEACHING\n\n"
        "1.  Q.  What is Buddhism?\n\nA.  It is a body of teachings given out by the Buddha.\n\n"
        "2.  Q.  What is a male lay Buddhist called?\n\nA.  An Upasaka.\n\n"
        "3.  Q.  What writ brings a prisoner before a court?\n\nAnswer:  Habeas corpus.\n"
    )
    asked = _asked(text)
    assert asked["What is Buddhism?"] == "a body of teachings given out by the Buddha"
    assert asked["What is a male lay Buddhist called?"] == "An Upasaka"
    assert asked["What writ brings a prisoner before a court?"] == "Habeas corpus"


def test_marked_question_and_answer_paragraphs_make_a_card():
    """ "Q: What does DNS resolve?" then "A: Host names to IP addresses." (networking) and the
    same in biology are cards; a question without its marked answer, or a yes/no one, is not."""
    asked = _asked(
        "# Review\n\nSome questions to test yourself on.\n\n"
        "Q: What does DNS resolve?\n\nA: Host names to IP addresses.\n\n"
        "Q: Which organelle makes most of the ATP of a cell?\n\nA: The mitochondrion.\n\n"
        "Q: Is TCP reliable?\n\nA: Yes, it retransmits lost segments.\n\n"
        "Q: What is a port?\n\nA number that names a service on a host.\n"
    )
    assert asked == {
        "What does DNS resolve?": "Host names to IP addresses",
        "Which organelle makes most of the ATP of a cell?": "The mitochondrion",
    }


def test_an_authored_question_naming_its_subject_by_a_capital_passes_the_gate():
    """ "What is Buddhism?" names its subject though the word table lacks the word: the
    author's question passes; one leaning on an earlier answer ("Who visited him there?") does
    not, and the whole pipeline keeps the first."""
    text = (
        "PART I\n\nTHE TEACHING\n\n"
        "1.  Q.  What is Buddhism?\n\nA.  It is a body of teachings given out by the Buddha.\n\n"
        "2.  Q.  Who visited him there?\n\nA.  Five ascetics from Benares.\n"
    )
    outline = parse_outline(text)
    drafts = [d for s in outline.walk() for d in [title_question_card(s), *qa_pair_cards(s)]]
    faults = {d.question: card_fault(d, "") for d in drafts if d}
    assert faults["What is Buddhism?"] == ""
    assert faults["Who visited him there?"] == "unresolved"
    questions = [c.question for d in generate_decks(outline, prefix="c") for c in d.cards]
    assert "What is Buddhism?" in questions


CATECHISM = (
    "PART I\n\nTHE LIFE OF THE BUDDHA\n\n"
    "1.  Q.  _What is Buddhism?_\n\nA.  It is a body of teachings given out by the Buddha.\n\n"
    "2.  Q.  _Where was Kapilavastu?_\n\nA.  In India, one hundred miles north-east of the City"
    " of Benares, near the Himalaya mountains.\n\n"
    "3.  Q.  _What writ brings a prisoner before a court?_\n\nA.  Habeas corpus, which the"
    " English Parliament secured by statute in 1679.\n\n"
    "4.  Q.  _Would you call a person a Buddhist who had merely been born of\nBuddhist"
    " parents?_\n\nA.  Certainly not; a Buddhist practises the precepts of the Buddha.\n"
)


def test_numbered_questions_of_a_catechism_are_its_content_not_its_sections():
    """ "2. Q. Where was Kapilavastu?" then "A. In India ..." is a question and its answer
    inside the part they belong to (history, law), not a section of its own: the text makes
    one deck titled by its part, not a deck for every question."""
    outline = parse_outline(CATECHISM)
    titles = [section.title for section in outline.walk()]
    assert not [t for t in titles if "Q." in t or t.endswith("?") or "parents" in t]
    decks = generate_decks(outline, prefix="cat")
    assert [d.title for d in decks] == ["The Life of the Buddha"]
    questions = {c.question for c in decks[0].cards}
    assert {"What is Buddhism?", "Where was Kapilavastu?"} <= questions


def test_a_cloze_from_a_marked_answer_leaves_the_mark_out():
    """The "A." that marks an answer is not part of the sentence a cloze shows."""
    decks = generate_decks(parse_outline(CATECHISM), prefix="cat")
    clozes = [c.text for d in decks for c in d.cards if c.text]
    assert clozes and not [t for t in clozes if t.startswith(("A. ", "A.  "))]


CIVICS = """# Civics review

## Principles of American Democracy

1. What is the supreme law of the land?

- the Constitution

2. What does the Constitution do?

- sets up the government
- defines the government
- protects basic rights of Americans

3. What is one right or freedom from the First Amendment?

- speech
- religion
- assembly

4. What do we call the first ten amendments to the Constitution?

- the Bill of Rights
"""

NETWORKING = """# Networking review

## Transport layer

1. What does TCP provide that UDP lacks?
   - reliable, ordered delivery of a byte stream
2. What are the two fields that identify a socket on a host?
   - the IP address
   - the port number
"""


def test_review_questions_in_a_list_are_answered_by_the_items_under_them():
    """A civics review sheet (answers after each numbered question) and networking notes
    (answers nested under it) give the author's cards: one answer a question card, several
    a list card; 'What is one right ...?' (any one will do) gives none."""
    civics = {d.question: d for d in list_qa_cards(parse_outline(CIVICS).sections[0])}
    assert civics["What is the supreme law of the land?"].answer == "the Constitution"
    assert civics["What does the Constitution do?"].items == (
        "sets up the government",
        "defines the government",
        "protects basic rights of Americans",
    )
    assert not [q for q in civics if "one right" in q]
    assert civics["What do we call the first ten amendments to the Constitution?"].answer == (
        "the Bill of Rights"
    )
    network = {d.question: d for d in list_qa_cards(parse_outline(NETWORKING).sections[0])}
    assert network["What does TCP provide that UDP lacks?"].answer == (
        "reliable, ordered delivery of a byte stream"
    )
    assert network["What are the two fields that identify a socket on a host?"].items == (
        "the IP address",
        "the port number",
    )


def test_review_questions_pass_the_gate_as_the_author_wrote_them():
    """The author's 'What do we call the first ten amendments ...?' asks in everyone's name
    and 'the Constitution' answers though the text is about it: both become cards."""
    decks = generate_decks(parse_outline(CIVICS), prefix="civ")
    asked = {c.question: c.answer for d in decks for c in d.cards}
    assert asked["What is the supreme law of the land?"] == "the Constitution"
    assert asked["What do we call the first ten amendments to the Constitution?"] == (
        "the Bill of Rights"
    )


def test_a_list_of_exercises_or_a_single_question_is_no_review_sheet():
    """Questions without answers (an exercise list), a question followed by another
    question, or one question asked in passing in a list give no card."""
    for text in (
        "# Soil\n\n## Exercise\n\n1. Why is the soil wet under a board?\n\n"
        "2. Why are weeds objectionable in a growing crop?\n",
        "# Waves\n\n## Checkpoint\n\n- What is a damped oscillator?\n"
        "- What is a coupled oscillator? Find a video of one.\n"
        "- What is resonance?\n- Find a video of it.\n",
        "# Cells\n\n## Notes\n\n- What is a cell?\n- the unit of life\n- Cells divide by mitosis\n",
    ):
        assert list_qa_cards(parse_outline(text).sections[0]) == [], text


def test_a_how_or_why_heading_with_a_long_first_sentence_is_a_last_resort():
    """'How does a heap compare to regular trees?' is answered by its section, not by its
    first sentence (data structures, rated bad blind): such a card is kept only where its
    section would have no other. A short first line answers its heading ('because there
    were 13 original colonies', civics), and stays an authored question."""
    heap = _section(
        "# Heaps\n\n## How does a heap compare to regular trees?\n\n"
        "A heap is not a replacement for a binary search tree, and there are similarities "
        "and differences between them. Here are some of the main ones.\n"
    )
    card = title_question_card(heap)
    assert card is not None and card.key.startswith("heading-how|")
    assert card_fault(card, "Heaps") == "loose-reading"
    flag = _section(
        "# Civics\n\n## Why does the flag have 13 stripes?\n\n"
        "Because there were 13 original colonies.\n"
    )
    card = title_question_card(flag)
    assert card is not None and card.key.startswith("title-question|")


def test_an_answer_set_out_as_an_item_is_whole_and_a_question_for_two_is_not_asked():
    """A civics sheet sets its answers out as items ('. the Supreme Court'): the mark goes and
    the short answer is whole; 'What are two rights ...?' is not answered by its first item."""
    court = _section(
        "# Civics\n\n## What is the highest court in the United States?\n\n. the Supreme Court\n"
    )
    card = title_question_card(court)
    assert card is not None and card.answer == "the Supreme Court"
    rights = _section(
        "# Civics\n\n## What are two rights in the Declaration of Independence?\n\n"
        ". life\n\n. liberty\n\n. pursuit of happiness\n"
    )
    assert title_question_card(rights) is None


def test_a_long_question_section_asks_its_title_only_of_its_first_run():
    """A review sheet run together under one heading (civics) is read in runs of blocks:
    its heading is asked of its own first line ('Congress'), never of the first line of a
    later run ('Senator number 40 ...'), which answers nothing."""
    from studyapp.cards import doc_context as dc
    from studyapp.cards.generate import _section_drafts

    senators = "".join(
        f". Senator number {n} of the union votes on each bill.\n\n" for n in range(90)
    )
    outline = parse_outline(f"# Civics\n\n## Who makes federal laws?\n\n. Congress\n\n{senators}")
    ctx = dc.document_context(outline)
    runs = dc.parts_with_context(outline, ctx)[outline.sections[0].id]
    assert len(runs) > 1
    asked = [
        d.answer
        for number, (view, part_ctx) in enumerate(runs)
        for d in _section_drafts(view, part_ctx, set(), "Civics", number == 0)
        if d.question == "Who makes federal laws?"
    ]
    assert asked == ["Congress"]


STEAM = """CHAPTER IV

ESTIMATING THE POWER AND PERFORMANCE OF ENGINES

212. _Q._--How is the power actually exerted by engines ascertained?

_A._--By means of an instrument called the indicator, which is a miniature cylinder
attached to the cylinder cover of the main engine.

213. _Q._--Is not a float sometimes employed to indicate the level of the water in the
boiler?

_A._--A float for telling the height of water in the boiler is employed in many land
engines, and is connected with the feed valve.
"""


def test_a_catechism_marking_its_questions_with_a_dash_is_read_as_one():
    """An old engineering catechism writes "212. Q.--How is ...?" and "A.--By means of ...":
    the dash after the mark is part of it. The question is asked as written, its answer
    without the mark; the question's own sentence gives no card ("What do Q.--Is not a float
    sometimes employed to indicate?"), and no card shows the mark."""
    asked = _asked(STEAM)
    assert asked["How is the power actually exerted by engines ascertained?"].startswith(
        "By means of an instrument called the indicator"
    )
    cards = [c for d in generate_decks(parse_outline(STEAM), prefix="s") for c in d.cards]
    shown = [c.question or c.text for c in cards]
    assert not [s for s in shown if "Q.--" in s or "A.--" in s or s.startswith("Is not")]
    assert not [c for c in cards if "indicate?" in c.question]


def test_an_authored_question_may_ask_you_but_not_for_an_answer_that_varies():
    """A civics review asks "What is one promise you make when you become a citizen?": the
    author's "you" is the student. "Who is the Governor of your state now?" answered
    "Answers will vary" has no answer a card can check."""
    text = (
        "# Civics review\n\n## Citizenship\n\n"
        "1. What is one promise you make when you become a United States citizen?\n"
        "   - give up loyalty to other countries\n"
        "2. Who is the Governor of your state now?\n"
        "   - Answers will vary.\n"
        "3. What is the capital of the United States?\n"
        "   - Washington, D.C.\n"
    )
    cards = [c for d in generate_decks(parse_outline(text), prefix="c") for c in d.cards]
    questions = {c.question for c in cards}
    assert "What is one promise you make when you become a United States citizen?" in questions
    assert not [q for q in questions if "Governor" in q]


NURSERY = """THE CARE OF CHILDREN

SLEEP

_How many hours should a baby of six months sleep in the
twenty-four?_

About two thirds of the time, in long naps by day and all night.

_Is rocking necessary?_

By no means. It is a habit easily acquired and hard to break.

_How should a child old enough to run about be
lifted?_

Always by placing the hands under the child's arms, and never by the wrists.

_What injury may be done by lifting a child by the
wrists?_

Serious injury is often done to the elbow or shoulder joints of the child.
"""


def test_a_catechism_without_marks_asks_each_question_answered_by_the_next_paragraph():
    """An old nursing catechism sets its questions in italics, each answered by the paragraph
    after it. A short question ("Is rocking necessary?") is one of those paragraphs, not a
    section of its own; each question is asked as written, its answer the author's first
    sentence however short ("About two thirds of the time ..."), and that sentence, which
    leans on its question ("Always by placing the hands ..."), gives no cloze."""
    outline = parse_outline(NURSERY)
    assert [s.title for s in outline.walk()] == ["SLEEP"]
    asked = _asked(NURSERY)
    assert asked["How should a child old enough to run about be lifted?"].startswith(
        "Always by placing the hands under the child's arms"
    )
    assert "What injury may be done by lifting a child by the wrists?" in asked
    cards = [c for d in generate_decks(outline, prefix="n") for c in d.cards]
    assert not [c for c in cards if c.text.startswith("Always by placing")]
    assert not [c for c in cards if (c.question or c.text).startswith("Is rocking")]


def test_an_authored_question_pointing_back_at_the_answer_before_it_is_not_asked():
    """A nursing catechism asks "What is the advantage of this?" after its answer on lifting
    a baby; a software FAQ "Why is that?": "this" and "that" are the answer before, which the
    card does not show (rated bad in round W1)."""
    text = (
        "CARE\n\nLIFTING\n\n"
        "_How should a young baby be lifted from its\nbed?_\n\n"
        "The right hand should grasp the clothing at the back and the left the feet.\n\n"
        "_What is the advantage of\nthis?_\n\n"
        "The entire spine is supported, and no undue pressure is made upon the chest.\n\n"
        "_How should a child old enough to run about\nbe lifted?_\n\n"
        "Always by placing the hands under the child's arms.\n"
    )
    asked = _asked(text)
    assert "How should a young baby be lifted from its bed?" in asked
    assert "What is the advantage of this?" not in asked
