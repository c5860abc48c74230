"""Every command a message suggests with a path in it works when pasted into a shell: a
OneDrive folder has spaces ("OneDrive - Kommune"), a conflict copy has brackets
("spil (1).json"), and a path cut at a space runs another command or none."""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

from game.engine import History, legal_actions, new_game
from game.paths import command_word
from game.saves import GameSettings, SaveLocked, write_save
from game.saves.lock import LockHolder

SETTINGS = GameSettings(lang="da", seed=5, scenario="lang")


def _commands(text: str) -> list[list[str]]:
    """The ``raaderum …`` commands in ``text`` (between »…« or “…”), as a shell splits them."""
    found = re.findall(r"[»“](raaderum [^«”]*)[«”]", text)
    return [list(shlex.shlex(command, posix=True, punctuation_chars=True)) for command in found]


@pytest.mark.parametrize(
    "name",
    ["OneDrive æøå/Spil/spil-1.json", "Spil/spil (1).json", "Budget&Plan/spil(2).json"],
)
def test_the_commands_of_a_refused_locked_save_paste_whole(name, tmp_path, mini_deck, monkeypatch):
    # Before, "raaderum play --resume /tmp/…/OneDrive æøå/Spil/spil-1.json --as-copy": a shell
    # read "/tmp/…/OneDrive" as the save and "æøå/Spil/spil-1.json" as a stray argument.
    import game.saves.autosave
    from game.cli.common import UsageError
    from game.cli.play import lock_for_play

    path = tmp_path / name
    path.parent.mkdir(parents=True)
    history = History.start(new_game(mini_deck, "lang", 5))
    write_save(path, mini_deck, SETTINGS, history.do(legal_actions(history.current)[0]))
    holder = LockHolder(
        "LAPTOP-K7F2Q", 4242, "anne", "2026-11-28T10:02", "2026-11-28T10:03", 0.0, "x"
    )

    def held(save: Path, **_: object) -> None:
        raise SaveLocked(save, holder)

    monkeypatch.setattr(game.saves.autosave, "open_game_for_writing", held)
    args = argparse.Namespace(as_copy=False, save_dir=None, lang=None)
    for lang in ("da", "en"):
        with pytest.raises(UsageError) as refused:
            lock_for_play(args, path, tmp_path)
        commands = _commands(refused.value.text(lang))
        assert commands == [
            ["raaderum", "play", "--resume", str(path), "--as-copy"],
            ["raaderum", "replay", str(path)],
        ], refused.value.text(lang)


@pytest.mark.parametrize(
    ("path", "word"),
    [
        ("saves/spil.json", "saves/spil.json"),
        ("OneDrive - Kommune/spil.json", '"OneDrive - Kommune/spil.json"'),
        ("saves/spil(1).json", '"saves/spil(1).json"'),
        ("Budget&Plan/spil.json", '"Budget&Plan/spil.json"'),
    ],
)
def test_a_path_in_a_suggested_command_is_quoted_when_a_shell_would_split_it(path, word):
    assert command_word(path) == word
    command = shlex.shlex(
        f"raaderum replay {command_word(path)}", posix=True, punctuation_chars=True
    )
    assert list(command) == ["raaderum", "replay", path]


def _suggested(said: str, option: str) -> list[str]:
    """The values ``said`` suggests for ``option``, each as a shell reads it (a word, or a
    text in double quotes)."""
    found = re.findall(re.escape(option) + r' ("[^"]*"|[^\s,;«»”]+)', said)
    return [shlex.split(word)[0] if shlex.split(word) else "" for word in found]


def test_enter_and_report_suggest_pasteable_paths_for_an_out_folder(tmp_path, capsys, mini_deck):
    # Before, "skriv --save-dir /tmp/…/Bord på papir" and "skriv fx --out /tmp/…/Mine
    # rapporter/rapport (1)": the shell cut the folder at its spaces (and read the bracket
    # as syntax).
    from game.cli import main

    folder = tmp_path / "Bord på papir"
    folder.mkdir()
    assert main(["enter", "--table", "Bord 3", "--out", str(folder)]) == 2
    err = capsys.readouterr().err
    assert _suggested(err, "--save-dir") == [str(folder)], err
    assert _suggested(err, "--out")[-1] == str(folder / "bord-3.json"), err
    out = tmp_path / "Mine rapporter" / "rapport (1).html"
    save = tmp_path / "spil.json"
    write_save(save, mini_deck, SETTINGS, History.start(new_game(mini_deck, "lang", 5)))
    assert main(["report", str(save), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert _suggested(err, "--out")[-1] == str(out.with_suffix("")), err
