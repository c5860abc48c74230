"""What the balance report tells a deck author about dominant and dead cards."""

from __future__ import annotations

from game.balance.advice import card_advice
from game.balance.analysis import CardStat, per_capacity
from game.engine.model import Kind


def _card(cid: str, kind: Kind, adopted: int, per_capacity: float) -> CardStat:
    return CardStat(cid, cid.capitalize(), kind, 100, adopted, per_capacity)


def test_a_cards_raaderum_per_point_of_capacity_counts_its_traethed(std_deck):
    # vakancer: 3 mio. kr. for sure, belastning 1, træthed 1 for the agenda + 2 for the
    # two points of service it cuts: 3 / (1 + 3)
    assert per_capacity(std_deck.proposal("vakancer")) == 3 / 4


def test_a_kind_nearly_all_dominant_is_told_once_that_the_pile_is_too_small():
    cards = [
        _card("rehab", Kind.INVESTMENT, 99, 2.7),
        _card("akut", Kind.INVESTMENT, 97, 2.2),
        _card("konsulent", Kind.INVESTMENT, 100, 2.9),
        _card("inklusion", Kind.INVESTMENT, 60, 2.4),
        _card("vej", Kind.SAVING, 50, 0.75),
    ]
    said = card_advice(cards, "mio. kr.")
    assert len(said) == 1
    assert said[0].startswith("3 af bunkens 4 investeringer er dominerende")
    assert "Læg flere investeringer i bunken" in said[0]


def test_a_dominant_card_worth_more_per_point_is_told_to_give_less():
    cards = [
        _card("skole", Kind.SAVING, 95, 1.0),
        _card("vej", Kind.SAVING, 60, 0.75),
        _card("kultur", Kind.SAVING, 50, 0.67),
        _card("rengoering", Kind.SAVING, 70, 0.75),
    ]
    (said,) = card_advice(cards, "mio. kr.")
    assert said == (
        "»Skole« er dominerende (vedtaget i 95,0 %): det giver 1 mio. kr. pr. point "
        "kapacitet mod 0,75 for bunkens andre besparelser. Sænk beløbet eller hæv belastningen."
    )


def test_a_dead_card_worth_as_much_per_point_is_pointed_at_what_the_measure_leaves_out():
    cards = [
        _card("lean", Kind.EFFICIENCY, 3, 1.2),
        _card("robot", Kind.EFFICIENCY, 40, 1.2),
        _card("indkoeb", Kind.EFFICIENCY, 50, 1.1),
    ]
    (said,) = card_advice(cards, "t. kr.")
    assert said.startswith(
        "»Lean« er dødt (vedtaget i 3,0 %), selv om det giver omtrent som bunkens andre "
        "effektiviseringer pr. point kapacitet (1,2 mod 1,15): se på, hvad det giver og "
        "koster i de første år"
    )


def test_a_dead_card_worth_less_per_point_is_told_to_give_more_and_unflagged_cards_get_nothing():
    cards = [
        _card("skaerm", Kind.EFFICIENCY, 2, 0.5),
        _card("robot", Kind.EFFICIENCY, 40, 1.2),
    ]
    (said,) = card_advice(cards, "t. kr.")
    assert said.startswith("»Skaerm« er dødt (vedtaget i 2,0 %): det giver 0,5 t. kr. pr. point")
    assert said.endswith("Hæv beløbet, sænk belastningen, eller tag det ud af scenariets bunke.")
    assert card_advice(cards[1:], "t. kr.") == []


def test_the_only_card_of_a_kind_is_taken_when_all_three_kinds_must_be_used():
    cards = [_card("indkoeb", Kind.EFFICIENCY, 100, 0.83), _card("vej", Kind.SAVING, 50, 0.75)]
    (said,) = card_advice(cards, "mio. kr.", all_kinds=True)
    assert said == (
        "»Indkoeb« er bunkens eneste effektivisering, og alle tre slags skal i spil, så planen "
        "må tage det. Læg flere effektiviseringer i bunken, så der er noget at vælge imellem."
    )
    # without the demand, a lone card's advice looks at the card itself
    (said,) = card_advice(cards, "mio. kr.")
    assert said.startswith("»Indkoeb« er dominerende (vedtaget i 100,0 %): se på")


def test_a_dominant_card_worth_less_per_point_says_so():
    cards = [
        _card("akut", Kind.INVESTMENT, 100, 2.23),
        _card("rehab", Kind.INVESTMENT, 75, 2.7),
        _card("velfaerd", Kind.INVESTMENT, 49, 2.8),
    ]
    (said,) = card_advice(cards, "mio. kr.")
    assert said.startswith(
        "»Akut« er dominerende (vedtaget i 100,0 %), selv om det giver mindre end bunkens andre "
        "investeringer pr. point kapacitet (2,23 mod 2,75): se på"
    )
