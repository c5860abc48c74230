"""A workbook filled in by hand from Norddjurs Kommune's lines (budget 2025–2028, "Budgetændringer
drift", mio. kr.), imported, validated and played to the end through the engine's public API.

The budget office copies the table as it stands: amounts as text with decimal commas
("-0,518", "1,000"), a reduction of expenses negative (``fortegn: besparelser negative``), and
the columns of the table's budget years as "år 1" … with "fra budgetår" 2025.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.catalogue import import_catalogue
from game.cli import main
from game.engine import Adopt, EndYear, IllegalAction, apply, legal_actions, new_game, verdict
from game.engine import raaderum as year_totals
from tests.catalogue.conftest import write_book

HEADERS = [
    "id",
    "slags",
    "titel",
    "område",
    "år 1",
    "år 2",
    "år 3",
    "år 4",
    "fra budgetår",
    "belastning",
    "usikkerhed",
    "svigtrisiko",
    "kræver",
    "kilde",
    "Tovholder",
]
LINES = [
    # The efficiency contribution: 0,55 % of the service expenses = 11,4 mio. kr. in 2025.
    [
        "effektiviseringsbidrag",
        "effektivisering",
        "Effektiviseringsbidrag 0,55 %",
        "Tværgående",
        "-11,4",
        None,
        None,
        None,
        2025,
        1,
        "0 %",
        "0 %",
        None,
        "Norddjurs, budget 2025–2028",
        "Økonomichefen",
    ],
    # Sickness absence: a project leader in HR, 1,000 mio. kr. a year (an expense: plus).
    [
        "sygefravaer",
        "investering",
        "Indsats mod sygefravær",
        "Tværgående",
        "1,000",
        "1,000",
        "1,000",
        "1,000",
        2025,
        1,
        "0 %",
        "0 %",
        None,
        "Norddjurs, budget 2025–2028",
        "Chef for ledelsessekretariatet",
    ],
    # R901: the pool for wage subsidies, −0,300 a year.
    [
        "R901",
        "besparelse",
        "Pulje og løntilskud",
        "Beskæftigelse",
        "-0,300",
        "-0,300",
        "-0,300",
        "-0,300",
        2025,
        1,
        "0 %",
        "0 %",
        None,
        "Norddjurs R901 (B)",
        "Arbejdsmarkedschefen",
    ],
    # BUU's attendance effort: its cost stands in BUU's own budget, not in this table.
    [
        "fravaer-buu",
        "investering",
        "Fraværsindsats i skolen (BUU)",
        "Skole",
        "0",
        None,
        None,
        None,
        2025,
        1,
        "0 %",
        "0 %",
        None,
        "Norddjurs R307 (B)",
        "Børne- og familiechefen",
    ],
    # R307: savings on forsørgelse that require the fall in absence (BUU's effort).
    [
        "R307",
        "investering",
        "Investering i fraværsindsatsen: færre på forsørgelse",
        "Beskæftigelse",
        "-0,518",
        "-1,050",
        "-1,313",
        "-1,575",
        2025,
        1,
        "0 %",
        "0 %",
        "fravaer-buu",
        "Norddjurs R307 (B)",
        "Arbejdsmarkedschefen",
    ],
]
ABOUT = [
    ["felt", "værdi"],
    ["id", "norddjurs-2025"],
    ["titel", "Norddjurs Kommune – budget 2025–2028"],
    ["enhed", "mio. kr."],
    ["formatversion", 2],
    ["fortegn", "besparelser negative"],
]
SCENARIOS = [
    ["id", "titel", "år", "mål", "kapacitet"],
    ["budget-2025", "Budget 2025–2028", "2025–2028", "10; 11; 11,5; 12", 30],
]


@pytest.fixture
def norddjurs(tmp_path: Path) -> Path:
    path = write_book(
        tmp_path / "norddjurs.xlsx",
        {"Om kataloget": ABOUT, "Forslag": [HEADERS, *LINES], "Scenarier": SCENARIOS},
    )
    import_catalogue([path], tmp_path / "norddjurs")
    return tmp_path / "norddjurs"


def test_the_norddjurs_workbook_imports_into_a_deck_that_validates(norddjurs, capsys):
    assert main(["validate", str(norddjurs)]) == 0
    assert "OK – 'Norddjurs Kommune – budget 2025–2028': 5 forslag" in capsys.readouterr().out
    from game.content import load_deck

    deck = load_deck(norddjurs)
    assert deck.proposal("R307").effect == (0.518, 1.05, 1.313, 1.575)
    assert deck.proposal("sygefravaer").effect == (-1, -1, -1, -1)
    assert deck.proposal("effektiviseringsbidrag").effect == (11.4,)
    assert deck.proposal("R901").effect == (0.3, 0.3, 0.3, 0.3)
    assert deck.proposal("R307").requires == ("fravaer-buu",)
    assert deck.proposal("R307").calendar_year == "2025"


def test_the_norddjurs_deck_plays_to_the_end(norddjurs):
    from game.content import load_deck

    deck = load_deck(norddjurs)
    state = new_game(deck, "budget-2025", seed=7)
    with pytest.raises(IllegalAction):  # R307 needs BUU's effort adopted first
        apply(state, Adopt("R307"))
    while not state.finished:
        moves = [m for m in legal_actions(state) if isinstance(m, Adopt)]
        state = apply(state, moves[0] if moves else EndYear())
    adopted = {a.card: a.round for a in state.adopted}
    assert adopted == dict.fromkeys(
        ["effektiviseringsbidrag", "sygefravaer", "R901", "fravaer-buu", "R307"], 0
    )
    assert year_totals(state) == pytest.approx((11.218, 11.75, 12.013, 12.275))
    outcome = verdict(state)
    assert outcome.finished and outcome.won
