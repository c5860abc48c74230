"""Proposal cards as the board shows them: small market cards and the facts behind them."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from statistics import NormalDist
from typing import TYPE_CHECKING

import pygame

from game.engine import (
    Adopt,
    Event,
    GameState,
    IllegalAction,
    Kind,
    Proposal,
    anchor,
    check,
    excluded_by,
    face,
    face_row,
    fatigue_of,
    lognormal_params,
    missing_requirements,
)
from game.ui import theme
from game.ui.draw import drop_shadow, effect_bars, kind_icon
from game.ui.layout import CardLayout, card_layout
from game.ui.tableslots import Slot
from game.ui.theme import BODY, FONT_BOLD, FONT_REGULAR, TINY

if TYPE_CHECKING:
    from game.ui.scene import Host

Z90 = NormalDist().inv_cdf(0.9)


def effect_from(proposal: Proposal, state: GameState, start: int | None = None) -> list[float]:
    """Face-value amounts of ``proposal`` in each budget year, adopted in round ``start``
    (default: the current round); years before adoption are 0. A calendar card's amounts
    belong to fixed budget years (``game.engine.anchor``)."""
    start = state.round if start is None else start
    scenario = state.scenario
    return list(face_row(proposal, start, scenario.rounds, anchor(proposal, scenario)))


def factor_range(proposal: Proposal) -> tuple[float, float]:
    """The 10–90 % range of a proposal's hidden factor (failure counts as factor 0)."""
    mu, sigma = lognormal_params(proposal.uncertainty)

    def quantile(q: float) -> float:
        if q <= proposal.failure:
            return 0.0
        inner = (q - proposal.failure) / max(1e-9, 1.0 - proposal.failure)
        inner = min(max(inner, 1e-9), 1 - 1e-9)
        return math.exp(mu + sigma * NormalDist().inv_cdf(inner))

    return quantile(0.1), quantile(0.9)


def refusal(state: GameState, card: str) -> IllegalAction | None:
    """Why ``card`` cannot be adopted now, or None when it can."""
    return check(state, Adopt(card))


def adopt_card(app: Host, card: str, note: str = "") -> bool:
    """Adopt ``card`` through the game controller (False: refused, the controller said why).
    An adoption that takes the service level under the scenario's floor says so at once
    (``say_if_under_floor``)."""
    before = app.game.state
    if not app.game.do(Adopt(card, note)):
        return False
    say_if_under_floor(app, before, app.game.state, "board.under_floor")
    return True


def say_if_under_floor(app: Host, before: GameState, after: GameState, key: str) -> None:
    """The notice ``key`` when the step from ``before`` to ``after`` (an adoption, or the
    new round's event) took the service level under the scenario's floor: the floor is
    judged after the last year, and the meter's colour alone went unseen. A step down or
    up while the notice is shown says the new level (it replaces the notice): three savings
    in a row left "Serviceniveauet er nu −4" beside a panel at −5, and an investment that
    lifted it to −6 left "−7"; a step back over the floor withdraws it."""
    floor = after.scenario.service_floor
    if floor is None:
        return
    if after.service >= floor:
        if after.service != before.service and app.game.showing(key):
            app.game.withdraw(key)
            app.request_redraw()
        return
    crossed = before.service >= floor
    moved = after.service != before.service and app.game.showing(key)
    if crossed or moved:
        app.toast(key, service=signed(after.service), floor=signed(floor))


def kind_word(app: Host, kind: Kind) -> str:
    """The kind's name in the UI language ("Besparelse")."""
    return app.t(f"kind.{kind.value}")


def rivals(proposal: Proposal, state: GameState) -> frozenset[str]:
    """The cards of the game's pile that cannot be adopted together with ``proposal``
    (``Deck.exclusive_with``) and are still in play in ``state``: none once either side is
    adopted or ruled out (the card then says "Udelukket" or "Vedtaget"), and none outside
    the scenario's pile, which the game never meets."""
    found = state.deck.exclusive_with(proposal.id)
    if not found or proposal.id in state.adopted_ids() or excluded_by(state, proposal.id):
        return frozenset()
    pile = frozenset(state.scenario.proposals)
    return frozenset(rival for rival in found & pile if excluded_by(state, rival) is None)


def badges(app: Host, proposal: Proposal, state: GameState) -> list[tuple[str, theme.Color]]:
    """The badges of a card and their tints: "±" (uncertain gains), "Kræver" (another card
    must be adopted first), "Udelukker" (adopting it rules another card of the game out, or
    the other way round), "Anlæg" (it draws on the anlægsramme). "Kræver" goes once what
    it requires is adopted, or the card itself (it stayed on a card free to adopt)."""
    found: list[tuple[str, theme.Color]] = []
    if proposal.id not in state.adopted_ids() and missing_requirements(state, proposal):
        found.append((app.t("card.badge.requires"), theme.KIND_TINTS[Kind.SAVING]))
    if rivals(proposal, state):
        found.append((app.t("card.badge.excludes"), theme.KIND_TINTS[Kind.SAVING]))
    if proposal.construction > 0:
        found.append((app.t("card.badge.construction"), theme.KIND_TINTS[Kind.INVESTMENT]))
    if proposal.is_uncertain:
        found.append((app.t("card.uncertain_tag"), theme.KIND_TINTS[Kind.EFFICIENCY]))
    return found


def load_and_fatigue(app: Host, proposal: Proposal) -> tuple[str, str]:
    """ "Belastning 2" and "Træthed 3": the capacity a card takes and the træthed it adds."""
    return (
        app.t("card.load", load=proposal.load),
        app.t("card.fatigue", fatigue=fatigue_of(proposal)),
    )


def card_facts(
    app: Host, proposal: Proposal, problem: IllegalAction | None, width: int, min_text: int
) -> list[str]:
    """The fact lines of a market card ``width`` pixels wide: belastning and træthed (on one
    line when it fits), then the service change – or, when the card cannot be adopted now,
    why (in short, on as many lines as it takes: ``refusal_lines`` counts them). A card over
    the capacity says what it takes in all ("Kræver 4 i alt, kun 3 tilbage") instead of its
    belastning and træthed, so a two-line title leaves room for its amounts."""
    if problem is not None and problem.code == "over_capacity":
        reason = _reason(app, problem, width, min_text)
        if len(reason) == 1 and "load" in problem.params:
            return list(reason)
    load, fatigue = load_and_fatigue(app, proposal)
    joined = f"{load} · {fatigue}"
    apart = app.text.width(load, min_text) + app.text.width(fatigue, min_text) + min_text // 2
    if app.text.width(joined, min_text) <= width:
        lines = [joined]
    elif apart <= width:  # one line, belastning to the left and træthed to the right
        lines = [f"{load}{SPLIT}{fatigue}"]
    else:
        lines = [load, fatigue]
    if problem is None:
        lines.append(app.t("card.service", service=signed(proposal.service)))
    else:
        lines.extend(_reason(app, problem, width, min_text))
    return lines


def _reason(app: Host, problem: IllegalAction, width: int, min_text: int) -> tuple[str, ...]:
    if problem.code == "over_capacity" and "load" in problem.params:
        # "Kræver 4, 1 tilbage": the meter's "1 tilbage" next to "Ingen kapacitet" read wrong
        # and a narrow card's "Ingen kapacitet" beside the meter's "3 tilbage" read wrong
        # too: a shorter form with the figures first, then "For lidt kapacitet"
        params = {"load": problem.params["load"], "left": problem.params.get("left", 0)}
        for key in ("card.short.over_capacity_needs", "card.short.over_capacity_brief"):
            reason = app.t(key, **params)
            if app.text.width(reason, min_text, FONT_BOLD) <= width:
                return (reason,)
    reason = app.t(f"card.short.{problem.code}")
    return app.text.fit(reason, width, 100_000, min_text, min_text, FONT_BOLD).lines


def refusal_lines(app: Host, problem: IllegalAction | None, width: int, min_text: int) -> int:
    """How many of a card's fact lines say why it cannot be adopted (0 when it can)."""
    return 0 if problem is None else len(_reason(app, problem, width, min_text))


SPLIT = "\t"
"""Between the two halves of a fact line drawn against the left and the right edge."""

FACT_STYLE = BODY.but(size="min_text").tight().lines(1)
"""The facts and the area line of a market card."""


def title_style(min_text: int, bold: bool = True) -> theme.TextStyle:
    """A market card's title: bold (or regular, where bold would not fit), a little larger than
    the smallest text, shrinking to it."""
    size = max(min_text, round(min_text * 1.15))
    return BODY.sized(size).bold(bold).tight().shrink(min_text)


@dataclass(frozen=True)
class MarketCardPlan:
    """How a market card is laid out: its parts, its fact lines, the kind's word in the band
    ("" when the badges took its place) and whether the badges sit in the band."""

    parts: CardLayout
    facts: list[str]
    word: str
    badges_in_band: bool
    bold: bool = True
    """Whether the title is drawn in bold (regular when only that keeps it whole)."""
    icon: bool = True
    """Whether the band shows the kind's icon (not when the badges need its room)."""


def market_card_layout(
    app: Host, rect: pygame.Rect, proposal: Proposal, state: GameState, min_text: int
) -> MarketCardPlan:
    """The parts of ``proposal``'s market card in ``rect``, sized to its title and facts (the
    title is measured at the smallest text, so it is shown in full where it can be), and the
    fact lines (a title that would be cut in bold is drawn in regular when that keeps it
    whole). The badges sit in the band beside the kind's word when they fit there, else
    in the area line when the title keeps its room, else in the band instead of the word (the
    icon and the colour still tell the kind) or, when they need it, of the icon too, and only
    when even that is too narrow in the area line at the title's expense."""
    problem = refusal(state, proposal.id)
    line = app.text.fit("Ag", 1000, 1000, min_text, min_text, spacing=theme.TIGHT).line_height
    probe = card_layout(rect, min_text, line=line)
    facts = card_facts(app, proposal, problem, probe.footer.width, min_text)

    def height(role: str) -> int:
        fitted = app.text.fit(
            proposal.title, probe.title.width, 100_000, min_text, min_text, role, None, theme.TIGHT
        )
        return fitted.height

    needed = height(FONT_BOLD)
    word, in_band = band_plan(app, proposal, probe, min_text, state)
    has_badges = bool(badges(app, proposal, state))
    last = facts[-1]
    role = FONT_BOLD if refusal_lines(app, problem, probe.footer.width, min_text) else FONT_REGULAR
    beside = 0 if SPLIT in last else app.text.width(last, min_text, role)

    # a card that cannot be adopted now says why on its last line, and keeps its title whole
    # before its amounts; the others keep their amounts first
    amounts_w = 0 if problem else amounts_width(app, proposal, state, min_text)

    def layout(area_badges: bool) -> CardLayout:
        return card_layout(
            rect,
            min_text,
            title_h=needed,
            facts=len(facts),
            badges=area_badges,
            line=line,
            beside=beside,
            amounts_w=amounts_w,
        )

    def placed(parts: CardLayout) -> CardLayout:
        return parts if icon else replace(parts, kind=wide)

    icon = True
    wide = probe.kind.union(probe.icon)  # the band without its icon
    parts = layout(has_badges and not in_band)
    if has_badges and not in_band and parts.title.height < needed:
        bare, in_band = band_plan(app, proposal, probe, min_text, state, bare=True)
        if not in_band:
            narrow = replace(probe, kind=wide)
            bare, in_band = band_plan(app, proposal, narrow, min_text, state, bare=True)
            icon = not in_band
        if in_band:
            word, parts = bare, layout(False)
    bold = True
    if parts.title.height < needed and height(FONT_REGULAR) < needed:
        bold, needed = False, height(FONT_REGULAR)  # a line less in regular than in bold
        parts = layout(has_badges and not in_band)
    return MarketCardPlan(placed(parts), facts, word, in_band, bold, icon)


def amounts_width(app: Host, proposal: Proposal, state: GameState, min_text: int) -> int:
    """The width (px, bold at ``min_text``) of the least a card's strip must show of its
    amounts: the one amount of a card that gives the same every year, else the first and the
    last ("−1.100 … +2.400": the cost and where it ends up; "… +2.400" hid the cost of an
    investment, and "… 0" made a one-off sale of 3.000 look worthless); 0 after the game."""
    start = state.round if not state.finished else 0
    values = effect_from(proposal, state)[start:]
    if not values:
        return 0
    first = app.amount(values[0], sign=True, unit=False, exact=True)
    if len(set(values)) == 1:
        return app.text.width(first, min_text, FONT_BOLD) + 4
    last = app.amount(values[-1], sign=True, unit=False, exact=True)
    return app.text.width(f"{first} … {last}", min_text, FONT_BOLD) + 4


def chip_widths(app: Host, proposal: Proposal, min_text: int, state: GameState) -> list[int]:
    """The widths of a card's badges."""
    gap = max(2, min_text // 4)
    return [
        app.text.width(label, min_text, FONT_BOLD) + min_text // 2 + gap
        for label, _ in badges(app, proposal, state)
    ]


def band_plan(
    app: Host,
    proposal: Proposal,
    parts: CardLayout,
    min_text: int,
    state: GameState,
    *,
    bare: bool = False,
) -> tuple[str, bool]:
    """The kind's word in the band (in full, or short when the band is narrow) and whether the
    badges fit in the band beside it (then the area line may give its room to the title);
    ``bare``: the badges with the word at its shortest ("Eff.") or, when even that does not
    fit, alone ("" and True when they fit)."""
    full = kind_word(app, proposal.kind)
    short = app.t(f"kind_short.{proposal.kind.value}")
    # the least: "Eff." where even "Effektivis." is cut to "Effekti-…" (a catalogue's ten
    # cards in five columns at 1366×768); the icon and the colour tell the kind as well
    tiny = app.t(f"kind_tiny.{proposal.kind.value}")
    chips = sum(chip_widths(app, proposal, min_text, state))
    for word in (full, short):
        if app.text.width(word, min_text, FONT_BOLD) + chips <= parts.kind.width:
            return word, bool(chips)
    if bare and chips and app.text.width(tiny, min_text, FONT_BOLD) + chips <= parts.kind.width:
        # "Eff." beside the badges before none at all: on a washed-out projector the colours
        # of the kinds run together, and the kind is the game's lesson
        return tiny, True
    if bare and chips and chips <= parts.kind.width:
        return "", True
    alone = [w for w in (full, short) if app.text.width(w, min_text, FONT_BOLD) <= parts.kind.width]
    return (alone[0] if alone else tiny), False


def draw_left_place(
    surface: pygame.Surface,
    app: Host,
    rect: pygame.Rect,
    proposal: Proposal,
    slot: Slot,
    number: int,
    *,
    min_text: int,
    radius: int,
) -> None:
    """The place of a card that left the table this round: an outline with its number, and
    the card's title under why it left ("Vedtaget i år"), so the other cards keep
    their numbers until the table is filled up again."""
    pad = max(2, min_text // 3)
    pygame.draw.rect(surface, theme.BACKGROUND, rect, border_radius=radius)
    pygame.draw.rect(surface, theme.FAINT, rect, max(2, radius // 4), border_radius=radius)
    inner = rect.inflate(-2 * pad, -2 * pad)
    line = app.text.fit("Ag", 999, 999, min_text, min_text).line_height
    why = app.t("card.left_adopted" if slot.left == "adopted" else "card.left_gone")
    head = pygame.Rect(inner.x, inner.y, inner.width, line)
    app.text.draw(
        surface, f"{number} · {why}", head, TINY.bold().ink(theme.MUTED).lines(1).shrink()
    )
    body = pygame.Rect(inner.x, head.bottom, inner.width, max(1, inner.bottom - head.bottom))
    app.text.draw(surface, proposal.title, body, TINY.ink(theme.MUTED).shrink())


def draw_market_card(
    surface: pygame.Surface,
    app: Host,
    rect: pygame.Rect,
    proposal: Proposal,
    state: GameState,
    number: int,
    *,
    selected: bool,
    min_text: int,
    radius: int,
    hover: bool = False,
) -> None:
    """A proposal on the table: kind band (colour, icon, word, key number), title, area and
    badges, effect per remaining year, belastning, træthed and service; greyed, with the
    reason, when it cannot be adopted; outlined in the accent colour while the mouse is over
    it."""
    text = app.text
    problem = refusal(state, proposal.id)
    color = theme.kind_color(proposal.kind)
    plan = market_card_layout(app, rect, proposal, state, min_text)
    parts, facts, word, in_band = plan.parts, plan.facts, plan.word, plan.badges_in_band
    if selected:
        lifted = rect.inflate(radius // 2, radius // 2)
        pygame.draw.rect(surface, theme.SELECTED, lifted.move(0, radius // 3), border_radius=radius)
        pygame.draw.rect(surface, theme.CARD, rect, border_radius=radius)
        pygame.draw.rect(surface, theme.SELECTED, lifted, max(3, radius // 2), border_radius=radius)
    else:
        drop_shadow(surface, rect, radius, max(2, radius // 3))
        pygame.draw.rect(surface, theme.CARD, rect, border_radius=radius)
    band_color = color if problem is None else theme.mix(color, theme.DISABLED, 0.6)
    pygame.draw.rect(
        surface,
        band_color,
        parts.band,
        border_top_left_radius=radius,
        border_top_right_radius=radius,
    )
    if plan.icon:
        pygame.draw.ellipse(surface, theme.CARD, parts.icon.inflate(2, 2))
        kind_icon(
            surface,
            proposal.kind,
            parts.icon.inflate(-parts.icon.width // 5, -parts.icon.height // 5),
            band_color,
        )
    band_ink = theme.HEADER_INK if proposal.kind is not Kind.SAVING else theme.INK
    if word:
        word_style = BODY.sized(min_text).bold().ink(band_ink).middle().lines(1)
        text.draw(surface, word, parts.kind, word_style)
    if in_band:
        chips = parts.kind.inflate(0, -max(2, parts.band.height // 8))
        _draw_badges(surface, app, chips, proposal, min_text, radius, state)
    # the key number on a white disc, or a pill as wide as a two-digit number needs (10–12
    # spilled out of the disc onto the band)
    side = min(parts.number.width, parts.number.height) - 2
    need = text.width(str(number), min_text, FONT_BOLD) + side // 3
    badge = pygame.Rect(0, 0, max(side, need), side)
    badge.center = parts.number.center
    badge.right = min(badge.right, parts.band.right - 2)
    pygame.draw.rect(surface, theme.CARD, badge, border_radius=side // 2)
    text.draw(surface, str(number), badge, BODY.sized(min_text).bold().center().middle().lines(1))
    ink = theme.INK if problem is None else theme.MUTED
    text.draw(surface, proposal.title, parts.title, title_style(min_text, plan.bold).ink(ink))
    if parts.area is not None:
        _draw_area_line(surface, app, parts.area, proposal, min_text, radius, not in_band, state)
    draw_effect_strip(surface, app, parts.effect, proposal, state, min_text)
    plain = len(facts) - refusal_lines(app, problem, parts.footer.width, min_text)
    for i, fact in enumerate(facts):
        row = pygame.Rect(
            parts.footer.x, parts.footer.y + i * parts.line, parts.footer.width, parts.line
        )
        refused = i >= plain
        style = FACT_STYLE.bold(refused).ink(theme.WARNING if refused else ink).middle()
        left, _, right = fact.partition(SPLIT)
        text.draw(surface, left, row, style)
        if right:
            text.draw(surface, right, row, style.right())
    if problem is not None:
        veil = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(veil, (*theme.BACKGROUND, 90), veil.get_rect(), border_radius=radius)
        surface.blit(veil, rect.topleft)
    if hover and not selected:
        pygame.draw.rect(surface, theme.ACCENT, rect, max(2, radius // 3), border_radius=radius)


def _draw_badges(
    surface: pygame.Surface,
    app: Host,
    rect: pygame.Rect,
    proposal: Proposal,
    min_text: int,
    radius: int,
    state: GameState,
) -> int:
    """The card's badges against the right edge of ``rect``; returns where the first begins."""
    right = rect.right
    style = BODY.sized(min_text).bold().center().middle().lines(1)
    chips = zip(badges(app, proposal, state), chip_widths(app, proposal, min_text, state))
    for (label, tint), width in chips:
        gap = max(2, min_text // 4)
        chip = pygame.Rect(right - width + gap, rect.y + 1, width - gap, rect.height - 2)
        if chip.x < rect.x:
            break
        pygame.draw.rect(surface, tint, chip, border_radius=max(2, radius // 2))
        app.text.draw(surface, label, chip, style)
        right = chip.x - gap
    return right


def _draw_area_line(
    surface: pygame.Surface,
    app: Host,
    rect: pygame.Rect,
    proposal: Proposal,
    min_text: int,
    radius: int,
    with_badges: bool,
    state: GameState,
) -> None:
    """The card's area (muted), with its badges against the right edge when the band has no
    room for them."""
    right = (
        _draw_badges(surface, app, rect, proposal, min_text, radius, state)
        if with_badges
        else rect.right
    )
    area = pygame.Rect(rect.x, rect.y, max(1, right - rect.x - 2), rect.height)
    if area.width >= 3 * min_text:  # no area squeezed down to "…" beside the badges
        names = area_names(proposal.area)
        fitting = [name for name in names if app.text.width(name, min_text) <= area.width]
        shown = fitting[0] if fitting else names[-1]
        app.text.draw(surface, shown, area, FACT_STYLE.ink(theme.MUTED).middle())


_COMMITTEE = re.compile(r"(?i)s?udvalg(et)?$")
"""The end of a committee's name ("Teknik- og Miljøudvalget", "Økonomiudvalg")."""


def area_names(area: str) -> list[str]:
    """``area`` and shorter ways a budget office writes it, longest first, for a card too
    narrow for the whole: a committee without "udvalget" ("Teknik- og Miljø"), then its
    initials as the office abbreviates it ("TMU", "BSU", "ÆSU"). A name that is not a
    committee's has no shorter form (it is cut with "…" as before)."""
    words = area.split()
    if not words or not _COMMITTEE.search(words[-1]):
        return [area]
    stem = _COMMITTEE.sub("", area).rstrip(" -")
    initials = "".join(w[0].upper() for w in words if w.casefold() not in ("og", "&", "for"))
    names = [area, stem] if stem and stem != area else [area]
    return [*names, initials if initials.endswith("U") else initials + "U"]


def event_hurts(event: Event) -> bool:
    """Whether an event is shown in the colour of a loss: it costs money in its first year,
    or costs none but lowers the service level or tires the organisation (a reform of 0 mio.
    kr. and træthed +2 stood in green, as if it helped)."""
    first = face(event, 0, 0)
    return first < 0 or (first == 0 and (event.service < 0 or event.fatigue > 0))


def signed(value: int) -> str:
    """A whole number with its sign: "+2", "−1", "0"."""
    return f"+{value}" if value > 0 else ("−" + str(-value) if value < 0 else "0")


YEAR_LABELS_MOST = 5
"""The most years a card writes an amount under each column for."""


SAME_FORM_AMOUNT = -88.8
"""The amount a flat card's words are measured with ("−88,8 hvert år"), so that every card of
a width takes the same form: "+3 hvert år" beside "+2,5/år" read as two kinds of amount."""


def _same_form(
    app: Host, amount: str, forms: tuple[str, ...], width: int, min_text: int, role: str
) -> str | None:
    """The first of ``forms`` (message keys taking ``amount``) that fits ``width`` for an
    amount as wide as ``SAME_FORM_AMOUNT`` as well as for ``amount``; None when none does."""
    widest = app.amount(SAME_FORM_AMOUNT, sign=True, unit=False, exact=True)
    for form in forms:
        if all(
            app.text.width(app.t(form, amount=shown), min_text, role) <= width
            for shown in (amount, widest)
        ):
            return app.t(form, amount=amount)
    return None


def _summary(app: Host, values: list[float], rect: pygame.Rect, min_text: int) -> str:
    """The amounts in one line when each year's does not fit under its column: "+3 hvert år"
    for the same every year, else "−3 … +12" (first and last), else "… +12"; "" when not
    even that fits."""
    first = app.amount(values[0], sign=True, unit=False, exact=True)
    last = app.amount(values[-1], sign=True, unit=False, exact=True)
    if len(values) == 1:
        options = [app.t("card.this_year", amount=first), first]
    elif len(set(values)) == 1:
        forms = ("card.every_year", "card.per_year")
        same = _same_form(app, first, forms, rect.width - 4, min_text, FONT_REGULAR)
        options = [same] if same is not None else []
        options.append(first)
    else:
        options = [f"{first} … {last}", f"… {last}"]
    for option in options:
        if app.text.width(option, min_text) <= rect.width - 4:
            return option
    return ""


def draw_effect_strip(
    surface: pygame.Surface,
    app: Host,
    rect: pygame.Rect,
    proposal: Proposal,
    state: GameState,
    min_text: int,
) -> None:
    """Columns for the years from now on (gains up, costs down, whiskers when uncertain) with
    the amounts under them when there is room. When the strip is too low for both (a 768
    pixel high projector), the amounts alone are drawn: the group chooses by the amounts, and
    columns a few pixels high say little ("+3 hvert år" for a card that gives the same every
    year, "−3 … +12" when every year's amount does not fit, "… +12" – where it ends up – when
    that does not fit either). Too narrow even for that: the columns alone."""
    start = state.round if not state.finished else 0
    values = effect_from(proposal, state)[start:]
    if not values:
        return
    low = high = None
    if proposal.is_uncertain:
        f10, f90 = factor_range(proposal)
        low = [v * f10 if v > 0 else v for v in values]
        high = [v * f90 if v > 0 else v for v in values]
    top = max([abs(v) for v in values] + (high or []) + [1.0])
    label_h = app.text.fit("Ag", 1000, 1000, min_text, min_text, spacing=theme.TIGHT).line_height
    slot_w = rect.width / len(values)
    figures = [app.amount(v, sign=True, unit=False, exact=True) for v in values]
    labels = max(app.text.width(text, min_text) for text in figures)
    # every year's amount under its column only up to five years: more make a row of figures
    # too dense to read from the back of a room (and one fell out of sight); then the span
    # … and with a space between two amounts: "+1+3+5" beside a fact line read as a sum
    fits = labels + max(4, min_text // 2) <= slot_w and len(values) <= YEAR_LABELS_MOST
    if label_h <= rect.height < label_h + max(6, label_h // 2) and len(set(values)) == 1:
        amount = app.amount(values[0], sign=True, unit=False, exact=True)
        # one year left (the last round): "i år", not "hvert år"
        forms = ("card.this_year",) if len(values) == 1 else ("card.every_year", "card.per_year")
        # "+3,5 hvert år", "+3,5/år", "+3,5": the same form on every card of the width
        shown = _same_form(app, amount, forms, rect.width - 4, min_text, FONT_BOLD) or amount
        ink = theme.INK if values[0] >= 0 else theme.GAP
        app.text.draw(surface, shown, rect, FACT_STYLE.bold().ink(ink).center().middle())
        return
    low_strip = label_h <= rect.height < label_h + max(6, label_h // 2)
    if low_strip and not fits:
        # too narrow for every year: the first and the last amount ("−3 … +12")
        first = app.amount(values[0], sign=True, unit=False, exact=True)
        last = app.amount(values[-1], sign=True, unit=False, exact=True)
        for span in (f"{first} … {last}", f"… {last}"):  # narrower still: where it ends up
            if app.text.width(span, min_text, FONT_BOLD) <= rect.width - 4:
                style = FACT_STYLE.bold().ink(theme.INK).center().middle()
                app.text.draw(surface, span, rect, style)
                return
    if fits and low_strip:
        for index, value in enumerate(values):
            slot = pygame.Rect(round(rect.x + index * slot_w), rect.y, round(slot_w), rect.height)
            app.text.draw(
                surface,
                app.amount(value, sign=True, unit=False, exact=True),
                slot,
                FACT_STYLE.bold().ink(theme.INK if value >= 0 else theme.GAP).center().middle(),
            )
        return
    show_labels = fits and rect.height >= label_h + 4
    summary = "" if fits or rect.height < label_h + 4 else _summary(app, values, rect, min_text)
    bars = pygame.Rect(
        rect.x, rect.y, rect.width, rect.height - (label_h if show_labels or summary else 0)
    )
    if (show_labels or summary) and bars.height < max(8, label_h * 3 // 5):
        # columns a few pixels high beside the amounts say nothing and clip the costs (a
        # two-line title at 4K left a sliver): the amounts alone, in the middle of the strip
        bars = pygame.Rect(rect.x, rect.y + bars.height // 2, rect.width, 0)
        slots = [
            pygame.Rect(round(rect.x + i * slot_w), bars.y, round(slot_w), 0)
            for i in range(len(values))
        ]
    else:
        slots = effect_bars(
            surface,
            bars,
            values,
            top,
            theme.kind_color(proposal.kind),
            low=low,
            high=high,
            range_color=theme.KIND_TINTS[proposal.kind],
        )
    if summary:  # every year's amount does not fit under its column: the span under all
        line = pygame.Rect(rect.x, bars.bottom, rect.width, label_h)
        app.text.draw(surface, summary, line, FACT_STYLE.ink(theme.INK).center())
    if show_labels:
        for slot, value in zip(slots, values):
            label = pygame.Rect(slot.x - 2, bars.bottom, slot.width + 4, label_h)
            app.text.draw(
                surface,
                app.amount(value, sign=True, unit=False, exact=True),
                label,
                FACT_STYLE.ink(theme.INK if value >= 0 else theme.GAP).center(),
            )
