"""``raaderum report SAVE --out DIR`` and ``raaderum compare SAVE… --out DIR``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game.launcher import said_by
from game.messages import catalogue, render
from game.paths import command_word
from game.report.compare import compare_saves, write_comparison
from game.report.session import REPORT_FILES, BoardPicture, write_report
from game.saves import SavedGame, SaveError, WriteFailed, other_versions, read_save
from game.saves.files import display_path

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def _fail(command: str, message: str) -> int:
    print(f"{said_by(command)}: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


FILE_SUFFIXES = (".html", ".htm", ".pdf", ".csv", ".txt")
"""Endings of a file name: ``--out`` is a folder (a report is several files), and a folder
named "rapport.html" is not what anyone typing it meant."""


def _out_is_a_file_name(command: str, out: Path, lang: str) -> int | None:
    """Refuse an ``--out`` that names a file ("rapport.html") unless that folder exists: the
    command writes several files into a folder; None when ``out`` is fine."""
    if out.suffix.lower() in FILE_SUFFIXES and not out.is_dir():
        stem = command_word(display_path(out.with_suffix("")))  # pasted whole, spaces and all
        said = catalogue(lang).t("cli.out_is_a_folder", out=display_path(out), stem=stem)
        return _fail(command, said)
    return None


def _written(paths: list[Path]) -> None:
    for path in paths:
        print(display_path(path))


def run_report(args: argparse.Namespace, board_picture: BoardPicture | None = None) -> int:
    """Write the session report of one save (with board.png drawn by ``board_picture``); a bad save
    or an output folder that cannot be written is one Danish line on stderr, exit 2, and no
    file is left half-written."""
    try:
        saved = read_save(Path(args.save))
    except SaveError as error:
        return _fail("report", error.text(args.lang or "da"))
    lang = args.lang or saved.settings.lang
    refused = _out_is_a_file_name("report", Path(args.out), lang)
    if refused is not None:
        return refused
    # the save itself, named like one of the report's files in the folder, would be replaced
    # by it ("report spil/summary.json --out spil" lost the game)
    kept = saved.path.resolve()
    if any((Path(args.out) / name).resolve() == kept for name in REPORT_FILES):
        said = catalogue(lang).t("report.out_holds_save", save=display_path(saved.path))
        return _fail("report", said)
    other = _other_games_report(Path(args.out), saved, lang)
    if other is not None:
        suggestion = command_word(display_path(Path(args.out) / saved.path.stem))
        said = catalogue(lang).t(
            "report.other_game", folder=display_path(Path(args.out)), other=other, out=suggestion
        )
        return _fail("report", said)
    for note in other_versions(saved, wording="report"):  # a conflict copy may hold more
        print(f"{said_by('report')}: {render(note, lang)}", file=sys.stderr)
    try:
        paths = write_report(saved, Path(args.out), lang=lang, board_picture=board_picture)
    except WriteFailed as error:
        return _fail("report", error.text(lang))
    _written(paths)
    return EXIT_OK


def _other_games_report(out: Path, saved: SavedGame, lang: str) -> str | None:
    """The table (or seed) of the game whose report already lies in ``out`` when it is
    another game than ``saved``'s: a host writing eight tables' reports into one folder kept
    only the last. None when ``out`` holds no report, or one of the same game (written again
    as the game went on)."""
    summary = out / "summary.json"
    if not (out / "report.html").is_file() or not summary.is_file():
        return None
    try:
        there = json.loads(summary.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # not a report's summary: write_report says what it cannot write
    if not isinstance(there, dict):
        return None
    deck, scenario = there.get("deck"), there.get("scenario")
    same = (
        isinstance(deck, dict)
        and isinstance(scenario, dict)
        and deck.get("hash") == saved.deck.content_hash
        and scenario.get("id") == saved.settings.scenario
        and there.get("seed") == saved.settings.seed
        and (there.get("table") or "") == (saved.table or saved.settings.table).strip()
    )
    if same:
        return None
    table = there.get("table")
    if isinstance(table, str) and table.strip():
        return table.strip()
    return catalogue(lang).t("report.other_seed", seed=there.get("seed"))


def _nothing_compared(paths: list[Path], lang: str, left_out: int = 0) -> str:
    """Why a comparison has no table: no save at all in the folders named (nor in their
    subfolders, ``compare.SUBFOLDER_DEPTH`` levels down), every save read was left out
    (``left_out``: games the kiosk's robot played or without a decision – "ingen af de gemte
    spil kunne læses" sent the host looking for damaged files), or none could be read."""
    from game.report.compare import save_files
    from game.saves.files import display_path

    say = catalogue(lang).t
    if left_out:
        return say("compare.only_left_out." + ("one" if left_out == 1 else "many"), count=left_out)
    files, _ = save_files(paths)
    folders = [p for p in paths if p.is_dir()]
    if files:
        return say("compare.none_readable")
    if not folders:  # every path named is missing (said above) or no save: nothing was found
        return say("compare.nothing_found")
    return say("compare.no_saves", paths=", ".join(display_path(f) for f in folders))


def run_compare(args: argparse.Namespace) -> int:
    """Compare saves; unreadable ones are listed on stderr and skipped (exit 2 only when none
    could be read), and a file that holds a game already counted is named on stderr."""
    lang = args.lang or "da"
    refused = _out_is_a_file_name("compare", Path(args.out), lang)
    if refused is not None:
        return refused
    comparison = compare_saves([Path(p) for p in args.saves])
    say = catalogue(lang).t
    for problem in comparison.unreadable:
        print(
            f"{said_by('compare')}: {say('compare.skipped', line=problem.text(lang))}",
            file=sys.stderr,
        )
    for line in comparison.notices(lang):
        print(f"{said_by('compare')}: {say('compare.note', line=line)}", file=sys.stderr)
    if not comparison:
        left_out = len(comparison.robots) + len(comparison.unplayed)
        return _fail("compare", _nothing_compared([Path(p) for p in args.saves], lang, left_out))
    try:
        paths = write_comparison(comparison, Path(args.out), lang=args.lang)
    except WriteFailed as error:
        return _fail("compare", error.text(lang))
    _written(paths)
    return EXIT_OK
