"""What the start screen draws besides its fields: the scenarios, the chosen one's briefing
(or the loaded deck's problems), and the choice of another save folder when its own cannot be
used (the saved games are ``game.ui.savelist``)."""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path, PureWindowsPath
from typing import Any

import pygame

from game.engine import Deck, Scenario, scaled_targets, target_far
from game.numbers import format_amount, format_moment, format_target
from game.ui import theme
from game.ui.draw import button, panel
from game.ui.layout_screens import StartLayout
from game.ui.pages import line_height
from game.ui.scene import Host
from game.ui.stepper import draw_stepper
from game.ui.textfield import TextField
from game.ui.theme import BODY, FONT_BOLD, HEADING, TINY, TITLE, Scale, TextStyle


def format_time(iso: str, lang: str, *, seconds: bool = False, year: bool = True) -> str:
    """An ISO 8601 time as the people in the room write it: "26.11.2026 kl. 09:41" (with
    ``seconds``: "kl. 09:41:07"; without ``year``: "26.11. kl. 09:41")."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso[: 19 if seconds else 16].replace("T", " ")
    return format_moment(moment, lang, seconds=seconds, year=year)


def draw_scenarios(
    app: Host,
    surface: pygame.Surface,
    layout: StartLayout,
    scenarios: tuple[Scenario, ...],
    chosen_index: int,
) -> None:
    """The scenarios to choose from, the chosen one filled with the accent colour."""
    text, scale = app.text, app.scale
    for i, (rect, scenario) in enumerate(zip(layout.scenarios, scenarios)):
        chosen = i == chosen_index
        panel(
            surface,
            rect,
            scale.radius,
            theme.ACCENT if chosen else theme.CARD,
            shadow=False,
            border=None if chosen else theme.FAINT,
            width=1,
        )
        ink = theme.HEADER_INK if chosen else theme.INK
        years = years_text(app, scenario)
        inner = rect.inflate(-2 * scale.gap, 0)
        text.draw(surface, scenario.title, inner, BODY.bold().ink(ink).middle().lines(1).shrink())
        width = text.width(years, scale.min_text)
        if inner.width > width * 2.4:
            text.draw(surface, years, inner, TINY.ink(ink).right().middle().lines(1))


def folder_rects(app: Host, area: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
    """Where the start screen asks for another save folder in the list's ``area``: the folder
    field and the "use it" button, under up to four lines that say what is wrong and name the
    folder (the start screen's layout gives the list three entries' room for them)."""
    sc = app.scale
    row = round(sc.body * 2.0)
    y = min(area.bottom - row, area.y + 5 * round(sc.min_text * 1.3))
    use_w = min(area.width // 3, sc.body * 8)
    field = pygame.Rect(area.x, y, area.width - use_w - sc.gap, row)
    use = pygame.Rect(field.right + sc.gap, y, use_w, row)
    return field, use


def path_forms(folder: Path) -> list[str]:
    """``folder`` whole, then with ever more of its middle left out as "…" (the drive and
    first folder and the last folders kept: "/home/anne/…/Workshop 2027/saves"), for a line
    that must name it in little room."""
    parts = folder.parts
    forms = [str(folder)]
    sep = "\\" if isinstance(folder, PureWindowsPath) else "/"
    lead = str(type(folder)(*parts[:2]))
    for keep in range(len(parts) - 3, 0, -1):
        forms.append(sep.join([lead, "…", *parts[-keep:]]))
    return forms


def folder_problem_text(
    app: Host, problem: str, folder: Path | None, box: pygame.Rect, style: TextStyle
) -> str:
    """The line that says why the save folder cannot be used and names it: whole where it
    fits ``box``, else with the middle of the path left out, so that the reason is read to
    its end (a trial: only Help showed which folder was meant). No part of the path is wider
    than the box: a path split by the wrapping got a hyphen it does not have ("raade-rum")."""
    if folder is None:
        return app.t("start.folder_problem", folder="?", reason=problem)
    size = app.scale.px(style.size)
    words = ""
    for shown in path_forms(folder):
        words = app.t("start.folder_problem", folder=shown, reason=problem)
        whole = all(app.text.width(w, size, style.font) <= box.width for w in shown.split())
        if whole and app.text.fits(words, box, style, app.scale):
            break
    return words


def draw_folder_choice(
    app: Host,
    surface: pygame.Surface,
    area: pygame.Rect,
    problem: str,
    folder: Path | None,
    use: pygame.Rect,
) -> None:
    """Why the save folder cannot be used, and which folder it is, and the button that takes
    another one (what to type stands in the field: as a line of its own it was cut off at
    1024×768 and 1366×768)."""
    sc = app.scale
    box = pygame.Rect(area.x, area.y, area.width, use.y - area.y - sc.gap // 2)
    style = TINY.ink(theme.WARNING).shrink()
    app.text.draw(surface, folder_problem_text(app, problem, folder, box, style), box, style)
    button(surface, app.text, use, app.t("start.folder_use"), sc.min_text, radius=sc.radius)


OVERSLAGSAAR = 3
"""A budget's forecast years after the budgetår (budgetår and 3 overslagsår: four years)."""


def years_text(app: Host, scenario: Scenario) -> str:
    """ "2027–2030 · 4 år: budgetår og 3 overslagsår"; a longer plan names the years past the
    budget's overslagsår as more years ("budgetår, 3 overslagsår og 4 år mere"), and a shorter
    one the overslagsår it takes ("budgetåret og de 2 første overslagsår": a budget always
    has three, and "budgetår og 2 overslagsår" read as a budget with two)."""
    later = scenario.rounds - 1
    common = {"first": scenario.years[0], "last": scenario.years[-1], "rounds": scenario.rounds}
    if later > OVERSLAGSAAR:
        return app.t("start.years_long", **common, more=later - OVERSLAGSAAR)
    counted = {0: "none", 1: "one", OVERSLAGSAAR: "all"}.get(later, "many")
    return app.t(f"start.years.{counted}", **common, later=later)


def target_caption(
    app: Host, deck: Deck, scenario: Scenario, target: float | None, plain: str
) -> tuple[tuple[str, ...], bool]:
    """The caption over a target stepper and whether it warns: the ``plain`` key ("Indsæt
    selv: målet for 2029"), or a question when the typed X is far from the scenario's own
    (250 for 25: a typo, ``target_far``), or a warning when it – or, with no X typed
    (``target`` None), the scenario's own target – is above what the pile can meet without
    luck (``game.engine.reach``; said once that is computed, in the background): a
    municipality's own scenario may ask more than its pile gives. The caption comes in the
    forms to try, longest first (``draw_stepper`` draws the first that fits): a deck in
    t. kr. at 1024×768 read "… bunken når kun ca. 40.875 uden h…"."""
    year = scenario.years[-1]
    if target_far(scenario, target):
        own = format_amount(scenario.target[-1], app.lang)
        return (app.t("start.target_far", year=year, own=own),), True
    if app.game.reaches.hopeless(deck, scenario.id):
        # a floor no card's service reaches: no X wins, whatever is typed
        return (
            app.t("start.target_no_plan", year=year),
            app.t("start.target_no_plan_short", year=year),
        ), True
    reach = app.game.reaches.known(deck, scenario.id)
    if reach is not None and reach.beyond(scenario.target[-1] if target is None else target):
        most = format_amount(reach.shown, app.lang)
        targets = scenario.target if target is None else scaled_targets(scenario.target, target)
        short = reach.short_year(targets)
        if short is not None:
            tight = scenario.years[short]
            said = {"year": year, "most": most, "tight": tight}
            return (
                app.t("start.target_reach_early", **said),
                app.t("start.target_reach_early_short", **said),
            ), True
        return (
            app.t("start.target_reach", year=year, most=most),
            app.t("start.target_reach_short", year=year, most=most),
        ), True
    return (app.t(plain, year=year),), False


class ReachWatch:
    """Redraws a screen with a target stepper once the reach its caption waits for has been
    computed (``target_caption``): the reach is computed in the background, and a screen is
    drawn again only when something changes."""

    def __init__(self) -> None:
        self.drawn: tuple[str, str] | None = None
        """The deck and scenario whose computed reach the screen was last redrawn for."""

    def update(self, app: Host, deck: Deck, scenario_id: str) -> None:
        """Call from the scene's ``update``: the caption warns about the X on screen or the
        scenario's own target alike. Starts the computation when it is new, and redraws once
        when it is done (also when it was done before this frame saw it running)."""
        key = app.game.reaches.key(deck, scenario_id)
        if not app.game.reaches.pending(deck, scenario_id) and self.drawn != key:
            self.drawn = key
            app.request_redraw()


TARGET_STEP = 5.0
"""What "−"/"+" (and the − and + keys) change X by in a deck in mio. kr. at most."""


def target_step(deck: Deck, scenario: Scenario) -> float:
    """What "−"/"+" change the facilitator's X by, on the start screen and in "Skift mål":
    5 mio. kr. in the deck's unit (5.000 in a deck in t. kr.: a step of 5 t. kr. turned
    23.400 into 23.405), or, for a scenario whose last target is smaller, the largest of 1, 2
    or 5 times a power of ten that is at most a fifth of it (500 for a target of 3.000)."""
    step = deck.in_unit(TARGET_STEP)
    fifth = scenario.target[-1] / 5
    if 0 < fifth < step:
        power = 10 ** math.floor(math.log10(fifth))
        step = max(m * power for m in (1, 2, 5) if m * power <= fifth)
    return float(step)


def targets_text(app: Host, scenario: Scenario, custom: float | None) -> str:
    """The targets the group will be asked for: the scenario's ("Mål 3/10/23/49 mio. kr."),
    or, when the facilitator has typed X, the profile X gives, said to be theirs ("Jeres
    mål 2,9/9,7/22,3/47,5 mio. kr.")."""
    profile = scenario.target if custom is None else scaled_targets(scenario.target, custom)
    # with the decimals the game counts (3,21, not 3,2): the printed sheet says the same
    # one figure for a target that is the same every year, else every year's, in order (a
    # profile of 2/2/5/8 read "2/5/8": three targets for a four-year game)
    years = profile if len(set(profile)) > 1 else profile[:1]
    shown = "/".join(format_target(t, app.lang) for t in years)
    if custom is None:
        return app.t("board.target", amount=app.t("amount", amount=shown))
    # the briefing read aloud names the scenario's own last target (49), not theirs (90)
    own = format_target(scenario.target[-1], app.lang)
    key = (
        "start.target_yours"
        if abs(custom - scenario.target[-1]) < 1e-9
        else "start.target_yours_of"
    )
    return app.t(key, amount=app.t("amount", amount=shown), own=own)


def _problems_text(app: Host, problems: list[str], box: pygame.Rect) -> str:
    """As many of a deck's ``problems`` as stand whole in ``box`` at the smallest text, and a
    last line saying how many more there are and that ``raaderum validate`` lists them all
    (eight problems were cut after three and a half, with no word of the rest)."""
    scale = app.scale
    for shown in range(len(problems), 0, -1):
        rest = len(problems) - shown
        lines = problems[:shown]
        if rest:
            count = "one" if rest == 1 else "many"
            lines = [*lines, app.t(f"start.deck_problems_more.{count}", count=rest)]
        text = "\n".join(lines)
        fitted = app.text.fit(text, box.width, box.height, scale.body, scale.min_text)
        if not fitted.truncated:
            return text
    return "\n".join(problems[:1])


def draw_briefing(
    app: Host,
    surface: pygame.Surface,
    rect: pygame.Rect,
    scenario: Scenario,
    problems: list[str],
    custom: float | None = None,
) -> None:
    """The chosen scenario: title, years and targets (those the facilitator's ``custom`` X
    gives, when typed), briefing; or a deck's problems."""
    scale = app.scale
    panel(surface, rect, scale.radius, theme.PANEL)
    inner = rect.inflate(-3 * scale.gap, -3 * scale.gap)
    head_h = round(scale.heading * 1.4)
    if problems:  # a deck author's view: the FILE:LINE problems that fit, and how many more
        app.text.draw(
            surface, _problems_text(app, problems, inner), inner, BODY.ink(theme.WARNING).shrink()
        )
        return
    app.text.draw(
        surface,
        scenario.title,
        pygame.Rect(inner.x, inner.y, inner.width, head_h * 2),
        HEADING.lines(2).shrink(),
    )
    fitted = app.text.fit(
        scenario.title, inner.width, head_h * 2, scale.heading, scale.min_text, FONT_BOLD, 2
    )
    y = inner.y + fitted.height + scale.gap
    facts = f"{years_text(app, scenario)} · {targets_text(app, scenario, custom)}"
    if scenario.service_floor is not None:  # a rule the group must know before it starts
        floor = format_amount(scenario.service_floor, app.lang, 0, sign=True)
        facts += f" · {app.t('compare.floor', floor=floor)}"
    # two lines, or a third where the facilitator's own targets need it (at 800×600 "Your
    # target 17.65/52.94/94.12/200 m DKK (t…" lost the briefing's targets it is compared with)
    style = BODY.ink(theme.MUTED).lines(2).shrink()
    box = pygame.Rect(inner.x, y, inner.width, 2 * line_height(app, scale.body))
    if app.text.fitted(facts, box, style, scale).truncated:
        style = style.lines(3)
        box.height = 3 * line_height(app, scale.body)
    used = app.text.draw(surface, facts, box, style)
    y = used.bottom + scale.gap // 2
    room = pygame.Rect(inner.x, y, inner.width, inner.bottom - y)
    if app.text.fitted(scenario.briefing, room, BODY.shrink(), scale).truncated:
        # a briefing longer than the panel: its first lines, and how to read it whole
        hint_h = line_height(app, scale.min_text)
        room.height -= hint_h
        hint = pygame.Rect(inner.x, room.bottom, inner.width, hint_h)
        app.text.draw(surface, app.t("start.briefing_more"), hint, TINY.ink(theme.ACCENT).lines(1))
    app.text.draw(surface, scenario.briefing, room, BODY.shrink())


def draw_start(scene: Any, surface: pygame.Surface) -> None:
    """The whole start screen of ``scene`` (a ``StartScene``): title, deck, scenarios and
    briefing, the table's name, target and timer, start, and the saved games."""
    app = scene.app
    text = app.text
    layout = scene.layout()
    scale = Scale(surface.get_height())
    surface.fill(theme.BACKGROUND)
    text.draw(surface, app.t("app.title"), layout.title, TITLE.lines(1).shrink())
    # the shipped deck by the window's name for it ("Standard deck" beside its button in
    # English, not its Danish title); a deck of one's own by its own title
    deck = app.t("start.deck_standard") if app.game.deck_path is None else scene.deck.title
    text.draw(
        surface,
        f"{app.t('app.subtitle')} · {deck}",
        layout.subtitle,
        BODY.ink(theme.MUTED).lines(1).shrink(),
    )
    button(surface, text, layout.help, app.t("board.help"), scale.min_text, radius=scale.radius)
    button(
        surface,
        text,
        scene.paper_button(layout),
        app.t("paper.open"),
        scale.min_text,
        radius=scale.radius,
    )
    button(
        surface,
        text,
        scene.language_button(layout),
        app.t("start.language"),
        scale.min_text,
        radius=scale.radius,
    )
    _label(app, surface, app.t("start.deck"), layout.deck_label)
    button(
        surface,
        text,
        layout.deck_standard,
        app.t("start.deck_standard"),
        scale.min_text,
        radius=scale.radius,
        primary=scene.app.game.deck_path is None,
    )
    draw_field(app, surface, scene.path_field, layout.deck_path)
    button(
        surface,
        text,
        layout.deck_load,
        app.t("start.deck_load"),
        scale.min_text,
        radius=scale.radius,
    )
    status = scene.deck_message
    if scene.deck.language != app.lang and not scene.deck_problems:
        # the window speaks the chosen language, but a deck's own texts stay as written
        said = app.t(f"start.deck_language.{scene.deck.language}")
        both = f"{status} · {said}" if status else said
        whole = text.width(both, scale.min_text) <= layout.deck_status.width
        status = both if whole else said
    if status:
        text.draw(
            surface,
            status,
            layout.deck_status,
            TINY.ink(theme.WARNING if scene.deck_problems else theme.MUTED).lines(1),
        )
    _label(app, surface, app.t("start.scenario"), layout.scenario_label)
    draw_scenarios(app, surface, layout, scene.deck.scenarios, scene.scenario_index)
    custom = scene.target_value()
    draw_briefing(app, surface, layout.briefing, scene.scenario, scene.deck_problems, custom)
    suffix = app.unit
    if not scene.target_typed_valid():
        # "-3" showed the targets it would give, "−0,18/…/−3", beside the refusal to come
        suffix = f"{suffix} {app.t('start.target_unreadable')}"
    elif len(set(scene.scenario.target)) > 1:
        # the scenario's own targets year by year, or those the typed X gives (the earlier
        # years scale with it): the facilitator sees what the group will be asked for
        profile = (
            scene.scenario.target
            if custom is None
            else scaled_targets(scene.scenario.target, custom)
        )
        targets = "/".join(format_target(t, app.lang) for t in profile)  # as the game counts
        room = layout.target_label.right - layout.target_plus.right - scale.gap
        key = "start.target_scenario" if custom is None else "start.target_years"
        for words in (
            f"{suffix} {app.t(key, amount=targets)}",
            f"{suffix} ({targets})",
        ):
            # the profile, in as few words as fit the two lines the stepper gives its unit
            fitted = app.text.fit(
                words, room, layout.target_plus.height, scale.body, scale.min_text, max_lines=2
            )
            if not fitted.truncated:
                suffix = words
                break
    target_rects = (
        layout.target_label,
        layout.target_minus,
        layout.target_field,
        layout.target_plus,
    )
    caption, warning = target_caption(app, scene.deck, scene.scenario, custom, "start.target")
    draw_stepper(
        surface, text, target_rects, caption, scene.target, scale, suffix=suffix, warning=warning
    )
    timer_rects = (
        layout.timer_label,
        layout.timer_minus,
        layout.timer_field,
        layout.timer_plus,
    )
    draw_stepper(surface, text, timer_rects, app.t("start.timer"), scene.timer, scale, suffix="min")
    _label(app, surface, app.t("start.table"), layout.table_label)
    draw_field(app, surface, scene.table_field, layout.table_field)
    button(
        surface,
        text,
        layout.start,
        app.t("start.start"),
        scale.heading,
        radius=scale.radius,
        primary=True,
        hint=app.t("start.start_hint"),
    )
    compare = scene.compare_button(layout)
    heading = pygame.Rect(layout.resume_label)
    heading.width = max(1, compare.x - heading.x - scale.gap)
    words = app.t("start.resume")
    if app.text.width(words, scale.body, FONT_BOLD) > heading.width:
        words = app.t("start.resume_short")  # "Gemte spil", whole, beside the button
    _label(app, surface, words, heading)
    button(surface, text, compare, app.t("start.compare"), scale.min_text, radius=scale.radius)
    if scene.folder_problem is not None:
        field, use = folder_rects(app, layout.resume_area)
        draw_field(app, surface, scene.folder_field, field)
        folder = scene.saves.problem_folder
        draw_folder_choice(app, surface, layout.resume_area, scene.folder_problem, folder, use)
    else:
        scene.saves.draw(surface, layout.resume_area, app.t("start.resume_none"))


def _label(app: Host, surface: pygame.Surface, label: str, rect: pygame.Rect) -> None:
    """The bold name over a group of choices ("Dæk", "Scenarie", "Gemte spil")."""
    app.text.draw(surface, label, rect, BODY.bold().lines(1).shrink())


def draw_field(app: Host, surface: pygame.Surface, field: TextField, rect: pygame.Rect) -> None:
    """A text field of the start screen at the smallest text size, in ``rect``."""
    field.set_rect(rect)
    field.font = app.fonts.get("regular", app.scale.min_text)
    field.draw(surface)
