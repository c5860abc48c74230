"""A card that beats another of its kind on every count is named in the balance advice: the
cause of a dominant card a deck author can fix by giving each card a strength of its own."""

from __future__ import annotations

from dataclasses import replace

from game.balance.advice import card_advice
from game.balance.analysis import card_stats
from game.balance.outclass import outclassed
from game.balance.play import GameRecord
from game.engine.model import Deck, Kind, Proposal

BASE = Proposal(
    id="akut",
    kind=Kind.INVESTMENT,
    title="Udbygget akutteam",
    area="Sundhed",
    effect=(-3.0, 1.0, 6.0, 10.5),
    service=2,
    load=3,
    uncertainty=0.4,
    failure=0.15,
)


def _deck(*cards: Proposal) -> Deck:
    return Deck(id="prove", title="Prøvedæk", proposals=cards, events=(), scenarios=())


def _beats(better: Proposal, other: Proposal = BASE, years: int = 3) -> bool:
    found = outclassed(_deck(better, other), [better.id, other.id], years)
    return other.id in found.get(better.id, ())


def test_a_card_giving_more_every_year_at_the_same_cost_outclasses_the_other():
    konsulent = replace(BASE, id="konsulent", effect=(-3.0, 1.0, 8.0, 13.5))
    assert _beats(konsulent)
    assert not _beats(BASE, konsulent)  # never both ways
    assert not _beats(replace(BASE, id="tvilling"))  # a twin beats nothing: a tie


def test_a_strength_of_its_own_on_any_count_keeps_a_card_in_the_game():
    konsulent = replace(BASE, id="konsulent", effect=(-3.0, 1.0, 8.0, 13.5))
    for strength in (
        {"effect": (-2.0, 1.0, 6.0, 10.5)},  # cheaper first year
        {"load": 2},
        {"service": 3},
        {"uncertainty": 0.2},
        {"failure": 0.05},
    ):
        assert not _beats(konsulent, replace(BASE, **strength)), strength
    # a heavier or slower konsulent no longer beats the akutteam either
    assert not _beats(replace(konsulent, load=4))
    assert not _beats(replace(konsulent, effect=(-3.0, 0.0, 8.0, 13.5)))


def test_only_the_scenarios_years_count():
    later = replace(BASE, id="senere", effect=(-3.0, 1.0, 6.0, 20.0))
    assert not _beats(later, years=3)  # equal in 2027–2029: a tie in a three-year game
    assert _beats(later, years=4)


def test_a_failing_card_is_compared_at_its_expected_amounts():
    # 10 % more on the card but a 15 % chance of nothing: less to expect, so no outclassing
    risky = replace(BASE, id="risiko", effect=(-3.0, 1.1, 6.6, 11.55), failure=0.25)
    assert not _beats(risky)


def test_cards_that_exclude_or_require_are_not_compared_as_equals():
    konsulent = replace(BASE, id="konsulent", effect=(-3.0, 1.0, 8.0, 13.5))
    assert not _beats(replace(konsulent, excludes=("akut",)))
    needs = replace(konsulent, requires=("akut",))
    assert not _beats(needs)
    saving = replace(BASE, id="spar", kind=Kind.SAVING, effect=(9.0,), service=2)
    assert not _beats(saving)  # another kind


def test_the_balance_advice_names_the_cards_a_dominant_card_outclasses():
    konsulent = replace(
        BASE, id="konsulent", title="Én fast borgerkonsulent", effect=(-3.0, 1.0, 8.0, 13.5)
    )
    rehab = replace(
        BASE, id="rehab", title="Hverdagsrehabilitering", effect=(-3.0, -1.0, 7.0, 12.0)
    )
    deck = _deck(konsulent, BASE, rehab)
    records = [
        GameRecord(
            i,
            True,
            (),
            (3.0, 9.0, 25.0),
            0,
            seen=("konsulent", "akut", "rehab"),
            adopted=("konsulent",) + (("akut",) if i % 2 else ("rehab",)),
        )
        for i in range(40)
    ]
    cards = card_stats(deck, records, 3)
    said = card_advice(cards, "mio. kr.")
    (sentence,) = [s for s in said if s.startswith("»Én fast borgerkonsulent«")]
    assert (
        "på alle punkter mindst lige så godt som »Udbygget akutteam« og »Hverdagsrehabilitering«"
        in sentence
    )
    assert "mere belastning eller en langsommere indfasning" in sentence
    assert {c.id: c.outclassed_by for c in cards}["akut"] == ("konsulent",)
