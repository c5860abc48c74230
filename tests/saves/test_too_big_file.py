"""A file too big to be a save is refused with the sizes in the reader's own digit grouping
and with what to do about it."""

from __future__ import annotations

from game.cli import main
from game.saves.store import MAX_SAVE_BYTES


def test_a_file_too_big_to_be_a_save_says_so_in_the_readers_numbers(tmp_path, capsys):
    # Before: "filen er for stor (52,491,567 bytes; højst 8,388,608)" – English grouping in
    # Danish, and nothing about what to do.
    assert MAX_SAVE_BYTES == 8_388_608
    path = tmp_path / "spil.json"
    with path.open("wb") as handle:
        handle.truncate(52_491_567)  # sparse: nothing is written
    assert main(["--lang", "da", "replay", str(path)]) == 2
    danish = capsys.readouterr().err
    assert "(52.491.567 bytes; et gemt spil fylder højst 8.388.608 bytes)" in danish, danish
    assert "tjek, at I har valgt den rigtige fil" in danish
    assert main(["--lang", "en", "replay", str(path)]) == 2
    english = capsys.readouterr().err
    assert "(52,491,567 bytes; a saved game takes at most 8,388,608 bytes)" in english, english
    assert "check that you chose the right file" in english
