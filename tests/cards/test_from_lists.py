"""Cards from a section's shape: a question-titled section is answered by its first sentence."""

from __future__ import annotations

from studyapp.cards.from_lists import heading_card, list_cards
from studyapp.outline.parse import parse_outline


def _section(text: str):
    return parse_outline(text).sections[0]


def test_a_list_of_group_labels_is_not_asked_for_its_labels():
    """'Name the 2 learning resources' -> 'Readings; Additional' asks for labels: items that
    each head a sub-list give no recall card of the labels (raters: a label, not content)."""
    section = parse_outline(
        "# Graphs\n\n## Learning resources\n\n"
        "- Readings\n  - Representing graphs\n  - Traversing a graph\n"
        "- Additional\n  - Shortest paths\n  - Directed acyclic graphs\n"
    ).sections[0]
    drafts = list_cards(section.lists[0], section, section.lists)
    assert not [d for d in drafts if d.items == ("Readings", "Additional")]


def test_a_definition_without_an_article_is_asked_as_what_the_term_is():
    """'Clustering: Unsupervised grouping of data into buckets' (machine learning) and
    'Tort: Civil wrong causing loss or harm to a claimant' (law) ask 'What is X?';
    'Scalia: Tradition' (a link list's label), 'Caching: Allows faster reads of data' (a
    verb) and 'Depression: Unlike other anesthetics, ketamine spares breathing' (a clause)
    do not."""
    section = parse_outline(
        "# Notes\n\n## Terms\n\n"
        "- Clustering: Unsupervised grouping of data into buckets\n"
        "- Tort: Civil wrong causing loss or harm to a claimant\n"
        "- Scalia: Tradition\n"
        "- Caching: Allows faster reads of data\n"
        "- Depression: Unlike other anesthetics, ketamine spares breathing\n"
    ).sections[0]
    asked = {d.question: d.answer for d in list_cards(section.lists[0], section, section.lists)}
    assert asked["What is clustering?"] == "Unsupervised grouping of data into buckets"
    assert asked["What is tort?"] == "Civil wrong causing loss or harm to a claimant"
    for term in ("scalia", "caching", "depression"):
        assert f"What is {term}?" not in asked


def test_a_stage_is_asked_what_happens_in_it_but_a_task_of_a_to_do_list_is_not():
    """'Systole' (physiology) names a stage; 'use NTLMv2' (a software to-do list) names a task:
    'What happens in use NTLMv2?' is no question."""
    heart = parse_outline(
        "# Heart\n\n## Cardiac Cycle\n\n### Systole\n\n"
        "The ventricles contract and eject blood into the arteries.\n"
    )
    stage = heart.sections[0].children[0]
    card = heading_card(stage, "Cardiac Cycle")
    assert card is not None and card.question == "What happens in systole?"
    todo = parse_outline(
        "# To do\n\n## Authentication\n\n### use NTLMv2\n\n"
        "Currently the SMB authentication uses the older NTLMv1 protocol.\n"
    )
    assert heading_card(todo.sections[0].children[0], "Authentication") is None
    notes = parse_outline(
        "# Acids\n\n## Acid strength\n\n### Notes on electronegativity\n\n"
        "Fluorine pulls electrons harder than any other element.\n"
    )
    assert heading_card(notes.sections[0].children[0], "Acid strength") is None  # a topic


def test_no_which_of_these_card_when_the_list_s_lead_in_is_a_clause():
    """'Which of these is NOT one of the Load balancers can route traffic based on various
    metrics, including?' does not parse: a lead-in sentence names no kind of thing; a short
    lead-in ('Sorting algorithms') still gives the multiple choice (computing, biology)."""
    text = (
        "# Systems\n\n## Load balancers\n\n"
        "Load balancers can route traffic based on various metrics, including:\n\n"
        "- Random\n- Least loaded\n- Session cookies\n- Round robin\n\n"
        "Caches can store data in various places, including:\n\n"
        "- Client caching\n- CDN caching\n- Database caching\n"
    )
    section = _section(text)
    drafts = [d for block in section.lists for d in list_cards(block, section, section.lists)]
    assert not [d for d in drafts if d.question.startswith("Which of these")]
    short = _section(
        "# Algorithms\n\n## Kinds\n\nSorting algorithms:\n\n"
        "- Quicksort\n- Mergesort\n- Heapsort\n\n"
        "Search algorithms:\n\n- Binary search\n- Linear search\n- Interpolation search\n"
    )
    drafts = [d for block in short.lists for d in list_cards(block, short, short.lists)]
    assert [d for d in drafts if d.question.startswith("Which of these is NOT one of")]


def test_a_list_under_a_singular_title_is_named_by_its_points():
    """'Name the 4 Due Process.' (law) does not parse: 'Name the 4 points of Due Process.';
    a plural title ('Symptoms', medicine) reads as it is."""
    law = _section("# Law\n\n## Due Process\n\n- Notice\n- Fairness\n- Personal right\n- Waiver\n")
    questions = [d.question for d in list_cards(law.lists[0], law, law.lists)]
    assert "Name the 4 points of Due Process." in questions
    med = _section("# Flu\n\n## Symptoms\n\n- Fever\n- Cough\n- Sore throat\n")
    assert "Name the 3 symptoms." in [d.question for d in list_cards(med.lists[0], med, med.lists)]


def _list_questions(section) -> list[str]:
    """The questions of the list and multiple-choice cards of a section's lists."""
    drafts = [d for block in section.lists for d in list_cards(block, section, section.lists)]
    return [d.question for d in drafts if d.items or d.distractors]


def test_a_list_under_a_singular_caption_is_named_by_its_points():
    """A singular caption heads its items, it is not their kind: 'Name the regression
    (Parity constraints).' does not parse and 'Which of these is one of the regression?' is
    no question (machine learning); a plural caption ('Common symptoms:', medicine) still
    names the list and gives the multiple choice."""
    ml = _section(
        "# Fairness\n\n## Parity constraints\n\n"
        "Regression:\n\n- Demographic parity: equal mean predictions\n"
        "- Bounded group loss: loss below a bound\n\n"
        "Binary classification:\n\n- Equalized odds: equal error rates\n"
        "- Equal opportunity: equal true positive rates\n- True positive parity: same rates\n"
    )
    asked = _list_questions(ml)
    assert "Name the 2 points of regression." in asked
    assert not [q for q in asked if "the regression" in q or "the binary" in q]
    med = _section(
        "# Flu\n\n## Signs\n\nCommon symptoms:\n\n- Fever: a raised temperature\n"
        "- Cough: a dry reflex\n\nRare complications:\n\n- Pneumonia: infected lungs\n"
        "- Myocarditis: an inflamed heart\n- Encephalitis: an inflamed brain\n"
    )
    asked = _list_questions(med)
    assert "Name the common symptoms (Signs)." in asked
    assert "Which of these is one of the common symptoms (Signs)?" in asked


def _glossary_cards(entries: str, title: str = "Glossary"):
    lead = "# Notes\n\n## Topic\n\nSome text of the topic comes first here.\n\n"
    text = f"{lead}## {title}\n\n{entries}\n"
    outline = parse_outline(text)
    section = next(s for s in outline.walk() if s.title == title)
    return [d for block in section.lists for d in list_cards(block, section, section.lists)]


def test_a_glossary_entry_asks_for_its_term_from_what_it_means():
    """A glossary (economics, zoology, cell biology) defines each term for its own sake: each
    entry asks for the term from its definition, with the article a question needs and the
    definition's aside and second clause left out."""
    cards = _glossary_cards(
        "deregulation\n: removing government controls over setting prices in industries\n\n"
        "rhynchocoel\n: cavity present above the mouth that houses the proboscis\n\n"
        "mantle\n: (also, pallium) specialized epidermis that encloses all visceral organs; "
        "secretes shells\n"
    )
    asked = {d.question: d.answer for d in cards}
    assert asked == {
        "What is the term for removing government controls over setting prices in "
        "industries?": "deregulation",
        "What is the term for the cavity present above the mouth that houses the proboscis?": (
            "rhynchocoel"
        ),
        "What is the term for the specialized epidermis that encloses all visceral organs?": (
            "mantle"
        ),
    }


def test_a_glossary_entry_that_is_a_clause_or_gives_the_term_away_asks_no_term():
    """ "What is the term for parents make few demands?" misreads, and "the permissive
    parenting style of parents" gives its term away: neither is asked that way."""
    cards = _glossary_cards(
        "permissive style\n: parents make few demands and rarely use punishment\n\n"
        "authoritative style\n: an authoritative style of parenting with clear limits\n",
        "Key Terms",
    )
    assert not [d for d in cards if d.question.startswith("What is the term for")]


def test_a_term_explained_by_a_clause_is_asked_what_it_means():
    """'Atomicity - Each transaction is all or nothing' (databases) and 'Impleader: Defendant
    adds another party' (law) ask 'What is meant by ...?', never 'What is atomicity?' answered
    by a clause; an action or a title as the term gives no such card."""
    text = (
        "# Transactions\n\n"
        "* **Atomicity** - Each transaction is all or nothing.\n"
        "* **Impleader** - Defendant adds another party who may be liable.\n"
        "* **Allows for asynchronous processing** - workers assemble objects in the queue.\n"
        "* **The Linux Command Line** - A Complete Introduction.\n"
    )
    section = _section(text)
    questions = {
        d.question: d.answer for b in section.lists for d in list_cards(b, section, section.lists)
    }
    assert questions["What is meant by atomicity?"] == "Each transaction is all or nothing"
    assert questions["What is meant by impleader?"].startswith("Defendant adds another party")
    assert "What is atomicity?" not in questions
    assert not any("asynchronous" in q or "Linux" in q for q in questions)


def test_a_term_whose_explanation_is_a_question_gives_no_card():
    """An exercise list ("Theory lab: what is the function x(t) if ...?", "Case study: Why
    did the court ...?") asks the student something; its label is no term to define."""
    text = (
        "# Exercises\n\n"
        "* Theory lab: what is the position of the mass if a frictional force acts on it?\n"
        "* Case study: Why did the appeals court reverse the ruling of the trial judge?\n"
        "* Osmosis: the diffusion of water across a selectively permeable membrane.\n"
    )
    section = _section(text)
    questions = [d.question for b in section.lists for d in list_cards(b, section, section.lists)]
    assert not any("Theory lab" in q or "theory lab" in q or "ase study" in q for q in questions)
    assert "What is osmosis?" in questions


def test_an_example_that_is_a_sentence_is_not_asked_for():
    """'Example: Even if the meaning of the statute were not plain, ...' (legal writing) and
    'Example: The mask register can set the priority' (operating systems) are sample sentences
    to read, not a thing to name; 'Example: aspirin' (pharmacology) is asked."""
    for example in (
        "Even if the meaning of the statute were not plain, the agency's reading is reasonable",
        "The mask register can be used to set the priority of each interrupt",
    ):
        section = _section(f"# Notes\n\n## Rules\n\n- Example: {example}\n")
        drafts = list_cards(section.lists[0], section, section.lists)
        assert not [d for d in drafts if d.question.startswith("Name an example")]
    section = _section("# Notes\n\n## Analgesics\n\n- Example: aspirin\n- Use: pain\n")
    drafts = list_cards(section.lists[0], section, section.lists)
    assert [d.answer for d in drafts if d.question.startswith("Name an example")] == ["aspirin"]


def test_a_list_of_rules_is_not_recalled_as_names():
    """Law notes: under 'Cookbooks', 'You can't copyright the recipe' and 'You can copyright
    the description though' are rules, not cookbooks: no "Name the 2 cookbooks." card; a list
    of things ('Increased salivation', 'Emergence phenomena') is still recalled."""
    from studyapp.cards.drafts import is_name

    assert not is_name("You can't copyright the recipe.")
    assert not is_name("The court dismissed the appeal")
    assert is_name("Increased salivation")
    assert is_name("Newton's laws of motion")
    section = _section(
        "# Copyright\n\n## Cookbooks\n\n- You can't copyright the recipe.\n"
        "- You can copyright the description though.\n"
    )
    drafts = list_cards(section.lists[0], section, section.lists)
    assert not [d for d in drafts if d.question.startswith("Name the")]


def test_an_everyday_label_is_asked_as_an_attribute_of_its_section_never_as_a_term():
    """'Leader: President, serving four-year terms' under 'The Executive Branch' (civics),
    'Climate: Tropical waters between 23 and 29 degrees' under 'Coral reefs' (biology): a note's
    label is no term ('What is leader?' was rated bad 13 times in 14), so the card asks
    what the label is of the section's subject; a label the title holds asks nothing."""
    section = _section(
        "# Government\n\n## The Executive Branch\n\n"
        "- Leader: President, serving four-year terms\n"
        "- Powers: Broad authority over foreign affairs and treaties\n"
        "- Tort: Civil wrong causing loss or harm to a claimant\n"
    )
    asked = {d.question: d.answer for d in list_cards(section.lists[0], section, section.lists)}
    assert asked["What is the leader of the executive branch?"] == (
        "President, serving four-year terms"
    )
    assert "What are the powers of the executive branch?" in asked
    assert "What is tort?" in asked  # a term of the subject stays one
    assert not [q for q in asked if q in ("What is leader?", "What are powers?")]
    reefs = _section(
        "# Oceans\n\n## Coral reefs\n\n- Climate: Tropical waters between 23 and 29 degrees\n"
    )
    drafts = list_cards(reefs.lists[0], reefs, reefs.lists)
    assert [d.question for d in drafts] == ["What is the climate of coral reefs?"]
    structure = _section(
        "# Congress\n\n## The Structure of Congress\n\n- Structure: Two houses of members\n"
    )
    drafts = list_cards(structure.lists[0], structure, structure.lists)
    assert not [d for d in drafts if "structure" in (d.question or "").lower()]


def test_a_date_a_version_or_a_step_labelling_a_note_is_not_asked_as_a_term():
    """'7500 BCE: A farmer lived with a domesticated wildcat' (a chronicle), '2.10 -- December
    2000: New engine, physics, and Python' (a software history) and 'Phase 1: Death within
    minutes from severe trauma' (first aid) label their notes: "What is 7500 BCE?" asks
    nothing. 'Type 2 diabetes' (medicine) and 'COVID-19' hold a number inside their name."""
    section = _section(
        "# Notes\n\n## Terms\n\n"
        "- 7500 BCE: A farmer lived with a domesticated African wildcat in Cyprus\n"
        "- 2.10 -- December 2000: The new engine with physics and Python scripting\n"
        "- Phase 1: The death of the patient within minutes from severe trauma\n"
        "- Type 2 diabetes: A chronic condition in which the body resists insulin\n"
        "- COVID-19: A respiratory disease caused by the coronavirus SARS-CoV-2\n"
    )
    asked = {d.question for d in list_cards(section.lists[0], section, section.lists)}
    assert "What is type 2 diabetes?" in asked
    assert "What is COVID-19?" in asked
    assert not [q for q in asked if "7500" in q or "2.10" in q or "phase 1" in q.lower()]


def test_a_glossary_entry_that_points_to_another_is_not_asked():
    """'model: see mimicry' and 'mesotergum: = mesonotum; q.v.' (an entomology glossary),
    'estoppel: see waiver' (law) send the reader to another entry: no card asks for them."""
    section = _section(
        "# Glossary\n\n## Entries\n\n"
        "- model: see mimicry for the resemblance of one insect to another\n"
        "- mesotergum: = mesonotum; q.v. for the upper plate of the segment\n"
        "- estoppel: a bar that stops a party from denying what it said; see waiver\n"
        "- mandible: the first pair of jaws of an insect, moving sideways\n"
    )
    asked = {d.question for d in list_cards(section.lists[0], section, section.lists)}
    assert asked == {"What is mandible?"}


def test_a_term_its_glossary_defines_with_a_or_an_is_asked_with_its_article():
    """A congressional glossary: "hopper: A wooden box on the House floor ..." asks "What is
    a hopper?" (raters marked "What is hopper?" weak for the missing article); "engrossed
    measure: An official copy ..." takes "an"; "cloture: The method by which ..." and
    biology's "osmosis: the diffusion of water ..." are asked without one."""
    section = _section(
        "# Glossary\n\n## Terms\n\n"
        "- hopper: A wooden box on the House floor into which members put bills\n"
        "- engrossed measure: An official copy of a measure as passed by one chamber\n"
        "- cloture: The method by which a supermajority of the Senate ends a debate\n"
        "- osmosis: the diffusion of water across a semipermeable membrane\n"
        "- mitochondrion: an organelle that makes most of the energy of the cell\n"
    )
    asked = {d.question for d in list_cards(section.lists[0], section, section.lists)}
    assert {
        "What is a hopper?",
        "What is an engrossed measure?",
        "What is cloture?",
        "What is osmosis?",
        "What is a mitochondrion?",
    } <= asked
