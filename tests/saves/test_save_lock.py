"""One game has one writer: a second window on the same save is refused and told who holds it,
a crashed game's lock is taken over by exactly one process, and one writer's clean-up never
touches another writer's temp file. Every test uses real second processes, sequenced by their
answers (see ``save_workers``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from save_workers import Worker

from game.engine import History, legal_actions, new_game
from game.saves import (
    GameSaver,
    GameSettings,
    SaveLocked,
    lock_holder,
    open_for_writing,
    read_save,
    write_save,
)
from game.saves import lock as lock_module
from game.saves.files import host_name, remove_stale_temps, write_file
from game.saves.lock import STALE_AFTER, LockHolder
from game.saves.processes import process_alive, process_start

SETTINGS = GameSettings("lang", 5, None)


def _history(deck) -> History:
    history = History.start(new_game(deck, "lang", 5))
    return history.do(legal_actions(history.current)[0])


def _locks(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".lock." in p.name)


@pytest.fixture
def save(tmp_path, mini_deck) -> Path:
    """A saved game that nobody has open."""
    path = tmp_path / "spil.json"
    write_save(path, mini_deck, SETTINGS, _history(mini_deck))
    return path


def test_second_window_is_refused_and_told_who_holds_the_game(save, tmp_path, mini_deck):
    first, second = Worker(save, tmp_path), Worker(save, tmp_path)
    try:
        assert first.ask("lock")[0] == "locked"
        assert second.ask("lock") == ["refused", str(first.pid), host_name()]
        with pytest.raises(SaveLocked) as caught:
            open_for_writing(save)
        holder = caught.value.holder
        assert holder is not None and holder.pid == first.pid and holder.on_this_machine
        message = str(caught.value)
        assert f"proces {first.pid}" in message and "på denne computer" in message
        assert f"bruger {holder.user}" in message and "programmet startet" in message
        # when it last opened or saved the game (the lock is stamped at both): a facilitator
        # judges by it whether the other window is gone. "sidst gemt" gave the time the other
        # window opened a game it had not saved since
        said = "sidst åbnet eller gemt "
        assert said in message and "ukendt" not in message.split(said)[1]
        before = save.read_bytes()
        assert second.ask("save") == ["failed", "locked"], "the second window never writes"
        with pytest.raises(SaveLocked):
            write_save(
                save,
                mini_deck,
                SETTINGS,
                _history(mini_deck).do(legal_actions(_history(mini_deck).current)[0]),
            )
        assert save.read_bytes() == before
        status = GameSaver(save).save(mini_deck, SETTINGS, _history(mini_deck))
        assert not status.ok and status.error is not None and status.error.code == "locked"
        assert f"proces {first.pid}" in status.message()
        assert first.ask("save") == ["saved", "-"], "the holder keeps saving"
    finally:
        first.end()
        second.end()


def test_closing_the_game_gives_the_lock_back(save, tmp_path):
    first = Worker(save, tmp_path)
    assert first.ask("lock")[0] == "locked"
    assert lock_holder(save) is not None
    assert first.end("exit") == 0
    assert lock_holder(save) is None
    lock = open_for_writing(save)
    try:
        assert lock.holder.pid == os.getpid()
    finally:
        lock.release()


@pytest.mark.parametrize("how", ["crash", "kill"])
def test_a_crashed_games_lock_is_taken_over(save, tmp_path, how):
    crashed = Worker(save, tmp_path)
    assert crashed.ask("lock") == ["locked", "1"]
    if how == "crash":
        crashed.end("crash")
    else:
        crashed.kill()
    assert _locks(save.parent) == [f".{save.name}.lock.1"], "the crashed game left its lock"
    assert not process_alive(crashed.pid)
    taker = Worker(save, tmp_path)
    try:
        assert taker.ask("lock") == ["locked", "2"]
        assert _locks(save.parent) == [f".{save.name}.lock.2"], "the stale lock is cleaned up"
        assert lock_holder(save).pid == taker.pid
    finally:
        taker.end()


def test_only_one_of_several_racing_processes_takes_a_stale_lock_over(save, tmp_path):
    for round_number in range(4):
        crashed = Worker(save, tmp_path)
        assert crashed.ask("lock")[0] == "locked"
        crashed.end("crash")
        racers = [Worker(save, tmp_path) for _ in range(3)]
        try:
            for racer in racers:
                racer.send("lock")  # all at once: the operating system decides the order
            answers = [racer.read() for racer in racers]
            winners = [r for r, a in zip(racers, answers) if a[0] == "locked"]
            assert len(winners) == 1, (round_number, answers)
            for answer in answers:
                if answer[0] == "refused":
                    assert answer[1] in (str(winners[0].pid), "-"), answers
            assert lock_holder(save).pid == winners[0].pid
        finally:
            for racer in racers:
                racer.end()


def _live_holder(pid: int, token: str = "rival") -> LockHolder:
    return LockHolder(
        host=host_name(),
        pid=pid,
        user="anne",
        started="2026-11-28T10:02:00+01:00",
        taken="2026-11-28T10:03:00+01:00",
        refreshed=0.0,
        token=token,
        start_id=process_start(pid),
        boot=None,
    )


def _dead_pid(tmp_path: Path) -> int:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait(timeout=60)
    return gone.pid


def test_a_rival_claiming_the_same_generation_first_wins(save, tmp_path, monkeypatch):
    """The interleaving: we judge the lock stale, a rival claims the next generation before us;
    our O_EXCL create fails and we see the rival as the holder."""
    stale = lock_module._lock_path(save, 1)
    stale.write_bytes(_live_holder(_dead_pid(tmp_path)).to_json())
    rival = Worker(save, tmp_path)
    real_create = lock_module._create

    def rival_first(path: Path, holder: LockHolder) -> None:
        if path == lock_module._lock_path(save, 2) and not path.exists():
            path.write_bytes(_live_holder(rival.pid).to_json())
        real_create(path, holder)

    monkeypatch.setattr(lock_module, "_create", rival_first)
    try:
        with pytest.raises(SaveLocked) as caught:
            open_for_writing(save)
        assert caught.value.holder.pid == rival.pid
        assert _live_holder(rival.pid).to_json() == lock_module._lock_path(save, 2).read_bytes()
    finally:
        rival.end()


def test_a_slow_process_never_takes_a_generation_already_passed(save, tmp_path, monkeypatch):
    """The interleaving: we saw generation 1 stale; before our create, two others took over in
    turn (generation 3 now holds, 1 and 2 are cleaned up). Our create of 2 succeeds, but the
    check after it sees 3, so we step back and report the live holder."""
    lock_module._lock_path(save, 1).write_bytes(_live_holder(_dead_pid(tmp_path)).to_json())
    rival = Worker(save, tmp_path)
    real_create = lock_module._create
    calls = []

    def overtaken(path: Path, holder: LockHolder) -> None:
        calls.append(path.name)
        if len(calls) == 1:
            lock_module._lock_path(save, 3).write_bytes(_live_holder(rival.pid).to_json())
            lock_module._lock_path(save, 1).unlink()
        real_create(path, holder)

    monkeypatch.setattr(lock_module, "_create", overtaken)
    try:
        with pytest.raises(SaveLocked) as caught:
            open_for_writing(save)
        assert caught.value.holder.pid == rival.pid
        assert calls == [f".{save.name}.lock.2"]
        assert _locks(save.parent) == [f".{save.name}.lock.3"], "our late claim was withdrawn"
    finally:
        rival.end()


def _held_on_another_machine(save: Path) -> LockHolder:
    """Give ``save`` a lock (generation 7) held by a window on the laptop LAPTOP-K7F2Q."""
    other = LockHolder(
        host="LAPTOP-K7F2Q",
        pid=4242,
        user="anne",
        started="2026-11-28T10:02:00+01:00",
        taken="2026-11-28T10:03:00+01:00",
        refreshed=1_800_000_000.0,
        token="other",
    )
    lock_module._lock_path(save, 7).write_bytes(other.to_json())
    return other


def test_another_machines_lock_holds_until_it_is_old(save):
    other = _held_on_another_machine(save)
    with pytest.raises(SaveLocked) as caught:
        open_for_writing(save, now=other.refreshed + 600)
    message = str(caught.value)
    assert "på computeren LAPTOP-K7F2Q" in message and "bruger anne" in message
    assert "proces 4242" in message and "28.11.2026 kl. 10:02" in message
    lock = open_for_writing(save, now=other.refreshed + STALE_AFTER + 1)
    try:
        assert lock.generation == 8 and _locks(save.parent) == [f".{save.name}.lock.8"]
    finally:
        lock.release()


def test_the_players_may_take_over_the_lock_they_saw_and_no_other(save):
    # a laptop that died left its lock; the players chose to take the game over from it
    other = _held_on_another_machine(save)
    with pytest.raises(SaveLocked):  # a token the players did not see takes nothing
        open_for_writing(save, now=other.refreshed + 600, take_over="someone-else")
    lock = open_for_writing(save, now=other.refreshed + 600, take_over="other")
    try:
        assert lock.generation == 8 and _locks(save.parent) == [f".{save.name}.lock.8"]
    finally:
        lock.release()


def test_a_lock_file_being_written_is_not_taken_over(save, monkeypatch):
    """An empty lock file (its writer is between create and write) means "being opened";
    an empty one left for longer than the grace time is abandoned."""
    path = lock_module._lock_path(save, 1)
    path.write_bytes(b"")
    monkeypatch.setattr(lock_module, "_READ_TRIES", 2)
    mtime = path.stat().st_mtime
    with pytest.raises(SaveLocked, match="ved at blive åbnet i et andet vindue"):
        open_for_writing(save, now=mtime + 1)
    lock = open_for_writing(save, now=mtime + lock_module.WRITING_GRACE + 1)
    try:
        assert lock.generation == 2
    finally:
        lock.release()


def test_a_game_that_lost_its_lock_stops_writing(save, tmp_path, mini_deck):
    """Re-check before every write: after a takeover the old holder's saves fail."""
    saver = GameSaver(save)
    assert saver.save(mini_deck, SETTINGS, _history(mini_deck)).ok
    held = saver.lock
    assert held is not None
    lock_module._lock_path(save, held.generation + 1).write_bytes(
        _live_holder(os.getppid(), token="taker").to_json()
    )
    before = save.read_bytes()
    status = saver.save(mini_deck, SETTINGS, _history(mini_deck))
    assert not status.ok and status.error.code == "locked"
    assert save.read_bytes() == before
    taker = lock_module._lock_path(save, held.generation + 1)
    released = LockHolder.from_json(taker.read_bytes())
    taker.write_bytes(lock_module.replace(released, released=True).to_json())
    assert lock_holder(save) is None, "the other window closed the game"
    status = saver.save(mini_deck, SETTINGS, _history(mini_deck))
    assert not status.ok and status.error.code == "locked", "never overwrites the other's game"
    assert save.read_bytes() == before
    moved = saver.save_elsewhere(tmp_path / "kopi", mini_deck, SETTINGS, _history(mini_deck))
    assert moved.ok and saver.path.parent == tmp_path / "kopi"


def test_one_writers_clean_up_never_removes_another_live_writers_temp(tmp_path):
    """The old bug: window A's clean-up deleted window B's temp file mid-save, and B then
    reported a false "kunne ikke gemmes"."""
    target = tmp_path / "spil.json"
    writer = Worker(target, tmp_path)
    try:
        answer = writer.ask("half-write")
        assert answer[0] == "paused"
        their_temp = tmp_path / answer[1]
        assert their_temp.exists() and f"-{writer.pid}." in their_temp.name
        removed = remove_stale_temps(target, process_alive)
        write_file(target, b'{"written by": "tests"}')
        assert their_temp.exists() and their_temp not in removed
        writer.send("go")
        assert writer.read() == ["written"], "the other writer's save succeeded"
        assert target.read_bytes() == b'{"written by": "worker"}'
    finally:
        writer.end()
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_dead_writers_temp_is_cleaned_up(tmp_path):
    target = tmp_path / "spil.json"
    writer = Worker(target, tmp_path)
    answer = writer.ask("half-write")
    writer.kill()
    their_temp = tmp_path / answer[1]
    assert their_temp.exists()
    foreign = tmp_path / f".{target.name}.LAPTOP-K7F2Q-77.0123abcd.tmp"
    foreign.write_bytes(b"{")
    removed = remove_stale_temps(target, process_alive, now=foreign.stat().st_mtime + 60)
    assert removed == [their_temp] and foreign.exists(), "another machine's fresh temp stays"
    assert remove_stale_temps(target, process_alive, now=foreign.stat().st_mtime + 2 * 86400)
    assert not foreign.exists()


def test_resume_from_the_command_line_refuses_a_game_open_elsewhere(save, tmp_path):
    holder = Worker(save, tmp_path)
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    saves = tmp_path / "saves"
    try:
        assert holder.ask("lock")[0] == "locked"
        before = save.read_bytes()
        refused = subprocess.run(
            [sys.executable, "-m", "game", "play", "--resume", str(save), "--save-dir", str(saves)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert refused.returncode == 2, refused.stderr
        lines = refused.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in refused.stderr
        assert f"proces {holder.pid}" in lines[0] and "allerede åbent i et andet vindue" in lines[0]
        assert "--as-copy" in lines[0] and "raaderum replay" in lines[0]
        copied = subprocess.run(
            [
                *(sys.executable, "-m", "game", "play", "--resume", str(save), "--as-copy"),
                *("--autoplay", "greedy", "--speed", "1000", "--quit-at-end"),
                *("--save-dir", str(saves)),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert copied.returncode == 0, copied.stderr
        assert "fortsætter i en kopi" in copied.stderr
        assert save.read_bytes() == before, "the game open elsewhere is not touched"
        (copy,) = sorted(saves.glob("*.json"))
        original, continued = read_save(save), read_save(copy)
        assert continued.copy_of == original.game_id != continued.game_id
        assert continued.history.current.finished
        n = len(original.history.actions)
        assert continued.history.actions[:n] == original.history.actions
    finally:
        holder.end()


def test_a_copy_of_a_game_open_elsewhere_goes_next_to_it(save, tmp_path, capsys):
    # Before, without --save-dir the copy went to the user's data folder, away from the
    # conference's shared folder the save was opened from.
    import argparse

    from game.cli.play import lock_for_play as _lock_for_play

    holder = Worker(save, tmp_path)
    data_folder = tmp_path / "brugerens-data"
    try:
        assert holder.ask("lock")[0] == "locked"
        args = argparse.Namespace(as_copy=True, save_dir=None, lang=None)
        lock, copy = _lock_for_play(args, save, data_folder)
        try:
            assert copy.parent == save.parent and copy != save
            assert not data_folder.exists() or not list(data_folder.glob("*.json"))
            assert "fortsætter i en kopi" in capsys.readouterr().err
        finally:
            lock.release()
        args = argparse.Namespace(as_copy=True, save_dir=str(data_folder), lang=None)
        lock, copy = _lock_for_play(args, save, data_folder)  # --save-dir says where
        lock.release()
        assert copy.parent == data_folder
    finally:
        holder.end()


def test_the_saves_another_window_holds_are_found_with_one_listing_of_their_folder(
    save, tmp_path, mini_deck, monkeypatch
):
    # the start screen marks games open elsewhere: asking save by save listed a folder of
    # hundreds of saves once per save (on a network drive, seconds before the list showed)
    from game.saves import held_elsewhere, lock_holder

    other = _held_on_another_machine(save)  # held on another laptop
    saves = [save]
    for name in ("fri.json", "mit.json", ".gammel.json", "gammel.json"):
        path = tmp_path / name
        write_save(path, mini_deck, SETTINGS, _history(mini_deck))
        saves.append(path)
    mine = open_for_writing(tmp_path / "mit.json")  # this window's own game: not marked
    stale = replace(other, refreshed=other.refreshed - STALE_AFTER - 1, token="old")
    lock_module._lock_path(tmp_path / "gammel.json", 3).write_bytes(stale.to_json())
    now = other.refreshed + 600
    listings = []
    real = Path.iterdir
    monkeypatch.setattr(Path, "iterdir", lambda self: listings.append(self) or real(self))
    try:
        found = held_elsewhere(saves, now=now)
        assert listings == [tmp_path]
        assert found == {p for p in saves if lock_holder(p, now=now) is not None} == {save}
        # the stale lock is a game whose window stopped without closing it: interrupted,
        # the one a facilitator looks for after a crash; a released one is neither
        from game.saves import LOCK_HELD, LOCK_INTERRUPTED, lock_states

        released = replace(other, released=True, token="done")
        lock_module._lock_path(tmp_path / "fri.json", 2).write_bytes(released.to_json())
        states = lock_states(saves, now=now)
        assert states == {save: LOCK_HELD, tmp_path / "gammel.json": LOCK_INTERRUPTED}
    finally:
        mine.release()


def test_who_holds_a_game_is_said_with_the_readers_way_of_writing_a_moment():
    # an English window said "program started 03.12.2026 at 16:37", where every other date
    # was "2026-12-03 16:37"
    import datetime

    from game.messages import render
    from game.saves.lock import LockHolder

    stamp = datetime.datetime(2026, 12, 3, 16, 37)
    holder = LockHolder(
        host="LAPTOP-K7F2Q",
        pid=4242,
        user="anne",
        started=stamp.isoformat(),
        taken=stamp.isoformat(),
        refreshed=stamp.timestamp(),
        token="t",
    )
    english = render(holder.said(), "en")
    assert "program started 2026-12-03 16:37" in english, english
    assert "last opened or saved 2026-12-03 16:37" in english, english
    danish = render(holder.said(), "da")
    assert "programmet startet 03.12.2026 kl. 16:37" in danish, danish


def test_a_copy_of_a_game_open_in_another_window_is_refused_too(save, tmp_path, mini_deck):
    # a facilitator's window had spil.json open; its cloud drive's conflict copy (the same
    # game) was opened in a second window, and both played on: two lines of one game
    copy = tmp_path / "Bord 1 (konfliktkopi 2026-12-04).json"
    shutil.copyfile(save, copy)
    other = tmp_path / "andet-spil.json"
    write_save(other, mini_deck, SETTINGS, _history(mini_deck))  # another game: not refused
    holder = Worker(save, tmp_path)
    try:
        assert holder.ask("lock")[0] == "locked"
        with pytest.raises(SaveLocked) as caught:
            GameSaver(copy, game_id=read_save(copy).game_id).open()
        assert caught.value.elsewhere == save
        assert caught.value.holder is not None and caught.value.holder.pid == holder.pid
        message = str(caught.value)
        assert "samme spil er allerede åbent i et andet vindue i filen spil.json" in message
        assert lock_holder(copy) is None, "the copy's lock is given back"
        status = GameSaver(copy).resume(1)  # as the window opens it: said, never written
        assert not status.ok and status.error is not None and status.error.code == "locked"
        GameSaver(other).open()  # a game of its own opens
    finally:
        holder.end()
    GameSaver(copy).open()  # the other window closed: the copy may be played


def test_a_symlink_loop_beside_the_save_does_not_stop_the_lock(tmp_path):
    # "play --resume" of a save in a folder with "b.json" ↔ "c.json" ended in a traceback
    # (RuntimeError: Symlink loop) where replay, compare and the start screen went on
    from game.saves.lock import _key

    (tmp_path / "b.json").symlink_to(tmp_path / "c.json")
    (tmp_path / "c.json").symlink_to(tmp_path / "b.json")
    assert _key(tmp_path / "b.json") == (tmp_path / "b.json").absolute()
