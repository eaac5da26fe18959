"""Outlines in many shapes become the section tree the student reads and the generator uses."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.cards.generate import generate_decks
from studyapp.errors import OutlineError
from studyapp.outline.nodes import ItemList, Paragraph
from studyapp.outline.parse import MAX_BYTES, parse_file, parse_outline
from tests.locations import OUTLINE_FIXTURES, ROOT

SEED = ROOT / "assets" / "sources" / "ketamine-therapeutic-uses.txt"
FIXTURES = OUTLINE_FIXTURES


def _ids(outline) -> list[str]:
    return [s.id for s in outline.walk()]


def _section(outline, section_id):
    return next(s for s in outline.walk() if s.id == section_id)


def test_seed_outline_has_roman_sections_with_lead_numbered_one():
    """The ketamine article's lead section becomes I, then II-VIII with A/B/C and 1/2 below."""
    outline = parse_file(SEED)
    assert outline.title == "Therapeutic Uses of Ketamine in Medicine"
    assert [s.number for s in outline.sections] == [
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
    ]
    lead = outline.sections[0]
    assert lead.lead and lead.title == "Importance of Therapeutic Uses of Ketamine in Medicine"
    assert lead.line == 11  # the source line, after its 4 lines of front matter
    assert _section(outline, "II").line == 15
    assert _section(outline, "II.A.1").title == "Induction and Maintenance of Anesthesia"
    assert _section(outline, "II.A.1").level == 3
    assert len(_ids(outline)) == len(set(_ids(outline)))
    conclusion = outline.sections[-1]
    assert conclusion.title == "Conclusion" and len(conclusion.paragraphs) == 10


def test_seed_lists_have_captions_and_terms():
    """'Advantages:' and 'Limitations:' caption two lists of 'Term: explanation' items."""
    section = _section(parse_file(SEED), "II.A.2")
    lists = section.lists
    assert [lst.caption for lst in lists] == ["Advantages", "Limitations"]
    assert [i.term for i in lists[0].items] == [
        "Hemodynamic Stability",
        "Bronchodilation",
        "Minimal Respiratory Depression",
    ]
    first = lists[0].items[0]
    assert first.explanation.startswith("Ketamine maintains cardiovascular stability")
    assert first.line == 27


def test_markdown_lecture_notes():
    """Markdown headings (also '##Title' without a space), bold terms, lists and a caption."""
    outline = parse_file(FIXTURES / "pharmacology_notes.md")
    assert outline.title == "Pharmacology Lecture 3: Local Anaesthetics"
    assert [(s.id, s.title, s.level) for s in outline.walk()] == [
        ("intro", "Introduction", 1),
        ("1", "Pharmacokinetics", 1),
        ("1.1", "Absorption", 2),
        ("1.2", "Metabolism", 2),
        ("2", "Toxicity", 1),
        ("3", "Clinical Uses", 1),
    ]
    absorption = _section(outline, "1.1")
    assert absorption.paragraphs[0].text.startswith("Absorption depends on the site of injection")
    assert "**" not in absorption.paragraphs[0].text
    assert [i.term for i in absorption.lists[0].items] == [
        "Intercostal block",
        "Subcutaneous infiltration",
    ]
    metabolism = _section(outline, "1.2").lists[0]
    assert metabolism.ordered and metabolism.items[0].text == "Lidocaine is an amide."
    toxicity = _section(outline, "2").lists[0]
    assert toxicity.caption == "Systemic toxicity shows first in the central nervous system"
    assert [i.text for i in toxicity.items] == ["Perioral numbness", "Tinnitus", "Seizures"]
    assert toxicity.items[1].children[0].text == "often the earliest complaint"


def test_plain_text_manual_with_false_heading_lookalikes():
    """I./A./1. nesting; 'I. e. ...' and 'A. Smith found ...' stay text; a numbered list with
    a caption stays a list."""
    outline = parse_file(FIXTURES / "field_manual.txt")
    assert outline.title == "FIELD PUMP OPERATING MANUAL"
    assert _ids(outline) == ["I", "I.A", "I.B", "II", "II.A", "II.B", "II.C", "III", "III.A"]
    purpose = _section(outline, "I.A").paragraphs[0].text
    assert "I. e. readers who passed the basic course." in purpose
    startup = _section(outline, "II.A").lists[0]
    assert startup.caption == "Before starting, check the following" and startup.ordered
    assert len(startup.items) == 3
    running = _section(outline, "II.B").paragraphs[0].text
    assert running.startswith("A. Smith found that the pump runs best at half throttle.")


def test_decimal_numbered_book_chapter():
    """'1 Introduction', '1.1', '1.2.1' nest by their numbers."""
    outline = parse_file(FIXTURES / "chapter_decimal.txt")
    assert [(s.id, s.level) for s in outline.walk()] == [
        ("1", 1),
        ("1.1", 2),
        ("1.2", 2),
        ("1.2.1", 3),
        ("1.2.2", 3),
        ("2", 1),
        ("2.1", 2),
    ]
    assert _section(outline, "1.2.1").paragraphs[0].text.startswith("Prokaryotic cells lack")


def test_notes_made_only_of_bullets():
    """Top-level bullets become sections, nested bullets their content."""
    outline = parse_file(FIXTURES / "bullet_notes.txt")
    assert outline.title == "Antibiotic revision notes"
    assert [(s.id, s.title) for s in outline.walk()] == [
        ("1", "Penicillins"),
        ("1.1", "Adverse effects"),
        ("2", "Macrolides"),
        ("3", "Aminoglycosides"),
    ]
    items = _section(outline, "2").lists[0].items
    assert [(i.term, i.explanation) for i in items] == [
        ("Mechanism", "inhibit the 50S ribosomal subunit"),
        ("Example", "erythromycin"),
    ]
    assert [i.text for i in _section(outline, "1.1").lists[0].items] == ["rash", "anaphylaxis"]


def test_repeated_title_lines_and_site_name_collapse_into_one_title():
    """A site name on the first title line and repeated title lines give one title."""
    text = "Brain Base Neurons 101\n\nNeurons 101\n\nNeurons 101\n\nI. Cells\n\nNeurons fire.\n"
    outline = parse_outline(text)
    assert outline.title == "Neurons 101"
    assert [s.title for s in outline.sections] == ["Cells"]


def test_letter_i_after_h_is_a_letter_not_roman_one():
    """Under a Roman section, 'I.' following 'H.' is the ninth letter, not section one."""
    letters = "ABCDEFGHI"
    body = "\n\n".join(f"{c}. Topic {c}\n\nText about {c}." for c in letters)
    outline = parse_outline(f"I. Main\n\n{body}\n\nII. Next\n\nMore text.\n")
    assert [s.id for s in outline.sections] == ["I", "II"]
    assert [c.number for c in outline.sections[0].children] == list(letters)


def test_numbered_line_inside_a_paragraph_is_not_a_heading():
    """'2. ...' continuing a paragraph's lines is text, not a new section."""
    text = (
        "I. Doses\n\nThe adult dose is\n2. Mg per kilogram in most cases\nand less in children.\n"
    )
    outline = parse_outline(text)
    assert [s.id for s in outline.walk()] == ["I"]
    assert isinstance(outline.sections[0].blocks[0], Paragraph)


def test_text_without_structure_is_one_section():
    """A plain paragraph with no headings still gives a tree: one section of text."""
    outline = parse_outline("Just one paragraph about enzymes. They speed up reactions.")
    assert len(outline.sections) == 1
    assert outline.sections[0].paragraphs[0].text.startswith("Just one paragraph")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\n\t \n", "empty"),
        ("abc\x00def", "binary"),
        ("Home | About | Contact\n", "nothing to study"),
    ],
)
def test_unusable_text_gives_a_clear_error(text, message):
    """Empty, binary or chrome-only text raises OutlineError with a precise message."""
    with pytest.raises(OutlineError, match=message):
        parse_outline(text)


def test_too_large_text_is_refused():
    """More than 5 MB of text is refused before parsing."""
    with pytest.raises(OutlineError, match="too large"):
        parse_outline("a" * (MAX_BYTES + 1))


def test_unreadable_files_give_clear_errors(tmp_path):
    """Missing, binary, non-UTF-8 and folder sources are refused with the path in the message."""
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 notes".encode("latin-1"))
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_BYTES + 10))
    cases = [
        (tmp_path / "missing.txt", "no such file"),
        (binary, "binary"),
        (latin, "not UTF-8"),
        (tmp_path, "folder"),
        (big, "too large"),
    ]
    for path, message in cases:
        with pytest.raises(OutlineError, match=message) as info:
            parse_file(path)
        assert str(path) in str(info.value)


def test_blocks_keep_their_source_order():
    """Paragraphs and lists of a section keep the order they have in the source."""
    text = "I. Topic\n\nFirst paragraph.\n\nKinds:\n- One\n- Two\n\nLast paragraph.\n"
    blocks = parse_outline(text).sections[0].blocks
    assert [type(b) for b in blocks] == [Paragraph, ItemList, Paragraph]
    assert blocks[1].caption == "Kinds"


OUTLINE_LINES = st.sampled_from(
    [
        "II. Anesthetic Uses",
        "A. Induction",
        "1. Rapid onset",
        "I. e. a remark",
        "1.2.3 Decimal Part",
        "## Heading",
        "#Heading",
        "  • Term: explanation here.",
        "- bullet",
        "    - nested",
        "Advantages:",
        "Plain sentence. Another one (ABC) follows.",
        "Trippy Site Title Line",
        "Author",
        "Home | About | Contact",
        "",
        "```",
        "===",
    ]
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(max_size=400),
        st.lists(OUTLINE_LINES | st.text(max_size=40), max_size=30).map("\n".join),
    )
)
def test_arbitrary_text_never_crashes_parser_or_generator(text):
    """Any text gives decks or an OutlineError, never another exception."""
    try:
        outline = parse_outline(text)
    except OutlineError:
        return
    decks = generate_decks(outline, prefix="fuzz")
    for deck in decks:
        deck.to_dict()


def test_markdown_with_front_matter_quotes_tables_code_and_bold_terms():
    """Front matter and code are skipped, a table is a table; '**Examples:** a, b' is a term
    item."""
    outline = parse_file(FIXTURES / "antihypertensives_lecture.md")
    assert outline.title == "Antihypertensive Drugs"
    assert [(s.id, s.number, s.title) for s in outline.walk()] == [
        ("1", "1", "Introduction"),
        ("2", "2", "Drug Classes"),
        ("2.1", "2.1", "ACE inhibitors"),
        ("2.2", "2.2", "Beta blockers"),
        ("3", "3", "Summary"),
    ]
    ace = _section(outline, "2.1")
    first, second = ace.lists
    assert [(i.term, i.explanation) for i in first.items] == [
        ("Examples", "lisinopril, ramipril, enalapril")
    ]
    assert second.caption == "Side effects" and len(second.items) == 3
    (table,) = ace.tables
    assert (table.header, table.rows) == (["Drug", "Half-life"], [["Lisinopril", "12 h"]])
    everything = " ".join(
        getattr(b, "text", "") + " ".join(i.text for i in getattr(b, "items", []))
        for s in outline.walk()
        for b in s.blocks
    )
    for skipped in ["title: Antihypertensives", "Half-life", "ignore me", ">"]:
        assert skipped not in everything
    assert "Lecture 7, Cardiovascular block" not in [s.title for s in outline.walk()]


def test_title_only_markdown_with_numbered_sections_crlf_and_tabs():
    """'# Title' then '1. Filtration' sections (Windows line ends, tab-indented bullets)."""
    outline = parse_file(FIXTURES / "renal_crlf.md")
    assert outline.title == "Renal Notes"
    assert [(s.id, s.title, s.line) for s in outline.walk()] == [
        ("1", "Filtration", 3),
        ("2", "Reabsorption", 8),
    ]
    filtration = outline.sections[0].paragraphs[0].text
    assert filtration == "The glomerulus filters about 180 litres a day."
    assert [i.term for i in outline.sections[1].lists[0].items] == ["Sodium", "Glucose"]


def test_lower_case_letters_and_roman_numerals_nest():
    """1. > a. > i.: 'i.' after 'b.' starts Roman sub-points, not the letter after h."""
    outline = parse_file(FIXTURES / "study_guide_letters.txt")
    assert outline.title == "Study Guide"
    assert [s.id for s in outline.walk()] == ["1", "1.a", "1.b", "1.b.i", "1.b.ii", "2"]
    assert _section(outline, "1.b.ii").paragraphs[0].text == "Atrial contraction completes filling."


def test_chapter_excerpt_with_wrapped_paragraphs():
    """'Chapter 3 ...' is the title; 3.1, 3.1.1, 3.2 nest; wrapped lines join into paragraphs."""
    outline = parse_file(FIXTURES / "chapter_excerpt.txt")
    assert outline.title == "Chapter 3 Membrane Transport"
    assert [(s.id, s.level) for s in outline.walk()] == [("3.1", 1), ("3.1.1", 2), ("3.2", 1)]
    osmosis = _section(outline, "3.1.1").paragraphs[0]
    assert osmosis.text == (
        "Osmosis is the diffusion of water across a selectively permeable membrane."
    )
    assert osmosis.line == 11


def test_a_table_of_contents_is_skipped_and_each_topic_read_once():
    """A contents list before the body does not make every topic appear twice."""
    outline = parse_file(FIXTURES / "manual_with_contents.txt")
    assert [(s.number, s.title) for s in outline.walk()] == [
        ("I", "Introduction"),
        ("II", "Power and Batteries"),
        ("III", "Antennas"),
        ("IV", "Other useful tips"),
    ]
    assert all(s.blocks for s in outline.walk())


def test_restructuredtext_headings_nest_by_their_underlines():
    """reST over- and underlined headings ('***', '===', '---', '~~~') nest in order of use."""
    outline = parse_file(FIXTURES / "network_chapter.rst")
    assert outline.title == "Data Link Networks"
    assert [(s.id, s.title) for s in outline.walk()] == [
        ("1", "Framing"),
        ("1.1", "Error detection"),
        ("1.1.1", "Parity"),
        ("2", "Medium access"),
    ]


def test_restructuredtext_markup_stays_out_of_the_text():
    """Directives, labels, roles, LaTeX, HTML and image links are not study text."""
    outline = parse_file(FIXTURES / "network_chapter.rst")
    text = " ".join(b.text for s in outline.walk() for b in s.blocks if isinstance(b, Paragraph))
    assert "See the physical layer for how bits are sent, and RFC 1662" in text
    assert "Bit stuffing inserts a zero bit" in text  # a note's body is prose
    assert "at most L/T bits per second" in text and "takes L/R seconds" in text
    for markup in ["..", ":ref:", "figure", "frame.png", "index::", "\\frac", "$", "<b>", "!["]:
        assert markup not in text, markup
    assert "def parity" not in text


def test_markdown_tables_become_table_blocks_with_captions():
    """A pipe table keeps its header and rows; a paragraph ending in a colon is its caption."""
    outline = parse_file(FIXTURES / "pharmacology_tables.md")
    bcs, routes = outline.sections
    (classes,) = bcs.tables
    assert classes.header == ["Class", "Solubility", "Permeability"]
    assert classes.rows[2] == ["Class III", "High", "Low"]
    (table,) = routes.tables
    assert table.caption == "Routes of administration"
    assert [row[0] for row in table.rows] == ["Oral", "Intravenous", "Sublingual", "Rectal"]


def test_html_tables_become_table_blocks():
    """An HTML table (as in converted textbooks) is a table with its title row as caption."""
    text = (
        "# Drugs\n\n## Effects\n\nSome drugs act on receptors.\n\n"
        '<table id="t1"><thead>\n<tr>\n<th colspan="2">Drug effects</th>\n</tr>\n'
        "<tr>\n<th>Drug</th>\n<th>Effect</th>\n</tr>\n</thead><tbody>\n"
        "<tr>\n<td>Atropine</td>\n<td>Blocks muscarinic receptors</td>\n</tr>\n"
        "<tr>\n<td>Nicotine</td>\n<td>Activates nicotinic receptors</td>\n</tr>\n"
        "</tbody>\n</table>\n"
    )
    (table,) = parse_outline(text).sections[0].tables
    assert table.caption == "Drug effects"
    assert table.header == ["Drug", "Effect"]
    assert table.rows == [
        ["Atropine", "Blocks muscarinic receptors"],
        ["Nicotine", "Activates nicotinic receptors"],
    ]


def test_bullet_notes_keep_top_level_facts_and_the_content_of_labels():
    """Top-level bullets without children are kept; 'Frontier:' with a bullet under it is a
    term and its explanation, not a bare label."""
    outline = parse_file(FIXTURES / "ai_lecture_notes.txt")
    problems, strategies = outline.sections
    items = [i.text for block in problems.lists for i in block.items]
    assert "Breadth-first search is complete and optimal when every step costs the same." in items
    assert "Depth-first search is neither complete nor optimal on infinite state spaces." in items
    terms = {i.term: i.explanation for block in strategies.lists for i in block.items if i.term}
    assert terms == {
        "Frontier": "the set of generated nodes not yet expanded",
        "Evaluation": "completeness; optimality; time complexity; space complexity",
    }
    loose = [i.text for block in strategies.lists for i in block.items if not i.term]
    assert loose == ["Uniform-cost search expands the node with the lowest path cost first"]


def test_numbered_steps_keep_their_numbers_and_sentences_without_a_period_stay():
    """Steps 3-5 after a paragraph stay 3-5; a line without a final period is still text."""
    outline = parse_file(FIXTURES / "lab_protocol.md")
    intro = outline.sections[0]
    assert intro.paragraphs[0].text.endswith("the first test made on an unknown bacterial culture")
    assert intro.paragraphs[1].text == "Home remedies rarely cure bacterial infections"
    first, second = outline.sections[1].lists
    assert [i.number for i in first.items] == ["1", "2"]
    assert [i.number for i in second.items] == ["3", "4", "5"]


def test_front_matter_notice_belongs_to_the_source():
    """A 'notice:' line in the front matter is the text's notice; no front matter, none."""
    text = '---\nnotice: "Not legal advice."\ntitle: Torts\n---\n\n# Torts\n\n## Duty\n\nA duty.\n'
    outline = parse_outline(text)
    assert outline.notice == "Not legal advice."
    assert [s.title for s in outline.walk()] == ["Duty"]
    assert parse_outline("# Torts\n\n## Duty\n\nA duty of care.\n").notice == ""
    assert parse_outline("---\nnotice: [unclosed\n---\n\n# T\n\n## A\n\nText.\n").notice == ""


def test_numbered_rules_set_in_emphasis_are_sections_even_ending_on_a_stop():
    """A plain-text handbook writes its rules '*1. Use words in their proper sense.*': each
    is a section with its explanation, not a line of prose (a style guide; a drill book)."""
    text = "\n".join(
        [
            "WORDS.",
            "",
            "*1. Use words in their proper sense.*",
            "",
            'Write "evident guilt", not "apparent guilt", when the guilt is proved.',
            "",
            "*2. Avoid exaggerations.*",
            "",
            'Boundless plains do not furnish "inexhaustible" supplies of corn.',
            "",
            "**3. Keep the commander informed.**",
            "",
            "Reports go up the chain of command at every halt.",
        ]
    )
    titles = [s.title for s in parse_outline(text).walk()]
    assert "Use words in their proper sense." in titles
    assert "Avoid exaggerations." in titles
    assert "Keep the commander informed." in titles


def test_a_name_s_initial_among_signers_does_not_hide_the_plain_headings():
    """A charter whose articles stand on their own lines ('Article 1', 'ARTICLE TWO') keeps
    them as sections though a signer is listed as 'J. Rutledge': a lone 'J.' with no 'A.'
    before it is a name's initial, not a lettered heading."""
    text = "\n".join(
        [
            "THE CHARTER OF THE TOWN GUILD",
            "",
            "Article 1",
            "",
            "The guild shall meet each spring to elect its wardens and audit its funds.",
            "",
            "ARTICLE TWO",
            "",
            "Each warden shall serve two years and may be chosen again once.",
            "",
            "Signed by",
            "",
            "J. Rutledge",
            "",
        ]
    )
    outline = parse_outline(text)
    titles = [section.title for section in outline.sections]
    assert titles[:2] == ["Article 1", "ARTICLE TWO"]
    assert "Rutledge" not in titles


def test_a_role_in_an_underlined_heading_leaves_its_words():
    """':index:`Eigenvalues` and :index:`Eigenvectors`' (a reST lecture) is titled
    'Eigenvalues and Eigenvectors'; a Markdown heading under '---' loses its emphasis too."""
    text = "\n".join(
        [
            "Linear Algebra",
            "==============",
            "",
            ":index:`Eigenvalues` and :index:`Eigenvectors`",
            "-----------------------------------------------",
            "",
            "An eigenvector of a square matrix keeps its direction under the map.",
            "",
            "The **spectral** radius",
            "-----------------------",
            "",
            "The spectral radius is the largest absolute value of the eigenvalues.",
        ]
    )
    titles = [s.title for s in parse_outline(text).sections]
    assert titles == ["Eigenvalues and Eigenvectors", "The spectral radius"]


def test_asciidoc_titles_index_terms_and_anchors():
    """An AsciiDoc chapter ('== Security', '=== Principles') is read as sections; its
    hidden index terms ('((("security", "principles")))'), anchors ('[[ch11]]') and block
    attributes ('[NOTE]') do not reach the study text."""
    text = "\n".join(
        [
            "[[ch11]]",
            "== Bitcoin Security",
            "",
            "Securing bitcoin is hard because a key is like cash.",
            "",
            "=== Security Principles",
            "",
            '((("security", "principles")))The core principle in bitcoin is decentralization.',
            "",
            "[NOTE]",
            "A backup of the keys keeps the funds safe.",
        ]
    )
    outline = parse_outline(text)
    top = outline.sections[0]
    assert top.title == "Bitcoin Security"
    assert [c.title for c in top.children] == ["Security Principles"]
    body = " ".join(b.text for s in outline.walk() for b in s.blocks if isinstance(b, Paragraph))
    assert "The core principle in bitcoin is decentralization." in body
    for mark in ("(((", "[[", "[NOTE]", '"security"'):
        assert mark not in body, mark


def test_a_shouted_plain_heading_loses_its_full_stop():
    """An old book's 'GEOGRAPHY.' heading (archaeology) is titled 'GEOGRAPHY'."""
    text = "\n".join(
        [
            "ANCIENT ART OF THE PROVINCE.",
            "",
            "GEOGRAPHY.",
            "",
            "The province lies on the Pacific slope of the isthmus, west of the lagoon.",
            "",
            "THE GRAVES.",
            "",
            "The graves are cut into the soft rock of the hills and lined with stones.",
        ]
    )
    outline = parse_outline(text)
    assert outline.title == "ANCIENT ART OF THE PROVINCE"
    assert [s.title for s in outline.sections] == ["GEOGRAPHY", "THE GRAVES"]


def test_a_title_set_in_capitals_over_several_lines_is_one_heading():
    """Old books print a long title over two or three capitalised lines ("THE PRINCIPLE OF
    RELATIVITY / (IN THE RESTRICTED SENSE)"): it is one section, not lines of its text, and
    the section before does not swallow the one it names."""
    text = (
        "THE SYSTEM OF CO-ORDINATES\n\n"
        "Every description of events in space makes use of a rigid body of reference.\n\n\n"
        "THE PRINCIPLE OF RELATIVITY\n(IN THE RESTRICTED SENSE)\n\n\n"
        "A railway carriage travels uniformly along a straight embankment.\n\n\n"
        "THE APPARENT INCOMPATIBILITY OF THE\nLAW OF PROPAGATION OF LIGHT WITH THE\n"
        "PRINCIPLE OF RELATIVITY\n\n\n"
        "Light is propagated in empty space in straight lines at a constant speed.\n"
    )
    titles = [s.title for s in parse_outline(text).walk()]
    assert "THE PRINCIPLE OF RELATIVITY (IN THE RESTRICTED SENSE)" in titles
    assert (
        "THE APPARENT INCOMPATIBILITY OF THE LAW OF PROPAGATION OF LIGHT WITH THE PRINCIPLE OF "
        "RELATIVITY" in titles
    )


def test_a_box_title_in_html_blocks_is_not_read_into_the_box_text():
    """A textbook's case-study box titles itself in a ``<div data-type="title">``: the title
    stands apart ("An Immunocompromised Host"), the box's first sentence starts with its own
    words ("Benjamin, a 50-year-old ...")."""
    text = (
        "# Immunodeficiency\n\n"
        "Immunodeficiencies weaken the defences of the body against infection.\n\n"
        '<div data-type="note" class="case-in-point" markdown="1">\n'
        '<div data-type="title">\nAn Immunocompromised Host\n</div>\n'
        "Benjamin, a 50-year-old patient who receives chemotherapy, visits his doctor.\n"
        "</div>\n"
    )
    paragraphs = [b.text for s in parse_outline(text).walk() for b in s.paragraphs]
    assert "Benjamin, a 50-year-old patient who receives chemotherapy, visits his doctor." in (
        paragraphs
    )
    assert not any("Host Benjamin" in p for p in paragraphs)


def test_numbered_paragraphs_of_a_book_are_one_numbered_list():
    """A plain-text book numbers its paragraphs ("5. The sob is ... / (wrapped lines)",
    blank line, "6. The sigh is ..."): they are one ordered list, the numbers out of the
    text, each item whole."""
    text = (
        "THE VOICE\n\n"
        "The voice has several acts that express feeling in the orator.\n\n"
        "5. _The sob_ is an uninterrupted succession of sounds produced by\n"
        "slight, continuous inspirations, ending in a long, violent inspiration.\n\n"
        "6. _The sigh_ is a weak low tone produced by a quick expiration\n"
        "followed by a slow and deep inspiration.\n\n"
        "7. _The laugh_ is a series of short expirations.\n"
    )
    lists = [b for s in parse_outline(text).walk() for b in s.blocks if isinstance(b, ItemList)]
    assert len(lists) == 1
    assert [i.text.split(" is ")[0] for i in lists[0].items] == ["The sob", "The sigh", "The laugh"]
    assert lists[0].items[1].text.endswith("followed by a slow and deep inspiration.")


def test_a_glossary_s_letter_headings_are_not_its_topics():
    """'## A', '## B', '## C' over a glossary's terms (epidemiology, law) are index letters:
    no section is titled by a letter, and every term is still read. Roman numerals used as
    headings ('## I', '## V', '## X') are sections as before."""
    glossary = (
        "# Glossary\n\n## A\n\n- Airborne transmission: infection by particles in the air\n\n"
        "## B\n\n- Bail: money paid to release a person held before trial\n\n"
        "## C\n\n- Contact matrix: how often age groups meet one another\n"
    )
    outline = parse_outline(glossary)
    titles = [s.title for s in outline.walk()]
    assert not [t for t in titles if len(t) == 1]
    body = " ".join(
        i.text for s in outline.walk() for b in s.blocks if isinstance(b, ItemList) for i in b.items
    )
    assert all(term in body for term in ("Airborne transmission", "Bail", "Contact matrix"))
    roman = "# Book\n\n## I\n\nThe first part.\n\n## V\n\nThe fifth part.\n\n## X\n\nThe tenth.\n"
    assert [s.title for s in parse_outline(roman).sections][-3:] == ["I", "V", "X"]


def test_a_heading_said_again_at_the_start_of_its_first_paragraph_is_left_out():
    """'### Computer System Operations' then 'Computer System Operations Peripheral devices
    ...' (operating systems) reads 'Peripheral devices ...'; 'Cell Biology is the study of
    cells' (biology) keeps its subject."""
    repeated = (
        "# OS\n\n### Computer System Operations\n\nComputer System Operations Peripheral devices"
        " such as keyboards can operate concurrently with the processors.\n"
    )
    [paragraph] = [b for s in parse_outline(repeated).walk() for b in s.blocks]
    assert paragraph.text.startswith("Peripheral devices such as keyboards")
    kept = "# Notes\n\n## Cell Biology\n\nCell Biology is the study of cells and their parts.\n"
    [paragraph] = [b for s in parse_outline(kept).walk() for b in s.blocks]
    assert paragraph.text.startswith("Cell Biology is the study")


def test_a_glossary_with_examples_under_a_few_terms_stays_one_list():
    """A machine-learning glossary (and a law one) of terms with their definitions, where
    one term has examples as bullets under it, stays one list: no section titled by that
    term. Notes made only of bulleted topics still become sections."""
    glossary = (
        "# Glossary\n\n- Accuracy: Percentage of correct predictions.\n"
        "- Bias metric: The average difference between predictions and the truth.\n"
        "  - Low bias: every prediction is close.\n  - High bias: the model underfits.\n"
        "- Clustering: Unsupervised grouping of data into buckets.\n"
        "- Epoch: One pass of the algorithm over the whole data set.\n"
    )
    law = (
        "# Terms\n\n- Tort: A civil wrong.\n  - Negligence: failing to take care.\n"
        "- Contract: An agreement the law enforces.\n- Remedy: What a court awards.\n"
    )
    for text in (glossary, law):
        sections = list(parse_outline(text).walk())
        assert len(sections) == 1, [s.title for s in sections]
        assert len(sections[0].lists[0].items) in (3, 4)
    notes = parse_outline("# Cells\n\n- Mitosis\n  - one division\n- Meiosis\n  - two divisions\n")
    assert [s.title for s in notes.walk()] == ["Mitosis", "Meiosis"]


def test_an_extract_that_opens_on_its_first_chapter_keeps_that_chapter():
    """Two chapters cut from a book ("CHAPTER XIV--ENGLAND UNDER KING JOHN" ... "CHAPTER
    XV--..."): the first line is the first chapter's heading, not the document's title, so
    its text is that chapter, not an "Introduction" (history; a lecture series likewise)."""
    history = (
        "CHAPTER XIV--ENGLAND UNDER KING JOHN, CALLED LACKLAND\n\n\n"
        "At two-and-thirty years of age, John became King of England.\n\n\n"
        "CHAPTER XV--ENGLAND UNDER HENRY THE THIRD, CALLED, OF WINCHESTER\n\n\n"
        "The Earl of Pembroke was named Protector of the realm.\n"
    )
    outline = parse_outline(history)
    assert [s.title for s in outline.sections] == [
        "CHAPTER XIV--ENGLAND UNDER KING JOHN, CALLED LACKLAND",
        "CHAPTER XV--ENGLAND UNDER HENRY THE THIRD, CALLED, OF WINCHESTER",
    ]
    lectures = "# Lecture 1: Sets\n\nA set is a group.\n\n# Lecture 2: Maps\n\nA map is a rule."
    assert next(s.title for s in parse_outline(lectures).sections).startswith("Lecture 1")
    titled = "# Elements of Geology\n\n## Chapter 1. Rocks\n\nRocks are made of minerals.\n"
    assert parse_outline(titled).title == "Elements of Geology"  # a title numbering nothing


def test_an_outline_point_that_wraps_under_its_text_stays_one_point():
    """A plain-text outline with a hanging indent (a debate brief; a nursing care plan reads
    the same) wraps each point under its own text: the point is one item, never a topic
    titled with half a sentence."""
    brief = (
        "BRIEF\n\n"
        "II. The adoption of the plan will result in important economies; for\n"
        "    A. The administration of city affairs will be made simpler; since\n"
        "       1. The councilmen will both lay out the work and be responsible\n"
        "          for the execution of it.\n"
        "       2. Plans for work in all departments will be considered together.\n"
        "    B. Contracts will be made on better terms; for\n"
        "       1. There has been bargaining between the parties to reward\n"
        "          political services by city offices.\n"
        "       2. A small body with full powers can make better bargains.\n"
    )
    outline = parse_outline(brief)
    titles = [s.title for s in outline.walk()]
    assert not any(t.endswith(("responsible", "to reward")) for t in titles)
    items = [i.text for s in outline.walk() for b in s.lists for i in b.items]
    assert (
        "The councilmen will both lay out the work and be responsible for the execution of it."
        in items
    )
    assert (
        "There has been bargaining between the parties to reward political services by city"
        " offices." in items
    )


def test_numbered_lines_without_words_and_formulas_are_not_headings():
    """A game's numbered moves ('1. Kt x Kt   B - Kt 4', chess), a worked sum's total
    ('100.0   23.82284', engineering) and a formula ('C = 5/9(F-32)', physics) are not
    topics of their own: no section is titled by them."""
    text = (
        "GENERAL STRATEGY OF THE OPENING\n\n"
        "The main object of the opening is to develop the pieces quickly.\n\n"
        "        1. Kt x Kt                B - Kt 4\n"
        "        2. Kt - K 7 ch            Q x Kt\n\n"
        "White wins the exchange and the game.\n\n"
        "C = 5/9(F-32)\n\n"
        "The two scales meet at minus forty degrees.\n\n"
        "        100.0            23.82284\n\n"
        "and the specific heat of the gas is the sum divided by a hundred.\n"
    )
    titles = [s.title for s in parse_outline(text).walk()]
    assert not [t for t in titles if "Kt" in t or "=" in t or "23.8" in t]


def test_a_plain_text_books_bold_headings_and_numbered_questions():
    """A history textbook in plain text (Project Gutenberg's '=Questions=' bold) ends its
    chapter with numbered study questions; the short ones at the end ('9. What forces
    favored ...?') go on from the list, and are not sections of their own. The chapter's
    shouted headings stay its sections."""
    text = (
        "THE GREAT MIGRATION\n\n"
        "The tide of migration set in toward the shores of North America early in the\n"
        "seventeenth century.\n\n"
        "THE AGENCIES OF COLONIZATION\n\n"
        "It was no light matter for the English to cross three thousand miles of water.\n\n"
        "=Questions=\n\n"
        "1. America has been called a nation of immigrants. Explain why.\n\n"
        "2. Account for the anxiety of companies and proprietors to secure\n"
        "colonists.\n\n"
        "3. What forces favored the heavy importation of slaves?\n\n"
        "4. In what way did the North derive advantages from slavery?\n"
    )
    titles = [s.title for s in parse_outline(text).sections]
    assert "THE AGENCIES OF COLONIZATION" in titles
    assert "Questions" in titles
    assert not [t for t in titles if t.startswith(("What forces", "In what way"))]


def test_a_glossary_of_term_colon_paragraphs_is_a_list_of_terms():
    """An old book's glossary written as paragraphs 'Term: explanation' (entomology, and a
    sailor's word book), wrapped over lines, in alphabetical order, is a list of terms, each
    explanation whole; prose with a few 'Note:' and 'Example:' paragraphs stays prose."""
    glossary = (
        "M\n\n"
        "Macrochaetae: the long bristles occurring singly on the body of\nDiptera.\n\n"
        "Macula: a colored mark larger than a spot; of indeterminate figure.\n\n"
        "Maggot: applied to the footless larvae of Diptera.\n\n"
        "Mandible: the lateral upper jaws of a biting insect.\n\n"
        "Mesothorax: the second thoracic ring, bearing the middle legs\nand the fore wings.\n\n"
        "Moult: to cast the skin in the course of growth.\n"
    )
    items = [
        i
        for s in parse_outline(glossary).walk()
        for b in s.blocks
        if isinstance(b, ItemList)
        for i in b.items
    ]
    assert [i.term for i in items] == [
        "Macrochaetae",
        "Macula",
        "Maggot",
        "Mandible",
        "Mesothorax",
        "Moult",
    ]
    assert items[0].explanation == "the long bristles occurring singly on the body of Diptera."
    sailor = "".join(
        f"{term}: {text}.\n\n"
        for term, text in [
            ("Nab", "the cock or hammer of a gun lock"),
            ("Nadir", "the lower pole of the rational horizon"),
            ("Nail", "a measure of two inches and a quarter"),
            ("Naval", "belonging to ships or a navy"),
            ("Navigation", "the art of conducting a ship across the sea"),
        ]
    )
    assert len([b for s in parse_outline(sailor).walk() for b in s.blocks]) == 1
    prose = (
        "Sorting puts records in order.\n\n"
        "Note: a stable sort keeps equal records in their order.\n\n"
        "Merging joins two sorted runs.\n\n"
        "Example: merging 1 3 and 2 4 gives 1 2 3 4.\n\n"
        "Warning: an in-place merge is hard to write.\n"
    )
    blocks = [b for s in parse_outline(prose).walk() for b in s.blocks]
    assert all(isinstance(b, Paragraph) for b in blocks)


def test_short_questions_are_headings_unless_the_text_asks_in_paragraphs():
    """A plain-text FAQ heads its sections "What is a router?"; a catechism that wraps its
    questions over two lines asks in paragraphs, so its one-line questions ("Is rocking
    necessary?") are paragraphs too, not sections cutting its answers apart."""
    faq = (
        "NETWORK BASICS\n\nWhat is a router?\n\nA router forwards packets between networks.\n\n"
        "What is a switch?\n\nA switch forwards frames inside one network.\n"
    )
    assert [s.title for s in parse_outline(faq).walk()] == [
        "What is a router?",
        "What is a switch?",
    ]
    wrapped = "".join(
        f"_How long should a baby of {age} sleep in the\ntwenty-four hours?_\n\nMost of it.\n\n"
        for age in ("one month", "six months", "a year")
    )
    catechism = f"THE NURSERY\n\nSLEEP\n\n{wrapped}_Is rocking necessary?_\n\nBy no means.\n"
    assert [s.title for s in parse_outline(catechism).walk()] == ["SLEEP"]
