"""The end-of-year reveal: what happened in the budget year the group just closed.

The board pushes ``"year"`` (``YearScene(app, before, after)``) with the states before and after
``EndYear``. The scene shows, one part after another with a short animation (≤ 0.5 s each,
skipped by a click or any key): the year's råderum growing against its target and whether it
was met, the events of the year, the uncertain proposals whose outcome became known (better or
worse than hoped, or a failure), and the events that strike next year. "Videre" (Enter, Space,
a click) returns to the board, or opens the debrief after the last year; Ctrl+Z/Backspace takes
the end of the year back.
"""

from __future__ import annotations

import pygame

from game.engine import GameState
from game.numbers import format_against, format_gap
from game.ui import charts, theme
from game.ui.cards import say_if_under_floor
from game.ui.draw import button, panel
from game.ui.layout_grid import fit_rows, split_columns
from game.ui.pages import draw_header
from game.ui.reveal import (
    Line,
    build_reveal,
    chart_values,
    draw_lines,
    lines_text,
    needed_height,
)
from game.ui.scene import HoldsTimer, Host, ctrl_held, is_activation
from game.ui.theme import HEADING, TINY

CONFIRM_KEYS = (
    pygame.K_RETURN,
    pygame.K_KP_ENTER,
    pygame.K_SPACE,
    pygame.K_ESCAPE,
    pygame.K_PAGEDOWN,
    pygame.K_RIGHT,
)
"""Keys that leave the reveal once it has been shown (Page Down and → from a presenter
remote: the facilitator moves on from the back of the room)."""
STEP_SECONDS = 0.45
NEW_EVENTS_STEP = 3
"""The part of the reveal that lists the events drawn for the next year (after this year's
events and the uncertain proposals' outcomes)."""
CHART_SHARES = (0.56, 0.52, 0.48, 0.44, 0.40)
"""The chart's share of the width, tried in turn until the lists beside it are read whole
(``YearScene._columns``)."""
"""Length of one reveal animation (the issue allows at most 0.5 s)."""


class YearScene(HoldsTimer):
    """The reveal of a closed budget year (see the module docstring)."""

    name = "year"

    def __init__(self, app: Host, before: GameState, after: GameState) -> None:
        super().__init__(app)
        self.before = before
        self.after = after
        self.reveal = build_reveal(app, before, after)
        # the chart's råderum per year, with and without the new round's events: worked out
        # once, not at every frame of the reveal
        self.values = chart_values(after)
        self.values_before_events = chart_values(after, new_events=False)
        app.game.clear_notices()  # the round's notices covered the year's headline
        self._split: dict[tuple[object, ...], tuple[pygame.Rect, pygame.Rect]] = {}
        """The chart's and the lists' columns per body rectangle and language (``_columns``),
        worked out once, not at every frame of the reveal."""
        self.steps = 4  # chart, events, outcomes, next year
        self.elapsed = 0.0
        self.continue_rect = pygame.Rect(0, 0, 0, 0)
        self.undo_rect = pygame.Rect(0, 0, 0, 0)
        """The "Fortryd" button (Ctrl+Z for a mouse), drawn once the year is revealed."""
        self.cut_sections: list[tuple[pygame.Rect, str, str, str]] = []
        """The lists drawn cut short (where, heading, all of it, all of it without the cards'
        texts): a click opens one whole."""
        self.done = False

    # --- animation ----------------------------------------------------------------------
    @property
    def total_seconds(self) -> float:
        """Length of the whole reveal."""
        return self.steps * STEP_SECONDS

    @property
    def animating(self) -> bool:
        """True until every part has been revealed."""
        return self.elapsed < self.total_seconds

    def progress(self, step: int) -> float:
        """0 → 1 progress of part ``step``: 1 for every part once the reveal is over (the last
        part's (1,8 − 1,35) / 0,45 came out at 0,999…, so a cut list of the next year's events
        was still drawn as fading in, and "L" left it out)."""
        if not self.animating:
            return 1.0
        return max(0.0, min(1.0, (self.elapsed - step * STEP_SECONDS) / STEP_SECONDS))

    def skip(self) -> None:
        """Jump to the end of the reveal."""
        self.elapsed = self.total_seconds
        self.app.request_redraw()

    def update(self, dt: float) -> bool:
        """Advance the reveal; True while it animates (60 frames per second)."""
        if not self.animating:
            return False
        self.elapsed = min(self.total_seconds, self.elapsed + dt)
        self.app.request_redraw()
        return self.animating

    # --- input --------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        """A key or click skips the animation; then Enter/Space/click continues."""
        pressed = event.type == pygame.KEYDOWN or is_activation(event)
        if not pressed:
            return
        if event.type == pygame.KEYDOWN and (
            (event.key == pygame.K_z and ctrl_held(event)) or event.key == pygame.K_BACKSPACE
        ):
            self.take_back()
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_h:
            self.app.push("help")
            return
        if self.animating:
            self.skip()
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_l and self.cut_sections:
            # the lists cut short, read whole without a mouse (a keyboard or a presenter's
            # laptop had no way to them): all of them in one message, each under its heading
            # in capitals with a blank line before it (plain headings ran them together). A
            # dialog too small for every card's text leaves out the texts that say least
            # first, so that a cut list of events keeps its texts where it can (with every
            # text left out, "L" showed the events without the words that had been cut)
            sections = [(heading, text, short) for _, heading, text, short in self.cut_sections]
            title = sections[0][0] if len(sections) == 1 else self.app.t("year.lists_title")
            between: tuple[str, ...] = ()
            if len(sections) == 1:
                body, short = sections[0][1], sections[0][2]
            else:
                shortened: set[int] = set()
                steps = []
                for index in sorted(
                    range(len(sections)), key=lambda i: len(sections[i][1]) - len(sections[i][2])
                ):
                    steps.append(self._lists(sections, shortened))
                    shortened.add(index)
                steps.append(self._lists(sections, shortened))
                body, short, between = steps[0], steps[-1], tuple(steps[1:-1])
            self.app.push("message", title=title, text=body, short=short, between=between)
            return
        if is_activation(event) and self.undo_rect.collidepoint(event.pos):
            self.take_back()  # the mouse's way to Ctrl+Z (a facilitator with only a remote)
            return
        if is_activation(event):
            for rect, heading, text, short in self.cut_sections:  # a list cut short, read whole
                if rect.collidepoint(event.pos):
                    self.app.push("message", title=heading, text=text, short=short)
                    return
        confirm = event.type == pygame.KEYDOWN and event.key in CONFIRM_KEYS
        if confirm or (is_activation(event) and self.continue_rect.collidepoint(event.pos)):
            self.proceed()

    def proceed(self) -> None:
        """Back to the board, or on to the debrief after the last year."""
        if self.done:
            return
        self.done = True
        if self.after.finished:
            self.app.replace("debrief")
            return
        self.app.pop()
        after = self.after
        scenario = after.scenario
        if not after.pile and len(after.market) < scenario.market < len(scenario.proposals):
            # the table shrank without a word (9, then 6, then 2 cards): the pile is used up
            # (a scenario whose whole pile lies on the table from the start is not told)
            left = len(after.market)
            self.app.toast("board.pile_empty" + (".one" if left == 1 else ""), count=left)
        # the new round's event took the service under the floor (an adoption says so too)
        say_if_under_floor(self.app, self.before, after, "board.under_floor_event")

    @staticmethod
    def _lists(sections: list[tuple[str, str, str]], shortened: set[int]) -> str:
        """The year's lists in one text, each under its heading in capitals; the lists
        numbered in ``shortened`` without their cards' texts."""
        return "\n\n".join(
            f"{heading.upper()}\n{short if index in shortened else text}"
            for index, (heading, text, short) in enumerate(sections)
        )

    def take_back(self) -> None:
        """Undo the end of the year and return to the board in that round – after asking:
        the group has seen how the year went ("reopen_year"; ``App.undo`` brings the board
        back once the year is taken back)."""
        if self.done or self.app.game.read_only:
            return
        history = self.app.game.history
        if history is not None and history.current is self.after:
            self.app.undo()

    # --- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Header, the year chart with this year's verdict, the three lists, Videre."""
        app = self.app
        sc = app.scale
        g = sc.gap
        surface.fill(theme.BACKGROUND)
        reveal = self.reveal
        scenario = self.after.scenario
        header = draw_header(
            app,
            surface,
            app.t("year.title", year=reveal.year),
            app.t("board.round", round=reveal.index + 1, rounds=scenario.rounds),
        )
        width, height = surface.get_size()
        foot_h = max(round(sc.heading * 2.2), round(height * 0.085))
        body = pygame.Rect(
            2 * g, header.bottom + 2 * g, width - 4 * g, height - header.bottom - foot_h - 5 * g
        )
        sections = (
            (
                app.t("year.events", year=reveal.year),
                list(reveal.events),
                app.t("year.events_none"),
            ),
            (app.t("year.outcomes"), list(reveal.outcomes), app.t("year.outcomes_none")),
            (
                app.t("year.next_events", year=reveal.next_year)
                if reveal.next_year
                else app.t("year.game_over"),
                list(reveal.next_events),
                app.t("year.next_none") if reveal.next_year else app.t("year.last"),
            ),
        )
        left, right = self._columns(body, [(lines, empty) for _, lines, empty in sections])
        self._draw_result(surface, left)
        needs = [
            float(needed_height(app, right.width, lines, empty)) for _, lines, empty in sections
        ]
        floors = [
            float(needed_height(app, right.width, lines, empty, texts=False))
            for _, lines, empty in sections
        ]
        parts = fit_rows(right, needs, g, floors)
        self.cut_sections = []
        for step, (rect, (heading, lines, empty)) in enumerate(zip(parts, sections), start=1):
            share = self.progress(step)
            if share <= 0:
                continue
            if share >= 1:
                if draw_lines(app, surface, rect, heading, lines, empty):
                    whole = lines_text(lines)
                    self.cut_sections.append((rect, heading, whole, lines_text(lines, texts=False)))
                continue
            layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            draw_lines(app, layer, rect, heading, lines, empty)
            layer.set_alpha(round(255 * share))
            surface.blit(layer, (round((1 - share) * 6 * g), 0))
        self._draw_footer(
            surface, pygame.Rect(2 * g, height - foot_h - 2 * g, width - 4 * g, foot_h)
        )

    def _columns(
        self, body: pygame.Rect, sections: list[tuple[list[Line], str]]
    ) -> tuple[pygame.Rect, pygame.Rect]:
        """The chart's column and the lists' column: the chart takes ``CHART_SHARES[0]`` of
        the width, less (down to the last share) when the lists' texts need it to be read
        whole – the facilitator reads the events aloud, and at every size their last lines
        were cut ("… bliver lig…") beside a chart with room to spare. A long scenario's
        chart keeps room for its many years."""
        key = (*body, self.app.lang)
        if key not in self._split:
            g = self.app.scale.gap
            shares = CHART_SHARES if self.after.scenario.rounds <= 6 else CHART_SHARES[:3]
            for share in shares:
                left, right = split_columns(body, [share, 1 - share], 2 * g)
                need = sum(needed_height(self.app, right.width, *part) for part in sections)
                if need + g * (len(sections) - 1) <= right.height:
                    break
            self._split[key] = (left, right)
        return self._split[key]

    def _draw_result(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        app = self.app
        sc = app.scale
        g = sc.gap
        reveal = self.reveal
        panel(surface, rect, sc.radius)
        inner = rect.inflate(-2 * g, -2 * g)
        banner_h = round(sc.title * 1.5)
        banner = pygame.Rect(inner.x, inner.y, inner.width, banner_h)
        grow = self.progress(0)
        if grow >= 1:
            badge = pygame.Rect(banner.x, banner.y, banner_h, banner_h).inflate(-g, -g)
            if reveal.met:
                charts.draw_check(surface, badge.center, badge.height, theme.MET)
                text = app.t(
                    "year.met",
                    # as the bar beside it writes it ("119,5", where 119 read as a rounding)
                    amount=format_against(reveal.raaderum, reveal.target, app.lang, met=True),
                    target=app.target_amount(reveal.target),
                )
            else:
                charts.draw_cross(surface, badge.center, badge.height, theme.GAP)
                text = app.t(
                    "year.missed",
                    gap=f"{format_gap(reveal.raaderum, reveal.target, app.lang)} {app.unit}",
                    amount=format_against(reveal.raaderum, reveal.target, app.lang, met=False),
                    target=app.target_amount(reveal.target),
                )
            app.text.draw(
                surface,
                text,
                pygame.Rect(badge.right + g, banner.y, banner.right - badge.right - g, banner_h),
                HEADING.ink(theme.INK if reveal.met else theme.WARNING).middle().lines(2).shrink(),
            )
        state = self.after
        values = list(self.values)
        # the years ahead take in the new round's events as their list appears (the bars of
        # 2028 and 2030 dropped at once, and the room asked why before "Nye hændelser i 2028"
        # came up to say it)
        counted = self.progress(NEW_EVENTS_STEP)
        if counted < 1:
            before = self.values_before_events
            for year in range(reveal.index + 1, len(values)):
                values[year] = before[year] + (values[year] - before[year]) * counted
        values[reveal.index] *= grow
        closed = len(state.results) if grow >= 1 else reveal.index
        met = [r.met for r in state.results]
        words = "\n".join(reveal.fatigue)
        words_h = app.text.fit(words, inner.width, 100_000, sc.min_text, sc.min_text).height
        words_h = min(words_h, (inner.bottom - banner.bottom) // 2) if words else 0
        chart_rect = pygame.Rect(
            inner.x, banner.bottom + g, inner.width, inner.bottom - banner.bottom - 2 * g - words_h
        )
        if words:
            box = pygame.Rect(inner.x, inner.bottom - words_h, inner.width, words_h)
            pygame.draw.line(
                surface, theme.FAINT, (box.x, box.y - g // 2), (box.right, box.y - g // 2)
            )
            app.text.draw(surface, words, box, TINY)
        charts.draw_year_chart(
            surface,
            chart_rect,
            state.scenario.years,
            state.targets,
            values,
            met=met[:closed],
            closed=closed,
            current=reveal.index,
            fonts=app.fonts,
            lang=app.lang,
            scale=sc,
        )

    def _draw_footer(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        app = self.app
        sc = app.scale
        g = sc.gap
        label = app.t("year.to_debrief") if self.after.finished else app.t("year.continue")
        width = max(sc.body * 10, rect.width // 4)
        self.continue_rect = pygame.Rect(rect.right - width, rect.y, width, rect.height)
        button(
            surface,
            app.text,
            self.continue_rect,
            label,
            sc.heading,
            radius=sc.radius,
            primary=True,
            enabled=not self.animating,
            hint=app.t("year.continue_hint"),
        )
        hint = app.t("year.skip_hint") if self.animating else app.t("year.undo_hint")
        if self.cut_sections and not self.animating:
            hint = f"{app.t('year.open_hint')} {hint}"
        left = rect.x
        self.undo_rect = pygame.Rect(0, 0, 0, 0)
        if not self.animating and not app.game.read_only:
            undo_w = max(sc.body * 6, rect.width // 8)
            self.undo_rect = pygame.Rect(rect.x, rect.y, undo_w, rect.height)
            button(
                surface,
                app.text,
                self.undo_rect,
                app.t("year.undo_button"),
                sc.body,
                radius=sc.radius,
            )
            left = self.undo_rect.right + g
        app.text.draw(
            surface,
            hint,
            pygame.Rect(left, rect.y, self.continue_rect.x - g - left, rect.height),
            TINY.ink(theme.MUTED).middle().lines(2),
        )
