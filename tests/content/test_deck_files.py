"""Deck folders and files as they arrive from a municipal laptop or a shared drive: litter
next to the deck, very long paths, deep nesting, characters the fonts lack, and decks so
full of typos that the "mente du …?" hints used to take minutes."""

from __future__ import annotations

import difflib
import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.content import DeckError, Problem, deck_files, load_deck, load_sources
from game.content.hints import MAX_CANDIDATES, MAX_HINTS
from game.content.yamlsafe import MAX_DEPTH
from game.paths import is_litter
from tests.content.test_loader import CARD, HEADER, SCENARIO, _good_body

LITTER = [
    "._besparelser.yaml",  # macOS AppleDouble next to every file copied to a FAT/SMB drive
    ".DS_Store",
    ".besparelser.yaml.swp",  # Vim
    "besparelser.yaml.swp",
    ".#besparelser.yaml",  # Emacs lock
    "#besparelser.yaml#",  # Emacs autosave
    "besparelser.yaml~",  # backups of many editors
    "~$besparelser.yaml",  # Office lock file
    ".~lock.besparelser.yaml#",  # LibreOffice lock file
    "Thumbs.db",
    "desktop.ini",
    "__MACOSX",
    "besparelser.yaml.tmp",
]


@pytest.mark.parametrize("name", LITTER)
def test_litter_names_are_recognised(name):
    assert is_litter(name)


@pytest.mark.parametrize(
    "name", ["besparelser.yaml", "scenarier.yml", "2027 budget.yaml", "a~b.yaml", "runde-1.json"]
)
def test_real_files_are_not_litter(name):
    assert not is_litter(name)


def test_litter_in_a_deck_folder_is_ignored(tmp_path):
    (tmp_path / "deck.yaml").write_text(_good_body(), encoding="utf-8")
    (tmp_path / "._deck.yaml").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ")
    (tmp_path / "~$deck.yaml").write_bytes(b"\xff\xfe lock")
    (tmp_path / "deck.yaml~").write_text("deck: [broken", encoding="utf-8")
    (tmp_path / ".hidden.yaml").write_text("deck: [broken", encoding="utf-8")
    hidden = tmp_path / ".git"
    hidden.mkdir()
    (hidden / "x.yaml").write_text("deck: [broken", encoding="utf-8")
    assert [p.name for p in deck_files(tmp_path)] == ["deck.yaml"]
    assert len(load_deck(tmp_path).proposals) == 3


def test_a_litter_file_named_explicitly_is_still_read(tmp_path):
    named = tmp_path / "._deck.yaml"
    named.write_bytes(b"\x00\x05\x16\x07 Mac OS X")
    with pytest.raises(DeckError) as error:
        load_deck(named)
    assert "NUL-tegn" in str(error.value)


def test_a_path_over_255_bytes_is_a_message_not_a_traceback(tmp_path):
    with pytest.raises(DeckError) as error:
        load_deck(tmp_path / ("æ" * 200))  # 400 bytes in UTF-8
    assert error.value.problems[0].line == 1
    assert error.value.problems[0].message == (
        "kan ikke læses: stien er for lang (et navn i stien må højst være 255 bytes)"
    )


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (errno.EACCES, "kan ikke læses: du har ikke adgang til at læse den"),
        (errno.EIO, "kan ikke læses: disken gav en læsefejl"),
        (errno.EXDEV, "kan ikke læses (systemfejl EXDEV)"),
    ],
)
def test_an_unreadable_file_is_a_danish_message(tmp_path, monkeypatch, code, message):
    deck = tmp_path / "deck.yaml"
    deck.write_text(_good_body(), encoding="utf-8")

    def refuse(self, *args, **kwargs):  # what a locked network drive or a pulled USB stick does
        raise OSError(code, os.strerror(code), str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(DeckError) as error:
        load_deck(deck)
    assert [str(p) for p in error.value.problems] == [f"{deck}:1: {message}"]


def test_a_file_that_is_not_a_folder_in_the_path(tmp_path):
    (tmp_path / "fil").write_text("x", encoding="utf-8")
    with pytest.raises(DeckError) as error:
        load_deck(tmp_path / "fil" / "deck.yaml")
    assert "findes ikke" in str(error.value) or "en del af stien er en fil" in str(error.value)


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 497, 600, 999])
@pytest.mark.parametrize("style", ["flow", "block"])
def test_deep_nesting_is_refused_at_its_line(depth, style):
    if style == "flow":
        text = "deck: " + "[" * depth + "]" * depth + "\n"
    else:
        text = "deck:\n" + "".join(" " * (i + 1) + f"a{i}:\n" for i in range(depth))
    with pytest.raises(DeckError) as error:
        load_sources([("deck.yaml", text)])
    problems = [str(p) for p in error.value.problems]
    assert len(problems) == 1
    assert (
        f"filen er for dybt indlejret: et dæk må højst have {MAX_DEPTH} niveauer" in (problems[0])
    )
    line = int(problems[0].split(":")[1])
    if style == "flow":
        assert line == 1
    else:  # the first map too deep; libyaml itself stops at 1000 levels, a few lines later
        assert line == MAX_DEPTH + 2 or (depth >= 999 and line <= depth + 1)


def test_the_size_limit_is_written_the_danish_way():
    text = _good_body() + "#" + "x" * (1024 * 1024) + "\n"
    with pytest.raises(DeckError) as error:
        load_sources([("deck.yaml", text)])
    assert str(error.value.problems[0]) == (
        "deck.yaml:1: filen er for stor: en fil i et dæk må højst fylde 1 MB (1.048.576 bytes)"
    )


# --- characters the fonts lack --------------------------------------------------------------


def test_characters_the_fonts_lack_are_warnings_with_their_line():
    text = (
        _good_body()
        .replace("title: Forslag a", "title: Sparekniven 🔪", 1)
        .replace("area: Skole", "area: 学校 og 🔪", 1)
    )
    warnings: list[Problem] = []
    deck = load_sources([("deck.yaml", text)], warnings)
    assert deck.proposals[0].title == "Sparekniven 🔪"  # the deck loads, the text is kept
    assert [str(w) for w in warnings] == [
        "deck.yaml:8: advarsel: '🔪' (U+1F52A) findes ikke i spillets skrift og udelades på "
        "skærmen",
        "deck.yaml:9: advarsel: '学' (U+5B66), '校' (U+6821), '🔪' (U+1F52A) findes ikke i "
        "spillets skrift og udelades på skærmen",
    ]


def test_danish_text_and_typography_give_no_warning():
    text = _good_body().replace(
        "title: Forslag a", 'title: "Ældre – »nye« veje … 1½ % € §3 – −5 ’"', 1
    )
    warnings: list[Problem] = []
    load_sources([("deck.yaml", text)], warnings)
    assert warnings == []


def test_the_standard_deck_has_no_font_warnings(std_deck):
    from game.paths import standard_deck

    warnings: list[Problem] = []
    load_deck(standard_deck(), warnings)
    # nor any other: every card and event of the standard deck is in some scenario, and no
    # amount looks out of line (validate prints nothing but OK)
    assert [(w.said.key, w.said.kwargs) for w in warnings] == []


@pytest.mark.parametrize("name", ["standard", "kystby"])
def test_the_shipped_decks_validate_without_a_warning(name):
    # a deck author copies what we ship: it must not teach them to live with warnings
    # (kystby's investments had a fourth amount that its three-year scenarios never use);
    # deep, as `raaderum validate` reads it: every scenario's target is within reach
    warnings: list[Problem] = []
    load_deck(Path(__file__).resolve().parents[2] / "decks" / name, warnings, deep=True)
    assert [(w.line, w.said.key, w.said.kwargs) for w in warnings] == []


def test_validate_shows_warnings_and_still_exits_0_without_a_display(tmp_path):
    deck = tmp_path / "deck.yaml"
    # room for all three cards in the first year: a deck no plan can win would be said too
    body = _good_body().replace("title: S\n", "title: Spar 🚀\n") + "    capacity: 12\n"
    deck.write_text(body, encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "SDL_VIDEODRIVER": "offscreen-does-not-exist"}
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "game", "validate", str(deck)],
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == (
        f"{deck}:23: advarsel: '🚀' (U+1F680) findes ikke i spillets skrift og udelades på skærmen"
    )
    assert lines[1].startswith(f"{deck}: OK")
    assert "pygame" not in run.stderr  # -X importtime lists every import: no display library


# --- the "mente du …?" hints ---------------------------------------------------------------


def _deck_full_of_typos(cards: int) -> str:
    body = "".join(
        CARD.format(id=f"forslag{i:05d}", kind=("saving", "efficiency", "investment")[i % 3])
        + f"    excludes: [forslg{i:05d}]\n"
        for i in range(cards)
    )
    return HEADER + "proposals:\n" + body + SCENARIO


class _CountingMatcher(difflib.SequenceMatcher):  # type: ignore[type-arg]
    comparisons = 0

    def set_seq1(self, a):  # type: ignore[no-untyped-def]
        _CountingMatcher.comparisons += 1
        super().set_seq1(a)


@pytest.mark.parametrize("cards", [300, 1200])
def test_hints_for_unknown_ids_take_bounded_work(monkeypatch, cards):
    monkeypatch.setattr(difflib, "SequenceMatcher", _CountingMatcher)
    _CountingMatcher.comparisons = 0
    with pytest.raises(DeckError) as error:
        load_sources([("deck.yaml", _deck_full_of_typos(cards))])
    problems = [p.message for p in error.value.problems]
    unknown = [p for p in problems if p.startswith("ukendt forslag")]
    assert len(unknown) == cards  # every unknown id is still reported …
    hinted = [p for p in unknown if "mente du" in p]
    assert len(hinted) == MAX_HINTS  # … the first ones with a hint
    assert unknown[0] == "ukendt forslag 'forslg00000' (mente du 'forslag00000'?)"
    # difflib compares each hinted word with at most MAX_CANDIDATES ids: the work does not
    # grow with the deck (it was cards × cards comparisons: 87 s for a 260 KB deck)
    assert _CountingMatcher.comparisons <= MAX_HINTS * (MAX_CANDIDATES + 1)  # +1: __init__


@pytest.mark.parametrize("name", ["katalog.xlsx", "Katalog.XLSM", "forslag.csv"])
def test_a_catalogue_given_as_a_deck_says_to_import_it(tmp_path, capsys, name):
    # A newcomer tries `raaderum validate katalog.xlsx`; before, the answer was "the text is
    # not UTF-8" (or four YAML errors for a CSV file).
    from game.catalogue import write_template
    from game.cli import main

    path = tmp_path / "Budget 2027" / name  # a folder with a space: the hint quotes it
    path.parent.mkdir()
    if name.endswith(".csv"):
        path.write_text("id;slags;titel;område;år 1\nspar;besparelse;Spar;Ældre;2\n", "utf-8")
    else:
        write_template(path)
    assert main(["validate", str(path)]) == 2
    out = capsys.readouterr().out
    assert out.strip() == (
        f"{path}:1: det er et katalog (regneark eller CSV), ikke et dæk; lav det om til et dæk "
        f'med: raaderum import "{path}" --out MAPPE'
    )


def test_validate_warns_when_the_typical_amount_is_far_too_large_for_the_unit(tmp_path, capsys):
    # A catalogue in t. kr. whose unit was left at mio. kr. (500 a year, each): before, only
    # the import said so, and `raaderum validate` called the deck OK without a word.
    from game.cli import main

    (tmp_path / "deck.yaml").write_text(_good_body().replace("effect: [2]", "effect: [500]"))
    assert main(["validate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "advarsel: det typiske forslag giver 500 mio. kr. om året" in out
    (tmp_path / "deck.yaml").write_text(
        _good_body()
        .replace("effect: [2]", "effect: [500]")
        .replace("id: t\n", 'id: t\n  unit: "t. kr."\n')
    )
    assert main(["validate", str(tmp_path)]) == 0
    assert "typiske forslag" not in capsys.readouterr().out


def test_validate_warns_at_a_card_written_in_millions_in_a_deck_in_thousands(tmp_path, capsys):
    # "2.2" among cards of 1.500–2.500 t. kr. is worth 2.200 kr. in the game; before, OK.
    from game.cli import main

    body = _good_body().replace("id: t\n", 'id: t\n  unit: "t. kr."\n')
    body = body.replace("effect: [2]", "effect: [2000]", 2).replace("effect: [2]", "effect: [2.2]")
    (tmp_path / "deck.yaml").write_text(body)
    assert main(["validate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    said = "advarsel: 'c' flytter råderummet 2,2 t. kr. om året, mens det typiske forslag frigør "
    assert said in out
    # the amount as the file may write it: "2.200" is refused as a possible thousands dot;
    # one amount is "beløbet" (before: "beløbene [2200]")
    assert "er beløbet skrevet i mio. kr.? I t. kr. skrives beløbet [2200]" in out


def test_many_amounts_over_the_limit_ask_whether_the_deck_is_in_thousands(tmp_path, capsys):
    from game.cli import main

    (tmp_path / "deck.yaml").write_text(_good_body().replace("effect: [2]", "effect: [2500]"))
    assert main(["validate", str(tmp_path)]) == 2
    lines = capsys.readouterr().out.splitlines()
    hint = '3 beløb er over 1.000 mio. kr.: er dækket i t. kr.? Så skriv unit: "t. kr."'
    assert lines[0].endswith(hint + " i dækkets hoved"), lines
    # said at the first amount where the deck writes no unit; at 'unit:' where it does,
    # which is where the fix goes (it stood at the first amount, nine lines further down)
    body = _good_body().replace("effect: [2]", "effect: [2500]")
    assert "unit:" not in body
    body = body.replace("schema_version: 1", 'schema_version: 1\n  unit: "mio. kr."', 1)
    (tmp_path / "deck.yaml").write_text(body)
    assert main(["validate", str(tmp_path)]) == 2
    lines = capsys.readouterr().out.splitlines()
    unit_line = body.splitlines().index('  unit: "mio. kr."') + 1
    assert lines[0].startswith(f"{tmp_path / 'deck.yaml'}:{unit_line}: 3 beløb"), lines


def test_amounts_over_the_limit_in_an_unknown_unit_name_the_unit_among_the_errors(tmp_path, capsys):
    # unit: "kroner i tusinder" gave 33 limits in mio. kr. and not a word of the unit: its
    # warning is not printed while the deck has errors
    from game.cli import main

    body = _good_body().replace("effect: [2]", "effect: [2500]")
    body = body.replace("schema_version: 1", 'schema_version: 1\n  unit: "kroner i tusinder"', 1)
    (tmp_path / "deck.yaml").write_text(body)
    assert main(["validate", str(tmp_path)]) == 2
    lines = capsys.readouterr().out.splitlines()
    unit_line = body.splitlines().index('  unit: "kroner i tusinder"') + 1
    assert lines[0] == (
        f"{tmp_path / 'deck.yaml'}:{unit_line}: enheden 'kroner i tusinder' kendes ikke, så "
        "beløbene kontrolleres som mio. kr., og 3 beløb er over grænserne for mio. kr.: skriv "
        'enheden, som spillet kender den, fx unit: "t. kr." for tusinde kroner eller '
        'unit: "kr." for hele kroner'
    ), lines


@pytest.mark.parametrize("written", ["", "   "])
def test_a_unit_of_spaces_is_empty_not_unknown(tmp_path, capsys, written):
    # unit: "   " was called an unknown unit, and the deck played with its amounts as mio. kr.
    from game.cli import main

    body = _good_body().replace("schema_version: 1", f'schema_version: 1\n  unit: "{written}"', 1)
    (tmp_path / "deck.yaml").write_text(body)
    assert main(["validate", str(tmp_path)]) == 2
    out = capsys.readouterr().out
    unit_line = body.splitlines().index(f'  unit: "{written}"') + 1
    assert f"{tmp_path / 'deck.yaml'}:{unit_line}: 'unit' må ikke være tom" in out, out
    assert "kendes ikke" not in out, out


def test_a_budget_tables_kr_i_1000_is_thousands(tmp_path, capsys):
    from game.cli import main

    body = _good_body().replace("effect: [2]", "effect: [2500]")
    body = body.replace("schema_version: 1", 'schema_version: 1\n  unit: "kr. i 1.000"', 1)
    (tmp_path / "deck.yaml").write_text(body)
    assert main(["validate", str(tmp_path)]) == 0, capsys.readouterr().out


def test_validate_warns_at_a_card_whose_anlaeg_exceeds_the_scenarios_ramme(tmp_path, capsys):
    # Before: OK, and the balance harness called the card dead ("make it cheaper or bigger").
    from game.cli import main

    body = _good_body().replace("schema_version: 1", "schema_version: 2")
    body = body.replace("effect: [2]\n", "effect: [2]\n    construction: 15\n", 1)
    body = body.replace("    target: 1\n", "    target: 1\n    construction_budget: 10\n")
    (tmp_path / "deck.yaml").write_text(body)
    assert main(["validate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert (
        "advarsel: 'a' har anlæg 15 mio. kr., men scenariet 's' har en anlægsramme på 10 mio. kr.;"
        " kortet kan aldrig vedtages dér" in out
    ), out


def test_a_misspelt_kind_gets_the_kind_it_was_meant_as(tmp_path, capsys):
    # Before: the list of kinds, English first, and no hint (the import already had one).
    from game.cli import main

    (tmp_path / "deck.yaml").write_text(_good_body().replace("kind: saving", "kind: besparrelse"))
    assert main(["validate", str(tmp_path)]) == 2
    assert "ikke 'besparrelse' (mente du 'besparelse'?)" in capsys.readouterr().out


def test_many_format2_fields_in_a_version1_deck_also_say_so_at_schema_version(tmp_path, capsys):
    from game.cli import main

    body = _good_body().replace("effect: [2]\n", "effect: [2]\n    effect_from_year: 2027\n")
    (tmp_path / "deck.yaml").write_text(body)
    assert main(["validate", str(tmp_path)]) == 2
    out = capsys.readouterr().out
    assert out.count("findes fra dækformat 2") == 3
    assert (
        "deck.yaml:4: dækket bruger 3 felter fra dækformat 2: skriv 'schema_version: 2' her" in out
    )


def test_a_proposal_whose_source_was_forgotten_is_a_warning_at_its_line():
    # a budget office left out one card's source: no word, and its printed card had no
    # "Kilde" line; a deck without any sources (an older one) is not warned card by card
    sourced = "    effect: [2]\n    source: Budgetforslag 2027, s. 4\n"
    text = _good_body().replace("    effect: [2]\n", sourced, 2)
    warnings: list[Problem] = []
    load_sources([("deck.yaml", text)], warnings)
    assert [str(w) for w in warnings] == [
        "deck.yaml:18: advarsel: forslaget 'c' har ingen kilde ('source'): skriv, hvilket "
        'dokument beløbet bygger på (fx "Budgetforslag 2027, s. 12"), eller at det er '
        "forvaltningens eget skøn; kortet viser kilden, og bordet spørger efter den"
    ]
    text = _good_body().replace("    effect: [2]\n", sourced, 1)
    warnings = []
    load_sources([("deck.yaml", text)], warnings)
    assert [w.line for w in warnings] == [12]
    assert "2 forslag har ingen kilde ('source'), fx 'b', 'c';" in str(warnings[0])
    warnings = []
    load_sources([("deck.yaml", _good_body())], warnings)
    assert warnings == []


def test_an_event_whose_source_was_forgotten_is_a_warning_at_its_line(tmp_path):
    # a consultant deleted one event's source: no word (a card got one), and the printed
    # event had no "Kilde" line where the others had
    import shutil

    from game.content import load_deck
    from game.paths import standard_deck

    deck = tmp_path / "dæk"
    shutil.copytree(standard_deck(), deck)
    events = deck / "haendelser.yaml"
    lines = events.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.strip().startswith("source:"))
    del lines[first]
    events.write_text("".join(lines), encoding="utf-8")
    card_id = next(
        line.split(":", 1)[1].strip()
        for line in reversed(lines[:first])
        if line.strip().startswith("- id:")
    )
    id_line = 1 + next(i for i, line in enumerate(lines) if line.strip() == f"- id: {card_id}")
    warnings: list[Problem] = []
    load_deck(deck, warnings)
    said = [str(w).replace(f"{deck}/", "") for w in warnings if "ingen kilde" in str(w)]
    assert said == [
        f"haendelser.yaml:{id_line}: advarsel: hændelsen '{card_id}' har ingen kilde ('source'), "
        "som dækkets andre hændelser har: skriv, hvilket dokument den bygger på, eller at den "
        "er forvaltningens eget skøn; det trykte kort viser kilden"
    ], said


def test_a_scenario_with_events_to_draw_but_none_is_a_warning_at_its_line():
    # a catalogue imported without its 'Hændelser' sheet played without events, unsaid
    text = _good_body().replace("    events_per_round: 0\n", "")
    warnings: list = []
    load_sources([("deck.yaml", text)], warnings)
    said = [str(w) for w in warnings]
    assert said == [
        "deck.yaml:22: advarsel: scenariet 's' skal trække hændelser hver runde, men har ingen "
        "at trække, så spillet kommer uden hændelser; læg hændelser i dækket (arket 'Hændelser' "
        "i kataloget), eller skriv 'events_per_round: 0', hvis det er meningen"
    ]
    warnings.clear()
    load_sources([("deck.yaml", _good_body())], warnings)  # events_per_round: 0 is meant
    assert warnings == []


def test_a_folder_without_a_deck_block_is_not_blamed_on_its_first_file(tmp_path, capsys):
    # "besparelser.yaml:1: mangler 'deck:'-blokken" – nothing was wrong in besparelser.yaml;
    # the folder had lost its deck.yaml
    import shutil

    from game.cli import main
    from game.paths import standard_deck

    deck = tmp_path / "dæk"
    shutil.copytree(standard_deck(), deck)
    (deck / "deck.yaml").unlink()
    assert main(["validate", str(deck)]) == 2
    out = capsys.readouterr().out
    assert "ingen af dækkets filer (besparelser.yaml, effektiviseringer.yaml" in out, out
    assert "skriv den i én af dem, fx i en fil deck.yaml" in out


def test_an_anlaeg_typed_in_t_kr_is_told_how_a_deck_writes_the_fraction(tmp_path, capsys):
    # "200 t. kr. er 0,2 mio. kr.; så skriv 0,2" – and validate then refused 0,2 as a decimal
    # comma: a deck writes 0.2
    from game.cli import main

    (tmp_path / "deck.yaml").write_text(
        """deck: {id: anlaeg, title: Anlæg, schema_version: 2}
proposals:
  - {id: spar, kind: besparelse, title: Spar, area: Adm, effect: [1]}
  - {id: eff, kind: effektivisering, title: Effektiviser, area: Adm, effect: [1]}
  - {id: inv, kind: investering, title: Byg om, area: Adm, effect: [-1, 2], construction: 200}
scenarios:
  - {id: tre, title: Tre år, years: [2027, 2028, 2029], target: 1, construction_budget: 15}
""",
        encoding="utf-8",
    )
    assert main(["validate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "200 t. kr. er 0,2 mio. kr.; så skriv 0.2. Ellers" in out, out


def test_a_deck_file_that_cannot_be_read_is_said_not_left_out(tmp_path, capsys):
    # haendelser.yaml as a broken link (or a FIFO) was left out of the folder, and validate
    # said "OK – … 0 hændelser" with a warning to put events in the deck
    import os

    from game.cli import main

    (tmp_path / "deck.yaml").write_text(_good_body(), encoding="utf-8")
    (tmp_path / "haendelser.yaml").symlink_to(tmp_path / "findes-ikke.yaml")
    os.mkfifo(tmp_path / "scenarier.yaml")
    assert main(["validate", str(tmp_path)]) == 2
    out = capsys.readouterr().out
    for name in ("haendelser.yaml", "scenarier.yaml"):
        assert f"{tmp_path / name}:1: er ikke en almindelig fil" in out, out
    assert "OK" not in out
