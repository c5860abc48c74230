"""``raaderum replay SAVE [--json]``: rebuild a saved game and print its state."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from game.engine.rules import raaderum
from game.engine.state import state_hash
from game.engine.verdict import verdict
from game.numbers import format_amount
from game.saves.model import SavedGame, SaveError
from game.saves.store import read_save

EXIT_OK = 0
EXIT_BAD_INPUT = 2

_REASONS = {
    "target": "målet blev ikke nået i {years}",
    "kinds": "ikke alle tre slags forslag blev brugt",
    "service": "serviceniveauet endte under gulvet",
}


def replay_summary(saved: SavedGame) -> dict[str, Any]:
    """The JSON form of ``raaderum replay --json`` (the same for the same save everywhere)."""
    state = saved.history.current
    scenario = state.scenario
    outcome = verdict(state)
    summary: dict[str, Any] = {
        "file": str(saved.path),
        "deck": saved.deck.id,
        "deck_hash": saved.deck.content_hash,
        "scenario": scenario.id,
        "scenario_title": scenario.title,
        "seed": saved.settings.seed,
        "round": state.round,
        "rounds": scenario.rounds,
        "year": state.year,
        "finished": state.finished,
        "won": outcome.won,
        "reasons": list(outcome.reasons),
        "years": list(scenario.years),
        "target": [round(t, 6) for t in state.targets],
        "raaderum": [round(v, 6) for v in raaderum(state)],
        "met": [r.met for r in state.results],
        "adopted": list(state.adopted_ids()),
        "events": [e.card for e in state.events],
        "service": state.service,
        "fatigue": state.fatigue,
        "actions": len(saved.history.actions),
        "redo": len(saved.history.redo_actions),
        "created": saved.created,
        "updated": saved.updated,
        "state_hash": state_hash(state),
    }
    if saved.paper is not None:  # a table that played on paper, entered afterwards
        summary["table"] = saved.paper.table
        summary["paper"] = True
    return summary


def _text(summary: dict[str, Any], unit: str) -> list[str]:
    lines = [
        f"Gemt spil: {summary['file']}",
        f"Scenarie: {summary['scenario_title']} ({summary['scenario']}), frø {summary['seed']}",
    ]
    if summary.get("paper"):
        lines.append(f"Bord på papir: {summary['table']} (indtastet efter spillet)")
    if summary["finished"]:
        lines.append(f"Spillet er slut efter {summary['rounds']} runder.")
    else:
        lines.append(
            f"Runde {summary['round'] + 1} af {summary['rounds']} (budgetår {summary['year']})."
        )
    lines.append(f"{'År':<8}{'Mål':>10}{'Råderum':>12}  ({unit}, realiseret)")
    for index, year in enumerate(summary["years"]):
        if index < len(summary["met"]):
            status = "nået" if summary["met"][index] else "ikke nået"
        else:
            status = "åbent"
        lines.append(
            f"{year:<8}{format_amount(summary['target'][index]):>10}"
            f"{format_amount(summary['raaderum'][index]):>12}  {status}"
        )
    adopted = ", ".join(summary["adopted"]) or "ingen"
    lines.append(f"Vedtaget ({len(summary['adopted'])}): {adopted}")
    service = format_amount(summary["service"], "da", 0, sign=True)
    lines.append(f"Serviceniveau: {service}, træthed: {summary['fatigue']}")
    if summary["won"] is None:
        lines.append("Resultat: endnu ikke afgjort.")
    elif summary["won"]:
        lines.append("Resultat: vundet – målet er nået i alle år.")
    else:
        missed = [y for y, met in zip(summary["years"], summary["met"]) if not met]
        why = "; ".join(_REASONS[r].format(years=", ".join(missed)) for r in summary["reasons"])
        lines.append(f"Resultat: tabt – {why}.")
    lines.append(
        f"Træk: {summary['actions']} (kan gentages: {summary['redo']}). "
        f"Fingeraftryk: {summary['state_hash']}"
    )
    return lines


def run_replay(args: argparse.Namespace) -> int:
    """Rebuild the game in ``args.save`` and print it; a broken save gives one line, exit 2."""
    try:
        saved = read_save(Path(args.save))
    except SaveError as error:
        lang = getattr(args, "lang", None) or getattr(args, "top_lang", None) or "da"
        print(f"raaderum replay: {error.text(lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    summary = replay_summary(saved)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print("\n".join(_text(summary, saved.deck.unit)))
    return EXIT_OK
