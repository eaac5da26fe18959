"""Site names, sales pitches, bylines, author bios and navigation never reach a deck."""

from __future__ import annotations

from studyapp.outline.chrome_filter import (
    _SENTENCE_PATTERNS,
    AUTHOR,
    NAVIGATION,
    PROMOTION,
    SITE_NAME,
    filter_chrome,
    find_site_name,
    is_byline,
    is_navigation_line,
    is_promotional,
)
from studyapp.outline.parse import parse_file
from tests.locations import OUTLINE_FIXTURES

FIXTURES = OUTLINE_FIXTURES


def _kept(text: str) -> str:
    return "\n".join(filter_chrome(text.split("\n")).lines)


def test_sales_sentence_is_dropped_and_the_rest_of_the_paragraph_kept_verbatim():
    """A sales sentence in a paragraph goes; the sentences around it stay exactly as written."""
    line = (
        "Caffeine blocks adenosine receptors. Buy caffeine tablets online with free shipping! "
        "Its half-life is about five hours."
    )
    result = filter_chrome([line])
    assert result.lines == [
        "Caffeine blocks adenosine receptors. Its half-life is about five hours."
    ]
    assert [r.reason for r in result.removals] == [PROMOTION]
    assert result.removals[0].line == 1


def test_promotional_phrases_are_recognised():
    """Sales and call-to-action wording counts as promotion."""
    for sentence in [
        "Get top quality vitamins for sale at our shop.",
        "Order online today and save.",
        "Use coupon SAVE10 at checkout.",
        "Click here to read the full guide.",
        "Subscribe to our newsletter for weekly tips.",
        "Huge discount prices, shipping worldwide.",
        "Shop now while stocks last.",
    ]:
        assert is_promotional(sentence), sentence


def test_study_sentences_with_similar_words_are_not_promotion():
    """Words like 'order', 'offer' or 'discount' in teaching text do not trigger the filter."""
    for sentence in [
        "In order to reduce pain, the dose is titrated.",
        "Ketamine may offer hope to patients with depression.",
        "The discount rate sets the present value of future cash flows.",
        "First-order kinetics apply at therapeutic doses.",
        "Neurons store information in synapses.",
    ]:
        assert not is_promotional(sentence), sentence


def test_site_name_prefixed_to_a_repeated_title_is_found_and_removed_everywhere():
    """'Brand Title' above a repeated 'Title' reveals the site name; sentences naming it go."""
    text = (
        "Health Hub Basics of Sleep\n\nBasics of Sleep\n\nSleep has stages. Health Hub explains "
        "each stage in detail. REM sleep comes last.\n\nHealth Hub\n"
    )
    result = filter_chrome(text.split("\n"))
    assert result.site_name == "Health Hub"
    assert result.lines[0] == "Basics of Sleep"
    assert "Health Hub" not in "\n".join(result.lines)
    assert "Sleep has stages. REM sleep comes last." in result.lines
    assert {r.reason for r in result.removals} == {SITE_NAME}


def test_site_name_as_a_suffix_with_a_separator():
    """'Title | Brand' above a repeated title also reveals the site name."""
    lines = ["Acid-Base Balance | MedNotes", "", "Acid-Base Balance", "", "Text here."]
    assert find_site_name(lines)[0] == "MedNotes"


def test_a_heading_that_extends_the_title_is_not_a_site_name():
    """'Importance of <title>' is a heading that continues the title, not a brand name."""
    lines = ["Sleep Physiology", "", "Sleep Physiology", "", "Overview of Sleep Physiology", ""]
    assert find_site_name(lines) == ("", -1, "")
    assert filter_chrome(lines).lines == lines


def test_bylines_are_removed_but_sentences_starting_with_by_are_kept():
    """'Written by', 'Posted by', 'By Name | date' go; 'By contrast, ...' stays."""
    assert is_byline("Written by Jane Roe")
    assert is_byline("Posted by admin on May 3, 2021")
    assert is_byline("By John Smith | March 2, 2022")
    assert is_byline("Author: Dr. Ann Lee")
    assert not is_byline("By contrast, the drug acts within minutes.")
    assert not is_byline("By Monday, most patients had recovered.")


def test_author_section_is_removed_up_to_the_next_section():
    """An 'About the author' block goes until the next numbered heading, which stays."""
    text = (
        "I. Basics\n\nCells divide.\n\nAbout the author\n\nJane Roe teaches biology.\n\n"
        "II. Mitosis\n\nMitosis has four phases.\n"
    )
    kept = _kept(text)
    assert "Jane Roe" not in kept and "About the author" not in kept
    assert "II. Mitosis" in kept and "Mitosis has four phases." in kept


def test_trailing_first_person_biography_is_removed():
    """A first-person bio at the end of the page goes even without an 'Author' heading."""
    text = (
        "II. Renal Physiology\n\nThe kidney filters blood.\n\n"
        "Hi, I'm Sam. I have taught physiology for ten years and my passion is helping\n"
        "students. In my free time I hike with my family.\n"
    )
    result = filter_chrome(text.split("\n"))
    kept = "\n".join(result.lines)
    assert "The kidney filters blood." in kept
    assert "Sam" not in kept and "hike" not in kept
    assert all(r.reason == AUTHOR for r in result.removals)


def test_first_person_text_inside_the_article_is_kept():
    """A teaching paragraph using 'I' once is not mistaken for a biography."""
    text = "II. Notes\n\nAs I said, the kidney filters blood.\n\nIII. More\n\nUrine is made.\n"
    assert _kept(text) == text


def test_navigation_cookie_and_copyright_lines_are_removed():
    """Menus, share widgets, related posts, cookie notices and copyright lines go."""
    for line in [
        "Home | About | Contact",
        "Home • Blog • Shop • Login",
        "Share this article",
        "Related posts",
        "Leave a comment",
        "We use cookies to improve your experience.",
        "© 2024 Example Ltd. All rights reserved.",
        "Copyright 2023 Example",
        "Tags: sleep, health",
    ]:
        assert is_navigation_line(line), line
    for line in ["Home care of patients is discussed below.", "Sharing needles spreads HIV."]:
        assert not is_navigation_line(line), line


def test_line_count_is_kept_so_line_numbers_stay_true():
    """The filter blanks lines instead of deleting them."""
    lines = (FIXTURES / "scraped_page.txt").read_text(encoding="utf-8").split("\n")
    result = filter_chrome(lines)
    assert len(result.lines) == len(lines)
    assert {r.reason for r in result.removals} >= {SITE_NAME, PROMOTION, AUTHOR, NAVIGATION}


def test_scraped_page_outline_has_no_chrome_left():
    """Parsing a scraped page keeps the lesson and nothing of the site around it."""
    outline = parse_file(FIXTURES / "scraped_page.txt")
    text = "\n".join(
        f"{s.title}\n" + "\n".join(getattr(b, "text", "") for b in s.blocks) for s in outline.walk()
    )
    for chrome in ["MedNotes", "Jane", "cookies", "20% off", "Share", "Related", "©", "nurse"]:
        assert chrome not in text, chrome
    assert outline.title == "The Physiology of Sleep"
    assert "REM sleep is characterized by rapid eye movements and vivid dreams." in text
    assert "Sleep occurs in cycles of about 90 minutes." in text


def test_sales_sentences_are_dropped_whatever_their_case_and_letters():
    """A sales sentence in capitals goes like one in lower case, also in a line holding letters
    whose case is special (the dotless ı of Turkish, the long ſ of old print)."""
    for extra in ("", " Istanbul is on the Bosphorus, not in Kırıkkale.", " Congreſs met."):
        line = f"Caffeine blocks adenosine receptors. BUY CAFFEINE ONLINE NOW!{extra}"
        result = filter_chrome([line])
        assert result.lines == [f"Caffeine blocks adenosine receptors.{extra}"]
        assert [r.reason for r in result.removals] == [PROMOTION]


def test_lines_are_searched_with_patterns_written_in_lower_case():
    """The patterns a line is searched with before it is split into sentences are written in
    lower case: the line is searched lower-cased, where an upper-case letter is never found."""
    for pattern in _SENTENCE_PATTERNS:
        assert pattern.pattern == pattern.pattern.lower()


def test_a_book_credit_goes_with_its_wrapped_titles_and_a_phrase_by_someone_stays():
    """ "Translated into English by J. B. Moyle, D.C.L. of Lincoln's Inn," and the titles
    wrapped onto the next line are a credit, not content; "by Cession of particular States,"
    inside a paragraph of the constitution is content."""
    lines = [
        "THE INSTITUTES",
        "",
        "Translated into English by J. B. Moyle, D.C.L. of Lincoln's Inn,",
        "Barrister-at-Law, Fellow and Late Tutor of New College, Oxford",
        "",
        "Such District as may, by Cession of particular States, and the Acceptance of",
        "by Cession of particular States, and the Acceptance of Congress,",
        "become the Seat of the Government.",
    ]
    out = filter_chrome(lines).lines
    assert out[2] == out[3] == ""
    assert out[5:] == lines[5:]
