"""«Sammenlign borde»: saves of two scenarios are shown as separate groups, the bars count the
tables, a typed folder is read, and the comparison files are written."""

from __future__ import annotations

import itertools
import os
import shutil

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.content import load_deck
from game.engine.actions import Adopt
from game.engine.bots import greedy_policy, random_policy
from game.engine.history import History
from game.engine.model import Deck
from game.engine.rules import legal_actions, new_game
from game.numbers import format_target
from game.paths import standard_deck
from game.saves import GameSettings, new_save_path, write_save
from game.ui.app import App
from game.ui.scene import Scene
from game.ui.scenes.compare import CompareScene
from tests.ui.driver import post_key, record_drawn_cut, record_text

GAMES = {"intro": 3, "borgermoede": 2}


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(standard_deck())


@pytest.fixture(scope="module")
def saves(deck: Deck, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list]]:
    """A folder with finished games of two scenarios, and each game's adopted ids."""
    folder = tmp_path_factory.mktemp("tables")
    adopted: dict[str, list] = {name: [] for name in GAMES}
    seed = 0
    for scenario, count in GAMES.items():
        for _ in range(count):
            seed += 1
            policy = greedy_policy if seed % 2 else random_policy
            generator = np.random.default_rng(seed)
            history = History.start(new_game(deck, scenario, seed))
            while not history.current.finished:
                history = history.do(policy(history.current, generator))
            write_save(new_save_path(folder), deck, GameSettings(scenario, seed, None), history)
            adopted[scenario].append(set(history.current.adopted_ids()))
    return folder, adopted


@pytest.fixture
def app(deck: Deck, tmp_path: Path) -> Iterator[App]:
    application = App(deck, lang="da", size=(1280, 720), save_dir=tmp_path / "saves")
    application.push(Scene(application))
    yield application
    application.scenes.clear()


def test_two_scenarios_are_two_groups_never_mixed(app: App, deck: Deck, saves) -> None:
    folder, adopted = saves
    scene = CompareScene(app, folder)
    app.push(scene)
    drawn = record_text(app)
    app.step(0.016)
    assert sorted(g.scenario_id for g in scene.groups) == sorted(GAMES)
    seen_titles = set()
    for _ in scene.groups:
        group = scene.group
        assert group is not None
        assert len(group.tables) == GAMES[group.scenario_id]
        title = deck.scenario(group.scenario_id).title
        assert any(text.startswith(title) for text in drawn)
        seen_titles.add(title)
        # The bars: "k/n" for the most adopted proposal, k counted from the saves themselves.
        top = group.proposals[0]
        tables = adopted[group.scenario_id]
        expected = sum(1 for ids in tables if top.id in ids)
        assert f"{expected}/{len(tables)}" in drawn
        drawn.clear()
        post_key(pygame.K_RIGHT)
        app.step(0.016)
    assert len(seen_titles) == 2


def test_a_group_of_its_own_says_why_above_its_tables(app: App, saves) -> None:
    # "Gruppe 2 af 2" and nothing else: a host could not tell why a table stood apart
    folder, _ = saves
    scene = CompareScene(app, folder)
    app.push(scene)
    drawn = record_text(app)
    headings = []
    for _ in scene.groups:
        drawn.clear()
        app.step(0.016)
        headings += [t for t in drawn if t.startswith(("Gruppe ", "Ikke talt sammen"))]
        post_key(pygame.K_RIGHT)
    assert headings == [
        "Gruppe 1 af 2",
        "Ikke talt sammen med de andre borde: et andet scenarie end gruppe 2",
        "Gruppe 2 af 2",
        "Ikke talt sammen med de andre borde: et andet scenarie end gruppe 1",
    ]


def _drawn_with_broken(app: App, saves, tmp_path: Path, broken, copied: bool = False) -> list[str]:  # type: ignore[no-untyped-def]
    """The texts the compare screen draws for the saved tables plus the files ``broken``
    (names without .json) that cannot be read; ``copied``: with a cloud drive's copy of
    every table."""
    folder, _ = saves
    mixed = tmp_path / "blandet"
    shutil.copytree(folder, mixed)
    if copied:
        for table in sorted(mixed.glob("*.json")):
            shutil.copyfile(table, mixed / f"{table.stem} (1).json")
    for name in broken:
        (mixed / f"{name}.json").write_text("{ ikke json", encoding="utf-8")
    app.push(CompareScene(app, mixed))
    drawn = record_text(app)
    app.step(0.016)
    return drawn


def test_the_files_that_could_not_be_read_are_named_on_the_screen(
    app: App, saves, tmp_path: Path
) -> None:
    # "Filer, der ikke kunne læses: 3" – and the host had to open the report to learn which
    drawn = _drawn_with_broken(app, saves, tmp_path, ("bord7", "bord8", "bord9"))
    said = [t for t in drawn if "Kunne ikke læses" in t]
    assert said and "Kunne ikke læses: bord7.json, bord8.json og 1 til" in said[0], said


def test_the_short_notes_are_never_cut_off_by_the_unreadable_files_names(
    app: App, saves, tmp_path: Path
) -> None:
    # Before: "Kunne ikke læses: spil-20261201-101010-aaaaaa.json, spil-20261201-111111-b…"
    # filled the two lines, and "Kopier af et spil, talt én gang" after it was never seen.
    broken = [f"spil-20261201-{stamp}" for stamp in ("101010-aaaaaa", "111111-bbbbbb", "1212")]
    drawn = _drawn_with_broken(app, saves, tmp_path, broken, copied=True)
    notes = next(t for t in drawn if "Kunne ikke læses" in t)
    assert "Kopier af et spil, talt én gang: " in notes, notes
    assert notes.index("Kopier af et spil") < notes.index("Kunne ikke læses"), notes


def test_typing_a_folder_and_enter_reads_it(app: App, saves, tmp_path: Path) -> None:
    folder, _ = saves
    empty = tmp_path / "tom"
    empty.mkdir()
    scene = CompareScene(app, empty)
    app.push(scene)
    app.step(0.016)
    assert scene.groups == []
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=scene.field.rect.center, button=1)
    )
    post_key(pygame.K_a, pygame.KMOD_LCTRL)
    app.step(0.016)
    assert scene.wants_text_input
    for char in str(folder):
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
    app.step(0.016)
    post_key(pygame.K_RETURN)
    app.step(0.016)
    assert not scene.wants_text_input
    assert len(scene.groups) == 2


def test_a_missing_folder_is_told_not_crashed(app: App, tmp_path: Path) -> None:
    drawn = record_text(app)
    missing = tmp_path / "findes-ikke"
    scene = CompareScene(app, missing)
    app.push(scene)
    app.step(0.016)
    assert scene.groups == []
    assert app.t("compare.no_folder", folder=str(missing)) in drawn


def test_w_writes_compare_html_and_csv_into_the_data_folder(app: App, saves) -> None:
    folder, _ = saves
    scene = CompareScene(app, folder)
    drawn = record_text(app)
    app.push(scene)
    app.step(0.016)
    # before W the screen says where the report will go (it said "brugerens datamappe")
    assert any(str(app.save_dir / "reports") in text for text in drawn), drawn[-3:]
    post_key(pygame.K_w)
    app.step(0.016)
    names = sorted(p.name for p in scene.written)
    assert names == ["compare.csv", "compare.html", "compare_tables.csv"]
    assert all(p.is_file() for p in scene.written)
    assert app.save_dir is not None
    assert scene.written[0].parent.parent == app.save_dir / "reports"
    post_key(pygame.K_ESCAPE)
    app.step(0.016)
    assert not isinstance(app.top, CompareScene)


def test_the_window_calls_the_tables_what_the_printed_comparison_calls_them(
    app: App, deck: Deck, tmp_path: Path
) -> None:
    # Before, the window numbered the rows "Bord 1, 2, …" whatever the tables were called, so
    # "Bord 7" on the screen was not the table the host knew as Bord 7.
    folder = tmp_path / "borde"
    folder.mkdir()
    for seed, table in ((1, "Bord 7"), (2, ""), (3, "Ærø-bordet")):
        history = History.start(new_game(deck, "intro", seed))
        generator = np.random.default_rng(seed)
        while not history.current.finished:
            history = history.do(greedy_policy(history.current, generator))
        settings = GameSettings("intro", seed, None, table=table)
        write_save(new_save_path(folder), deck, settings, history)
    scene = CompareScene(app, folder)
    app.push(scene)
    drawn = record_text(app)
    app.step(0.016)
    assert {"Bord 1", "Bord 7", "Ærø-bordet"} <= set(drawn)
    assert "Bord 2" not in drawn and "Bord 3" not in drawn


def test_the_page_written_from_the_window_lists_a_conflict_copy(
    app: App, saves, tmp_path: Path
) -> None:
    # The command line's page named the copies it counted once; the window's page did not.
    folder, _ = saves
    copied = tmp_path / "med-kopi"
    copied.mkdir()
    first = sorted(folder.glob("*.json"))[0]
    for save in folder.glob("*.json"):
        (copied / save.name).write_bytes(save.read_bytes())
    (copied / f"{first.stem} (Konfliktkopi).json").write_bytes(first.read_bytes())
    scene = CompareScene(app, copied)
    app.push(scene)
    post_key(pygame.K_w)
    app.step(0.016)
    page = next(p for p in scene.written if p.name == "compare.html").read_text("utf-8")
    assert "Samme spil i flere filer" in page and "(Konfliktkopi).json" in page


def test_the_window_says_which_name_two_tables_carry_and_how_many_copies_it_counted_once(
    app: App, deck: Deck, tmp_path: Path
) -> None:
    # Before, only the printed page said it: the host in front of the room saw two rows
    # called "Bord 2" and no word that one paper table may have been entered twice.
    folder = tmp_path / "borde"
    folder.mkdir()
    paths = []
    for seed, table in ((1, "Bord 2"), (2, "Bord 2"), (3, "Bord 5")):
        history = History.start(new_game(deck, "intro", seed))
        generator = np.random.default_rng(seed)
        while not history.current.finished:
            history = history.do(greedy_policy(history.current, generator))
        path = new_save_path(folder)
        write_save(path, deck, GameSettings("intro", seed, None, table=table), history)
        paths.append(path)
    (folder / f"{paths[2].stem} (Konfliktkopi).json").write_bytes(paths[2].read_bytes())
    scene = CompareScene(app, folder)
    app.push(scene)
    drawn = record_text(app)
    app.step(0.016)
    notes = " ".join(t for t in drawn if "»Bord 2«" in t or "talt én gang" in t)
    assert "2 borde hedder »Bord 2«" in notes, drawn
    assert "Kopier af et spil, talt én gang: 1" in notes, drawn
    # a table of another scenario in the folder: its group says nothing of the intro's copy
    history = History.start(new_game(deck, "borgermoede", 4))
    generator = np.random.default_rng(4)
    while not history.current.finished:
        history = history.do(greedy_policy(history.current, generator))
    write_save(new_save_path(folder), deck, GameSettings("borgermoede", 4, None), history)
    app.pop()
    scene = CompareScene(app, folder)
    app.push(scene)
    for _ in scene.groups:
        drawn.clear()
        app.request_redraw()
        app.step(0.016)
        said = any("talt én gang" in t for t in drawn)
        assert said == (scene.group.scenario_id == "intro"), scene.group.scenario_id
        post_key(pygame.K_RIGHT)


def test_more_tables_than_fit_scroll_into_sight(deck: Deck, tmp_path: Path) -> None:
    # Before, the tables that did not fit were left out, with only "+N mere".
    from tests.ui.driver import key

    app = App(deck, lang="da", size=(1024, 768), save_dir=tmp_path / "saves")
    app.push(Scene(app))
    folder = tmp_path / "borde"
    folder.mkdir()
    for seed in range(1, 21):
        history = History.start(new_game(deck, "intro", seed))
        generator = np.random.default_rng(seed)
        while not history.current.finished:
            history = history.do(greedy_policy(history.current, generator))
        settings = GameSettings("intro", seed, None, table=f"Bord {seed}")
        write_save(new_save_path(folder), deck, settings, history)
    scene = CompareScene(app, folder)
    app.push(scene)
    drawn = record_text(app)
    app.step(0.016)
    assert "Bord 20" not in drawn and any("under – rul" in t for t in drawn), drawn
    for _ in range(20):
        key(app, pygame.K_DOWN, pygame.KMOD_SHIFT)
    drawn.clear()
    app.render(app.surface)
    assert "Bord 20" in drawn and "Bord 1" not in drawn


def test_at_1024_the_tables_headings_and_results_are_read_in_full(deck: Deck, saves, tmp_path):
    # before, "Ser…", "Res…" and "vun…" at 1024×768: the columns had fixed shares of the width
    from tests.ui.test_projector import record_cuts

    small = App(deck, lang="da", size=(1024, 768), save_dir=tmp_path / "saves")
    small.push(Scene(small))
    folder, _ = saves
    scene = CompareScene(small, folder)
    small.push(scene)
    drawn, cut = record_cuts(small)
    small.step(0.016)
    for words in ("Service", "Resultat", "Bord"):
        assert words in drawn and words not in cut
    assert {"vundet", "tabt"} & set(drawn) and not {"vundet", "tabt"} & cut
    small.scenes.clear()


def test_at_1024_the_proposals_heading_is_whole_beside_its_scroll_count(deck: Deck, tmp_path):
    # a facilitator read "Forslag: hvor mange borde vedtog d…" beside "1–7 af 24"
    from game.ui.screenshot import _table_saves
    from tests.ui.test_projector import record_cuts

    folder = tmp_path / "borgerkonference"
    _table_saves(deck, "standard", 1, None, folder, "da")
    small = App(deck, lang="da", size=(1024, 768), save_dir=tmp_path / "saves")
    small.push(Scene(small))
    scene = CompareScene(small, folder)
    small.push(scene)
    drawn, cut = record_cuts(small)
    for _ in range(30):
        small.update(1 / 30)
    small.render(small.surface)
    assert any(" af " in t and "–" in t for t in drawn), drawn  # the list scrolls
    heading = next(t for t in drawn if t.startswith("Forslag"))
    assert heading not in cut, heading
    small.scenes.clear()


def test_eight_years_at_1024_are_whole_numbers_under_short_years(deck: Deck, tmp_path):
    # before, eight years at 1024×768 read "20…", "B…" and "30,432,551,4" run together
    from tests.ui.test_projector import record_cuts

    folder = tmp_path / "lange"
    for seed in (1, 2, 3):
        generator = np.random.default_rng(seed)
        history = History.start(new_game(deck, "lang-horisont", seed))
        while not history.current.finished:
            history = history.do(greedy_policy(history.current, generator))
        write_save(new_save_path(folder), deck, GameSettings("lang-horisont", seed, None), history)
    small = App(deck, lang="da", size=(1024, 768), save_dir=tmp_path / "saves")
    small.push(Scene(small))
    small.push(CompareScene(small, folder))
    drawn, cut = record_cuts(small)
    small.step(0.016)
    assert "’27" in drawn and "’34" in drawn
    for words in ("Service", "Resultat", "Bord 1", "Bord 3"):
        assert words in drawn and words not in cut, words
    small.scenes.clear()


@pytest.mark.parametrize("size", [(1024, 768), (800, 600)])
def test_eight_years_beside_a_long_name_keep_their_figures_apart(
    deck: Deck, tmp_path, monkeypatch, size
):
    # at 1024×768 the long game's figures ran together ("−0,17,55,99,2"): the years shared
    # what a long name left them, and the proposals kept half the screen
    from game.ui import charts
    from tests.ui.driver import record_chart_places
    from tests.ui.test_projector import record_cuts

    folder = tmp_path / "lange"
    for seed in (1, 2, 3, 4):
        generator = np.random.default_rng(seed)
        history = History.start(new_game(deck, "lang-horisont", seed))
        while not history.current.finished:
            history = history.do(
                (greedy_policy, random_policy)[seed % 2](history.current, generator)
            )
        name = "Borgerkonferencens bord nummer fire ved vinduet" if seed == 4 else f"Bord {seed}"
        settings = GameSettings("lang-horisont", seed, None, table=name)
        write_save(new_save_path(folder), deck, settings, history)
    small = App(deck, lang="da", size=size, save_dir=tmp_path / "saves")
    small.push(Scene(small))
    small.push(CompareScene(small, folder))
    drawn, cut = record_cuts(small)
    placed = record_chart_places(monkeypatch, charts)
    small.step(0.016)
    small.render(small.surface)
    for words in ("’27", "’34", "Service", "Resultat", "Bord 1", "Bord 3"):
        assert words in drawn and words not in cut, words
    rows: dict[int, set[tuple[int, int, int, int]]] = {}
    for _, box in placed:
        rows.setdefault(box.centery, set()).add(tuple(box))
    figures = [found for found in rows.values() if len(found) == 8]
    assert len(figures) == 4, rows
    for found in figures:
        boxes = sorted((pygame.Rect(b) for b in found), key=lambda b: b.x)
        for left, right in itertools.pairwise(boxes):
            assert right.left - left.right >= 6, (left, right)
    small.scenes.clear()


def test_a_proposals_bar_stays_in_its_kinds_colour_at_150_tables(deck: Deck, tmp_path):
    # at 150+ tables the marks between the tables covered every bar in the panel's colour
    import dataclasses

    from game.report.compare import compare_saves
    from game.ui import theme
    from game.ui.compare_view import draw_proposals
    from game.ui.screenshot import _table_saves

    folder = tmp_path / "borde"
    _table_saves(deck, "intro", 1, None, folder, "da", tables=2)
    group = compare_saves(sorted(folder.iterdir()))[0]
    app = App(deck, lang="da", size=(1024, 768), save_dir=tmp_path / "saves")
    rect = pygame.Rect(0, 0, 380, 500)

    def coloured(tables: int) -> int:
        """The pixels in the kinds' colours when every table adopted every proposal."""
        many = dataclasses.replace(
            group,
            tables=(group.tables[0],) * tables,
            proposals=tuple(
                dataclasses.replace(use, tables_adopted=tables, tables_total=tables)
                for use in group.proposals
            ),
        )
        surface = pygame.Surface(rect.size)
        draw_proposals(app, surface, rect, many, 0)
        pixels = pygame.surfarray.pixels3d(surface).reshape(-1, 3)
        kinds = {tuple(theme.kind_color(use.kind))[:3] for use in group.proposals}
        return sum(int((pixels == np.array(kind)).all(axis=1).sum()) for kind in kinds)

    few, many = coloured(4), coloured(150)
    assert few > 2000 and many >= few * 0.7, (few, many)  # "150/150" leaves less bar


def test_ten_tables_with_long_names_at_1024_keep_their_years_apart(
    deck: Deck, tmp_path, monkeypatch
):
    # a host's ten tables, some with long names, on a 1024×768 projector: the names took the
    # width, the year headings read "'… '… '…" and "−11", "12" and "34" ran together
    from game.ui import charts
    from tests.ui.driver import record_chart_places
    from tests.ui.test_projector import record_cuts

    folder = tmp_path / "borde"
    for seed in range(1, 11):
        generator = np.random.default_rng(seed)
        history = History.start(new_game(deck, "borgermoede", seed))
        while not history.current.finished:
            history = history.do(random_policy(history.current, generator))
        name = f"Bord {seed} – Ældrerådet og Seniorerne" if seed % 3 == 0 else f"Bord {seed}"
        settings = GameSettings("borgermoede", seed, None, table=name)
        write_save(new_save_path(folder), deck, settings, history)
    small = App(deck, lang="da", size=(1024, 768), save_dir=tmp_path / "saves")
    small.push(Scene(small))
    scene = CompareScene(small, folder)
    small.push(scene)
    drawn, cut = record_cuts(small)
    placed = record_chart_places(monkeypatch, charts)
    small.step(0.016)
    small.render(small.surface)
    for heading in ("2027", "2028", "2029", "Service", "Resultat"):
        # the years whole with their ✓/✗ (the names are shortened for them), or as '27
        shown = heading if heading in drawn else f"’{heading[2:]}"
        assert shown in drawn and shown not in cut, heading
    assert "Bord 10" in drawn and "Bord 10" not in cut
    # the figures of one row stand apart: no two of them overlap, and each has room around it
    rows: dict[int, set[tuple[int, int, int, int]]] = {}
    for _, box in placed:  # drawn once per frame: each box counts once
        rows.setdefault(box.centery, set()).add(tuple(box))
    assert len(rows) >= 8
    for found in rows.values():
        boxes = sorted((pygame.Rect(b) for b in found), key=lambda b: b.x)
        assert len(boxes) == 3
        for left, right in itertools.pairwise(boxes):
            assert right.left - left.right >= 8, (left, right)
    small.scenes.clear()


def test_the_help_opened_on_the_compare_screen_lists_its_keys(app: App, saves) -> None:
    # before, it listed the board's keys (1–9, Space …): a conference host looked for W there
    folder, _ = saves
    app.push(CompareScene(app, folder))
    app.step(0.016)
    drawn = record_text(app)
    post_key(pygame.K_F1)
    app.step(0.016)
    for words in ("Hent bordene fra mappen", "Skriv rapporten", "Shift+op/ned"):
        assert words in drawn, words
    assert "Afslut året" not in drawn


def test_a_half_played_table_shows_only_what_its_board_showed(deck: Deck, tmp_path, monkeypatch):
    # a host's comparison showed a half-played table's 2029 as 23,9 (its hidden factors)
    # where its board said 21, and the years it had not begun as figures
    from game.engine import raaderum, shown_raaderum
    from game.ui import charts
    from game.ui.compare_view import cell_text
    from tests.ui.driver import record_chart_text

    folder = tmp_path / "borde"
    for seed in range(1, 40):
        generator = np.random.default_rng(seed)
        history = History.start(new_game(deck, "standard", seed))
        while history.current.round < 1 or history.current.adopted[-1].round < 1:
            history = history.do(greedy_policy(history.current, generator))
        state = history.current
        if raaderum(state)[1] != raaderum(state, visible=True)[1]:
            break
    write_save(
        new_save_path(folder), deck, GameSettings("standard", seed, None, table="B3"), history
    )
    small = App(deck, lang="da", size=(1366, 768), save_dir=tmp_path / "saves")
    small.push(Scene(small))
    small.push(CompareScene(small, folder))
    texts = record_chart_text(monkeypatch, charts)
    small.step(0.016)
    shown = shown_raaderum(state)
    targets = state.targets
    assert cell_text(shown[1], targets[1], "da") in texts
    hidden = cell_text(raaderum(state)[1], targets[1], "da")
    assert hidden not in texts or hidden == cell_text(shown[1], targets[1], "da")
    assert texts.count("–") == len(state.scenario.years) - state.round - 1  # not begun
    small.scenes.clear()


def test_the_compact_form_writes_the_figures_the_tables_own_sheets_write() -> None:
    # at 1024×768 a table at 27,95 against 28 read "28" in orange, and "lost"; and a met
    # 6,5 read "7", where the table's own report said 6,5
    from game.ui.compare_view import cell_text

    assert cell_text(27.95, 28.0, "da") == "27,95"
    assert cell_text(30.4, 28.0, "da") == "30,4"
    assert cell_text(6.5, 3.0, "da") == "6,5"
    assert cell_text(9.4, 9.35, "da") == "9,4"  # met: not "9" under 9,35
    assert cell_text(27.95, 28.0, "da") == "27,95"


def test_a_decks_group_says_its_own_unit(deck: Deck, tmp_path) -> None:
    # a Kystby table (t. kr.) among the standard deck's read "mål 2.500 mio. kr. i 2029"
    kystby = load_deck(standard_deck().parent / "kystby")
    folder = tmp_path / "borde"
    generator = np.random.default_rng(1)
    history = History.start(new_game(kystby, "kystby", 1))
    while not history.current.finished:
        history = history.do(greedy_policy(history.current, generator))
    write_save(new_save_path(folder), kystby, GameSettings("kystby", 1, None), history)
    small = App(deck, lang="da", size=(1366, 768), save_dir=tmp_path / "saves")
    small.push(Scene(small))
    small.push(CompareScene(small, folder))
    drawn = record_text(small)
    small.step(0.016)
    assert any("mål 2.500 t. kr. i 2029" in text for text in drawn), drawn[:5]
    assert not any("2.500 mio. kr." in text for text in drawn)
    small.scenes.clear()


@pytest.mark.parametrize("last_name", ["Bord 8", "Bord 8 – Søgårdsskolens forældreråd"])
def test_at_1024_a_four_year_game_keeps_its_figures_and_marks(
    deck: Deck, tmp_path, monkeypatch, last_name
):
    # the host's projector: '27 … '30 with met years rounded ("16" for 15,8 on the sheet) and
    # only the colour to tell a miss; the tables now take the room they need from the list.
    # Then one long table name took the marks from every table: the name is shortened first
    from game.engine import raaderum
    from game.ui.compare_view import cell_text

    small = App(deck, lang="da", size=(1024, 768), save_dir=tmp_path / "saves")
    small.push(Scene(small))
    folder = tmp_path / "borde"
    folder.mkdir()
    figures = []
    for seed in range(1, 9):
        history = History.start(new_game(deck, "standard", seed))
        generator = np.random.default_rng(seed)
        while not history.current.finished:
            history = history.do(greedy_policy(history.current, generator))
        write_save(
            new_save_path(folder),
            deck,
            GameSettings("standard", seed, None, table=last_name if seed == 8 else f"Bord {seed}"),
            history,
        )
        state = history.current
        figures += [cell_text(v, t, "da") for v, t in zip(raaderum(state), state.targets)]
    from game.ui import charts
    from tests.ui.driver import record_chart_places

    cells: list[str] = []
    record_chart_places(monkeypatch, charts, cells)
    checks: list[object] = []
    draw_check = charts.draw_check
    monkeypatch.setattr(charts, "draw_check", lambda *a: (checks.append(a), draw_check(*a)))
    scene = CompareScene(small, folder)
    small.push(scene)
    drawn = record_text(small)
    small.step(0.016)
    assert all(year in drawn for year in deck.scenario("standard").years), drawn
    missing = [f for f in figures if f not in cells]
    assert not missing, (missing, cells)
    assert checks, "a met year has its ✓ (and a missed one its ✗)"
    small.scenes.clear()


def test_a_click_on_a_table_shows_what_it_adopted_year_by_year(app: App, deck: Deck, saves):
    # a host asked the table that won how it did it: the window showed only figures, the
    # choices were on the printed page alone
    from game.ui.scenes.message import MessageScene
    from tests.ui.driver import click

    folder, _ = saves
    scene = CompareScene(app, folder)
    app.push(scene)
    drawn = record_text(app)
    app.step(0.016)
    assert "Klik på et bord (eller tast 1–9) for at se, hvad det vedtog" in drawn
    group = scene.group
    assert group is not None
    index, row = scene.table_rows[1]
    table = group.tables[index]
    click(app, row.center)
    message = app.top
    assert isinstance(message, MessageScene)
    assert message.title == f"{table.label('da')}: det vedtog bordet"
    lines = message.full.splitlines()
    assert len(lines) == len(group.years) + 2
    for year, line in zip(group.years, lines):
        round_ = group.years.index(year)
        titles = [deck.proposal(c).title for c, at in table.adopted if at == round_]
        assert line.startswith(f"{year} – råderum "), line
        # "råderum 12,9 mio. kr. (mål 3)": "12,9 af 3 mio. kr." read as twelve out of three
        target = format_target(table.target[round_], "da")
        assert f" mio. kr. (mål {target}): " in line and " af " not in line.split(":")[0], line
        assert all(title in line for title in titles), (titles, line)
        # and what struck the table that year, beside what it chose
        events = [deck.event(e).title for e, at in table.events if at == round_]
        said = f" (hændelse: {'; '.join(events)})" if events else ""
        assert line.endswith(said), line
        if not titles:
            assert line.removesuffix(said).endswith("intet vedtaget")
    kinds = [deck.proposal(c).kind.value for c, _ in table.adopted]
    counts = " · ".join(str(kinds.count(k)) for k in ("saving", "efficiency", "investment"))
    assert f"investeringer: {counts}." in lines[-2]
    assert lines[-1] == "Vundet." if table.won else lines[-1].startswith("Tabt. ")
    post_key(pygame.K_RETURN)  # OK
    app.step(0.016)
    assert app.top is scene
    post_key(pygame.K_1)  # the first table in the list, from the keyboard
    app.step(0.016)
    assert isinstance(app.top, MessageScene)
    assert app.top.title.startswith(group.tables[0].label("da"))


def test_the_comparison_opens_on_the_group_of_the_game_just_played(
    app: App, deck: Deck, saves
) -> None:
    # "Sammenlign borde" from a finished standard game showed "Gruppe 1 af 2", the intro
    # tables; the host had to press → to find the table just played
    from game.saves import read_save

    folder, _ = saves
    for group_index in range(2):
        scene = CompareScene(app, folder)
        group = scene.groups[group_index]
        played = read_save(group.tables[0].path)
        app.game.start(deck, played.settings, played.history, played.path, read_only=True)
        app.game.save_path = played.path  # the board's own game, as a window holds it
        scene.load()
        assert scene.group is not None and scene.group.scenario_id == group.scenario_id


def test_a_copy_that_went_its_own_way_is_named_over_the_tables(
    app: App, deck: Deck, tmp_path: Path
) -> None:
    # a colleague's window continued Bord 3 and made a decision the table never made; the
    # comparison counted that copy (it had more decisions) and said only "Kopier af et spil,
    # talt én gang: 1", while the start screen listed the two apart
    folder = tmp_path / "borde"
    original, settings, history, other = _diverged_copy(deck, folder)
    scene = CompareScene(app, folder)
    app.push(scene)
    drawn = record_text(app)
    app.step(0.016)
    assert any(
        "»Bord 3« har en kopi, der gik sin egen vej efter beslutning 2" in t for t in drawn
    ), drawn
    app.pop()
    # a second copy that left at the same decision is not said twice (it pushed the other
    # notes off the line)
    start = History.start(new_game(deck, "intro", 6))
    first = start.do(next(a for a in _adoptions(start)))  # the table's first decision
    taken = {a.card for a in [*history.current.adopted, *other.current.adopted]}
    own = next(
        a for a in legal_actions(first.current) if isinstance(a, Adopt) and a.card not in taken
    )
    third = first.do(own)  # a third window's own second decision
    write_save(folder / f"{original.stem}-LAPTOP-9.json", deck, settings, third, game_id="a" * 32)
    scene = CompareScene(app, folder)
    app.push(scene)
    drawn = record_text(app)
    app.step(0.016)
    notes = next(t for t in drawn if "gik sin egen vej" in t)
    assert notes.count("gik sin egen vej") == 1, notes
    app.pop()


def test_a_paper_table_typed_in_again_says_the_latest_entry_counts(
    app: App, tmp_path: Path
) -> None:
    # a host's trial: Bord 8's save copied to usb/ and laptop/, the laptop's copy corrected
    # with --replace (a card taken out); the window counted the usb copy and said "den med
    # flest beslutninger … er talt med"
    from game.cli import main

    kystby = Path(__file__).resolve().parents[2] / "decks" / "kystby"
    folder = tmp_path / "conf2"
    (folder / "usb").mkdir(parents=True)
    (folder / "laptop").mkdir()
    command = ["enter", "--deck", str(kystby), "--scenario", "kystby", "--table", "Bord 8"]
    sheet = [
        *("--adopt", "turistkontor-digitalt@1", "--adopt", "strandrensning@1"),
        *("--adopt", "faelles-indkoeb@2", "--adopt", "rengoering-3-uger@3"),
        *("--event", "udligning-falder@1", "--event", "flere-aeldre@2"),
        *("--event", "faergetilskud@3", "--seed", "11"),
    ]
    entry, copy = folder / "usb" / "bord-8.json", folder / "laptop" / "bord-8.json"
    assert main([*command, *sheet, "--out", str(entry)]) == 0
    copy.write_bytes(entry.read_bytes())
    corrected = [e for e in sheet if e != "rengoering-3-uger@3"]
    corrected.pop(corrected.index("faelles-indkoeb@2") + 1)  # the card's own --adopt
    assert main([*command, *corrected, "--out", str(copy), "--replace"]) == 0
    scene = CompareScene(app, folder)
    app.push(scene)
    drawn = record_text(app)
    app.step(0.016)
    notes = " ".join(drawn)
    assert "»Bord 8« (papir) er tastet ind igen senere" in notes, drawn
    assert "gik sin egen vej" not in notes and "flest beslutninger" not in notes, drawn
    assert [t.path for t in scene.groups[0].tables] == [copy]


def test_the_unreadable_files_are_named_whole_after_a_copys_long_note(
    app: App, deck: Deck, tmp_path: Path
) -> None:
    # a conflict copy's note filled the three lines, and the notes ended "· Servicegulv −6 ·
    # Ikke f…": "Kunne ikke læses: tom.json, afkortet.json og 1 til" was never seen
    folder = tmp_path / "borde"
    _diverged_copy(deck, folder)
    for name in ("tom", "afkortet", "nyere-version"):
        (folder / f"{name}.json").write_text("{ ikke json", encoding="utf-8")
    app.push(CompareScene(app, folder))
    cut = record_drawn_cut(app)
    drawn = record_text(app)
    app.step(0.016)
    notes = next(t for t in drawn if "gik sin egen vej" in t)
    assert "Kunne ikke læses: " in notes and "og 1 til" in notes, notes
    assert notes not in cut, notes


def _diverged_copy(deck: Deck, folder: Path) -> tuple[Path, GameSettings, History, History]:
    """Bord 3 saved in ``folder`` with a cloud drive's copy that went its own way after the
    first decision: (the table's file, its settings, its history, the copy's history)."""
    history = History.start(new_game(deck, "intro", 6))
    history = history.do(next(a for a in _adoptions(history)))
    original = new_save_path(folder)
    settings = GameSettings("intro", 6, None, table="Bord 3")
    write_save(original, deck, settings, history, game_id="a" * 32)
    other = history
    for action in list(_adoptions(history))[1:3]:
        other = other.do(action)
    copy = folder / f"{original.stem}-DESKTOP-AB12.json"
    write_save(copy, deck, settings, other, game_id="a" * 32)
    history = history.do(list(_adoptions(history))[3])  # the table's own second decision
    write_save(original, deck, settings, history, game_id="a" * 32)
    return original, settings, history, other


def _adoptions(history: History) -> Iterator[Adopt]:
    state = history.current
    return (Adopt(card) for card in state.market if state.deck.proposal(card).load <= 2)


def test_a_game_never_played_is_said_under_its_own_group_only(deck: Deck, tmp_path) -> None:
    # a host's folder held one standard game that was started and never played: "Ikke
    # spillet, ikke talt med: 1" stood under the intro group and the others, not its own
    folder = tmp_path / "borde"
    for scenario, seeds in (("intro", (1, 2, 3)), ("standard", (4, 5))):
        for seed in seeds:
            history = History.start(new_game(deck, scenario, seed))
            generator = np.random.default_rng(seed)
            while not history.current.finished:
                history = history.do(greedy_policy(history.current, generator))
            write_save(new_save_path(folder), deck, GameSettings(scenario, seed, None), history)
    never = History.start(new_game(deck, "standard", 9))
    write_save(new_save_path(folder), deck, GameSettings("standard", 9, None), never)
    small = App(deck, lang="da", size=(1366, 768), save_dir=tmp_path / "saves")
    small.push(Scene(small))
    scene = CompareScene(small, folder)
    small.push(scene)
    said: dict[str, bool] = {}
    for index, group in enumerate(scene.groups):
        scene.index = index
        drawn = record_text(small)
        small.request_redraw()
        small.step(0.016)
        said[group.scenario_id] = any("Ikke spillet, ikke talt med: 1" in t for t in drawn)
    assert said == {"intro": False, "standard": True}, said
    small.scenes.clear()


def test_a_long_named_paper_table_keeps_its_paper_mark_at_1024(deck: Deck, tmp_path) -> None:
    # a conference's paper tables with long names read "Bord 6 – Grønnegårdens Ældreråd…"
    # on the projector, and nothing told them from the laptops' tables
    from game.cli import main
    from tests.ui.test_projector import record_cuts

    folder = tmp_path / "borde"
    for number, name in enumerate(
        ("Bord 6 – Grønnegårdens Ældreråd og Handicaprådet", "Bord 7 – Erhvervsforeningen"), 6
    ):
        args = ["enter", "--table", name, "--scenario", "intro", "--save-dir", str(folder)]
        picks = ["--adopt", "sfo-takst@1", "--adopt", "vakancer@1", "--event", "ingen@1"]
        assert main([*args, *picks, "--stopped-after", "2027", "--seed", str(number)]) == 0
    small = App(deck, lang="da", size=(1024, 768), save_dir=tmp_path / "saves")
    small.push(Scene(small))
    small.push(CompareScene(small, folder))
    drawn, cut = record_cuts(small)
    small.step(0.016)
    small.render(small.surface)
    named = {text for text in drawn if text.startswith(("Bord 6", "Bord 7"))}
    assert len(named) == 2, drawn
    for text in named:
        assert text.endswith("(papir)") and text not in cut, (text, named)
    small.scenes.clear()


def test_a_shortened_table_name_keeps_its_number(deck: Deck, tmp_path):
    # at 1024×768 "Bord 12 – Ældrerådet …" and "Bord 14 – Ungdomsskolens …" both read
    # "Bord… (papir)": the words were dropped down to the first, number and all
    from game.ui.compare_view import marked_name
    from game.ui.theme import FONT_BOLD

    app = App(deck, lang="da", size=(1024, 768), save_dir=tmp_path / "saves")
    size = app.scale.min_text
    twelve = "Bord 12 – Ældrerådet og Handicaprådet i fællesskab, Syd (papir)"
    fourteen = "Bord 14 – Ungdomsskolens elevråd og Fritidsklubberne, Vest (papir)"
    roomy = app.text.width("Bord 12… (papir)", size, FONT_BOLD)
    assert marked_name(app, twelve, roomy, size, "Bord") == "Bord 12… (papir)"
    # one digit too narrow for it: the column's heading goes before the number
    tight = roomy - 2
    shown = [marked_name(app, name, tight, size, "Bord") for name in (twelve, fourteen)]
    assert shown == ["12… (papir)", "14… (papir)"], shown
    assert all(app.text.width(name, size, FONT_BOLD) <= tight for name in shown)
