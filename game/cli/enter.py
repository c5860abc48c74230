"""``raaderum enter``: a table that played on paper, entered from its sheet into a save that
the comparison and the report read as any other game.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from game.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    load_deck_named,
    one_line,
    reader_lang,
    save_problem,
    scenario_of,
    usage_error,
    warn_target,
)
from game.launcher import said_by
from game.messages import (
    catalogue,
    unit_words,
)
from game.numbers import format_amount, format_target

if TYPE_CHECKING:
    from game.saves.model import SaveInfo


def cmd_enter(args: argparse.Namespace) -> int:
    """Enter a paper table's game and write it as a save marked as a paper table."""
    from game.content.glyphs import drawable_name
    from game.numbers import format_against
    from game.saves import GameSettings, SaveError, write_save
    from game.saves.copies import table_key
    from game.saves.listing import replaced_seed
    from game.saves.model import PaperTable
    from game.saves.paper import (
        Extent,
        PaperError,
        by_title,
        drawn_factors,
        entered_history,
        entry_examples,
        entry_seed,
        likely_scenario,
        no_event,
        parse_entries,
        parse_factors,
        parse_stop,
        sheet_fits,
    )

    deck = load_deck_named(args.deck)
    scenario = scenario_of(deck, args.scenario)
    if args.out is None:
        # the window's save folder, where "Sammenlign borde" looks (a host's five paper tables
        # written to the current folder were missing from the comparison without a word), or
        # the folder given as play takes it
        from game.paths import saves_dir
        from game.saves import new_save_path

        folder = Path(args.save_dir) if args.save_dir is not None else saves_dir()
        if folder.exists() and not folder.is_dir():
            raise usage_error("cli.enter.save_dir_file", folder=args.save_dir)
        out = new_save_path(folder)
    else:
        out = Path(args.out)
        if out.is_dir():  # as report and compare take it: a file in it is meant
            from game.paths import command_word
            from game.saves.files import display_path

            raise usage_error(
                "cli.enter.out_folder",
                out=display_path(out),
                word=command_word(display_path(out)),  # pasted whole, spaces and all
                example=command_word(display_path(out / "bord-3.json")),
            )
        if out.suffix.lower() != ".json":
            raise usage_error("cli.json_suffix", out=args.out)

    def proposal_title(pid: str) -> str:
        return str(deck.proposal(pid).title)

    def event_title(eid: str) -> str:
        return str(deck.event(eid).title)

    warn_target(deck, scenario, args.target, reader_lang(args), "enter", refuse_unit=True)
    examples = entry_examples(deck, scenario)
    try:
        # a card or an event may be written by its title, a round by its budget year
        entries = parse_entries(
            [_nfc(e) for e in args.event], "--event", scenario.years, examples.event
        )
        entries = by_title(entries, scenario.events, event_title)
        quiet = {r for event, r in entries if no_event(event)}
        adopted = parse_entries(
            [_nfc(a) for a in args.adopt], "--adopt", scenario.years, examples.adopt
        )
        factors = parse_factors([_nfc(f) for f in args.factor], examples.factor)
        played = None if args.stopped_after is None else parse_stop(args.stopped_after, scenario)
        # as the window's name field keeps it: characters the screen cannot show left out
        name, dropped = drawable_name(" ".join(unicodedata.normalize("NFC", args.table).split()))
        if dropped:
            key = "cli.table_undrawable." + ("one" if dropped == 1 else "many")
            said = catalogue(reader_lang(args)).t(key, count=dropped, name=name)
            print(f"{said_by('enter')}: {said}", file=sys.stderr)
        table = PaperTable(
            table=name,
            adopted=tuple(by_title(adopted, scenario.proposals, proposal_title)),
            events=tuple((e, r) for e, r in entries if not no_event(e)),
            factors=tuple(by_title(factors, scenario.proposals, proposal_title)),
        )
        # the same sheet entered twice gives the same game, unless the host gives a seed; a
        # corrected sheet (--replace) keeps the dice of the entry it replaces
        seed = args.seed
        if seed is None and args.replace:
            seed = replaced_seed(_to_replace(args, out, table.table, scenario.title))
        if seed is None:
            seed = entry_seed(deck, scenario, table, args.target)
        settings = GameSettings(scenario.id, seed, args.target, reader_lang(args))
        extent = Extent(frozenset(quiet), played)
        history = entered_history(deck, settings, table, extent)
        # after the sheet: every problem in one go (--replace: the file is meant)
        if args.out is not None and out.exists() and not args.replace:
            raise usage_error("cli.exists", out=args.out)
    except PaperError as error:
        lang = reader_lang(args)
        fits = sheet_fits(deck, scenario, args.adopt, args.event)
        other = None if fits else likely_scenario(deck, scenario, args.adopt, args.event)
        # a sheet shorter than the scenario: a three-year sheet typed without --scenario
        # was told only to enter round 4, and saved as a four-year game
        short = any(m.key == "paper.err.no_event_blank" for m in error.said)
        if other is None and short and args.scenario is None:
            other = likely_scenario(deck, scenario, args.adopt, args.event, exact=True)
        if args.scenario is None and (other is not None or (short and len(deck.scenarios) > 1)):
            # the deck's first scenario was taken: perhaps the table played another one. Said
            # first: a host who followed the first line ("skriv --stopped-after 3") saved a
            # three-year sheet as a stopped four-year game
            said = catalogue(lang).t(
                "cli.enter.which_scenario" if other is not None else "cli.enter.first_scenario",
                id=scenario.id,
                title=scenario.title,
                known=", ".join(s.id for s in deck.scenarios),
                other=other or "",
            )
            print(f"{said_by('enter')}: {said}", file=sys.stderr)
        for problem in error.lines(lang):
            print(f"{said_by('enter')}: {one_line(problem, lang)}", file=sys.stderr)
        if args.out is not None and out.exists() and not args.replace:
            said = catalogue(lang).t("cli.exists", out=args.out)
            print(f"{said_by('enter')}: {said}", file=sys.stderr)
        return EXIT_BAD_INPUT
    from game.saves.listing import tables_named

    # a sheet typed in twice counts as two tables in the comparison: said before it is saved
    all_named = tables_named(out.parent, table.table, scenario.title)
    named = [i for i in all_named if i.path != out]
    replaced: Path | None = out if args.replace and args.out is not None and out.exists() else None
    if replaced is not None:
        # --replace takes the place of a paper table's save, never of another file (a
        # window's game, a file that is no save at all) named by mistake in --out
        from game.saves import read_save

        try:
            earlier = read_save(replaced)
        except SaveError:
            earlier = None
        if earlier is None or earlier.paper is None:
            raise usage_error("cli.enter.replace_not_paper", out=args.out)
        there = (earlier.table or earlier.settings.table).strip()
        if table_key(there) != table_key(table.table):
            # a slip in --out replaced another table's sheet, and the note named this table
            raise usage_error(
                "cli.enter.replace_other_table", out=args.out, there=there, table=table.table
            )
    if args.replace and args.out is None:
        # a corrected sheet takes the place of the table's earlier entry (a host who entered
        # it again got one table more: "Bord 2 (2, papir)", and every share out of nine)
        papers = [i.path for i in named if i.paper]
        if len(papers) > 1:
            from game.paths import command_word
            from game.saves.files import display_path

            # the whole path, pasted whole: a bare name wrote the corrected sheet into the
            # folder the host stood in, where "Sammenlign borde" never looked
            raise usage_error(
                "cli.enter.replace_which",
                table=table.table,
                files=", ".join(p.name for p in papers),
                example=command_word(display_path(papers[0])),
            )
        if papers:
            out = replaced = papers[0]
            named = [i for i in named if i.path != out]
    # each file: a sheet entered twice before is one game listed once, with its copy
    already = [p for i in named for p in (i.path, *i.copies) if p != out]
    # the same sheet typed in twice is one game in two files (counted once): the corrected
    # sheet takes the place of both, or the old one counted beside it as a second table
    doubles = _paper_copies(all_named, replaced) if replaced is not None else []
    try:
        write_save(out, deck, settings, history, paper=table)
    except SaveError as error:
        raise save_problem(error) from None
    removed = []
    for double in doubles:
        try:
            double.unlink()
            removed.append(double.name)
        except OSError:
            already.append(double)  # said below as a table of the same name
    if replaced is not None:
        said = catalogue(reader_lang(args)).t(
            "cli.enter.replaced" if not removed else "cli.enter.replaced_copies",
            table=table.table,
            file=replaced.name,
            copies=", ".join(removed),
        )
        print(f"{said_by('enter')}: {said}", file=sys.stderr)
    elif args.replace:
        said = catalogue(reader_lang(args)).t("cli.enter.replace_none", table=table.table)
        print(f"{said_by('enter')}: {said}", file=sys.stderr)
    if already:
        # a game played in the window under the name is no earlier entry of this sheet: the
        # note said "tæller … det én gang", and the comparison counted both
        on_screen = all(not i.paper for i in named if i.path in already)
        said = catalogue(reader_lang(args)).t(
            "cli.enter.name_taken_window" if on_screen else "cli.enter.name_taken",
            table=table.table,
            files=", ".join(p.name for p in already),
            out=out.name,
        )
        print(f"{said_by('enter')}: {said}", file=sys.stderr)
    from game.engine import raaderum, verdict

    state = history.current
    won = verdict(state).won
    totals = raaderum(state)
    lang = reader_lang(args)
    say = catalogue(lang).t
    begun = len(state.results) if not state.finished else scenario.rounds
    years = ", ".join(
        f"{year}: {format_against(v, t, lang) if i < begun else '–'}/{format_target(t, lang)}"
        for i, (year, v, t) in enumerate(zip(scenario.years, totals, state.targets))
    )
    if state.finished:
        result = say("cli.enter.won" if won else "cli.enter.lost")
    else:  # "--stopped-after": the table stopped, it is not "i gang"
        result = say("compare.stopped" if played is not None else "cli.enter.open")
    from game.engine.randomness import die_factors, on_die

    for card, factor in table.factors:  # a typo is not on the card's die
        proposal = deck.proposal(card)
        faces = die_factors(proposal.uncertainty, proposal.failure)
        if not on_die(factor, proposal.uncertainty, proposal.failure):
            # first, as a warning: at the end of four lines a host missed it
            shown = " · ".join(format_amount(face, lang) for face in faces)
            factor_text = format_amount(factor, lang, decimals=3)  # 1,04 is not the die's 1
            said = say("cli.enter.factor_off_die", card=card, factor=factor_text, faces=shown)
            print(f"{said_by('enter')}: {said}", file=sys.stderr)
        adoption = state.adoption(card)
        if adoption is not None and not adoption.revealed:
            # a factor the table never rolled: its first gain falls after the game (or after
            # the year the table stopped), and the save took it without a word
            last = scenario.years[begun - 1] if begun else scenario.years[0]
            factor_text = format_amount(factor, lang, decimals=3)
            said = say("cli.enter.factor_unrolled", card=card, factor=factor_text, year=last)
            print(f"{said_by('enter')}: {said}", file=sys.stderr)
    print(
        say(
            "cli.enter.saved",
            out=out,
            table=table.table,
            result=result,
            years=years,
            unit=unit_words(deck.unit, lang),
        )
    )
    if state.finished and not won:  # why, as the debrief says (lost on service, say)
        for reason in catalogue(lang).verdict_reasons(verdict(state)):
            print(f"  {reason}")
    drawn = [
        f"{card} {format_amount(factor, lang)}" for card, factor in drawn_factors(state, table)
    ]
    if drawn:
        print(say("cli.enter.drawn_factors", factors="; ".join(drawn), seed=seed))
    # after the result and its reasons, which belong together
    if args.scenario is None and len(deck.scenarios) > 1:  # saved under the first: said
        print(
            say(
                "cli.enter.first_scenario_saved",
                id=scenario.id,
                title=scenario.title,
                known=", ".join(s.id for s in deck.scenarios),
            )
        )
    return EXIT_OK


def _to_replace(
    args: argparse.Namespace, out: Path, table: str, scenario_title: str
) -> Path | None:
    """The save a corrected sheet (``--replace``) takes the place of, as ``cmd_enter`` finds
    it after the sheet is read: ``--out`` when it exists, else the one paper entry of the
    table's name in the folder (None when there is none or more than one: said later)."""
    if args.out is not None:
        return out if out.exists() else None
    from game.saves.listing import tables_named

    papers = [i.path for i in tables_named(out.parent, table, scenario_title) if i.paper]
    return papers[0] if len(papers) == 1 else None


def _paper_copies(entries: list[SaveInfo], replaced: Path) -> list[Path]:
    """The other files of the game saved in ``replaced`` (``SaveInfo.copies``: the same sheet
    entered again) that are paper tables' saves, never a window's game."""
    from game.saves import SaveError, read_save

    for info in entries:
        group = {info.path, *info.copies}
        if replaced in group:
            found = []
            for path in sorted(group - {replaced}):
                try:
                    if read_save(path).paper is not None:
                        found.append(path)
                except SaveError:
                    continue
            return found
    return []


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
