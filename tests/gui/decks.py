"""Small real decks for the GUI tests, written as YAML files and read by the real loader."""

from __future__ import annotations

from pathlib import Path

import yaml

from studyapp.model import Card, CardType, Deck, Section, SourceInfo

SOURCE = SourceInfo(title="Ketamine in medicine: a study outline", file="outline.txt")
LONG = " ".join(
    f"Sentence {n} explains one more point about dosing, monitoring and recovery in detail."
    for n in range(1, 60)
)

NOTICE = "Educational material for study only. It is not medical advice."


def anesthesia_deck() -> Deck:
    """A deck with nested sections, one long enough to scroll, and ten cards."""
    sections = (
        Section(
            id="I",
            number="I.",
            title="Ketamine in anesthesia",
            level=1,
            body="Ketamine is a **dissociative anesthetic** used for induction.",
        ),
        Section(
            id="I.A",
            number="A.",
            title="Mechanism",
            level=2,
            body="**NMDA receptor**: ketamine blocks the NMDA receptor. "
            "It keeps airway reflexes and breathing largely intact.",
        ),
        Section(
            id="I.B",
            number="B.",
            title="Dosing and monitoring",
            level=2,
            body="The usual induction dose is 1 to 2 mg/kg intravenously.\n\n" + LONG,
        ),
        Section(
            id="I.B.1",
            number="1.",
            title="Children",
            level=3,
            body="Intramuscular ketamine is common for procedures in children.",
        ),
        Section(
            id="I.C",
            number="C.",
            title="Side effects",
            level=2,
            body="Emergence reactions such as vivid dreams can follow anesthesia.",
        ),
    )
    cards = (
        Card(
            id="an-1",
            type=CardType.BASIC,
            section="I",
            question="What kind of anesthetic is ketamine?",
            answer="A dissociative anesthetic",
            source="Ketamine is a dissociative anesthetic used for induction.",
        ),
        Card(
            id="an-2",
            type=CardType.BASIC,
            section="I.A",
            question="Which receptor does ketamine block?",
            answer="The NMDA receptor",
            source="ketamine blocks the NMDA receptor.",
        ),
        Card(
            id="an-3",
            type=CardType.CLOZE,
            section="I.A",
            text="Ketamine keeps {{c1::airway reflexes}} and breathing largely intact.",
            source="It keeps airway reflexes and breathing largely intact.",
        ),
        Card(
            id="an-4",
            type=CardType.TYPED,
            section="I.B",
            question="Usual intravenous induction dose (mg/kg)?",
            answer="1 to 2 mg/kg",
            accept=("1-2 mg/kg",),
            source="The usual induction dose is 1 to 2 mg/kg intravenously.",
        ),
        Card(
            id="an-5",
            type=CardType.CHOICE,
            section="I.B.1",
            question="Which route is common for procedures in children?",
            answer="Intramuscular",
            distractors=("Inhaled", "Transdermal", "Rectal"),
            source="Intramuscular ketamine is common for procedures in children.",
        ),
        Card(
            id="an-6",
            type=CardType.BASIC,
            section="I.C",
            question="Name an emergence reaction.",
            answer="Vivid dreams",
            source="Emergence reactions such as vivid dreams can follow anesthesia.",
        ),
        Card(
            id="an-7",
            type=CardType.BASIC,
            section="I.B",
            question="How is the induction dose given?",
            answer="Intravenously",
            source="The usual induction dose is 1 to 2 mg/kg intravenously.",
        ),
        Card(
            id="an-8",
            type=CardType.LIST,
            section="I.A",
            question="What does ketamine keep largely intact?",
            items=("airway reflexes", "breathing"),
            source="It keeps airway reflexes and breathing largely intact.",
        ),
        Card(
            id="an-9",
            type=CardType.BASIC,
            section="I.C",
            question="When can emergence reactions happen?",
            answer="After anesthesia",
            source="Emergence reactions such as vivid dreams can follow anesthesia.",
        ),
        Card(
            id="an-10",
            type=CardType.BASIC,
            section="I",
            question="What is ketamine used for in anesthesia?",
            answer="Induction",
            source="Ketamine is a dissociative anesthetic used for induction.",
        ),
    )
    return Deck(
        id="ketamine-anesthesia",
        title="Ketamine in anesthesia",
        sections=sections,
        cards=cards,
        source=SOURCE,
        notice=NOTICE,
    )


def depression_deck() -> Deck:
    """A second, smaller deck from the same source."""
    sections = (
        Section(
            id="II",
            number="II.",
            title="Ketamine for depression",
            level=1,
            body="Low-dose ketamine can relieve **treatment-resistant depression** quickly.",
        ),
        Section(
            id="II.A",
            number="A.",
            title="Esketamine",
            level=2,
            body="Esketamine is given as a nasal spray under supervision.",
        ),
    )
    cards = (
        Card(
            id="dep-1",
            type=CardType.BASIC,
            section="II",
            question="What kind of depression does low-dose ketamine relieve?",
            answer="Treatment-resistant depression",
            source="Low-dose ketamine can relieve treatment-resistant depression quickly.",
        ),
        Card(
            id="dep-2",
            type=CardType.BASIC,
            section="II.A",
            question="How is esketamine given?",
            answer="As a nasal spray",
            source="Esketamine is given as a nasal spray under supervision.",
        ),
        Card(
            id="dep-3",
            type=CardType.BASIC,
            section="II.A",
            question="Is esketamine taken unsupervised?",
            answer="No, under supervision",
            source="Esketamine is given as a nasal spray under supervision.",
        ),
    )
    return Deck(
        id="ketamine-depression",
        title="Ketamine for depression",
        sections=sections,
        cards=cards,
        source=SOURCE,
        notice=NOTICE,
    )


def write_deck(deck: Deck, folder: Path) -> Path:
    """Write ``deck`` as a YAML deck file in ``folder``; returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{deck.id}.yaml"
    path.write_text(
        yaml.safe_dump(deck.to_dict(), sort_keys=False, allow_unicode=True, width=100),
        encoding="utf-8",
    )
    return path


def write_test_decks(folder: Path) -> list[Path]:
    """Both test decks as YAML files in ``folder``."""
    return [write_deck(anesthesia_deck(), folder), write_deck(depression_deck(), folder)]


IMAGE_NAME = "pixel.png"  # a real image beside the deck, which no deck text may load


def html_deck(folder: Path) -> Deck:
    """A deck whose title, notice and section are HTML (with an image in ``folder`` that a
    rendered page would load), as a careless or hostile deck file could have them."""
    image = (folder / IMAGE_NAME).as_uri()
    return Deck(
        id="markup",
        title=f'<b style="color:red">Bold</b> deck<img src="{image}">',
        notice='<span style="display:none">Not medical advice.</span>Trust me',
        source=SOURCE,
        sections=(
            Section(
                id="I",
                number="I.",
                title='<span style="display:none">Hidden</span>Heading',
                level=1,
                body=f'<div style="display:none">The whole body.</div>\n\n![pic]({image}) '
                "and a [link](file:///etc/hostname).",
            ),
        ),
        cards=(Card("markup-1", CardType.BASIC, "q?", "a", section="I"),),
    )
