"""Markup of Markdown, reStructuredText, LaTeX and HTML never reaches what a student reads."""

from __future__ import annotations

import pytest

from studyapp.outline.markup import blank_markup, latex_plain, plain_inline


def test_directives_labels_and_comments_are_blanked_line_for_line():
    """A figure, a label and a comment go; the line count stays (errors keep their lines)."""
    lines = [
        ".. _intro:",
        "",
        ".. figure:: img/net.png",
        "   :align: center",
        "",
        "   A caption of the figure",
        "",
        "Text stays.",
        ".. a comment",
        "   that goes on",
    ]
    out = blank_markup(lines)
    assert len(out) == len(lines)
    assert [line for line in out if line.strip()] == ["Text stays."]


def test_an_admonition_keeps_its_prose_without_its_options():
    """'.. note::' is prose a student reads: its body stays, moved left, its options go."""
    out = blank_markup([".. note::", "   :class: aside", "", "   Bits are sent in frames.", ""])
    assert [line for line in out if line.strip()] == ["Bits are sent in frames."]


def test_literal_blocks_code_and_display_math_are_blanked():
    """'Example::' keeps 'Example:' and drops the indented code; $$...$$ blocks go."""
    lines = ["Example::", "", "    x = 1", "    y = 2", "", "After.", "$$", "E = mc^2", "$$"]
    out = blank_markup(lines)
    assert [line for line in out if line.strip()] == ["Example:", "After."]


def test_html_comments_heads_and_link_definitions_are_blanked():
    """HTML comments and blocks, and '[1]: https://...' link definitions are not text."""
    lines = ["<!-- hidden", "still hidden -->", "<head>", "<title>x</title>", "</head>"]
    lines += ["[1]: https://example.org/a", "Kept."]
    assert [line for line in blank_markup(lines) if line.strip()] == ["Kept."]


def test_definition_lists_become_term_items():
    """'term' then ': explanation' (a glossary) is the item 'term: explanation'."""
    out = blank_markup(["Osmosis", ": diffusion of water across a membrane"])
    assert out == ["", "- Osmosis: diffusion of water across a membrane"]


def test_a_rest_definition_list_becomes_term_items():
    """A reST glossary (machine learning, then law) written 'term' over its indented
    definition gives 'term: definition' items, a definition on two lines joined; the line
    count is kept."""
    lines = [
        "Accuracy",
        "  Percentage of correct predictions made by the model.",
        "",
        "ROC (Receiver Operating Characteristic) Curve",
        "  A plot of the true positive rate against",
        "  the false positive rate.",
        "",
        "Tort",
        "  A civil wrong that causes a claimant to suffer loss.",
    ]
    out = blank_markup(lines)
    assert len(out) == len(lines)
    assert out[0] == "- Accuracy: Percentage of correct predictions made by the model."
    assert out[3] == (
        "- ROC (Receiver Operating Characteristic) Curve: A plot of the true positive rate "
        "against the false positive rate."
    )
    assert out[7] == "- Tort: A civil wrong that causes a claimant to suffer loss."
    assert out[1] == out[4] == out[5] == ""


def test_code_chart_rows_annals_or_one_indented_line_are_no_definition_list():
    """Code continued on an indented line, a chart's rows, an annal's 'A.D. 938. Here' over
    its verse, and a single short line over an indented one are left as written."""
    for lines in (
        ["def very_important_function(", "    template: str, file: str,", ""] * 3,
        ["II. Conc.   1-II   3-II", "    Ecc. Conc.  Norm. Conc.", ""] * 3,
        ["A.D. 938. Here", "    Athelstan king, of earls the lord,", ""] * 3,
        ["Accuracy", "  Percentage of correct predictions made by the model.", ""],
    ):
        assert blank_markup(list(lines)) == lines


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("See :ref:`the physical layer <physical>` first.", "See the physical layer first."),
        ("Defined in :rfc:`793`.", "Defined in RFC 793."),
        ("Use :func:`~numpy.mean` here.", "Use numpy.mean here."),
        ("It costs :math:`O(n^2)` time.", "It costs O(n^2) time."),
        ("A `link <https://x.org>`_ and a target_ here.", "A link and a target here."),
        ("Speed $v = \\frac{d}{t}$ and $\\alpha$.", "Speed v = d/t and α."),
        ("Costs $5 and $10 each.", "Costs $5 and $10 each."),
        ("Shown ![a diagram](img/d.png) here.", "Shown  here."),
        ("As in [[link]](#fig-1) above.", "As in above."),
        ("[ ] [[Review] Sorting (video)](https://y.tt/x)", "[Review] Sorting (video)"),
        ('A **term**{: data-type="term"} here.', "A **term** here."),
        ("Fish &amp; chips", "Fish & chips"),
        ("Watch this [video][1] first.", "Watch this video first."),
        ("Isomers [CoCl6][Br] and [CoCl5Br][Cl].", "Isomers [CoCl6][Br] and [CoCl5Br][Cl]."),
        ("A fact[^1] and another[#]_.", "A fact and another."),
        (
            "(\\#tab:viruschar)Clinically important virus families.",
            "Clinically important virus families.",
        ),
        ("As (#fig:cycle) shows.", "As shows."),
        ("Read the glossary_ first.", "Read the glossary first."),
        ("Run :cmd:`ls` as `the guide`_ says.", "Run ls as the guide says."),
        ("See :ref:`x` and the glossary_.", "See x and the glossary."),
        (
            "Use ``ls -l`` after :ref:`setup`; snake_case stays.",
            "Use ``ls -l`` after setup; snake_case stays.",
        ),
        ("It ends on a target_", "It ends on a target"),
        ("keep snake_case_name as written", "keep snake_case_name as written"),
        (
            "A [link with [brackets] inside](https://x.org/a_(b)) here.",
            "A link with [brackets] inside here.",
        ),
        ("See [the guide][guide] and [x](y).", "See the guide and x."),
    ],
)
def test_inline_markup_reduces_to_its_words(text, plain):
    """Roles, links, LaTeX, images, cross-references, attributes and entities read as text."""
    assert plain_inline(text) == plain


def test_latex_commands_become_plain_symbols():
    """'\\\\frac{a}{b}' reads a/b, Greek letters are letters, citations go."""
    assert latex_plain("\\frac{1}{2} \\times \\beta \\cite{knuth}") == "1/2 × β "


def test_ascii_art_banners_are_blanked():
    """A banner drawn in punctuation is not text; a table rule and an equation stay."""
    lines = ["  ___| | | |  _ \\| |", " / __| | | | |_) | |", "|---|:--:|", "x = (a + b) / 2"]
    assert blank_markup(lines) == ["", "", "|---|:--:|", "x = (a + b) / 2"]


def test_escaped_cross_reference_links_leave_no_brackets():
    """'mydriasis ([\\[link\\]](#fig-2))' from a converted textbook reads 'mydriasis'."""
    assert plain_inline("known as mydriasis ([\\[link\\]](#fig-2)). Next") == (
        "known as mydriasis. Next"
    )


def test_images_with_titles_and_mdx_lines_go():
    """An image whose title holds brackets, MDX imports and ':::info' fences are not text."""
    text = 'See ![A graph](fig.jpg "PV (a) curves at size 12{P} {}") here.'
    assert plain_inline(text) == "See  here."
    lines = ["import Courses from '../_courses/Courses.md'", ":::info", "Kept.", ":::"]
    assert blank_markup(lines) == ["", "", "Kept.", ""]


@pytest.mark.parametrize(
    "markup",
    [
        "<!-- a comment -->",
        "<script>track()</script>",
        "{: .note}",
        "^",
        '<div data-type="note">',
        ":::info",
        "export { meta } from './meta.js'",
        "[[ch11]]",
        "[source,python]",
        "$$ x = 1 $$",
        "\\[ y = 2 \\]",
        ".. _label:",
        ".. figure:: plot.png",
        "+------+------+",
        "[1]: https://example.org/notes",
    ],
)
def test_each_kind_of_markup_line_goes_from_among_prose(markup):
    """A markup line between two lines of prose goes; the prose around it stays."""
    lines = ["Prose before it.", markup, "", "Prose after it."]
    assert blank_markup(lines) == ["Prose before it.", "", "", "Prose after it."]


def test_restructuredtext_simple_tables_become_markdown_tables():
    """A reST simple table is kept as a table (header, rows, a row over two lines)."""
    lines = [
        "========  ==================",
        "RTT       Maximum throughput",
        "========  ==================",
        "1 msec    524 Mbps",
        "10 msec   52.4 Mbps, on a",
        "          long fat network",
        "========  ==================",
        "",
        "After.",
    ]
    assert blank_markup(lines) == [
        "| RTT | Maximum throughput |",
        "|---|---|",
        "| 1 msec | 524 Mbps |",
        "| 10 msec | 52.4 Mbps, on a long fat network |",
        "",
        "",
        "",
        "",
        "After.",
    ]


def test_simple_table_columns_line_up_with_tabs_of_eight():
    """Rows typed with tabs line up with the borders as reST reads tabs (8 wide)."""
    written = ["======== ==========", "Bit rate\tBits", "======== ==========", "1 Kbps\t  10^3", ""]
    shown = [line.expandtabs(4) for line in written]
    assert blank_markup(shown, written)[:4] == [
        "| Bit rate | Bits |",
        "|---|---|",
        "| 1 Kbps | 10^3 |",
        "",
    ]


def test_html_table_headings_spanning_columns_keep_each_value_in_its_column():
    """A heading over two unit columns ("Boiling point" over K and °C) names both columns, so a
    value is never read under the wrong heading."""
    html = [
        "<table><caption>Boiling points</caption><thead>",
        "<tr><th>Substance</th><th colspan='2'>Boiling point</th><th>Phase</th></tr>",
        "<tr><th /><th>K</th><th>°C</th><th /></tr></thead>",
        "<tbody><tr><td>Water</td><td>373</td><td>100</td><td>liquid</td></tr>",
        "<tr><td>Ethanol</td><td>351</td><td>78</td><td>liquid</td></tr></tbody>",
        "</table>",
    ]
    lines = [line for line in blank_markup(html) if line.strip()]
    assert lines[0] == "Boiling points:"
    assert lines[1] == "| Substance | Boiling point (K) | Boiling point (°C) | Phase |"
    assert lines[3] == "| Water | 373 | 100 | liquid |"
    assert lines[4] == "| Ethanol | 351 | 78 | liquid |"


def test_an_html_table_caption_loses_its_label_and_its_full_stop():
    """A bookdown caption "(\\#tab:x)Virus families." reads "Virus families:" above the
    table, not "(#tab:x)Virus families.:"."""
    html = [
        "<table><caption>(\\#tab:viruschar)Virus families.</caption><thead>",
        "<tr><th>Virus</th><th>Family</th></tr></thead>",
        "<tbody><tr><td>Hepatitis C</td><td>Flaviviridae</td></tr></tbody>",
        "</table>",
    ]
    lines = [line for line in blank_markup(html) if line.strip()]
    assert lines[0] == "Virus families:"


def test_an_html_cell_spanning_rows_is_in_each_of_its_rows():
    """A group cell spanning rows ("Primary" beside the two diseases it groups) is repeated
    in each, so every value stays under its heading instead of sliding one column left."""
    lines = [
        "<table>",
        "<tr><th colspan='2'>Disease</th><th>Effect</th></tr>",
        "<tr><td rowspan='2'>Primary</td><td>SCID</td><td>No T cells</td></tr>",
        "<tr><td>IgA deficiency</td><td>No secretory IgA</td></tr>",
        "<tr><td>Secondary</td><td>Malnutrition</td><td>Weak responses</td></tr>",
        "</table>",
        "",
    ]
    rows = [line for line in blank_markup(lines) if line.startswith("|")]
    assert rows[0] == "| Disease | Disease | Effect |"
    assert rows[2:] == [
        "| Primary | SCID | No T cells |",
        "| Primary | IgA deficiency | No secretory IgA |",
        "| Secondary | Malnutrition | Weak responses |",
    ]


def test_kramdown_block_ends_and_lone_html_block_tags_are_blank():
    """kramdown's end-of-block mark ``^`` and a line of only ``<div>``/``</div>`` tags are
    layout: they never reach the text (a glossary entry no longer ends in "^")."""
    lines = ["term", ": what the term means", "^", '<div data-type="title">', "</div>", "x"]
    assert blank_markup(lines) == ["", "- term: what the term means", "", "", "", "x"]


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        (
            "5. _The sob_ is an uninterrupted succession",
            "5. The sob is an uninterrupted succession",
        ),
        (
            "where Coleridge wrote _The Rime of the Ancient Mariner_.",
            "where Coleridge wrote The Rime of the Ancient Mariner.",
        ),
        (
            "keep my_var_name and snake_case_name_ as written",
            "keep my_var_name and snake_case_name as written",
        ),
    ],
)
def test_underscore_italics_are_stripped_and_identifiers_kept(text, plain):
    """Plain-text books and Markdown set italics in underscores ("_The sob_ is ..."): the
    marks go, an identifier's underscores stay (a reST reference's trailing one goes)."""
    assert plain_inline(text) == plain


def test_a_bare_label_reference_never_shows_its_label():
    """Sphinx shows a cross-reference to a bare label as the target's number, which the text
    cannot know: the label ("sec_calculus") never reaches a card; what it points to is said
    instead, and a citation goes with the space before it (a maths book, a biology chapter)."""
    assert plain_inline("As was seen in :numref:`sec_calculus`, rules help.") == (
        "As was seen in another section, rules help."
    )
    assert plain_inline("The curve has one minimum, shown in :numref:`fig_positive-second`.") == (
        "The curve has one minimum, shown in the figure."
    )
    assert plain_inline("Mitosis has four stages :cite:`Alberts.2002`.") == (
        "Mitosis has four stages."
    )
    assert plain_inline("See :ref:`the staining protocol <stain>` first.") == (
        "See the staining protocol first."
    )


def test_a_triple_bond_and_an_equilibrium_keep_their_symbols():
    """ "HC \\equiv CH" (chemistry) reads "HC ≡ CH", not "HC  CH"; an equilibrium arrow stays."""
    assert latex_plain(r"HC \equiv CH") == "HC ≡ CH"
    assert latex_plain(r"A \rightleftharpoons B") == "A ⇌ B"


def test_a_pandoc_span_shows_its_words_without_its_attributes():
    """'[Airborne transmission]{#airborne}' (an epidemiology glossary) reads "Airborne
    transmission"; a bracket or brace that is not a span stays as written."""
    assert plain_inline("[Airborne transmission]{#airborne}") == "Airborne transmission"
    assert plain_inline("See [the list]{.smallcaps} below.") == "See the list below."
    assert plain_inline("Sets {a, b} and lists [1, 2].") == "Sets {a, b} and lists [1, 2]."


def test_a_formula_between_bars_is_not_a_substitution():
    """Graph theory: 'The order of a graph is $|V|$' keeps its formula as '|V|'; a reST
    substitution ('|project| is fast') is still dropped."""
    from studyapp.outline.lines import strip_inline

    assert strip_inline("The order of a graph is $|V|$, its number of vertices.") == (
        "The order of a graph is |V|, its number of vertices."
    )
    assert strip_inline("The |project| tool is fast.") == "The tool is fast."


def test_emoji_set_before_a_line_are_decoration():
    """Notes open lines with emoji ('📚 An articulation point is ...', '❗ Watch out for ...',
    '🄳 A 409A valuation'); a card shows the words. A table's check mark stays."""
    from studyapp.outline.lines import strip_inline

    assert strip_inline("📚 An articulation point is a vertex.") == (
        "An articulation point is a vertex."
    )
    assert strip_inline("❗ Watch out for the AMT trap.") == "Watch out for the AMT trap."
    assert strip_inline("🄳 A 409A valuation") == "A 409A valuation"
    assert strip_inline("Idempotent: ✓") == "Idempotent: ✓"


def test_a_headings_attributes_are_not_its_title():
    """Pandoc, kramdown and MkDocs write '## Overview {#overview}' and '## Summary
    {.unnumbered}'; the title is 'Overview', 'Summary'. Braces in prose stay."""
    from studyapp.outline.lines import markdown_heading, strip_inline

    assert markdown_heading("## Overview {#overview}") == (2, "Overview")
    assert markdown_heading("### The cab problem{#sec-cab_problem}") == (3, "The cab problem")
    assert markdown_heading("## Summary {.unnumbered}") == (2, "Summary")
    # spaces inside the braces, as Pandoc allows (an electronics textbook's export)
    assert markdown_heading("## Potential Pitfalls { #sec:xtocid157909725 }") == (
        2,
        "Potential Pitfalls",
    )
    assert markdown_heading("## Notes {#notes .unlisted data-level=2}") == (2, "Notes")
    assert strip_inline("Use {x} in the template") == "Use {x} in the template"
    assert strip_inline("Write { #not-an-attribute } here") == "Write { #not-an-attribute } here"


def test_a_plain_text_books_bold_may_run_over_a_line():
    """Project Gutenberg's bold over two lines ('=General Aspects of\\nthe Pentecostal
    Church=.') reads as its words once the paragraph is joined."""
    assert plain_inline("look at the =General Aspects of the Pentecostal Church=.") == (
        "look at the General Aspects of the Pentecostal Church."
    )


def test_a_myst_exercise_example_or_checkpoint_with_its_solution_goes():
    """Jupyter Book textbooks (physics, statistics) set their worked examples and exercises in
    MyST blocks: a problem's data ("A mass, M, is placed on the piston") is no fact to learn,
    and the solution nested inside often has no closing fence of its own."""
    lines = [
        "Pascal's principle holds in any enclosed fluid.",
        ":::{note} Example 14.2",
        "The pistons are cylindrical and their diameters are D and D/2.",
        ":::{note} Solution",
        ":class: dropdown",
        "The force is a quarter of the weight.",
        ":::",
        "A hydraulic lift multiplies force.",
        ":::{exercise}",
        "Which of the following is true?",
        ":::",
        ":::{tip} Checkpoint",
        "What happens to the pressure?",
        ":::{tip} Answer",
        "It doubles.",
        ":::",
        ":::{hint} Learning Objectives",
        "Describe pressure in a fluid.",
        ":::",
    ]
    kept = [line for line in blank_markup(lines) if line.strip()]
    assert kept == [
        "Pascal's principle holds in any enclosed fluid.",
        "A hydraulic lift multiplies force.",
        "Describe pressure in a fluid.",
    ]


def test_a_pandoc_citation_is_no_part_of_the_text():
    """Quarto and R Markdown textbooks (psychology, epidemiology) cite as '[@key]': the key
    often spells the answer ('[@termanMeasurement1916]' beside '[Terman] was ...'). An
    address in brackets is no citation."""
    from studyapp.outline.lines import strip_inline

    assert strip_inline(
        "Terman popularized the test [@termanMeasurement1916], hence the name."
    ) == ("Terman popularized the test, hence the name.")
    assert strip_inline("Confounding [see @hernan_2016, p. 3; @rubin_2001] matters.") == (
        "Confounding matters."
    )
    assert strip_inline("Write to [me@example.org] today.") == "Write to [me@example.org] today."
