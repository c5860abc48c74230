"""Checks of a deck that look across fields and cards: what needs deck format 2, amounts
against the limits of the deck's unit, requirements between proposals, and calendar years.

Each check adds ``Problem`` lines (FILE:LINE: message, worded where shown) and never raises, so the
loader reports every problem of a deck at once.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from game.content.numbertext import HUGE, grouped
from game.content.schema import AMOUNT_LIMIT, TARGET_LIMIT, V2_FIELDS, unit_scale
from game.content.yamlsafe import Problem, YamlDocument
from game.messages import ByLanguage
from game.numbers import format_amount, is_known_unit


class Item(Protocol):
    """A validated card with the document and path it came from."""

    spec: Any
    doc: YamlDocument
    path: tuple[str | int, ...]


def _number(value: float) -> float:
    # a float: the message catalogue writes it in the reader's language ("1.234.567",
    # "1,234,567"), never as "1.23457e+06"
    return float(value)


_KRONER = re.compile(r"(?i)\bkr\b|kr\.|kroner|dkk")
"""A unit written in kroner ("kroner i tusinder", "kr. pr. 1000"), known to the game or not."""


def _thousands(value: float, unit: str, limit: float) -> str:
    """ "_thousands" when an amount beyond a mio. kr. deck's limit would fit as thousands
    (−1.200 meant as −1.200 t. kr. = −1,2 mio. kr.): the message then asks whether it is
    written in t. kr. (a single one; three or more say so once, ``unit_probably_thousands``).
    Never for a unit that is no kroner ("£m": an English office was asked about DKK '000)."""
    kroner = is_known_unit(unit) and unit_scale(unit) == 1.0
    return "_thousands" if kroner and abs(value) <= limit * 1000 else ""


def _typed(value: float) -> ByLanguage:
    """An author's amount in a message with every decimal it has ("1.250,5", not the
    rounded "1.250" that a limit is written with), so it can be found in the file; from
    ``HUGE`` on "et meget stort tal" (1e30 was written out in 32 digits)."""
    if abs(value) >= HUGE:
        return ByLanguage.of(**{lang: grouped(value, lang) for lang in ("da", "en")})
    return ByLanguage.of(
        **{lang: format_amount(value, lang, _TYPED_DECIMALS) for lang in ("da", "en")}
    )


_TYPED_DECIMALS = 6
"""Enough decimals for any amount a deck or a catalogue holds; trailing zeros are dropped."""


def check_version_fields(
    version: int, documents: Iterable[YamlDocument], out: list[Problem]
) -> None:
    """Fields of format 2 in a deck that says ``schema_version: 1``."""
    if version >= 2:
        return
    documents = list(documents)
    before = len(out)
    for doc in documents:
        if not isinstance(doc.data, dict):
            continue
        for section, names in V2_FIELDS.items():
            block = doc.data.get(section)
            entries: list[tuple[tuple[str | int, ...], Any]]
            if section == "deck":
                entries = [((section,), block)]
            elif isinstance(block, list):
                entries = [((section, i), card) for i, card in enumerate(block)]
            else:
                continue
            for path, card in entries:
                if not isinstance(card, dict):
                    continue
                for name in names:
                    if name in card:
                        out.append(
                            Problem.of(
                                doc.file, doc.line((*path, name)), "deck.format2_field", field=name
                            )
                        )
    count = len(out) - before
    if count >= 3:
        # one line where the fix goes, besides one at each field
        for doc in documents:
            header = doc.data.get("deck") if isinstance(doc.data, dict) else None
            if isinstance(header, dict) and "schema_version" in header:
                line = doc.line(("deck", "schema_version"))
                out.append(Problem.of(doc.file, line, "deck.format2_here", count=count))


def check_amounts(
    unit: str,
    items: Mapping[str, list[Any]],
    out: list[Problem],
    unit_at: tuple[str, int] | None = None,
) -> None:
    """Amounts, anlæg and targets within the limits of the deck's unit: 1,000 mio. kr. for an
    amount (1,000,000 in t. kr.), 100,000 mio. kr. for a target. Many amounts beyond the limit
    are said once more at ``unit_at`` ((file, line) of ``unit:``, where the fix goes), or at
    the first of them when the deck writes no unit."""
    scale = unit_scale(unit)
    limit, target_limit = AMOUNT_LIMIT * scale, TARGET_LIMIT * scale
    for section in ("proposals", "events"):
        for item in items[section]:
            for index, value in enumerate(item.spec.effect):
                if abs(value) > limit:
                    key = "deck.effect_too_big" if value > 0 else "deck.effect_too_small"
                    out.append(
                        Problem.of(
                            item.doc.file,
                            item.doc.line((*item.path, "effect", index)),
                            key + _thousands(value, unit, limit),
                            number=index + 1,
                            limit=_number(limit if value > 0 else -limit),
                            value=_typed(value),
                            unit=unit,
                            meant=_typed(value / 1000),
                        )
                    )
    beyond = [
        p for p in out if p.said.key.startswith(("deck.effect_too_big", "deck.effect_too_small"))
    ]
    if len(beyond) >= 3 and scale in (1.0, 1000.0) and is_known_unit(unit):
        # many amounts beyond the limit: a deck in t. kr. without its unit, or one in kroner
        # under "t. kr." – said first, at the first of them
        first = min(beyond, key=lambda p: (p.file, p.line))
        key = "deck.unit_probably_thousands" if scale == 1.0 else "deck.unit_probably_kroner"
        file, line = unit_at or (first.file, first.line)
        hint = Problem.of(file, line, key, count=len(beyond))
        out.insert(out.index(first), hint)
    elif beyond and not is_known_unit(unit):
        # "kroner i tusinder" unknown: the unit's warning is not printed beside errors, and the
        # author got 33 limits in mio. kr. without a word of why; a unit that is no kroner
        # ("£m", "euro") is told that the game counts in kroner, not to write t. kr.
        first = min(beyond, key=lambda p: (p.file, p.line))
        file, line = unit_at or (first.file, first.line)
        kind = "unit_unknown_beyond" if _KRONER.search(unit) else "unit_foreign_beyond"
        key = f"deck.{kind}." + ("one" if len(beyond) == 1 else "many")
        out.insert(out.index(first), Problem.of(file, line, key, unit=unit, count=len(beyond)))
    for item in items["proposals"]:
        if item.spec.construction > limit:
            out.append(
                Problem.of(
                    item.doc.file,
                    item.doc.line((*item.path, "construction")),
                    "deck.construction_too_big" + _thousands(item.spec.construction, unit, limit),
                    limit=_number(limit),
                    unit=unit,
                    value=_typed(item.spec.construction),
                    meant=_typed(item.spec.construction / 1000),
                )
            )
    for item in items["scenarios"]:
        targets = item.spec.target if isinstance(item.spec.target, list) else [item.spec.target]
        if any(t > target_limit for t in targets):
            out.append(
                Problem.of(
                    item.doc.file,
                    item.doc.line((*item.path, "target")),
                    "deck.target_range",
                    limit=_number(target_limit),
                )
            )
        budget = item.spec.construction_budget
        if budget is not None and budget > target_limit:
            out.append(
                Problem.of(
                    item.doc.file,
                    item.doc.line((*item.path, "construction_budget")),
                    "deck.construction_budget_too_big",
                    limit=_number(target_limit),
                    unit=unit,
                )
            )


def check_requirements(
    proposals: Mapping[str, Item], known: Iterable[str], out: list[Problem]
) -> None:
    """``requires`` names not the card itself, not one it excludes, and no ring of
    requirements (no card in a ring could ever be adopted first). An id of no card
    (``known``) is said where every reference is checked (the loader's ``_check_all_refs``)."""
    ids = set(known)
    for pid, item in proposals.items():
        for index, other in enumerate(item.spec.requires):
            line = item.doc.line((*item.path, "requires", index))
            if other == pid:
                out.append(Problem.of(item.doc.file, line, "deck.requires_itself", id=other))
            elif other not in ids:
                continue
            elif other in item.spec.excludes or pid in _excludes_of(proposals, other):
                out.append(
                    Problem.of(
                        item.doc.file, line, "deck.requires_and_excludes", id=pid, other=other
                    )
                )
    reported: set[str] = set()
    for pid in proposals:
        ring = _ring(pid, proposals)
        if len(ring) == 1:  # a card that requires itself: said above, once
            continue
        if ring and not reported & set(ring):
            reported.update(ring)
            item = proposals[pid]
            names = " → ".join(f"'{p}'" for p in (*ring, ring[0]))
            out.append(
                Problem.of(
                    item.doc.file,
                    item.doc.line((*item.path, "requires")),
                    "deck.requires_ring",
                    names=names,
                )
            )


def _excludes_of(proposals: Mapping[str, Item], pid: str) -> tuple[str, ...]:
    item = proposals.get(pid)
    return tuple(item.spec.excludes) if item is not None else ()


def _ring(start: str, proposals: Mapping[str, Item]) -> list[str]:
    """A ring of requirements through ``start`` (in order), or an empty list."""
    path: list[str] = []
    seen: set[str] = set()

    def visit(pid: str) -> list[str]:
        if pid == start and path:
            return list(path)
        if pid in seen or pid not in proposals:
            return []
        seen.add(pid)
        path.append(pid)
        for other in proposals[pid].spec.requires:
            found = visit(other)
            if found:
                return found
        path.pop()
        return []

    return visit(start)


def check_calendar_years(
    scenario: Item, pool: Iterable[str], proposals: Mapping[str, Item], out: list[Problem]
) -> None:
    """A scenario that holds a proposal whose amounts belong to fixed budget years
    (``effect_from_year``) must have consecutive years written as numbers."""
    tied = [pid for pid in pool if pid in proposals and proposals[pid].spec.effect_from_year]
    if not tied:
        return
    years = scenario.spec.years
    numeric = all(str(y).isdigit() for y in years)
    consecutive = numeric and all(int(b) - int(a) == 1 for a, b in itertools.pairwise(years))
    if not consecutive:
        out.append(
            Problem.of(
                scenario.doc.file,
                scenario.doc.line((*scenario.path, "years")),
                "deck.years_not_calendar",
                id=tied[0],
            )
        )
    for pid in tied:
        item = proposals[pid]
        first = str(item.spec.effect_from_year)
        line = item.doc.line((*item.path, "effect_from_year"))
        if not first.isdigit():
            out.append(Problem.of(item.doc.file, line, "deck.effect_from_year"))
        elif consecutive and int(first) > int(years[-1]):
            # a year typo (2031 for 2027): the card would give nothing in any year of the game
            late = {"year": first, "scenario": scenario.spec.id, "last": years[-1]}
            out.append(Problem.of(item.doc.file, line, "deck.effect_after_game", **late))
