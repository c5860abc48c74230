"""``raaderum report SAVE --out DIR`` and ``raaderum compare SAVE… --out DIR``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.report.compare import compare_saves, write_comparison
from game.report.session import write_report
from game.saves import SaveError, read_save

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def _fail(command: str, message: str) -> int:
    print(f"raaderum {command}: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _written(paths: list[Path]) -> None:
    for path in paths:
        print(path)


def run_report(args: argparse.Namespace) -> int:
    """Write the session report of one save; a bad save is one line on stderr, exit 2."""
    try:
        saved = read_save(Path(args.save))
    except SaveError as error:
        return _fail("report", str(error))
    lang = args.lang or saved.settings.lang
    try:
        paths = write_report(saved, Path(args.out), lang=lang)
    except OSError as error:
        return _fail("report", f"{args.out}: kan ikke skrive rapporten ({error.strerror})")
    _written(paths)
    return EXIT_OK


def run_compare(args: argparse.Namespace) -> int:
    """Compare saves; unreadable ones are listed on stderr and skipped (exit 2 only when none
    could be read)."""
    comparison = compare_saves([Path(p) for p in args.saves])
    for problem in comparison.unreadable:
        print(f"raaderum compare: springer over: {problem.error}", file=sys.stderr)
    if not comparison:
        return _fail("compare", "ingen af de gemte spil kunne læses")
    try:
        paths = write_comparison(comparison, Path(args.out), lang=args.lang)
    except OSError as error:
        return _fail("compare", f"{args.out}: kan ikke skrive sammenligningen ({error.strerror})")
    _written(paths)
    return EXIT_OK
