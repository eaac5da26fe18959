"""Cards from tables: a row asked by a column, and a row found by what its columns say.

A table's first column names what each row is about (a class, a drug, a route) and the header
says what each other column tells of it. So a table of the Biopharmaceutics Classification
System gives "BCS: what is the permeability of Class III?" (row x column) and "BCS: which class
has high solubility and low permeability?" (the row whose cells say so, chosen among the
other rows). A card's ``source`` is its row as the reading material shows it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from studyapp.cards import lexicon as lx
from studyapp.cards.drafts import MAX_ANSWER, MAX_TYPED, Draft, digest, lower_first
from studyapp.cards.from_blanks import word_char
from studyapp.model import CardType
from studyapp.outline.nodes import OutlineSection, Table

MAX_COLUMNS_ASKED = 4  # columns of a row asked one by one; wider tables ask their first ones
MAX_SHORT_WORDS = 4  # a cell this short can describe its row in a "which ... has" question
# "which ... has" cards of one table: the same question told by another row ("Which acid has
# conjugate base Cl-?", "... HO-?", eight times over) trains the table's pattern, not its
# facts; rated blind, 1 of 44 such cards was good, 23 weak and 20 bad
MAX_WHICH_CARDS = 2
MAX_TABLE_CARDS = 30  # a long table is reading material first: its first rows are asked
_EMPTY = frozenset(["", "-", "–", "—", "n/a", "na", "none", "?", "…", "..."])
_IDENTIFIER = re.compile(r"^[#§]?\s*[\dA-Z]{0,3}[\d.:-]*\d[\d.:-]*$")  # "6.2.1", "V2", "#3"
# a row's code, told apart from others only with its column's name: "II", "B" (rows
# numbered "1", "2" are left out as before: a worked example's nodes, "node 10", teach nothing)
_CODE = re.compile(r"^(?:[IVX]{1,5}|[A-Z])$")
_KIND = re.compile(r"^\s*[A-Za-z][a-z]+(?: [a-z]+)?\s*$")  # "class", "Stage", "grade level"
_WORD_VALUE = re.compile(r"^[A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*)?$")
_MARK = re.compile(r":[\w+-]+:")  # an emoji code of a Markdown table: ":+1:", ":white_check_mark:"
_POINTERS_HEADING = re.compile(
    r"^(?:references?|reference\(s\)|sources?|source\(s\)|links?|urls?|see also|notes?"
    r"|further reading)\W*$",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"://|\bwww\.|\b[\w-]+\.(?:com|org|net|io|edu|gov)\b")
_OF_PHRASE = re.compile(r" (?:of|on|in|for|by|per|from|at) ")  # "Downtime [per] year"
_TABLE_NUMBER = re.compile(r"^table\s+[\w.-]+\s*[:.]?\s*", re.IGNORECASE)  # "Table 2.1: "
_SENTENCE_BREAK = re.compile(r"[a-z)][.!?] +[A-Z]")
_DATA_MARK = re.compile(r"[\d\[\]]")  # digits or brackets: a cell of data, not a heading
_ASIDE = re.compile(r"\s*\(([^()]*)\)")  # "(in trillions of dollars)", "(Source: ...)"
MAX_HEADING_WORDS = 6  # a longer heading is a sentence, not the name of what a column tells
MAX_SHORT_ROWS_SHARE = 10  # a table with more than one row in 10 written short is not asked
MAX_CAPTION_WORDS = 12  # a longer caption is prose about the table, not its name
MIN_RANKED_ROWS = 4  # "which has the highest ...?" needs three wrong choices
# a corner heading that names the rows as aspects: the columns are then the things compared
_ASPECT_CORNER = re.compile(
    r"^(?:features?|propert(?:y|ies)|attributes?|characteristics?|aspects?|criteri(?:on|a)"
    r"|dimensions?|parameters?|comparison)$",
    re.IGNORECASE,
)
PLAINER_BY = 0.75  # Zipf points by which a blank-cornered table's row names are plainer words
# a number as tables write it: "647.4", "−118.4", "$2.9", "13%", "5.08 × 10^6" (spaces removed)
_NUMBER = re.compile(
    r"(?P<sign>[−–-]?)\$?(?P<digits>\d[\d,]*(?:\.\d+)?)%?(?:×10\^?(?P<exp>[−–-]?\d+))?"
)


def table_row(cells: list[str]) -> str:
    """A row as a Markdown table line: the text a table card quotes as its source."""
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def table_markdown(table: Table) -> str:
    """The table as Markdown (caption in bold above it), as the reader shows it."""
    lines = [f"**{table.caption}:**", ""] if table.caption else []
    header = table.header or [""] * len(table.rows[0])
    lines.append(table_row(header))
    lines.append("|" + "|".join(" --- " for _ in header) + "|")
    lines.extend(table_row(row) for row in table.rows)
    return "\n".join(lines)


def is_table_draft(draft: Draft) -> bool:
    """Whether a draft asks a table's cells (made by :func:`table_cards`)."""
    return draft.key.startswith(("table|", "table-which|", "table-highest|", "table-lowest|"))


def table_cards(table: Table, section: OutlineSection) -> list[Draft]:
    """The cards of one table (none when it has no header or fewer than two rows), at most
    ``MAX_TABLE_CARDS``: for each row its "which ... has" card first, then its cells."""
    header = table.header
    if len(header) < 2 or len(table.rows) < 2 or _data_header(header):
        return []
    if table.short_rows * MAX_SHORT_ROWS_SHARE > len(table.rows):
        return []  # a table that lost its merged cells ("| Prochlorperazine | 25 mg PR q12h
        # | ...": the drug in the category column, its dose under "Medication"): rated blind,
        # 34 of 56 cards of one such table were bad, asking a cell under the wrong heading
    if sum(map(_field_name, header)) * 2 >= len(header):
        return []  # "cityLabel | population | countryLabel": a sample of a dataset, not facts
    rows = [row for row in table.rows if not _empty(row[0])]
    shown: dict[str, str] = {}  # a row's source as asked -> as the reading material shows it
    by_aspect: dict[str, str] = {}  # a turned table's aspect -> its row as the reader shows it
    if len(header) >= 3 and header[0] == header[1] and _grouped(rows):
        # one heading ("Disease") over a group column and a name column: "Primary
        # immunodeficiencies" spanning the diseases it groups. Each row is named by its
        # second cell, the disease; its source keeps the group
        shown = {table_row(row[1:]): table_row(row) for row in rows}
        header, rows = header[1:], [row[1:] for row in rows]
    if _transposed(header, rows):
        # the columns are the things ("ISOs", "Mitosis") and the rows what is told of each
        # ("Tax at sale"): asked turned, each card's source is the row its answer is in
        by_aspect = {row[0]: table_row(row) for row in rows}
        header, rows = (
            [""] + [row[0] for row in rows],
            [[header[j]] + [row[j] for row in rows] for j in range(1, len(header))],
        )
    vocabulary = _vocabulary_cards(header, rows, section.id, _context(table, section))
    if vocabulary:
        return vocabulary[:MAX_TABLE_CARDS]  # "French | English": a word and its meaning
    contrast = _contrast_card(header, rows, section.id, _context(table, section))
    if contrast is not None:
        return [contrast]  # "Cholesterol polyp | Adenomatous polyp": how the two differ
    if _peer_columns(header):
        return []  # "Africa | Asia | Europe": lists side by side, a row is no record
    labels = [row[0] for row in rows]
    if labels and all(_CODE.match(label) for label in labels) and _KIND.match(header[0]):
        # "class | severity ..." with rows "I", "II", ...: a row is named by its kind and its
        # code ("What is the severity of class II?"); "What is the severity of II?" was
        # rated bad 14 times in 14 (a medical genetics lecture)
        kind = header[0].strip().lower()
        named = [[f"{kind} {row[0]}", *row[1:]] for row in rows]
        # each card's source stays the row as the text writes it ("| II | severe | ...")
        shown.update(
            {
                table_row(new): shown.get(table_row(old), table_row(old))
                for new, old in zip(named, rows, strict=True)
            }
        )
        rows = named
        labels = [row[0] for row in rows]
    repeated = {label for label in labels if labels.count(label) > 1}
    if len(repeated) * 2 > len(set(labels)) or all(_IDENTIFIER.match(label) for label in labels):
        return []  # rows not told apart by a name ("6.2.1", "#3"): nothing to ask them by
    if repeated:  # a timeline's two events of 1745: each row asked by its name alone
        rows = [row for row in rows if row[0] not in repeated]
        labels = [row[0] for row in rows]
    if sum(_statement(label) for label in labels) > len(labels) / 2:
        return []  # "Advantages" beside "Limitations": lists side by side, no row names
        # ("What are the limitations of CUT&RUN of Requires less starting material?")
    context, caption = _context(table, section), _caption(table) or _titled(section.title)
    informative = [j for j in range(1, len(header)) if _informative(header[j], rows, j)]
    measured = [j for j in informative if _numeric(rows, j)]
    # a measured value of one row is a lookup nobody learns ("critical pressure of oxygen:
    # 5.08"); which row ranks first or last in it is a fact of the whole table
    columns = [j for j in informative if j not in measured]
    drafts: list[Draft] = [
        card
        for j in measured
        for card in _extreme_cards(header, rows, j, (context, caption), section.id)
    ]
    asked_which = 0
    for row in rows:
        which = _which_card(header, rows, row, columns, (context, caption), section.id)
        if which is not None and asked_which < MAX_WHICH_CARDS:
            drafts.append(which)
            asked_which += 1
        source = table_row(row)
        for j in columns[:MAX_COLUMNS_ASKED]:
            value = row[j]
            if _empty(value) or len(value) > MAX_ANSWER or _names(row[0], value):
                continue
            if value.split()[0].lower().strip(",.;") in ("yes", "no"):
                continue  # "is DELETE idempotent? yes": a coin toss, asked by "which" cards
            if _name(header[j]).lower() in _EVENTS and not _WHEN.search(row[0]):
                continue  # a timeline's heading row ("Middle Ages"): no date to ask by
            typed = (
                len(value) <= MAX_TYPED
                and len(value.split()) <= MAX_SHORT_WORDS
                and _name(header[j]).lower() not in _EVENTS  # "Shakespeare born": told, not typed
            )
            drafts.append(
                Draft(
                    CardType.TYPED if typed else CardType.BASIC,
                    f"table|{context}|{row[0]}|{header[j]}",
                    section.id,
                    by_aspect.get(header[j], source),
                    question=_ask(caption, _cell_question(header[j], row[0])),
                    answer=value,
                )
            )
    if shown:
        drafts = [replace(d, source=shown.get(d.source, d.source)) for d in drafts]
    return drafts[:MAX_TABLE_CARDS]


# the name of a thing heading a contrast table: up to four words of letters, opening on a
# content word ("Adenomatous Polyp", "Gram-negative bacteria")
_THING = re.compile(
    r"^(?!(?:what|which|how|why|when|where|who|the|a|an|of|in)\b)[A-Za-z][A-Za-z-]*"
    r"(?: [A-Za-z][A-Za-z-]*){0,3}$",
    re.IGNORECASE,
)
# the names of languages a vocabulary table heads its columns with ("French | English")
_LANGUAGES = lx.wordset(
    "english french spanish german italian portuguese latin greek russian chinese mandarin"
    " cantonese japanese korean arabic hebrew hindi urdu bengali persian farsi turkish dutch"
    " swedish norwegian danish finnish icelandic polish czech slovak hungarian romanian"
    " ukrainian bulgarian serbian croatian vietnamese thai indonesian malay tagalog swahili"
    " esperanto irish welsh gaelic catalan basque sanskrit pali"
)
# the two headings of a word list: a word and what it means ("word | meaning")
_WORD_HEADINGS = lx.wordset("word words vocabulary expression expressions phrase phrases")
_MEANING_HEADINGS = lx.wordset("meaning meanings translation translations gloss glosses")


def _vocabulary_cards(
    header: list[str], rows: list[list[str]], section_id: str, context: str
) -> list[Draft]:
    """The cards of a word list: "What does “le pain” mean?" -> "bread" and, where the
    table names its languages ("French | English"), "What is the French for “bread”?" ->
    "le pain". A word list is a table of two columns headed by two languages ("Spanish |
    English") or by a word and its meaning ("word | meaning"); read as records it asked "What
    is the manger?", and one headed by languages gave no card at all."""
    if len(header) != 2:
        return []
    names = [
        _name(heading).lower().removesuffix(" word").removesuffix(" words") for heading in header
    ]
    languages = [name in _LANGUAGES for name in names]
    worded = names[0] in _WORD_HEADINGS and names[1] in _MEANING_HEADINGS
    if not (all(languages) or worded):
        return []
    drafts: list[Draft] = []
    for word, meaning in rows:
        word, meaning = word.strip(), meaning.strip()
        if _empty(word) or _empty(meaning) or len(meaning) > MAX_ANSWER:
            continue
        source = table_row([word, meaning])
        short = len(meaning) <= MAX_TYPED and len(meaning.split()) <= MAX_SHORT_WORDS
        drafts.append(
            Draft(
                CardType.TYPED if short and "," not in meaning else CardType.BASIC,
                f"table|{context}|means|{word}",
                section_id,
                source,
                question=f"What does “{word}” mean?",
                answer=meaning,
            )
        )
        if all(languages) and not meaning.startswith("(") and len(word) <= MAX_TYPED:
            language = header[0].strip()
            drafts.append(
                Draft(
                    CardType.TYPED,
                    f"table|{context}|says|{word}",
                    section_id,
                    source,
                    question=f"What is the {language} for “{meaning}”?",
                    answer=word,
                )
            )
    return drafts


MAX_CONTRAST_ROWS = 6  # pairs of a contrast table told in its card's answer
MAX_CONTRAST_CELL = 6  # words of a cell of a contrast table (an attribute, not an account)


def _contrast_card(
    header: list[str], rows: list[list[str]], section_id: str, context: str
) -> Draft | None:
    """A "how do they differ?" card of a table of two things of one kind set side by side
    ("Cholesterol polyp | Adenomatous polyp" over "Small <10mm | Large", "Benign |
    Premalignant"; "Gram-positive bacteria | Gram-negative bacteria"): each row pairs what
    sets them apart, so no row names a record ("What is the adenomatous polyp of Small
    <10mm?" -> "Large", rated bad). The two headings share their head noun."""
    if len(header) != 2 or len(rows) < 2:
        return None
    heads = [lx.WORD.findall(heading)[-1:] for heading in header]
    if not all(heads) or lx.lemma(heads[0][0].lower()) != lx.lemma(heads[1][0].lower()):
        return None
    if header[0].strip().casefold() == header[1].strip().casefold():
        return None
    if not all(_THING.match(heading.strip()) for heading in header):
        return None  # "What is counted in GDP", "K_a of typical acids": no thing's name
    pairs = [row for row in rows if not _empty(row[0]) and not _empty(row[1])]
    if len(pairs) < 2 or any(
        len(cell.split()) > MAX_CONTRAST_CELL for row in pairs for cell in row
    ):
        return None
    a, b = (_the(_name(heading)) for heading in header)
    told = pairs[:MAX_CONTRAST_ROWS]
    answer = "; ".join(
        f"{_name(header[j])}: {', '.join(lower_first(row[j].strip()) for row in told)}"
        for j in (0, 1)
    )
    head = heads[0][0].lower()
    plural = lx.lemma(head) != head and not head.endswith(("ss", "us", "is"))
    question = f"How {'do' if plural else 'does'} {a} differ from {b}?"
    return Draft(
        CardType.BASIC,
        f"table|{context}|compare|{header[0]}|{header[1]}",
        section_id,
        " ".join(table_row(row) for row in told),
        question=question[:1].upper() + question[1:],
        answer=answer,
    )


def _peer_columns(header: list[str]) -> bool:
    """Whether the first column is headed by a name ("Africa", "Monday") rather than by the
    kind of thing its rows are ("Country", "Ligand"), and so is another ("Asia"; "Tuesday"):
    the columns are peers, each a list of its own, and a row holds things that only share a
    line ("What is the asia of Kenya?" -> "Maldives")."""
    named = [_a_name(heading) for heading in header]
    return bool(named) and named[0] and sum(named) >= 2


def _a_name(heading: str) -> bool:
    """Whether a heading is a name: capitalised words no dictionary lists as a part of speech
    (not an abbreviation, and "and" aside: "Caribbean and Americas")."""
    said = [w for w in lx.WORD.findall(_ASIDE.sub("", heading)) if not lx.is_function_word(w)]
    return bool(said) and all(
        w[:1].isupper() and not w.isupper() and not lx.parts_of_speech(w) for w in said
    )


def _transposed(header: list[str], rows: list[list[str]]) -> bool:
    """Whether a table lists the things it compares across its header and what it tells of
    them down its first column ("| | ISOs | NSOs |" over "Tax at grant", "Tax at sale"): its
    corner is blank or names aspects ("Characteristic"), and its row names are markedly
    plainer words than its column names (aspects are everyday nouns, the things compared are
    the subject's terms). A "Feature | Description | Since" table names features down its
    rows in words no plainer than its headings, and is read as written."""
    corner = header[0].strip()
    if len(header) < 3 or (corner and not _ASPECT_CORNER.match(corner)):
        return False
    return _plainness([row[0] for row in rows]) >= _plainness(header[1:]) + PLAINER_BY


def _plainness(labels: list[str]) -> float:
    """How everyday the words of some names are: the mean Zipf frequency of their content
    words (a name of function words only counts as everyday)."""
    scores = []
    for label in labels:
        said = [w for w in lx.WORD.findall(label) if not lx.is_function_word(w)]
        scores.append(sum(lx.zipf(w) for w in said) / len(said) if said else lx.COMMON)
    return sum(scores) / len(scores) if scores else 0.0


def _grouped(rows: list[list[str]]) -> bool:
    """Whether the first column groups the rows (a cell that spanned rows, repeated in each:
    each value in one run of rows, fewer values than rows) and the second names each row."""
    if len(rows) < 3 or any(len(row) < 3 for row in rows):
        return False
    groups = [row[0] for row in rows]
    runs = [value for at, value in enumerate(groups) if at == 0 or groups[at - 1] != value]
    names = [row[1] for row in rows]
    return (
        len(set(runs)) == len(runs) < len(rows)
        and len(set(names)) == len(names)
        and not any(_empty(name) for name in names)
    )


def _extreme_cards(
    header: list[str],
    rows: list[list[str]],
    column: int,
    named: tuple[str, str],
    section_id: str,
) -> list[Draft]:
    """ "Which substance has the highest critical temperature (K)?" and the lowest, when the
    table has at least four rows and one row alone has that value; the other rows' names are
    the wrong choices. ``named`` is the table's key context and its caption."""
    context, caption = named
    if len(rows) < MIN_RANKED_ROWS or not header[0].strip():
        return []
    values = [(_number(row[column]), row) for row in rows if not _empty(row[column])]
    kind, measure, unit = _name(header[0]), _name(header[column]), _unit(header[column])
    drafts: list[Draft] = []
    for word, pick in (("highest", max), ("lowest", min)):
        best = pick(value for value, _row in values)
        winners = [row for value, row in values if value == best]
        if len(winners) != 1:
            continue
        row = winners[0]
        others = sorted(
            (r[0] for _v, r in values if r is not row), key=lambda o: (digest(row[0] + o), o)
        )
        drafts.append(
            Draft(
                CardType.CHOICE,
                f"table-{word}|{context}|{measure}",  # one card for a value in two units
                section_id,
                table_row(row),
                question=_ask(caption, f"which {kind} has the {word} {measure}{unit}?"),
                answer=row[0],
                distractors=tuple(others[:3]),
            )
        )
    return drafts


def _numeric(rows: list[list[str]], column: int) -> bool:
    """Whether every filled cell of a column is a number ("647.4", "−118.4", "$2.9", "13%")."""
    cells = [row[column] for row in rows if not _empty(row[column])]
    return len(cells) >= 2 and all(_NUMBER.fullmatch(_bare(c)) for c in cells)


def _number(cell: str) -> float:
    """The value of a numeric cell (see :data:`_NUMBER`)."""
    match = _NUMBER.fullmatch(_bare(cell))
    if match is None:
        return float("nan")  # never: only cells of numeric columns are read
    value = float(match["digits"].replace(",", ""))
    exponent = int(match["exp"].replace("−", "-").replace("–", "-")) if match["exp"] else 0
    return (-value if match["sign"] else value) * 10.0**exponent


def _bare(cell: str) -> str:
    return cell.strip().replace(" ", "")


def _which_card(
    header: list[str],
    rows: list[list[str]],
    row: list[str],
    columns: list[int],
    named: tuple[str, str],
    section_id: str,
) -> Draft | None:
    """ "Which class has high solubility and low permeability?", when those cells single the
    row out; the other rows' names are the wrong choices. ``named`` is the table's key
    context and its caption."""
    context, caption = named
    short = [j for j in columns if all(len(r[j].split()) <= MAX_SHORT_WORDS for r in rows)]
    if not short or len(short) > 3 or not header[0].strip() or header[0].strip() == "#":
        return None
    if any(_name(header[j]).lower() in _SAYS_WHAT_IT_IS for j in short):
        return None  # "Which stage has description Involvement of ...?": the cell card asks
        # what the row is, and a description read back names no quality
    if any(_empty(row[j]) for j in short):
        return None
    said = tuple(row[j].lower() for j in short)
    if sum(1 for r in rows if tuple(r[j].lower() for j in short) == said) != 1:
        return None
    name = re.compile(rf"(?<!\w){re.escape(row[0].strip().lower())}(?!\w)")
    if any(name.search(cell) for cell in said):
        return None  # "Which condition has the gene XPA?" -> "XPA": the question says it
    others = sorted((r[0] for r in rows if r is not row), key=lambda o: (digest(row[0] + o), o))
    described = " and ".join(_described(header[j], row[j]) for j in short)
    if all(_yes_no(row[j]) and _adjective(header[j]) for j in short):
        # "Idempotent | Safe" of "Yes | Yes": "which verb is idempotent and safe?"
        described = "is " + _qualities(
            [_name(header[j]) for j in short if _yes(row[j])],
            [_name(header[j]) for j in short if not _yes(row[j])],
        )
    elif all(_what_the_row_is(header[j]) for j in short):
        # "Encoded as | 3": "which signed original is encoded as 3?", not "has encoded as 3"
        described = "is " + " and ".join(f"{_name(header[j])} {row[j]}" for j in short)
    else:
        described = f"has {described}"
    return Draft(
        CardType.CHOICE,
        f"table-which|{context}|{'|'.join(said)}",
        section_id,
        table_row(row),
        question=_ask(caption, f"which {_name(header[0])} {described}?"),
        answer=row[0],
        distractors=tuple(others[:3]),
    )


# an adjective no dictionary lists ("idempotent", "cacheable") by its ending
_ADJECTIVE_ENDINGS = ("able", "ible", "ent", "ant", "ous", "ive", "ic", "al")


def _qualities(are: list[str], are_not: list[str]) -> str:
    """ "idempotent and safe", "toxic but not soluble", "neither soluble nor toxic"."""
    said = " and ".join(are)
    if not are_not:
        return said
    if len(are_not) == 1:
        return f"{said} but not {are_not[0]}" if said else f"not {are_not[0]}"
    missing = "neither " + ", ".join(are_not[:-1]) + f" nor {are_not[-1]}"
    return f"{said} but {missing}" if said else missing


def _yes_no(cell: str) -> bool:
    return cell.strip().lower() in ("yes", "no")


def _yes(cell: str) -> bool:
    return cell.strip().lower() == "yes"


def _adjective(heading: str) -> bool:
    """Whether a column heading is one adjective ("Idempotent", "Soluble"): a yes in it says
    what its row *is*, not what it *has*."""
    words = _name(heading).split()
    if len(words) != 1:
        return False
    said = lx.parts_of_speech(words[0].lower())
    return "ADJ" in said or (not said and words[0].lower().endswith(_ADJECTIVE_ENDINGS))


def _cell_question(heading: str, label: str) -> str:
    """ "GDP by demand: what is the value of Investment (in trillions of dollars)?": the
    heading's aside (a unit) goes to the end, the verb agrees with the heading's noun. A row
    named by the heading's noun joins it: "what is the acceptable downtime per year?" for
    "Downtime per year" under "Acceptable downtime"."""
    unit = _unit(heading)
    name = _name(heading)
    if name.lower() in _EVENTS and _WHEN.search(label):
        # a timeline: "what happened in 1215?", "what happened by 1200?", not "what is the
        # events of 1215?"
        words = label.split()
        if words[0].lower() in _TIME_PREPOSITIONS:  # "By 1200": "what happened by 1200?"
            return f"what happened {words[0].lower()} {' '.join(words[1:])}{unit}?"
        before = "" if words[-1].lower() == "ago" else "in "  # "50 million years ago"
        if before and _COUNTED_TIME.match(label):
            before = "in the "  # "in the 1450s", "in the 3rd and 4th centuries"
        return f"what happened {before}{label}{unit}?"
    if name.lower() in _SAYS_WHAT_IT_IS:
        # "Description" of "Outcome cohort": "what is the outcome cohort?", not "what is the
        # description of Outcome cohort?" (the heading names the column, not a property)
        last = label.split()[-1].lower() if label.split() else ""
        verb = "are" if last.endswith("s") and lx.lemma(last) != last else "is"
        return f"what {verb} {_the(label)}{unit}?"
    verb = _verb_heading(name)
    if verb:  # "Repairs damage caused by" of "BER": "what does BER repair damage caused by?"
        return f"what does {_the(label)} {verb}{unit}?"
    if _what_the_row_is(heading):  # "what are Peer records used by?", not "the used by of"
        last = label.split()[-1].lower()
        verb = "are" if last.endswith("s") and lx.lemma(last) != last else "is"
        titled = len(label.split()) > 1 and lower_first(label) == label  # "Home Secretary"
        return f"what {verb} {'the ' if titled else ''}{label} {name}{unit}?"
    head = _OF_PHRASE.split(name)[0].split()
    plural = bool(head) and head[-1].endswith("s") and lx.lemma(head[-1]) != head[-1].lower()
    verb = "are" if plural else "is"
    if head and label.lower().startswith(head[-1].lower() + " "):
        # "Acceptable downtime" of "Downtime per year": "the acceptable downtime per year"
        return f"what {verb} the {' '.join([*head[:-1], _name(label)])}{unit}?"
    return f"what {verb} the {name} of {label}{unit}?"


# a timeline's column of what happened, and the dates its rows are named by
_EVENTS = lx.wordset("event events happening happenings occurrence occurrences")
_WHEN = re.compile(r"\d|\b(?:century|centuries|BC|BCE|AD|CE)\b")
_COUNTED_TIME = re.compile(r"^(?:\d{2,4}s\b|\d+(?:st|nd|rd|th)\b)")
_TIME_PREPOSITIONS = lx.wordset("in by from after before around circa c. during until since")
# headings of a column that says what its row's thing is or holds, whatever the subject
_SAYS_WHAT_IT_IS = lx.wordset(
    "description descriptions definition definitions meaning explanation value values details"
    " setting settings choice desc desc. descr defn def."
)


def _the(label: str) -> str:
    """``label`` as a thing asked about: a common name takes "the" ("the target cohort" for
    "Target cohort", "the time-at-risk"); a name or an abbreviation stays as written ("IPv6",
    "Paris", "the Senate")."""
    words = label.split()
    if not words or words[0].lower() in ("the", "a", "an"):
        return label
    first = words[0]
    low = first.lower()  # a well-known word no dictionary lists: "Paris", not "Comparator"
    proper = not lx.parts_of_speech(low) and "-" not in low and lx.zipf(low) >= 3.5
    if first[1:] != first[1:].lower() or proper or any(map(str.isdigit, first)):
        return label  # "IPv6", "ACE inhibitors", "Paris", a code such as "T1a"
    if len(words) == 2 and _CODE.match(words[1]):
        return label  # "class II", "type B": a member of a kind, named by its code
    return f"the {lower_first(label)}"  # "the Chancellor of the Exchequer" keeps its name


_FIELD_NAME = re.compile(r"^(?:[a-z]+(?:[A-Z][a-z0-9]*)+|[a-z0-9]+(?:_[a-z0-9]+)+)(?: \([^)]*\))?$")


def _field_name(heading: str) -> bool:
    """Whether a column heading is a program's field name ("cityLabel", "bodyWeight (kg)",
    "user_id"): a table of such columns shows sample data of a tool's example (a manual's
    cities and countries), which a student of the tool does not learn."""
    return bool(_FIELD_NAME.match(heading.strip().strip("`*")))


def _verb_heading(name: str) -> str:
    """A heading that is a predicate of its row ("Recognizes", "Repairs damage caused by",
    "Requires"), in the base form a "What does X ...?" question takes ("recognize", "repair
    damage caused by"), or ``""``: its first word is a verb in the third person that no
    dictionary takes for a noun there (a noun follows it, or it stands alone)."""
    words = name.split()
    if not words or (not words[0].islower() and not words[0].istitle()):
        return ""
    first = words[0].lower()
    base = lx.verb_lemma(first)
    if not base or base == first or not first.endswith("s") or lx.is_function_word(first):
        return ""
    pos = lx.parts_of_speech(first)
    if "NOUN" in pos and (len(words) == 1 or lx.is_function_word(words[1])):
        return ""  # "Effects", "Repairs of ...": a noun heading
    return " ".join([base, *words[1:]])


def _what_the_row_is(heading: str) -> bool:
    """Whether a column heading says what its row is, as a participle and its preposition
    ("Used by", "Found in", "Encoded as"), not a thing the row has ("Boiling point")."""
    said = _name(heading).split()
    return len(said) > 1 and lx.is_function_word(said[-1]) and not lx.is_function_word(said[0])


def _unit(heading: str) -> str:
    """A heading's aside, to end a question with: " (K)", " (in trillions of dollars)"."""
    asides = [a for a in _ASIDE.findall(heading) if "://" not in a and a not in ("s", "es")]
    return f" ({asides[0]})" if asides else ""


def _context(table: Table, section: OutlineSection) -> str:
    """What the table is about, in its cards' keys: its caption, else its section's title."""
    return _caption(table) or section.title or "In the table"


def _caption(table: Table) -> str:
    """The table's caption without its number or a source's address ("" for none)."""
    caption = _TABLE_NUMBER.sub("", table.caption).strip()
    caption = _ASIDE.sub(lambda m: "" if "://" in m.group(1) else m.group(0), caption).strip()
    if len(caption.split()) > MAX_CAPTION_WORDS or _SENTENCE_BREAK.search(caption):
        return ""  # the sentences before a table ("A basic HTTP request consists of ...
        # Below are common HTTP verbs"), not a name to open each question with
    return caption


# a section title that names no subject for a table's questions to open on
_NO_SUBJECT = re.compile(
    r"^(?:introduction|overview|background|summary|conclusions?|notes|tables?|examples?"
    r"|appendix|data|results|reference|quick reference|cheat ?sheet)$",
    re.IGNORECASE,
)


def _titled(title: str) -> str:
    """A table without a caption opens its questions on its section's title ("Essere (to
    be): what is the conjugation of io?"), which tells what its rows are about. The quiz
    shows the title above the card, but rated blind, bare table questions were good in 32 %
    of 152 cases and bad in 26 % ("What is the conjugation of io?": "the verb is only in the
    section title"), those opened by a caption in 73 % and 12 % of 92. Not a title that names
    no subject ("Introduction", "Results") or one too long to open a question."""
    title = title.strip().rstrip(":")
    if not title or _NO_SUBJECT.match(title) or len(title.split()) > MAX_CAPTION_WORDS:
        return ""
    if ":" in title:
        return ""  # "Leonard Sicilian: CF in the clinic: what is ...?" reads as a list of labels
    return title


def _ask(caption: str, body: str) -> str:
    """A question opened by the table's caption ("BCS: which class ...?") or its section's
    title (:func:`_titled`); bare where neither names what the table is about."""
    return f"{caption}: {body}" if caption else body[:1].upper() + body[1:]


def _name(heading: str) -> str:
    """A column heading inside a question, without its asides: lower case unless it is an
    abbreviation."""
    # "Government role?", "Idempotent*" (a note's mark)
    words = _ASIDE.sub("", heading).strip().rstrip(":?*†‡").split()
    return " ".join(w if w[:2].isupper() else w[:1].lower() + w[1:] for w in words)


def _described(heading: str, value: str) -> str:
    """``high solubility`` for a word value that can describe (an adjective), ``the name
    chloro`` for one that names, ``no first-pass metabolism`` for yes/no, and ``onset 3-5
    minutes`` for others."""
    if value.lower() in ("yes", "no"):
        return _name(heading) if value.lower() == "yes" else f"no {_name(heading)}"
    if _WORD_VALUE.match(value) and len(value.split()) <= 2:
        if "ADJ" not in lx.parts_of_speech(value.split()[0]):
            return f"the {_name(heading)} {value}"  # "the name chloro", not "chloro name"
        return f"{value.lower() if not value[:2].isupper() else value} {_name(heading)}"
    return f"{_name(heading)} {value}"


def _data_header(header: list[str]) -> bool:
    """Whether a table's "header" is a first row of data (a table written without one):
    half its cells hold digits or brackets ("[Co(NH3)6]Cl3 | hexaamminecobalt chloride"), where
    headings name what a column tells ("Ligand", "Name", "Critical temperature (K)")."""
    bare = [_ASIDE.sub("", cell) for cell in header]
    return sum(bool(_DATA_MARK.search(cell)) for cell in bare) * 2 >= len(header)


def _informative(heading: str, rows: list[list[str]], column: int) -> bool:
    """Whether a column is worth asking: its heading names what it tells (not a sentence:
    "what is not included in GDP") and its cells differ."""
    values = {row[column].lower() for row in rows if not _empty(row[column])}
    said = lx.WORD.findall(_ASIDE.sub("", heading))
    if not said or len(said) > MAX_HEADING_WORDS or lx.is_function_word(said[0]):
        return False
    if _POINTERS_HEADING.match(heading.strip()):
        return False  # "Reference", "Source", "Links": where to read, not what to know
    if sum(bool(_ADDRESS.search(v)) for v in values) * 2 > len(values):
        return False  # a column of links ("figshare.com"): where to read, not what to know
    return len(values) >= 2


def _names(label: str, value: str) -> bool:
    """Whether the row's name already says the cell ("Lisinopril" / "lisinopril"): the cell
    as a whole word of the name (as ``\\b`` reads it, found with no pattern compiled per cell)."""
    said, name = value.lower(), label.lower()
    if not said:
        return bool(re.search(r"\b\b", name))
    at = name.find(said)
    while at >= 0:
        end = at + len(said)
        if _boundary(name, at) and _boundary(name, end):
            return True
        at = name.find(said, at + 1)
    return False


def _boundary(text: str, at: int) -> bool:
    """Whether ``re``'s ``\\b`` holds at ``text[at]``: a word character on one side only."""
    return word_char(text[at - 1 : at] if at else "") != word_char(text[at : at + 1])


def _statement(cell: str) -> bool:
    """Whether a first-column cell states something ("Requires less starting material
    (smaller number of cells).") rather than naming a row: long, or a sentence."""
    return len(cell.split()) > MAX_HEADING_WORDS or cell.rstrip().endswith(".")


def _empty(cell: str) -> bool:
    """Whether a cell says nothing to ask: blank, a dash, or only a mark (":+1:", "✓")."""
    text = cell.strip().lower()
    return text in _EMPTY or bool(_MARK.fullmatch(text)) or not any(c.isalnum() for c in text)
