"""What the balance report tells a deck author about dominant and dead cards."""

from __future__ import annotations

import pytest

from game.balance.advice import card_advice
from game.balance.analysis import CardStat, per_capacity
from game.engine.model import Kind


def _card(cid: str, kind: Kind, adopted: int, per_capacity: float) -> CardStat:
    """A card shown in 100 games, adopted in ``adopted`` of them."""
    return CardStat(cid, cid.capitalize(), kind, 100, adopted, per_capacity)


def _pile(kind: Kind, **cards: tuple[int, float]) -> list[CardStat]:
    """Cards of one kind: id = (games adopted of 100, råderum per point of capacity)."""
    return [_card(cid, kind, adopted, value) for cid, (adopted, value) in cards.items()]


def test_a_cards_raaderum_per_point_of_capacity_counts_its_traethed(std_deck):
    # vakancer: 3 mio. kr. for sure, belastning 1, træthed 1 for the agenda + 2 for the
    # two points of service it cuts: 3 / (1 + 3)
    assert per_capacity(std_deck.proposal("vakancer")) == 3 / 4


def test_a_kind_nearly_all_dominant_is_told_once_that_the_pile_is_too_small():
    cards = [
        *_pile(Kind.INVESTMENT, rehab=(99, 2.7), akut=(97, 2.2), konsulent=(100, 2.9)),
        *_pile(Kind.INVESTMENT, inklusion=(60, 2.4)),
        _card("vej", Kind.SAVING, 50, 0.75),
    ]
    said = card_advice(cards, "mio. kr.")
    assert len(said) == 1
    assert said[0].startswith("3 af bunkens 4 investeringer er dominerende")
    assert "Læg flere investeringer i bunken" in said[0]


def test_a_dominant_card_worth_more_per_point_is_told_to_give_less():
    cards = _pile(
        Kind.SAVING, skole=(95, 1.0), vej=(60, 0.75), kultur=(50, 0.67), rengoering=(70, 0.75)
    )
    (said,) = card_advice(cards, "mio. kr.")
    assert said == (
        "»Skole« er dominerende (vedtaget i 95,0 %): det giver 1 mio. kr. pr. point "
        "kapacitet mod 0,75 for bunkens andre besparelser. Hæv belastningen, hvis forslaget "
        "kræver mere arbejde, end kortet siger, eller sænk beløbet, hvis det er et skøn."
    )


def test_a_dead_card_worth_less_per_point_is_told_to_give_more_and_unflagged_cards_get_nothing():
    cards = _pile(Kind.EFFICIENCY, skaerm=(2, 0.5), robot=(40, 1.2))
    (said,) = card_advice(cards, "t. kr.")
    assert said.startswith("»Skaerm« er dødt (vedtaget i 2,0 %): det giver 0,5 t. kr. pr. point")
    # a budget office cannot change a real catalogue's amount: the work it takes comes first
    assert said.endswith(
        "Sænk belastningen, hvis forslaget kræver mindre arbejde, end kortet siger, hæv "
        "beløbet, hvis det er et skøn, eller tag det ud af scenariets bunke."
    )
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


@pytest.mark.parametrize(
    ("cards", "opening"),
    [
        (
            _pile(Kind.EFFICIENCY, lean=(3, 1.2), robot=(40, 1.2), indkoeb=(50, 1.1)),
            "»Lean« er dødt (vedtaget i 3,0 %), selv om det giver omtrent som bunkens andre "
            "effektiviseringer pr. point kapacitet (1,2 mod 1,15 mio. kr.): se på",
        ),
        (
            _pile(Kind.INVESTMENT, akut=(100, 2.23), rehab=(75, 2.7), velfaerd=(49, 2.8)),
            "»Akut« er dominerende (vedtaget i 100,0 %), selv om det giver mindre end bunkens "
            "andre investeringer pr. point kapacitet (2,23 mod 2,75 mio. kr.): se på",
        ),
    ],
)
def test_a_flag_its_raaderum_per_point_does_not_explain_points_at_what_the_measure_leaves_out(
    cards, opening
):
    (said,) = card_advice(cards, "mio. kr.")
    assert said.startswith(opening)
    assert said.endswith(
        "se på, hvad det giver og koster i de første år, hvad det gør ved serviceniveauet, og "
        "om andre kort kræver det."
    )


def test_in_a_short_scenario_a_card_is_measured_by_what_it_gives_before_the_end(std_deck):
    # a budget office's 3-year game called an investment "dead although it gives about as
    # much" by its fourth-year amount, which a 3-year game never reaches
    from game.balance.analysis import within

    konsulent = std_deck.proposal("borgerkonsulent")  # [-3, 1, 8, 13,5]
    assert within(konsulent) == within(konsulent, 4) == within(konsulent, 8) == 13.5
    assert within(konsulent, 3) == 8 and within(konsulent, 2) == 1
    assert per_capacity(konsulent, 3) == pytest.approx(per_capacity(konsulent) * 8 / 13.5)


def test_a_card_dead_because_the_scenario_ends_before_it_pays_is_told_so():
    dead = CardStat("unge", "Flere unge i job", Kind.INVESTMENT, 100, 4, 625.0, 2500.0, 5500.0)
    other = CardStat("rehab", "Rehab", Kind.INVESTMENT, 100, 60, 1200.0, 4000.0, 4000.0)
    [said] = card_advice([dead, other], "t. kr.")
    assert said.startswith(
        "»Flere unge i job« er dødt (vedtaget i 4,0 %): når scenariet slutter, giver det højst "
        "2.500 t. kr. af sine 5.500 t. kr. ved fuld effekt"
    ), said
    assert "det giver 625 t. kr. pr. point kapacitet mod 1.200" in said
    assert said.endswith("Giv scenariet flere år, eller tag det ud af scenariets bunke.")


def test_a_crowded_kind_is_not_told_to_tighten_a_capacity_the_report_says_to_raise():
    # "Hæv kapaciteten fra 22 til 31" and "… eller stram kapaciteten" stood in one section
    cards = _pile(Kind.INVESTMENT, rehab=(99, 2.7), akut=(97, 2.2), konsulent=(100, 2.9))
    [alone] = card_advice(cards, "mio. kr.")
    [raised] = card_advice(cards, "mio. kr.", more_capacity=True)
    assert alone.endswith("målet), eller stram kapaciteten.")
    assert raised.endswith("målet).") and "stram" not in raised
    # a report that says "hæv ikke målene, før dækket kan vindes oftere" says it once
    [held] = card_advice(cards, "mio. kr.", hold_targets=True)
    # … nor to tighten the capacity: a deck held back is harder to win with less (a deck
    # author read "stram kapaciteten" beside "hæv kapaciteten" about one scenario)
    assert "hæv målet" not in held and held.endswith("konkurrere om kapaciteten.")
    assert "stram" not in held


def test_a_dead_card_that_requires_a_card_seldom_adopted_is_told_so():
    # "Træningsenhed" was dead because it requires AE-7, adopted in 14 % of the games; the
    # report said to look at the cards that require it
    from dataclasses import replace

    cards = [
        *_pile(Kind.EFFICIENCY, ae7=(14, 1.0), lean=(60, 1.1), indkoeb=(55, 0.9)),
        *_pile(Kind.INVESTMENT, rehab=(60, 2.0), akut=(50, 2.2)),
    ]
    dead = replace(
        _card("enhed", Kind.INVESTMENT, 4, 2.1), title="Træningsenhed", requires=("ae7",)
    )
    said = card_advice([*cards, dead], "mio. kr.")
    assert [s for s in said if "Træningsenhed" in s] == [
        "»Træningsenhed« er dødt (vedtaget i 4,0 %): det kan først vedtages, når »Ae7« "
        "(vedtaget i 14,0 %) er vedtaget, og planen tager det sjældent. Se først på det kort, "
        "eller tag kravet ('requires') væk, hvis forslaget kan stå alene."
    ]


def test_the_only_card_of_its_kind_is_not_compared_with_an_empty_number():
    # "det giver 0,25 t. kr. pr. point kapacitet mod  for bunkens andre investeringer"
    # (an investment whose gain comes after the scenario's last year)
    only = CardStat("eneste", "Eneste", Kind.INVESTMENT, 100, 0, 0.25, reach=1.0, full=1000.0)
    cards = [only, _card("vej", Kind.SAVING, 50, 0.75)]
    (said,) = card_advice(cards, "t. kr.")
    assert "mod  for" not in said
    assert (
        "det giver 0,25 t. kr. pr. point kapacitet, og bunken har ingen andre investeringer" in said
    )


def test_a_dominant_one_off_amount_is_told_it_pays_the_first_years():
    # A deck author's land sale of [4, 0] was "dominerende, selv om det giver 0 mod 0,54 mio.
    # kr. pr. point kapacitet": the measure reads the last year, where a one-off gives nothing
    sale = CardStat("salg", "Salg af byggegrunde", Kind.SAVING, 100, 90, 0.0, 0.0, 0.0, peak=4.0)
    others = _pile(Kind.SAVING, vej=(60, 0.5), kultur=(50, 0.6))
    (said,) = card_advice([sale, *others], "mio. kr.")
    assert said == (
        "»Salg af byggegrunde« er dominerende (vedtaget i 90,0 %): det giver 4 mio. kr. i et "
        "af de første år, men 0 mio. kr. i scenariets sidste år, så det er de første års mål, "
        "det betaler. Sænk beløbet, hvis det er et skøn, eller læg flere forslag i bunken, der "
        "giver noget allerede i de første år."
    )


def test_dominant_cards_beside_cards_of_their_kind_left_on_the_table_are_not_called_scarce():
    # five of seven savings dominant and two adopted in 14 and 48 %: "der er ikke flere
    # besparelser, end planen kan bruge … Læg flere besparelser i bunken" – there were more
    strong = {f"s{n}": (95, 1.0) for n in range(5)}
    said = " ".join(
        card_advice(_pile(Kind.SAVING, **strong, s5=(14, 1.0), s6=(48, 1.0)), "mio. kr.")
    )
    assert "der er ikke flere besparelser" not in said, said
    said = " ".join(
        card_advice(_pile(Kind.SAVING, **strong, s5=(70, 1.0), s6=(80, 1.0)), "mio. kr.")
    )
    assert "der er ikke flere besparelser, end planen kan bruge" in said, said
