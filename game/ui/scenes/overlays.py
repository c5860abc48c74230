"""The help overlay (rules in a few lines and the keys) and the menu overlay (Esc)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine import KINDS, Scenario
from game.session import reports_root
from game.ui import theme
from game.ui.charts import LEGEND_ITEMS, legend_swatch
from game.ui.dialog import DialogScene
from game.ui.draw import kind_icon
from game.ui.layout_screens import DialogLayout, dialog_layout
from game.ui.opening import edit_paper_table
from game.ui.theme import BODY, FONT_BOLD, HEADING, TIGHT, TINY, Scale

if TYPE_CHECKING:
    from game.ui.scene import Host

KEYS: tuple[tuple[str, str], ...] = (
    ("1–12", "help.key.select"),
    ("help.keyname.arrow_keys", "help.key.move"),
    ("O", "help.key.open"),
    ("Enter", "help.key.adopt"),
    ("Tab", "help.key.note"),
    ("Space", "help.key.end"),
    ("Ctrl+Z", "help.key.undo"),
    ("Ctrl+Y", "help.key.redo"),
    ("G", "help.key.save_elsewhere"),
    ("F1 / H", "help.key.help"),
    ("F11", "help.key.fullscreen"),
    ("Esc", "help.key.menu"),
)
"""The board's keys (and the year screen's and debrief's, which share them)."""

START_KEYS: tuple[tuple[str, str], ...] = (
    ("help.keyname.updown", "help.start.scenario"),
    ("Tab", "help.start.tab"),
    ("+ / −", "help.start.target"),
    ("B", "help.start.briefing"),
    ("P", "help.start.paper"),
    ("S", "help.start.compare"),
    ("L", "help.start.language"),
    ("Enter", "help.start.start"),
    ("F1 / H", "help.key.help"),
    ("F11", "help.key.fullscreen"),
    ("Esc", "help.start.close"),
)
"""The start screen's keys: the help opened there lists these."""

DEBRIEF_KEYS: tuple[tuple[str, str], ...] = (
    ("1–4", "help.debrief.tab"),
    ("help.keyname.arrows", "help.debrief.next_tab"),
    ("help.keyname.updown", "help.debrief.scroll"),
    ("R", "help.debrief.report"),
    ("N", "help.debrief.new"),
    ("Ctrl+Z", "help.debrief.undo"),
    ("F1 / H", "help.key.help"),
    ("F11", "help.key.fullscreen"),
    ("Esc", "help.key.menu"),
)
"""The result screen's keys (``DebriefScene._handle_key``)."""

COMPARE_KEYS: tuple[tuple[str, str], ...] = (
    ("Enter", "help.compare.load"),
    ("help.keyname.arrows", "help.compare.group"),
    ("help.keyname.updown", "help.debrief.scroll"),
    ("help.keyname.shift_updown", "help.compare.tables"),
    ("1–9", "help.compare.table"),
    ("W", "help.compare.write"),
    ("F1 / H", "help.key.help"),
    ("F11", "help.key.fullscreen"),
    ("Esc", "help.compare.back"),
)
"""The compare screen's keys (``CompareScene._handle_key``)."""

PAPER_KEYS: tuple[tuple[str, str], ...] = (
    ("Tab", "help.paper.tab"),
    ("help.keyname.arrow_keys", "help.paper.move"),
    ("1–9", "help.paper.round"),
    ("F", "help.paper.factor"),
    ("S", "help.paper.stop"),
    ("Enter", "help.paper.save"),
    ("F1", "help.key.help"),
    ("F11", "help.key.fullscreen"),
    ("Esc", "help.paper.back"),
)
"""The Bord på papir screen's keys (``PaperScene._key``)."""

SCREEN_KEYS: dict[str, tuple[tuple[str, str], ...]] = {
    "start": START_KEYS,
    "debrief": DEBRIEF_KEYS,
    "compare": COMPARE_KEYS,
    "paper": PAPER_KEYS,
}
"""The keys the help lists, by the screen it was opened from (any other: ``KEYS``)."""

CHART_SCREENS = frozenset({"board", "year"})
"""The screens with the board's year chart (open years, the risk box): their help has its
legend."""


PATH_LINES = 3
"""The most lines a folder's path takes in the help, under its label."""


def path_lines(app: Host, label: str, path: str, width: int, size: int) -> list[str]:
    """``label`` and ``path`` as lines of ``width`` pixels at ``size``: one line when both
    fit, else the label and the path broken after its separators, whole on up to
    ``PATH_LINES`` lines (the last shortened in its middle only when even they are too few)."""
    if app.text.width(label + path, size) <= width:
        return [label + path]
    sep = "\\" if path.count("\\") > path.count("/") else "/"
    parts = [part + sep for part in path.split(sep)[:-1]] + [path.split(sep)[-1]]
    lines = [""]
    for part in parts:
        if lines[-1] and app.text.width(lines[-1] + part, size) > width:
            lines.append("")
        lines[-1] += part
    if len(lines) > PATH_LINES:
        rest = "".join(lines[PATH_LINES - 1 :])
        lines = [*lines[: PATH_LINES - 1], middle_cut(app, rest, width, size)]
    return [label.rstrip(), *(middle_cut(app, row, width, size) for row in lines)]


def middle_cut(app: Host, path: str, width: int, size: int) -> str:
    """``path`` within ``width`` pixels at ``size``: whole when it fits, else its first part,
    "…" and as many of its last folders as fit ("C:\\…\\Local\\raaderum\\saves"); at worst
    cut in the middle of a name."""
    if app.text.width(path, size) <= width:
        return path
    sep = "\\" if path.count("\\") > path.count("/") else "/"
    parts = path.split(sep)
    # the head that says where the path starts: a drive ("C:"), the first folder under the
    # root ("/home"), or a network server ("\\server")
    lead = 3 if parts[:2] == ["", ""] else 2 if parts[0] == "" else 1
    head = parts[:lead]
    for keep in range(len(parts) - lead - 1, 0, -1):
        shown = sep.join([*head, "…", *parts[len(parts) - keep :]])
        if app.text.width(shown, size) <= width:
            return shown
    keep = len(path) - 1
    while keep > 2:
        shown = f"{path[: (keep + 1) // 2]}…{path[len(path) - keep // 2 :]}"
        if app.text.width(shown, size) <= width:
            return shown
        keep -= 1
    return "…"


def help_text(app: Host) -> str:
    """The rules in a few lines, ending with how the scenario on screen is won: the game's,
    or on the start screen the chosen one (a deck's scenario may leave out the kinds rule,
    the floor or the events, and the help must not claim them)."""
    below = app.top
    scenario = getattr(below, "scenario", None) if below is not None else None
    if not isinstance(scenario, Scenario):
        scenario = app.game.state.scenario if app.game.playing else None
    # a scenario that draws no events (a municipality's catalogue without them) is not told
    # that events strike every year
    drawn = scenario is None or scenario.draws_events
    rules = app.t("help.rules", events=app.t("help.events") if drawn else "")
    if scenario is None:
        return rules.rstrip("\n")
    conditions = app.catalogue.win_conditions(scenario)
    return rules + app.t("help.win", conditions=app.catalogue.join(conditions))


class HelpScene(DialogScene):
    """The rules in a few lines and the list of keys."""

    name = "help"
    wide = 0.94
    tall = 0.94

    def __init__(self, app: Host) -> None:
        app.game.clear_notices()  # they stood over the help's title, as over the menu's
        super().__init__(
            app, app.t("help.title"), help_text(app), [(app.t("help.close"), self.close)]
        )
        below = app.top
        self.keys = SCREEN_KEYS.get(below.name, KEYS) if below is not None else KEYS
        """The keys of the screen the help was opened from."""
        self.chart_legend = below is None or below.name in CHART_SCREENS
        """True where the board's year chart is on screen: the help explains its marks."""

    def handle(self, event: pygame.event.Event) -> None:
        """F1/H also close the help."""
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_F1, pygame.K_h):
            self.close()
            return
        super().handle(event)

    def draw_body(self, surface: pygame.Surface, rect: pygame.Rect, scale: Scale) -> None:
        """Rules on the left, keys on the right."""
        text = self.app.text
        g = scale.gap
        rules = pygame.Rect(rect.x, rect.y, round(rect.width * 0.56), rect.height)
        keys = pygame.Rect(
            rules.right + 3 * g, rect.y, rect.right - rules.right - 3 * g, rect.height
        )
        self._draw_rules(surface, rules, scale)
        keys.height -= self._draw_folders(surface, keys, scale)
        head = pygame.Rect(keys.x, keys.y, keys.width, round(scale.heading * 1.4))
        text.draw(surface, self.app.t("help.keys"), head, HEADING.lines(1))
        room = keys.bottom - head.bottom
        legend_h = self._legend_height(scale) if self.chart_legend else 0
        # the keys' rows give up their air first, so that the chart's legend fits under them
        # (at 1024×768 with the folders' paths at the foot)
        row_h = min(round(scale.body * 1.6), (room - legend_h) // len(self.keys))
        if row_h < round(scale.min_text * 1.1):
            legend_h = 0
            row_h = min(round(scale.body * 1.6), room // len(self.keys))
        if legend_h:
            legend = pygame.Rect(keys.x, keys.bottom - legend_h, keys.width, legend_h)
            self._draw_chart_legend(surface, legend, scale)

        def key_name(key: str) -> str:
            if key == "Space":
                return self.app.t("help.keyname.space")  # the short name fits the key's chip
            return self.app.t(key) if key.startswith("help.keyname.") else key

        # the chips as wide as the widest key name needs (at most 38 %): the rest is for what
        # the keys do, which was cut ("Hvor spillet er gemt – eller g…")
        widest = max(text.width(key_name(k), scale.min_text, FONT_BOLD) for k, _ in self.keys)
        key_w = min(round(keys.width * 0.38), widest + 3 * g)
        for i, (key, label) in enumerate(self.keys):
            y = head.bottom + i * row_h
            name = key_name(key)
            inset = 2 if row_h >= scale.min_text * 1.4 else 1  # tight rows keep the text clear
            cap = pygame.Rect(keys.x, y + inset, key_w - g, row_h - 2 * inset)
            pygame.draw.rect(surface, theme.CARD, cap, border_radius=scale.radius // 2)
            pygame.draw.rect(surface, theme.LINE, cap, 1, border_radius=scale.radius // 2)
            text.draw(surface, name, cap, TINY.bold().center().middle().lines(1))
            text.draw(
                surface,
                self.app.t(label),
                pygame.Rect(keys.x + key_w, y, keys.width - key_w, row_h),
                TINY.middle().lines(1),
            )

    @staticmethod
    def _legend_rows(scale: Scale) -> tuple[int, int]:
        """The chart legend's heading height and row height (pixels)."""
        return round(scale.body * 1.25), round(scale.min_text * 1.3)

    def _legend_height(self, scale: Scale) -> int:
        """The height the chart legend takes with the gap above it."""
        head_h, row_h = self._legend_rows(scale)
        return scale.gap + head_h + row_h * len(LEGEND_ITEMS)

    def _draw_chart_legend(self, surface: pygame.Surface, rect: pygame.Rect, scale: Scale) -> None:
        """Under the keys: what the marks of the board's year chart mean (a facilitator asked
        what the striped part and the light blue box were). Each row is a small copy of the
        mark and a line of text. ``draw_body`` leaves it out when the keys would have to be
        squeezed below a readable row to make room for it (a tiny window)."""
        text = self.app.text
        g = scale.gap
        head_h, row_h = self._legend_rows(scale)
        head = pygame.Rect(rect.x, rect.y + g, rect.width, head_h)
        text.draw(surface, self.app.t("chart.legend.heading"), head, BODY.bold().lines(1))
        swatch_w = round(scale.body * 2.2)
        for i, item in enumerate(LEGEND_ITEMS):
            y = head.bottom + i * row_h
            swatch = pygame.Rect(rect.x, y + row_h // 6, swatch_w, row_h - row_h // 3)
            legend_swatch(surface, swatch, item, g)
            words = pygame.Rect(swatch.right + 2 * g, y, rect.right - swatch.right - 2 * g, row_h)
            text.draw(
                surface, self.app.t(f"chart.legend.{item}"), words, TINY.middle().lines(1).shrink()
            )

    def _draw_folders(self, surface: pygame.Surface, rect: pygame.Rect, scale: Scale) -> int:
        """At the foot of ``rect``: where the games are saved and where the reports go (a
        facilitator who wants to mail a report looks here); returns the height used (0 when
        games are not saved). A path too long for the line goes whole on the lines under its
        label (``path_lines``)."""
        folder = self.app.save_dir
        if folder is None:
            return 0
        size = scale.min_text
        line = round(size * 1.35)
        rows: list[str] = []
        for key, path in (
            ("help.folder.saves", folder),
            ("help.folder.reports", reports_root(folder)),
        ):
            rows += path_lines(self.app, self.app.t(key, path=""), str(path), rect.width, size)
        top = rect.bottom - line * len(rows)
        for i, row in enumerate(rows):
            box = pygame.Rect(rect.x, top + i * line, rect.width, line)
            self.app.text.draw(surface, row, box, TINY.ink(theme.MUTED).lines(1))
        return line * len(rows) + scale.gap

    def _draw_rules(self, surface: pygame.Surface, rect: pygame.Rect, scale: Scale) -> None:
        """The rules as bullet points, and under them the three kinds: icon, colour, word."""
        text = self.app.text
        g = scale.gap
        legend_h = round(scale.body * 1.8)
        area = pygame.Rect(rect.x, rect.y, rect.width, rect.height - legend_h - g)
        paragraphs = [p for p in self.body.split("\n") if p.strip()]
        indent = round(scale.body * 1.1)
        width = area.width - indent
        # one size for all bullets: shrink together until they fit the column, closing the
        # lines up at the smallest size
        size, spacing = scale.body, 1.0
        while True:
            fits = [text.fit(p, width, 100_000, size, size, spacing=spacing) for p in paragraphs]
            if sum(f.height for f in fits) + g * len(paragraphs) <= area.height:
                break
            if size > scale.min_text:
                size -= 1
            elif spacing == 1.0:
                spacing = TIGHT
            else:
                break
        style = BODY.sized(size).but(spacing=spacing)
        y = area.y
        for paragraph, fitted in zip(paragraphs, fits):
            dot = max(3, size // 5)
            pygame.draw.circle(
                surface, theme.ACCENT, (rect.x + dot * 2, y + fitted.line_height // 2), dot
            )
            box = pygame.Rect(rect.x + indent, y, width, max(1, area.bottom - y))
            y = text.draw(surface, paragraph, box, style).bottom + g
        x = rect.x
        y = rect.bottom - legend_h
        icon_s = round(scale.body * 1.2)
        for kind in KINDS:
            icon = pygame.Rect(x, y + (legend_h - icon_s) // 2, icon_s, icon_s)
            kind_icon(surface, kind, icon, theme.kind_color(kind))
            word = self.app.t(f"kind.{kind.value}")
            width = text.width(word, scale.body, FONT_BOLD)
            text.draw(
                surface,
                word,
                pygame.Rect(icon.right + g, y, width + g, legend_h),
                BODY.bold().middle().lines(1),
            )
            x = icon.right + 3 * g + width


class MenuScene(DialogScene):
    """Esc on the board: back, restart, new game, change the target, help, compare tables,
    language, quit."""

    name = "menu"
    wide = 0.44
    tall = 0.72

    def __init__(self, app: Host) -> None:
        # the board's notices stood over the menu's title and its first button for their
        # seconds (Esc right after an adoption): what they said is on the board
        app.game.clear_notices()
        finished = app.game.history is not None and app.game.state.finished
        buttons = [
            (app.t("menu.resume_result" if finished else "menu.resume"), self.close),
            (app.t("menu.restart"), self.restart),
            (app.t("menu.new"), self.new_game),
        ]
        if finished and not app.game.read_only and not app.game.looking_at_paper:
            # the result screen's way back for a mouse (only Ctrl+Z took the last year back;
            # the year taken back is asked first, and noted)
            buttons.insert(1, (app.t("menu.undo"), self.undo))
        if app.game.looking_at_paper:  # its sheet is what can be corrected
            buttons = [buttons[0], (app.t("menu.edit_paper"), self.edit_paper), buttons[2]]
        elif app.game.read_only and app.game.viewing is not None:
            # a game open read-only has no target to change (the dialog closed and nothing
            # changed): what the banner offers is what can be done
            key = "save.continue_here" if app.game.viewed_free else "save.as_copy"
            buttons.append((app.t(key), self.as_copy))
        elif app.game.history is not None and not app.game.state.finished:
            buttons.append((app.t("menu.target"), self.change_target))
        if app.game.unsaved() is not None:
            buttons.insert(1, (app.t("menu.save_elsewhere"), self.save_elsewhere))
        buttons.append((app.t("menu.help"), self.help))
        buttons.append((app.t("menu.compare"), self.compare))
        buttons.append((app.t("menu.language"), self.switch_language))
        game = app.game
        saved = (
            game.history is not None
            and not game.read_only
            and game.save_path is not None
            and game.unsaved() is None
        )  # a facilitator closing the window wants to know that nothing is lost
        buttons.append((app.t("menu.quit_saved" if saved else "menu.quit"), self.quit))
        super().__init__(app, app.t("menu.title"), "", buttons)

    def layout(self) -> DialogLayout:
        """As tall as its title and buttons: the menu has no text to leave room for."""
        width, height = self.app.size
        n = len(self.buttons)
        return dialog_layout(width, height, n, wide=self.wide, tall=self.tall, fitted=True)

    def undo(self) -> None:
        """Take the last decision back, as Ctrl+Z does (asked first: ``App.undo``)."""
        self.close()
        self.app.undo()

    def restart(self) -> None:
        """The same scenario, seed and target from the beginning (a new save); asked first
        for a game in progress (``RestartScene``) and while decisions are not saved."""
        game = self.app.game
        playing = game.history is not None and game.history.actions and not game.state.finished
        if playing and game.unsaved() is None:  # unsaved: leave_game asks its own question
            self.app.replace("restart")
            return
        self.close()
        self.app.leave_game("restart")

    def edit_paper(self) -> None:
        """The paper table's sheet on "Bord på papir", to be corrected (in place of the menu)."""
        self.close()
        edit_paper_table(self.app)

    def help(self) -> None:
        """The help (in place of the menu): the rules and the keys, for a mouse-only table."""
        self.close()
        self.app.push("help")

    def new_game(self) -> None:
        """Back to the start screen; asked first while decisions are not saved."""
        self.close()
        self.app.leave_game("new")

    def as_copy(self) -> None:
        """A game open read-only: play on in a copy, as the banner's button does."""
        self.close()
        board = self.app.find("board")
        if board is not None:
            board.continue_in_copy()

    def change_target(self) -> None:
        """The "change target" dialog (in place of the menu)."""
        self.close()
        self.app.push("target")

    def switch_language(self) -> None:
        """Dansk ↔ English for the window (the game's save remembers it); the deck's own texts
        stay in the deck's language."""
        self.close()
        self.app.set_language("en" if self.app.lang == "da" else "da")

    def compare(self) -> None:
        """The "compare tables" screen."""
        self.close()
        self.app.push("compare")

    def save_elsewhere(self) -> None:
        """The "save elsewhere" dialog (shown while the game is not saved)."""
        self.app.replace("save_elsewhere")

    def quit(self) -> None:
        """Close the window (a warning first while decisions are not saved)."""
        self.close()
        self.app.request_quit()
