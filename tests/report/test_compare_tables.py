"""Comparing tables: figures against the engine, grouping, unreadable saves, the files."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from report_helpers import assert_self_contained, autoplay, parse_html, save_game

from game.cli import main
from game.engine import raaderum, verdict
from game.messages import catalogue, render
from game.report import compare_saves, why_apart, write_comparison
from game.report.compare import comparison_html, table_choices
from game.saves import GameSettings, read_save, write_save
from game.saves.model import PaperTable


@pytest.fixture(scope="module")
def states(saves_dir):
    """The final state of every readable save, by file name, as the engine replays it."""
    found = {}
    for path in sorted(saves_dir.glob("*.json")):
        if path.name != "broken.json":
            found[path.name] = read_save(path).history.current
    return found


def _rows(path, separator=";"):
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.DictReader(text.splitlines(), delimiter=separator))


def test_groups_by_scenario_and_lists_the_unreadable(saves_dir, states):
    comparison = compare_saves([saves_dir])
    assert [g.scenario_id for g in comparison] == ["standard", "intro"]
    standard, intro = comparison
    assert sorted(t.path.name for t in standard.tables) == [f"bord{i}.json" for i in range(1, 6)]
    assert [t.path.name for t in intro.tables] == ["intro.json"]
    assert [u.path.name for u in comparison.unreadable] == ["broken.json"]
    assert "broken.json" in comparison.unreadable[0].error
    for group in comparison:
        assert all(states[t.path.name].scenario.id == group.scenario_id for t in group.tables)


def test_figures_equal_the_engine(saves_dir, states):
    standard = compare_saves([saves_dir])[0]
    finals = [states[t.path.name] for t in standard.tables]
    for use in standard.proposals:
        adopters = [s for s in finals if use.id in s.adopted_ids()]
        assert use.tables_adopted == len(adopters)
        assert use.tables_total == 5
        if adopters:
            rounds = [s.adoption(use.id).round + 1 for s in adopters]
            assert use.mean_round == pytest.approx(sum(rounds) / len(rounds))
        else:
            assert use.mean_round is None
    assert {u.id for u in standard.proposals} == set(finals[0].scenario.proposals)
    wins = sum(1 for s in finals if verdict(s).won)
    assert standard.wins == wins and standard.win_rate == pytest.approx(wins / 5)
    for table, final in zip(standard.tables, finals):
        assert table.raaderum == pytest.approx(raaderum(final))
        assert table.service == final.service


def test_csv_and_html(saves_dir, states, tmp_path):
    comparison = compare_saves([saves_dir])
    paths = write_comparison(comparison, tmp_path)
    assert [p.name for p in paths] == ["compare.html", "compare.csv", "compare_tables.csv"]
    assert (tmp_path / "compare.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    rows = _rows(tmp_path / "compare.csv")
    standard_rows = [r for r in rows if r["scenario"] == "standard"]
    intro_rows = [r for r in rows if r["scenario"] == "intro"]
    scenario = states["bord1.json"].scenario
    assert len(standard_rows) == len(scenario.proposals)
    assert len(intro_rows) == len(states["intro.json"].scenario.proposals)
    finals = [states[f"bord{i}.json"] for i in range(1, 6)]
    for row in standard_rows:
        assert int(row["tables_adopted"]) == sum(row["id"] in s.adopted_ids() for s in finals)
        assert row["tables_total"] == "5"
        assert row["title"] == finals[0].deck.proposal(row["id"]).title
        adopters = [s.adoption(row["id"]) for s in finals if row["id"] in s.adopted_ids()]
        if adopters:  # Danish decimal comma
            mean = sum(a.round + 1 for a in adopters) / len(adopters)
            assert float(row["mean_round"].replace(",", ".")) == pytest.approx(mean, abs=0.005)
        else:
            assert row["mean_round"] == ""
    intro_final = states["intro.json"]
    for row in intro_rows:
        assert row["tables_total"] == "1"
        assert int(row["tables_adopted"]) == (row["id"] in intro_final.adopted_ids())
    source, page = parse_html(tmp_path / "compare.html")
    assert_self_contained(source, page)
    for name in states:
        assert name in page.text
    assert "broken.json" in page.text  # the unreadable save is listed
    wins = sum(1 for s in finals if verdict(s).won)
    assert f"{wins} af 5 færdigspillede borde vandt" in page.text


def test_the_tables_csv_has_each_tables_years_result_and_why(saves_dir, states, tmp_path):
    # before, compare.csv had proposals only: a host could not pivot the tables' results
    write_comparison(compare_saves([saves_dir]), tmp_path)
    rows = _rows(tmp_path / "compare_tables.csv")
    for index in range(1, 6):
        final = states[f"bord{index}.json"]
        mine = [r for r in rows if r["file"] == f"bord{index}.json"]
        assert [r["year"] for r in mine] == list(final.scenario.years)
        for row, value, target in zip(mine, raaderum(final), final.targets):
            assert float(row["raaderum"].replace(",", ".")) == pytest.approx(value, abs=0.005)
            assert row["met"] == ("ja" if value >= target - 1e-9 else "nej")
        # each year's own service level: it said the final level in every year's row
        assert [int(r["service"]) for r in mine] == [y.service for y in final.results]
        outcome = verdict(final)
        assert {r["result"] for r in mine} == {"vundet" if outcome.won else "tabt"}
        if not outcome.won:
            assert all(r["why"] for r in mine), "a lost table says why"


def test_other_decks_are_never_mixed_in(saves_dir, ledger_deck, tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(saves_dir, folder)
    save_game(folder, "andet-dæk.json", ledger_deck, "regn", 3, "greedy")
    comparison = compare_saves([folder, folder / "bord1.json"])  # bord1 named twice
    hashes = {(g.deck_hash, g.scenario_id) for g in comparison}
    assert len(hashes) == len(comparison) == 3
    ledger = next(g for g in comparison if g.deck_hash == ledger_deck.content_hash)
    assert [t.path.name for t in ledger.tables] == ["andet-dæk.json"]
    assert sum(len(g.tables) for g in comparison) == 7
    write_comparison(comparison, tmp_path / "out", lang="en")
    rows = _rows(tmp_path / "out" / "compare.csv", ",")  # English Excel splits by commas
    assert {r["deck_hash"] for r in rows if r["scenario"] == "regn"} == {ledger_deck.content_hash}
    # the unit in the report's words too, as its other values are ("mio. kr." in English)
    tables = _rows(tmp_path / "out" / "compare_tables.csv", ",")
    assert {r["unit"] for r in tables if r["scenario"] != "regn"} == {"m DKK"}
    source, _ = parse_html(tmp_path / "out" / "compare.html")
    assert "split into groups" in source


def test_compare_command(saves_dir, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["compare", str(saves_dir), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    skipped, apart = captured.err.strip().splitlines()
    assert "broken.json" in skipped
    # the intro table is a group of its own, said on the terminal too (only the page said it)
    assert apart.startswith("raaderum compare: bemærk: gruppe 2 (") and "et andet scenarie" in apart
    assert (out / "compare.html").exists() and (out / "compare.csv").exists()
    bad = ["compare", str(saves_dir / "broken.json"), str(tmp_path / "nope.json")]
    assert main([*bad, "--out", str(tmp_path / "none")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 3
    assert not (tmp_path / "none").exists()


def test_tables_that_played_for_a_different_target_are_a_group_of_their_own(tmp_path):
    from game.content import load_deck
    from game.engine import History
    from game.engine.bots import greedy_policy
    from game.engine.rules import new_game
    from game.paths import standard_deck
    from game.report import compare_saves
    from game.saves import GameSettings, write_save

    deck = load_deck(standard_deck())
    for index, target in enumerate((None, None, 60.0)):
        state = new_game(deck, "intro", index, target)
        history = History.start(state)
        generator = np.random.default_rng(index)
        while not history.current.finished:
            history = history.do(greedy_policy(history.current, generator))
        write_save(
            tmp_path / f"bord{index}.json", deck, GameSettings("intro", index, target), history
        )
    groups = compare_saves([tmp_path])
    assert sorted(len(g.tables) for g in groups) == [1, 2]
    assert {g.targets[-1] for g in groups} == {deck.scenario("intro").target[-1], 60.0}
    # a host saw "Gruppe 2 af 2" and no word of why the third table stood apart
    assert [render(why_apart(groups, i)) for i in range(2)] == [
        "samme scenarie som gruppe 2, men et andet mål",
        "samme scenarie som gruppe 1, men et andet mål",
    ]
    html = comparison_html(list(groups), [], "da")
    assert html.count("samme scenarie som gruppe") == 2
    assert why_apart(groups[:1], 0) is None  # one group: nothing to explain
    # the CSV files say which group a row belongs to: a pivot on deck, scenario and card
    # added the two groups together (8/8 + 1/1 = 9/9)
    from game.report.compare import comparison_rows, table_rows

    rows = comparison_rows(list(groups), "da")
    first = {(row[0], row[4]): row[8:10] for row in rows}
    assert {row[0] for row in rows} == {1, 2}
    for number, group in enumerate(groups, start=1):
        for use in group.proposals:
            assert first[(number, use.id)] == [use.tables_adopted, len(group.tables)]
    assert {row[0] for row in table_rows(list(groups), "da")} == {1, 2}


def test_a_group_apart_is_told_against_the_group_nearest_to_it(tmp_path):
    from game.content import load_deck
    from game.engine import History
    from game.engine.bots import greedy_policy
    from game.engine.rules import new_game
    from game.paths import standard_deck
    from game.report import compare_saves
    from game.saves import GameSettings, write_save

    deck = load_deck(standard_deck())
    # standard at its own target, standard at X = 60, intro: the intro group differs from both
    # by its scenario; the two standard groups only by their target
    for index, (scenario, target) in enumerate(
        (("standard", None), ("standard", 60.0), ("intro", None))
    ):
        state = new_game(deck, scenario, index, target)
        history = History.start(state)
        history = history.do(greedy_policy(history.current, np.random.default_rng(index)))
        write_save(
            tmp_path / f"bord{index}.json", deck, GameSettings(scenario, index, target), history
        )
    groups = list(compare_saves([tmp_path]))
    said = {
        (g.scenario_id, g.targets[-1]): render(why_apart(groups, i), "en")
        for i, g in enumerate(groups)
    }
    standard_49 = next(i for i, g in enumerate(groups) if g.targets[-1] == 49) + 1
    assert said[("intro", deck.scenario("intro").target[-1])].startswith("a scenario other than")
    assert said[("standard", 60.0)] == f"same scenario as group {standard_49}, different target"
    # the printed page says it in a sentence, as the window does (it read as a stray line)
    html = comparison_html(groups, [], "da")
    assert "Ikke talt sammen med de andre borde: et andet scenarie end gruppe" in html
    # the groups the reasons name are numbered on the page (it named groups it never showed)
    assert all(f"<h2>Gruppe {n}: " in html for n in (1, 2, 3)), html
    assert "forskellige dæk eller scenarier" not in html  # two of them differ by target only
    assert "kontrolsum" not in html


def test_compare_explains_skipped_saves_in_the_readers_language(saves_dir, tmp_path, capsys):
    bad = ["compare", str(saves_dir / "broken.json"), str(tmp_path / "nope.json")]
    assert main(["--lang", "en", *bad, "--out", str(tmp_path / "en")]) == 2
    english = capsys.readouterr().err.strip().splitlines()
    skipped = sorted(line for line in english if line.startswith("raaderum compare: skipped: "))
    assert len(skipped) == 2 and "broken.json" in skipped[0]
    assert skipped[1].endswith("nope.json: there is no such file or folder")
    assert english[-1] == "raaderum compare: none of the saved games could be read"
    assert main([*bad, "--out", str(tmp_path / "da")]) == 2
    danish = capsys.readouterr().err.strip().splitlines()
    assert any(line.endswith("nope.json: filen eller mappen findes ikke") for line in danish)
    assert danish[-1] == "raaderum compare: ingen af de gemte spil kunne læses"


def test_every_table_has_its_own_name_and_a_name_given_twice_is_pointed_out(std_deck, tmp_path):
    # A host's folder: two laptop tables without a name, one named at the start screen and
    # paper tables the host entered – one of them twice under the same name.
    def laptop(name: str, seed: int, table: str = "") -> None:
        history = autoplay(std_deck, "standard", seed, "greedy")
        write_save(
            tmp_path / name, std_deck, GameSettings("standard", seed, None, table=table), history
        )

    def paper(name: str, seed: int, table: str) -> None:
        history = autoplay(std_deck, "standard", seed, "random")
        write_save(
            tmp_path / name,
            std_deck,
            GameSettings("standard", seed, None),
            history,
            paper=PaperTable(table),
        )

    laptop("a.json", 1)
    laptop("b.json", 2)
    laptop("c.json", 3, table="Bord 10")
    laptop("g.json", 7, table="Bord8")  # typed without the space: sorted as "Bord 8"
    paper("d.json", 4, "Bord 1")
    paper("e.json", 5, "Bord 2")
    paper("f.json", 6, "bord 2")
    comparison = compare_saves([tmp_path])
    (group,) = comparison
    source, html = parse_html(write_comparison(comparison, tmp_path / "out")[0])
    files = ("a.json", "b.json", "c.json", "d.json", "e.json", "f.json", "g.json")
    # the first column holds the table's name with its file name under it
    names = [
        next(cell.removesuffix(f) for f in files if cell.endswith(f))
        for cell in (row[0] for row in html.tables[0][1:])
    ]
    # unnamed laptops never take a paper table's name; "Bord 10" after "Bord 3"; the second
    # paper "bord 2" is "(2, papir)", not the double brackets "(2) (papir)" a host stumbled on
    assert names == [
        "Bord 1 (papir)",
        "Bord 2 (papir)",
        "bord 2 (2, papir)",
        "Bord 3",
        "Bord 4",
        "Bord8",
        "Bord 10",
    ]
    assert [t.path.name for t in group.tables] == [
        "d.json",
        "e.json",
        "f.json",
        "a.json",
        "b.json",
        "g.json",
        "c.json",
    ]
    (line,) = comparison.notices()
    assert "2 borde hedder »Bord 2« (e.json, f.json)" in line
    assert "2 borde hedder »Bord 2«" in source


def test_a_table_that_met_every_target_and_lost_on_service_says_why(tmp_path):
    # Before, the page showed such a table's years all above target next to "tabt", with
    # nothing to say that its service level fell under the floor.
    import numpy as np

    from game.content import load_deck
    from game.engine import History, new_game
    from game.engine.bots import random_policy
    from game.numbers import format_amount
    from game.paths import standard_deck
    from game.saves import GameSettings, write_save

    deck = load_deck(standard_deck())
    generator = np.random.default_rng(145)
    history = History.start(new_game(deck, "borgermoede", 145))
    while not history.current.finished:
        history = history.do(random_policy(history.current, generator))
    outcome = verdict(history.current)
    assert not outcome.won and not outcome.missed_years and outcome.service_below_floor
    folder = tmp_path / "borde"
    folder.mkdir()
    write_save(folder / "bord.json", deck, GameSettings("borgermoede", 145), history)
    write_comparison(compare_saves([folder]), tmp_path / "out")
    source, page = parse_html(tmp_path / "out" / "compare.html")
    assert "Serviceniveauet endte på" in page.text and "under gulvet" in page.text
    assert "✗" not in page.text, "no year was missed"
    # the service level itself is in the missed colour, as the window shows it
    shown = format_amount(history.current.service, "da", sign=True)
    assert f'<span class="missed">{shown}</span>' in source


def test_the_service_chart_of_the_comparison_marks_the_scenarios_floor(tmp_path, saves_dir):
    # before, a host could not see which tables ended under the floor
    from game.numbers import format_amount
    from game.report import compare_saves, write_comparison

    comparison = compare_saves([saves_dir])
    group = comparison[0]
    assert group.service_floor is not None
    html = write_comparison(comparison, tmp_path / "out")[0].read_text(encoding="utf-8")
    floor = format_amount(group.service_floor, "da", 0, sign=True)
    service = html.split("Service pr. bord", 1)[1].split("</figure>", 1)[0]
    assert f"Servicegulv {floor}" in service


def _who_tables(source: str) -> list[list[list[str]]]:
    """The cells (tags stripped) of every "Hvem vedtog hvad" table of compare.html."""
    import re

    found = []
    for chunk in source.split('<table class="who">')[1:]:
        body = chunk.split("</table>")[0]
        rows = []
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
            cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
            rows.append([re.sub(r"<[^>]+>", " ", c).split() for c in cells])
        found.append([[" ".join(words) for words in row] for row in rows])
    return found


def test_the_comparison_shows_which_table_adopted_what_and_when(saves_dir, states, tmp_path):
    # the page said only "3/8" for a proposal: the host could not say which tables chose it
    write_comparison(compare_saves([saves_dir]), tmp_path)
    source = (tmp_path / "compare.html").read_text(encoding="utf-8")
    standard = next(t for t in _who_tables(source) if len(t[0]) == 6)  # proposal + 5 tables
    finals = [states[f"bord{i}.json"] for i in range(1, 6)]
    deck = finals[0].deck
    years = finals[0].scenario.years
    body, kinds = standard[1:-1], standard[-1]
    adopted_anywhere = {pid for s in finals for pid in s.adopted_ids()}
    assert len(body) == len(adopted_anywhere)
    for row in body:
        pid = next(p for p in adopted_anywhere if row[0].startswith(deck.proposal(p).title))
        for cell, state in zip(row[1:], finals):
            adoption = state.adoption(pid)
            assert cell == (years[adoption.round] if adoption is not None else "–"), (pid, row)
    for cell, state in zip(kinds[1:], finals):
        counted = [deck.proposal(p).kind.value for p in state.adopted_ids()]
        want = [counted.count(k) for k in ("saving", "efficiency", "investment")]
        assert cell == " · ".join(str(n) for n in want)
    # the mean round above it says which year round 1 is (the table below names years)
    assert f"Gns. runde (runde 1 = {years[0]})" in source


def test_an_unfinished_table_shows_no_raaderum_for_years_it_has_not_begun(tmp_path):
    # a trial's host compared a table saved in 2027: its 2028 and 2029 showed 0,2 and 20,9
    # ("met: nej") and were drawn in the chart next to the finished tables
    from game.content import load_deck
    from game.engine import History, legal_actions, new_game

    deck = load_deck("decks/standard")
    history = History.start(new_game(deck, "intro", 5))
    history = history.do(legal_actions(history.current)[0])  # one card adopted in 2027
    folder = tmp_path / "borde"
    folder.mkdir()
    write_save(folder / "i-gang.json", deck, GameSettings("intro", 5, None), history)
    save_game(folder, "faerdig.json", deck, "intro", 6, "greedy")
    paths = write_comparison(compare_saves([folder]), tmp_path / "ud")
    rows = [r for r in _rows(paths[2]) if r["file"] == "i-gang.json"]
    assert [r["year"] for r in rows] == ["2027", "2028", "2029"]
    assert rows[0]["raaderum"] != "" and rows[0]["met"] == ""  # 2027 is not over yet
    assert [(r["raaderum"], r["met"]) for r in rows[1:]] == [("", ""), ("", "")]
    assert {r["unit"] for r in _rows(paths[2])} == {"mio. kr."}
    finished = [r for r in _rows(paths[2]) if r["file"] == "faerdig.json"]
    assert all(r["raaderum"] != "" and r["met"] in ("ja", "nej") for r in finished)
    _, page = parse_html(paths[0])
    row = next(r for r in page.tables[0] if any("i-gang.json" in cell for cell in r))
    assert row[-4:-2] == ["–", "–"]  # 2028 and 2029, before service and adoptions


def test_a_table_left_halfway_keeps_its_closed_years_marked_and_its_open_years_open(tmp_path):
    # a table that gave up in round 2: its met 2027 had no ✓ in the comparison (the CSV said
    # met=ja), and its report drew the open 2028 green and the unplayed 2029 as "Målet ikke
    # nået", beside "indtil nu er alle betingelser for at vinde opfyldt"
    from game.content import load_deck
    from game.engine import Adopt, EndYear, History, Kind, legal_actions, new_game
    from game.report.svg import MISSED, OPEN

    deck = load_deck("decks/standard")
    history = History.start(new_game(deck, "intro", 5))
    while history.current.round == 0:  # savings until 2027 is met, then the year's end
        savings = [
            a
            for a in legal_actions(history.current)
            if isinstance(a, Adopt) and deck.proposal(a.card).kind is Kind.SAVING
        ]
        met = raaderum(history.current)[0] >= history.current.targets[0]
        history = history.do(savings[0] if savings and not met else EndYear())
    adopt = next(a for a in legal_actions(history.current) if isinstance(a, Adopt))
    history = history.do(adopt)  # a card in 2028, and the table leaves
    assert history.current.results[0].met
    folder = tmp_path / "borde"
    folder.mkdir()
    write_save(folder / "halvvejs.json", deck, GameSettings("intro", 5, None), history)
    save_game(folder, "faerdig.json", deck, "intro", 6, "greedy")
    paths = write_comparison(compare_saves([folder]), tmp_path / "ud")
    _, page = parse_html(paths[0])
    row = next(r for r in page.tables[0] if any("halvvejs.json" in cell for cell in r))
    assert row[2].endswith("✓"), row  # 2027 is over and met
    assert "✓" not in row[3] and "✗" not in row[3], row  # 2028 is still being played
    out = tmp_path / "rapport"
    assert main(["report", str(folder / "halvvejs.json"), "--out", str(out)]) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    chart = html.split("<svg", 2)[1]  # the first chart: the years against their targets
    assert chart.count(f'fill="{OPEN}"') == 3  # 2028, 2029 and the legend's box
    assert chart.count(f'fill="{MISSED}"') == 1  # the legend only: no year was missed


def test_a_screen_table_is_not_renumbered_for_a_paper_table_of_the_same_name(std_deck, tmp_path):
    # a trial's host saw "Bord 3 (papir)" and "Bord 3 (2)": the marker tells them apart
    history = autoplay(std_deck, "standard", 1, "greedy")
    settings = GameSettings("standard", 1, None, table="Bord 3")
    write_save(tmp_path / "skaerm.json", std_deck, settings, history)
    paper = autoplay(std_deck, "standard", 2, "random")
    write_save(
        tmp_path / "papir.json",
        std_deck,
        GameSettings("standard", 2, None),
        paper,
        paper=PaperTable("Bord 3"),
    )
    (group,) = compare_saves([tmp_path])
    assert sorted(t.label("da") for t in group.tables) == ["Bord 3", "Bord 3 (papir)"]


def test_a_save_of_another_deck_in_the_hosts_folder_is_pointed_out(std_deck, tmp_path):
    # a trial's stray save of the office's own deck was shown apart without a word on stderr
    from game.content import load_deck

    for seed in (1, 2):
        save_game(tmp_path, f"bord{seed}.json", std_deck, "standard", seed, "greedy")
    kystby = load_deck("decks/kystby")
    save_game(tmp_path, "fremmed.json", kystby, "kystby", 3, "greedy")
    code = main(["compare", str(tmp_path), "--out", str(tmp_path / "ud")])
    assert code == 0
    lines = compare_saves([tmp_path]).notices()
    assert lines == [
        f"fremmed.json er spillet med et andet dæk (»{kystby.title}«) end de fleste borde og "
        "vises for sig; hører det til denne konference?"
    ]
    # a conference where as many tables played each deck has no stray save to point out,
    # only the split
    save_game(tmp_path, "fremmed2.json", kystby, "kystby", 4, "greedy")
    [apart] = compare_saves([tmp_path]).notices()
    assert apart.startswith("gruppe 2 (") and apart.endswith("et andet dæk end gruppe 1"), apart


def test_a_table_played_with_an_edited_deck_is_said_to_have_another_version(std_deck, tmp_path):
    # the line named the same title as the other tables': "et andet dæk (»Råderumsspillet …«)"
    # (an amount changed: a card's words alone are the same game, compared as one)
    from game.content import load_deck

    for seed in (1, 2):
        save_game(tmp_path, f"bord{seed}.json", std_deck, "standard", seed, "greedy")
    folder = tmp_path / "dæk"
    shutil.copytree("decks/standard", folder)
    cards = folder / "besparelser.yaml"
    text = cards.read_text(encoding="utf-8")
    cards.write_text(text.replace("effect: [4.5]", "effect: [4]", 1), encoding="utf-8")
    edited = load_deck(folder)
    assert edited.title == std_deck.title and edited.content_hash != std_deck.content_hash
    save_game(tmp_path, "rettet.json", edited, "standard", 3, "greedy")
    assert compare_saves([tmp_path]).notices()[0] == (
        f"rettet.json er spillet med en anden udgave af dækket »{std_deck.title}« end de fleste "
        "borde (et kort er ændret siden) og vises for sig; hører det til denne konference?"
    )


def test_a_service_level_below_the_floor_is_marked_on_the_page(tmp_path):
    # the window shows it in orange; the printed comparison showed −8 like any other number
    from game.report.compare import _service_cell

    assert _service_cell(-8, -6, "da") == '<span class="missed">−8</span>'
    assert _service_cell(-6, -6, "da") == "−6"
    assert _service_cell(2, None, "da") == "+2"


def test_tables_none_of_which_has_finished_are_not_said_to_have_won_0_of_0(tmp_path):
    # Before: "0 af 0 færdigspillede borde vandt (0 %)" on the screen and in compare.html
    from game.content import load_deck
    from game.engine import History, legal_actions, new_game

    deck = load_deck("decks/standard")
    folder = tmp_path / "borde"
    folder.mkdir()
    for seed in (5, 6):
        history = History.start(new_game(deck, "intro", seed))
        history = history.do(legal_actions(history.current)[0])
        write_save(folder / f"bord{seed}.json", deck, GameSettings("intro", seed, None), history)
    paths = write_comparison(compare_saves([folder]), tmp_path / "ud")
    page = paths[0].read_text(encoding="utf-8")
    assert "Ingen af bordene har spillet færdig endnu." in page
    assert "0 af 0" not in page


def test_an_unfinished_tables_service_is_given_for_the_years_it_has_begun(std_deck, tmp_path):
    history = autoplay(std_deck, "standard", 5, "greedy")
    while history.current.round != 1 or history.current.finished:
        history = history.undo()
    open_state = history.current
    write_save(tmp_path / "i-gang.json", std_deck, GameSettings("standard", 5, None), history)
    write_comparison(compare_saves([tmp_path]), tmp_path / "out")
    rows = _rows(tmp_path / "out" / "compare_tables.csv")
    services = [r["service"] for r in rows]
    assert services[0] == str(open_state.results[0].service)
    assert services[1] == str(open_state.service)  # the open year: the level now
    assert services[2:] == ["", ""]  # not begun


def test_an_unnamed_table_never_takes_the_name_of_a_table_in_another_group(std_deck, tmp_path):
    # an unnamed game became "Bord 10" beside another group's real "Bord 10", with no warning,
    # and two unnamed tables of two groups were both "Bord 1"
    for name, scenario, table in [
        ("a.json", "standard", ""),
        ("b.json", "intro", "Bord 1"),
        ("c.json", "intro", ""),
        ("d.json", "borgermoede", ""),
    ]:
        history = autoplay(std_deck, scenario, 4, "greedy")
        write_save(tmp_path / name, std_deck, GameSettings(scenario, 4, None, table=table), history)
    comparison = compare_saves([tmp_path])
    labels = [tab.label("da") for group in comparison for tab in group.tables]
    assert sorted(labels) == ["Bord 1", "Bord 2", "Bord 3", "Bord 4"]
    write_comparison(comparison, tmp_path / "out")
    rows = _rows(tmp_path / "out" / "compare_tables.csv")
    assert len({(r["table"], r["file"]) for r in rows}) == len({r["table"] for r in rows}) == 4


def test_a_host_is_told_plainly_when_a_folder_has_no_saves_or_a_file_is_no_save(
    saves_dir, tmp_path, capsys
):
    # an empty folder, saves one folder down and a notes file all said "ingen af de gemte spil
    # kunne læses" or "ikke gyldig JSON … afkortet eller beskadiget"
    empty = tmp_path / "tom"
    empty.mkdir()
    assert main(["compare", str(empty), "--out", str(tmp_path / "o1")]) == 2
    assert f"der er ingen gemte spil (.json) i {empty}" in capsys.readouterr().err
    nested = tmp_path / "konference"
    (nested / "papir").mkdir(parents=True)
    (nested / "papir" / "noter.txt").write_text("referat", encoding="utf-8")
    assert main(["compare", str(nested), "--out", str(tmp_path / "o2")]) == 2
    said = capsys.readouterr().err
    assert f"der er ingen gemte spil (.json) i {nested} (heller ikke i undermapperne)" in said
    # a mistyped folder: it is named as missing, and the end is not "could not be read"
    missing = tmp_path / "Konf saves"
    assert main(["compare", str(missing), "--out", str(tmp_path / "o4")]) == 2
    said = capsys.readouterr().err.strip().splitlines()
    assert said[-1] == (
        "raaderum compare: der er intet at sammenligne: ingen af de navngivne filer og mapper "
        "er et gemt spil"
    ), said
    notes = tmp_path / "noter.txt"
    notes.write_text("Bord 3 vil gerne have en kopi\n", encoding="utf-8")
    saves = [str(notes), str(saves_dir / "bord1.json")]
    assert main(["compare", *saves, "--out", str(tmp_path / "o3")]) == 0
    said = capsys.readouterr().err
    assert "noter.txt: er ikke et gemt spil" in said and "beskadiget" not in said, said


def test_the_handout_names_files_not_folders_and_skips_the_reports_own_files(
    saves_dir, tmp_path, capsys
):
    # compare.html listed "/home/…/summary.json: filen er ikke et gemt Råderumsspil": the
    # report written into the saves' folder, under the host's full path
    folder = tmp_path / "borde"
    shutil.copytree(saves_dir, folder)
    assert main(["report", str(folder / "bord1.json"), "--out", str(folder)]) == 0
    # and the game's own settings beside the saves (a host gave it the whole data folder):
    # "preferences.json … en JSON-fil fra et andet program" stood among the broken saves
    (folder / "preferences.json").write_text('{"lang": "da"}', encoding="utf-8")
    assert main(["compare", str(folder), "--out", str(tmp_path / "ud")]) == 0
    said = capsys.readouterr().err
    assert "summary.json" not in said and "broken.json" in said
    assert "preferences.json" not in said
    _, page = parse_html(tmp_path / "ud" / "compare.html")
    assert "broken.json" in page.text and str(tmp_path) not in page.text


def test_a_conference_folder_of_laptop_folders_is_compared_whole(std_deck, tmp_path):
    # a host copies each laptop's save folder (one of them the game's whole data folder) into
    # one folder, and one save lies at the top: the tables in the subfolders were left out
    # without a word whenever the top held a save
    conference = tmp_path / "Borgermøde Ærø"
    tables = {
        conference / "bord-oppe.json": 11,
        conference / "laptop 1" / "bord1.json": 12,
        conference / "laptop 2" / "BORD2.JSON": 13,  # a stick that writes upper case
        conference / "laptop 3" / "Raaderumsspillet" / "saves" / "data.json": 16,
        # a whole USB stick copied in: four levels down (it was left out without a word)
        conference / "USB-stik Bord 4" / "Råderum" / "raaderum" / "saves" / "stik.json": 18,
        conference / "a" / "b" / "c" / "d" / "e" / "f" / "g" / "for-dybt.json": 17,
        conference / ".skjult" / "gammel.json": 14,
        conference / "laptop 1" / "rapport" / "summary.json": 15,  # a report's own file
    }
    for path, seed in tables.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        history = autoplay(std_deck, "intro", seed, "greedy")
        settings = GameSettings("intro", seed, None, table=path.stem)
        write_save(path, std_deck, settings, history)
    (conference / "laptop 1" / "rapport" / "report.html").write_text("<html>", encoding="utf-8")
    comparison = compare_saves([conference])
    names = sorted(tab.name for group in comparison for tab in group.tables)
    # six levels down, not hidden, and not a report's summary
    assert names == ["BORD2", "bord-oppe", "bord1", "data", "stik"], names
    # a folder deeper still that holds a save is named, never skipped without a word
    [deep] = comparison.unreadable
    assert deep.path == conference / "a" / "b" / "c" / "d" / "e" / "f" / "g"
    assert "mappen ligger mere end 6 niveauer under den nævnte mappe og er ikke læst, men der " in (
        deep.text("da")
    )


def test_a_link_to_the_disk_or_the_folder_above_is_not_walked_into(std_deck, tmp_path):
    # "ln -s / bord/root" in a conference folder made compare run for minutes, and a link
    # to the folder above was read again and again
    conference = tmp_path / "konference"
    save = conference / "bord" / "bord1.json"
    save.parent.mkdir(parents=True)
    history = autoplay(std_deck, "intro", 1, "greedy")
    write_save(save, std_deck, GameSettings("intro", 1, None, table="bord1"), history)
    (conference / "bord" / "op").symlink_to(conference, target_is_directory=True)
    (conference / "bord" / "rod").symlink_to(Path(tmp_path.anchor), target_is_directory=True)
    comparison = compare_saves([conference])
    assert [tab.name for group in comparison for tab in group.tables] == ["bord1"]
    assert comparison.unreadable == []


def test_a_paper_table_that_stopped_is_not_in_progress_and_keeps_its_own_marker(tmp_path, capsys):
    # "enter --table 'Bord 6 (papir)' --stopped-after 2027" was shown as "Bord 6 (papir)
    # (papir)", its result "i gang" and its later years "ikke begyndt endnu"
    saves = tmp_path / "s"
    args = ["enter", "--table", "Bord 6 (papir)", "--scenario", "intro", "--save-dir", str(saves)]
    picks = ["--adopt", "sfo-takst@1", "--adopt", "vakancer@1", "--event", "ingen@1"]
    assert main([*args, *picks, "--stopped-after", "2027"]) == 0
    assert "er gemt som papirbord – stoppet" in capsys.readouterr().out
    (group,) = compare_saves([saves])
    (tab,) = group.tables
    assert tab.label("da") == "Bord 6 (papir)"
    lines = table_choices(group, tab, "da")
    assert "2028: ikke spillet (bordet stoppede før)" in lines, lines
    write_comparison(compare_saves([saves]), tmp_path / "ud")
    rows = _rows(tmp_path / "ud" / "compare_tables.csv")
    assert {r["result"] for r in rows} == {"stoppet"}
    page = (tmp_path / "ud" / "compare.html").read_text(encoding="utf-8")
    assert "ud fra 1 gemt spil." in page and "versionsnummer" not in page  # a hash is no number
    # with a second, finished table the shares of who adopted what count the table that
    # stopped, and say so
    from game.content import load_deck
    from game.paths import standard_deck

    deck = load_deck(standard_deck())
    write_save(
        saves / "b.json", deck, GameSettings("intro", 3, None), autoplay(deck, "intro", 3, "greedy")
    )
    write_comparison(compare_saves([saves]), tmp_path / "ud2")
    page = (tmp_path / "ud2" / "compare.html").read_text(encoding="utf-8")
    # of two tables "begge", not "alle 2 borde"
    assert "Andelene tæller begge borde, også det, der ikke spillede alle år." in page


def test_an_unnamed_table_is_not_called_by_the_beginning_of_another_tables_name(std_deck, tmp_path):
    # a host read out "Bord 3" for the unnamed table and for "Bord 3 – Æblehaven"
    for name, table in [
        ("a.json", "Bord 1"),
        ("b.json", "Bord 2"),
        ("c.json", "Bord 3 – Æblehaven"),
        ("d.json", ""),
    ]:
        history = autoplay(std_deck, "intro", 4, "greedy")
        write_save(tmp_path / name, std_deck, GameSettings("intro", 4, None, table=table), history)
    (group,) = compare_saves([tmp_path])
    labels = sorted(tab.label("da") for tab in group.tables)
    assert labels == ["Bord 1", "Bord 2", "Bord 3 – Æblehaven", "Bord 4"], labels


def test_saves_of_one_name_from_several_laptops_are_named_with_their_folder(std_deck, tmp_path):
    # five laptops' "spil.json" on one USB stick: the notes and the table's file column all
    # said "spil.json", and "delete the one that does not count" could not be acted on
    from game.saves.files import distinct_names

    usb = tmp_path / "usb"
    for laptop, table in (("laptop4", "Bord 4"), ("laptop5", "Bord 5")):
        history = autoplay(std_deck, "intro", 4 if laptop == "laptop4" else 5, "greedy")
        (usb / laptop).mkdir(parents=True)
        settings = GameSettings("intro", 1, None, table=table)
        write_save(usb / laptop / "spil.json", std_deck, settings, history)
    (usb / "laptop6").mkdir()
    (usb / "laptop6" / "spil.json").write_text("[]", encoding="utf-8")
    (usb / "eneste.json").write_text("{}", encoding="utf-8")
    comparison = compare_saves([usb])
    files = sorted(t.file for group in comparison for t in group.tables)
    assert files == ["laptop4/spil.json", "laptop5/spil.json"]
    assert sorted(u.shown for u in comparison.unreadable) == ["eneste.json", "laptop6/spil.json"]
    write_comparison(comparison, tmp_path / "ud")
    rows = _rows(tmp_path / "ud" / "compare_tables.csv")
    assert {r["file"] for r in rows} == {"laptop4/spil.json", "laptop5/spil.json"}
    # a name no other file has stays a name: no folders (a user's name) on a handout
    assert distinct_names([Path("/home/anne/a.json"), Path("/home/anne/x/b.json")]) == {
        Path("/home/anne/a.json"): "a.json",
        Path("/home/anne/x/b.json"): "b.json",
    }


def test_a_lost_table_on_the_page_says_every_reason_it_lost(saves_dir, states, tmp_path):
    # a conference host: a table that missed a year and ended under the floor showed only
    # the floor beside "tabt", and one that only missed a year showed no reason at all
    write_comparison(compare_saves([saves_dir]), tmp_path)
    _source, page = parse_html(tmp_path / "compare.html")
    words = catalogue("da")
    lost = [s for s in states.values() if not verdict(s).won]
    assert lost, "the corpus has a lost table"
    for final in lost:
        for reason in words.verdict_reasons(verdict(final)):
            assert reason in page.text, reason


def test_the_raaderum_chart_draws_a_table_still_playing_only_in_the_years_that_are_over(
    tmp_path, monkeypatch
):
    # a conference host: a table in its second year was drawn at 10,1 for that year, like
    # a result, though it was only what its cards so far would give
    from game.content import load_deck
    from game.engine import Adopt, EndYear, History, legal_actions, new_game
    from game.paths import standard_deck
    from game.report import compare as compare_module
    from game.saves import GameSettings, write_save

    deck = load_deck(standard_deck())
    history = History.start(new_game(deck, "intro", 3))
    for _ in range(2):
        adopt = [a for a in legal_actions(history.current) if isinstance(a, Adopt)]
        history = history.do(adopt[0])
    history = history.do(EndYear())
    adopt = [a for a in legal_actions(history.current) if isinstance(a, Adopt)]
    history = history.do(adopt[0])  # 2028 begun, not over
    folder = tmp_path / "borde"
    folder.mkdir()
    write_save(folder / "bord.json", deck, GameSettings("intro", 3), history)
    drawn = []
    original = compare_module.line_chart

    def spy(years, series, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append([list(s.values) for s in series])
        return original(years, series, **kwargs)

    monkeypatch.setattr(compare_module, "line_chart", spy)
    write_comparison(compare_saves([folder]), tmp_path / "out")
    assert drawn[0] == [[pytest.approx(history.current.results[0].raaderum)]]


def test_decks_that_differ_only_in_a_cards_words_are_compared_as_one_game(std_deck, tmp_path):
    # one laptop's deck had a typo corrected in a card's question ("forst" for "først"): its
    # table stood in a group of its own, told only "et kort er ændret siden"
    from game.content import load_deck
    from game.paths import standard_deck

    corrected = tmp_path / "rettet"
    shutil.copytree(standard_deck(), corrected)
    cards = corrected / "effektiviseringer.yaml"
    text = cards.read_text(encoding="utf-8")
    cards.write_text(
        text.replace("i stedet for at give sorteper videre", "i stedet for at give sorteper vidre"),
        encoding="utf-8",
    )
    other = load_deck(corrected)
    assert other.content_hash != std_deck.content_hash
    folder = tmp_path / "borde"
    folder.mkdir()
    save_game(folder, "bord1.json", std_deck, "standard", 1, "greedy")
    save_game(folder, "bord2.json", std_deck, "standard", 2, "greedy")
    save_game(folder, "bord3.json", other, "standard", 3, "greedy")
    comparison = compare_saves([folder])
    (group,) = comparison
    assert len(group.tables) == 3 and group.deck_versions == 2
    said = " ".join(comparison.notices())
    assert (
        "Bordene i gruppe 1 spillede 2 udgaver af dækket, der kun er forskellige i ordene" in said
    )
    # a deck whose amounts differ is another game, compared apart as before
    amounts = tmp_path / "andre-beloeb"
    shutil.copytree(standard_deck(), amounts)
    savings = amounts / "besparelser.yaml"
    savings.write_text(
        savings.read_text(encoding="utf-8").replace("effect: [3]", "effect: [4]", 1),
        encoding="utf-8",
    )
    save_game(folder, "bord4.json", load_deck(amounts), "standard", 4, "greedy")
    assert len(compare_saves([folder])) == 2


def _stopped_table_compared(tmp_path: Path) -> None:
    """Bord 1 entered on paper for intro, stopped after 2027, compared into tmp_path / "ud"."""
    saves = tmp_path / "s"
    args = ["enter", "--table", "Bord 1", "--scenario", "intro", "--save-dir", str(saves)]
    picks = ["--adopt", "sfo-takst@1", "--event", "ingen@1", "--stopped-after", "2027"]
    assert main([*args, *picks]) == 0
    write_comparison(compare_saves([saves]), tmp_path / "ud")


def test_the_raaderum_chart_of_a_comparison_names_its_unit(tmp_path):
    # a conference on a deck in t. kr. read "Råderum pr. bord" over figures of 1.250 with no
    # word of what they count
    _stopped_table_compared(tmp_path)
    page = (tmp_path / "ud" / "compare.html").read_text(encoding="utf-8")
    assert "<h3>Råderum pr. bord (mio. kr.)</h3>" in page


def test_a_long_table_name_wraps_in_the_comparison_and_keeps_its_paper_mark_with_it(tmp_path):
    # a conference's long names were kept on one line each: they took the table's width, and
    # "Målet blev ikke nået i 2027, 2028, 2029 og 2030" beside them stood one word a line
    from game.report.compare import _name_html

    saves = tmp_path / "s"
    name = "Bord 8 – Erhvervsforeningen og Handelsstandsforeningen"
    args = ["enter", "--table", name, "--scenario", "intro", "--save-dir", str(saves)]
    picks = ["--adopt", "sfo-takst@1", "--event", "ingen@1", "--event", "ingen@2"]
    assert main([*args, *picks, "--event", "ingen@3"]) == 0
    write_comparison(compare_saves([saves]), tmp_path / "ud")
    page = (tmp_path / "ud" / "compare.html").read_text(encoding="utf-8")
    assert (
        "Bord 8 – Erhvervsforeningen og "
        '<span class="nowrap">Handelsstandsforeningen (papir)</span>' in page
    )
    assert '<small class="muted why">Målet blev ikke nået' in page
    assert _name_html("Bord 5 (2)") == '<span class="nowrap">Bord 5 (2)</span>'


def test_a_stopped_tables_line_in_the_comparison_ends_with_the_word_stoppet(tmp_path):
    # the line of a table that stopped after 2027 just ended, as a table still playing does
    saves = tmp_path / "s"
    args = ["enter", "--table", "Bord 7", "--scenario", "intro", "--save-dir", str(saves)]
    picks = ["--adopt", "sfo-takst@1", "--event", "ingen@1", "--event", "ingen@2"]
    assert main([*args, *picks, "--stopped-after", "2028"]) == 0
    write_comparison(compare_saves([saves]), tmp_path / "ud")
    page = (tmp_path / "ud" / "compare.html").read_text(encoding="utf-8")
    chart = page.split("Råderum pr. bord (mio. kr.)", 1)[1].split("</svg>", 1)[0]
    assert 'font-weight="700">stoppet</text>' in chart


def test_a_black_and_white_print_tells_the_investments_bars_from_the_efficiencies(
    saves_dir, tmp_path
):
    # blue (efficiency) and green (investment) printed as one grey: the proposals' chart
    # could not say which bar was which kind; investments are now striped, in the legend too
    comparison = compare_saves([saves_dir])
    write_comparison(comparison, tmp_path)
    source = (tmp_path / "compare.html").read_text(encoding="utf-8")
    bar = r'<rect x="300\.0" y="[\d.]+" width="[\d.]+" height="14\.0" ([^>]*)/>'
    bars = re.findall(bar, source)
    used = [u for g in comparison for u in g.proposals if u.tables_adopted]
    assert len(bars) == len(used) > 0
    kinds = sorted(u.kind.value for u in used)
    striped = ["url(#stripes-" in bar for bar in bars]
    assert sum(striped) == kinds.count("investment") > 0
    assert (
        0
        < kinds.count("efficiency")
        == sum('fill="#0072b2"' in bar and not s for bar, s in zip(bars, striped))
    )
    assert re.search(r'background:repeating-linear-gradient\([^"]*"></span>Investering', source)
    assert '<pattern id="stripes-009e73"' in source


def test_the_page_says_what_struck_each_table_and_what_the_finished_tables_show(
    saves_dir, states, tmp_path
):
    # a host's trial: the comparison showed what the tables chose, but not what struck them
    # (a table that lost may only have drawn the worst events) nor what the tables show
    comparison = compare_saves([saves_dir])
    write_comparison(comparison, tmp_path)
    html = (tmp_path / "compare.html").read_text(encoding="utf-8")
    standard = comparison[0]
    finals = [states[t.path.name] for t in standard.tables]
    section = html.split("Hvad ramte bordene", 1)[1]
    for final in finals:  # every event each table drew, by its title
        for event in final.events:
            assert final.deck.event(event.card).title in section
    # the CSV: each table's event of the year
    rows = _rows(tmp_path / "compare_tables.csv")
    for table, final in zip(standard.tables, finals):
        label = table.label("da")
        for event in final.events:
            year = final.scenario.years[event.round]
            (row,) = [r for r in rows if r["table"] == label and r["year"] == year]
            assert final.deck.event(event.card).title in row["events"]
    # what the finished tables show: the kinds the winners used against the others, and
    # why the others lost, by count
    won = [s for s in finals if verdict(s).won]
    lost = [s for s in finals if s.finished and not verdict(s).won]
    if won and lost:
        said = "Besparelser · effektiviseringer · investeringer ved bordene, der vandt"
        assert f"{said} ({len(won)}): " in html
    if lost:
        missed = sum(bool(verdict(s).missed_years) for s in lost)
        assert f"Bordene, der tabte ({len(lost)}), tabte på: " in html
        if missed:
            assert f"et år under målet ({missed})" in html


def test_the_years_a_stopped_table_did_not_play_are_blank_in_every_column(tmp_path):
    # compare_tables.csv left a stopped table's later years blank, but for 'reopened', which
    # said 0 (as if the table had played the year and not reopened it)
    import csv

    _stopped_table_compared(tmp_path)
    text = (tmp_path / "ud" / "compare_tables.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines(), delimiter=";"))
    played = {row["year"]: row for row in rows}
    assert played["2027"]["reopened"] == "0"
    for year in ("2028", "2029"):
        assert played[year]["raaderum"] == "" and played[year]["reopened"] == "", played[year]
