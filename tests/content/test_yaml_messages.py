"""YAML's own errors reach the author in Danish, at the true line, naming the hidden
character (tab, non-breaking space, byte-order mark, zero-width space) that caused them."""

from __future__ import annotations

import unicodedata

import pytest

from game.content import DeckError, load_sources
from game.content.yamlsafe import _SYNTAX
from tests.content.test_loader import _good_body

AREA = "    area: Skole\n"  # line 9 of _good_body()


def _problems(text: str) -> list[str]:
    with pytest.raises(DeckError) as error:
        load_sources([("deck.yaml", text)])
    return [str(p) for p in error.value.problems]


CASES = [
    # (what, from, to, line, fragment)
    ("tab indentation", AREA, "\tarea: Skole\n", 9, "en tabulator i kolonne 1"),
    ("tab before a list item", "  - id: b\n", "\t- id: b\n", 11, "en tabulator i kolonne 1"),
    (
        "non-breaking spaces as indentation (reported one line late before)",
        AREA,
        "\u00a0\u00a0\u00a0\u00a0area: Skole\n",
        9,
        "et hårdt mellemrum (U+00A0) i indrykningen (kolonne 1)",
    ),
    (
        "one non-breaking space among spaces",
        AREA,
        "   \u00a0area: Skole\n",
        9,
        "et hårdt mellemrum (U+00A0) i indrykningen (kolonne 4)",
    ),
    (
        "a byte-order mark in the middle: two files pasted together",
        "scenarios:\n",
        "\ufeffscenarios:\n",
        21,
        "et BOM-tegn (byte order mark, U+FEFF) midt i filen (kolonne 1); det kommer typisk af, at "
        "to filer er sat sammen",
    ),
    (
        "a zero-width space before the indentation (parsed silently before)",
        AREA,
        "\u200b    area: Skole\n",
        9,
        "et usynligt mellemrum (nulbredde, U+200B) i indrykningen",
    ),
    (
        "a zero-width space inside a key",
        AREA,
        "    ar\u200bea: Skole\n",
        9,
        # named, and shown as the editor shows it (was 'ar\\u200bea', a Python escape)
        "feltnavnet 'area' indeholder et usynligt mellemrum (nulbredde, U+200B) (kolonne 7)",
    ),
    (
        "a narrow no-break space (macOS, French keyboards)",
        AREA,
        "  \u202f\u202farea: Skole\n",
        9,
        "et smalt hårdt mellemrum (U+202F)",
    ),
    (
        "an unclosed quote",
        "title: Forslag a",
        'title: "Forslag a',
        24,
        "tjek anførselstegnene i linje 8",
    ),
    ("an unclosed list", "effect: [2]", "effect: [2", 11, "listen mangler et komma eller"),
    (
        "a colon inside a text",
        "title: Forslag a",
        "title: Forslag: a",
        8,
        "et kolon med mellemrum efter (': ') kan ikke stå her",
    ),
    (
        "an indentation one space short",
        AREA,
        "   area: Skole\n",
        9,
        # not "her ventede YAML et nyt punkt i listen": the fault is the indentation
        "indrykningen passer ikke",
    ),
    ("a text that starts with @", "title: Forslag a", "title: @a", 8, "tegnet '@' kan ikke"),
    (
        "an unknown escape",
        "title: Forslag a",
        'title: "a\\q"',
        8,
        "ukendt tegn efter \\ i en tekst i dobbelte anførselstegn",
    ),
]


@pytest.mark.parametrize(
    ("what", "old", "new", "line", "fragment"), CASES, ids=[c[0] for c in CASES]
)
def test_yaml_errors_are_danish_at_the_true_line(what, old, new, line, fragment):
    text = _good_body()
    assert old in text, what
    problems = _problems(text.replace(old, new, 1))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"deck.yaml:{line}: "), problems
    assert fragment in problems[0], problems
    for english in ("found", "expected", "while ", "not allowed", "character"):
        assert english not in problems[0]


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("proposals:\n", "# Forslagene\n\nproposals\n  # Besparelser\n", 7),
        ("deck:\n", "deck\n", 1),
        ("scenarios:\n", "scenarios\n", 21),
        ("  - id: a\n", "  - id a\n", 6),  # a card's first field
        ("  id: t\n", "  id t\n", 2),  # a field of the header
        ("    title: Forslag a\n", "    title Forslag a\n", 8),
    ],
    ids=["proposals", "deck", "scenarios", "card id", "header id", "title"],
)
def test_a_section_or_field_without_its_colon_is_told_so_at_its_line(old, new, line):
    # "proposals" without its colon over its cards was told that the file held more than one
    # YAML document; "deck" without it, and "  - id rengoering-3-uger", to put a text in
    # quotes at the line after
    problems = _problems(_good_body().replace(old, new, 1))
    assert problems == [
        f"deck.yaml:{line}: YAML-syntaksfejl: der mangler et kolon efter feltets navn"
    ], problems


def test_a_title_in_words_quotes_with_a_colon_is_told_about_the_quotes():
    # "title: ”Halvér: kulturpuljerne”" was told to put the text in quotes – it was, in
    # Word's
    problems = _problems(_good_body().replace("title: Forslag a", "title: ”Halvér: a”", 1))
    assert problems == [
        "deck.yaml:8: YAML-syntaksfejl: teksten står i typografiske anførselstegn (“…” fra "
        "Word), og dem læser YAML som bogstaver, ikke som anførselstegn; skriv lige "
        'anførselstegn: "…"'
    ], problems


def test_a_second_document_is_named():
    problems = _problems(_good_body() + "---\nx: 1\n")
    assert problems == [
        "deck.yaml:27: YAML-syntaksfejl: filen indeholder mere end ét YAML-dokument ('---' "
        "eller '...'); en fil må kun have ét"
    ]


@pytest.mark.parametrize(
    "problem",
    [
        "found character that cannot start any token",
        "found character '\\t' that cannot start any token",
        "found a tab character that violates indentation",
        "mapping values are not allowed in this context",
        "mapping values are not allowed here",
        "did not find expected key",
        "expected <block end>, but found '-'",
        "did not find expected '-' indicator",
        "did not find expected ',' or ']'",
        "expected ',' or ']', but got ':'",
        "did not find expected ',' or '}'",
        "found unexpected end of stream",
        "found unknown escape character",
        "but found another document",
        "did not find expected <document start>",
        "found unknown directive name",
        "did not find expected alphabetic or numeric character",
        "did not find expected node content",
        "could not find expected ':'",
        "block sequence entries are not allowed in this context",
        "found undefined tag handle",
        "exceeded maximum nesting depth",
        "did not find expected comment or line break",
    ],
)
def test_common_parser_messages_of_libyaml_and_pure_python_have_a_danish_text(problem):
    assert any(pattern.search(problem) for pattern, _ in _SYNTAX)


def test_text_in_nfd_and_nfc_is_one_and_the_same():
    """macOS writes "på" decomposed (NFD: a + ring above), Windows composed (NFC). The same
    area typed on both counts as one area, and every text reaches the game composed."""
    nfc = unicodedata.normalize("NFC", "Børn og unge på Ærø")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    text = _good_body().replace("area: Skole", f"area: {nfc}", 1)
    text = text.replace("area: Skole", f'area: "{nfd}"', 1).replace("title: S\n", f"title: {nfd}\n")
    deck = load_sources([("deck.yaml", text)])
    first, second, _ = deck.proposals
    assert first.area == second.area == nfc
    assert len({p.area for p in deck.proposals}) == 2  # the third card's "Skole"
    assert deck.scenarios[0].title == nfc


# --- hidden characters inside values -----------------------------------------------------------
# Before, a value with a hidden character got a message with a Python escape ('0.8\u200b'), a
# hint that looked identical to what was written ("skriv fx 'energi'" for 'ener<ZWSP>gi'), or
# advice that did not fit ("skriv mellemrum efter kommaerne" where a hard space stood).

HIDDEN_IN_VALUES = [
    # (what, from, to, line, message)
    (
        "a zero-width space after a number (trial: m_zw2)",
        "effect: [2]",
        "effect: [0.8\u200b]",
        10,
        "'effect (nr. 1)' skal være et tal: der står et usynligt mellemrum (nulbredde, U+200B) "
        "efter '0.8', og derfor læser YAML værdien som tekst; slet tegnet",
    ),
    (
        "a hard space after the comma of a list (trial: m_nbsp_in_num)",
        "effect: [2]",
        "effect: [1,\u00a03]",
        10,
        "'effect (nr. 2)' skal være et tal: der står et hårdt mellemrum (U+00A0) foran '3', og "
        "derfor læser YAML værdien som tekst; slet tegnet, eller skriv et almindeligt mellemrum "
        "i stedet",
    ),
    (
        "a hard space between the thousands (trial: m_nbsp4)",
        "effect: [2]",
        "effect: [1\u00a0500]",
        10,
        "'effect (nr. 1)' skal være et tal: der står et hårdt mellemrum (U+00A0) mellem '1' og "
        "'500', og derfor læser YAML værdien som tekst; skriv 1500",
    ),
    (
        "a zero-width space inside an id (trial: m_zw)",
        "id: a\n",
        "id: ener\u200bgi\n",
        6,
        "i 'id' står der et usynligt mellemrum (nulbredde, U+200B) mellem 'ener' og 'gi'; "
        "slet tegnet",
    ),
    (
        "a word joiner after an id in a list",
        "    target: 1\n",
        "    target: 1\n    proposals: [a, b, c\u2060]\n",
        26,
        "i 'proposals (nr. 3)' står der et usynligt tegn (ordsammenbinder, U+2060) efter 'c'; "
        "slet tegnet",
    ),
    (
        "a hard space after a kind",
        "kind: saving",
        "kind: saving\u00a0",
        7,
        "i 'kind' står der et hårdt mellemrum (U+00A0) efter 'saving'; slet tegnet",
    ),
]


@pytest.mark.parametrize(
    ("what", "old", "new", "line", "message"),
    HIDDEN_IN_VALUES,
    ids=[c[0] for c in HIDDEN_IN_VALUES],
)
def test_a_hidden_character_in_a_value_is_named_and_placed(what, old, new, line, message):
    text = _good_body()
    assert old in text, what
    problems = _problems(text.replace(old, new, 1))
    assert problems == [f"deck.yaml:{line}: {message}"]


def test_a_hidden_character_in_a_name_is_a_warning(tmp_path):
    # "Sko<ZWSP>le" and "Skole" look the same but are two areas to the game
    from game.content import Problem

    text = _good_body().replace("area: Skole", "area: Sko\u200ble", 1)
    text = text.replace('years: ["2027", "2028"]', 'years: ["2027", "2028\u00a0"]')
    warnings: list[Problem] = []
    load_sources([("deck.yaml", text)], warnings)
    assert [str(w) for w in warnings] == [
        "deck.yaml:9: advarsel: i 'area' står der et usynligt mellemrum (nulbredde, U+200B) "
        "mellem 'Sko' og 'le', så teksten ikke er den samme som den, der ses (to områder eller "
        "år, der ser ens ud, er forskellige for spillet); slet tegnet",
        "deck.yaml:24: advarsel: i 'years (nr. 2)' står der et hårdt mellemrum (U+00A0) efter "
        "'2028', så teksten ikke er den samme som den, der ses (to områder eller år, der ser ens "
        "ud, er forskellige for spillet); slet tegnet",
    ]


def test_validate_names_hidden_characters_in_both_languages(tmp_path, capsys):
    from game.cli import main

    deck = tmp_path / "deck.yaml"
    deck.write_text(_good_body().replace("id: a\n", "id: ener\u200bgi\n", 1), encoding="utf-8")
    assert main(["validate", str(deck)]) == 2
    assert capsys.readouterr().out == (
        f"{deck}:6: i 'id' står der et usynligt mellemrum (nulbredde, U+200B) mellem 'ener' og "
        "'gi'; slet tegnet\n"
    )
    assert main(["--lang", "en", "validate", str(deck)]) == 2
    assert capsys.readouterr().out == (
        f"{deck}:6: 'id' has an invisible space (zero width, U+200B) between 'ener' and 'gi'; "
        "delete it\n"
    )


def test_a_hidden_character_a_message_quotes_is_named_never_escaped():
    # the last resort for what a message quotes as it is (a file name, a value): the character
    # named in brackets, not '\u200b'
    from game.content import Problem
    from game.messages import Message

    problem = Problem("dæk\u200b.yaml", 1, Message.of("deck.missing"))
    assert problem.text() == "dæk[et usynligt mellemrum (nulbredde, U+200B)].yaml:1: findes ikke"
    english = problem.text("en")
    assert english == "dæk[an invisible space (zero width, U+200B)].yaml:1: does not exist"


def test_texts_and_years_in_words_quotes_are_warned_about_once_a_line():
    # a trial: "years: [“2027”, “2028”]" and "title: “Mere digital post”" gave OK, and the
    # board read “2027”–“2028” and the printed card showed the quotes
    text = _good_body().replace("title: Forslag a", "title: “Mere digital post”", 1)
    text = text.replace('years: ["2027", "2028"]', "years: [“2027”, “2028”]", 1)
    warnings: list = []
    load_sources([("deck.yaml", text)], warnings)
    said = [str(w) for w in warnings if w.said.key == "deck.word_quoted"]
    assert said == [
        "deck.yaml:8: advarsel: 'title' står i typografiske anførselstegn (“Mere digital post”, "
        "fx fra Word), og dem læser YAML som en del af teksten, så de står på brættet og "
        'kortene; skriv lige anførselstegn ("…") eller ingen',
        "deck.yaml:24: advarsel: 'years' står i typografiske anførselstegn (“2027”, fx fra "
        "Word), og dem læser YAML som en del af teksten, så de står på brættet og kortene; "
        'skriv lige anførselstegn ("…") eller ingen',
    ], said
    plain: list = []
    load_sources([("deck.yaml", _good_body().replace("Forslag a", "»Forslag a«"))], plain)
    assert not [w for w in plain if w.said.key == "deck.word_quoted"]


@pytest.mark.parametrize(
    ("title", "warned"),
    [
        ("‘Mere digital post’", True),
        ("“Mere digital post", True),  # the closing quote lost
        ("Mere digital post”", True),
        ("„Mere digital post“", True),
        ("Projekt “Grøn by”", False),  # a phrase quoted inside the text
        ("KL’s digitale post", False),  # an apostrophe
    ],
)
def test_a_title_in_single_or_one_sided_word_quotes_is_warned(title, warned):
    # a re-test: ‘…’ and a title with one “ passed without a word
    found: list = []
    load_sources(
        [("deck.yaml", _good_body().replace("title: Forslag a", f"title: {title}"))], found
    )
    assert bool([w for w in found if w.said.key == "deck.word_quoted"]) is warned


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
)
def test_a_file_saved_as_utf_16_is_told_so(encoding):
    # a trial: Notepad's "Unicode" was told "teksten er ikke UTF-8" – at line 5 without its
    # byte-order mark
    problems = _problems(_good_body().replace("Forslag a", "Sænk æøå").encode(encoding))
    wide = encoding[:6].upper()
    assert problems == [
        f"deck.yaml:1: filen er gemt som {wide} (i Notesblok hedder UTF-16 »Unicode« eller »UTF-16 "
        "LE«); gem den som UTF-8: Filer › Gem som › Kodning: UTF-8"
    ], problems


@pytest.mark.parametrize(
    ("written", "said"),
    [
        # a budget office's analyst pasted amounts from Word: told "skal være et tal, ikke
        # '“3”'", and for “2,5” two messages about '“2' and '5”'
        ("[“2”]", "'“2”' står i typografiske anførselstegn (“…” fra Word)"),
        ("[“2”]", "Skriv 2 uden anførselstegn"),
        ("[“2,5”]", "'“2,5”' står i typografiske anførselstegn (“…” fra Word)"),
        ("[“2,5”]", "Og: '2,5' læser YAML som to tal (2 og 5)"),
    ],
)
def test_a_number_in_words_quotes_is_told_about_the_quotes(written, said):
    problems = _problems(_good_body().replace("effect: [2]", f"effect: {written}", 1))
    assert len(problems) == 1, problems
    assert problems[0].startswith("deck.yaml:") and said in problems[0], problems


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        # an id in Word's quotes was told which letters an id may hold, not that the quotes
        # were the letters it may not
        (
            "  - id: b\n",
            "  - id: “b-2”\n",
            "'id' står i typografiske anførselstegn (“b-2”, fx fra Word), og dem læser YAML "
            "som bogstaver; skriv 'b-2' uden dem",
        ),
        (
            "kind: saving",
            "kind: “besparelse”",
            "skriv 'besparelse' uden dem",
        ),
        # the Excel import reads "Spareforslag": a deck written by hand is told what it means
        ("kind: saving", "kind: Spareforslag", "ikke 'Spareforslag' (mente du 'besparelse'?)"),
        # an author's "besparing": too far from "besparelse" for a close match, but begun
        ("kind: saving", "kind: besparing", "ikke 'besparing' (mente du 'besparelse'?)"),
    ],
)
def test_an_id_or_kind_as_a_budget_office_writes_it_is_told_what_to_write(old, new, said):
    body = _good_body()
    assert old in body
    problems = _problems(body.replace(old, new, 1))
    assert any(said in problem for problem in problems), problems


@pytest.mark.parametrize(
    ("old", "new", "line", "english"),
    [
        (
            "  schema_version: 1\n",
            "  schema_version: 1\n  language: no\n",
            5,
            "'language' must be one of: 'da' or 'en'; YAML reads no without quotes as false, "
            "not as the text 'no' (no, yes, on and off are true/false in YAML)",
        ),
        (
            "  title: Test\n",
            "  title: Off\n",
            3,
            "'title' must be text, but YAML reads Off without quotes as false (no, yes, on and "
            'off are true/false in YAML); put it in quotes: "Off"',
        ),
        (
            AREA,
            "    area: yes\n",
            9,
            "'area' must be text, but YAML reads yes without quotes as true (no, yes, on and off "
            'are true/false in YAML); put it in quotes: "yes"',
        ),
    ],
)
def test_a_word_yaml_reads_as_true_or_false_is_quoted_as_written(
    capsys, tmp_path, old, new, line, english
):
    # a trial: "language: no" was told "'language' must be one of: 'da' or 'en', not false"
    from game.cli import main

    folder = tmp_path / "deck"
    folder.mkdir()
    (folder / "deck.yaml").write_text(_good_body().replace(old, new, 1), encoding="utf-8")
    assert main(["--lang", "en", "validate", str(folder)]) == 2
    assert f"{folder / 'deck.yaml'}:{line}: {english}" in capsys.readouterr().out.splitlines()
    assert main(["validate", str(folder)]) == 2
    assert "uden anførselstegn som" in capsys.readouterr().out
