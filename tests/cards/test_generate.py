"""Generated topic decks: grounded, readable, stable cards, and byte-identical shipped files."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml

from studyapp.cards.deck_files import write_decks
from studyapp.cards.generate import card_id, generate_decks
from studyapp.cards.text_facts import STOPWORDS
from studyapp.cli import main
from studyapp.model import CardType
from studyapp.outline.parse import parse_file, parse_outline
from studyapp.outline.sentences import normalise_space
from tests.locations import OUTLINE_FIXTURES, ROOT

SOURCE_REL = "assets/sources/ketamine-therapeutic-uses.txt"
SEED = ROOT / SOURCE_REL
FIXTURES = OUTLINE_FIXTURES
CLOZE = re.compile(r"\{\{c\d+::(.*?)\}\}")
EXPECTED_DECKS = [
    "ketamine-02-anesthetic-applications",
    "ketamine-03-antidepressant-effects",
    "ketamine-04-treatment-of-chronic-pain",
    "ketamine-05-use-in-post-traumatic-stress-disorder",
    "ketamine-06-management-of-treatment-resistant-epilepsy",
    "ketamine-07-future-directions-and-research-areas",
]


@pytest.fixture(scope="module")
def seed_decks():
    outline = parse_file(SEED)
    return generate_decks(outline, prefix="ketamine", source_file=SOURCE_REL, notice="n")


def _norm(text: str) -> str:
    return normalise_space(text).casefold()


def _answers(card) -> list[str]:
    """Everything a card presents as right: answer, list items or cloze deletions."""
    if card.type is CardType.CLOZE:
        return CLOZE.findall(card.text)
    if card.type is CardType.LIST:
        return list(card.items)
    return [card.answer]


def test_one_deck_per_topic_with_source_and_notice(seed_decks):
    """Topics II-VII each get a deck; introduction and conclusion are reading material only."""
    assert [d.id for d in seed_decks] == EXPECTED_DECKS
    assert [d.source.topic for d in seed_decks] == ["II", "III", "IV", "V", "VI", "VII"]
    for deck in seed_decks:
        assert deck.source.title == "Therapeutic Uses of Ketamine in Medicine"
        assert deck.source.file == SOURCE_REL
        assert deck.notice == "n"
    first = seed_decks[0]
    assert first.sections[0].id == "I"
    assert first.sections[0].title == "Importance of Therapeutic Uses of Ketamine in Medicine"
    assert all(s.id != "I" for d in seed_decks[1:] for s in d.sections)
    depression = seed_decks[1].section_by_id("VIII")
    assert depression is not None and depression.title == "Summary"
    assert depression.body.startswith("In depression treatment")
    tested = {c.section for d in seed_decks for c in d.cards}
    assert "I" in tested and "VIII" in tested  # the lead and the conclusion state facts too


def test_enough_cards_and_every_leaf_section_has_two(seed_decks):
    """At least 80 cards in all, every card type used; each leaf topic section has a card and
    most have two (the quality gate leaves a thin section one card rather than a second whose
    answer its title gives away), none only clozes."""
    cards = [c for d in seed_decks for c in d.cards]
    assert len(cards) >= 80
    assert set(Counter(c.type for c in cards)) == set(CardType)
    leaves = 0
    thin: list[str] = []
    for deck in seed_decks:
        for section in deck.sections:
            if any(s.id.startswith(section.id + ".") for s in deck.sections) or not section.body:
                continue
            count = sum(1 for c in deck.cards if c.section == section.id)
            reading = section.id == "I" or section.title == "Summary"  # lead and conclusion
            if reading:
                continue  # tested as a whole: the lead and the conclusion give cards
            leaves += 1
            assert count >= 1, f"{deck.id} {section.id} has no cards"
            thin += [f"{deck.id} {section.id}"] if count < 2 else []
            kinds = {c.type for c in deck.cards if c.section == section.id}
            if section.title != "Summary":  # a conclusion may be asked in its own words
                assert kinds != {CardType.CLOZE} or count < 2, f"{deck.id} {section.id}"
    assert len(thin) <= 0.25 * leaves, thin


def test_every_card_is_grounded_in_the_source(seed_decks):
    """Answers, list items and cloze deletions are verbatim text of the source; each card's
    source sentence is in its section's body or title."""
    source = _norm(SEED.read_text(encoding="utf-8"))
    for deck in seed_decks:
        for card in deck.cards:
            for answer in _answers(card):
                assert answer.strip() and _norm(answer) in source, (card.id, answer)
            for distractor in card.distractors:
                assert _norm(distractor) in source, (card.id, distractor)
            section = deck.section_by_id(card.section)
            assert section is not None, card.id
            assert _norm(card.source) in _norm(section.body + " " + section.title), card.id


def test_cards_read_well(seed_decks):
    """No dangling pronoun openings, no trivial clozes, no paragraph-long or self-revealing
    answers, no duplicate questions."""
    for deck in seed_decks:
        asked = Counter()
        for card in deck.cards:
            shown = card.text or card.question
            assert not re.match(r"^(It|Its|They|These are|This is)\b", shown), shown
            for answer in _answers(card):
                assert len(answer) <= 200, answer
            if card.type is CardType.TYPED:
                assert len(card.answer) <= 60
            if card.type is CardType.CLOZE:
                for deletion in CLOZE.findall(card.text):
                    assert deletion.lower() not in STOPWORDS and len(deletion) >= 4, card.text
                    assert deletion.lower() != "ketamine"
            else:
                assert card.question.endswith(("?", ".")), card.question
                if card.answer:
                    assert _norm(card.answer) not in _norm(card.question), card.question
            asked[(card.type, _norm(shown))] += 1
            if card.type is not CardType.CLOZE:  # same words in another order: near-duplicate
                words = frozenset(re.findall(r"\w+", card.question.casefold())) - {"a", "an", "the"}
                asked[(card.type, words)] += 1
            else:  # one hidden phrase per deck
                asked[(card.type, _norm(" ".join(CLOZE.findall(card.text))))] += 1
        assert max(asked.values()) == 1


def test_multiple_choice_never_offers_a_second_right_answer(seed_decks):
    """Distractors differ from the answer and never belong to the answer's own list."""
    for deck in seed_decks:
        lists = [set(c.items) for c in deck.cards if c.type is CardType.LIST]
        for card in deck.cards:
            if card.type is not CardType.CHOICE:
                continue
            assert len(card.distractors) >= 3
            assert len(set(card.distractors)) == len(card.distractors)
            assert card.answer not in card.distractors
            for items in lists:
                if card.answer in items:
                    assert not items & set(card.distractors), card.question


def test_ids_are_stable_and_unique(seed_decks):
    """Same source gives the same ids; ids are unique across all decks."""
    again = generate_decks(parse_file(SEED), prefix="ketamine", source_file=SOURCE_REL)
    assert [c.id for d in again for c in d.cards] == [c.id for d in seed_decks for c in d.cards]
    ids = [c.id for d in seed_decks for c in d.cards]
    assert len(ids) == len(set(ids))


def test_small_edit_keeps_ids_of_untouched_cards(seed_decks):
    """Rewording one sentence changes only the cards made from that sentence."""
    text = SEED.read_text(encoding="utf-8")
    old = "Informed consent is essential, ensuring that patients understand"
    assert old in text
    edited = text.replace(
        old, "Informed consent is essential, making sure that patients understand"
    )
    new_decks = generate_decks(parse_outline(edited), prefix="ketamine")
    new_ids = {c.id for d in new_decks for c in d.cards}
    untouched = [c for d in seed_decks for c in d.cards if "Informed consent" not in c.source]
    assert untouched and all(c.id in new_ids for c in untouched)


def test_card_id_depends_on_what_is_asked_not_on_position(seed_decks):
    """The id hashes deck id, type and the normalised key (case and spacing do not matter)."""
    from studyapp.cards.drafts import Draft

    a = Draft(CardType.CLOZE, "cloze|Informed  Consent", "V.C.1", "s", text="x")
    b = Draft(CardType.CLOZE, "cloze|informed consent", "V.C.2", "other", text="y")
    assert card_id("deck", a) == card_id("deck", b)
    assert card_id("deck", a) != card_id("other-deck", a)


def test_raw_scraped_page_gives_the_same_cards_without_chrome(seed_decks):
    """A page with a site name, a sales line and an author bio yields the same cards."""
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    title = lines.index("Therapeutic Uses of Ketamine in Medicine")  # after the front matter
    intro = next(i for i, line in enumerate(lines) if line.startswith("While ketamine"))
    lines[title] = "Pill Palace " + lines[title]
    lines[intro] += " Order now at Pill Palace for the best prices and fast delivery!"
    lines += [
        "",
        "Author",
        "",
        "  • Sam Doe",
        "",
        "    Hi! I'm Sam and I love my work, my cat and my garden.",
    ]
    raw = generate_decks(parse_outline("\n".join(lines)), prefix="ketamine", source_file=SOURCE_REL)
    clean = [(c.id, c.to_dict()) for d in seed_decks for c in d.cards]
    assert [(c.id, c.to_dict()) for d in raw for c in d.cards] == clean
    dumped = yaml.safe_dump([d.to_dict() for d in raw], allow_unicode=True)
    for chrome in ["Pill Palace", "best prices", "Sam", "Author"]:
        assert chrome not in dumped


def test_yaml_files_round_trip_with_header(tmp_path, seed_decks):
    """Each file starts with the schema line, names its source, and loads to to_dict()."""
    paths = write_decks(seed_decks, tmp_path, SOURCE_REL, "studyapp generate x --out y")
    for deck, path in zip(seed_decks, paths, strict=True):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../docs/deck.schema.json\n")
        assert SOURCE_REL in text.splitlines()[1]
        assert yaml.safe_load(text) == deck.to_dict()
        if any("\n" in s.body for s in deck.sections):
            assert "body: |" in text  # multi-line bodies are literal blocks


def test_shipped_decks_are_exactly_what_the_generator_writes(tmp_path, monkeypatch, capsys):
    """`studyapp generate <source> --out decks` reproduces the shipped decks/ byte for byte."""
    project = tmp_path / "project"
    (project / "assets" / "sources").mkdir(parents=True)
    (project / SOURCE_REL).write_bytes(SEED.read_bytes())
    monkeypatch.chdir(project)
    assert main(["generate", SOURCE_REL, "--out", "decks"]) == 0
    shipped = sorted((ROOT / "decks").glob("ketamine-*.yaml"))
    fresh = sorted((project / "decks").glob("*.yaml"))
    expected = [f"{d}.yaml" for d in EXPECTED_DECKS]
    assert [p.name for p in fresh] == [p.name for p in shipped] == expected
    for new, old in zip(fresh, shipped, strict=True):
        assert new.read_bytes() == old.read_bytes(), new.name


def test_shipped_decks_carry_their_sources_medical_notice():
    """The shipped decks show the not-medical-advice notice their source's front matter gives."""
    notice = parse_file(SEED).notice
    assert notice.startswith("Educational material for study only. It is not medical advice")
    for path in sorted((ROOT / "decks").glob("ketamine-*.yaml")):
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["notice"] == notice


def test_a_text_without_a_notice_gives_decks_without_one(tmp_path, capsys):
    """A law or history text gets no medical notice: only a source that asks has one."""
    assert (
        main(["generate", str(FIXTURES / "study_guide_letters.txt"), "--out", str(tmp_path)]) == 0
    )
    for path in tmp_path.glob("*.yaml"):
        assert "notice" not in yaml.safe_load(path.read_text(encoding="utf-8"))


def test_notice_option_overrides_the_sources_and_is_in_the_regenerate_command(tmp_path, capsys):
    """`--notice TEXT` puts a notice on every deck and the header's command repeats it."""
    source = FIXTURES / "study_guide_letters.txt"
    assert (
        main(["generate", str(source), "--out", str(tmp_path), "--notice", "Not legal advice."])
        == 0
    )
    for path in tmp_path.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert yaml.safe_load(text)["notice"] == "Not legal advice."
        assert "--notice 'Not legal advice.'" in text


def test_cli_reports_files_and_card_counts(tmp_path, capsys):
    """`studyapp generate` prints each file with its card counts and what it left out."""
    assert (
        main(
            ["generate", str(FIXTURES / "scraped_page.txt"), "--out", str(tmp_path), "--notice", ""]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "left out as not study material" in out
    assert re.search(r"wrote .*scraped-\d\d-.*\.yaml \(\d+ cards", out)
    deck = yaml.safe_load(next(tmp_path.glob("*.yaml")).read_text(encoding="utf-8"))
    assert "notice" not in deck


def test_cli_stale_decks_of_the_same_source_are_removed(tmp_path, capsys):
    """A deck file the generator wrote earlier for a topic that no longer exists is removed,
    while other files in the folder are left alone."""
    source = tmp_path / "notes.md"
    source.write_text(
        "# Notes\n\n## Alpha\n\nAlpha particles consist of two protons and two neutrons.\n\n"
        "## Beta\n\nBeta decay emits an electron from an unstable nucleus.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    command = ["generate", str(source), "--out", str(out), "--deck-per-topic"]
    assert main(command) == 0
    (out / "mine.yaml").write_text("format: 1\n", encoding="utf-8")
    source.write_text(
        source.read_text(encoding="utf-8").replace("## Beta", "## Gamma"), encoding="utf-8"
    )
    assert main(command) == 0
    names = sorted(p.name for p in out.glob("*.yaml"))
    assert names == ["mine.yaml", "notes-01-alpha.yaml", "notes-02-gamma.yaml"]


@pytest.mark.parametrize("name", ["missing.txt", "binary.bin", "empty.txt"])
def test_cli_bad_source_exits_1_with_a_message(tmp_path, capsys, name):
    """A missing, binary or empty source prints `studyapp: error: ...` and exits 1."""
    path = tmp_path / name
    if name == "binary.bin":
        path.write_bytes(b"\x00\x01\x02binary")
    elif name == "empty.txt":
        path.write_text("\n\n", encoding="utf-8")
    assert main(["generate", str(path), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("studyapp: error: ") and str(path) in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "fixture",
    ["pharmacology_notes.md", "field_manual.txt", "chapter_decimal.txt", "bullet_notes.txt"],
)
def test_other_outline_shapes_give_grounded_decks(fixture):
    """Markdown notes, a manual, a book chapter and bullet notes all give grounded decks."""
    path = FIXTURES / fixture
    decks = generate_decks(parse_file(path), prefix="t")
    assert decks
    source = _norm(path.read_text(encoding="utf-8").replace("**", ""))
    for deck in decks:
        for card in deck.cards:
            for answer in _answers(card):
                assert _norm(answer) in source, (fixture, card.id, answer)


def test_leading_it_becomes_the_subject_only_when_the_previous_sentence_is_about_it(seed_decks):
    """'It increases BDNF...' reads 'Ketamine increases...'; an 'It' about something else
    (the manual, not the pump) is left out rather than guessed."""
    increases = [
        c
        for d in seed_decks
        for c in d.cards
        if c.type is CardType.BASIC and c.source.startswith("It increases")
    ]
    assert increases
    assert all(c.question.startswith("What does ketamine increase") for c in increases)
    manual = generate_decks(parse_file(FIXTURES / "field_manual.txt"), prefix="m")
    shown = [c.text or c.question for d in manual for c in d.cards]
    assert shown and not any(s.startswith(("Pump", "It ")) for s in shown)


def test_attribute_items_in_bullet_notes_are_asked_about_their_topic():
    """'Mechanism: ...' under 'Macrolides' asks for the macrolides' mechanism, never the
    reverse ('which term is this?' -> 'Mechanism')."""
    decks = generate_decks(parse_file(FIXTURES / "bullet_notes.txt"), prefix="abx")
    cards = [c for d in decks for c in d.cards]
    by_question = {c.question: c.answer for c in cards if c.type is CardType.BASIC}
    assert (
        by_question["What is the mechanism of macrolides?"] == "inhibit the 50S ribosomal subunit"
    )
    assert "Mechanism" not in by_question.values()
    lists = [c.items for c in cards if c.type is CardType.LIST]
    assert ("rash", "anaphylaxis") in lists and ("Mechanism", "Example") not in lists


def test_numbered_introduction_and_summary_are_reading_material():
    """A '1. Introduction' opens the first deck as reading; '3. Summary' yields no deck; both
    give cards where they state facts."""
    decks = generate_decks(parse_file(FIXTURES / "antihypertensives_lecture.md"), prefix="htn")
    assert [d.id for d in decks] == ["htn-02-drug-classes"]
    deck = decks[0]
    assert deck.sections[0].title == "Introduction"
    assert {c.section[:1] for c in deck.cards} == {"1", "2", "3"}
    questions = {c.question: c for c in deck.cards}
    side_effects = questions["Name the side effects of ACE inhibitors."]
    assert side_effects.items == (
        "Dry cough (due to bradykinin accumulation)",
        "Hyperkalaemia",
        "Angioedema",
    )
    assert questions["Name examples of ACE inhibitors."].answer == "lisinopril, ramipril, enalapril"


def test_quantities_are_hidden_in_clozes():
    """A number with its unit ('180 litres') is a fact worth a cloze."""
    decks = generate_decks(parse_file(FIXTURES / "renal_crlf.md"), prefix="renal")
    texts = [c.text for d in decks for c in d.cards if c.type is CardType.CLOZE]
    assert "The glomerulus filters about {{c1::180 litres}} a day." in texts


def test_clozes_hide_noun_phrases_not_verbs():
    """'Passive transport moves substances down their concentration gradient' asks for the
    gradient (by a question or a cloze), never hides 'transport moves substances'."""
    decks = generate_decks(parse_file(FIXTURES / "chapter_excerpt.txt"), prefix="bio")
    hidden = [d for deck in decks for c in deck.cards for d in CLOZE.findall(c.text)]
    questions = {c.question: c.answer for deck in decks for c in deck.cards}
    asked = hidden + list(questions.values())
    assert any("concentration gradient" in a for a in asked)
    assert not any(" moves " in f" {h} " or h.endswith(" moves") for h in hidden)
    assert questions["What is osmosis?"] == (
        "the diffusion of water across a selectively permeable membrane"
    )


WEAK_CLOZES = [
    "quality", "history", "reduction", "adjustments", "response", "transmission",
    "conversations", "breakthroughs", "remarkable results", "effective option",
    "healthcare providers", "medical purposes", "anesthetic agent", "potential side effects",
    "greater therapeutic insights", "medication modifications", "prevent potential complications",
]  # fmt: skip


def test_clozes_hide_key_terms_not_generic_words_or_title_words(seed_decks):
    """No cloze hides a generic word ('quality' of life, 'healthcare providers') or what the
    deck's title says ('antidepressant effects' in the antidepressant deck)."""
    for deck in seed_decks:
        title = deck.title.lower()
        for card in deck.cards:
            for hidden in CLOZE.findall(card.text):
                assert hidden not in WEAK_CLOZES, card.text
                words = [w for w in re.findall(r"[\w-]+", hidden.lower()) if len(w) > 3]
                assert not all(w[:6] in title for w in words), (deck.title, card.text)


def test_no_card_leans_on_an_unseen_sentence_or_asks_about_the_outline(seed_decks):
    """No card opens with 'By doing so', 'In such cases', 'This unique ...' or 'These ...',
    and none asks which subtopics a section has."""
    for card in (c for d in seed_decks for c in d.cards):
        shown = card.text or card.question
        assert not re.match(r"^(By doing so|In such cases|This \w+|These \w+)\b", shown), shown
        assert "subtopics" not in shown


def test_cards_of_every_kind_in_every_deck(seed_decks):
    """Every deck mixes question cards (lists too) with clozes; typed answers are common, and
    there are multiple-choice cards (only where no option is given away or also right)."""
    cards = [c for d in seed_decks for c in d.cards]
    counts = Counter(c.type for c in cards)
    assert counts[CardType.CHOICE] >= 4 and counts[CardType.TYPED] >= 10
    for deck in seed_decks:
        kinds = Counter(c.type for c in deck.cards)
        assert kinds[CardType.CLOZE] < len(deck.cards) / 2 + 1, deck.id
        asked = (CardType.BASIC, CardType.TYPED, CardType.CHOICE, CardType.LIST)
        assert sum(kinds[kind] for kind in asked) >= 3, deck.id


def test_an_overview_paragraph_of_the_conclusion_goes_to_the_first_deck(seed_decks):
    """'Beyond anesthesia, ketamine has emerged as a promising treatment for depression,
    chronic pain, PTSD ...' names most topics: it is read in the first deck, not the PTSD one."""
    first = seed_decks[0].section_by_id("VIII")
    assert first is not None and "Beyond anesthesia" in first.body
    ptsd = seed_decks[3].section_by_id("VIII")
    assert ptsd is not None and "Beyond anesthesia" not in ptsd.body
    assert ptsd.body.startswith("In the realm of mental health")


def test_grounded_questions_from_the_text_with_short_answers_typed(seed_decks):
    """Sentences and list explanations give questions with verbatim answers; a short specific
    answer is typed ('intravenously'), a longer one recalled."""
    cards = {c.question: c for d in seed_decks for c in d.cards if c.question}
    route = next(c for q, c in cards.items() if q.endswith("ow is the infusion delivered?"))
    assert (route.type, route.answer) == (CardType.TYPED, "intravenously")
    makes = cards["What makes ketamine a preferred choice in patients with respiratory conditions?"]
    assert makes.answer == "bronchodilatory effects"  # from the 'Bronchodilation:' list item
    texts = {c.text: c for d in seed_decks for c in d.cards if c.text}
    resolved = [t for t in texts if t.startswith("By blocking NMDA receptors in the central")]
    for text in resolved:  # its blanks are hinted by 'pain' on screen: it may have no cloze
        assert texts[text].source.startswith("By doing so, ketamine reduces")  # verbatim source
    involve = "What does ketamine’s primary mechanism of action in pain modulation involve?"
    assert cards[involve].answer == "blocking NMDA receptors in the central nervous system"
    assert "How does ketamine reduce the transmission of pain signals?" not in cards  # same answer


def test_a_heading_with_a_one_sentence_body_is_asked_like_a_term():
    """In a study guide, 'a. Systole' with 'The ventricles contract and eject blood.' under
    '1. Cardiac Cycle' is asked what happens in it (not 'Cardiac Cycle — systole?')."""
    decks = generate_decks(parse_file(FIXTURES / "study_guide_letters.txt"), prefix="sg")
    asked = {c.question: c.answer for d in decks for c in d.cards}
    assert asked["What happens in systole?"] == "The ventricles contract and eject blood"
    assert asked["What happens in late diastole?"] == "Atrial contraction completes filling"


def test_default_prefix_is_the_file_name_word_or_the_text_s_main_title_word(tmp_path):
    """A source saved as `notes.md` gives `notes-...` ids; one saved as `000_3fa9.txt` gives
    ids named after what the text is about, not after the meaningless file name."""
    from studyapp.cards.deck_names import default_prefix

    text = (
        "Clinical Uses of Lidocaine\n\nI. Local Anesthesia\n\nA. Infiltration\n\n"
        "Lidocaine is an amide local anesthetic. Lidocaine blocks sodium channels.\n\n"
        "II. Arrhythmias\n\nLidocaine is a class Ib antiarrhythmic used for ventricular "
        "arrhythmias.\n"
    )
    outline = parse_outline(text)
    assert default_prefix(tmp_path / "notes.md", outline) == "notes"
    assert default_prefix(tmp_path / "000_3fa9c2.txt", outline) == "lidocaine"


def _decks(name: str, prefix: str = "t"):
    return generate_decks(parse_file(FIXTURES / name), prefix=prefix, join_small=False)


def test_a_manual_with_a_contents_list_gets_each_topic_once():
    """The contents list is not content: topics II-IV are one deck each, III included."""
    decks = _decks("manual_with_contents.txt", "radio")
    assert [d.id for d in decks] == [
        "radio-02-power-and-batteries",
        "radio-03-antennas",
        "radio-04-other-useful-tips",
    ]
    antennas = decks[1].section_by_id("III")
    assert antennas is not None and "long-wire antenna" in antennas.body


def test_deck_ids_are_unique_even_for_repeated_topics():
    """Two topics with the same number and title get different deck ids."""
    text = "# Notes\n\n## 1. Basics\n\nA cell is the unit of life.\n\n"
    text += "## 1. Basics\n\nAn organ is a group of tissues.\n"
    ids = [d.id for d in generate_decks(parse_outline(text), prefix="bio", join_small=False)]
    assert ids == ["bio-01-basics", "bio-01-basics-2"]


def test_tables_are_reading_material_and_cards():
    """A classification table is shown as a table and asked row x column; a caption opens
    its questions, or else its section's title, so that a card says what its rows are."""
    decks = _decks("pharmacology_tables.md", "pk")
    body = decks[0].sections[0].body
    assert "| Class | Solubility | Permeability |\n| --- | --- | --- |" in body
    assert "| Class III | High | Low |" in body
    cards = {c.question: c for d in decks for c in d.cards}
    which = cards[
        "Biopharmaceutics Classification System: which class has low solubility and high"
        " permeability?"
    ]
    assert which.answer == "Class II" and which.type is CardType.CHOICE
    assert cards["Routes of administration: what is the onset of Sublingual?"].answer == (
        "3-5 minutes"
    )


def test_a_sentence_heading_gives_a_topic_title_and_an_empty_topic_joins_its_neighbour():
    """'Alright, so now let's keep rolling with ... the cell wall differences' titles its deck
    'Cell wall differences'; 'Further Reading' has no card-worthy text and is read in the deck
    before it rather than being a deck of its own."""
    decks = _decks("lab_protocol.md", "gram")
    assert [d.title for d in decks] == ["Staining", "Cell wall differences"]
    assert [s.title for s in decks[1].sections][-2:] == ["Further Reading", "Summary"]


def test_numbered_steps_keep_their_numbers_in_the_reading_material():
    """Steps 3-5 after a paragraph are written 3-5, so the reader does not renumber them."""
    staining = _decks("lab_protocol.md", "gram")[0].sections[1]
    assert "\n1. Flood the smear" in staining.body
    assert "\n3. Cover the smear with Gram's iodine" in staining.body
    assert "\n5. Counterstain with safranin" in staining.body


def test_introduction_and_conclusion_give_cards_where_they_state_facts():
    """An introduction's and a conclusion's definitions are asked, and their other statements
    give cards like any section's ('What does Gram staining require?')."""
    decks = _decks("lab_protocol.md", "gram")
    intro = {c.question for c in decks[0].cards if c.section == "1"}
    assert "What is Gram staining?" in intro  # a name keeps its capital
    summary = {c.question for c in decks[-1].cards if c.section == "5"}
    assert "What is peptidoglycan?" in summary
    assert "What does Gram staining require?" in summary


def test_facts_in_top_level_bullets_and_label_bullets_are_asked():
    """'Depth-first search is neither complete nor optimal ...' (a bullet with no children) and
    'Frontier:' with its explanation below it both give cards."""
    cards = [c for d in _decks("ai_lecture_notes.txt", "ai") for c in d.cards]
    asked = " ".join(f"{c.question} {c.text} {c.answer}" for c in cards)
    # (the Breadth-first bullet's only blank, "optimal", is a one-word filler: asked elsewhere)
    assert "Depth-first" in asked and "infinite state spaces" in asked
    assert "the set of generated nodes not yet expanded" in asked


def test_a_very_large_topic_is_split_along_its_subsections():
    """A topic of many subsections with more cards than a deck should hold becomes several
    decks named after their subsections, each reading its own text."""
    parts = ["# Anatomy", "", "## 1. The Body", "", "An overview of the body.", ""]
    organs = ["Heart", "Lungs", "Liver", "Kidney", "Brain", "Stomach", "Spleen", "Skin"]
    syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi"]
    for n, organ in enumerate(organs, start=1):
        parts += [f"### 1.{n} The {organ}", ""]
        for k, syllable in enumerate(syllables):
            name = f"{syllable.title()}{syllables[n - 1]}{syllables[(k + n) % 8]}in"
            parts += [f"{name} is a {syllables[k]}ral hormone made by the {organ.lower()}.", ""]
    parts += ["## 2. Cells", "", "A cell is the smallest unit of life.", ""]
    decks = generate_decks(parse_outline("\n".join(parts)), prefix="anat")
    assert len(decks) >= 3
    split = [d for d in decks if d.id.startswith("anat-01")]
    assert len(split) >= 2
    assert all(len(d.cards) <= 80 for d in split)
    assert split[0].title.startswith("The Body: The Heart")
    assert [d.id[:8] for d in split] == [f"anat-01{chr(97 + i)}" for i in range(len(split))]
    assert len({d.id for d in decks}) == len(decks)
    for deck in split:
        read = {s.id for s in deck.sections}
        assert all(c.section in read for c in deck.cards)


def test_a_long_text_without_subsections_is_split_into_parts_that_read_their_cards():
    """A section of hundreds of paragraphs (a transcript, annals) becomes decks 'Kinases
    (1 of n)'..., each reading its own part of the text and asking only about it."""
    paragraphs = [
        f"Kinase{n} is an enzyme that phosphorylates the protein substrate{n} in tissue{n % 7}."
        for n in range(500)
    ]
    text = "# Enzymes\n\n## Kinases\n\n" + "\n\n".join(paragraphs) + "\n"
    decks = generate_decks(parse_outline(text), prefix="enz")
    assert len(decks) > 1
    assert [d.title for d in decks] == [
        f"Kinases ({n} of {len(decks)})" for n in range(1, len(decks) + 1)
    ]
    assert all(len(d.cards) <= 2 * 80 for d in decks)
    assert len({d.id for d in decks}) == len(decks)
    for deck in decks:
        body = normalise_space(" ".join(s.body for s in deck.sections))
        assert deck.cards and all(normalise_space(c.source) in body for c in deck.cards)
    read = " ".join(s.body for d in decks for s in d.sections)
    assert all(p in read for p in paragraphs)


def test_sentences_with_braces_of_their_own_make_no_broken_clozes():
    """Code like '{one,two}' next to a deletion would read as cloze marks: no such cloze."""
    text = (
        "# Tool\n\n## Globbing\n\nThe URL parser expands sets such as {alpha,beta} into several "
        "transfer requests. Ranges such as [1-100] are expanded into numbered transfer requests.\n"
    )
    decks = generate_decks(parse_outline(text), prefix="tool")
    for card in (c for d in decks for c in d.cards if c.type is CardType.CLOZE):
        assert not re.search(r"[{}]", CLOZE.sub("", card.text)), card.text


def test_a_text_without_headings_is_one_deck_titled_by_the_text():
    """A lecture with a title and only paragraphs is not a deck called 'Introduction'."""
    text = (
        "The Chemical History of a Candle\n\n"
        "A candle burns because its wax melts, rises up the wick and turns to vapour. "
        "The vapour burns in the air around the wick.\n\n"
        "The flame is brightest where solid carbon particles glow in the heat.\n"
    )
    (deck,) = generate_decks(parse_outline(text), prefix="candle")
    assert deck.title == "The Chemical History of a Candle"
    assert deck.id == "candle-01-the-chemical-history-of-a-candle"


def test_headings_in_capitals_are_titled_in_title_case_but_names_stay():
    """'ORDERS, COMMANDS, AND SIGNALS.' titles its deck 'Orders, Commands, and Signals';
    'HTTP' is a name and stays; 'SLEEP' (a nursing text) is a word the text also writes in
    lower case, so it is 'Sleep'."""
    text = (
        "# Manual\n\n## ORDERS, COMMANDS, AND SIGNALS.\n\nA command is an order given by voice. "
        "A signal is an order given by hand.\n\n## HTTP\n\nHTTP is a protocol for sending web "
        "pages. A request asks a server for a page.\n\n## SLEEP\n\nA baby of six months should"
        " sleep two thirds of the time. Rocking to sleep is a habit easily acquired.\n"
    )
    titles = [d.title for d in generate_decks(parse_outline(text), prefix="m", join_small=False)]
    assert titles == ["Orders, Commands, and Signals", "HTTP", "Sleep"]


def test_a_chapter_number_in_capitals_stays_a_roman_number():
    """'CHAPTER VII' (history) titles its deck 'Chapter VII', not 'Chapter Vii'; 'PART IV. THE
    WAR' gives 'Part IV. The War'; 'CIVIL LAW' is not a number."""
    text = (
        "# Histories\n\n## CHAPTER VII\n\nThe plague broke out in Athens in 430 BC. Pericles,"
        " the leader of Athens, died of the plague in 429 BC.\n\n## PART IV. THE WAR\n\n"
        "Sparta invaded Attica every summer. The Athenians sent ships round the Peloponnese."
        "\n\n## CIVIL LAW\n\nA tort is a civil wrong. Damages compensate the injured party.\n"
    )
    titles = [d.title for d in generate_decks(parse_outline(text), prefix="h", join_small=False)]
    assert titles == ["Chapter VII", "Part IV. The War", "Civil Law"]
    dashed = (
        "# Histories\n\n## CHAPTER XIV--ENGLAND UNDER KING JOHN\n\nJohn lost Normandy to the"
        " French king in 1204. The barons rose against him.\n"
    )
    decks = generate_decks(parse_outline(dashed), prefix="d", join_small=False)
    assert [d.title for d in decks] == ["Chapter XIV--England Under King John"]


def test_a_title_the_document_repeats_names_its_parent():
    """A law outline's 'Holding' under each case becomes 'Pennoyer v. Neff: Holding', so the
    quiz line above a card says which case it is about; a unique title stays as written."""
    text = (
        "# Jurisdiction\n\n## Presence\n\n### Pennoyer v. Neff\n\n#### Holding\n\n"
        "Service by publication on a non-resident defendant is ineffective.\n\n"
        "### Burnham v. Superior Court\n\n#### Holding\n\n"
        "Tag jurisdiction over a person present in the state satisfies due process.\n"
    )
    decks = generate_decks(parse_outline(text), prefix="law")
    titles = [s.title for d in decks for s in d.sections]
    assert "Pennoyer v. Neff: Holding" in titles
    assert "Burnham v. Superior Court: Holding" in titles
    assert "Pennoyer v. Neff" in titles


def test_references_and_exercises_are_read_but_give_no_cards():
    """A chapter's references and its review questions stay in the reading material, but no
    card asks a citation's title or a problem's set-up numbers."""
    text = "\n".join(
        [
            "# Measuring GDP",
            "",
            "## GDP by demand",
            "",
            "Gross domestic product is the value of all final goods and services produced in a"
            " country in a year. Consumption spending is the largest component of GDP in the"
            " United States. Business investment is the most volatile component of GDP.",
            "",
            "## Self-Check Questions",
            "",
            "Country A has export sales of 20 billion dollars and imports of 40 billion"
            " dollars. Government purchases in Country A are 1,000 billion dollars.",
            "",
            "## References",
            "",
            "Schneider, Friedrich. Size and Development of the Shadow Economy of 31 European"
            " Countries from 2003 to 2013. Vienna: Linz University Press, 2013.",
            "",
            "## Search problems",
            "",
            "Gross national product is the value of all final goods produced by a country's"
            " residents in a year, wherever they live.",
            "",
            "## Free Response",
            "",
            "Briefly describe how consumption spending is measured in the national accounts.",
            "",
            "## Source(s) and further reading",
            "",
            "- A word on measuring output",
            "- National accounts, a primer",
            "",
            "## Source(s) and further reading: national accounts",
            "",
            "- Measuring the shadow economy",
            "- Accounts of thirty-one countries",
            "",
            "## Section Quiz",
            "",
            "Which component of GDP is the largest in the United States, consumption or exports?",
            "",
            "## Solution to Exercise 1",
            "",
            "Net exports are exports minus imports, so Country A has net exports of minus 20.",
            "",
            "## Fill in the Blank",
            "",
            "Gross domestic product measures the market value of final goods and services.",
            "",
            "## Short Answer",
            "",
            "Investment spending on capital goods varies strongly over the business cycle.",
            "",
            "## Questions on the Text",
            "",
            "The difference between gross and net investment in the national accounts.",
            "",
            "## Practice Opportunity 2",
            "",
            "The given figure for each country is just one example of a correct estimate.",
            "",
            "## Research Topics",
            "",
            "Biographical studies: John Maynard Keynes, Simon Kuznets and Richard Stone.",
            "",
            "## Suggested Readings",
            "",
            "Reference: Coyle, GDP: A Brief but Affectionate History, chapters 1 and 2.",
        ]
    )
    decks = generate_decks(parse_outline(text), prefix="gdp")
    titles = {s.id: s.title for d in decks for s in d.sections}
    apparatus = {
        "Self-Check Questions",
        "References",
        "Source(s) and further reading",
        "Source(s) and further reading: national accounts",
        "Free Response",
        "Section Quiz",
        "Solution to Exercise 1",
        "Fill in the Blank",
        "Short Answer",
        "Questions on the Text",
        "Practice Opportunity 2",
        "Research Topics",
        "Suggested Readings",
    }
    assert apparatus <= set(titles.values())
    carded = {titles[c.section] for d in decks for c in d.cards}
    assert carded and carded.isdisjoint(apparatus)
    assert "Search problems" in carded  # a topic named with "problems" is no exercise list


def test_a_question_keeps_the_capital_of_a_name_the_text_always_capitalises():
    """'Caere is the first ...' asks 'What is Caere?', never 'What is caere?' (history), and
    'Python is ...' asks 'What is Python?' (computing); an everyday first word is lowered."""
    text = (
        "# Early Italy\n\nCaere is the first of all the Italian towns that is mentioned in Greek"
        " records. The merchants of Caere traded with Carthage.\n\n"
        "# Statistics with code\n\nPython is a general-purpose language with statistics"
        " modules. Analysts often choose Python for data work.\n\n"
        "Photosynthesis is the process by which green plants turn light into sugar. Without"
        " photosynthesis, plants starve.\n"
    )
    decks = generate_decks(parse_outline(text), prefix="t")
    questions = {c.question for d in decks for c in d.cards}
    assert "What is Caere?" in questions
    assert "What is Python?" in questions
    assert "What is photosynthesis?" in questions
    assert not any("caere" in q or "python" in q for q in questions)


def test_learning_objectives_give_no_cards_and_the_text_after_them_does():
    """ "Review some popular [public resources] for ..." under "Learning Objectives" says what
    the student will do, not what they learn (biology, astronomy); the opening paragraph that
    follows the list in the same section is content and is asked."""
    for objectives, opening, term in (
        (
            "Review some popular public resources for accessing genomic data",
            "Chromatin is the complex of DNA and histone proteins that packs the genome.",
            "Chromatin",
        ),
        (
            "Explain the origin of meteorites",
            "Any debris that survives its plunge through the atmosphere is a meteorite.",
            "meteorite",
        ),
    ):
        text = (
            f"# Notes\n\n## Learning Objectives\n\nBy the end you will be able to:\n\n"
            f"* {objectives}\n* Describe the methods used in the field today\n\n{opening}\n\n"
            "## Methods\n\nThe method of this field is careful observation of samples.\n"
        )
        decks = generate_decks(parse_outline(text), prefix="n")
        shown = " ".join(f"{c.question} {c.text} {c.answer}" for d in decks for c in d.cards)
        assert "public resources" not in shown and "origin of meteorites" not in shown
        assert term in shown


_FACTS = [
    "The Normans conquered England in 1066. William was crowned at Westminster.",
    "Sodium chloride is an ionic compound whose crystals are cubic.",
    "A tort is a civil wrong that causes a claimant to suffer loss.",
    "Photosynthesis is the process by which plants turn light into chemical energy.",
    "The Magna Carta limited the power of the English king in 1215.",
    "An isotope is a form of an element with a different number of neutrons.",
    "A contract is an agreement that the law will enforce.",
    "Osmosis is the movement of water across a membrane towards the higher solute level.",
    "The Black Death reached England in 1348 and killed a third of its people.",
    "A catalyst is a substance that speeds up a reaction without being used up.",
    "Negligence is a failure to take the care a reasonable person would take.",
    "Mitochondria are the organelles that release energy from glucose in a cell.",
]


def _short_chapters(n: int) -> str:
    """A text of ``n`` short chapters of one or two facts each (history, chemistry, law,
    biology)."""
    return "# Notes\n\n" + "".join(
        f"## Chapter {i + 1}. Topic {chr(65 + i)}\n\n{_FACTS[i]}\n\n" for i in range(n)
    )


def test_neighbouring_small_topics_are_studied_as_one_deck_and_keep_their_card_ids():
    """Twelve chapters of a card or two make a few decks of six cards or more, not twelve
    decks; each joined deck is titled by its topics, holds their reading in order, and every
    card keeps the id it has in a deck of its own (so progress follows it)."""
    outline = parse_outline(_short_chapters(12))
    apart = generate_decks(outline, prefix="n", join_small=False)
    joined = generate_decks(outline, prefix="n")
    assert len(apart) == 12 and all(len(d.cards) < 3 for d in apart)
    assert 1 < len(joined) < 6
    assert all(len(d.cards) >= 6 for d in joined[:-1])
    assert [c.id for d in joined for c in d.cards] == [c.id for d in apart for c in d.cards]
    assert [s.id for d in joined for s in d.sections] == [s.id for d in apart for s in d.sections]
    assert joined[0].id == apart[0].id
    first_titles = joined[0].title.split(" · ") if " … " not in joined[0].title else []
    assert first_titles == [d.title for d in apart[: len(first_titles)]]
    assert len({d.id for d in joined}) == len(joined)


def test_a_small_topic_between_larger_ones_keeps_its_own_deck():
    """A one-card topic between two topics of many cards stays a deck of its own: joined to
    a larger topic it would be hidden there."""
    division = (
        "Mitosis is the division of a nucleus into two identical nuclei. Meiosis is the division"
        " that halves the number of chromosomes. A gamete is a sex cell. A zygote is a fertilized"
        " egg cell. Interphase is the stage in which the cell grows.\n\n"
    )
    energy = (
        "Glycolysis is the splitting of glucose into two molecules of pyruvate. Fermentation is"
        " the release of energy from glucose without oxygen. ATP is the molecule that carries"
        " energy within cells. A ribosome is the organelle that makes proteins.\n\n"
    )
    text = (
        f"# Cells\n\n## Division\n\n{division}## Aside\n\nA tort is a civil wrong that causes"
        f" a claimant to suffer loss.\n\n## Energy\n\n{energy}"
    )
    decks = generate_decks(parse_outline(text), prefix="c")
    assert [len(d.cards) >= 3 for d in decks] == [True, False, True]
    assert decks[1].title == "Aside"


def test_cli_writes_a_deck_per_topic_when_asked(tmp_path):
    """`studyapp generate --deck-per-topic` writes one file for every chapter; without it the
    small chapters share files."""
    source = tmp_path / "notes.md"
    source.write_text(_short_chapters(8), encoding="utf-8")
    assert main(["generate", str(source), "--out", str(tmp_path / "a"), "--deck-per-topic"]) == 0
    assert main(["generate", str(source), "--out", str(tmp_path / "b")]) == 0
    assert len(list((tmp_path / "a").glob("*.yaml"))) == 8
    assert 1 < len(list((tmp_path / "b").glob("*.yaml"))) < 8


def test_an_old_books_glossary_gives_a_definition_card_per_entry():
    """A glossary printed as 'TERM.--Explanation.' paragraphs (a natural-history book's, a
    law book's) is read as terms and explanations: each entry asks 'What is X?', with "a"
    where its explanation opens on one ('What is a ganglion?': "A swelling or knot ...")."""
    text = (
        "GLOSSARY OF THE PRINCIPAL TERMS.\n\n"
        "ALBINISM.--The state of being an albino, an animal in which the usual colouring\n"
        "matters of its species have not been produced in the skin.\n\n"
        "ALGAE.--A class of plants including the ordinary sea-weeds and the filamentous\n"
        "fresh-water weeds.\n\n"
        "GANGLION.--A swelling or knot from which nerves are given off as from a centre.\n\n"
        "TORT.--A civil wrong for which the law gives damages to the injured party.\n"
    )
    questions = {
        c.question for d in generate_decks(parse_outline(text), prefix="g") for c in d.cards
    }
    assert {
        "What is albinism?",
        "What is algae?",
        "What is a ganglion?",
        "What is a tort?",
    } <= questions


_DICTIONARY = (
    "N.\n\n"
    "NADIR. The lower pole of the rational horizon, the other being the zenith.\n\n"
    "NAID. A northern term for a lamprey, or large eel.\n\n"
    "NAKED. State of a ship's bottom without sheathing.\n\n"
    "NAUTICAL. Relating to navigation, sailors, or maritime affairs in general.\n\n"
    "NEGROHEAD. Hard-rolled tobacco.\n\n"
    "NIGHT-CAP. Warm grog taken just before turning in.\n"
)


def test_a_dictionary_without_dashes_gives_a_card_per_entry():
    """A dictionary printed as 'TERM. Explanation.' paragraphs in alphabetical order (a
    sailor's word-book) is read as terms and explanations, whatever the word class of the
    headword ('NAUTICAL. Relating to ...') or the grammar of the explanation ('Hard-rolled
    tobacco.')."""
    cards = [c for d in generate_decks(parse_outline(_DICTIONARY), prefix="n") for c in d.cards]
    answers = {c.question: c.answer for c in cards}
    assert answers["What is nadir?"].startswith("The lower pole of the rational horizon")
    assert answers["What is meant by nautical?"].startswith("Relating to navigation")
    assert answers["What is meant by negrohead?"] == "Hard-rolled tobacco"
    assert len([c for c in cards if c.question.startswith("What is")]) >= 5


def test_shouted_side_heads_out_of_alphabetical_order_stay_text():
    """A geology chapter's run-in heads ('SAND REEFS. On many coasts ...') have a
    dictionary's shape but not its order: no card asks 'What is meant by sand reefs?'."""
    text = (
        "# Shores\n\n"
        "WAVES. The waves of storms break on the cliff and cut a notch at its foot.\n\n"
        "SEA CAVES. Where the rock is weak, the waves hollow out caves in the cliff.\n\n"
        "COVES. Small bays are cut where the rock is softer than on either side.\n\n"
        "BEACHES. The waste of the cliff is spread along the shore as sand and gravel.\n\n"
        "SAND REEFS. On low coasts the waves build a reef of sand off the shore.\n"
    )
    cards = [c for d in generate_decks(parse_outline(text), prefix="s") for c in d.cards]
    assert not [c for c in cards if c.question.startswith("What is meant by")]


def test_a_summary_at_the_top_of_a_chapter_is_not_its_conclusion():
    """A chapter that opens with its 'Summary' (an overview of the fallacies it treats) keeps
    that section's cards in place; only a summary in the second half closes the text."""
    text = (
        "# Probability judgments\n\n## Summary\n\n"
        "- Base-rate neglect is the tendency to ignore general probabilities when judging a"
        " specific case.\n"
        "- Probability matching is a strategy where people predict outcomes in proportion to"
        " their observed frequencies.\n\n"
        "## The conjunction fallacy\n\n"
        "The conjunction fallacy occurs when people judge two events together as more likely"
        " than one of them alone.\n\n"
        "## The gambler's fallacy\n\n"
        "The gambler's fallacy is the mistaken belief that an event is less likely after it"
        " has happened often.\n"
    )
    cards = [c for d in generate_decks(parse_outline(text), prefix="p") for c in d.cards]
    assert "What is base-rate neglect?" in {c.question for c in cards}
