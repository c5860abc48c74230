"""The two halves of a group on «Sammenlign borde»: the proposals the tables adopted, and the
tables' results (drawn by ``game.ui.scenes.compare``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pygame

from game.numbers import format_against, format_amount, format_percent
from game.report.svg import closing_mark
from game.ui import charts, theme
from game.ui.draw import kind_icon, panel
from game.ui.layout_grid import split_columns
from game.ui.pages import line_height
from game.ui.scene import Host
from game.ui.theme import BODY, FONT_BOLD, FONT_REGULAR, TINY


def proposals_max_scroll(app: Host, rect: pygame.Rect, group: Any) -> int:
    """How far the list of proposals in ``rect`` can scroll."""
    sc = app.scale
    g = sc.gap
    inner = rect.inflate(-2 * g, -2 * g)
    size = sc.min_text
    head_h = line_height(app, size, FONT_BOLD)
    used = [u for u in group.proposals if u.tables_adopted]
    foot_h = line_height(app, size) if len(group.proposals) > len(used) else 0
    height = inner.height - head_h - g // 2 - foot_h
    rows = max(1, height // (line_height(app, size, FONT_BOLD) * 2 + g))
    return max(0, len(used) - rows)


def draw_proposals(
    app: Host, surface: pygame.Surface, rect: pygame.Rect, group: Any, scroll: int
) -> None:
    """Left: every proposal adopted by a table, most adopted first (from row ``scroll``),
    as a bar of tables that adopted it, with the mean round of adoption."""
    sc = app.scale
    g = sc.gap
    panel(surface, rect, sc.radius)
    inner = rect.inflate(-2 * g, -2 * g)
    size = sc.min_text
    head_h = line_height(app, size, FONT_BOLD)
    used = [u for u in group.proposals if u.tables_adopted]
    unused = len(group.proposals) - len(used)
    foot = app.t(f"compare.unused.{'one' if unused == 1 else 'many'}", count=unused)
    # two lines when the panel is narrow (beside eight years it read "… intet bord: 1 for…")
    foot_lines = 1 if app.text.width(foot, size, FONT_REGULAR) <= inner.width else 2
    foot_h = line_height(app, size) * foot_lines if unused else 0
    area = pygame.Rect(
        inner.x, inner.y + head_h + g // 2, inner.width, inner.height - head_h - g // 2 - foot_h
    )
    row_h = line_height(app, size, FONT_BOLD) * 2 + g
    rows = max(1, area.height // row_h)
    max_scroll = max(0, len(used) - rows)
    total = max(1, len(group.tables))
    value_w = app.fonts.get(FONT_BOLD, size).size(f"{total}/{total}")[0] + g
    bold_h = line_height(app, size, FONT_BOLD)
    # one width for the rounds of every row, so that the bars stay alike to compare
    widest = [
        app.t("compare.mean_round", round=format_amount(u.mean_round, app.lang))
        for u in used
        if u.mean_round is not None
    ]
    rounds_w = max((app.fonts.get("regular", size).size(t)[0] + g for t in widest), default=0)
    y = area.y
    for use in used[scroll : scroll + rows]:
        icon = pygame.Rect(area.x, y + (bold_h - size) // 2, size, size)
        kind_icon(surface, use.kind, icon, theme.kind_color(use.kind))
        rounds = ""
        if use.mean_round is not None:
            rounds = app.t("compare.mean_round", round=format_amount(use.mean_round, app.lang))
        # the title has the whole line (at 1024×768 the room read "Brug indkøbsaftaler…"
        # beside the round); the round stands after the count, under it
        app.text.draw(
            surface,
            use.title,
            pygame.Rect(icon.right + g // 2, y, area.right - icon.right - g // 2, bold_h),
            BODY.sized(size).bold().lines(1),
        )
        if rounds:
            app.text.draw(
                surface,
                rounds,
                pygame.Rect(area.right - rounds_w, y + bold_h, rounds_w, bold_h),
                BODY.sized(size).ink(theme.MUTED).right().lines(1),
            )
        bar = pygame.Rect(
            icon.right + g // 2,
            y + bold_h + g // 4,
            max(g, area.right - icon.right - g // 2 - value_w - rounds_w),
            bold_h - g // 2,
        )
        pygame.draw.rect(surface, theme.DISABLED, bar, border_radius=bar.height // 3)
        filled = bar.copy()
        filled.width = round(bar.width * use.tables_adopted / total)
        pygame.draw.rect(surface, theme.kind_color(use.kind), filled, border_radius=bar.height // 3)
        # a mark between the tables while each has room for one (at 150 tables the marks
        # covered the whole bar in the panel's colour, and it vanished)
        for k in range(1, total if bar.width >= total * MARK_ROOM else 0):
            x = bar.x + round(bar.width * k / total)
            pygame.draw.line(surface, theme.PANEL, (x, bar.top), (x, bar.bottom - 1), 1)
        app.text.draw(
            surface,
            f"{use.tables_adopted}/{total}",
            pygame.Rect(bar.right, y + bold_h, value_w, bold_h),
            BODY.sized(size).bold().right().lines(1),
        )
        y += row_h
    if unused:
        app.text.draw(
            surface,
            foot,
            pygame.Rect(inner.x, inner.bottom - foot_h, inner.width, foot_h),
            BODY.sized(size).ink(theme.MUTED).lines(foot_lines),
        )
    heading_w = inner.width
    if max_scroll:
        shown = app.t(
            "compare.scroll",
            first=scroll + 1,
            last=min(len(used), scroll + rows),
            count=len(used),
        )
        app.text.draw(
            surface,
            shown,
            pygame.Rect(inner.x, inner.y, inner.width, head_h),
            BODY.sized(size).ink(theme.MUTED).right().lines(1),
        )
        # the heading never runs into "1–8 af 25"
        heading_w = max(1, inner.width - app.text.width(shown, size, FONT_REGULAR) - g)
    heading = app.t("compare.proposals")
    for shorter in ("compare.proposals_short", "compare.proposals_shortest"):
        if app.text.width(heading, size, FONT_BOLD) <= heading_w:
            break
        # at 1024×768 beside "1–7 af 24" it read "Forslag: hvor mange borde vedtog d…", and
        # beside eight years "Forslag og antal…"
        heading = app.t(shorter)
    app.text.draw(
        surface,
        heading,
        pygame.Rect(inner.x, inner.y, heading_w, head_h),
        BODY.sized(size).bold().lines(1).shrink(),
    )


MARK_ROOM = 4
"""The pixels each table needs in a proposal's bar for the bar to mark where it ends."""


def year_short(year: str) -> str:
    """A year for a narrow column: "’27" for "2027" (any other label as it is)."""
    return f"’{year[-2:]}" if len(year) == 4 and year.isdigit() else year


def _column_weights(
    app: Host, group: Any, columns: list[str], size: int, gap: int, marks: bool = True
) -> list[float]:
    """The table's column widths in proportion to what each must hold in full: its heading
    and its widest cell (a table's name, "−14,2" and its mark – without ``marks`` the value
    alone –, "vundet")."""
    bold = app.fonts.get(FONT_BOLD, size)
    regular = app.fonts.get("regular", size)
    badge = max(8, round(size * 0.9)) if marks else 0

    def width(font: pygame.font.Font, text: str) -> int:
        return int(font.size(charts.displayable(text, font))[0])

    needs = [width(bold, label) for label in columns]
    for table in group.tables:
        needs[0] = max(needs[0], width(bold, table.label(app.lang)))
        for i, (value, target) in enumerate(zip(table.raaderum, table.target)):
            text = cell_text(value, target, app.lang)
            needs[1 + i] = max(
                needs[1 + i], width(regular, text) + (gap // 2 + badge if marks else 0)
            )
        needs[-2] = max(needs[-2], width(bold, f"{table.service:+d}"))
    for word in ("compare.won", "compare.lost", "compare.open", "compare.stopped"):
        needs[-1] = max(needs[-1], width(bold, app.t(word)))
    return [float(need + gap) for need in needs]


def cell_text(value: float, target: float, lang: str) -> str:
    """A table's råderum in one year as the comparison writes it: with the decimals that show
    a miss as one (27,95 against 28), as the table's own report and sheet write it, also in
    the compact form without ✓/✗ (a met 6,5 read "7", and a host's figures differed from
    the tables' own); a miss is never rounded up to its target."""
    met = value >= target - 1e-9
    return format_against(value, target, lang, met=met)


NAME_SHARE = 0.4
"""The share of the table's width a long table name ("Bord 8 (Seniorerne) (papir)") may keep
when the years do not fit beside it in full: the name is shortened, never the figures."""

NAME_LEAST = 0.2
"""The share of the table's width a table's name is shortened down to before the years lose
their ✓/✗: one long name ("Bord 9 – Søgård (papir)") took the marks from every table at
1024×768, and a miss was then told by its colour alone."""

NOTE_LINES = 5
"""The lines the notes over a group's table may take (floor, copies, unreadable files …): at
three, a copy's long note left no room for the files that could not be read."""
UNREADABLE_NAMED = 2
"""The files that could not be read, named on the screen before "og 3 til"."""


TABLES_MOST_SHARE = 0.62
"""The largest share of the screen's width the tables may take from the proposals (whose
titles are shortened anyway): at 1024×768 a four-year game's years then keep their marks."""

TABLES_MOST_SHARE_WITHOUT_MARKS = 0.76
"""The share the tables may take when their years do not keep their marks even at
``TABLES_MOST_SHARE`` (eight years): at 1024×768 the figures of the long game overlapped
each other ("−0,17,55,99,2") in the columns left beside the names."""


def tables_share(app: Host, group: Any, width: int) -> float:
    """The share of ``width`` (the body under the group's title) for the tables: half, or
    more – up to ``TABLES_MOST_SHARE`` – when the years need it to keep their ✓/✗ and their
    decimals (without the marks the met years were rounded and only colour told a miss)."""
    sc = app.scale
    g = sc.gap
    columns = [
        app.t("compare.table_col"),
        *group.years,
        app.t("compare.service_col"),
        app.t("compare.result_col"),
    ]
    needs = _column_weights(app, group, columns, sc.min_text, g)
    name = min(needs[0], (width * TABLES_MOST_SHARE - 2 * g) * NAME_SHARE)
    wanted = name + sum(needs[1:]) + g // 2 * (len(needs) - 1) + 2 * g  # the panel's margins
    share = wanted / max(1, width - 2 * g)
    if share <= TABLES_MOST_SHARE:
        return max(0.5, share)
    # the years lose their marks: their figures alone, beside a name shortened to its least
    short = [app.t("compare.table_col"), *(year_short(y) for y in group.years), *columns[-2:]]
    bare = _column_weights(app, group, short, sc.min_text, g, marks=False)
    room = width * TABLES_MOST_SHARE_WITHOUT_MARKS - 2 * g
    name = min(bare[0], room * NAME_LEAST)
    wanted = name + sum(bare[1:]) + g // 2 * (len(bare) - 1) + 2 * g
    return max(
        TABLES_MOST_SHARE, min(TABLES_MOST_SHARE_WITHOUT_MARKS, wanted / max(1, width - 2 * g))
    )


def _fitted_columns(
    app: Host,
    group: Any,
    columns: list[str],
    size: int,
    gap: int,
    width: int,
    marks: bool = True,
) -> tuple[list[float], bool]:
    """The column widths for a table ``width`` wide, and whether the years fit with their
    marks. Service and result keep what they need. With marks, every year keeps what it
    needs and the name takes the rest (at least ``NAME_LEAST``, shortened if longer); without,
    each year keeps what its figures need (stretched to fill the width) and the name the
    rest, at least ``NAME_LEAST``."""
    needs = _column_weights(app, group, columns, size, gap, marks)
    room = width - gap // 2 * (len(needs) - 1)
    name, years, fixed = needs[0], needs[1:-2], needs[-2] + needs[-1]
    if marks:
        fits = min(name, room * NAME_LEAST) + sum(years) + fixed <= room
        return [max(1.0, room - sum(years) - fixed), *years, needs[-2], needs[-1]], fits
    # the years keep what their figures need, each its own (a column of "124,3" beside one
    # of "7,5"); the name the rest, and at least NAME_LEAST
    kept = max(min(name, room * NAME_LEAST), min(name, room - sum(years) - fixed))
    stretch = max(1.0, room - kept - fixed) / max(1.0, sum(years))
    return [kept, *[need * stretch for need in years], needs[-2], needs[-1]], False


def draw_tables(
    app: Host,
    surface: pygame.Surface,
    rect: pygame.Rect,
    group: Any,
    unreadable: Sequence[str],
    floor: int | None,
    copies: int = 0,
    first: int = 0,
    unplayed: int = 0,
    apart: str = "",
    diverged: Sequence[tuple[str, int]] = (),
    robots: int = 0,
    entered_again: Sequence[str] = (),
) -> tuple[int, tuple[tuple[int, pygame.Rect], ...]]:
    """Right: the win rate, ``apart`` (why the group is not compared with the others, or
    ""), and per table its råderum per year against the target, its service level and its
    result; above them the floor, what was not finished, the files that could not be read
    (``unreadable``: their names, the first ``UNREADABLE_NAMED`` shown), the files counted
    once as copies of a game (``diverged``: the tables, by name, one of whose copies went its
    own way after a decision, 1-based; ``entered_again``: the paper tables, by name, whose
    sheet was typed in again, the latest entry counted), the games never played (left out),
    and a name two
    tables carry
    (one table counted twice?), as the printed comparison says. ``first`` is the first table
    shown when they do not all fit (the list scrolls). Under the rows, when there is room, a
    line says that a click on a table shows what it adopted. Returns the largest useful
    ``first`` and the rows drawn as (the table's index in the group, its row)."""
    sc = app.scale
    g = sc.gap
    panel(surface, rect, sc.radius)
    inner = rect.inflate(-2 * g, -2 * g)
    win_h = line_height(app, sc.body, FONT_BOLD)
    wins = (
        app.t(
            "compare.win_rate",
            wins=group.wins,
            tables=group.finished,
            percent=format_percent(group.win_rate, app.lang),
        )
        if group.finished
        else app.t("compare.none_finished")  # not "0 af 0 færdige borde vandt (0 %)"
    )
    app.text.draw(
        surface,
        wins,
        pygame.Rect(inner.x, inner.y, inner.width, win_h),
        BODY.bold().lines(1).shrink(),
    )
    top = inner.y + win_h
    if apart:
        note_h = line_height(app, sc.min_text)
        top += app.text.draw(
            surface,
            apart,
            pygame.Rect(inner.x, top, inner.width, note_h * 2),
            TINY.ink(theme.MUTED).lines(2).shrink(),
        ).height
    open_count = len(group.tables) - group.finished
    parts = []
    if floor is not None:
        parts.append(app.t("compare.floor", floor=format_amount(floor, app.lang, 0, sign=True)))
    if open_count:
        parts.append(app.t("compare.unfinished", count=open_count))
    if copies:
        parts.append(app.t("compare.copies", count=copies))
    # first: the one note a host must act on before trusting a row
    parts[:0] = [
        *(app.t("compare.diverged", table=n, decision=d) for n, d in diverged),
        *(app.t("compare.entered_again", table=n) for n in entered_again),
    ]
    if unplayed:
        parts.append(app.t("compare.unplayed", count=unplayed))
    if robots:  # the kiosk's games on a laptop that became a table
        parts.append(app.t("compare.robots", count=robots))
    for name, paths in group.same_names:
        parts.append(app.t("compare.same_name", count=len(paths), name=name))
    if unreadable:
        # named, so that the host can find the table's file (the count alone said not which);
        # last, as file names make it long: the short notes before it are never cut off
        names = ", ".join(unreadable[:UNREADABLE_NAMED])
        if len(unreadable) > UNREADABLE_NAMED:
            names = app.t(
                "compare.unreadable_more", names=names, count=len(unreadable) - UNREADABLE_NAMED
            )
        parts.append(app.t("compare.unreadable", names=names))
    if parts:
        note_h = line_height(app, sc.min_text)
        # ``NOTE_LINES`` at most, and only the lines the notes take
        top += app.text.draw(
            surface,
            " · ".join(parts),
            pygame.Rect(inner.x, top, inner.width, note_h * NOTE_LINES),
            TINY.ink(theme.WARNING).lines(NOTE_LINES).shrink(),
        ).height
    top += g // 2
    years = group.years
    size = sc.min_text
    line_h = line_height(app, size, FONT_BOLD)
    columns = [
        app.t("compare.table_col"),
        *years,
        app.t("compare.service_col"),
        app.t("compare.result_col"),
    ]
    weights, marks = _fitted_columns(app, group, columns, size, g, inner.width)
    if not marks:  # eight years do not fit with marks: '27 … '34, the value in its colour only
        columns = [columns[0], *(year_short(y) for y in years), *columns[-2:]]
        weights, _ = _fitted_columns(app, group, columns, size, g, inner.width, marks=False)
    cells = split_columns(pygame.Rect(inner.x, top, inner.width, line_h), weights, g // 2)
    for label, cell in zip(columns, cells):
        app.text.draw(
            surface,
            label,
            cell,
            BODY.sized(size).bold().ink(theme.MUTED).center().lines(1).shrink(),
        )
    y = top + line_h
    available = inner.bottom - y
    row_h = max(line_h, min(round(line_h * 1.6), available // max(1, len(group.tables))))
    rows = max(1, available // row_h)
    if len(group.tables) > rows:
        rows = max(1, (available - line_h) // row_h)  # a line says how many more there are
    most = max(0, len(group.tables) - rows)
    first = max(0, min(first, most))
    badge = max(8, round(size * 0.9))
    drawn: list[tuple[int, pygame.Rect]] = []
    for number, table in enumerate(group.tables[first : first + rows]):
        row = pygame.Rect(inner.x, y, inner.width, row_h)
        drawn.append((first + number, row))
        if number % 2:
            pygame.draw.rect(surface, theme.BACKGROUND, row, border_radius=sc.radius // 2)
        cells = split_columns(row, weights, g // 2)
        # the same name as on the printed comparison, its "(papir)" kept when it is shortened
        name = marked_name(
            app, table.label(app.lang), cells[0].width - 4, size, app.t("compare.table_col")
        )
        app.text.draw(
            surface, name, cells[0], BODY.sized(size).bold().center().middle().lines(1).shrink()
        )
        for i in range(len(years)):
            cell = cells[1 + i]
            value = table.raaderum[i] if i < len(table.raaderum) else 0.0
            target = table.target[i] if i < len(table.target) else 0.0
            closed = table.closed(i)  # an unfinished table's open years are not final
            font = app.fonts.get("regular", size)
            if not table.begun(i):
                # a year the table has not begun: no result yet, as the report says it
                charts.blit_text(surface, "–", font, theme.MUTED, "center", cell.center)
                continue
            met = value >= target - 1e-9
            text = cell_text(value, target, app.lang)
            text_w = font.size(charts.displayable(text, font))[0]
            x0 = cell.centerx - (text_w + (g // 2 + badge if marks else 0)) // 2
            charts.blit_text(
                surface,
                text,
                font,
                theme.MUTED if not closed else theme.INK if met else theme.WARNING,
                "midleft",
                (x0, cell.centery),
            )
            center = (x0 + text_w + g // 2 + badge // 2, cell.centery)
            if not marks:
                continue
            if closed and met:
                charts.draw_check(surface, center, badge, theme.MET)
            elif closed:
                charts.draw_cross(surface, center, badge, theme.GAP)
        service = cells[-2]
        below = floor is not None and table.service < floor
        app.text.draw(
            surface,
            f"{table.service:+d}".replace("-", "−") if table.service else "0",
            service,
            BODY.sized(size)
            .bold(below)
            .ink(theme.WARNING if below else theme.INK)
            .center()
            .middle()
            .lines(1),
        )
        inks = {"compare.won": theme.MET, "compare.lost": theme.WARNING}
        result, ink = app.t(table.result_key), inks.get(table.result_key, theme.MUTED)
        app.text.draw(
            surface,
            result,
            cells[-1],
            BODY.sized(size).bold().ink(ink).center().middle().lines(1),
        )
        y += row_h
    above, below = first, len(group.tables) - first - rows
    if above or below > 0:
        words = app.t("compare.tables_more", above=above, below=max(0, below))
        app.text.draw(
            surface,
            words,
            pygame.Rect(inner.x, inner.bottom - line_h, inner.width, line_h),
            BODY.sized(size).ink(theme.MUTED).right().lines(1).shrink(),
        )
    elif group.tables and inner.bottom - y >= line_h:
        hint = app.t("compare.choices.hint")
        if app.text.width(hint, size, FONT_REGULAR) > inner.width:  # "… hvad det vedt…" at 1024
            hint = app.t("compare.choices.hint_short")
        app.text.draw(
            surface,
            hint,
            pygame.Rect(inner.x, inner.bottom - line_h, inner.width, line_h),
            BODY.sized(size).ink(theme.MUTED).center().lines(1).shrink(),
        )
    return most, tuple(drawn)


def marked_name(app: Host, label: str, width: int, size: int, heading: str = "") -> str:
    """A table's ``label`` as its cell holds it in bold at ``size``: whole when it fits, else
    the name shortened with "…" before its closing mark ("(papir)", "(2, papir)", "(kopi)")
    is (a long name lost the mark that told a paper table from a laptop's). The words up to
    its number stay ("Bord 12…", not "Bord…" for both Bord 12 and Bord 14), and where even
    they do not fit, the column's ``heading`` ("Bord") is left out before them ("12… (papir)")."""
    bold = FONT_BOLD
    name, mark = closing_mark(label)
    if not mark or app.text.width(label, size, bold) <= width:
        return label

    def fitted(words: list[str], keep: int) -> str | None:
        while len(words) > keep:
            words = words[:-1]
            shown = " ".join(words).rstrip(" ,–-") + "…" + mark
            if app.text.width(shown, size, bold) <= width:
                return shown
        return None

    def kept(words: list[str]) -> int:
        """The words up to and with the first that holds a digit (1 without one)."""
        return next((i + 1 for i, w in enumerate(words) if any(c.isdigit() for c in w)), 1)

    words = name.split(" ")
    found = fitted(words, kept(words))
    if found is None and heading and len(words) > 1 and words[0].casefold() == heading.casefold():
        rest = words[1:]
        whole = " ".join(rest) + mark
        found = whole if app.text.width(whole, size, bold) <= width else fitted(rest, kept(rest))
    if found is not None:
        return found
    for end in range(len(name) - 1, 0, -1):
        shown = name[:end].rstrip() + "…" + mark
        if app.text.width(shown, size, bold) <= width:
            return shown
    return label
