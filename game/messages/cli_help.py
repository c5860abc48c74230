"""The command line's help in Danish: ``raaderum --help`` and ``raaderum CMD --help``.

The help texts are written in English where the parser is built (``game.cli.parser``), next to the
options they describe; this table gives each its Danish wording, keyed by the English text,
and ``danish_help`` puts them in place. A test checks that every help text of every command
has a Danish wording here and that no wording is left over.
"""

from __future__ import annotations

import argparse

USAGE = "brug: "
"""argparse's "usage: "."""
POSITIONALS = "argumenter"
OPTIONALS = "tilvalg"

DANISH_HELP: dict[str, str] = {
    # argparse's own
    "show this help message and exit": "vis denne hjælp og stop",
    "show program's version number and exit": "vis programmets version og stop",
    # the program and its commands
    "Råderumsspillet – KL's budget game, digital edition.": (
        "Råderumsspillet – KL's budgetspil i en digital udgave."
    ),
    "language of every message (a command's own --lang wins)": (
        "sproget i alle meddelelser (en kommandos egen --lang går forud)"
    ),
    "start the game window": "start spillets vindue",
    "render a scene to a PNG without a window": "tegn et skærmbillede som PNG uden et vindue",
    "check decks; FILE:LINE: message per problem": "tjek dæk; FIL:LINJE: besked pr. fejl",
    "print the JSON Schema of a deck file": "skriv JSON-skemaet for en dækfil",
    "write the Excel catalogue to fill in (.xlsx)": "skriv Excel-kataloget til at udfylde (.xlsx)",
    "turn a catalogue (.xlsx, or .csv files) into a deck": (
        "lav et katalog (.xlsx eller .csv-filer) om til et dæk"
    ),
    "write the cards, board and sheets to print (HTML)": (
        "skriv kort, spillebræt og ark til at printe (HTML)"
    ),
    "write a deck as an Excel catalogue (.xlsx)": "skriv et dæk som Excel-katalog (.xlsx)",
    "list the scenarios of a deck": "vis et dæks scenarier",
    "let a bot play many games": "lad en robot spille mange spil",
    "multi-year effect of a set of proposals": "den flerårige effekt af en række forslag",
    "rebuild a saved game and print its state": "genskab et gemt spil, og vis dets stilling",
    "write the session report of a saved game": "skriv rapporten om et gemt spil",
    "enter what a paper table chose, as a saved game": (
        "tast et papirbords valg ind som et gemt spil"
    ),
    "compare the saves of several tables": "sammenlign flere bordes gemte spil",
    "play a deck with every strategy; what it teaches (report in Danish)": (
        "spil et dæk med alle strategier: hvad lærer det spillerne?"
    ),
    "measure speed and memory": "mål hastighed og hukommelse",
    # options
    "deck file or folder (default: the standard deck)": (
        "dækfil eller -mappe (udeladt: standarddækket)"
    ),
    "deck files or folders": "dækfiler eller -mapper",
    "scenario id (default: the first)": "scenariets id (udeladt: dækkets første scenarie)",
    "scenario id, once per scenario (default: every scenario of the deck)": (
        "scenariets id, én gang pr. scenarie (udeladt: alle dækkets scenarier)"
    ),
    "the facilitator's X: the last year's target in the deck's unit (e.g. 1200 or 47.5)": (
        "facilitatorens X: målet i spillets sidste år i dækkets enhed (fx 1.200 eller 47,5)"
    ),
    "random seed of the game": "spillets startværdi for tilfældigheden (seed)",
    "the deck, as the other commands take it (= DECK)": (
        "dækket, som de andre kommandoer tager det (= DÆK)"
    ),
    (
        "Start the game window on its start screen; --scenario, --target or --seed starts a "
        "game at once, without the start screen."
    ): (
        "Start spillets vindue på startskærmen; med --scenario, --target eller --seed begynder "
        "et spil med det samme, uden startskærmen."
    ),
    "language (default: da)": "sprog (udeladt: da)",
    "language (default: the one last chosen in the window, else da)": (
        "sprog (udeladt: det, der sidst blev valgt i vinduet, ellers da)"
    ),
    "window size, e.g. 1600x900": "vinduets størrelse, fx 1600x900",
    "start in fullscreen": "start i fuld skærm",
    "the display (screen) to open the window on, 0 = the first": (
        "den skærm, vinduet åbner på (0 = den første)"
    ),
    "let a bot play": "lad en robot spille",
    "bot decisions per second": "robottens beslutninger pr. sekund",
    "close after the debrief": "luk efter resultatskærmen",
    "continue the newest unfinished game, or FILE": ("fortsæt det nyeste ufærdige spil eller FIL"),
    "with --resume: when the game is open in another window, continue in a copy": (
        "med --resume: er spillet åbent i et andet vindue, så fortsæt i en kopi"
    ),
    "folder for saves (default: $RAADERUM_HOME/saves, else the user data folder)": (
        "mappen til gemte spil (udeladt: $RAADERUM_HOME/saves, ellers brugerens datamappe)"
    ),
    'the table\'s name in its save and the comparison ("Table 3"; at most 60 characters)': (
        "bordets navn i det gemte spil og i sammenligningen (»Bord 3«; højst 60 tegn)"
    ),
    "minutes per year (0 = none)": "minutter pr. år (0 = intet rundeur)",
    "PNG file to write": "PNG-filen, der skal skrives",
    "the workbook to write, e.g. catalogue.xlsx": "regnearket, der skal skrives, fx katalog.xlsx",
    "the deck, then the workbook to write": "dækket og derefter regnearket, der skal skrives",
    "one .xlsx workbook, or .csv files (one per sheet)": (
        "ét .xlsx-regneark eller .csv-filer (én pr. ark)"
    ),
    "the new deck folder": "mappen til det nye dæk",
    "the HTML file to write, e.g. cards.html": "HTML-filen, der skal skrives, fx kort.html",
    "every factor = 1 (exact sums)": "alle faktorer = 1 (præcise summer)",
    "a saved game (.json)": "et gemt spil (.json)",
    "folder to write into": "mappen, der skal skrives i",
    'the table\'s name, e.g. "Table 3" (at most 60 characters)': (
        "bordets navn, fx »Bord 3« (højst 60 tegn)"
    ),
    "an adopted proposal": "et vedtaget forslag",
    "a drawn event": "en trukket hændelse",
    "a hidden factor the table rolled (others are drawn from the seed)": (
        "en skjult faktor, bordet slog (de øvrige trækkes ud fra --seed)"
    ),
    "the deck, as validate and print take it (the same as --deck)": (
        "dækket, sådan som validate og print tager det (det samme som --deck)"
    ),
    "seed for the factors the table did not enter (default: from the entries)": (
        "startværdi (seed) for de faktorer, bordet ikke har tastet (standard: afledt af det "
        "indtastede, så samme ark giver samme spil)"
    ),
    (
        "a corrected sheet: replace the table's earlier entry (the paper table of the same "
        "name in the folder, or the --out file) instead of saving one more table"
    ): (
        "et rettet ark: erstat bordets tidligere indtastning (bordet på papir med samme navn i "
        "mappen, eller filen i --out) i stedet for at gemme ét bord mere"
    ),
    (
        "the last round (or budget year) the table finished, when it did not play them all: "
        "the game is saved as stopped there, and the report and the comparison leave the "
        "later years blank"
    ): (
        "den sidste runde (eller det sidste budgetår), bordet spillede færdig, hvis det ikke "
        "nåede dem alle: spillet gemmes som stoppet dér, og rapporten og sammenligningen "
        "lader de senere år stå tomme"
    ),
    (
        "a folder to write the table into under a new name, as play --save-dir does "
        "(the conference's folder of saves)"
    ): (
        "en mappe, bordet skrives i under et nyt navn, ligesom play --save-dir tager den "
        "(konferencens mappe med gemte spil)"
    ),
    (
        "the save file to write (.json); left out: a new file in the window's save folder, "
        "where the compare screen finds it"
    ): (
        "filen med det gemte spil, der skal skrives (.json); udeladt: en ny fil i vinduets "
        "mappe med gemte spil, hvor »Sammenlign borde« finder den"
    ),
    "save files or folders of saves": "gemte spil eller mapper med gemte spil",
    "games for the look-ahead one-sided strategies (slow; default: --games)": (
        "antal spil for de planlagte ensidige strategier (langsomt; udeladt: --games)"
    ),
    "processes (default: one per core)": "processer (udeladt: én pr. kerne)",
    "also write the tables as Markdown": "skriv også tabellerne som Markdown",
    "the screen to draw": "skærmbilledet, der skal tegnes",
    "the bot's strategy (default: greedy)": "robottens strategi (udeladt: greedy)",
    "games to play (default: 200)": "antal spil (udeladt: 200)",
    "random seed of the games (default: 0)": (
        "startværdi (seed) for spillenes tilfældighed (udeladt: 0)"
    ),
    "random seed of the draws (default: 0)": "startværdi (seed) for trækningerne (udeladt: 0)",
    "print JSON instead of the table": "skriv JSON i stedet for tabellen",
    (
        "a proposal (id or title) adopted in ROUND, 1-based, or in a budget year "
        "(skole-luk@2028; default: the first); give it once per proposal"
    ): (
        "et forslag (id eller titel), vedtaget i RUNDE (1, 2, …) eller i et budgetår "
        "(skole-luk@2028; udeladt: den første); skriv det én gang pr. forslag"
    ),
    "draws of chance (default: 20,000)": "antal trækninger af tilfældigheden (udeladt: 20.000)",
    "language (default: the game's)": "sprog (udeladt: spillets)",
    "language (default: the deck's)": "sprog (udeladt: dækkets)",
    "games per scenario and strategy (default: 2,000; 200 gives a quick first look)": (
        "spil pr. scenarie og strategi (udeladt: 2.000; 200 giver et hurtigt første overblik)"
    ),
    "the same as --deck": "det samme som --deck",
    "a quick run (fewer repeats)": "en hurtig kørsel (færre gentagelser)",
}


METAVARS = {
    "DECK": "DÆK",
    "CATALOGUE": "KATALOG",
    "SAVE": "GEMT_SPIL",
    "FILE": "FIL",
    "ID[@ROUND]": "ID[@RUNDE]",
    "ID@ROUND": "ID@RUNDE",
    "ROUND": "RUNDE",
    "ID=FACTOR": "ID=FAKTOR",
}
"""The English placeholders given in ``game.cli.parser``, in Danish (they name a missing argument
too: "mangler DÆK")."""
DEST_METAVARS = {
    "deck": "DÆK",
    "scenario": "SCENARIE",
    "seed": "SEED",
    "size": "STØRRELSE",
    "display": "NR",
    "speed": "ANTAL",
    "save_dir": "MAPPE",
    "table": "NAVN",
    "timer": "MINUTTER",
    "games": "ANTAL",
    "samples": "ANTAL",
    "workers": "ANTAL",
}
"""Placeholders for options that name none: argparse would show the option's name in
capitals ("--save-dir SAVE_DIR")."""
FOLDER_OUT = frozenset({"import", "report", "compare"})
"""Commands whose ``--out`` is a folder (the others' is a file)."""


def _danish_metavar(action: argparse.Action, command: str) -> None:
    if action.nargs == 0 or action.choices is not None:
        return
    if isinstance(action.metavar, str):
        action.metavar = METAVARS.get(action.metavar, action.metavar)
    elif not action.option_strings:
        return  # a positional without a placeholder of its own
    elif action.dest == "out":
        action.metavar = "MAPPE" if command in FOLDER_OUT else "FIL"
    elif action.dest in DEST_METAVARS:
        action.metavar = DEST_METAVARS[action.dest]


def help_texts(parser: argparse.ArgumentParser) -> list[str]:
    """Every help text and description of ``parser`` and its commands, in order."""
    texts = [parser.description] if parser.description else []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            texts += [choice.help for choice in action._choices_actions if choice.help]
            for command in action.choices.values():
                texts += help_texts(command)
        elif action.help and action.help != argparse.SUPPRESS:
            texts.append(action.help)
    return texts


def danish_help(parser: argparse.ArgumentParser, command: str = "") -> None:
    """Word ``parser``'s help, and its commands', in Danish (in place): the description, every
    option's and command's help, the placeholders ("--out FIL") and the headings. A text
    without a Danish wording stays as it is (the test of this module finds it)."""
    parser._positionals.title = POSITIONALS
    parser._optionals.title = OPTIONALS
    if parser.description:
        parser.description = DANISH_HELP.get(parser.description, parser.description)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.help:
                    choice.help = DANISH_HELP.get(choice.help, choice.help)
            for name, sub in action.choices.items():
                danish_help(sub, name)
        else:
            _danish_metavar(action, command)
            if action.help and action.help != argparse.SUPPRESS:
                action.help = DANISH_HELP.get(action.help, action.help)
