"""Opening a save in the window: looking at a game writes nothing (before, the window's autosave
rewrote the file at once: a paper table's save lost what the table entered and replayed as
another game or not at all, and a cloud drive's conflict copy that was only looked at became the
"newest" game for ``--resume``); the first decision is saved as before, and every file a paper
table's game is written to (the save itself, "gem et andet sted", a copy) keeps its entries."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.content import load_deck
from game.engine import Deck, History, legal_actions, new_game
from game.saves import (
    GameSettings,
    SaveError,
    choose_resume,
    list_saves,
    read_save,
    write_save,
)
from game.ui.opening import open_save

KYSTBY = Path(__file__).resolve().parents[2] / "decks" / "kystby"
TABLE_3 = [
    *("--adopt", "turistkontor-digitalt@1", "--adopt", "strandrensning@1"),
    *("--adopt", "faelles-indkoeb@2", "--adopt", "hverdagsrehabilitering@2"),
    *("--adopt", "rengoering-3-uger@3"),
    *("--event", "udligning-falder@1", "--event", "flere-aeldre@2", "--event", "faergetilskud@3"),
    *("--factor", "hverdagsrehabilitering=0,8", "--seed", "11"),
]
LONG_AGO = "2020-03-02T09:00:00.000+01:00"
LATER = "2020-03-02T10:00:00.000+01:00"


def enter_table_3(folder: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Bord 3 entered with ``raaderum enter``, as a facilitator does after the workshop."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "bord-3.json"
    command = ["enter", "--deck", str(KYSTBY), "--scenario", "kystby", "--table", "Bord 3"]
    code = main([*command, *TABLE_3, "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.out + captured.err
    return out


def stamp(path: Path, updated: str) -> None:
    """Give the save at ``path`` the time of its last decision ``updated`` (so that no test
    depends on the clock)."""
    document = json.loads(path.read_text(encoding="utf-8"))
    document["updated"] = document["created"] = updated
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")


def assert_table_3(path: Path, decisions: int) -> None:
    """The file at ``path`` holds Bord 3's game: its name, its paper mark, its entries, and
    the events it drew (not the seed's)."""
    saved = read_save(path)
    assert saved.table == "Bord 3" and saved.paper is not None
    assert saved.paper.events == (
        ("udligning-falder", 0),
        ("flere-aeldre", 1),
        ("faergetilskud", 2),
    )
    assert saved.paper.factors == (("hverdagsrehabilitering", 0.8),)
    assert len(saved.history.actions) == decisions
    assert [e.card for e in saved.history.current.events][:2] == [
        "udligning-falder",
        "flere-aeldre",
    ]
    (info,) = [i for i in list_saves(path.parent, unfinished_only=False) if i.path == path]
    assert info.paper and info.table == "Bord 3"


def test_opening_a_paper_tables_save_in_the_window_leaves_the_file_as_entered(
    window, tmp_path, capsys
):
    """Before: the window's autosave rewrote the file at once without 'table', 'paper' and
    'entered'; it then replayed with the seed's events ("træk nr. 1 i loggen er ikke
    tilladt")."""
    path = enter_table_3(tmp_path / "saves", capsys)
    before = path.read_bytes()
    app = window(load_deck(KYSTBY), tmp_path / "saves")
    assert open_save(app, path)
    assert app.top.name == "board" and app.game.state.finished
    assert app.game.unsaved() is None, "the game on screen is the one in the file"
    app.step(0.02)
    app.game.close()
    assert path.read_bytes() == before
    assert_table_3(path, len(read_save(path).history.actions))


def test_a_paper_tables_game_opens_to_be_looked_at_and_changes_no_file(window, tmp_path, capsys):
    """A paper table's game is the record of its sheet: opened in the window it takes back
    nothing and plays nothing on (a stray key changed its result in the comparison); its
    sheet is corrected on "Bord på papir" (tests/ui/test_paper_view.py)."""
    path = enter_table_3(tmp_path / "saves", capsys)
    before = path.read_bytes()
    decisions = len(read_save(path).history.actions)
    app = window(load_deck(KYSTBY), tmp_path / "saves")
    assert open_save(app, path)
    assert app.game.read_only
    assert not app.game.undo()
    assert len(app.game.history.actions) == decisions
    assert app.game.unsaved() is None
    assert path.read_bytes() == before
    assert_table_3(path, decisions)


def test_resuming_a_paper_table_from_the_command_line_leaves_it_as_entered(tmp_path, capsys):
    """``raaderum play --resume FILE`` opens the window on the save the same way."""
    path = enter_table_3(tmp_path / "saves", capsys)
    before = path.read_bytes()
    environment = {
        **os.environ,
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "RAADERUM_HOME": str(tmp_path / "home"),
    }
    end = ["--autoplay", "random", "--speed", "30", "--quit-at-end"]
    result = subprocess.run(
        [sys.executable, "-m", "game", "play", "--resume", str(path), *end],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert path.read_bytes() == before


def test_a_paper_tables_game_is_never_written_without_its_entries(tmp_path, capsys):
    """The last guard: whatever path writes a paper table's game, a file without its entries
    would replay another game, so it is refused with a reason and the file stays."""
    path = enter_table_3(tmp_path / "saves", capsys)
    before = path.read_bytes()
    saved = read_save(path)
    with pytest.raises(SaveError) as refused:
        write_save(path, saved.deck, saved.settings, saved.history.undo())
    assert "papirbordets indtastede hændelser og faktorer mangler" in str(refused.value)
    assert path.read_bytes() == before


def played(deck: Deck, decisions: int) -> History:
    history = History.start(new_game(deck, "lang", 5))
    for _ in range(decisions):
        history = history.do(legal_actions(history.current)[0])
    return history


def cloud_folder(deck: Deck, folder: Path) -> tuple[Path, Path]:
    """A game (three decisions, last one at 10:00) and a cloud drive's conflict copy of it
    that went its own way at the third decision (its last one at 9:00)."""
    folder.mkdir(parents=True, exist_ok=True)
    game = folder / "spil-20200302-090000-aaaaaa.json"
    settings = GameSettings("lang", 5)
    write_save(game, deck, settings, played(deck, 3))
    game_id = read_save(game).game_id
    other = played(deck, 2)
    other = other.do(legal_actions(other.current)[1])
    conflict = folder / "spil-20200302-090000-aaaaaa (LAPTOP-K7F2Q's conflicted copy).json"
    write_save(conflict, deck, settings, other, game_id=game_id)
    stamp(game, LATER)
    stamp(conflict, LONG_AGO)
    assert choose_resume(folder).path == game
    return game, conflict


def test_looking_at_a_conflict_copy_does_not_make_it_the_game_to_resume(
    window, mini_deck, tmp_path
):
    """Before: opening the copy rewrote it ("updated" became now), so ``--resume`` and the
    top of the list took the copy instead of the game the group played last."""
    game, conflict = cloud_folder(mini_deck, tmp_path / "saves")
    before = conflict.read_bytes()
    app = window(mini_deck, tmp_path / "saves")
    assert open_save(app, conflict)
    assert app.game.unsaved() is None and app.game.last_save_ok
    app.step(0.02)
    app.game.close()
    assert conflict.read_bytes() == before
    assert read_save(conflict).updated == LONG_AGO
    assert choose_resume(tmp_path / "saves").path == game
    assert list_saves(tmp_path / "saves")[0].path == game


def test_the_first_decision_after_opening_is_saved_and_makes_the_game_the_newest(
    window, mini_deck, tmp_path
):
    game, conflict = cloud_folder(mini_deck, tmp_path / "saves")
    app = window(mini_deck, tmp_path / "saves")
    assert open_save(app, conflict)
    assert app.game.do(legal_actions(app.game.state)[0])
    saved = read_save(conflict)
    assert len(saved.history.actions) == 4 and saved.updated != LONG_AGO
    assert app.game.unsaved() is None
    assert choose_resume(tmp_path / "saves").path == conflict, "its own last decision"
    assert read_save(game).updated == LATER, "the other file is left alone"
