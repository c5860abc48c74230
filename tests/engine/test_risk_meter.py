"""The board's risk meter (``forecast_state``) agrees with ``raaderum forecast``."""

from __future__ import annotations

import json
import math

import pytest

from game.cli import main
from game.content import load_deck
from game.engine import Adopt, EndYear, apply, new_game
from game.engine.forecast import forecast_plan, forecast_state

RISK_DECK = """\
deck:
  id: risiko
  title: Risikomåler
  schema_version: 1
proposals:
  - id: sikker
    kind: saving
    title: Sikker besparelse
    area: Administration
    effect: [5]
    uncertainty: 0
  - id: invest
    kind: investment
    title: Usikker investering
    area: Sundhed
    effect: [-1, 6]
    uncertainty: 0.4
    failure: 0.1
  - id: effekt
    kind: efficiency
    title: Usikker effektivisering
    area: Ældre
    effect: [-1, 4, 5]
    uncertainty: 0.3
    failure: 0.15
events:
  - id: uvejr
    title: Uvejr
    effect: [-3]
scenarios:
  - id: rolig
    title: Ingen hændelser
    years: ["2027", "2028", "2029"]
    target: [3, 11, 12]
    capacity: 12
    market: 3
    events_per_round: 0
  - id: stram
    title: Ingen hændelser, stramt mål
    years: ["2027", "2028", "2029"]
    target: [3, 13, 14]
    capacity: 12
    market: 3
    events_per_round: 0
  - id: forbi
    title: Første år for højt
    years: ["2027", "2028", "2029"]
    target: [4, 8, 8]
    capacity: 12
    market: 3
    events_per_round: 0
"""

SAMPLES = 20_000


@pytest.fixture(scope="module")
def deck_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("risk")
    (folder / "risiko.yaml").write_text(RISK_DECK, encoding="utf-8")
    return folder / "risiko.yaml"


def _cli_forecast(capsys, deck_path, scenario, adopt):
    args = ["forecast", "--deck", str(deck_path), "--scenario", scenario, "--json"]
    args += ["--samples", str(SAMPLES), "--seed", "99"]
    for item in adopt:
        args += ["--adopt", item]
    assert main(args) == 0
    return json.loads(capsys.readouterr().out)


def _agree(p1: float, p2: float) -> bool:
    """Two Monte Carlo estimates of one probability agree within 5 binomial standard errors."""
    p = (p1 + p2) / 2
    error = math.sqrt(max(p * (1 - p), 1e-4) * 2 / SAMPLES)
    return abs(p1 - p2) <= 5 * error


@pytest.mark.parametrize("scenario", ["rolig", "stram"])
def test_meter_agrees_with_the_forecast_command(capsys, deck_path, scenario):
    deck = load_deck(deck_path)
    state = new_game(deck, scenario, 3)
    state = apply(state, Adopt("sikker"))
    state = apply(state, Adopt("invest"))
    # The selected card ("effekt") counts as adopted this round.
    meter = forecast_state(state, "effekt", samples=SAMPLES, seed=7)
    cli = _cli_forecast(capsys, deck_path, scenario, ["sikker@1", "invest@1", "effekt@1"])
    assert 0.05 < cli["probability"] < 0.95  # a case where chance matters
    assert _agree(meter.probability, cli["probability"])
    without = forecast_state(state, samples=SAMPLES, seed=7)
    cli_without = _cli_forecast(capsys, deck_path, scenario, ["sikker@1", "invest@1"])
    assert _agree(without.probability, cli_without["probability"])
    assert meter.p10 == pytest.approx(cli["p10"], abs=0.25)
    assert meter.p90 == pytest.approx(cli["p90"], abs=0.25)


def _first_year_closed(deck, scenario):
    """All three cards adopted in round 1, then the first year closed."""
    state = new_game(deck, scenario, 3)
    for card in ("sikker", "invest", "effekt"):
        state = apply(state, Adopt(card))
    return apply(state, EndYear())


def _later_years_only(deck, state):
    """The forecast command's view of the same plan with the first year always met."""
    plan = [("sikker", 0), ("invest", 0), ("effekt", 0)]
    target = [-1e9, *state.targets[1:]]
    return forecast_plan(deck, state.scenario, plan, target=target, samples=SAMPLES, seed=5)


def test_a_missed_year_is_final(deck_path):
    deck = load_deck(deck_path)
    # Year 1: 5 - 1 - 1 = 3 < 4 is missed; no later luck can change that.
    state = _first_year_closed(deck, "forbi")
    assert state.results[0].met is False
    later_only = _later_years_only(deck, state)
    assert later_only.probability > 0.5
    assert forecast_state(state, samples=SAMPLES, seed=5).probability == 0.0


def test_a_met_year_is_final_and_the_rest_is_forecast(deck_path):
    deck = load_deck(deck_path)
    # Year 1: 5 - 1 - 1 = 3 >= 3 is met; the uncertain cards are not revealed yet (no gain in
    # year 1), so the open years are forecast exactly like the plan with year 1 left out.
    state = _first_year_closed(deck, "stram")
    assert state.results[0].met is True
    assert not any(a.revealed for a in state.adopted if a.card != "sikker")
    later_only = _later_years_only(deck, state)
    meter = forecast_state(state, samples=SAMPLES, seed=6)
    assert 0.05 < later_only.probability < 0.95
    assert _agree(meter.probability, later_only.probability)


def test_a_forecast_of_a_card_the_table_cannot_adopt_is_refused():
    # an outside bot asked for the chance "with" a card not on the table (or a typo) and got
    # a figure, or a bare KeyError
    from game.engine import IllegalAction, Refusal
    from game.paths import standard_deck

    deck = load_deck(standard_deck())
    state = new_game(deck, "standard", 3)
    off_table = next(p.id for p in deck.proposals if p.id not in state.market)
    with pytest.raises(IllegalAction) as refused:
        forecast_state(state, off_table, samples=64)
    assert refused.value.code is Refusal.NOT_IN_MARKET
    with pytest.raises(IllegalAction) as refused:
        forecast_state(state, "ingen-saadan", samples=64)
    assert refused.value.code is Refusal.UNKNOWN_CARD
    card = state.market[0]
    adopted = apply(state, Adopt(card))
    # a card on the table, or one adopted already (counted once), is forecast as before
    assert forecast_state(state, card, samples=64).expected == (
        forecast_state(adopted, card, samples=64).expected
    )
