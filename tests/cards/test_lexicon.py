"""Word knowledge from the shipped libraries: how common a word is, what it can be, its lemma."""

from __future__ import annotations

from studyapp.cards import lexicon as lx


def test_everyday_words_are_common_and_subject_terms_rare():
    """'research' and 'life' are everyday English; 'photosynthesis', 'tort', 'ketamine' and an
    abbreviation are the subject's own vocabulary."""
    assert lx.is_common("research") and lx.is_common("life")
    for term in ("photosynthesis", "tort", "ketamine", "TCP"):
        assert lx.is_rare(term) and not lx.is_vague(term)


def test_parts_of_speech_tell_a_verb_from_a_noun_and_an_abbreviation_is_a_name():
    """'begin' can only be a verb, 'energy' only a noun; 'ACE' is a name, not the verb."""
    assert lx.only_verb("begin") and lx.only_verb("produces")
    assert not lx.only_verb("energy") and lx.can_be_noun("energy")
    assert not lx.only_verb("ACE") and lx.can_be_noun("ACE")


def test_lemmas_join_the_forms_of_a_word_and_stems_its_relatives():
    """'studies' is 'study', 'wilts' is the verb 'wilt'; 'salivary' and 'salivation' are
    related, 'init' is a clipped 'initial'; 'epilepsy' is not 'epileptogenesis'."""
    assert lx.lemma("studies") == "study"
    assert lx.verb_lemma("wilts") == "wilt"
    assert lx.related("salivary", lx.stems("Increased Salivation"))
    assert lx.related("initial", lx.stems("init"))
    assert not lx.related("epileptogenesis", lx.stems("Epilepsy"))


def test_the_forms_of_a_lemma_are_the_words_whose_lemma_it_is():
    """'studies' and 'studied' are forms of 'study', 'went' of 'go' and 'teeth' of 'tooth'; a
    lemma's list holds no word whose lemma is another ('rose' stays a noun), and a word the
    table does not know has no forms."""
    assert {"studied", "studies"} <= set(lx.lemma_forms("study"))
    assert "went" in lx.lemma_forms("go") and "teeth" in lx.lemma_forms("tooth")
    assert "rose" not in lx.lemma_forms("rise") and "rose" not in lx.lemma_forms("rose")
    for base in ("study", "go", "be", "tooth", "cause", "analysis"):
        assert all(lx.lemma(word) == base != word for word in lx.lemma_forms(base)), base
    assert lx.lemma_forms("zzzqx") == ()


def test_a_question_names_a_thing_only_with_a_concrete_noun():
    """'court', 'treaty' and unknown terms name things; 'research', 'better' and 'ongoing'
    do not."""
    assert all(lx.names_a_thing(w) for w in ("court", "treaty", "RuBisCO"))
    assert not any(lx.names_a_thing(w) for w in ("research", "better", "ongoing", "role"))


def test_the_speaker_is_told_from_a_roman_numeral():
    """'the candle I have' leans on the speaker, 'angiotensin I to angiotensin II' does not."""
    assert lx.speaks_to_reader("the candle I have in my hand")
    assert lx.speaks_to_reader("you see the flame")
    assert not lx.speaks_to_reader("converts angiotensin I to angiotensin II")
    assert not lx.speaks_to_reader("Type I diabetes")


def test_the_authorial_we_states_a_general_fact():
    """'we have considered ideal gases' is a textbook's voice, not a speaker the card needs."""
    assert not lx.speaks_to_reader("Up to now, we have considered the behavior of ideal gases")


def test_a_picture_word_leans_on_the_page_only_when_pointed_at():
    """'the graph above' or 'chart B' needs a picture the card cannot show; 'weighted graphs'
    in graph theory and 'image processing' are content."""
    assert lx.points_to_page("As the graph above shows, demand falls.")
    assert lx.points_to_page("Chart B lists the exports.")
    assert lx.points_to_page("What does photo B show?")
    assert not lx.points_to_page("Dijkstra finds shortest paths in weighted graphs.")
    assert not lx.points_to_page("Image processing uses convolution filters.")
    assert not lx.points_to_page("Trees are graphs a student meets early.")


def test_a_text_sending_the_reader_elsewhere_is_told_from_content():
    """'please refer to another section' (a backup manual), 'see the scipy chapter' (a
    numerics course), 'the section that follows' (GIS) and 'the following example script'
    point elsewhere; 'patients see the doctor' and 'a section of the pipe' are content."""
    for pointer in (
        "For a list of MODEs and their descriptions, please refer to another section.",
        "For a quick summary to the whole library, see the scipy chapter.",
        "In the section that follows we will take a closer look at map production.",
        "What is the following example script meant to do?",
    ):
        assert lx.sends_elsewhere(pointer), pointer
    for content in (
        "Patients see the doctor before the infusion.",
        "Corrosion thins a section of the pipe.",
        "The Senate shall choose their other officers.",
    ):
        assert not lx.sends_elsewhere(content), content


def test_only_a_one_shot_generate_freezes_the_collector():
    """Using the word tables (as the app's text import does) leaves the cycle collector as
    it was, so a long-lived app frees its cyclic garbage; ``settle_tables`` (what the
    generate command calls) freezes it."""
    import subprocess
    import sys

    script = (
        "import gc; from studyapp.cards import lexicon as lx; lx.lemma('cats');"
        " print(gc.get_freeze_count() == 0); lx.settle_tables(); print(gc.get_freeze_count() > 0)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True"]


def test_words_are_read_lower_cased_without_possessives():
    """A text's words are compared lower-cased and without a possessive "’s", also in a text
    holding letters that lower-casing turns into ASCII ones (the Kelvin sign, dotted "İ")."""
    assert lx.words("The Receptor’s role in NMDA's TOOLS'S use") == [
        "the",
        "receptor",
        "role",
        "in",
        "nmda",
        "tools",
        "use",
    ]
    assert lx.words("İzmir’s 5 \u212a heat") == ["zmir", "heat"]  # as read before lower-casing


def test_let_us_and_i_am_speak_to_the_reader():
    """'First, let’s look at an obvious example' (logic) guides the reader and 'or I’m going
    to die of hunger' (an example's speaker) is someone talking: neither states a fact;
    'angiotensin I is converted' (physiology) and 'the outlet’s pressure' do."""
    from studyapp.cards.lexicon import speaks_to_reader

    assert speaks_to_reader("First, let’s look at an obvious example of a fallacy.")
    assert speaks_to_reader("Let us consider the boiling of water at altitude.")
    assert speaks_to_reader("Either we stop at the next restaurant, or I’m going to starve.")
    assert not speaks_to_reader("Angiotensin I is converted to angiotensin II in the lungs.")
    assert not speaks_to_reader("The outlet’s pressure falls as the valve opens.")


def test_a_what_is_question_agrees_with_its_terms_head_noun():
    """'permissive licenses' (law) takes 'are', 'the decrease in CD4 T cells' (immunology)
    'is'; a name, a word that can be either and an unknown word keep the source's verb, but
    an unknown plural of an English word ('easements') takes 'are'."""
    assert lx.copula_for("permissive licenses", "is") == "are"
    assert lx.copula_for("rodents") == "are"  # zoology
    assert lx.copula_for("the decrease in CD4 T cells", "are") == "is"
    assert lx.copula_for("the only forces exerted on the mass", "are") == "are"
    assert lx.copula_for("a virus") == "is"
    assert lx.copula_for("series") == "is"
    assert lx.copula_for("Kubernetes") == "is"  # a name
    assert lx.copula_for("kubernetes") == "is"  # a word the lexicon does not know
    assert lx.copula_for("trilobites", "is") == "are"  # palaeontology: "trilobite" is English
    assert lx.copula_for("easements") == "are"  # law
    assert lx.copula_for("the state of nature", "was") == "was"
