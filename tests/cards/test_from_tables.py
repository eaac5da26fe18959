"""Cards from tables: each row asked by its columns, and each row found by what it says."""

from __future__ import annotations

import re

from studyapp.cards.from_tables import (
    _cell_question,
    _names,
    table_cards,
    table_markdown,
    table_row,
)
from studyapp.model import CardType
from studyapp.outline.nodes import OutlineSection, Table
from studyapp.outline.parse import parse_outline

BCS = Table(
    ["Class", "Solubility", "Permeability"],
    [
        ["Class I", "High", "High"],
        ["Class II", "Low", "High"],
        ["Class III", "High", "Low"],
        ["Class IV", "Low", "Low"],
    ],
    line=3,
    caption="Table 1: Biopharmaceutics Classification System",
)
SECTION = OutlineSection("2", "Tables", 1, 1, blocks=[BCS])  # a title naming no subject


def _by_question(table: Table) -> dict[str, object]:
    return {d.question: d for d in table_cards(table, SECTION)}


def test_which_row_has_these_values_is_a_multiple_choice_card():
    """'Which class has low solubility and high permeability?' -> Class II, among the others."""
    card = _by_question(BCS)[
        "Biopharmaceutics Classification System: which class has low solubility and high "
        "permeability?"
    ]
    assert card.type is CardType.CHOICE
    assert card.answer == "Class II"
    assert sorted(card.distractors) == ["Class I", "Class III", "Class IV"]
    assert card.source == "| Class II | Low | High |"
    assert card.section == "2"


def test_a_table_asks_which_row_it_is_of_two_rows_and_each_cell_of_every_row():
    """Eight acids by their conjugate base make two 'which acid has ...' cards, not eight of
    the same pattern; a file-system table likewise; every row's cells are still asked."""
    acids = Table(
        ["Acid", "Conjugate base", "Strength"],
        [[f"Acid {n}", f"Base {n}", f"Grade {n}"] for n in range(1, 9)],
        line=1,
    )
    systems = Table(
        ["File system", "Journaling", "Origin"],
        [
            ["ext4", "Yes", "Linux"],
            ["NTFS", "Yes", "Windows"],
            ["FAT32", "No", "DOS"],
            ["APFS", "No", "macOS"],
            ["XFS", "Yes", "IRIX"],
        ],
        line=1,
    )
    for table in (acids, systems):
        drafts = table_cards(table, SECTION)
        which = [d.answer for d in drafts if d.type is CardType.CHOICE]
        assert which == [row[0] for row in table.rows[:2]]
        asked = {d.answer for d in drafts if d.type is not CardType.CHOICE}
        assert {row[2] for row in table.rows} <= asked


def test_each_cell_is_asked_by_its_row_and_column():
    """'What is the permeability of Class II?' -> High, a short typed answer."""
    card = _by_question(BCS)[
        "Biopharmaceutics Classification System: what is the permeability of Class II?"
    ]
    assert (card.type, card.answer) == (CardType.TYPED, "High")


def test_values_that_do_not_single_out_a_row_make_no_which_card():
    """Two rows with the same values cannot be told apart: no 'which' card for them."""
    table = Table(
        ["Drug", "Route", "Onset"],
        [["A", "Oral", "Slow"], ["B", "Oral", "Slow"], ["C", "Intravenous", "Fast"]],
        line=1,
    )
    questions = [d.question for d in table_cards(table, SECTION) if d.type is CardType.CHOICE]
    assert questions == ["Which drug has intravenous route and fast onset?"]


def test_tables_without_a_header_or_with_one_row_give_no_cards():
    """A table needs a header and two rows to be asked about."""
    assert table_cards(Table([], [["a", "b"], ["c", "d"]], line=1), SECTION) == []
    assert table_cards(Table(["x", "y"], [["a", "b"]], line=1), SECTION) == []


def test_the_reader_gets_a_markdown_table_with_its_caption():
    """The reading material shows the table as a table, pipes inside cells escaped."""
    table = Table(["Term", "Meaning"], [["a|b", "either"]], line=1, caption="Symbols")
    assert table_markdown(table) == (
        "**Symbols:**\n\n| Term | Meaning |\n| --- | --- |\n| a\\|b | either |"
    )
    assert table_row(["x", "y"]) == "| x | y |"


def test_rows_named_only_by_numbers_are_not_asked():
    """'What is the level of 6.2.1?' asks a number about a number: such tables are read only."""
    table = Table(
        ["#", "Description", "Level"],
        [
            ["6.2.1", "Passwords have 8 characters or more.", "1"],
            ["6.2.2", "Users change it.", "2"],
        ],
        line=1,
    )
    assert table_cards(table, SECTION) == []


def test_a_heading_with_units_asks_with_them_at_the_end_and_in_agreement():
    """Economics: 'Main exports (by value)' is asked as 'what are the main exports of Canada
    (by value)?', and a caption's source address is left out."""
    trade = Table(
        ["Country", "Main exports (by value)", "Main partner"],
        [["Canada", "crude oil and cars", "United States"], ["Mexico", "cars and trucks", "China"]],
        line=1,
        caption="Trade in 2022 (Source: https://example.org/trade)",
    )
    questions = set(_by_question(trade))
    assert "Trade in 2022: what are the main exports of Canada (by value)?" in questions
    assert "Trade in 2022: what is the main partner of Mexico?" in questions


def test_a_heading_that_is_a_sentence_is_not_asked_as_a_column():
    """History: a column headed 'What the treaty gave up' names no property of a row: no
    'what is the what the treaty gave up of ...' question."""
    treaties = Table(
        ["Treaty", "What the treaty gave up", "Conflict"],
        [["Paris", "Canada", "Seven Years' War"], ["Utrecht", "Gibraltar", "Spanish Succession"]],
        line=1,
    )
    questions = set(_by_question(treaties))
    assert not any("what the treaty" in q.lower() for q in questions)
    assert "What is the conflict of Paris?" in questions


def test_cells_that_are_only_marks_are_not_asked():
    """A study plan's ':+1:' and a checklist's '✓' carry no fact to recall."""
    plan = Table(
        ["Task", "Short", "Long"],
        [["Read architectures", ":+1:", "✓"], ["Review questions", ":+1:", ":+1:"]],
        line=1,
    )
    assert not [d for d in table_cards(plan, SECTION) if d.answer in (":+1:", "✓")]


CRITICAL = Table(
    ["Substance", "Critical temperature (K)", "Critical pressure (Pa)"],
    [
        ["Water", "647.4", "22.12 × 10 6"],
        ["Oxygen", "154.8", "5.08 × 10 6"],
        ["Helium", "5.3", "0.229 × 10 6"],
        ["Nitrogen", "126.2", "3.39 × 10 6"],
    ],
    line=1,
    caption="Critical Temperatures and Pressures",
)


def test_a_measured_column_asks_which_row_ranks_first_and_last_not_each_value():
    """Physics: 'which substance has the highest critical temperature (K)?' -> Water, among
    the other substances; no card asks the critical pressure of oxygen as a number to recall."""
    cards = _by_question(CRITICAL)
    highest = cards[
        "Critical Temperatures and Pressures: which substance has the highest "
        "critical temperature (K)?"
    ]
    assert (highest.type, highest.answer) == (CardType.CHOICE, "Water")
    assert sorted(highest.distractors) == ["Helium", "Nitrogen", "Oxygen"]
    lowest = cards[
        "Critical Temperatures and Pressures: which substance has the lowest "
        "critical pressure (Pa)?"
    ]
    assert lowest.answer == "Helium"  # 0.229 x 10^6 is the least, read with its exponent
    assert not [q for q in cards if "of Oxygen" in q]


def test_a_table_without_a_caption_opens_its_questions_on_its_section_title():
    """Networking: under 'TCP windows', an uncaptioned table asks 'TCP windows: what is the
    maximum throughput of 1 msec?', and under 'Essere (to be)' a grammar note's table asks
    'Essere (to be): what is the conjugation of io?': bare, neither says what its rows are
    (rated blind, bare table questions were good in 32 % of 152, those opened by a caption
    in 73 % of 92). A title naming no subject ('Tables', 'Introduction') opens nothing."""
    windows = Table(
        ["RTT", "Maximum throughput"],
        [["1 msec", "524 Mbps"], ["10 msec", "52.4 Mbps"]],
        line=1,
    )
    section = OutlineSection("3", "TCP windows", 1, 1, blocks=[windows])
    questions = {d.question for d in table_cards(windows, section)}
    assert "TCP windows: what is the maximum throughput of 1 msec?" in questions
    essere = Table(
        ["Person", "Conjugation"],
        [["io", "ero"], ["tu", "eri"], ["noi", "eravamo"]],
        line=1,
    )
    section = OutlineSection("4", "Essere (to be)", 1, 1, blocks=[essere])
    questions = {d.question for d in table_cards(essere, section)}
    assert "Essere (to be): what is the conjugation of io?" in questions
    bare = OutlineSection("5", "Introduction", 1, 1, blocks=[windows])
    questions = {d.question for d in table_cards(windows, bare)}
    assert "What is the maximum throughput of 1 msec?" in questions


def test_yes_no_cells_links_and_prose_captions_are_not_asked():
    """Web APIs and system design: 'Is DELETE idempotent? Yes' is a coin toss; a column of
    references or web addresses says where to read, not what to know; the sentences before
    a table are no caption to open every question with."""
    verbs = Table(
        ["Verb", "Description", "Idempotent", "Reference"],
        [
            ["GET", "Reads a resource", "Yes", "rfc-editor.org"],
            ["POST", "Creates a resource", "No", "developer.mozilla.org"],
            ["PATCH", "Partly updates a resource", "No", "restfulapi.net"],
        ],
        line=1,
        caption="A request has a verb and a resource. Below are common HTTP verbs",
    )
    section = OutlineSection("4", "HTTP", 1, 1, blocks=[verbs])
    drafts = table_cards(verbs, section)
    questions = {d.question: d.answer for d in drafts}
    assert questions["HTTP: what is GET?"] == "Reads a resource"
    assert not [d for d in drafts if d.answer in ("Yes", "No")]
    assert not [q for q in questions if "reference" in q.lower()]
    assert not [d for d in drafts if "rfc-editor.org" in d.answer or "rfc-editor" in d.question]
    assert not [q for q in questions if q.startswith("A request")]


def test_a_table_whose_first_row_is_data_is_read_but_not_asked():
    """Chemistry: a table of formulas and names written without a header row would ask
    'what is the hexaamminecobalt chloride of [Ag(NH3)2]+?': it gives no cards."""
    names = Table(
        ["[Co(NH3)6]Cl3", "hexaamminecobalt(III) chloride"],
        [["[Ag(NH3)2]+", "diamminesilver(I) ion"], ["[Cr(H2O)4Cl2]Cl", "tetraaquadichloro"]],
        line=1,
    )
    section = OutlineSection("5", "Naming complexes", 1, 1, blocks=[names])
    assert table_cards(names, section) == []
    assert table_cards(BCS, SECTION)  # a header of words is asked


def test_a_column_heading_asked_as_a_question_reads_without_its_mark():
    """A heading 'Government role?' (economics) is asked 'what is the government role of
    Natural monopoly?', not '... government role? of ...'."""
    barriers = Table(
        ["Barrier", "Government role?", "Example"],
        [
            ["Natural monopoly", "Regulation of prices", "Water company"],
            ["Legal monopoly", "Grants the monopoly", "Post office"],
            ["Control of a resource", "Antitrust suits", "Diamond mines"],
        ],
        line=3,
        caption="Barriers to Entry",
    )
    questions = [d.question for d in table_cards(barriers, SECTION)]
    assert "Barriers to Entry: what is the government role of Natural monopoly?" in questions
    assert not any("role?" in q for q in questions)


def test_a_table_grouping_its_rows_asks_each_row_by_its_own_name():
    """Under one heading "Disease" over a group column and a name column, each row is asked
    by its disease, never by the group it shares with others ("what is the effect of Primary
    immunodeficiencies?" has several answers)."""
    table = Table(
        ["Disease", "Disease", "Effect on immune function"],
        [
            ["Primary", "Selective IgA deficiency", "Inability to produce secretory IgA"],
            ["Primary", "X-linked agammaglobulinemia", "Absence of specific antibodies"],
            ["Secondary", "Malnutrition", "Impaired humoral immune responses"],
        ],
        line=1,
        caption="Immunodeficiencies",
    )
    section = OutlineSection("4", "Immunodeficiency", 1, 1, blocks=[table])
    cards = {d.question: d for d in table_cards(table, section)}
    asked = {question: d.answer for question, d in cards.items()}
    malnutrition = "Immunodeficiencies: what is the effect on immune function of Malnutrition?"
    assert asked[malnutrition] == "Impaired humoral immune responses"
    # the card's source is the row as the reading material shows it, group included
    assert cards[malnutrition].source == (
        "| Secondary | Malnutrition | Impaired humoral immune responses |"
    )
    assert not [q for q in asked if " of Primary?" in q or " of Secondary?" in q]


def test_a_table_comparing_things_across_its_header_is_asked_turned():
    """'| | Mitosis | Meiosis |' over aspects asks 'What is the number of daughter cells of
    Meiosis?', never 'the Meiosis of Number of daughter cells', with the aspect's row as the
    source; a tax table of the same shape (finance) is turned the same way."""
    division = Table(
        ["", "Mitosis", "Meiosis"],
        [
            ["Number of divisions", "One", "Two"],
            ["Number of daughter cells", "Two diploid cells", "Four haploid cells"],
            ["Purpose", "Growth and repair", "Sexual reproduction"],
        ],
        line=1,
    )
    cards = _by_question(division)
    card = cards["What is the number of daughter cells of Meiosis?"]
    assert card.answer == "Four haploid cells"
    assert card.source == "| Number of daughter cells | Two diploid cells | Four haploid cells |"
    assert cards["What is the purpose of Mitosis?"].answer == "Growth and repair"
    assert not any("of Number" in q or "of Purpose" in q for q in cards)
    taxes = Table(
        ["Characteristic", "ISOs", "NSOs", "RSUs"],
        [
            ["Tax at grant", "No tax.", "No tax.", "No tax."],
            ["Tax at exercise", "AMT on the bargain element.", "Ordinary tax.", "-"],
            ["Tax at sale", "Capital gains after two years.", "Capital gains.", "Ordinary tax."],
        ],
        line=1,
    )
    asked = _by_question(taxes)
    assert asked["What is the tax at exercise of ISOs?"].answer == "AMT on the bargain element."
    assert not any(q.startswith("What is the ISOs") for q in asked)


def test_a_table_naming_its_rows_in_its_first_column_is_not_turned():
    """'| Feature | Description | Since |' names features down its rows: asked as written, as
    is a blank-cornered table whose rows are the subject's terms (law)."""
    features = Table(
        ["Feature", "Description", "Since"],
        [
            ["Autosave", "Saves the document every minute", "Version 2"],
            ["Dark mode", "Light text on a dark background", "Version 3"],
        ],
        line=1,
    )
    assert "What is the dark mode?" in _by_question(features)
    torts = Table(
        ["", "Element", "Remedy"],
        [
            ["Negligence", "A breach of a duty of care", "Damages"],
            ["Nuisance", "An unreasonable interference with land", "An injunction"],
        ],
        line=1,
    )
    assert "What is the remedy of Nuisance?" in _by_question(torts)


def test_a_naming_value_is_asked_as_a_name_and_a_describing_one_as_an_adjective():
    """'Which ligand has the name chloro?' (chemistry), never 'has chloro name'; 'Which
    drug has intravenous route and fast onset?' (pharmacology) keeps its adjectives."""
    ligands = Table(
        ["Ligand", "Name"],
        [["Cl−", "chloro"], ["Br−", "bromo"], ["CN−", "cyano"]],
        line=1,
    )
    assert "Which ligand has the name chloro?" in _by_question(ligands)
    drugs = Table(
        ["Drug", "Route", "Onset"],
        [["A", "Oral", "Slow"], ["C", "Intravenous", "Fast"]],
        line=1,
    )
    assert "Which drug has intravenous route and fast onset?" in _by_question(drugs)


def test_a_row_named_by_the_column_heading_joins_it():
    """'Downtime per year' under 'Acceptable downtime' asks 'What is the acceptable downtime
    per year?' (computing), and 'Half-life in plasma' under 'Half-life' (pharmacology) asks
    'What is the half-life in plasma?'."""
    downtime = Table(
        ["Duration", "Acceptable downtime"],
        [["Downtime per year", "8h 45min 57s"], ["Downtime per month", "43m 49.7s"]],
        line=1,
    )
    cards = _by_question(downtime)
    assert cards["What is the acceptable downtime per year?"].answer == "8h 45min 57s"
    assert not any(" of Downtime" in q for q in cards)
    halves = Table(
        ["Measure", "Half-life"],
        [["Half-life in plasma", "Three hours"], ["Half-life in tissue", "Two days"]],
        line=1,
    )
    assert _by_question(halves)["What is the half-life in plasma?"].answer == "Three hours"


def test_yes_in_adjective_columns_says_what_a_row_is():
    """'Idempotent* | Safe' of 'Yes | Yes' asks 'Which verb is idempotent and safe?'
    (computing; the note's mark goes), and 'Soluble | Toxic' of 'No | Yes' (chemistry) asks
    'Which salt is toxic but not soluble?'."""
    verbs = Table(
        ["Verb", "Idempotent*", "Safe"],
        [["GET", "Yes", "Yes"], ["POST", "No", "No"], ["PUT", "Yes", "No"]],
        line=1,
    )
    assert _by_question(verbs)["Which verb is idempotent and safe?"].answer == "GET"
    salts = Table(
        ["Salt", "Soluble", "Toxic"],
        [
            ["Sodium chloride", "Yes", "No"],
            ["Mercury sulfide", "No", "Yes"],
            ["Barium sulfate", "No", "No"],
            ["Lead nitrate", "Yes", "Yes"],
        ],
        line=1,
    )
    assert _by_question(salts)["Which salt is toxic but not soluble?"].answer == "Mercury sulfide"


def test_a_cell_the_row_name_already_says_is_found_as_a_whole_word():
    """A cell is said by its row's name when it is a whole word of it, in any case
    ("Lisinopril (oral)" says "lisinopril", "Lisinoprilat" does not), as the word-boundary
    pattern reads it, punctuation and empty cells included."""
    labels = ["Lisinopril (oral)", "Lisinoprilat", "ACE-inhibitor", "(+) form", "a_b c", ""]
    for label in labels:
        for value in ["lisinopril", "LISINOPRIL", "ACE", "inhibitor", "(+)", "+", "a", "b", ""]:
            expected = bool(re.search(rf"\b{re.escape(value.lower())}\b", label.lower()))
            assert _names(label, value) == expected, (label, value)


def test_lists_side_by_side_in_a_table_give_no_row_by_column_cards():
    """A table of "Advantages" beside "Limitations" (biology) or "Pros" beside "Cons"
    (software) holds statements, not rows named by their first cell: no "What are the
    limitations of X of Requires less starting material?" card."""
    for text in (
        "# Assays\n\n## CUT&RUN\n\n| Advantages of CUT&RUN | Limitations of CUT&RUN |\n"
        "|---|---|\n| Requires less starting material. | Not all proteins work with it. |\n"
        "| Lower depth of sequencing. | DNA may be over-digested by the nuclease. |\n"
        "| Background is much reduced, using targeted release. | Large complexes stay. |\n",
        "# Caches\n\n## Tradeoffs\n\n| Pros | Cons |\n|---|---|\n"
        "| Reads are served from memory in microseconds. | Data may be stale. |\n"
        "| The database takes fewer queries at peak. | Invalidation adds code. |\n",
    ):
        section = next(s for s in parse_outline(text).walk() if s.tables)
        assert [table_cards(t, section) for t in section.tables] == [[]]


def test_a_heading_that_says_what_its_row_is_asks_about_the_row():
    """Networking 'Used by' and anatomy 'Found in' say what the row is: "what are peer
    records used by?", never "what is the used by of peer records?"."""
    records = Table(
        ["Record", "Used by", "Lifetime"],
        [
            ["Peer records", "IPFS, to find a peer", "48 hours"],
            ["IPNS records", "IPNS", "24 hours"],
        ],
        line=1,
        caption="DHT records",
    )
    proteins = Table(
        ["Protein", "Found in"],
        [["Keratin", "hair and nails"], ["Collagen", "tendons and skin"]],
        line=1,
        caption="Structural proteins",
    )
    questions = set(_by_question(records)) | set(_by_question(proteins))
    assert "DHT records: what are Peer records used by?" in questions
    assert "Structural proteins: what is Keratin found in?" in questions
    assert not [q for q in questions if "the used by" in q or "the found in" in q]


def test_which_row_is_asked_with_is_when_the_heading_says_what_the_row_is():
    """A data-format table 'Signed original | Encoded as' asks "which signed original is
    encoded as 1?", never "has encoded as 1"; chemistry's 'Boiling point' still "has"."""
    zigzag = Table(
        ["Signed original", "Encoded as"],
        [["0", "0"], ["-1", "1"], ["1", "2"], ["-2", "3"], ["0x7fffffff", "0xfffffffe"]],
        line=1,
        caption="ZigZag encoding",
    )
    questions = set(_by_question(zigzag))
    assert "ZigZag encoding: which signed original is encoded as 1?" in questions
    assert not [q for q in questions if "has encoded as" in q or "the encoded as" in q]


def test_a_description_or_value_column_asks_what_its_row_is():
    """'Choice | Value' of a study design (epidemiology) and 'Term | Definition' (law) ask
    'what is the target cohort?' and 'what is the tort?', never 'what is the
    value of Target cohort?' or 'the definition of Tort'; an abbreviation stays as written."""
    design = Table(
        ["Choice", "Value"],
        [["Target cohort", "New users of ACE inhibitors"], ["Model", "Cox proportional hazards"]],
        line=1,
    )
    terms = Table(
        ["Term", "Definition"],
        [["Tort", "A civil wrong causing loss"], ["NDA", "A contract keeping information secret"]],
        line=1,
    )
    questions = set(_by_question(design)) | set(_by_question(terms))
    assert {"What is the target cohort?", "What is the model?", "What is NDA?"} <= questions
    assert "What is the tort?" in questions
    assert not [q for q in questions if "value of" in q or "definition of" in q]


def test_columns_headed_by_peer_names_are_lists_side_by_side():
    """'Africa | Asia | Europe' (Commonwealth members) and 'Monday | Tuesday' (a timetable)
    are lists side by side: no 'What is the asia of Kenya?'; 'Country | Capital' and a rare
    kind of row ('Ligand | Name') are records."""
    members = Table(
        ["Africa", "Asia", "Caribbean and Americas", "Europe"],
        [["Kenya", "India", "Jamaica", "Malta"], ["Ghana", "Malaysia", "Belize", "Cyprus"]],
        line=1,
    )
    week = Table(
        ["Monday", "Tuesday"], [["Anatomy", "Physiology"], ["Histology", "Biochemistry"]], line=1
    )
    assert table_cards(members, SECTION) == [] and table_cards(week, SECTION) == []
    capitals = Table(["Country", "Capital"], [["France", "Paris"], ["Peru", "Lima"]], line=1)
    assert "What is the capital of France?" in _by_question(capitals)


def test_a_timeline_asks_what_happened_at_each_date_it_gives_once():
    """A history timeline ('Date | Event') asks 'what happened in 1215?', 'by 1200', '50
    million years ago'; a date given twice (two events of 1745) and a period heading row
    without a date ask nothing, and the other rows are still asked."""
    timeline = Table(
        ["Date", "Event"],
        [
            ["50 million years ago", "The Giant's Causeway was formed."],
            ["Middle Ages", "(or the medieval period)"],
            ["By 1200", "The English ruled the Pale around Dublin."],
            ["1215", "Magna Carta was signed by King John."],
            ["1564", "Shakespeare born"],
            ["1745", "Bonnie Prince Charlie landed in Scotland."],
            ["1745", "The Jacobite army reached Derby."],
        ],
        line=1,
    )
    drafts = _by_question(timeline)
    asked = {q: d.answer for q, d in drafts.items()}
    assert asked["What happened in 1215?"] == "Magna Carta was signed by King John."
    # an event is told in one's own words, never typed letter for letter
    assert {d.type for d in drafts.values()} == {CardType.BASIC}
    assert "What happened by 1200?" in asked
    assert "What happened 50 million years ago?" in asked
    assert not [q for q in asked if "1745" in q or "Middle Ages" in q or "events of" in q]


def test_a_role_table_asks_about_the_role_with_its_article():
    """'Chancellor of the Exchequer | economy' under 'Responsible for' (government) asks "what
    is the Chancellor of the Exchequer responsible for?"; 'Keratin' under 'Found in'
    (anatomy) takes no article."""
    assert _cell_question("Responsible for", "Chancellor of the Exchequer") == (
        "what is the Chancellor of the Exchequer responsible for?"
    )
    assert _cell_question("Found in", "Keratin") == "what is Keratin found in?"
    # a place's name in a Description column stays a name (geography); a common name takes
    # "the" (epidemiology)
    assert _cell_question("Description", "Paris") == "what is Paris?"
    assert _cell_question("Value", "Time-at-risk") == "what is the time-at-risk?"
    assert _cell_question("Description", "Comparator cohort") == "what is the comparator cohort?"


def test_a_decade_or_a_century_is_asked_with_its_article():
    """'What happened in the 1450s?', '... in the 3rd and 4th centuries?' (history), not the
    broken 'in 1450s'; a year keeps its bare 'in 1215'."""
    timeline = Table(
        ["Period", "Events"],
        [
            ["3rd and 4th centuries", "The first Christian communities began to form."],
            ["1450s", "The English largely left France."],
            ["1215", "Magna Carta was signed by King John."],
        ],
        line=1,
    )
    asked = set(_by_question(timeline))
    assert "What happened in the 3rd and 4th centuries?" in asked
    assert "What happened in the 1450s?" in asked
    assert "What happened in 1215?" in asked


def test_two_things_of_one_kind_side_by_side_are_asked_how_they_differ():
    """'Cholesterol polyp | Adenomatous polyp' (surgery) and 'Gram-positive bacteria |
    Gram-negative bacteria' (microbiology) pair contrasting attributes row by row: one card
    asks how the two differ, none asks 'What is the adenomatous polyp of Small <10mm?'."""
    polyps = Table(
        ["Cholesterol Polyp", "Adenomatous Polyp"],
        [["More common", "Less common"], ["Small <10mm", "Large"], ["Benign", "Premalignant"]],
        line=1,
    )
    (card,) = table_cards(polyps, SECTION)
    assert card.question == "How does the cholesterol polyp differ from the adenomatous polyp?"
    assert card.answer == (
        "cholesterol polyp: more common, small <10mm, benign; "
        "adenomatous polyp: less common, large, premalignant"
    )
    bacteria = Table(
        ["Gram-positive bacteria", "Gram-negative bacteria"],
        [["Thick peptidoglycan wall", "Thin peptidoglycan wall"], ["Stain purple", "Stain pink"]],
        line=1,
    )
    (card,) = table_cards(bacteria, SECTION)
    assert card.question.startswith("How do the gram-positive bacteria differ from")
    capitals = Table(["Country", "Capital"], [["France", "Paris"], ["Peru", "Lima"]], line=1)
    assert "What is the capital of France?" in _by_question(capitals)  # a record table


def test_an_abbreviated_description_column_asks_what_the_row_is():
    """'Stage | Desc.' (oncology staging): 'What is T1b?', not 'What is the desc. of T1b?'."""
    staging = Table(
        ["Stage", "Desc."],
        [
            ["T1a", "Involvement of lamina propria"],
            ["T1b", "Involvement of muscularis propria"],
            ["T2a", "Invasion of connective tissue"],
        ],
        line=1,
    )
    asked = _by_question(staging)
    assert "What is T1b?" in asked
    assert not [q for q in asked if "desc." in q or q.startswith("Which")]


def test_a_word_list_asks_what_each_word_means_and_how_to_say_it():
    """'French | English' (a language course) asks 'What does “le pain” mean?' and 'What is
    the French for “bread”?'; 'word | meaning' (a constructed language's lesson) asks what
    each word means, never 'What is the kute?'."""
    french = Table(
        ["French", "English"],
        [["le pain", "bread"], ["le fromage", "cheese"], ["la pomme", "apple"]],
        line=1,
    )
    asked = {q: d.answer for q, d in _by_question(french).items()}
    assert asked["What does “le pain” mean?"] == "bread"
    assert asked["What is the French for “cheese”?"] == "le fromage"
    words = Table(
        ["word", "meaning"],
        [["kute", "listen, hear, obey, ear"], ["nimi", "word, name"], ["lawa", "head, rule"]],
        line=1,
    )
    asked = {q: d.answer for q, d in _by_question(words).items()}
    assert asked["What does “kute” mean?"] == "listen, hear, obey, ear"
    assert not [q for q in asked if q.startswith("What is the ")]


def test_a_heading_that_is_a_predicate_is_asked_with_does():
    """Molecular biology: a row 'Repairs damage caused by' of a BER | NER table asks "What
    does BER repair damage caused by?", not "What is BER repairs damage caused by?"; law:
    'Requires' of a contract | deed table asks "What does a deed require?"."""
    assert _cell_question("Repairs damage caused by", "BER") == (
        "what does BER repair damage caused by?"
    )
    assert _cell_question("Recognizes", "NER") == "what does NER recognize?"
    assert _cell_question("Requires", "Deed") == "what does the deed require?"
    assert _cell_question("Effects", "Aspirin") == "what are the effects of Aspirin?"


def test_no_which_card_names_its_answer_in_its_question():
    """Genetics: a condition named like its gene ('XPA' | 'XPA') gives no "Which condition
    has the gene XPA?" card; a row whose gene has another name still does."""
    table = Table(
        ["Condition", "Gene"],
        [["XPA", "XPA"], ["XPB", "ERCC3"], ["XPC", "XPC"], ["XPD", "ERCC2"]],
        line=1,
    )
    which = [d for d in table_cards(table, SECTION) if d.type is CardType.CHOICE]
    assert [d.answer for d in which] == ["XPB", "XPD"]


def test_a_sample_of_a_dataset_gives_no_cards():
    """A tool's manual shows sample data ('cityLabel | population | countryLabel'): asking
    "What is the countryLabel of Lagos?" tests the example, not the tool; a table with
    headings in words still gives cards."""
    sample = Table(
        ["cityLabel", "population", "countryLabel"],
        [["Lagos", "8048430", "Nigeria"], ["Dhaka", "8906039", "Bangladesh"]],
        line=1,
    )
    assert table_cards(sample, SECTION) == []
    assert table_cards(BCS, SECTION)


def test_rows_named_by_a_bare_code_are_asked_with_their_kind():
    """'class | severity' with rows 'I', 'II' (medical genetics), 'type | ...' with rows 'A',
    'B' (engineering): 'What is the severity of II?' asks nothing a student can place, so the
    row is named 'class II'; rows numbered 1, 2, ... (a worked example's nodes) stay unasked."""
    cftr = Table(
        ["class", "severity", "genetic basis", "description"],
        [
            ["I", "severe", "Nonsense, frameshift", "No synthesis of CFTR"],
            ["II", "severe", "ΔF508 and some missense", "Increased degradation of CFTR"],
            ["IV", "mild", "Missense", "Abnormal conductance"],
        ],
        line=3,
    )
    cards = table_cards(cftr, SECTION)
    asked = {d.question: d.answer for d in cards}
    assert asked["What is the genetic basis of class II?"] == "ΔF508 and some missense"
    # the card quotes the row as the text writes it
    sources = {d.source for d in cards}
    assert "| II | severe | ΔF508 and some missense | Increased degradation of CFTR |" in sources
    assert not [source for source in sources if "class II" in source]
    assert asked["What is class IV?"] == "Abnormal conductance"
    assert not [q for q in asked if re.search(r"\bof (?:I|II|IV)\?", q)]
    fuses = Table(
        ["Type", "Speed", "Use"],
        [["A", "fast-acting", "semiconductor protection"], ["B", "slow-blow", "motor circuits"]],
        line=3,
    )
    assert "What is the use of type B?" in {d.question for d in table_cards(fuses, SECTION)}
    heap = Table(
        ["Node", "Parent index", "Left child"],
        [["10", "-1", "1"], ["7", "0", "3"], ["2", "0", "5"]],
        line=3,
    )
    assert table_cards(heap, SECTION) == []


def test_a_table_that_lost_its_merged_cells_is_read_but_not_asked():
    """A drug table converted from HTML writes the second drug of a category without the
    category cell ("| Prochlorperazine | 25 mg PR q12h | PO, IM |"), and a chemistry table
    sets two tables side by side, one row short: each cell now stands under the wrong
    heading ("What is the Medication of Promethazine?" -> "12.5-25 mg"), so the table gives
    no cards. A one-cell row (a note, a group's label) does not count."""
    text = (
        "# Antiemetics\n\n## Drugs\n\n"
        "| Drug Category | Medication | Dose | Route |\n|---|---|---|---|\n"
        "| Phenothiazines | Chlorpromazine | 10-25 mg PO q4-6h | PO, IM |\n"
        "| Prochlorperazine | 25 mg PR q12h | PO, IM, IV |\n"
        "| Promethazine | 12.5-25 mg q4-6h | PO, IV |\n"
        "| Butyrophenones | Haloperidol | 0.5-5 mg q24h | PO, IV |\n\n"
        "## Beta blockers\n\n"
        "| Drug | Selectivity | Half-life |\n|---|---|---|\n"
        "| Cardioselective agents |\n"
        "| Atenolol | beta-1 | 6-7 hours |\n| Propranolol | non-selective | 3-6 hours |\n"
        "| Metoprolol | beta-1 | 3-7 hours |\n"
    )
    outline = parse_outline(text)
    drugs, blockers = (s for s in outline.walk() if s.tables)
    assert drugs.tables[0].short_rows == 2
    assert table_cards(drugs.tables[0], drugs) == []
    assert blockers.tables[0].short_rows == 0
    asked = {d.question: d.answer for d in table_cards(blockers.tables[0], blockers)}
    assert asked["Beta blockers: what is the half-life of Atenolol?"] == "6-7 hours"
