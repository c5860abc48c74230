"""``raaderum replay SAVE [--json]``: rebuild a saved game and print its state."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from game.engine.fatigue import fatigue_shown
from game.engine.rules import shown_raaderum
from game.engine.state import state_hash
from game.engine.verdict import verdict
from game.launcher import said_by
from game.messages import catalogue, render, unit_words
from game.numbers import format_against, format_amount, format_target
from game.saves.listing import other_versions
from game.saves.model import SavedGame, SaveError
from game.saves.store import read_save

EXIT_OK = 0
EXIT_BAD_INPUT = 2


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
        "raaderum": [round(v, 6) for v in shown_raaderum(state)],
        "met": [r.met for r in state.results],
        "adopted": list(state.adopted_ids()),
        "events": [e.card for e in state.events],
        "service": state.service,
        "fatigue": fatigue_shown(state),
        "actions": len(saved.history.actions),
        "redo": len(saved.history.redo_actions),
        "created": saved.created,
        "updated": saved.updated,
        "state_hash": state_hash(state),
    }
    if saved.paper is not None:  # a table that played on paper, entered afterwards
        summary["table"] = saved.paper.table
        summary["paper"] = True
        if saved.stopped:  # it stopped: not "Runde 3 af 3 … endnu ikke afgjort"
            summary["stopped_after"] = len(state.results)
    elif saved.settings.table.strip():  # the name typed at the start (or play --table)
        summary["table"] = saved.settings.table.strip()
    return summary


def _text(summary: dict[str, Any], unit: str, reasons: list[str], lang: str) -> list[str]:
    """The summary as lines in ``lang``; ``reasons`` say why a finished game was won or lost
    (the debrief's sentences)."""
    say = catalogue(lang).t
    lines = [
        say("replay.file", file=summary["file"]),
        say(
            "replay.scenario",
            title=summary["scenario_title"],
            id=summary["scenario"],
            seed=summary["seed"],
        ),
    ]
    if summary.get("paper"):
        lines.append(say("replay.paper", table=summary["table"]))
    elif summary.get("table"):
        lines.append(say("replay.table", table=summary["table"]))
    stopped = summary.get("stopped_after")
    if summary["finished"]:
        lines.append(say("replay.finished", rounds=summary["rounds"]))
    elif stopped is not None:  # a paper table that stopped (as the report and compare say)
        lines.append(catalogue(lang).stopped_after(summary["years"], stopped))
    else:
        lines.append(
            say(
                "replay.round",
                round=summary["round"] + 1,
                rounds=summary["rounds"],
                year=summary["year"],
            )
        )
    head = (say("replay.col.year"), say("replay.col.target"), say("replay.col.raaderum"))
    note = say("replay.col.note", unit=unit_words(unit, lang))
    lines.append(f"{head[0]:<8}{head[1]:>10}{head[2]:>12}  {note}")
    for index, year in enumerate(summary["years"]):
        value, target = summary["raaderum"][index], summary["target"][index]
        shown = format_amount(value, lang)
        if index < len(summary["met"]):
            met = summary["met"][index]
            status = say("replay.met" if met else "replay.missed")
            # a year missed by 0,001 read "3  3  ikke nået"
            shown = format_against(value, target, lang, met=met)
        elif stopped is not None:  # never played: no figure, as the report gives none
            shown, status = "–", say("replay.not_played")
        else:
            status = say("replay.open_year")
        lines.append(f"{year:<8}{format_target(target, lang):>10}{shown:>12}  {status}")
    adopted = ", ".join(summary["adopted"]) or say("replay.none")
    lines.append(say("replay.adopted", count=len(summary["adopted"]), ids=adopted))
    service = format_amount(summary["service"], lang, 0, sign=True)
    lines.append(say("replay.state", service=service, fatigue=summary["fatigue"]))
    if summary["won"] is None and stopped is not None:
        lines.append(say("replay.stopped"))
    elif summary["won"] is None:
        lines.append(say("replay.undecided"))
    else:
        key = "replay.won" if summary["won"] else "replay.lost"
        lines.append(say(key, why=" ".join(reasons)))
    lines.append(
        say(
            "replay.moves",
            actions=summary["actions"],
            redo=summary["redo"],
            hash=summary["state_hash"],
        )
    )
    return lines


def run_replay(args: argparse.Namespace) -> int:
    """Rebuild the game in ``args.save`` and print it; a broken save gives one line, exit 2."""
    try:
        saved = read_save(Path(args.save))
    except SaveError as error:
        lang = getattr(args, "lang", None) or getattr(args, "top_lang", None) or "da"
        print(f"{said_by('replay')}: {error.text(lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    summary = replay_summary(saved)
    lang = getattr(args, "lang", None) or getattr(args, "top_lang", None) or "da"
    for note in other_versions(saved, wording="replay"):  # a conflict copy may hold more
        print(f"{said_by('replay')}: {render(note, lang)}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        state = saved.history.current
        reasons = catalogue(lang).verdict_reasons(verdict(state)) if state.finished else []
        print("\n".join(_text(summary, saved.deck.unit, reasons, lang)))
    return EXIT_OK
