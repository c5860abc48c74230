"""The deck commands: ``validate``, ``schema``, ``scenarios``, ``template``, ``import``,
``export`` and ``print``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    deck_named,
    load_deck_named,
    new_workbook,
    one_line,
    printed_deck,
    reader_lang,
    scenario_of,
    usage_error,
    warn_target,
    writable,
    write_or_say,
)
from game.launcher import said_by
from game.messages import (
    Message,
    catalogue,
    unit_words,
)
from game.numbers import format_amount, format_target
from game.paths import command_word

if TYPE_CHECKING:
    from game.content import Problem
    from game.engine import Deck


def _count(number: int, one: str, many: str, lang: str) -> str:
    """ "1 forslag", "5.000 forslag" (the reader's thousands separator)."""
    return f"{format_amount(number, lang, 0)} {one if number == 1 else many}"


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate decks: a summary line per good deck, FILE:LINE: message per problem."""
    from game.content import DeckError, load_deck

    lang = reader_lang(args)
    status = EXIT_OK
    for path in args.paths:
        warnings: list[Problem] = []
        try:
            deck = load_deck(path, warnings, deep=True)
        except DeckError as error:
            for problem in sorted([*error.problems, *warnings], key=_by_place):
                print(problem.text(lang))
            status = EXIT_BAD_INPUT
            continue
        for warning in warnings:
            print(warning.text(lang))
        print(f"{path}: OK – {deck_summary(deck, lang)}")
    return status


def deck_summary(deck: Deck, lang: str = "da") -> str:
    """ "'Title': 36 forslag (12 besparelser, …) i 8 områder, 14 hændelser, 2 scenarier"."""
    from game.engine import Kind

    say = catalogue(lang).t

    def count(number: int, key: str) -> str:
        return _count(number, say(f"cli.count.{key}.one"), say(f"cli.count.{key}.many"), lang)

    counts = {k: sum(1 for p in deck.proposals if p.kind is k) for k in Kind}
    areas = len({p.area for p in deck.proposals})
    return say(
        "cli.summary",
        title=deck.title,
        proposals=count(len(deck.proposals), "proposal"),
        savings=count(counts[Kind.SAVING], "saving"),
        efficiencies=count(counts[Kind.EFFICIENCY], "efficiency"),
        investments=count(counts[Kind.INVESTMENT], "investment"),
        areas=count(areas, "area"),
        events=count(len(deck.events), "event"),
        scenarios=count(len(deck.scenarios), "scenario"),
    )


def cmd_template(args: argparse.Namespace) -> int:
    """Write the catalogue workbook a budget office fills in."""
    from game.catalogue import write_template

    path = new_workbook(args.out)
    write_or_say(path, lambda: write_template(path))
    say = catalogue(reader_lang(args)).t
    print(say("cli.template_written", path=path, word=command_word(path)))
    if reader_lang(args) != "da":
        # the workbook itself is Danish: said, not silently (an English office found out
        # only from the sheets)
        print(say("cli.template_danish"))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Turn a catalogue into a deck folder; every problem as FILE:SHEET!CELL: message."""
    from game.catalogue import CatalogueError, import_catalogue

    lang = reader_lang(args)
    try:
        imported = import_catalogue([Path(p) for p in args.paths], Path(args.out))
    except CatalogueError as error:
        for problem in error.lines(lang):
            # a cell is named as FILE:SHEET!C12 (or FILE:C12); a problem without one is
            # said by the command, like any other
            named = _CELL.match(problem) is not None
            said = problem if named else f"{said_by('import')}: {problem}"
            print(one_line(said, lang), file=sys.stderr)
        for warning in error.warnings:  # what else was found, so one round of fixes does it
            print(one_line(warning.text(lang), lang), file=sys.stderr)
        return EXIT_BAD_INPUT
    for warning in imported.warnings:
        print(one_line(warning.text(lang), lang))
    print(f"{args.out}: OK – {deck_summary(imported.deck, lang)}")
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    """Write the print-and-play document of a scenario as one self-contained HTML file."""
    from game.printing import document, page_count

    deck = load_deck_named(deck_named(args))
    scenario = scenario_of(deck, args.scenario)
    path = Path(args.out)
    if path.suffix.lower() not in (".html", ".htm"):
        raise usage_error("cli.html_suffix", out=args.out)
    lang = args.lang or (deck.language if deck.language in ("da", "en") else "da")
    if path.is_dir():
        raise usage_error("cli.is_folder", out=args.out, example="kort.html")
    writable(path)
    warn_target(deck, scenario, args.target, reader_lang(args), "print")
    from game.saves.files import check_not_empty, write_file

    text = document(deck, scenario, lang, args.target, printed_deck(deck_named(args)))
    html = text.encode("utf-8")
    write_or_say(
        path, lambda: write_file(path, html, check_not_empty, verb=Message.of("cli.not_written"))
    )
    pages = page_count(text)
    say = catalogue(lang).t
    print(say("cli.print_written", path=path, pages=pages, title=scenario.title))
    return EXIT_OK


_CELL = re.compile(r"^.+:([^:!]+!)?[A-Z]{1,3}[0-9]+(:[A-Z]{1,3}[0-9]+)?: ")
"""A catalogue problem that names its cell: "katalog.xlsx:Forslag!C12: …", "forslag.csv:E3: …"."""


def cmd_export(args: argparse.Namespace) -> int:
    """Write a deck as a catalogue workbook."""
    from game.catalogue import export_deck
    from game.paths import standard_deck

    paths = list(args.paths)
    out = args.out
    if out is None and paths and (len(paths) == 2 or paths[-1].lower().endswith(".xlsx")):
        out = paths.pop()
    if out is None or len(paths) > 1:
        raise usage_error("cli.export_usage")
    if paths and args.deck is not None and Path(paths[0]) != Path(args.deck):
        raise usage_error("cli.two_decks", first=paths[0], second=args.deck)
    deck = paths[0] if paths else args.deck
    path = new_workbook(out)
    write_or_say(path, lambda: export_deck(Path(deck) if deck else standard_deck(), path))
    print(catalogue(reader_lang(args)).t("cli.export_written", path=path))
    return EXIT_OK


def _by_place(problem: Problem) -> tuple[str, int]:
    return (problem.file, problem.line)


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of a deck file."""
    from game.content.schema import json_schema_text

    sys.stdout.write(json_schema_text(reader_lang(args)))
    return EXIT_OK


def cmd_scenarios(args: argparse.Namespace) -> int:
    """List a deck's scenarios."""

    deck = load_deck_named(deck_named(args))
    lang = reader_lang(args)
    say = catalogue(lang).t
    print(f"{deck.title}")
    for s in deck.scenarios:
        target = "/".join(format_target(t, lang) for t in s.target)
        first, last = s.years[0], s.years[-1]
        shown = f"{s.id:<16}"
        print(
            say(
                "cli.scenario_line",
                id=shown,
                title=s.title,
                first=first,
                last=last,
                target=target,
                unit=unit_words(deck.unit, lang),
            )
        )
    return EXIT_OK
