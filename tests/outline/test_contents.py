"""A table of contents is skipped, whatever its shape, and real lists are not mistaken for one."""

from __future__ import annotations

from studyapp.outline.contents import entry_key
from studyapp.outline.parse import parse_outline


def _titles(text: str) -> list[str]:
    return [s.title for s in parse_outline(text).walk()]


def test_entries_and_headings_compare_without_numbers_pages_or_markup():
    """'1.2 Consult *APPDATA* .... 12' and '1.2 Consult APPDATA' are the same entry."""
    assert entry_key("1.2 Consult *APPDATA* .... 12") == entry_key("1.2 Consult APPDATA")
    assert entry_key("  6. The battalion            258-326") == "the battalion"
    assert entry_key("IV. Other useful tips") == "other useful tips"


def test_entry_keys_keep_letters_of_any_script_and_drop_every_mark():
    """An entry in another script or with accents compares by its letters and digits, and
    every punctuation mark, underscore or odd space between words counts as one space."""
    assert entry_key("3. Café au lait") == "café au lait"
    assert entry_key("Die Straße\u2003im Überblick") == "die straße im überblick"
    assert entry_key("snake_case — and/or: “quoted”") == "snake case and or quoted"
    assert entry_key("Ⅻ chapters") == "ⅻ chapters"  # a Roman numeral sign is a number


def test_an_entry_drops_each_mark_alike_with_or_without_letters_beyond_ascii():
    """An entry holding an accented word loses its marks just as a plain ASCII one does, so
    "Setup & config (v2)" and "Setup & config (v2) — café" compare by the same words."""
    for code in range(32, 127):
        mark = chr(code)
        plain = entry_key(f"Setup{mark}config x")
        assert entry_key(f"Setup{mark}config x café") == f"{plain} café", repr(mark)
    assert entry_key("Setup & config: (a/b) [c] {d} 'f' #h %j ^k ~l") == (
        "setup config a b c d f h j k l"
    )


def test_a_decimal_contents_list_is_skipped_and_the_body_kept():
    """A manual's '1. Basics / 1.1 ...' list before the body leaves each section once."""
    text = (
        "Manual\n\n 1. Basics\n 1.1 Starting up\n 1.2 shutting down\n\n 2. Care\n 2.1 Cleaning\n"
        "\n1. Basics\n\n1.1 Starting up\n\nPress the green key.\n\n1.2 shutting down\n\n"
        "Hold the red key.\n\n2. Care\n\n2.1 Cleaning\n\nWipe with a dry cloth.\n"
    )
    assert _titles(text) == ["Basics", "Starting up", "shutting down", "Care", "Cleaning"]


def test_a_contents_list_with_page_numbers_is_skipped_even_without_its_body():
    """Entries ending in page numbers are a contents list even when the excerpt stops early."""
    text = (
        "Drill Regulations\n\nContents\n\n 1. Introduction          1-30\n"
        " 2. Orders and signals    31-47\n 3. School of the soldier 48-100\n"
        " 4. School of the squad   101-158\n\nINTRODUCTION\n\n"
        "Success in battle is the object of all training.\n"
    )
    outline = parse_outline(text)
    assert "Orders and signals" not in " ".join(_titles(text))
    assert "Success in battle" in outline.sections[0].paragraphs[0].text


def test_a_bullet_list_of_anchor_links_is_skipped():
    """'- [Basics](#basics)' lines are navigation of the page, not content."""
    text = "# Guide\n\n- [Basics](#basics)\n- [Care](#care)\n- [Repair](#repair)\n- [Parts](#parts)"
    text += "\n\n## Basics\n\nThe basics come first.\n\n## Care\n\nClean it weekly.\n"
    outline = parse_outline(text)
    assert [s.title for s in outline.walk()] == ["Basics", "Care"]


def test_an_ordinary_list_of_short_items_is_kept():
    """A list whose items the text does not repeat as headings is content."""
    text = "# Fruit\n\n## Citrus\n\nCitrus fruits:\n\n- Lemon\n- Lime\n- Orange\n- Grapefruit\n"
    outline = parse_outline(text)
    assert [i.text for i in outline.sections[0].lists[0].items] == [
        "Lemon",
        "Lime",
        "Orange",
        "Grapefruit",
    ]


def test_the_full_contents_of_a_book_go_though_the_text_is_one_chapter_of_it():
    """A chapter cut from a book keeps the book's whole contents: the entries it reaches come
    back as headings, the later ones ("The Lorentz Transformation") never do. All of them are
    contents, none is a section of the text or a card."""
    entries = [
        "Physical Meaning of Geometrical Propositions",
        "The System of Co-ordinates",
        "Space and Time in Classical Mechanics",
        "The Lorentz Transformation",
        "The Behaviour of Measuring-Rods and Clocks in Motion",
        "General Results of the Theory",
        "Minkowski's Four-dimensional Space",
    ]
    contents = "\n".join(f"{n:02d}. {title}" for n, title in enumerate(entries, start=1))
    body = "\n\n\n".join(
        f"{title.upper()}\n\nThe text of this chapter explains {title.lower()} in detail."
        for title in entries[:3]
    )
    outline = parse_outline(f"CONTENTS\n\n{contents}\n\n\n{body}\n")
    titles = [s.title for s in outline.walk()]
    texts = " ".join(b.text for s in outline.walk() for b in s.paragraphs)
    assert "The Lorentz Transformation" not in titles
    assert "Lorentz" not in texts
    assert "THE SYSTEM OF CO-ORDINATES" in titles


def test_numbered_entries_under_a_contents_title_go_though_no_heading_repeats_them():
    """A book whose chapters are headed by their numbers alone ("I", "II") repeats none of its
    contents entries; the entries under "Analysis of Contents" are still no content, in a
    treatise on music as in one on farming."""
    for title, entries, body in (
        (
            "Analysis of Contents",
            ["The Nature of Harmony.", "Of Consonant Intervals, and", "  their Uses.", "Of Modes."],
            "A consonance is an interval that sounds stable to the ear.",
        ),
        (
            "CONTENTS",
            [
                "Of Soils and their Tillage.",
                "Of Manures.",
                "Of the Rotation of Crops, with",
                "  Tables.",
            ],
            "Clay soils hold water longer than sandy soils do.",
        ),
    ):
        numbered, n = [], 0
        for entry in entries:
            if entry.startswith("  "):
                numbered.append(f"        {entry.strip()}")
            else:
                n += 1
                numbered.append(f"  {'I' * n if n < 4 else 'IV'}     {entry}")
        text = f"A TREATISE\n\n{title}\n\n" + "\n".join(numbered) + f"\n\n\n\nI\n\n{body}\n"
        outline = parse_outline(text)
        found = " ".join(
            [s.title for s in outline.walk()]
            + [b.text for s in outline.walk() for b in s.paragraphs]
            + [i.text for s in outline.walk() for lst in s.lists for i in lst.items]
        )
        assert body in found
        for entry in entries:
            assert entry.strip() not in found


def test_a_chapter_headed_by_its_number_alone_takes_its_title_from_the_contents():
    """ "III" says nothing of the topic; the contents entry "III The Manner of Imitation"
    does, so the chapter (and its deck) is called "III. The Manner of Imitation", without a
    note to the reader such as "(Plot continued.)" (drama, farming)."""
    for entries, heading, title in (
        (
            [
                "I     The Objects of Imitation.",
                "II    The Manner of Imitation.",
                "III   (Plot continued.) Dramatic Unity.",
            ],
            "III",
            "III. Dramatic Unity",
        ),
        (
            ["I.  Of Soils.", "II.  Of Manures and their", "      Uses.", "III.  Of Crops."],
            "II.",
            "II. Of Manures and their Uses",
        ),
    ):
        contents = "\n".join(f"  {entry}" for entry in entries)
        body = "Clay soils hold water longer than sandy soils do, and drain slowly."
        outline = parse_outline(
            f"A TREATISE\n\nContents\n\n{contents}\n\n\n\n{heading}\n\n{body}\n"
        )
        assert title in [s.title for s in outline.walk()]


def test_wrapped_contents_entries_go_and_every_numbered_title_of_the_body_stays():
    """A law book lists its titles with some entries wrapped onto a second line; its body
    heads each part "TITLE II. OF THE LAW OF NATURE, ..." (long, in capitals): the contents
    go, every title of the body is a section (law; a history has the same shape)."""
    for word, titles in (
        (
            "TITLE",
            [
                "Of justice and law",
                "Of the law of nature, the law of nations, and the civil law",
                "Of persons",
            ],
        ),
        (
            "CHAPTER",
            [
                "Of the first kings",
                "Of the wars of the republic against the tribes of the hill country",
                "Of Caesar",
            ],
        ),
    ):
        numerals = ["I", "II", "III"]
        contents = []
        for numeral, title in zip(numerals, titles, strict=True):
            if len(title) > 40:  # wrapped as old books print it
                cut = title.rfind(" ", 0, 40)
                contents += [f"     {numeral}. {title[:cut]}", f"     {title[cut + 1 :]}"]
            else:
                contents.append(f"     {numeral}. {title}")
        body = "\n\n\n".join(
            f"{word} {numeral}. {title.upper()}\n\nThe text of this part is about {title.lower()}."
            for numeral, title in zip(numerals, titles, strict=True)
        )
        preface = "The emperor gave these laws to the youth desirous of studying them, and to all."
        text = (
            f"THE BOOK\n\n{preface}\n\n\nBOOK I.\n\n     {word}S\n"
            + "\n".join(contents)
            + "\n\n\n"
            + body
        )
        found = [s.title for s in parse_outline(text).walk()]
        for numeral, title in zip(numerals, titles, strict=True):
            assert f"{word} {numeral}. {title.upper()}" in found, (found, title)
