"""The quality gate: each rule drops the faulty card and keeps its sound twin, in any subject."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from studyapp.cards import cloze_rules, gate
from studyapp.cards.drafts import Draft
from studyapp.cards.gate import RULES, Seen, card_fault, given_away
from studyapp.model import CardType


def _ask(question: str, answer: str, kind: CardType = CardType.BASIC, source: str = "s") -> Draft:
    return Draft(kind, f"q|{question}", "1", source, question=question, answer=answer)


def _list(question: str, items: tuple[str, ...]) -> Draft:
    return Draft(CardType.LIST, f"list|{question}", "1", "s", question=question, items=items)


def _cloze(text: str, source: str = "") -> Draft:
    return Draft(CardType.CLOZE, "cloze|x", "1", source or text, text=text)


@pytest.mark.parametrize(
    ("question", "answer", "titles"),
    [  # biology, law, history, networking: the titles or the question hold the answer
        ("What do plants use chlorophyll for?", "photosynthesis", "Plants\nPhotosynthesis"),
        ("What did the court find lacking?", "personal jurisdiction", "Personal Jurisdiction"),
        ("What did the treaty end?", "the Thirty Years' War", "War\nEnd of the Thirty Years War"),
        ("What is the abbreviation for “maximum segment size”?", "MSS", "TCP\nOptions"),
        ("What is init?", "the initial state", "TCP\nStates"),
        # a history told year by year: the section's year is on screen above its questions
        ("When did BBN purchase an SDS 940 computer?", "1967", "Interlisp history\n1967"),
        ("When was GnuPG developed by Werner Koch?", "1990s", "Security\n1990s"),
    ],
)
def test_an_answer_on_screen_is_given_away(question, answer, titles):
    """Whatever the subject, a card whose answer the titles or its own question show is
    dropped (the initials of words shown give an abbreviation away too)."""
    assert card_fault(_ask(question, answer), titles) == "given-away"


@pytest.mark.parametrize(
    ("question", "answer", "titles"),
    [
        ("What do plants use chlorophyll for?", "photosynthesis", "Plants\nPigments"),
        ("What did the court find lacking?", "minimum contacts", "Personal Jurisdiction"),
        ("What does the abbreviation MSS stand for?", "maximum segment size", "TCP\nOptions"),
        ("When did BBN purchase an SDS 940 computer?", "1967", "Interlisp history\nThe BBN years"),
    ],
)
def test_an_answer_not_on_screen_passes(question, answer, titles):
    """The same questions pass when the answer is not on screen."""
    assert card_fault(_ask(question, answer), titles) == ""


def test_a_title_restating_a_long_answer_gives_it_away():
    """A long answer is given away when the titles hold its specific words ('Flashbacks and
    Intrusive Thoughts'), not when they share one word with it."""
    answer = "distressing flashbacks and intrusive thoughts"
    assert given_away(answer, "What may therapy help reduce?", "Reducing Flashbacks and Thoughts")
    assert not given_away(answer, "What may therapy help reduce?", "Trauma Therapy")


@pytest.mark.parametrize(
    "question",
    [
        "Advantages of the design — what is “Loose Coupling”?",
        "“Each service owns its data” — which principle of microservices is this?",
        "Beta blockers — what does the text say about “Cardioselective”?",
        "Name the items listed under “Reabsorption”.",
        "Cardiac Cycle — systole?",
        "Feudalism — overview?",
        'Design — WHAT IS "Loose Coupling"?',
        "Beta blockers — what does the text ſay about “Cardioselective”?",
    ],
)
def test_a_question_about_a_label_is_dropped(question):
    """Asking what a heading 'is', which heading an explanation falls under, or a title with
    a bare topic tests the outline, not the subject."""
    assert card_fault(_ask(question, "some specific content here"), "Notes") == "label"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What may they help reduce?", "the frequency of seizures"),
        ("Why is this condition hard to treat?", "its cause is unknown"),
        ("What is the candle I have in my hand?", "a stearin candle"),
        ("What is research ongoing to better understand?", "repeated exposure"),
    ],
)
def test_a_question_without_its_subject_is_unresolved(question, answer):
    """A question leaning on 'they', 'this condition', the speaker, or naming nothing at
    all is dropped."""
    assert card_fault(_ask(question, answer), "Notes") == "unresolved"


@pytest.mark.parametrize(
    "question",
    [
        "Which of these is one of the causes of inflation?",
        "What does ketamine maintain, making it suitable for surgery?",
        "What does active transport require?",
    ],
)
def test_a_question_that_names_its_subject_passes(question):
    """'which of these' and a pronoun after the named subject are resolved."""
    assert card_fault(_ask(question, "cardiovascular stability"), "Notes") == ""


@pytest.mark.parametrize(
    "text",
    [
        "The pH of the {{c1::solution if}} acid is added falls.",
        "In the Calvin cycle, {{c1::RuBisCO begins}} carbon fixation.",
        "The patient had {{c1::Complex Regional}} Pain Syndrome.",
        "Plants convert {{c1::light}} energy into chemical energy.",
        "Missouri {{c1::corporation sold shoes}} through agents.",
        "The cotransporter (Na+/K+-{{c1::ATPase}}) moves ions.",
        "Datalink layers {{c1::sometimes}} recover from errors.",
        "A call to {{c1::clone wouldn’t}} copy the heap data.",  # a contraction: a clause
        "Graves lie in the {{c1::Bugaba cemetery Mr}}. Merritt found two kinds.",  # his title
        "The main waterway is the {{c1::Chicago Sanitary}} and Ship Channel.",  # half a name
        "The soap is sold by Procter & {{c1::Gamble}} in every state.",  # the other half
        "The more we {{c1::study communities}}, the more complexities we find.",  # the verb
        "The U.S. {{c1::Geological Survey}} uses a conformal projection.",  # initials cut off
        "The U.K. {{c1::Met Office}} issues the shipping forecast.",
        "The {{c1::child starts}} writing the new file to disk.",  # a subject and its verb
        "The {{c1::heart keeps}} beating after the nerves are cut.",
    ],
)
def test_a_blank_that_is_not_a_whole_term_is_broken(text):
    """A blank starting or ending on a function word, holding a verb, cutting a name, a
    compound or a word in two, taking a name's title, or hiding only an adverb is dropped."""
    assert card_fault(_cloze(text), "Notes") == "broken-blank"


@pytest.mark.parametrize(
    "text",
    [
        "Chloroplasts turn sunlight into {{c1::chemical energy}}.",
        "The {{c1::Treaty of Westphalia}} ended the Thirty Years' War in 1648.",
        "Effects begin within {{c1::minutes}} of the dose.",
        "The glomerulus filters about {{c1::180 litres}} a day.",
    ],
)
def test_a_whole_term_or_amount_passes(text):
    """A whole noun phrase, a name, or an amount in everyday words is a fair blank."""
    assert card_fault(_cloze(text), "Notes") == ""


def test_a_blank_of_everyday_words_or_given_by_its_sentence_is_dropped():
    """'quality of [life]' is a stock phrase; 'pain [signals]' beside 'pain perception' or a
    blank the titles spell out is given away."""
    assert (
        card_fault(_cloze("Exercise improved their quality of {{c1::life}}."), "") == "stock-blank"
    )
    given = "Ketamine cuts the flow of {{c1::pain signals}} and lowers pain perception."
    assert card_fault(_cloze(given), "Analgesia\nSignals") == "given-away"
    titled = "The buyer may recover {{c1::consequential damages}} for breach."
    assert card_fault(_cloze(titled), "Contracts\nConsequential Damages") == "given-away"


@pytest.mark.parametrize(
    "text",
    [
        "How is it {{c1::consistent}} with the formalist approach?",
        "You see the {{c1::flame}} rise from the wick.",
    ],
)
def test_a_question_or_talk_to_the_reader_is_not_a_statement(text):
    """A cloze made of a question or of a lecturer talking to the audience asks nothing."""
    assert card_fault(_cloze(text), "") == "not-a-statement"


def test_an_answer_naming_nothing_or_cut_short_is_dropped():
    """'Never' names nothing; 'the cavity in' stops mid-phrase; 'the type of the option' is
    only abstract words; an adverb answers a 'how' question."""
    assert card_fault(_ask("What is the shape of the flame?", "Never"), "") == "not-a-statement"
    assert card_fault(_ask("Where is the gill located?", "the cavity in"), "") == "broken-blank"
    vague = card_fault(_ask("What does the checksum byte indicate?", "the type of the option"), "")
    assert vague == "vague-answer"
    assert card_fault(_ask("How is the vaccine given?", "intramuscularly"), "") == ""


def test_markup_left_in_the_text_drops_the_card():
    """Roles, attribute lists and links the outline left in never reach a student."""
    text = "TCP runs on top of :term:`IP` and the {{c1::network layer}}."
    assert card_fault(_cloze(text), "") == "markup"
    linked = "A mantle secretes a {{c1::shell}} ([link](#fig-3))."
    assert card_fault(_cloze(linked), "") == "markup"


@pytest.mark.parametrize(
    "text",
    [
        "Hanson v. {{c1::Dane County}} (7th Cir. 2010) 608 F.3d 335.",  # law
        "Freeman, {{c1::E. A.}} (1876) 2 Hist. Norm. Conq. 114-19.",  # history
        "Smith and {{c1::Jones}} (2004) 12 J. Cell Biol. 45, 51-53.",  # biology
    ],
)
def test_a_reference_to_a_source_is_no_fact(text):
    """A line that is mostly figures and abbreviations cites a source and states nothing."""
    assert card_fault(_cloze(text), "") == "citation"


@pytest.mark.parametrize(
    "text",
    [
        "In 1914, {{c1::65 divisions}} of the German army crossed into Belgium.",
        "The court in Illinois v. {{c1::Gates}} adopted the totality of the circumstances.",
        "Water boils at {{c1::100 °C}} at a pressure of 101.3 kPa.",
    ],
)
def test_a_sentence_with_figures_in_it_still_states_a_fact(text):
    """Dates, amounts and a case name inside a sentence of words are facts to learn."""
    assert card_fault(_cloze(text), "") != "citation"


def test_a_second_cloze_of_a_sentence_and_a_question_asked_twice_are_dropped():
    """One sentence gives one cloze; the same question twice is a duplicate, or a conflict
    when the answers differ."""
    seen = Seen()
    first = _cloze("The {{c1::mitochondrion}} makes ATP.", "The mitochondrion makes ATP.")
    second = _cloze("The mitochondrion makes {{c1::ATP}}.", "The mitochondrion makes ATP.")
    asked = _ask("What does the Senate ratify?", "treaties")
    again = _ask("What does the Senate ratify?", "treaties")
    other = _ask("What did the Senate ratify?", "the budget")
    for draft, expected in [
        (first, ""),
        (second, "shared-sentence"),
        (asked, ""),
        (again, "duplicate"),
        (other, "conflict"),
    ]:
        assert seen.fault(draft) == expected
        if not expected:
            seen.add(draft)


def test_every_rule_has_a_name_the_benchmark_prints():
    """The rules are named once, in the order the gate documents them."""
    assert len(set(RULES)) == len(RULES)
    assert {"given-away", "label", "unresolved", "broken-blank", "duplicate"} <= set(RULES)


@pytest.mark.parametrize(
    "text",
    [
        "Explain and provide examples of geometric and optical {{c1::isomerism}}.",
        "Describe the structures of complexes containing {{c1::monodentate}} ligands.",
        "The three fields of the {{c1::TCP header}} are:",
    ],
)
def test_an_exercise_or_a_lead_in_is_not_a_statement(text):
    """A learning objective, an exercise or a sentence leading into a list states nothing."""
    assert card_fault(_cloze(text), "") == "not-a-statement"


def test_a_blank_cutting_a_formula_or_opening_on_an_everyday_adjective_is_broken():
    """'[Co(NH3)6][...](III)' cuts a formula; '[Different geometric] isomers' opens on an
    everyday adjective; an answer that is one verb ('begin') is half a phrase."""
    assert card_fault(_cloze("Salts such as [Co]{{c1::Cl3}}(III) form."), "") == "broken-blank"
    opened = "{{c1::Different geometric}} isomers are different compounds."
    assert card_fault(_cloze(opened), "") == "broken-blank"
    assert card_fault(_ask("What does the enzyme do first?", "begin"), "") == "broken-blank"


def test_a_fragment_or_a_picture_is_not_asked():
    """A cloze from a piece of a sentence, or a question about a photo the card cannot show,
    is dropped; 'you'll' speaks to the reader."""
    fragment = "toward but one flank, it being necessary to use the {{c1::reverse}} order."
    assert card_fault(_cloze(fragment), "") == "not-a-statement"
    assert card_fault(_ask("What does photo B show?", "a Dactylogyrus fluke"), "") == "unresolved"
    assert card_fault(_ask("What do you'll need?", "a consistent cache"), "") == "unresolved"


def test_an_answer_to_a_faq_or_a_clause_cut_at_a_comma_is_not_a_statement():
    """'Yes, [...] is involved' answers a question the card does not show; a text ending on
    a comma is half a sentence."""
    assert card_fault(_cloze("Yes, {{c1::energy transfer}} is involved."), "") == "not-a-statement"
    cut = "Assuming the number of {{c1::molecules}} and the temperature are fixed,"
    assert card_fault(_cloze(cut), "") == "not-a-statement"


def test_one_everyday_word_is_a_stock_blank_but_a_rare_word_or_a_name_is_not():
    """'[computer]' is a guess; '[endorphins]', '[Germany]' are facts."""
    plugged = "The user plugs the device into the {{c1::computer}} to log in."
    assert card_fault(_cloze(plugged), "") == "stock-blank"
    assert card_fault(_cloze("Ketamine releases {{c1::endorphins}} quickly."), "") == ""
    assert card_fault(_cloze("The defendant lived in {{c1::Germany}} for years."), "") == ""


@pytest.mark.parametrize(
    "text",
    [  # databases, web software, statistics: each blank filled by guessing
        "Relational databases link rows across {{c1::tables}}.",
        "By {{c1::default}}, requests do not time out.",
        "The p-value is derived under the {{c1::assumption}} that the means are normal.",
    ],
)
def test_one_lowercase_word_anyone_would_guess_is_a_stock_blank(text):
    """One lowercase word of everyday English, hidden alone, is guessed from its sentence."""
    assert card_fault(_cloze(text), "") == "stock-blank"


@pytest.mark.parametrize(
    "text",
    [
        "Viruses are assembled from {{c1::capsomeres}}.",
        "The court imposed {{c1::sanctions}} for the discovery abuse.",
        "Ice and water coexist along the {{c1::isotherms}} of the diagram.",
    ],
)
def test_a_lowercase_term_of_the_subject_is_no_stock_blank(text):
    """The subject's own words (rarer in everyday English) are what a student recalls."""
    assert card_fault(_cloze(text), "") == ""


def test_a_fill_the_blank_choice_is_judged_like_its_cloze():
    """A choice quoting a question or cutting a formula ('C _____' for 'C l atoms') is
    dropped like the cloze it was made from; an answer of the wrong kind too."""
    asked = (
        "“I have a BSD licensed program, can I use the _____?” — which term completes the sentence?"
    )
    assert card_fault(_ask(asked, "libcurl library", CardType.CHOICE), "") == "not-a-statement"
    cut = "“Dashed wedges indicate bonds to C _____.” — which term completes the sentence?"
    assert card_fault(_ask(cut, "l atoms", CardType.CHOICE), "") == "broken-blank"
    rhyme = _ask("What does curl rhyme?", "with words like girl and earl")
    assert card_fault(rhyme, "") == "broken-blank"
    defined = _ask("What are polydentate ligands?", "sometimes identified with prefixes")
    assert card_fault(defined, "") == "broken-blank"


def test_an_instruction_is_not_a_statement():
    """'List the classes of [...] ...' tells the reader what to do; it states nothing."""
    text = "List the classes of {{c1::pharmaceuticals}} that act on the nervous system."
    assert card_fault(_cloze(text), "") == "not-a-statement"
    fact = "Nerves carry {{c1::action potentials}} to the muscles."
    assert card_fault(_cloze(fact), "") == ""


def test_half_a_blank_on_screen_is_a_hint_that_gives_it_away():
    """'hardware [tokens]' beside 'soft tokens' or 'chemical [energy]' beside 'light energy'
    is guessed from its neighbour."""
    tokens = "Factors include passwords, soft tokens, {{c1::hardware tokens}} and keys."
    assert card_fault(_cloze(tokens), "") == "given-away"
    energy = "Plants turn light energy into {{c1::chemical energy}}."
    assert card_fault(_cloze(energy), "") == "given-away"


def test_the_verb_of_a_clause_is_not_a_term():
    """'... and its benefits [warrant] further investigation' hides the verb, not a term."""
    text = "The combined benefits {{c1::warrant}} further investigation in trials."
    assert card_fault(_cloze(text), "") == "broken-blank"


def test_a_one_everyday_word_or_ordinal_blank_is_a_filler():
    """'scheduling a {{sequence}} of jobs', 'the {{next section}}' are fillers; a rare term
    ('tinnitus', 'BDNF') or a phrase of two words is not."""
    for phrase in ["sequence", "phases", "column", "next section", "second path"]:
        assert cloze_rules.filler_blank(phrase), phrase
    for phrase in ["tinnitus", "BDNF", "three-way handshake", "muscarinic receptors"]:
        assert not cloze_rules.filler_blank(phrase), phrase


@pytest.mark.parametrize(
    "text",
    [
        "Details on out-of-band mechanisms will be provided in the {{c1::next chapter}}.",
        "Up to now, we have considered the behavior of {{c1::ideal gases}}.",
        "In conclusion, the {{c1::Industrial Revolution}} transformed European cities.",
        "But the {{c1::Supreme Court}} declined to hear the appeal.",
    ],
)
def test_a_cloze_of_the_text_s_framing_or_a_pointer_into_it_is_dropped(text):
    """'In conclusion, ...', 'But ...', 'Up to now, ...' and 'in the next chapter' frame the
    document; they state no fact that stands alone (physics, history, law, security)."""
    draft = Draft(CardType.CLOZE, "cloze|x", "1", text, text=text)
    assert card_fault(draft, "Notes") in ("not-a-statement", "unresolved")


@pytest.mark.parametrize(
    "question",
    [  # networking, statistics, law: "the second byte" of what, "the plot above" where?
        "What does the second byte indicate?",
        "What is the plot above made of?",
        "What must the other party prove?",
    ],
)
def test_a_question_leaning_on_the_text_before_it_is_dropped(question):
    """A card shows one sentence: 'the second byte', 'the plot above' and 'the other party'
    point at text the student does not see."""
    assert card_fault(_ask(question, "the total length of the option"), "") == "unresolved"


def test_a_question_naming_its_referent_in_full_is_kept():
    """'The second law of thermodynamics' and 'the First Amendment' name what they mean."""
    law = _ask("What does the second law of thermodynamics forbid?", "a perpetual motion machine")
    assert card_fault(law, "") == ""
    speech = _ask("What does the First Amendment protect?", "freedom of speech")
    assert card_fault(speech, "") == ""


@pytest.mark.parametrize(
    "text",
    [  # chemistry lecture, networking, civil procedure notes
        "Because, through the force of the current, the {{c1::tallow}} cannot flow evenly.",
        "In the first case, the TCP connection enters the {{c1::TIME_WAIT}} state.",
        "Says it is enough that the claim relates to in-state {{c1::contacts}}.",
        "When the flame runs down, it goes on burning in the {{c1::part above}}.",
    ],
)
def test_a_cloze_that_cannot_stand_alone_is_dropped(text):
    """The answer to an unseen question ('Because, ...'), 'the first case', a note without
    its subject ('Says ...') and 'the part above' lean on sentences the card does not show."""
    assert card_fault(_cloze(text), "") in ("unresolved", "not-a-statement")


@pytest.mark.parametrize(
    "question",
    ["What do a shell script?", "What does because a lot of government spending involve?"],
)
def test_a_question_that_does_not_parse_is_dropped(question):
    """A singular subject with 'do' and a subject opening on 'because' are not English."""
    assert card_fault(_ask(question, "static analysis tool"), "") == "not-a-statement"


@pytest.mark.parametrize(
    "question",
    [  # databases, virology, ecology, history: cut from their sentences in the wrong places
        "What could in some cases, the query cache lead to?",
        "What did ICTV classification The ICTV develop?",
        "What does protein filaments measure?",
        "What does species richnes?",
    ],
)
def test_a_question_whose_subject_was_cut_wrong_is_dropped(question):
    """A subject holding a comma or a second "The", a plural taking "does", or a verb that
    is no word: the question was cut from its sentence in the wrong places."""
    assert card_fault(_ask(question, "performance issues"), "") == "not-a-statement"


@pytest.mark.parametrize(
    "question",
    [
        "What does the abbreviation MSS stand for?",
        "What do the Platyhelminthes consist of?",
        "What does each cache miss result in?",
        "What did Galerius abandon?",
        "What does ketamine increase, promoting neuroplasticity?",
    ],
)
def test_a_question_with_a_whole_subject_passes_the_parse_check(question):
    """A verb with its particle, a singular noun ending in -ss, a name: whole subjects."""
    assert gate._misparsed_subject(question) is False


def test_an_answer_naming_only_the_document_s_subject_teaches_nothing():
    """In a text on Peewee (software) or on ketamine (medicine), "Peewee" or "Ketamine" as
    the answer fits half the questions one could ask; another answer passes."""
    tracks = _ask("What tracks a join context?", "Peewee")
    assert card_fault(tracks, "Joins", subject="peewee") == "given-away"
    relieves = _ask("What relieved resistant depression within hours?", "Ketamine")
    assert card_fault(relieves, "Depression", subject="ketamine") == "given-away"
    assert (
        card_fault(
            _ask("What tracks a join context?", "the query's join stack"), "Joins", subject="peewee"
        )
        == ""
    )


@pytest.mark.parametrize(
    "question",
    [  # virology, web software, law-free wording faults of several subjects
        "What is the term for composed of proteins that encapsulate a genome?",
        "Why is often cell death caused by cessation of its normal activities?",
        "What could be to offer separate timings for each redirect?",
    ],
)
def test_a_question_worded_out_of_order_is_dropped(question):
    """A participle where the term's description belongs, an adverb before the subject, or
    "be to" with no subject are not English."""
    assert card_fault(_ask(question, "Bacteriophages"), "") == "not-a-statement"


@pytest.mark.parametrize(
    "question",
    ["What causes often cell death?", "What does many viruses have a strategy that involve?"],
)
def test_an_adverb_after_the_verb_or_many_with_does_is_not_english(question):
    """'What causes often ...?' and 'What does many viruses ...?' (virology) do not parse;
    'What has usually followed ...?' (philosophy) does."""
    assert card_fault(_ask(question, "cessation of activity"), "") == "not-a-statement"
    assert not gate._ungrammatical("What has usually followed a primitive kind of quest?")


def test_an_answer_pointing_at_a_type_or_rule_it_does_not_name_is_unresolved():
    """'an example of this type of vaccine' (medicine), 'an exception to this rule'
    (genetics): which type, which rule, the card does not say."""
    vaccine = _ask("What is the hepatitis B vaccine?", "an example of this type of vaccine")
    assert card_fault(vaccine, "") == "unresolved"
    rule = _ask("What are single-strand DNA viruses?", "an exception to this rule")
    assert card_fault(rule, "") == "unresolved"


def test_a_list_item_that_is_a_phrase_of_the_sentence_is_no_item():
    """'a document store ; in some cases' (databases) holds a phrase, not a second thing."""
    items = ("a document store", "in some cases")
    draft = Draft(
        CardType.LIST, "list|k", "1", "s", question="Key-value stores, such as?", items=items
    )
    assert card_fault(draft, "") == "broken-blank"


@pytest.mark.parametrize(
    "text",
    [  # law, virology, history: the blank is no whole term
        "Property is {{c1::factually}} related to the cause of action",
        "The delta virus has an {{c1::RNA genome similar}} to viroids.",
        "A statutory {{c1::provision authorizing Bank}} to sue was a grant of jurisdiction",
        "The world had lasted eight hundred and {{c1::fifty winters}} by then.",
    ],
)
def test_a_blank_that_is_no_term_is_broken_even_in_a_fragment(text):
    """An adverb, an adjective whose "to" stays outside, a participle's clause or half a
    number is no term; a line without a closing stop does not make that merely weak."""
    assert card_fault(_cloze(text), "") == "broken-blank"


@pytest.mark.parametrize(
    ("text", "rule"),
    [  # physiology, economics, chemistry: the sentence leans on the text around it
        (
            "Having reviewed the anatomy and {{c1::microanatomy}} of the kidney, now is the"
            " time to focus on the physiology.",
            "not-a-statement",
        ),
        ("Now is the time to compare {{c1::monopolistic competition}} with it.", "not-a-statement"),
        (
            "In large part, this is due to the {{c1::autoregulatory nature}} of muscle.",
            "unresolved",
        ),
        ("The {{c1::physiologic goal}} is to modify the composition of the plasma.", "unresolved"),
    ],
)
def test_a_transition_a_bare_this_or_a_frame_goal_does_not_stand_alone(text, rule):
    """'Now is the time to focus on ...' points along the text; 'this is due to' and 'The
    goal is to' lean on a sentence the card does not show."""
    assert card_fault(_cloze(text), "") == rule


@pytest.mark.parametrize(
    ("question", "answer", "rule"),
    [  # sociology, linear algebra, software: a report, a cut description, a pointer
        (
            "What is functionalists point out that deviance?",
            "a social necessity",
            "not-a-statement",
        ),
        (
            "What is the term for an operation that takes a number and a vector and produces?",
            "scalar multiplication",
            "not-a-statement",
        ),
        (
            "What is the term for a tuple giving the number of rows --- see here for more?",
            "shape attribute",
            "unresolved",
        ),
        ("What solves la_se2 for a given matrix A?", "the vector x", "markup"),
    ],
)
def test_a_reported_claim_a_cut_description_a_pointer_or_a_label_is_dropped(question, answer, rule):
    """'X point out that Y' read as 'What is X?', a description stopping before its object,
    'see here', and an equation label ('la_se2') are not questions a student can answer."""
    assert card_fault(_ask(question, answer), "") == rule


def test_a_continuation_or_a_place_on_the_page_does_not_stand_alone():
    """'Nor will it invalidate his right, ...' (political philosophy) continues a sentence
    the card does not show; 'the [demonstration video] at the bottom of the page' (music)
    points at the page."""
    nor = "Nor will it invalidate his right to the {{c1::common land}} he encloses."
    assert card_fault(_cloze(nor), "") in ("not-a-statement", "unresolved")
    video = "Examples are played in the {{c1::demonstration video}} at the bottom of the page."
    assert card_fault(_cloze(video), "") == "unresolved"


def test_an_answer_that_is_like_something_unseen_is_unresolved():
    """'A similar expression' (linear algebra), 'the same procedure' (law): like what?"""
    similar = _ask("What is available in the matrix case?", "A similar expression")
    assert card_fault(similar, "") == "unresolved"
    same = _ask("What governs removal from state court?", "the same procedure")
    assert card_fault(same, "") == "unresolved"


def test_an_adverb_the_lexicon_does_not_list_is_no_blank():
    """'[systemically]' (physiology) is an adverb, whatever the word tables know of it."""
    text = "Solute levels matter in the glomerulus and {{c1::systemically}}."
    assert card_fault(_cloze(text), "") == "broken-blank"


def test_a_subject_and_its_verb_are_no_term():
    """'[Music goes] out of existence' (music), '[Blood flows] into the atrium' (physiology)
    hide a clause; '[Glomerular filtrate] passes into ...' hides a term."""
    assert card_fault(_cloze("{{c1::Music goes}} out of existence in each hearing."), "")
    assert card_fault(_cloze("{{c1::Blood flows}} into the atrium."), "") == "broken-blank"
    assert card_fault(_cloze("{{c1::Glomerular filtrate}} passes into the tubule."), "") == ""


def test_a_blank_before_an_en_dash_cuts_a_name():
    """'[Levenberg]–Marquardt' (optimisation) hides half a double name."""
    text = "Least-squares problems are solved by the {{c1::Levenberg}}–Marquardt algorithm."
    assert card_fault(_cloze(text), "") == "broken-blank"


def test_a_quotation_credited_to_a_handle_is_no_statement():
    """'— @okdistribute, "How to Run a [FOSS Project]"' (software) credits a post."""
    text = 'Keep it kind. — @okdistribute, "How to Run a {{c1::FOSS Project}}"'
    assert card_fault(_cloze(text), "") == "not-a-statement"


@pytest.mark.parametrize(
    ("question", "answer"),
    [  # astronomy software, zoology, law: a light verb takes almost any object
        ("What does Skyfield use?", "the modern Gregorian calendar"),
        ("What do mollusks show?", "a variety of morphological variations"),
        ("What did Shaffer bring?", "a shareholder derivative suit"),
    ],
)
def test_a_question_on_a_light_verb_is_weak(question, answer):
    """'What does X use / show / bring?' has many right answers: the card is weak, kept only
    where its section would have no card; 'What did Galerius abandon?' is not."""
    assert card_fault(_ask(question, answer), "") == "open-question"
    assert "open-question" in gate.LAST_RESORT
    abandon = _ask("What did Galerius abandon?", "the persecution of the Christians")
    assert card_fault(abandon, "") == ""


def test_a_term_asked_by_a_short_description_is_weak():
    """'an orderly sequence of events' (biology) or 'a general-purpose language with
    statistics modules' (computing) fit many terms; a full description does not."""
    short = _ask("What is the term for an orderly sequence of events?", "cell cycle")
    assert card_fault(short, "") == "vague-answer"
    language = _ask("What is the term for a general-purpose language with modules?", "Python")
    assert card_fault(language, "") == "vague-answer"
    full = "What is the term for the process by which a normal brain comes to have seizures?"
    assert card_fault(_ask(full, "epileptogenesis"), "") == ""


@pytest.mark.parametrize(
    "question",
    [  # virology, economics, psychology: a second finite verb, or an adverb moved to the end
        "Why did the system proposed by Lwoff was initially not accepted by the ICTV?",
        "Why did the economy pay under the table and illegal sales should be counted?",
        "Why do adolescents engage in risk-taking behaviors possibly?",
    ],
)
def test_a_question_turned_round_wrongly_is_dropped(question):
    """A clause already turned round with "did" that keeps its own "was" or "should be",
    or an adverb left at the end, is not English; a "when" clause is fine."""
    assert card_fault(_ask(question, "its small genome size"), "") == "not-a-statement"
    assert not gate._ungrammatical("Why did Rome fall when the army was weakened?")


def test_a_term_described_by_an_adjective_or_a_noun_passes():
    """ "an ordered series of events" (biology) and "a single layer of cells" open the
    description as a noun phrase does."""
    ordered = "What is the term for ordered series of events in a dividing cell?"
    assert not gate._ungrammatical(ordered)
    assert not gate._ungrammatical("What is the term for a single layer of cells?")


def test_a_list_question_that_is_two_sentences_or_names_no_topic_is_dropped():
    """A list card whose prompt holds two sentences (web services) or "points of under
    development" (system design) asks nothing a student could read."""
    items = ("Weighted round robin", "Latency-based")
    two = "CloudFlare offers DNS services. Some DNS services route traffic, such as which two?"
    assert card_fault(_list(two, items), "") == "not-a-statement"
    under = _list("Name the 2 points of under development.", items)
    assert card_fault(under, "") == "not-a-statement"
    fine = _list("DNS services route traffic in several ways, such as which two?", items)
    assert card_fault(fine, "") == ""


@pytest.mark.parametrize(
    "question",
    [  # web services, composition, law: the prompt names no kind of thing
        "Name the 2 points of load balancing.",
        "A novel might be discussed under the heads: name the 4 points listed.",
        "Name the 2 points of Holding & Analysis.",
    ],
)
def test_a_list_prompt_naming_only_points_is_weak(question):
    """'Name the N points of <title>' or '...: name the N points listed.' asks for bullets,
    not facts: weak, kept only where the section has nothing better."""
    assert card_fault(_list(question, ("Plot", "Setting")), "") == "bare-list"
    assert "bare-list" in gate.SOFT_RULES


def test_an_answer_running_into_a_second_predicate_or_a_why_answered_how_is_cut_wrong():
    """'..., and have a maximum size limit' (virology) adds a predicate; 'Why ...?' answered
    'how that sets some bits' (networking) gives no reason."""
    genome = _ask(
        "Why do RNA viruses have small genomes?", "a high error rate, and have a size limit"
    )
    assert card_fault(genome, "") == "broken-blank"
    bits = _ask("Why do middle boxes drop SSL packets?", "how that sets some bits in the header")
    assert card_fault(bits, "") == "broken-blank"


def test_an_answer_running_into_and_also_a_verb_is_cut_wrong():
    """ "... of International Shoe and also look" (law) takes in the next clause."""
    answer = "the defendant focus of International Shoe and also look"
    assert card_fault(_ask("What would Brennan abandon?", answer), "") == "broken-blank"
    joined = _ask("What is recombination?", "the process by which DNA is broken and also joined")
    assert card_fault(joined, "") == ""


def test_a_textbook_s_apparatus_is_no_list_to_learn():
    """'Name the 4 Review Questions' (pharmacology) and 'Name the 3 essential questions'
    (algorithms) list a book's exercises, not its content."""
    for question in ("Name the 4 Review Questions.", "Name the 3 essential questions."):
        draft = Draft(
            CardType.LIST, f"list|{question}", "1", "s", question, items=("nicotinic", "muscarinic")
        )
        assert card_fault(draft, "") == "label"


def test_an_aside_or_an_answer_cut_before_its_list_is_dropped():
    """History: 'What did Paris surrender?' -> '(January)' is an aside; networking: an answer
    ending on ':' stops where its list begins; pharmacology: 'Where is like ...?' is no English."""
    assert card_fault(_ask("What did the city of Paris surrender?", "(January)"), "")
    flags = _ask("What does the TCP flags field contain?", "a set of bit flags read as follows :")
    assert card_fault(flags, "") == "broken-blank"
    where = _ask("Where is like the adrenergic agents, phenylephrine effective?", "the pupil")
    assert card_fault(where, "") == "not-a-statement"


@pytest.mark.parametrize(
    "text",
    [  # psychology, machine learning, software manuals
        "Bachelor's degrees are required for entry-level jobs ({{c1::Arnett}}, 2000).",
        "Alcohol may predispose the child to like alcohol ({{c1::Youngentob et al}}., 2007).",
        "The size of the array is expected to be [{{c1::n_samples}}, n_features].",
        'curl_slist_append( recipients, " NOTIFY=SUCCESS,{{c1::FAILURE}}" );',
        "In the previous example, there were only {{c1::eight training points}}.",
    ],
)
def test_a_blank_in_a_citation_in_code_or_after_an_unseen_example_is_dropped(text):
    """The author of a citation, a piece of code and 'the previous example' are no facts a
    card can ask on its own."""
    assert card_fault(_cloze(text), "") in (
        "broken-blank",
        "unresolved",
        "markup",
        "not-a-statement",
    )


def test_an_everyday_word_alone_or_an_address_is_no_answer():
    """'What does libcurl perform?' -> 'operations' is true of any program; an answer with a
    web address is a link, not a fact."""
    assert card_fault(_ask("What does libcurl perform?", "operations"), "") == "vague-answer"
    linked = _ask("What happens in CURLINFO_PAUSE_STATE?", "see https://example.org/2588")
    assert card_fault(linked, "") == "markup"


def test_a_list_of_questions_or_headings_is_no_list_to_learn():
    """Machine learning notes: items 'What would n_samples refer to?' or 'Target classes:' are
    exercise prompts and headings."""
    items = ("What would n_samples refer to?", "What might n_features refer to?")
    draft = Draft(CardType.LIST, "list|x", "1", "s", "Name the 2 problems of the iris data.")
    assert card_fault(replace(draft, items=items), "") == "label"


def test_a_blank_that_opens_the_sentence_is_a_whole_term():
    """Chemistry lecture: '[Spermaceti] comes from the oil of the sperm whale' blanks the
    subject, a whole term (it used to count as a cut word, for want of a letter before it)."""
    text = "{{c1::Spermaceti}} comes from the purified oil of the sperm whale."
    assert card_fault(_cloze(text), "") == ""


@pytest.mark.parametrize(
    "draft",
    [  # statistics, history, software to-do list, a page's language menu
        _ask("What is the corresponding non-parametric test?", "the Mann-Whitney U test"),
        _ask("What destroyed by the Sicilian Greeks?", "Etruscan fleet"),
        _cloze("To support {{c1::IPv6 interface addresses}} for network interfaces properly."),
        _cloze("Čeština ∙ {{c1::Deutsch}} ∙ Ελληνικά ∙ English"),
    ],
)
def test_no_card_from_an_anaphor_a_broken_passive_a_to_do_line_or_a_menu(draft):
    """'the corresponding test' of what, 'What destroyed by ...?', a purpose with no clause
    and a row of language names are not facts to learn."""
    assert card_fault(draft, "") in ("unresolved", "not-a-statement")


def test_a_rule_line_an_answer_leaning_back_or_a_list_from_a_clause_is_dropped():
    """Study plan: an answer '----------------' is a rule line; machine learning: 'the last
    attribute' of what; law notes: 'Where a suit, such as which two?' lists from half a
    clause."""
    assert card_fault(_ask("What happens in getting the job?", "---------------- Optional"), "")
    last = _ask("Where are the names of the iris classes stored?", "the last attribute")
    assert card_fault(last, "") == "unresolved"
    clause = Draft(CardType.LIST, "list|x", "1", "s", "Where a suit, such as which two?")
    assert card_fault(replace(clause, items=("federal claims", "state claims")), "")


def test_run_together_sentences_and_reported_claims_read_as_subjects_are_dropped():
    """Physics: 'What is dalton's law states that the total pressure?' and an answer running
    into 'lists representative ...'; networking: 'What do window. a TCP receiver uses ...?';
    security: a list whose last item carries the sentence's verb ('VOIP are not permitted')."""
    dalton = _ask("What is dalton’s law states that the total pressure?", "the sum of pressures")
    assert card_fault(dalton, "") == "not-a-statement"
    glued = _ask(
        "What is critical pressure?",
        "the minimum pressure at the critical temperature. lists values",
    )
    assert card_fault(glued, "") == "broken-blank"
    window = _ask("What do window. a TCP receiver uses this field to indicate?", "its window size")
    assert card_fault(window, "") == "not-a-statement"
    listed = Draft(CardType.LIST, "list|x", "1", "s", "Name two unsafe out-of-band channels.")
    assert card_fault(replace(listed, items=("e-mail", "VOIP are not permitted")), "")
    fine = replace(listed, items=("e-mail", "VOIP"))
    assert card_fault(fine, "") == ""


def test_an_exercise_question_without_its_question_mark_is_no_cloze():
    """Physics exercises: 'What is the [vapor] pressure of dry ice at -78.5 C' asks, it does
    not state."""
    text = "What is the {{c1::vapor}} pressure of solid carbon dioxide (dry ice) at –78.5ºC"
    assert card_fault(_cloze(text), "") == "not-a-statement"


@pytest.mark.parametrize(
    "text",
    [  # pharmacology, networking, security: any other item of the list would fill the blank
        "Ketamine is studied in conditions such as OCD, {{c1::bipolar depression}}, and addiction.",
        "Curl supports SMTP, SMTPS, {{c1::TELNET}}, TFTP and WS.",
        "Authentication factors include passwords, {{c1::hardware tokens}}, and biometric devices.",
    ],
)
def test_a_blank_that_is_one_item_of_a_list_is_dropped(text):
    """A blank among list items tests which item was named, not what the text teaches."""
    assert card_fault(_cloze(text), "") == "list-item"


def test_a_list_at_the_end_of_a_sentence_still_gives_a_blank_for_its_head():
    """'Ketamine blocks [NMDA receptors], which ...' is no list item."""
    text = "Ketamine blocks {{c1::NMDA receptors}}, which lowers pain signalling."
    assert card_fault(_cloze(text), "") == ""


@pytest.mark.parametrize(
    "text",
    [  # algorithms, chemistry lecture, drill manual
        "{{c1::Graphs}} are commonly used to model relationships between entities, such as",
        "In fact, wicks are sometimes made of a kind of {{c1::wire gauze}}.",
        "Another example is taking courses where courses have {{c1::pre-requisites}}.",
        "The {{c1::designations}} _line of platoons and _line of companies refer to formations.",
    ],
)
def test_cut_sentences_discourse_links_and_leftover_markup_are_dropped(text):
    """A sentence cut after 'such as', one opening on 'In fact' or 'Another example', and
    underscores left by the source's markup lean on what the card does not show."""
    assert card_fault(_cloze(text), "") in ("not-a-statement", "markup")


def test_an_answer_with_a_broken_number_or_starting_mid_clause_is_dropped():
    """Physics: '5 . 08 × 10 6' lost its markup; software: 'and uses libcurl' starts mid-way."""
    assert card_fault(_ask("What is the critical pressure of oxygen (Pa)?", "5 . 08 × 10 6"), "")
    depends = _ask("What does PHP/CURL depend on?", "and uses libcurl, so you need libcurl")
    assert card_fault(depends, "") == "broken-blank"


def test_a_single_example_is_no_list_item():
    """'opioids, such as [endorphins], which act as painkillers' names one example."""
    text = "Ketamine releases opioids, such as {{c1::endorphins}}, which act as painkillers."
    assert card_fault(_cloze(text), "") == ""


def test_a_cloze_is_judged_again_under_other_titles():
    """One cloze is given away under titles that name its hidden term and sound under titles
    that do not, in either order; a list item stays a list item under any titles (what its
    text alone decides is kept, what the titles decide is not)."""
    cloze = _cloze("Ketamine blocks {{c1::NMDA receptors}} in the spinal cord.")
    assert card_fault(cloze, "Anaesthesia", "ketamine") == ""
    assert card_fault(cloze, "NMDA receptors", "ketamine") == "given-away"
    assert card_fault(cloze, "Pain relief", "ketamine") == ""
    item = _cloze("The main classes are opioids, {{c1::benzodiazepines}}, and barbiturates.")
    assert card_fault(item, "Sedatives", "") == "list-item"
    assert card_fault(item, "Benzodiazepines", "") == "given-away"
    assert card_fault(item, "Hypnotics", "") == "list-item"


@pytest.mark.parametrize(
    "text",
    [  # philosophy lecture, statistics chapter, history, networking
        "He turns away from {{c1::abstraction}} and insufficiency.",
        "In short, they mean that we may take a {{c1::moral holiday}}.",
        "We need a model that tests for a difference of {{c1::slope}}.",
        "Her reign saw the founding of the {{c1::East India Company}}.",
    ],
)
def test_a_cloze_whose_subject_is_a_pronoun_is_unresolved(text):
    """A sentence about 'he', 'they' or 'we' loses whom it speaks of on a card of its own."""
    assert card_fault(_cloze(text), "") == "unresolved"


def test_an_abbreviation_opening_a_cloze_is_no_pronoun():
    """'IT' and 'US' are names, not the pronouns 'it' and 'us'."""
    assert card_fault(_cloze("US agencies must follow {{c1::NIST SP 800-63}}."), "") == ""
    assert card_fault(_cloze("IT staff rotate the {{c1::TLS certificates}} yearly."), "") == ""


def test_a_cloze_without_a_closing_stop_is_a_weak_fragment():
    """A line cut from its sentence, or a label, is weak (a fragment, never brought back); a
    bullet's sentence with a finite verb but no stop (marketing notes: "Having
    [intermediaries] simplifies the transactions in the market") is weak too ("unclosed",
    back only where its section would keep no card); the same words closed by a full stop
    are a statement."""
    bullet = _cloze("A {{c1::command line tool}} for getting or sending data using URL syntax")
    assert card_fault(bullet, "") == "fragment"
    assert "fragment" in gate.SOFT_RULES
    unclosed = _cloze("Having {{c1::intermediaries}} simplifies the transactions in the market")
    assert card_fault(unclosed, "") == "unclosed"
    assert "unclosed" in gate.SOFT_RULES
    closed = _cloze("Dijkstra's algorithm finds {{c1::shortest paths}} in weighted graphs.")
    assert card_fault(closed, "") == ""


def test_a_blank_that_leaves_out_the_number_of_a_name_is_broken():
    """'RFC 793', 'Apollo 11' and 'Windows 10' are names with their number: hiding the words
    and showing the number cuts the name; a blank before a measured amount is whole."""
    assert card_fault(_cloze("In the original {{c1::TCP specification RFC}} 793, clocks ran."), "")
    assert card_fault(_cloze("The {{c1::Apollo}} 11 crew landed on the Moon in 1969."), "")
    assert (
        card_fault(_cloze("A {{c1::nephron}} 40 mm long filters the blood of the kidney."), "")
        == ""
    )


def test_a_quantifier_a_pointer_to_a_paragraph_or_an_other_answer_is_dropped():
    """'[Neither Empire] nor ...' hides a piece of the clause; 'described in [paragraphs]
    378 to 383' points into the book; 'other treatments aside from ...' answers relative to
    an unseen list (contract law, drill regulations, pharmacology)."""
    neither = "{{c1::Neither Empire}} nor International sold policies in California."
    assert card_fault(_cloze(neither), "") == "broken-blank"
    dozen = "Scientists have identified nearly two {{c1::dozen extant species}} of chitons."
    assert card_fault(_cloze(dozen), "") == "broken-blank"
    pointer = "Orders are more fully described in {{c1::paragraphs}} 378 to 383, inclusive."
    assert card_fault(_cloze(pointer), "") == "unresolved"
    other = _ask("What is clonidine used for?", "other treatments aside from hypertension")
    assert card_fault(other, "") == "unresolved"
    assert card_fault(_ask("What is clonidine used for?", "hypertension and anxiety"), "") == ""


@pytest.mark.parametrize(
    "text",
    [  # physiology, chemistry lecture, statistics, command-line guide
        "The end result is that the food does not move and the {{c1::digestive system}} rests.",
        "The reason is, that the flame has not had time to heat the {{c1::fuel}} enough.",
        "The setting that we consider for {{c1::statistical analysis}} is that of many samples.",
        "The focus is on interactive Bash, though many tips apply to other {{c1::shells}}.",
    ],
)
def test_a_cloze_about_the_text_s_own_argument_is_dropped(text):
    """'The end result is ...', 'The reason is ...': a frame noun as subject leans on what the
    text said around the sentence."""
    assert card_fault(_cloze(text), "") == "unresolved"


def test_a_statement_about_a_named_thing_is_no_frame():
    """'The resultant force ...' and 'The point mutation ...' name what they speak of."""
    assert card_fault(_cloze("The point mutation changes one {{c1::nucleotide}}."), "") == ""


@pytest.mark.parametrize(
    "text",
    [  # economics, physics, security
        "Durable goods like cars and {{c1::refrigerators}} are a steady share of the economy.",
        "{{c1::Carbon dioxide}}, for example, is a gas at room temperature and pressure.",
        "Users have identities with providers such as {{c1::Azure AD}}, Okta, or Google.",
    ],
)
def test_a_blank_that_is_one_of_the_sentence_s_examples_is_weak(text):
    """Any other example would fill the blank: the card is weak (soft), not dropped."""
    assert card_fault(_cloze(text), "") == "example"
    assert "example" in gate.SOFT_RULES


def test_a_blank_outside_the_examples_is_sound():
    """'Enzymes such as amylase break down [starch]': the blank is the statement's object."""
    text = "Enzymes such as amylase break down {{c1::starch}} into simple sugars."
    assert card_fault(_cloze(text), "") == ""


def test_an_answer_running_into_a_second_predicate_is_broken():
    """'the intestine and ends in an anal opening' (zoology) and 'the host and takes up
    residence' (parasitology) run on into another verb; two nouns ('proteins and fats in the
    diet', 'water and salts from the blood') are a whole answer."""
    assert card_fault(
        _ask("What does the gizzard lead to?", "the intestine and ends in a pore"), ""
    )
    assert card_fault(_ask("What does the larva infect?", "the host and takes up residence"), "")
    assert card_fault(_ask("What do lipases digest?", "proteins and fats in the diet"), "") == ""
    assert (
        card_fault(_ask("What does the glomerulus filter?", "water and salts from the blood"), "")
        == ""
    )


def test_a_picture_s_credit_line_is_no_answer_and_no_cloze():
    """'Source: OSI 7 layer model' (networking) and 'Image: ...' credit a picture."""
    assert card_fault(_ask("What happens in communication?", "Source: OSI 7 layer model"), "")
    assert card_fault(_cloze("Source: {{c1::OSI}} 7 layer model, from the IETF."), "")


def test_a_definition_that_opens_on_a_participle_is_the_wrong_kind():
    """'What are requests from clients?' -> 'forwarded to a server' read a passive as a
    definition (web servers); 'What is a ligand?' -> 'an ion bound to a metal' is one."""
    assert card_fault(_ask("What are requests from clients?", "forwarded to a server"), "")
    assert card_fault(_ask("What is a ligand?", "an ion or molecule bound to a metal"), "") == ""


def test_a_question_run_into_the_next_sentence_or_answered_by_some_is_dropped():
    """'Where are optical fiber. Optical fibers frequently used?' joins two sentences;
    'What allows out-of-order acknowledgements?' -> 'Some protocols' names no protocol
    (networking); 'Many patients' names no patient group (medicine)."""
    glued = _ask("Where are optical fiber. Optical fibers frequently used?", "public networks")
    assert card_fault(glued, "")
    assert card_fault(_ask("What allows out-of-order acknowledgements?", "Some protocols"), "")
    assert card_fault(_ask("Who benefits from ketamine?", "Many patients with depression"), "")
    assert card_fault(_ask("What does TCP implement?", "the sliding window protocol"), "") == ""


def test_what_is_the_and_an_everyday_noun_is_unresolved():
    """'What is the drug?' (chemistry), 'What is the court?' (law): which one? 'What is the
    glomerulus?' names a structure."""
    assert card_fault(_ask("What is the drug?", "a ligand that binds metals"), "") == "unresolved"
    assert card_fault(_ask("What is the court?", "the highest court of the state"), "")
    assert card_fault(_ask("What is the glomerulus?", "a tuft of capillaries"), "") == ""


def test_an_answer_of_two_sentences_is_broken():
    """'they had control over the trust assets. See FRCP Rule 19' (law) runs into a note."""
    answer = "they had control over the trust assets. See FRCP Rule 19"
    assert card_fault(_ask("Why were the banks joined as defendants?", answer), "")


def test_a_shouted_quotation_a_hidden_second_sentence_or_a_corresponding_term_is_dropped():
    """'IF THEOLOGICAL IDEAS PROVE ...' (philosophy) is a shouted quotation; 'deathbed.
    361-3. Julian ...' (a chronology) joins two entries; 'corresponding non-parametric test'
    (statistics) answers relative to an unseen test."""
    shout = "IF THEOLOGICAL IDEAS PROVE TO HAVE A VALUE FOR {{c1::CONCRETE LIFE}}, THEY ARE TRUE."
    assert card_fault(_cloze(shout), "") == "not-a-statement"
    entries = "Constantine baptized on his deathbed. 361-3. Julian restored {{c1::Mithraism}}."
    assert card_fault(_cloze(entries), "") == "too-long"
    relative = _ask("What is the Mann-Whitney U test?", "corresponding non-parametric test")
    assert card_fault(relative, "") == "unresolved"
    assert card_fault(_cloze("The {{c1::NMDA receptor}} binds glutamate in neurons."), "") == ""


def test_a_blank_pointed_at_by_these_is_unresolved():
    """'attackers were sending these [SYN segments]' (networking): which ones? 'sending [SYN
    segments] with a forged address' names them."""
    assert card_fault(_cloze("Attackers were sending these {{c1::SYN segments}} fast."), "") == (
        "unresolved"
    )
    assert (
        card_fault(_cloze("Attackers were sending {{c1::SYN segments}} with forged addresses."), "")
        == ""
    )


def test_a_manual_s_pointers_listings_and_cut_addresses_are_dropped():
    """From a software FAQ: '(see item 3.8)' points into the document, 'libcurl.a
    libcurldll.a libcurl.lib' is a listing, 'at https?' is an address cut to its scheme,
    '[IRC network libera].chat' cuts a name, 'the page you specify' speaks to the reader."""
    assert card_fault(_ask("What does curl support?", "HTTP redirects well (see item 3.8)"), "")
    listing = "MinGW: libcurl.a libcurldll.a MSVC: {{c1::libcurl.lib}} libcurl_imp.lib."
    assert card_fault(_cloze(listing), "") == "markup"
    cut = _ask("What gives a good explanation of ECCNs at https?", "Apache Software Foundation")
    assert card_fault(cut, "") == "markup"
    assert card_fault(_cloze("Users chat on the {{c1::IRC network libera}}.chat server."), "")
    reader = _ask("What does curl ask?", "remote servers for the page you specify")
    assert card_fault(reader, "") == "unresolved"


def test_a_definition_opening_on_an_unknown_participle_is_the_wrong_kind():
    """'What are the mitotic spindles?' -> 'depolymerized into tubulin monomers' (biology):
    a participle the lexicon does not know is still no definition."""
    answer = "depolymerized into tubulin monomers that build the cytoskeleton"
    assert card_fault(_ask("What are the mitotic spindles?", answer), "")


def test_a_blank_holding_the_reader_is_not_a_statement():
    """'Sometimes [you'll want] to omit session keys' (a library manual) speaks to the
    reader from inside its blank."""
    assert card_fault(_cloze("Sometimes {{c1::you'll want}} to omit session-level keys."), "")


def test_asides_quoted_words_stops_in_blanks_and_particle_answers_are_dropped():
    """From a usage handbook and a music text: '(Probably ...)' is an aside; '"[circumstance]"
    and "event"' quotes a word rather than using it; '[relative.]' took the stop; 'What
    does music go?' -> 'out of existence' asks a phrasal verb's particle."""
    aside = "(Probably an impression helped who supplant that as a {{c1::relative}}.)"
    assert card_fault(_cloze(aside), "") == "not-a-statement"
    quoted = '"Transpire" and "occur," "{{c1::circumstance}}" and "event" are often confused.'
    assert card_fault(_cloze(quoted), "") == "not-a-statement"
    stop = "The pronoun who has supplanted that as a {{c1::relative.}} in modern prose."
    assert card_fault(_cloze(stop), "") == "broken-blank"
    particle = _ask("What does music go?", "out of existence with every performance")
    assert card_fault(particle, "") in ("broken-blank", "not-a-statement")


def test_a_question_framed_by_note_that_does_not_parse():
    """'What must note that proxy URLs include?' (a library manual) asks inside a remark."""
    assert card_fault(_ask("What must note that proxy URLs include?", "the scheme"), "")


def test_the_same_words_are_hidden_at_most_twice_in_a_document():
    """Four clozes hiding '[interphase]' (biology) ask one recall four times: the third is a
    duplicate; another term is still asked."""
    seen = Seen()
    texts = [
        "During {{c1::interphase}}, the cell grows and copies its DNA.",
        "The cell cycle opens with a long period called {{c1::interphase}}.",
        "Cells in G0 do not enter the phases of {{c1::interphase}} at once.",
    ]
    drafts = [_cloze(t) for t in texts]
    assert seen.fault(drafts[0]) == ""
    seen.add(drafts[0])
    assert seen.fault(drafts[1]) == ""
    seen.add(drafts[1])
    assert seen.fault(drafts[2]) == "duplicate"
    assert seen.fault(_cloze("The spindle is built from {{c1::microtubules}} in prophase.")) == ""


@pytest.mark.parametrize(
    "text",
    [  # psychology textbook, government, history
        "{{c1::Behaviorist B}}. F. Skinner thought that we learn language by reinforcement.",
        "According to the {{c1::National Institutes}} of Health, prenatal care reduces risk.",
        "By 24–{{c1::36 months}} old, children can name themselves in pictures.",
    ],
)
def test_a_blank_cutting_initials_a_name_with_of_or_a_range_is_broken(text):
    """'B. F. Skinner', 'National Institutes of Health' and '24-36 months' are whole."""
    assert card_fault(_cloze(text), "") == "broken-blank"


def test_recall_that_this_stage_and_for_example_are_weak_or_dropped():
    """'What does recall that Piaget refer to?' -> 'this stage as ...' (psychology) leans on
    the text; a cloze opening on 'For example,' is an anecdote, weak at best."""
    assert card_fault(_ask("What does recall that Piaget refer to?", "formal operations"), "")
    assert card_fault(_ask("What did Piaget call it?", "this stage of formal thought"), "") == (
        "unresolved"
    )
    anecdote = "For example, in the African country of {{c1::Malawi}}, girls marry early."
    assert card_fault(_cloze(anecdote), "") == "example"


def test_code_in_a_card_and_an_everyday_word_named_as_a_term_are_dropped():
    """A software to-do list: 'curl_slist_append( recipients, " NOTIFY=SUCCESS" );' and
    'add_handle()' are code; a statistics chapter: 'What is the term for the number of
    training points used?' -> 'difference' names no term. 'NaCl(s)' (chemistry) is no code."""
    code = 'For instance: curl_slist_append( recipients, " NOTIFY={{c1::SUCCESS}},FAILURE" );'
    assert card_fault(_cloze(code), "") == "markup"
    call = "The multi interface has {{c1::API calls}} like add_handle() that block."
    assert card_fault(_cloze(call), "") == "markup"
    assert card_fault(_cloze("Salt forms NaCl(s) when {{c1::sodium}} meets chlorine."), "") == ""
    term = _ask("What is the term for the number of training points used?", "difference")
    assert card_fault(term, "") == "vague-answer"


def test_a_blank_leaving_its_head_noun_outside_is_broken():
    """'[Mean arterial blood] pressure' (physiology) and 'The [heart] rate' hide a modifier
    and show the head of the term; 'the [glomerulus] filters' and 'the [aorta] first' do not."""
    assert card_fault(_cloze("{{c1::Mean arterial blood}} pressure is computed hourly."), "")
    assert card_fault(_cloze("The {{c1::heart}} rate rises in exercise."), "") == "broken-blank"
    assert card_fault(_cloze("The {{c1::glomerulus}} filters the blood of the body."), "") == ""
    assert card_fault(_cloze("Blood flows through the {{c1::aorta}} first."), "") == ""


def test_an_entry_of_a_reading_or_video_list_is_no_statement():
    """A study plan's resource lists: 'MIT 18.06 [Linear Algebra], Spring 2005 (35 videos)'
    and '[Review] Analyzing Algorithms (playlist) in [18 minutes] (video)'."""
    assert card_fault(_cloze("MIT 18.06 {{c1::Linear Algebra}}, Spring 2005 (35 videos)."), "")
    review = "[Review] Analyzing Algorithms (playlist) in {{c1::18 minutes}} (video)."
    assert card_fault(_cloze(review), "") == "not-a-statement"


def test_an_answer_that_is_a_predicate_or_only_patients_and_praise_is_vague():
    """'What have follow-up studies indicated about the benefits?' -> 'can persist over an
    extended period' is a predicate without its subject; 'more comprehensive and enduring
    outcomes for patients' names nothing (medicine); both are weak, kept only as a last
    resort."""
    predicate = _ask("What do studies suggest about the benefits?", "may be sustained over time")
    assert card_fault(predicate, "") == "vague-answer"
    praise = _ask(
        "What may the synergy lead to?", "more comprehensive and enduring outcomes for patients"
    )
    assert card_fault(praise, "") == "vague-answer"
    assert "vague-answer" in gate.LAST_RESORT


@pytest.mark.parametrize(
    "text",
    [  # medicine, physiology
        "Ketamine, with its long history as an anesthetic and {{c1::psychedelic}}, has changed.",
        "Induction is rapid, allowing for a smooth transition into {{c1::unconsciousness}}.",
        "The kidney, with its million {{c1::nephrons}}, filters the blood.",
    ],
)
def test_a_blank_inside_an_aside_is_weak(text):
    """A blank in a comma-set aside or a clause of consequence is not the sentence's point:
    raters judged every such seed cloze weak. A blank in the main clause is sound."""
    assert card_fault(_cloze(text), "") == "aside"


def test_a_blank_in_the_main_clause_after_an_aside_is_sound():
    """'The kidney, with its nephrons, filters the [blood plasma]' hides the statement."""
    text = "The kidney, with its nephrons, filters the {{c1::blood plasma}} each day."
    assert card_fault(_cloze(text), "") == ""


def test_a_card_with_a_pronoun_it_does_not_name_is_dropped():
    """A cloze of "The boundaries separating it from Veragua ..." or a question "Why did they
    part?" asks about something the card never names: dropped as unresolved."""
    cloze = "Plants grown beside it turn sunlight into {{c1::chemical energy}}."
    assert card_fault(_cloze(cloze), "Geography") == "unresolved"
    question = Draft(CardType.BASIC, "", "s", "", "Why did their armies part?", "a long siege")
    assert card_fault(question, "History") == "unresolved"


def test_a_sentence_with_an_exercise_gap_gives_no_card():
    """ "A ___ immunodeficiency is ____, rather than genetic." is an exercise waiting for the
    student's answer, not a fact: no cloze is made of it."""
    cloze = "A {{c1::secondary immunodeficiency}} is ____, rather than genetic."
    assert card_fault(_cloze(cloze), "Immunodeficiency") == "not-a-statement"


def test_a_blank_holding_a_subject_and_its_verb_is_broken():
    """ "The [copyright owner hands] GitHub a complaint": the blank runs from the subject into
    its verb, before the verb's object (law; and a physics sentence alike)."""
    for text in (
        "The {{c1::copyright owner hands}} GitHub a complaint about a user.",
        "At noon the {{c1::moving train passes}} the embankment at a constant speed.",
    ):
        assert card_fault(_cloze(text), "Notes") == "broken-blank"


def test_a_list_of_phrases_opening_on_a_preposition_is_broken():
    """ "Claims are reviewed closely, such as which two?" -> "by both technical ; legal
    experts": the items are pieces of the clause, not things."""
    draft = Draft(
        CardType.LIST,
        "examples|x",
        "s",
        "",
        "GitHub will review circumvention claims closely, such as which two?",
        items=("by both technical", "legal experts"),
    )
    assert card_fault(draft, "DMCA") == "broken-blank"


@pytest.mark.parametrize(
    ("question", "answer", "rule"),
    [
        ("What exists to forecast progress?", "Various practices", "unresolved"),  # management
        ("What does the parasite infect?", "various organs", "unresolved"),  # zoology
        ("What does Sprint Planning address?", "the following topics", "unresolved"),
        ("What does Scrum define?", "three specific accountabilities", "vague-answer"),
        ("What did the treaty create?", "four new provinces", "vague-answer"),  # history
    ],
)
def test_an_answer_that_names_nothing_it_counts_or_points_at_is_dropped(question, answer, rule):
    """ "Various practices", "the following topics", "three specific accountabilities": which
    ones, the card does not say."""
    assert card_fault(_ask(question, answer), "Notes") == rule


def test_a_cloze_of_a_list_item_ending_in_a_semicolon_is_no_statement():
    """ "Creating a plan for the Sprint, the [Sprint Backlog];" is a piece of a list, cut."""
    cloze = "Creating a plan for the Sprint, the {{c1::Sprint Backlog}};"
    assert card_fault(_cloze(cloze), "Scrum") == "not-a-statement"


@pytest.mark.parametrize(
    ("question", "answer", "everyday"),
    [
        ("By whom must ketamine be administered?", "trained healthcare professionals", True),
        ("What must the use of ketamine adhere to?", "ethical guidelines", True),
        ("What did the court find lacking?", "minimum contacts", True),  # the text decides
        ("Why are simple movements essential?", "to correct training for battle", True),
        ("What did Saladin capture?", "Jerusalem", False),  # a name
        ("What does TCP provide?", "a reliable bytestream", False),  # "bytestream" is no
        ("What does the abbreviation ISN stand for?", "initial sequence number", False),
        ("How quickly can ketamine act?", "within hours", False),  # a manner is everyday
        ("What is the gap between exports and imports called?", "trade balance", False),
    ],
)
def test_an_answer_in_everyday_words_is_told_apart(question, answer, everyday):
    """ "trained healthcare professionals" teaches no term of the text (medicine, law,
    drill); a name, a rare word, an abbreviation's expansion, a manner or a term asked for by
    its description is not judged so."""
    assert gate.everyday_answer(question, answer) is everyday


@pytest.mark.parametrize(
    "sentence",
    [
        "List the classes of coordination compounds and their geometries.",  # chemistry
        "Explain how the Senate ratifies a treaty under Article II.",  # law
        "The handshake sets the :term:`initial sequence number` of each side.",  # networking
        "Having reviewed the anatomy of the kidney, we now turn to its physiology.",
    ],
)
def test_a_sentence_failing_whatever_it_hides_fails_every_cloze_on_a_sentence_rule(sentence):
    """An exercise, markup or a transition (chemistry, law, networking, physiology) drops
    every cloze of its sentence by a rule of the sentence, never of the blank, so no option
    of it is passed over for a better blank."""
    assert gate.cloze_sentence_fails(sentence)
    words = [m.span() for m in re.finditer(r"[A-Za-z]+", sentence)]
    for start, end in words:
        text = f"{sentence[:start]}{{{{c1::{sentence[start:end]}}}}}{sentence[end:]}"
        fault = card_fault(_cloze(text, sentence), "Any title")
        assert fault and fault not in {"broken-blank", "stock-blank", "given-away"}
        assert fault not in gate.SOFT_RULES


def test_a_sound_sentence_is_judged_blank_by_blank():
    """A sound sentence (biology) is not said to fail: its blanks decide."""
    assert not gate.cloze_sentence_fails("Mitochondria make ATP by oxidative phosphorylation.")


def test_a_multiple_choice_card_quoting_an_exercise_is_not_a_statement():
    """'“Draw the geometric, linkage, and _____ ...” — which term completes the sentence?'
    (chemistry) and one quoting 'List the causes of ...' (history) ask an exercise; 'Name the
    limitations of ketamine.' is a list question and stays."""
    draw = _ask(
        "“Draw the geometric, linkage, and _____ for [CoCl5CN][CN].” — which term completes the"
        " sentence?",
        "ionization isomers",
        CardType.CHOICE,
    )
    assert card_fault(draw, "") == "not-a-statement"
    causes = _ask(
        "“List the _____ of the First World War.” — which term completes the sentence?",
        "causes",
        CardType.CHOICE,
    )
    assert card_fault(causes, "") == "not-a-statement"
    name = _list("Name the limitations of ketamine as an anesthetic.", ("Emergence", "Salivation"))
    assert card_fault(name, "") != "not-a-statement"


@pytest.mark.parametrize(
    "question",
    [
        "What is the dashed line?",  # economics: a chart's series
        "What does the shaded area show?",  # statistics
        "What do the red arrows stand for?",  # chemistry: a mechanism drawn
    ],
)
def test_a_mark_drawn_in_a_chart_is_no_question_without_the_chart(question):
    """A card shows no picture: a question about "the dashed line" leans on one."""
    assert card_fault(_ask(question, "the total fertility rate"), "") == "unresolved"


def test_an_answer_in_square_brackets_is_a_placeholder():
    """'[Link to Outcome & Alignment template]' (a course manual) or '[Insert figure 2]'
    answers nothing; 'the Bill of Rights' does."""
    for answer in ("[Link to Outcome & Alignment template]", "[Insert figure 2]."):
        draft = Draft(CardType.BASIC, "k", "1", "s", "What happens in learning outcomes?", answer)
        assert card_fault(draft, "") == "not-a-statement", answer
    kept = Draft(
        CardType.BASIC, "k", "1", "s", "What are the amendments called?", "the Bill of Rights"
    )
    assert card_fault(kept, "") != "not-a-statement"


def test_a_rule_in_the_imperative_or_a_reason_for_a_what_is_no_question():
    """'What do Don't block?' (a code-review rule) and 'Why do Don't accept complexity?' have
    no subject; 'What can smooth muscles contract?' -> 'due to intrinsic factors'
    (physiology) answers why, not what. 'What did Don Juan seduce?' is English."""
    for question, answer in (
        ("What do Don't block?", "CLs"),
        ("Why do Don't accept complexity in tests just?", "they aren't part of the binary"),
        ("What can smooth muscles myogenically contract?", "due to intrinsic factors"),
        ("What does the C-F bonds that the polymer contain?", "are highly electronegative"),
    ):
        draft = Draft(CardType.BASIC, "k", "1", "s", question, answer)
        assert card_fault(draft, "") in ("not-a-statement", "broken-blank"), question
    assert not gate._ungrammatical("What did Don Juan seduce?")


@pytest.mark.parametrize(
    "question",
    [
        "What made by the model?",  # machine learning: "is" lost before a participle
        "What was equipped and everything was ready?",  # history: a second clause ran in
        "What is disrupted and anticholinergic symptoms develop?",  # pharmacology
        "What lead to different results each time is what we refer to as a random process?",
        "What do the modern copyright law does not require?",  # law: two auxiliaries
        "What is the term for a grave defect, and must be avoided?",  # oratory
        "What is the term for a leading cause of death in Africa but is fatal in infants?",
    ],
)
def test_a_question_that_does_not_parse_is_not_a_statement(question):
    """A question cut from its sentence in the wrong places is no card, on every subject."""
    assert card_fault(_ask(question, "the Chiquita banana company"), "") == "not-a-statement"


@pytest.mark.parametrize(
    "question",
    [
        "What is the term for a protein that binds oxygen and is found in red blood cells?",
        "What is the term for an enzyme that breaks down starch and is made by the pancreas?",
        "What happened in 1066 and changed England?",
    ],
)
def test_a_relative_clause_that_goes_on_still_parses(question):
    """'a protein that binds oxygen and is found in ...' (biology) is one description."""
    assert card_fault(_ask(question, "haemoglobin"), "") != "not-a-statement"


def test_a_term_described_as_the_same_or_one_points_back():
    """'the term for the same with the upper extremity ...' (art), 'a very tough one':
    the same as what, one of what? The card cannot say."""
    question = "What is the term for the same with the upper extremity and the eye of the face?"
    assert card_fault(_ask(question, "chiaroscuro"), "") == "unresolved"


@pytest.mark.parametrize(
    "question",
    [
        "Name the all kinds of works (Public domain-alike license list).",  # law
        "Name the for a ForeignKeyField (Default names).",  # software
        "Name the 3 of the early empires.",  # history
    ],
)
def test_a_list_label_cut_after_a_function_word_is_not_a_statement(question):
    """'Name the all kinds of works': the label lost its noun, the prompt asks nothing."""
    assert card_fault(_list(question, ("CC0", "Unlicense", "WTFPL")), "") == "not-a-statement"


def test_a_list_of_notation_without_words_is_not_a_statement():
    """'R x Q B x R ; Q - Q 7' (a chess game's moves) names nothing a card can ask; a list of
    codes ('G1 ; S ; G2', the stages of interphase) does."""
    assert card_fault(
        _list("Name the 2 points of the winning attack.", ("R x Q B x R", "Q - Q 7")), ""
    )
    assert card_fault(_list("Name the 2 openings.", ("Ruy Lopez", "Queen's Gambit")), "") == ""
    stages = _list("What are the three stages of interphase?", ("G1", "S", "G2"))
    assert card_fault(stages, "") == ""


def test_a_reflexive_answer_and_a_question_about_us_are_not_cards():
    """'themselves up like Indians' (history) starts mid-clause; 'Who came over to visit us
    ...?' asks who 'us' is; 'Why does the five sample weren't independent ...?' (statistics)
    has two auxiliaries. An author's 'What do we call ...?' keeps its 'we'."""
    assert card_fault(_ask("What did the men dress?", "themselves up like Indians"), "")
    assert card_fault(_ask("Who came over to visit us later?", "Lafayette"), "") == "unresolved"
    why = "Why does the five sample weren't independent, and so we doubted it?"
    assert card_fault(_ask(why, "the mice shared a cage"), "") == "not-a-statement"
    authored = Draft(
        CardType.BASIC,
        "qa-pair|x",
        "1",
        "s",
        question="What do we call the first ten amendments?",
        answer="the Bill of Rights",
    )
    assert card_fault(authored, "") == ""


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What is slavery?", "the most degrading condition of which man is capable"),  # ethics
        ("What is water?", "a very common solvent in many chemical reactions"),  # chemistry
        ("What is a futures contract?", "a highly flexible tool for hedging risk"),  # finance
        ("What is the term for the one thing needful in a war?", "arms"),  # history
    ],
)
def test_a_description_opening_on_a_degree_word_is_no_definition(question, answer):
    """'the most degrading condition', 'a very common solvent': a degree word ranks or praises
    the thing, where a definition names its kind; such a card is vague."""
    assert card_fault(_ask(question, answer), "") == "vague-answer"


def test_a_definition_naming_a_kind_is_kept():
    """'a proton donor' (chemistry), 'a court order to search a place' (law)."""
    assert card_fault(_ask("What is a Brønsted-Lowry acid?", "a proton donor"), "") == ""
    assert card_fault(_ask("What is a warrant?", "a court order to search a place"), "") == ""


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # computing lecture notes: the "term" is a sentence
        (
            'What is meant by method JITs are the "normal" kind?',
            "they compile a function at a time",
        ),
        # statistics notes: a question, not a term
        ("What is meant by so what does FDR < 0.05 mean??", "The most commonly used method"),
        # data science: the description runs into a second clause
        (
            "What is the term for a probability curve and AUC represents degree of separability?",
            "ROC",
        ),
        # a training handbook: the same
        ("What is the term for a spectrum and instructors should choose the definition?", "Rigor"),
        # first aid: a predicate, not a description
        ("What is the term for rarely caused by overwork unless accompanied by worry?", "Gout"),
        # political history: a possessive is no term
        ("What is the term for a character about which men make stories?", "Lord Melbourne's"),
    ],
)
def test_a_definition_question_that_no_definition_answers_is_dropped(question, answer):
    assert card_fault(_ask(question, answer), "Notes") == "not-a-definition"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # cell biology: a relative clause joins its own verbs
        (
            "What is the term for the stage of mitosis during which chromosomes condense and "
            "the mitotic spindle begins to form?",
            "prophase",
        ),
        (
            "What is the term for the period during which duplicated chromosomes are "
            "distributed into two nuclei and the cytoplasm divides?",
            "mitotic phase",
        ),
        # philosophy: a contrast of phrases, not a clause
        ("What is the term for an impediment to the leg, but not to the will?", "Lameness"),
        # law and databases: definitions in full sentences
        ("What is meant by impleader?", "Defendant adds another party to the action"),
        ("What is meant by atomicity?", "Each transaction is all or nothing"),
        (
            "What is the term for legally guaranteed ownership of an idea, rather than a thing?",
            "Intellectual property",
        ),
    ],
)
def test_a_definition_question_that_a_definition_answers_is_kept(question, answer):
    assert card_fault(_ask(question, answer), "Notes") == ""


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # political history: a possessive is no term
        ("What is Lord Melbourne's?", "a character about which men make stories"),
        # embedded programming: "further" leans on the text before
        ("What is a further issue with slow ISRs?", "a second interrupt during its execution"),
        # politics: a degree word ranks, it names no term
        ("What is a very large constituency in quiet times?", "the subject of electioneering"),
        # data science: the definition runs on into another clause
        ("What is ROC?", "a probability curve and AUC represents degree of separability"),
    ],
)
def test_a_what_is_question_that_names_no_term_or_runs_on_is_dropped(question, answer):
    assert card_fault(_ask(question, answer), "Notes") == "not-a-definition"


def test_a_what_is_question_with_a_relative_clause_is_a_definition():
    """Physiology: 'a pump that moves sodium out and potassium in' defines by what it does."""
    answer = "a membrane protein that pumps sodium out of the cell and brings potassium into it"
    assert card_fault(_ask("What is the sodium-potassium pump?", answer), "Notes") == ""


@pytest.mark.parametrize(
    "question",
    [
        "What does the next layer consist of?",  # networking: next after which?
        "What is the next position?",  # licensing notes: a ranking the card does not show
        "What did the latter army capture?",  # history: the latter of two the text named
    ],
)
def test_a_question_about_a_place_in_the_text_is_unresolved(question):
    assert card_fault(_ask(question, "a single protocol"), "Notes") == "unresolved"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # sociology, biology, software: an instance, or a remark leaning on what came before
        ("What is Till's death?", "an example of lynching, which is a killing by a mob"),
        ("What is the tobacco mosaic virus?", "an example of a helical virus"),
        ("What is lead poisoning?", "an active area of scholarship as well"),
        # a description that runs on into a clause with a subject of its own
        (
            "What is performance?",
            "a broad goal that spans all of computer science, and Chrome uses every trick",
        ),
    ],
)
def test_a_definition_card_whose_answer_is_no_definition_is_dropped(question, answer):
    assert card_fault(_ask(question, answer), "") == "not-a-definition"


def test_a_term_asked_from_one_example_of_a_kind_is_dropped():
    """'the classic example of a recessive disease' (genetics) names one of many: the
    question has no single answer."""
    term = _ask("What is the term for the classic example of a recessive disease?", "CF")
    assert card_fault(term, "") == "not-a-definition"
    kept = _ask("What is the term for a disease caused by two recessive alleles?", "CF")
    assert card_fault(kept, "") == ""


def test_a_definition_with_as_well_as_or_a_relative_clause_is_kept():
    """'as well as' joins two parts of one description; a relative clause's own "and"
    stays inside it (zoology, law)."""
    cephalopods = _ask("What are cephalopods?", "a class of molluscs as well as predators")
    assert card_fault(cephalopods, "") == ""
    writ = _ask(
        "What is a writ of certiorari?",
        "an order by which a higher court reviews a case and the lower court sends the record",
    )
    assert card_fault(writ, "") == ""


def test_a_card_showing_an_empty_cross_reference_is_dropped():
    """MyST's "[](#fig:lift)" reads as "[]" once its target is gone (physics, a manual):
    "A fluid element ... is illustrated in []" points at nothing on the card."""
    cloze = Draft(
        CardType.CLOZE,
        "k",
        "s",
        "A fluid element with an infinitesimal height is illustrated in [].",
        text="A fluid element with an {{c1::infinitesimal height}} is illustrated in [].",
    )
    assert card_fault(cloze, "") != ""


def test_a_definition_pointing_back_at_these_things_is_dropped():
    """'a graph having one of these properties' (graph theory), 'a tool that can help an
    evaluation of these issues' (psychology): which properties, which issues? A kind the
    answer names ('in these animals', zoology) is no pointer."""
    tree = _ask("What is a tree?", "a graph having one of these properties")
    assert card_fault(tree, "") == "not-a-definition"
    term = _ask(
        "What is the term for a research tool that can help an evaluation of these issues?",
        "Operational definitions",
    )
    assert card_fault(term, "") == "not-a-definition"
    cavity = _ask("What is the rhynchocoel?", "a fluid-filled cavity of the gut in these animals")
    assert card_fault(cavity, "") == ""


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What is the term for a diagram taken from a low pressure engine?", "Fig. 37"),
        ("What shows the layers of the soil profile?", "Plate IV"),  # geology
    ],
)
def test_an_answer_that_is_a_figure_label_asks_for_a_picture(question, answer):
    """An engineering catechism's "Fig. 37", a geology text's "Plate IV": the answer names a
    picture the card cannot show."""
    assert card_fault(_ask(question, answer), "") == "unresolved"


def test_a_quantified_phrase_is_no_term_and_an_indefinite_pronoun_no_answer():
    """A software manual's "every line is a shell argument" gives "What is every line?", a
    civics text's "Anything which is of benefit ... is a consideration" gives "What is the term
    for a consideration ...?" -> "Anything": neither is a definition to learn."""
    every = _ask("What is every line?", "a shell argument, after trimming whitespace")
    assert card_fault(replace(every, key="define|every line"), "") == "not-a-definition"
    each = _ask("What is each cell?", "the smallest unit of a living organism")
    assert card_fault(replace(each, key="define|each cell"), "") == "not-a-definition"
    question = "What is the term for a consideration which benefits the person promising?"
    assert card_fault(_ask(question, "Anything"), "") == "not-a-statement"


@pytest.mark.parametrize(
    ("question", "answer", "fault"),
    [  # religion, Buddhism, civics: the things counted are asked for, not described
        ("What are the seven dimensions of religion?", "a framework developed by Ninian Smart", 1),
        ("What are the Four Noble Truths?", "the core teachings of the Buddha on suffering", 1),
        ("What are the three branches of government?", "the parts that share its powers", 1),
        # marketing: one model named by a count is a term
        ("What is the 4 Ps model?", "a marketing framework of product, price, place, promotion", 0),
    ],
)
def test_a_definition_of_things_counted_is_no_definition(question, answer, fault):
    """ "What are the seven dimensions of religion?" -> "a framework ... developed by Ninian
    Smart" (round W3, rated bad): a count of things asks for the things."""
    draft = replace(_ask(question, answer), key=f"define|{question}")
    assert (card_fault(draft, "") == "not-a-definition") == bool(fault)
