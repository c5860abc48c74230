"""``raaderum play``: check the options, open the window, start or resume, run the loop."""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import sys
import unicodedata
from pathlib import Path

import pygame

from game.content import DeckError, load_deck
from game.content.glyphs import drawable_name
from game.engine import Deck
from game.launcher import said_by
from game.messages import Catalogue, render, target_refusal, unknown_scenario
from game.paths import saves_dir, standard_deck
from game.saves import (
    GameSettings,
    SaveError,
    counted_version,
    game_versions,
    list_saves,
    other_versions,
    read_save,
    scan_saves,
)
from game.saves.autosave import unsaved_message
from game.saves.preferences import Preferences, preferences_path, read_preferences
from game.ui.app import EXIT_BAD_INPUT, EXIT_NOT_SAVED, EXIT_OK, App, window_hints
from game.ui.autoplay import Autoplay
from game.ui.window import choose_display


def save_folder(args: argparse.Namespace) -> Path:
    """Where saves go: ``--save-dir`` itself, else the user data folder's ``saves``."""
    if getattr(args, "save_dir", None):
        return Path(args.save_dir)
    return saves_dir()


def _fail(message: str) -> int:
    print(f"{said_by('play')}: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def load_cli_deck(args: argparse.Namespace, command: str, lang: str | None = None) -> Deck | None:
    """The deck of ``--deck`` (or the standard deck) with ``--scenario`` checked; on a problem
    the FILE:LINE lines or one message go to stderr, in ``lang`` (else the ``--lang`` given,
    else Danish), and None is returned (exit code 2)."""
    lang = lang or getattr(args, "lang", None) or "da"
    deck_path = Path(args.deck) if getattr(args, "deck", None) else standard_deck()
    try:
        deck = load_deck(deck_path)
    except DeckError as error:
        for line in error.lines(lang):  # in English too ("YAML-syntaksfejl" in an English run)
            print(line, file=sys.stderr)
        return None
    if getattr(args, "scenario", None) is not None:
        try:
            deck.scenario(args.scenario)
        except KeyError:
            said = render(unknown_scenario(deck, args.scenario), lang)
            print(f"{said_by(command)}: {said}", file=sys.stderr)
            return None
    return deck


def display_available() -> bool:
    """Initialise the video system; False when there is no screen to show a window on.

    With no display SDL quietly falls back to its invisible "offscreen" (or "dummy") driver, and
    the game would run where nobody can see it; that counts as no display unless the user asked
    for such a driver with SDL_VIDEODRIVER (as tests and headless kiosks do).
    """
    window_hints()
    try:
        pygame.display.init()
    except pygame.error:
        return False
    invisible = pygame.display.get_driver() in ("offscreen", "dummy")
    return not invisible or bool(os.environ.get("SDL_VIDEODRIVER"))


def _remembered_deck(
    preferences: Preferences, lang: str
) -> tuple[Deck | None, tuple[str, list[str]] | None]:
    """The deck the last window chose on its start screen, when it opens: (deck, None); when
    it does not (a USB stick not plugged in, a deck since broken): (None, (its path, the
    problems found)); (None, None) when the standard deck was the last one."""
    if preferences.deck is None:
        return None, None
    if not Path(preferences.deck).exists():  # the stick is not in: said as such, no ":1"
        said = Catalogue(lang).t("start.remembered_deck_gone", path=preferences.deck)
        return None, (preferences.deck, [said])
    try:
        return load_deck(Path(preferences.deck)), None
    except DeckError as error:
        return None, (preferences.deck, error.lines(lang))
    except OSError as error:
        return None, (preferences.deck, [str(error)])


def play(args: argparse.Namespace) -> int:
    """Run the game window; returns the exit code. A window opened without ``--lang`` speaks
    the language the last window was switched to, and its start screen (without ``--deck``)
    offers the deck last chosen there (``game.saves.preferences``)."""
    preferences_file = preferences_path()
    preferences = read_preferences(preferences_file)
    lang = getattr(args, "lang", None) if getattr(args, "lang_given", False) else None
    lang = lang or preferences.lang
    strings = Catalogue(lang)
    folder = save_folder(args)
    resume = getattr(args, "resume", None)
    saved = None
    if resume is not None:
        if resume:
            path = Path(resume)
        else:
            found = list_saves(folder)
            if not found:
                finished = list_saves(folder, unfinished_only=False)
                return _fail(
                    strings.t("start.resume_all_finished" if finished else "start.resume_none")
                )
            path = found[0].path
        try:
            saved = read_save(path)
        except SaveError as error:
            return _fail(error.text(lang))
        deck: Deck = saved.deck
    else:
        loaded = load_cli_deck(args, "play", lang)
        if loaded is None:
            return EXIT_BAD_INPUT
        deck = loaded
        refused = target_refusal(deck, getattr(args, "target", None), lang)
        if refused is not None:
            return _fail(refused)
    autoplay = getattr(args, "autoplay", None)
    start_screen = saved is None and not (
        args.scenario is not None or args.target is not None or args.seed is not None or autoplay
    )
    deck_path = Path(args.deck) if getattr(args, "deck", None) else None
    table = unicodedata.normalize("NFC", getattr(args, "table", "") or "").strip()
    # as the window's name field keeps it: characters the screen cannot show left out
    table, dropped = drawable_name(table)
    if dropped:
        key = "cli.table_undrawable." + ("one" if dropped == 1 else "many")
        said = strings.t(key, count=dropped, name=table)
        print(f"{said_by('play')}: {said}", file=sys.stderr)
    remembered = None
    if start_screen and deck_path is None:
        last_deck, remembered = _remembered_deck(preferences, lang)
        if last_deck is not None and preferences.deck is not None:
            deck, deck_path = last_deck, Path(preferences.deck)
    size = args.size  # None: most of the desktop (game.ui.window.fitted_window_size)
    if not display_available():
        print(strings.t("no_display"), file=sys.stderr)
        return EXIT_BAD_INPUT
    display = int(getattr(args, "display", 0) or 0)
    count = pygame.display.get_num_displays()
    if display != choose_display(display, count):
        said = strings.t("error.display", display=display, last=max(0, count - 1))
        print(f"{said_by('play')}: {said}", file=sys.stderr)
    try:
        app = App(
            deck,
            lang=lang,
            size=size,
            fullscreen=bool(getattr(args, "fullscreen", False)),
            save_dir=folder,
            deck_path=deck_path,
            display=display,
            preferences=preferences_file,
        )
    except pygame.error:
        print(strings.t("no_display"), file=sys.stderr)
        return EXIT_BAD_INPUT
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 1_000_000)
    if saved is not None:
        settings = saved.settings
        # --lang wins over the save's language, and so does the language a window was last
        # switched to, as when the game is opened from the start screen's list (the same
        # game opened in Danish with --resume and in English from the list); a save is
        # opened in its own language only where no window ever chose one
        chosen = getattr(args, "lang_given", False) or preferences_file.is_file()
        if chosen and lang != settings.lang:
            settings = dataclasses.replace(settings, lang=lang)
        app.start_game(
            saved.deck,
            settings,
            saved.history,
            saved.path,
            saved.created,
            paper=saved.paper,
            clock=saved.clock,  # the round goes on with the time it had left
            drafts=saved.drafts,
            # a paper table's game is looked at, and its sheet corrected (``opening``)
            read_only=saved.paper is not None,
        )
        games = scan_saves(saved.path.parent).games  # read once for both questions
        notes = other_versions(saved, games=games)  # a cloud drive's copy may hold more
        for note in notes:
            print(f"{said_by('play')}: {render(note, lang)}", file=sys.stderr)
        versions = game_versions(saved, games)
        if versions:
            # the table chooses: the window went on in the newest file, while the comparison
            # counted the other (more decisions), and neither said which had how many
            rest = [n for n in notes if not n.key.startswith("listing.version.branch")]
            text = "\n".join(_sentence(app.say(note)) for note in rest)
            counted = counted_version([info.path for info in versions])
            app.push(
                "versions", shown=versions[0], others=versions[1:], notes=text, counted=counted
            )
        elif notes:
            # said until it is closed, whole: a notice was cut ("har 4. S…") and gone after
            # eight seconds, and the room played on in the older copy
            text = "\n".join(_sentence(app.say(note)) for note in notes)
            app.push("message", title=app.t("save.other_versions_title"), text=text)
        seed = saved.settings.seed
    elif not start_screen:
        settings = GameSettings(
            scenario=deck.scenario(args.scenario).id,
            seed=seed,
            target=args.target,
            lang=lang,
            timer_minutes=getattr(args, "timer", None),
            table=table,
            robot=autoplay or "",
        )
        app.start_game(deck, settings)
    else:
        app.push(
            "start",
            seed=seed,
            timer=getattr(args, "timer", None),
            remembered=remembered,
            table=table,
        )
    if autoplay:
        app.on_frame.append(
            Autoplay(app, autoplay, args.speed, seed, bool(getattr(args, "quit_at_end", False)))
        )
    try:
        code = app.run()
    finally:
        pygame.quit()
    saver = app.game.saver
    status = saver.status if saver is not None else None
    if code == EXIT_OK and status is not None and not status.ok:
        why = unsaved_message(status)
        said = strings.t("play.ended_unsaved", reason=render(why, lang) if why else "")
        print(f"{said_by('play')}: {said}", file=sys.stderr)
        return EXIT_NOT_SAVED
    return code


def headless() -> None:
    """Use SDL's dummy drivers when there is no display (screenshots, tests)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def _sentence(note: str) -> str:
    """A command line's note as a sentence of a dialog: without its "bemærk: " ("note: "),
    which the dialog's title says (it begins with a file's name, kept as it is written)."""
    for prefix in ("bemærk: ", "note: "):
        if note.startswith(prefix):
            return note[len(prefix) :]
    return note
