"""A count of one takes the singular: "1 besparelse mere", "1 felt", "1 beslutning" – in
Danish and in English. Before, every message that counts things wrote the plural whatever the
count ("… og 1 besparelser mere", "1 proposals were adopted by no table")."""

from __future__ import annotations

import pytest

from game.messages import Message, render
from tests.catalogue.conftest import run_import, sheets, write_book

ONE = [
    # (key, params, Danish, English)
    (
        "deck.savings_cost_more.one",
        {"count": 1, "ids": "'s4'"},
        "… og 1 besparelse mere ('s4') ville koste penge af samme grund",
        "… and 1 more saving ('s4') would cost money for the same reason",
    ),
    (
        "compare.unused.one",
        {"count": 1},
        "Vedtaget af intet bord: 1 forslag.",
        "1 proposal was adopted by no table.",
    ),
    (
        "paper.err.too_many_events.one",
        {"round": 2, "count": 1, "per_round": 0},
        "runde 2: 1 hændelse er angivet, men scenariet trækker 0 pr. runde",
        "round 2: 1 event is entered, but the scenario draws 0 per round",
    ),
    (
        "start.years.one",
        {"first": "2027", "last": "2028", "rounds": 2, "later": 1},
        "2027–2028 · 2 år: budgetåret og det første overslagsår",
        "2027–2028 · 2 years: the budget year and the first forecast year",
    ),
    ("report.decisions.one", {"count": 1}, "1 beslutning", "1 decision"),
]


@pytest.mark.parametrize(("key", "params", "da", "en"), ONE, ids=[o[0] for o in ONE])
def test_a_count_of_one_is_singular(key, params, da, en):
    assert render(Message.of(key, **params), "da") == da
    assert render(Message.of(key, **params), "en") == en


def test_the_import_counts_one_respelled_id_and_one_field_in_the_singular(capsys, tmp_path):
    rows = [list(r) for r in sheets()["Forslag"]]
    rows[1][0] = "Æ-1"
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "så 1 id er skrevet om (også hvor det nævnes under 'kræver'" in text
    csv = tmp_path / "forslag.csv"
    csv.write_text("id,slags,titel,område,år 1\nspar,besparelse,Spar,Ældre,2\nx\n", "utf-8")
    code, text = run_import(capsys, csv, out=tmp_path / "dæk2")
    assert code == 2
    assert "række 3 har 1 felt, men overskriften har 5" in text, text


def test_two_missing_kinds_read_as_neither_nor() -> None:
    # a facilitator read "Gruppen vedtog ingen effektiviseringer og investeringer." on the
    # result screen of a savings-only game
    from game.content import load_deck
    from game.engine import Adopt, EndYear, Kind, apply, legal_actions, new_game, verdict
    from game.messages import catalogue
    from game.paths import standard_deck

    deck = load_deck(standard_deck())
    state = new_game(deck, "intro", 3)
    while not state.finished:
        savings = [
            a
            for a in legal_actions(state)
            if isinstance(a, Adopt) and deck.proposal(a.card).kind is Kind.SAVING
        ]
        state = apply(state, savings[0] if savings else EndYear())
    outcome = verdict(state)
    assert set(outcome.missing_kinds) == {Kind.EFFICIENCY, Kind.INVESTMENT}
    da = catalogue("da").verdict_reasons(outcome)
    en = catalogue("en").verdict_reasons(outcome)
    assert "Gruppen vedtog hverken effektiviseringer eller investeringer." in da
    assert "The group adopted neither efficiencies nor investments." in en


def test_a_count_in_the_thousands_has_the_readers_separator(capsys, tmp_path):
    # an import of 5.000 rows said "5000 forslag (P1, … og 4994 andre)" and "1667 besparelser"
    # beside "6.666 mio. kr." in the same run
    from game.cli import main

    assert render(Message.of("catalogue.ids_more", count=4994), "da") == "4.994 andre"
    assert render(Message.of("catalogue.ids_more", count=4994), "en") == "4,994 others"
    assert render(Message.of("report.decisions.one", count=1), "da") == "1 beslutning"
    rows = [["id", "slags", "titel", "område", "år 1"]]
    kinds = ("besparelse", "effektivisering", "investering")
    rows += [[f"p{i}", kinds[i % 3], f"Forslag {i}", "Ældre", 1] for i in range(1200)]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    assert main(["import", str(path), "--out", str(tmp_path / "dæk")]) == 0, capsys.readouterr()
    out = capsys.readouterr().out
    assert "1.200 forslag (400 besparelser, 400 effektiviseringer, 400 investeringer)" in out
