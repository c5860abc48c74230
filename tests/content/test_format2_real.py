"""Deck format 2 against the real catalogue lines: Norddjurs Kommune, budget 2025–2028
(shared/reference/004), written as a budget office writes them, in mio. kr. and in t. kr."""

from __future__ import annotations

import pytest

from game.content import DeckError, load_sources
from game.engine import Adopt, EndYear, IllegalAction, apply, new_game, raaderum

HEAD = """\
deck:
  id: norddjurs
  title: Norddjurs
  unit: "{unit}"
  schema_version: 2
  sign: savings_negative
proposals:
{cards}
  - id: fyld-spar
    kind: saving
    title: Fyld
    area: Administration
    effect: [0]
  - id: fyld-eff
    kind: efficiency
    title: Fyld
    area: Administration
    effect: [0]
  - id: fyld-inv
    kind: investment
    title: Fyld
    area: Administration
    effect: [0]
scenarios:
  - id: b2025
    title: Budget 2025-2028
    years: [2025, 2026, 2027, 2028]
    target: 0
    capacity: 30
    market: 15
"""


def deck(cards: str, unit: str = "mio. kr."):
    return load_sources([("norddjurs.yaml", HEAD.format(unit=unit, cards=cards))])


SCHOOL = """\
  - id: R307
    kind: investment
    title: Investering i fraværsindsatsen
    area: Beskæftigelse
    effect: [{a}, {b}, {c}, {d}]
    effect_from_year: 2025
    uncertainty: 0
    failure: 0
"""


def _adopt_in_round(deck_value, card: str, round_number: int):
    state = new_game(deck_value, "b2025", seed=1)
    for _ in range(round_number):
        state = apply(state, EndYear())
    state = apply(state, Adopt(card))
    while not state.finished:
        state = apply(state, EndYear())
    return state


@pytest.mark.parametrize(
    ("unit", "written", "freed"),
    [
        # a point before exactly three digits could be a Danish thousands dot: -1.3130, not -1.313
        ("mio. kr.", ("-0.518", "-1.05", "-1.3130", "-1.5750"), (0.518, 1.05, 1.313, 1.575)),
        ("t. kr.", ("-518", "-1050", "-1313", "-1575"), (518, 1050, 1313, 1575)),
    ],
    ids=["mio", "tkr"],
)
def test_school_attendance_is_tied_to_budget_years_and_its_sign_turned(unit, written, freed):
    a, b, c, d = written
    loaded = deck(SCHOOL.format(a=a, b=b, c=c, d=d), unit)
    assert loaded.proposal("R307").effect == freed
    # adopted in 2026, the card gives 2026's amount in 2026 (not its first year's)
    state = _adopt_in_round(loaded, "R307", 1)
    assert raaderum(state) == pytest.approx((0, freed[1], freed[2], freed[3]))


def test_a_danish_thousands_dot_in_t_kr_is_refused_not_misread():
    with pytest.raises(DeckError) as caught:
        deck(SCHOOL.format(a="-518", b="-1.050", c="-1313", d="-1575"), "t. kr.")
    assert "'-1.050' kan læses på to måder" in str(caught.value)


def test_sickness_absence_at_1000_a_year_is_an_expense():
    card = """\
  - id: sygefravaer
    kind: investment
    title: Indsats mod sygefravær
    area: Tværgående
    effect: [1000, 1000, 1000, 1000]
    effect_from_year: 2025
    fatigue: 0
"""
    loaded = deck(card, "t. kr.")
    assert loaded.proposal("sygefravaer").effect == (-1000, -1000, -1000, -1000)
    assert loaded.proposal("sygefravaer").fatigue == 0
    state = _adopt_in_round(loaded, "sygefravaer", 0)
    assert raaderum(state) == (-1000, -1000, -1000, -1000)


def test_the_efficiency_contribution_of_11_4_mio_fits_in_t_kr_but_not_in_mio():
    card = """\
  - id: bidrag
    kind: efficiency
    title: Effektiviseringsbidrag 0,55 %
    area: Tværgående
    effect: [{amount}]
    effect_from_year: 2025
    uncertainty: 0
"""
    assert deck(card.format(amount="-11400"), "t. kr.").proposal("bidrag").effect == (11400,)
    assert deck(card.format(amount="-11.4")).proposal("bidrag").effect == (11.4,)
    with pytest.raises(DeckError) as caught:
        deck(card.format(amount="-11400"))
    assert "'effect (nr. 1)' skal være mindst −1.000, ikke −11.400 (beløb i mio. kr.)" in str(
        caught.value
    )


def test_a_pool_for_2025_only_gives_nothing_after():
    card = """\
  - id: au-pulje
    kind: investment
    title: Arbejdsmarkedsudvalgspuljen
    area: Beskæftigelse
    effect: [0.1, 0]
    effect_from_year: 2025
"""
    state = _adopt_in_round(deck(card), "au-pulje", 0)
    assert raaderum(state) == (-0.1, 0, 0, 0)


def test_the_saving_on_forsoergelse_requires_the_attendance_effort():
    cards = (
        SCHOOL.format(a="-0.518", b="-1.05", c="-1.3130", d="-1.5750")
        + "    requires: [fravaer-buu]\n"
        + """\
  - id: fravaer-buu
    kind: investment
    title: Fraværsindsats i skolen
    area: Skole
    effect: [0]
"""
    )
    loaded = deck(cards)
    state = new_game(loaded, "b2025", seed=3)
    with pytest.raises(IllegalAction) as caught:
        apply(state, Adopt("R307"))
    assert caught.value.code == "requires"
    state = apply(apply(state, Adopt("fravaer-buu")), Adopt("R307"))  # the same round is fine
    assert [a.card for a in state.adopted] == ["fravaer-buu", "R307"]


def test_construction_is_paid_from_the_anlaegsramme_never_from_the_raaderum():
    text = HEAD.format(
        unit="mio. kr.",
        cards="""\
  - id: daginstitution
    kind: investment
    title: Sammenlægning af to små daginstitutioner
    area: Dagtilbud
    effect: [0.5, -1.2]
    construction: 14
    uncertainty: 0
""",
    ).replace("    market: 15\n", "    market: 15\n    construction_budget: 10\n")
    loaded = load_sources([("d.yaml", text)])
    state = new_game(loaded, "b2025", seed=1)
    with pytest.raises(IllegalAction) as caught:  # 14 does not fit in an anlægsramme of 10
        apply(state, Adopt("daginstitution"))
    assert caught.value.code == "over_construction"
    roomy = load_sources(
        [("d.yaml", text.replace("construction_budget: 10", "construction_budget: 20"))]
    )
    state = _adopt_in_round(roomy, "daginstitution", 0)
    assert raaderum(state) == (-0.5, 1.2, 1.2, 1.2)  # the 14 of anlæg is not in the råderum


def test_welfare_areas_and_event_source_and_fatigue_are_read():
    text = HEAD.format(unit="mio. kr.", cards="").replace(
        "  sign: savings_negative\n",
        '  sign: savings_negative\n  welfare_areas: ["Sundhed og Omsorg", "Skole og dagtilbud"]\n',
    ) + (
        "events:\n"
        "  - id: udligning\n"
        "    title: Udligningen falder\n"
        "    effect: [50]\n"
        '    source: "KL: Mange veje til økonomisk råderum (Mariagerfjord)"\n'
        "    fatigue: 1\n"
    )
    loaded = load_sources([("d.yaml", text)])
    assert loaded.welfare_areas == ("Sundhed og Omsorg", "Skole og dagtilbud")
    assert loaded.event("udligning").effect == (-50,)  # the sign turns for events too
    assert loaded.event("udligning").fatigue == 1
    assert "Mariagerfjord" in loaded.event("udligning").source


def test_forecast_risk_meter_and_what_if_read_a_calendar_card_like_the_game():
    # The forecast the facilitator runs, the risk meter in the window and the debrief's
    # what-if must show the budget years' amounts the game itself books.
    from game.engine.forecast import forecast_plan, forecast_state
    from game.engine.whatif import what_if

    loaded = deck(SCHOOL.format(a="-0.518", b="-1.05", c="-1.3130", d="-1.5750"))
    scenario = loaded.scenario("b2025")
    state = _adopt_in_round(loaded, "R307", 1)
    booked = raaderum(state)
    assert booked == pytest.approx((0, 1.05, 1.313, 1.575))
    planned = forecast_plan(loaded, scenario, [("R307", 1)], certain=True)
    assert planned.expected == pytest.approx(booked)
    assert what_if(state).expected == pytest.approx(booked)
    # mid-game, before the card's amount is revealed: the risk meter's sure part is the same
    playing = apply(apply(new_game(loaded, "b2025", seed=1), EndYear()), Adopt("R307"))
    meter = forecast_state(playing, samples=200)
    assert meter.expected[1:] == pytest.approx(booked[1:])


def test_a_card_whose_years_begin_after_the_game_is_refused():
    # before, effect_from_year: 2031 in a 2025–2028 game was accepted: the card gave nothing
    late = SCHOOL.format(a="-0.5", b="-1", c="-1.5", d="-2").replace("2025", "2031")
    with pytest.raises(DeckError) as caught:
        deck(late)
    said = str(caught.value)
    assert "forslagets beløb begynder først i 2031, efter det sidste år i scenariet" in said
