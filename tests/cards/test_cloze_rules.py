"""The cloze rules on their own: a sentence's faults, a blank's faults, a filler blank."""

from __future__ import annotations

import re

import pytest

from studyapp.cards import gate
from studyapp.cards.cloze_rules import (
    LEANS_BACK,
    POINTER,
    cloze_fault,
    filler_blank,
    leans_back,
    points_into_document,
    sentence_fails,
)
from studyapp.cards.drafts import Draft
from studyapp.model import CardType


def test_a_cloze_is_judged_by_its_sentence_then_by_its_blank():
    """A sentence about 'he' fails whatever its blank (philosophy); a whole term in a sound
    sentence passes (biology); a blank cutting a name fails (government)."""
    assert cloze_fault("He turns away from {{c1::abstraction}} and dogma.", "", "") == "unresolved"
    assert cloze_fault("Mitochondria make {{c1::ATP}} by oxidative phosphorylation.", "", "") == ""
    cut = "The {{c1::National Institutes}} of Health fund the study."
    assert cloze_fault(cut, "", "") == "broken-blank"


def test_the_titles_on_screen_can_give_a_blank_away():
    """The same cloze is sound under 'Cell biology' and given away under 'ATP synthesis'."""
    text = "Mitochondria make {{c1::ATP}} by oxidative phosphorylation."
    assert cloze_fault(text, "Cell biology", "") == ""
    assert cloze_fault(text, "ATP synthesis", "") == "given-away"


def test_the_sentence_and_the_titles_together_can_give_a_blank_away():
    """Half a blank's words on screen give it away, whether the rest of its sentence shows
    them or the titles do: "astrocyte" in the sentence and "cytokine" in the title are two
    of four, though either alone is not enough, under any title the cloze is judged with."""
    text = (
        "Chronic pain in the dorsal horn of the spinal cord involves "
        "{{c1::microglia astrocyte cytokine crosstalk}}, as the astrocyte studies show."
    )
    assert cloze_fault(text, "", "") == ""
    assert cloze_fault(text, "Spinal cord", "") == ""
    assert cloze_fault(text, "Cytokine signalling", "") == "given-away"
    assert cloze_fault(text, "Spinal cord", "") == ""  # judged again: no verdict carried over


def test_one_everyday_word_is_a_filler_a_rare_word_is_not():
    """'sequence' (scheduling) fills any blank; 'tinnitus' (medicine) is the subject's own."""
    assert filler_blank("sequence")
    assert not filler_blank("tinnitus")
    assert filler_blank("next section")  # an ordinal points into the document
    assert filler_blank("sixth experiment")  # genetics: which one, only the text says


def test_an_ordinal_in_a_name_is_no_filler():
    """'the [Fifth Amendment]' (law) and 'the [Second Council]' (history) are names."""
    assert not filler_blank("Fifth Amendment")
    assert not filler_blank("Second Council")


def test_a_count_of_things_is_a_filler_a_name_a_compound_or_a_time_is_not():
    """'the [three systems] we considered' (physics), 'the [two works]' (literature) and
    '[Forty-five percent] of the students' count what the sentence does not name; 'the [Four
    Truths]' is a name, 'a [three-way handshake]' a term, 'in under [three hours]' a time."""
    for count in ("three systems", "two works", "Forty-five percent", "twelve pages"):
        assert filler_blank(count), count
    for kept in ("Four Truths", "three-way handshake", "three hours", "twenty minutes"):
        assert not filler_blank(kept), kept


def test_a_pointer_or_a_phrase_leaning_back_is_found_in_any_spelling():
    """Pointers into the document and phrases leaning on the text before are found as their
    patterns find them, in any case and in letters lower-casing does not turn into ASCII
    ("ſee here" matches the pattern read ignoring case), and sound sentences pass."""
    pointers = ["As described BELOW, the pump stops.", "See Chapter 4.", "(see Fig. 2)"]
    pointers += ["Click ſee here", "Described below: İ"]
    sound = ["The pump stops when the valve closes.", "Pages of the ledger were lost."]
    for text in pointers + sound:
        assert points_into_document(text) == bool(POINTER.search(text)), text
    assert all(map(points_into_document, pointers))
    assert not any(map(points_into_document, sound))
    leaning = ["In the first case the bond breaks.", "The latter is rare.", "The plot above."]
    leaning += ["The second enzyme binds it.", "the preceding step"]
    for text in leaning + sound:
        assert leans_back(text) == bool(LEANS_BACK.search(text)), text
    assert all(map(leans_back, leaning))
    assert not any(map(leans_back, sound))


@pytest.mark.parametrize(
    "end", [", such as", " such as…", " such as ”", " such as...", " of…", " and\n", " to: "]
)
def test_a_sentence_cut_after_a_word_that_leads_on_fails_whatever_marks_follow(end):
    """A sentence ending "... grouped into sets, such as" is cut short, whatever stops or
    quotes come after; one ending on a word that only ends like one ("formula") is whole."""
    assert sentence_fails(f"The ledger groups unordered entities into sets{end}")
    assert not sentence_fails("The ledger records each entity with a formula.")


def _every_cloze(sentence: str) -> list[str]:
    """The clozes of ``sentence`` hiding each run of one to three of its words."""
    spans = [m.span() for m in re.finditer(r"[A-Za-z]+", sentence)]
    return [
        f"{sentence[: spans[i][0]]}{{{{c1::{sentence[spans[i][0] : spans[j][1]]}}}}}"
        f"{sentence[spans[j][1] :]}"
        for i in range(len(spans))
        for j in range(i, min(i + 3, len(spans)))
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Having reviewed the anatomy of the kidney, we now turn to its physiology.",
        "In large part, this is due to the autoregulatory nature of the renal arteries.",
        "Details of the appeal process will be given in the next section of the outline.",
        "toward but one flank, it being the custom of the Roman legions in the field.",
        "You should always check the return value of the socket call before using it.",
        " ".join(["The treaty was signed by the envoys of both kingdoms"] * 6) + ".",  # too long
    ],
)
def test_a_sentence_that_fails_whatever_it_hides_fails_every_cloze(sentence):
    """A sentence that frames the text, leans on it, opens mid-clause, speaks to the reader
    or runs too long (physiology, law, history, networking) fails with every blank, and with
    a rule of the sentence: no cloze of it is ever judged on its blank."""
    assert sentence_fails(sentence)
    faults = {cloze_fault(text, "Any title", "") for text in _every_cloze(sentence)}
    assert "" not in faults
    assert not faults & {"broken-blank", "stock-blank", "given-away", "fragment"}
    assert not faults & {"list-item", "example", "aside"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Mitochondria make ATP by oxidative phosphorylation.",  # sound: the blank decides
        "Mitochondria make ATP by oxidative phosphorylation",  # a fragment is only weak
        "He turns away from abstraction and dogma.",  # "He" fails only while it is shown
        "The {{c1::cell}} divides.",  # cloze marks of its own: never judged here
    ],
)
def test_a_sentence_whose_clozes_depend_on_the_blank_does_not_fail(sentence):
    """Where some cloze of a sentence may pass, or fail only on its blank, the sentence is
    not said to fail."""
    assert not sentence_fails(sentence)


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("The host keeps sending these {{c1::SYN segments}} to the server.", "unresolved"),
        ("The host keeps sending THOSE {{c1::SYN segments}} to the server.", "unresolved"),
        ("The host keeps sending the {{c1::SYN segments}} to the server.", ""),
        ("The army marched eight hundred and {{c1::fifty miles}} to the coast.", "broken-blank"),
        ("The army marched eight HUNDRED AND {{c1::fifty miles}} to the coast.", "broken-blank"),
        ("The army marched eight hundred {{c1::fifty miles}} to the coast.", ""),
    ],
)
def test_a_blank_after_a_pointing_word_or_inside_a_number_fails_in_any_case(text, fault):
    """Networking: "sending these [SYN segments]" asks which ones, in capitals too; history:
    "eight hundred and [fifty miles]" cuts the number, however it is written."""
    assert cloze_fault(text, "", "") == fault


@pytest.mark.parametrize(
    "text",
    [
        "Durable goods like cars and {{c1::refrigerators}} last for years.",
        "Durable goods LIKE cars and {{c1::refrigerators}} last for years.",
        "Good examples include cars and {{c1::refrigerators}} in most homes.",
        "Goods, e.g. cars or {{c1::refrigerators}}, last for years.",
    ],
)
def test_a_blank_among_examples_is_an_example_however_they_are_introduced(text):
    """Economics: "like cars and [refrigerators]" hides one example of many, whatever word
    introduces them and in whatever case."""
    assert cloze_fault(text, "", "") == "example"


@pytest.mark.parametrize(
    "text",
    [
        "{{c1::Baker v}}. Carr has the core test for political questions.",  # law
        "The doctrine is the opposite of what we saw in Marbury v. {{c1::Madison}}.",  # law
        "School segregation ended with {{c1::Brown}} v. Board of Education in 1954.",  # history
        "{{c1::Sharia covers}} all aspects of public and private life.",  # law
        "The {{c1::TCP entity sends}} the SYN segment to the server.",  # networking
        "{{c1::MVCC means}} that CouchDB can run at full speed.",  # databases
        "The {{c1::exclusion principle states}} that no two species coexist.",  # ecology
        "Since {{c1::GDP measures}} what is bought and sold, it is a flow.",  # economics
        "Light bends when the {{c1::corpuscle comes}} very close to the surface.",  # optics
    ],
)
def test_a_blank_cutting_a_case_name_or_taking_the_verb_is_no_whole_term(text):
    """A case name is one term ("Baker v. Carr"), and a subject with its verb ("Sharia
    covers", "MVCC means that ...") is a clause: neither is a blank."""
    assert cloze_fault(text, "", "") == "broken-blank"


@pytest.mark.parametrize(
    "text",
    [
        "Pragmatism ends {{c1::metaphysical disputes}} that otherwise go on.",  # philosophy
        "Goals and outcomes are {{c1::course design terms}} that are often confused.",  # education
        "Use xxd for {{c1::simple hex dumps}} and hexedit for editing.",  # computing
    ],
)
def test_a_plural_noun_before_a_relative_clause_is_a_whole_term(text):
    """A plural noun that could be a verb ("disputes", "terms", "dumps") is a term when a
    relative clause or a conjunction follows, not a clause of its own."""
    assert cloze_fault(text, "", "") == ""


def test_the_documents_subject_as_the_doer_is_given_away_but_as_the_defined_term_is_not():
    """In a manual about restic, "[restic] allows removing old snapshots" is guessed; in
    astronomy, "... is called a [meteorite]" defines the text's subject and stays."""
    doer = "All backup space is finite, so {{c1::restic}} allows removing old snapshots."
    assert cloze_fault(doer, "", "restic") == "given-away"
    defined = "A fragment that survives its plunge through the air is called a {{c1::meteorite}}."
    assert cloze_fault(defined, "", "meteorite") == ""


@pytest.mark.parametrize(
    "text",
    [
        "What is vast in comparison? DRAM",  # computing
        "What is the point itself? a bold rocky hill",  # geography
        "Which rights are weaker by comparison? property rights",  # law
    ],
)
def test_in_comparison_and_the_thing_itself_lean_back(text):
    """'vast in comparison' (to what?) and 'the point itself' (which point?) lean on a
    sentence the card does not show; 'In contrast, DRAM is cheap' opening a sentence and
    'the contrast between A and B' do not."""
    assert leans_back(text)
    assert not leans_back("The contrast between the two stains shows the cell wall.")


def test_the_first_few_of_a_kind_name_them_and_lean_on_nothing():
    """'the first ten amendments' (civics) and 'the first three words' are named by their
    count; 'the first method' (of a list before) leans back."""
    assert not leans_back("What do we call the first ten amendments to the Constitution?")
    assert not leans_back("The idea is in the first three words of the Constitution.")
    assert leans_back("The first method is faster than the second.")


def test_an_editors_note_in_square_brackets_gives_no_cloze():
    """'[Also acceptable are New Jersey ... on the {{Hudson}} (River).]' (civics) and a
    bracketed note split into sentences ('... Representatives in {{Congress}}.]') are an
    editor's notes; '{{Marbury}} [v. Madison] held ...' (law) is not one."""
    assert cloze_fault(
        "[Also acceptable are New Jersey, near New York City, and on the {{c1::Hudson}} (River).]",
        "Geography",
        "",
    )
    assert cloze_fault(
        "Also acceptable is any statement that the territory has no (voting) Representatives "
        "in {{c1::Congress}}.]",
        "Government",
        "",
    )
    assert not cloze_fault(
        "The court in {{c1::Marbury}} [v. Madison] first struck down a federal statute.",
        "Judicial review",
        "",
    )


def test_instructions_captions_reading_lists_and_template_slots_give_no_cloze():
    """'Name one of the [two longest rivers] ...' (civics) and 'Explain how [osmosis] works'
    are instructions; 'Table: Main design choices for our [cohort study]' a caption;
    '[MURRAY], SIR JOHN, The Ocean ...' a reading list; 'In Chapter %s we discussed
    [first-order logic]' an unfilled template; 'God Save the [Queen’]' cuts a quotation.
    'USA, Canada and Mexico signed [NAFTA]' is a statement."""

    def fault(text: str) -> str:
        return gate.card_fault(Draft(CardType.CLOZE, "cloze|x", "1", "s", text=text), "Notes")

    for text in (
        "Name one of the {{c1::two longest rivers}} in the United States.",
        "Explain how {{c1::osmosis}} moves water across membranes.",
        "Table: Main design choices for our {{c1::comparative cohort study}}.",
        "{{c1::MURRAY}}, SIR JOHN, The Ocean (Home University Library).",
        "Smith, J. (2001). {{c1::Cell biology}} of the kidney.",
        "The National Anthem of the UK is ‘God Save the {{c1::Queen’}}.",
        "In Chapter %s we discussed relation symbols in {{c1::first-order logic}}.",
        # a citation by its page (history), a licence line (computing, biology)
        "Gardiner, Constitutional Documents of the {{c1::Puritan Revolution}}, p. lx.",
        "Lecture Notes by {{c1::Brian Bird}}, 2021, are licensed under a Creative Commons"
        " Attribution 4.0 License.",
        "Figures by {{c1::OpenStax College}}, all rights reserved by their authors.",
        # an old textbook's summary of topics over its paragraph (history)
        "Major Washington becomes Colonel Washington; {{c1::Fort Necessity}}; Braddock's defeat.",
    ):
        assert fault(text), text
    assert fault("USA, Canada and Mexico signed {{c1::NAFTA}} in 1992.") == ""
    assert fault("Copyright protects an author's {{c1::original expression}} for a time.") == ""
    # a licence a law text is about, not the text's own licence line
    assert fault("Software licensed under the {{c1::GPL}} must keep its licence when shared.") == ""
    assert (
        fault("The kidney filters blood; the liver stores {{c1::glycogen}}; the heart pumps.") == ""
    )


@pytest.mark.parametrize(
    "text",
    [
        "Leonardo painted the Last Supper ({{c1::Plate IV}}.) for the refectory.",  # art
        "The measured rates are shown in {{c1::Table 2}}.",  # biology
        "The stress is plotted against strain in {{c1::Figure 3}}.",  # engineering
    ],
)
def test_a_blank_naming_a_plate_or_a_figure_is_no_card(text):
    """The number of a picture or a table of the book is not a thing of the subject, and
    the card cannot show it."""
    assert cloze_fault(text, "", "") == "unresolved"


@pytest.mark.parametrize(
    "text",
    [
        "{{c1::Expansion pyrometers}} for temperatures up to 1500 degrees Fahrenheit.",  # physics
        "The form of {{c1::Magna Charta}} as contrasted with its essential nature.",  # history
        "Factors increasing the risk of invasive cancer in {{c1::adenomatous polyps}}.",
    ],
)
def test_a_sentence_without_a_verb_is_a_fragment(text):
    """A note or a study question's heading cut from its context holds no verb: its cloze
    is weak, kept only where its section has nothing better; a sentence with a verb is not."""
    assert cloze_fault(text, "", "") == "fragment"
    assert gate.card_fault(Draft(CardType.CLOZE, "", "", text, text=text), "") == "fragment"


def test_a_sentence_with_a_verb_is_not_a_fragment():
    text = "Expansion pyrometers measure temperatures up to {{c1::1500 degrees}} Fahrenheit."
    assert cloze_fault(text, "", "") != "fragment"


@pytest.mark.parametrize(
    "text",
    [
        "The King was then at St. {{c1::Germain-en-Laye}} with his court.",  # history
        "The climbers reached the summit of Mt. {{c1::Everest}} in 1953.",  # geography
        "On that day Leonardo {{c1::da Vinci}} made his will at Amboise.",  # art history
        # a species after its genus: medicine, zoology
        "The most common infection in adults with CF is Pseudomonas {{c1::aeruginosa}}.",
        "The fruit fly Drosophila {{c1::melanogaster}} has four pairs of chromosomes.",
    ],
)
def test_a_blank_after_a_title_or_inside_a_name_is_half_a_name(text):
    """'St. [Germain-en-Laye]', 'Mt. [Everest]', 'Leonardo [da Vinci]': the text on the card
    already says half the name; a person's title is not part of it ('Dr. [Donald Norman]')."""
    assert cloze_fault(text, "", "") == "broken-blank"
    assert cloze_fault("The term was coined by Dr. {{c1::Donald Norman}} in 1993.", "", "") == ""


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        # civics: an adjective hidden without the noun it tells of
        (
            "A small body makes better bargains than {{c1::two larger}} ones acting apart.",
            "broken-blank",
        ),
        # religious history: a count and half its noun
        (
            "Wherever {{c1::ten Jewish}} heads of families lived a synagogue was built.",
            "broken-blank",
        ),
        # data science review sheet: a question with a mark after its question mark
        ("Can we use L1 {{c1::regularization}} for feature selection? ⭐", "not-a-statement"),
        # emergency-training transcript: an answer line, not a statement
        ("A: Not sure if Hawaii has a {{c1::CERT program}}.", "not-a-statement"),
    ],
)
def test_a_cloze_of_half_a_phrase_or_of_a_question_fails(text, fault):
    assert cloze_fault(text, "", "") == fault


@pytest.mark.parametrize(
    "text",
    [
        # computability: an adjective phrase as the predicate is whole
        "Because every integer gets one, the set of integers is {{c1::countably infinite}}.",
        # history: a count with its noun is an amount
        "The colony was founded {{c1::forty-five years}} before the revolution began.",
    ],
)
def test_a_whole_adjective_phrase_or_amount_passes(text):
    assert cloze_fault(text, "", "") == ""


@pytest.mark.parametrize(
    "text",
    [
        # physics lecture notes, a space agency's page, a psychology chapter
        "Header image taken from the PhD thesis {{c1::Spinor Bose-Einstein condensates}}.",
        "Photo courtesy of the {{c1::Hubble Space Telescope}} team.",
        "Figure adapted from {{c1::Baddeley}} and Hitch (1974).",
    ],
)
def test_a_credit_line_is_no_statement(text):
    assert cloze_fault(text, "", "") in ("not-a-statement", "unresolved")
    assert gate.card_fault(Draft(CardType.CLOZE, "", "", text, text=text), "") != ""


def test_a_lesson_sending_its_reader_elsewhere_leans_on_what_the_card_lacks():
    """'Read more about the process in the documentation' (a machine-learning lesson)."""
    for text in (
        "Read more about the process in the {{c1::documentation}}.",
        "Learn more about {{c1::gradient descent}} at the course site.",
    ):
        assert cloze_fault(text, "", "") == "unresolved"
    assert not points_into_document("Students who read more fiction score higher.")


@pytest.mark.parametrize(
    "text",
    [
        # medicine: the initials of the hidden name stand later in the sentence
        "The {{c1::Cystic Fibrosis Foundation}} lets no two patients attend a CFF event.",
        # security: the same
        "The {{c1::Adversarial Tactics}}, Techniques, and Common Knowledge or ATT&CK is a list.",
        # data science, computing: the word a hidden "non-" word negates is on the card
        "Rules might compare the mortality of smokers vs {{c1::non-smokers}}.",
        "A {{c1::non-volatile storage medium}} keeps its data, whereas a volatile one does not.",
    ],
)
def test_a_blank_the_rest_of_its_sentence_spells_out_is_given_away(text):
    assert cloze_fault(text, "", "") == "given-away"


def test_a_name_whose_initials_are_not_on_the_card_is_no_giveaway():
    text = "The {{c1::World Health Organization}} was founded in 1948 in Geneva."
    assert cloze_fault(text, "", "") == ""


@pytest.mark.parametrize(
    "text",
    [
        "Variables can represent both the inputs and {{c1::outputs}} of a command.",  # software
        "There are concerns about the potential for abuse and {{c1::dependence}}.",  # medicine
        "Cattle were driven north by cowboys or {{c1::vaqueros}} across the plains.",  # history
    ],
)
def test_a_blank_paired_with_a_word_in_view_is_one_of_a_list(text):
    """The second of a pair ("the inputs and [outputs]", "abuse and [dependence]") is guessed
    from the first: rated blind, 15 % of 33 such clozes were good and 27 % bad. It is weak,
    kept only where its section needs a card."""
    assert cloze_fault(text, "", "") == "list-item"


def test_a_blank_after_a_clause_joined_by_and_is_not_a_pair():
    """ ", and the [lysosome] bursts": "and" opens a clause, so the blank has no pair."""
    text = "The cell membrane swells, and the {{c1::lysosome}} bursts open in the cytoplasm."
    assert cloze_fault(text, "", "") == ""


@pytest.mark.parametrize(
    "text",
    [
        "Shorted failures usually involve misconnections ({{c1::conductors}} attached to"
        " grounding points).",  # electronics
        "Many made hats from palm leaves (which merchants imported from {{c1::Jamaica}}),"
        " crafted furniture, or wove baskets.",  # history
    ],
)
def test_a_blank_inside_brackets_is_an_aside(text):
    """A bracket holds a side remark ("(which merchants imported from [Jamaica])"): rated
    blind, 15 % of 27 clozes hiding a word inside one were good, 70 % weak."""
    assert cloze_fault(text, "", "") == "aside"
