"""The argument parser of ``raaderum`` (``build_parser``): its subcommands and options, with
argparse's own words and every number option read the Danish or the English way.
"""

from __future__ import annotations

import argparse
import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from game.cli.common import EXIT_BAD_INPUT, LANGS, UsageError, one_line, usage_error
from game.launcher import launcher
from game.messages import (
    catalogue,
)
from game.numbers import AmountError, format_amount, parse_amount

_ARGPARSE_DANISH: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.DOTALL), m)
    for p, m in (
        (r"^argument command: invalid choice: (.*) \(choose from (.*)\)$", r"ukendt kommando \1"),
        (r"^the following arguments are required: (.*)$", r"mangler \1"),
        (
            r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$",
            r"\1: \2 er ikke et af valgene \3",
        ),
        (r"^argument (\S+): expected one argument$", r"\1 mangler en værdi"),
        (r"^argument (\S+): expected at least one argument$", r"\1 mangler mindst én værdi"),
        (r"^argument (\S+): expected at most one argument$", r"\1 tager højst én værdi"),
        (r"^argument (\S+): ignored explicit argument (.*)$", r"\1 tager ingen værdi (fik \2)"),
        (r"^argument (\S+): invalid \S+ value: (.*)$", r"\1: ugyldig værdi \2"),
        (r"^argument (\S+): not allowed with argument (.*)$", r"\1 kan ikke bruges med \2"),
        (r"^unrecognized arguments: (.*)$", r"ukendte argumenter: \1"),
        (r"^ambiguous option: (\S+) could match (.*)$", r"\1 er tvetydigt: det kan være \2"),
        (r"^argument (\S+): (.*)$", r"\1: \2"),
    )
]
"""argparse's messages (Python 3.10–3.13) in Danish; anything else is shown as it is."""


class _DanishFormatter(argparse.HelpFormatter):
    """argparse's help layout with "brug:" for "usage:" (the rest is worded by
    ``game.messages.cli_help.danish_help``)."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        from game.messages.cli_help import USAGE

        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class DanishParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line in the reader's language (``lang``):
    "raaderum play: … (se raaderum play --help)"; argparse's own English in English."""

    def __init__(self, *args: Any, lang: str = "da", **kwargs: Any) -> None:
        if lang == "da":
            kwargs.setdefault("formatter_class", _DanishFormatter)
        super().__init__(*args, **kwargs)
        self.lang = lang

    def error(self, message: str) -> NoReturn:
        if self.lang == "da":
            for pattern, danish in _ARGPARSE_DANISH:
                if pattern.match(message):
                    message = pattern.sub(danish, message)
                    break
        hint = catalogue(self.lang).t("cli.see_help", prog=self.prog)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {one_line(message, self.lang)} {hint}\n")


def _size(text: str, lang: str = "da") -> tuple[int, int]:
    say = catalogue(lang).t
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(say("cli.size_form", text=text)) from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(say("cli.size_range"))
    return width, height


def number_type(
    low: float, high: float, *, what: str = "cli.the_value", whole: bool = False, lang: str = "da"
) -> Callable[[str], float | int]:
    """An argparse type that accepts a finite number between ``low`` and ``high``, written the
    Danish way or the English way (``game.numbers.parse_amount``); its errors in ``lang``.
    ``what`` is the message key of what the number is ("antallet af minutter"); argparse
    names the option before it ("--seed: værdien skal være …")."""
    say = catalogue(lang).t

    def parse(text: str) -> float | int:
        value: float | int
        try:
            value = int(text.strip()) if whole else _either_way(text, lang)
        except ValueError:
            number = _either_way(text, lang, whole=whole)
            if not number.is_integer() or abs(number) > 2**53:
                raise argparse.ArgumentTypeError(say("cli.whole", text=text)) from None
            value = int(number)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                say(
                    "cli.between",
                    what=say(what),
                    low=_bound(low, whole, lang),
                    high=_bound(high, whole, lang),
                )
            )
        return value

    return parse


def _either_way(text: str, lang: str, *, whole: bool = False) -> float:
    """A number written the Danish way or the English way (``parse_amount``), read as the
    reader's language reads it when it can be read that way; raises
    ``argparse.ArgumentTypeError`` in ``lang`` when it is no number, or, for an English
    reader, when the two ways read it differently: "1,000" is 1 to a Danish reader and 1000
    to an English one, and ``--lang en simulate --games 1,000`` played one game (as
    ``--target`` does, ``target_amount``; a Danish reader's 1.000 is 1000, as the help writes
    it). A whole number (``whole``: a count or a seed) with a decimal comma that the two ways
    read differently is refused for a Danish reader too: nobody writes 1 as "1,000", and
    ``simulate --games 1,000`` played one game."""
    readings: dict[str, float] = {}
    failed: AmountError | None = None
    for way in (lang, "en" if lang == "da" else "da"):
        try:
            readings[way] = parse_amount(text, way)
        except AmountError as error:
            failed = failed or error
    if not readings:
        assert failed is not None
        if failed.kind == "unit":  # a count, a seed or minutes have no unit to convert to
            failed = AmountError(failed.text, "", "extra")
        raise argparse.ArgumentTypeError(failed.in_language(lang))
    ambiguous = lang != "da" or (whole and "," in text)
    if ambiguous and len(set(readings.values())) > 1:
        raise argparse.ArgumentTypeError(
            catalogue(lang).t(
                "cli.number_two_ways_whole" if whole else "cli.number_two_ways",
                text=text.strip(),
                english=f"{readings['en']:.15g}",
                danish=f"{readings['da']:.15g}",
            )
        )
    return next(iter(readings.values()))


def _bound(value: float, whole: bool, lang: str) -> str:
    """A limit of ``number_type`` as the reader writes it; a whole one exactly (2**63 − 1 is
    "9.223.372.036.854.775.807": as a float it became …808, a number itself refused)."""
    if not whole:
        return format_amount(value, lang)
    text = f"{int(value):,}"
    return text.replace(",", ".") if lang == "da" else text


def _timer(text: str, lang: str = "da") -> float | None:
    """Minutes per year: 0 means no timer, otherwise 0.1 to 600 (``MIN_TIMER_MINUTES``,
    ``MAX_TIMER_MINUTES``)."""
    from game.saves.document import MAX_TIMER_MINUTES, MIN_TIMER_MINUTES

    if text.strip() in ("0", "0.0", "0,0"):
        return None
    check = number_type(MIN_TIMER_MINUTES, MAX_TIMER_MINUTES, what="cli.timer_option", lang=lang)
    value: float = check(text)
    return value


def _table_name(text: str, lang: str = "da") -> str:
    """A table's name as the window keeps it (NFC, one space between words), at most
    ``MAX_TABLE_NAME`` characters: a longer one was accepted, and every save of the game then
    failed, so the workshop's game was never kept."""
    from game.saves.paper import MAX_TABLE_NAME

    name = " ".join(unicodedata.normalize("NFC", text).split())
    if not name:  # "--table ''" opened the window, where every other empty name is refused
        raise argparse.ArgumentTypeError(catalogue(lang).t("cli.empty_table"))
    if len(name) > MAX_TABLE_NAME:
        raise argparse.ArgumentTypeError(
            catalogue(lang).t("paper.err.long_name", most=MAX_TABLE_NAME)
        )
    return name


def target_amount(text: str, lang: str = "da") -> float:
    """The facilitator's X from the command line, read like the start screen reads it
    (``game.numbers.parse_amount``: 1.200 is 1200 in Danish, 47,5 is 47,5); raises
    ``UsageError`` with a message in ``lang``."""
    try:
        value = parse_amount(text, lang)
    except AmountError as error:
        if error.kind == "unit":  # "28 mio.": the deck, and so its unit, is not read yet
            raise usage_error("cli.target_unit", text=text.strip()) from None
        raise UsageError(f"--target: {error}") from None
    if lang != "da":
        # "1.200" is 1.2 to an English reader and 1200 to a Danish one, and the Danish help
        # writes 1.200 for 1200: a host printing an English copy got a target of 1.2
        try:
            danish = parse_amount(text, "da")
        except AmountError:
            danish = value
        if danish != value:
            raise usage_error(
                "cli.target_two_ways",
                text=text.strip(),
                english=f"{value:.15g}",  # plain digits: no separator to misread again
                danish=f"{danish:.15g}",
            )
    if value < 0:  # the upper limit follows the deck's unit: ``warn_target``
        raise usage_error("cli.target_negative")
    return value


def _add_deck(
    parser: argparse.ArgumentParser,
    scenario_help: str = "scenario id (default: the first)",
    *,
    several: bool = False,
) -> None:
    """``--deck`` (or the deck as its first argument, as validate and print take it: a budget
    office wrote "raaderum balance vores-dæk" and was told of an unknown argument) and
    ``--scenario`` (given once, or with ``several`` as often as wanted)."""
    parser.add_argument(
        "deck_path", nargs="?", default=None, metavar="DECK", help="the same as --deck"
    )
    parser.add_argument("--deck", help="deck file or folder (default: the standard deck)")
    parser.add_argument("--scenario", help=scenario_help, action="append" if several else "store")


TARGET_HELP = "the facilitator's X: the last year's target in the deck's unit (e.g. 1200 or 47.5)"
SEED_HELP = "random seed of the games (default: 0)"
PLAY_DESCRIPTION = (
    "Start the game window on its start screen; --scenario, --target or --seed starts a game "
    "at once, without the start screen."
)


def _add_game_options(
    parser: argparse.ArgumentParser, lang: str = "da", *, remembered: bool = False
) -> None:
    """The deck, target, seed, language and size of a game; ``remembered``: the window takes
    the language last chosen in it when --lang is left out (``play``)."""
    _add_deck(parser)
    parser.add_argument("--target", metavar="X", help=TARGET_HELP)
    seed = number_type(0, 2**63 - 1, whole=True, lang=lang)  # rules.MAX_SEED
    parser.add_argument("--seed", type=seed, default=None, help="random seed of the game")
    parser.add_argument(
        "--lang",
        choices=LANGS,
        type=_language,
        default=None,
        help="language (default: the one last chosen in the window, else da)"
        if remembered
        else "language (default: da)",
    )
    size = functools.partial(_size, lang=lang)
    parser.add_argument("--size", type=size, default=None, help="window size, e.g. 1600x900")


def _language(text: str) -> str:
    """A ``--lang`` value as the choices write it: "EN" and "Da" are "en" and "da" (an
    English user's "--lang EN" was refused in Danish)."""
    return text.strip().lower()


_JOINED = {"--factor": "=", "--adopt": "@", "--event": "@"}
"""The options whose value is two parts joined by a sign (``ID=FACTOR``, ``ID@ROUND``)."""


def joined_entries(given: Sequence[str]) -> list[str]:
    """``given`` with the value of each ``--factor``/``--adopt``/``--event`` typed with spaces
    around its sign put together again: ``--factor R307 = 0,8`` and ``--factor R307 =0,8``
    (the paper sheet prints "id = faktor") are ``--factor R307=0,8``; argparse took "=0,8"
    as the deck's path ("=0,8:1: findes ikke")."""
    found: list[str] = []
    index = 0
    while index < len(given):
        token = given[index]
        found.append(token)
        index += 1
        sign = _JOINED.get(token)
        if sign is None or index >= len(given):
            continue
        value = given[index]
        index += 1
        while (
            index < len(given)
            and not given[index].startswith("--")
            and (value.endswith(sign) or given[index].startswith(sign))
        ):
            value += given[index]
            index += 1
        found.append(value)
    return found


def parse_args(parser: argparse.ArgumentParser, given: list[str]) -> argparse.Namespace:
    """``parser.parse_args(given)``, but an unknown option after a command is refused by that
    command ("raaderum play: ukendte argumenter: --x (se raaderum play --help)"; argparse
    said "raaderum: …" and pointed to the top-level help)."""
    args, extra = parser.parse_known_args(given)
    if extra:
        commands = next(
            (a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None
        )
        named = commands.choices.get(args.command) if commands and args.command else None
        (named or parser).error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def build_parser(lang: str = "da") -> argparse.ArgumentParser:
    """The argument parser of every subcommand; its help and errors are worded in ``lang``."""
    parser = DanishParser(
        prog=launcher(),  # "sh start.sh" in the offline bundle, which has no raaderum command
        description="Råderumsspillet – KL's budget game, digital edition.",
        lang=lang,
    )
    from game import __version__

    parser.add_argument("--version", action="version", version=f"raaderum {__version__}")
    parser.add_argument(
        "--lang",
        dest="top_lang",
        choices=LANGS,
        type=_language,
        default=None,
        help="language of every message (a command's own --lang wins)",
    )
    sub = parser.add_subparsers(  # type: ignore[call-overload]  # argparse only calls it
        dest="command", parser_class=functools.partial(DanishParser, lang=lang)
    )
    seed = number_type(0, 2**63 - 1, whole=True, lang=lang)  # rules.MAX_SEED

    play = sub.add_parser(
        "play",
        help="start the game window",
        description=PLAY_DESCRIPTION,
    )
    _add_game_options(play, lang, remembered=True)
    play.add_argument("--fullscreen", action="store_true", help="start in fullscreen")
    play.add_argument(
        "--display",
        type=number_type(0, 63, whole=True, lang=lang),
        default=0,
        help="the display (screen) to open the window on, 0 = the first",
    )
    play.add_argument("--autoplay", choices=("random", "greedy", "planner"), help="let a bot play")
    play.add_argument(
        "--speed",
        type=number_type(0.01, 10_000, lang=lang),
        default=2.0,
        help="bot decisions per second",
    )
    play.add_argument("--quit-at-end", action="store_true", help="close after the debrief")
    play.add_argument(
        "--resume",
        nargs="?",
        const="",
        default=None,
        metavar="FILE",
        help="continue the newest unfinished game, or FILE",
    )
    play.add_argument(
        "--as-copy",
        action="store_true",
        help="with --resume: when the game is open in another window, continue in a copy",
    )
    play.add_argument(
        "--save-dir",
        help="folder for saves (default: $RAADERUM_HOME/saves, else the user data folder)",
    )
    play.add_argument(
        "--table",
        type=functools.partial(_table_name, lang=lang),
        default=None,  # not "": argparse runs a text default through the type, which refuses it
        help='the table\'s name in its save and the comparison ("Table 3"; at most 60 characters)',
    )
    timer = functools.partial(_timer, lang=lang)
    play.add_argument("--timer", type=timer, default=None, help="minutes per year (0 = none)")

    shot = sub.add_parser("screenshot", help="render a scene to a PNG without a window")
    _add_game_options(shot, lang)
    shot.add_argument(
        "--scene",
        required=True,
        choices=("start", "board", "card", "year", "debrief", "help", "compare", "note"),
        help="the screen to draw",
    )
    shot.add_argument("--out", required=True, help="PNG file to write")

    validate = sub.add_parser("validate", help="check decks; FILE:LINE: message per problem")
    validate.add_argument("paths", nargs="+", metavar="DECK", help="deck files or folders")

    sub.add_parser("schema", help="print the JSON Schema of a deck file")

    template = sub.add_parser("template", help="write the Excel catalogue to fill in (.xlsx)")
    template.add_argument("out", metavar="FILE", help="the workbook to write, e.g. catalogue.xlsx")

    imp = sub.add_parser("import", help="turn a catalogue (.xlsx, or .csv files) into a deck")
    imp.add_argument(
        "paths",
        nargs="+",
        metavar="CATALOGUE",
        help="one .xlsx workbook, or .csv files (one per sheet)",
    )
    imp.add_argument("--out", required=True, help="the new deck folder")

    printing = sub.add_parser("print", help="write the cards, board and sheets to print (HTML)")
    printing.add_argument(
        "deck_path",
        nargs="?",
        default=None,
        metavar="DECK",
        help="deck file or folder (default: the standard deck)",
    )
    # as balance, play, enter and the others take it (a consultant wrote print --deck)
    printing.add_argument("--deck", help="the deck, as the other commands take it (= DECK)")
    printing.add_argument("--scenario", help="scenario id (default: the first)")
    printing.add_argument("--out", required=True, help="the HTML file to write, e.g. cards.html")
    printing.add_argument("--target", metavar="X", default=None, help=TARGET_HELP)
    printing.add_argument(
        "--lang", choices=LANGS, type=_language, default=None, help="language (default: the deck's)"
    )

    export = sub.add_parser("export", help="write a deck as an Excel catalogue (.xlsx)")
    # "export DECK FILE" as before, or as print takes it: "export [DECK] --out FILE" (every
    # other command took the standard deck when none was named; export said "mangler FIL")
    export.add_argument(
        "paths", nargs="*", metavar="DECK", help="the deck, then the workbook to write"
    )
    export.add_argument("--deck", help="deck file or folder (default: the standard deck)")
    export.add_argument("--out", help="the workbook to write, e.g. catalogue.xlsx")

    scen = sub.add_parser("scenarios", help="list the scenarios of a deck")
    scen.add_argument("--deck", help="deck file or folder (default: the standard deck)")
    scen.add_argument(
        "deck_path",
        nargs="?",
        metavar="DECK",
        help="the deck, as validate and print take it (the same as --deck)",
    )

    sim = sub.add_parser("simulate", help="let a bot play many games")
    _add_deck(sim)
    sim.add_argument(
        "--policy",
        choices=("random", "greedy", "savings-first", "no-investment", "invest-first"),
        default="greedy",
        help="the bot's strategy (default: greedy)",
    )
    sim.add_argument(
        "--games",
        type=number_type(1, 1_000_000, whole=True, lang=lang),
        default=200,
        help="games to play (default: 200)",
    )
    sim.add_argument("--seed", type=seed, default=0, help=SEED_HELP)
    sim.add_argument("--target", metavar="X", default=None, help=TARGET_HELP)
    sim.add_argument("--json", action="store_true", help="print JSON instead of the table")

    fc = sub.add_parser("forecast", help="multi-year effect of a set of proposals")
    _add_deck(fc)
    fc.add_argument(
        "--adopt",
        action="append",
        default=[],
        metavar="ID[@ROUND]",
        required=True,
        help=(
            "a proposal (id or title) adopted in ROUND, 1-based, or in a budget year "
            "(skole-luk@2028; default: the first); give it once per proposal"
        ),
    )
    fc.add_argument("--certain", action="store_true", help="every factor = 1 (exact sums)")
    fc.add_argument(
        "--samples",
        type=number_type(1, 5_000_000, whole=True, lang=lang),
        default=20_000,
        help="draws of chance (default: 20,000)",
    )
    fc.add_argument("--seed", type=seed, default=0, help="random seed of the draws (default: 0)")
    fc.add_argument("--target", metavar="X", default=None, help=TARGET_HELP)
    fc.add_argument("--json", action="store_true", help="print JSON instead of the table")

    rep = sub.add_parser("replay", help="rebuild a saved game and print its state")
    rep.add_argument("save", metavar="SAVE", help="a saved game (.json)")
    rep.add_argument("--json", action="store_true", help="print JSON instead of the table")

    report = sub.add_parser("report", help="write the session report of a saved game")
    report.add_argument("save", metavar="SAVE", help="a saved game (.json)")
    report.add_argument("--out", required=True, help="folder to write into")
    report.add_argument(
        "--lang", choices=LANGS, type=_language, default=None, help="language (default: the game's)"
    )

    enter = sub.add_parser("enter", help="enter what a paper table chose, as a saved game")
    _add_deck(enter)
    enter.add_argument(
        "--table", required=True, help='the table\'s name, e.g. "Table 3" (at most 60 characters)'
    )
    enter.add_argument(
        "--adopt", action="append", default=[], metavar="ID@ROUND", help="an adopted proposal"
    )
    enter.add_argument(
        "--event", action="append", default=[], metavar="ID@ROUND", help="a drawn event"
    )
    enter.add_argument(
        "--factor",
        action="append",
        default=[],
        metavar="ID=FACTOR",
        help="a hidden factor the table rolled (others are drawn from the seed)",
    )
    enter.add_argument(
        "--seed",
        type=seed,
        default=None,
        help="seed for the factors the table did not enter (default: from the entries)",
    )
    enter.add_argument("--target", metavar="X", default=None, help=TARGET_HELP)
    enter.add_argument(
        "--stopped-after",
        metavar="ROUND",
        default=None,
        help="the last round (or budget year) the table finished, when it did not play them "
        "all: the game is saved as stopped there, and the report and the comparison leave the "
        "later years blank",
    )
    enter.add_argument(
        "--replace",
        action="store_true",
        help="a corrected sheet: replace the table's earlier entry (the paper table of the same "
        "name in the folder, or the --out file) instead of saving one more table",
    )
    written = enter.add_mutually_exclusive_group()
    written.add_argument(
        "--out",
        help="the save file to write (.json); left out: a new file in the window's save "
        "folder, where the compare screen finds it",
    )
    written.add_argument(
        "--save-dir",
        help="a folder to write the table into under a new name, as play --save-dir does "
        "(the conference's folder of saves)",
    )

    compare = sub.add_parser("compare", help="compare the saves of several tables")
    compare.add_argument(
        "saves",
        nargs="+",
        metavar="SAVE",
        help="save files or folders of saves",
    )
    compare.add_argument("--out", required=True, help="folder to write into")
    compare.add_argument(
        "--lang", choices=LANGS, type=_language, default=None, help=f"language (default: {lang})"
    )

    balance = sub.add_parser(
        "balance", help="play a deck with every strategy; what it teaches (report in Danish)"
    )
    _add_deck(
        balance,
        scenario_help="scenario id, once per scenario (default: every scenario of the deck)",
        several=True,
    )
    balance.add_argument(
        "--games",
        type=number_type(1, 100_000, whole=True, lang=lang),
        default=2_000,
        help="games per scenario and strategy (default: 2,000; 200 gives a quick first look)",
    )
    balance.add_argument(
        "--one-sided-games",
        type=number_type(1, 100_000, whole=True, lang=lang),
        default=None,
        metavar="N",
        help="games for the look-ahead one-sided strategies (slow; default: --games)",
    )
    balance.add_argument("--seed", type=seed, default=0, help=SEED_HELP)
    balance.add_argument(
        "--workers",
        type=number_type(1, 256, whole=True, lang=lang),
        default=None,
        help="processes (default: one per core)",
    )
    balance.add_argument("--json", action="store_true", help="print JSON instead of the table")
    balance.add_argument("--markdown", metavar="FILE", help="also write the tables as Markdown")

    bench = sub.add_parser("bench", help="measure speed and memory")
    bench.add_argument("--quick", action="store_true", help="a quick run (fewer repeats)")
    bench.add_argument("--json", action="store_true", help="print JSON instead of the table")
    # "raaderum validate --lang en" as well as "raaderum --lang en validate"
    for command in sub.choices.values():
        if "--lang" not in command._option_string_actions:
            command.add_argument(
                "--lang",
                choices=LANGS,
                type=_language,
                default=None,
                help=f"language (default: {lang})",
            )
    if lang == "da":
        from game.messages.cli_help import danish_help

        danish_help(parser)
    return parser
