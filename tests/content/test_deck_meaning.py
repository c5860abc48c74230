"""``raaderum validate`` says what the import says about a deck that breaks no rule but is
not what its author meant: a sign convention that turns every saving into a cost (an error),
an amount in t. kr. among amounts in mio. kr., amounts and event rounds no scenario reaches,
a table its pile cannot fill and cards in no scenario (warnings: a deck written for version 1
that plays as meant still validates).

The deck is the new-user trial's (/tmp/trial/base.yaml), each case one change to it, as the
trial made them."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from game.balance.analysis import pile_of
from game.cli import main
from game.content import load_deck

BASE = """\
deck:
  id: skovlund
  title: "Skovlund Kommune – budget 2027"
  unit: "mio. kr."
  schema_version: 2

proposals:
  - id: faerre-vikarer
    kind: besparelse
    title: "Færre vikarer i dagtilbud"
    area: "Dagtilbud"
    effect: [2]
    service: -1
    uncertainty: 0
  - id: luk-filial
    kind: besparelse
    title: "Luk biblioteksfilialen i Nørreby"
    area: "Kultur og fritid"
    effect: [1.5]
    service: -2
    uncertainty: 0
    excludes: [selvbetjent-bibliotek]
  - id: rengoering
    kind: besparelse
    title: "Rengøring hver tredje uge"
    area: "Ældre"
    effect: [3]
    service: -2
    uncertainty: 0
  - id: vejbelysning
    kind: besparelse
    title: "Sluk vejlys om natten"
    area: "Teknik og miljø"
    effect: [0.8]
    service: -1
    uncertainty: 0
  - id: selvbetjent-bibliotek
    kind: effektivisering
    title: "Selvbetjente biblioteker"
    area: "Kultur og fritid"
    effect: [0, 1, 2]
  - id: indkoeb
    kind: effektivisering
    title: "Brug indkøbsaftalerne"
    area: "Tværgående"
    effect: [0.5, 1.5, 2.5]
  - id: digital-post
    kind: effektivisering
    title: "Digital post og selvbetjening"
    area: "Borgerservice"
    effect: [-0.5, 1, 2]
  - id: rehab
    kind: investering
    title: "Hverdagsrehabilitering"
    area: "Ældre"
    effect: [-3, 0, 4]
    service: 2
    failure: 0.1
  - id: velfaerdstek
    kind: investering
    title: "Velfærdsteknologi i plejen"
    area: "Ældre"
    effect: [-2, 1, 3]
    service: 1
    failure: 0.1
  - id: energi
    kind: investering
    title: "Energirenovering af skoler"
    area: "Skole"
    effect: [-4, 1, 3]
    construction: 10
    requires: [indkoeb]

events:
  - id: udligning
    title: "Udligning under forventet"
    effect: [-2]
  - id: flere-aeldre
    title: "Flere ældre end ventet"
    effect: [-1, -2, -3]
  - id: grundsalg
    title: "Salg af byggegrunde"
    effect: [3, 0]
    rounds: [2, 3]

scenarios:
  - id: budget-2027
    title: "Budget 2027–2029"
    years: ["2027", "2028", "2029"]
    target: [3, 5, 7]
    capacity: 8
    market: 7
    construction_budget: 15
"""

OK_LINE = (
    "OK – 'Skovlund Kommune – budget 2027': 10 forslag (4 besparelser, 3 effektiviseringer, "
    "3 investeringer) i 7 områder, 3 hændelser, 1 scenarie"
)


def _validate(tmp_path: Path, capsys, *changes: tuple[str, str], lang: str = "da"):  # type: ignore[no-untyped-def]
    """``raaderum validate`` of the base deck with ``changes`` (each once): exit code, lines."""
    text = BASE
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "deck.yaml"
    path.write_text(text, encoding="utf-8")
    argv = ["validate", str(path)] if lang == "da" else ["--lang", lang, "validate", str(path)]
    code = main(argv)
    return code, [
        line.replace(f"{path}:", "deck.yaml:") for line in capsys.readouterr().out.splitlines()
    ]


def test_the_trials_base_deck_validates_without_a_word(tmp_path, capsys):
    assert _validate(tmp_path, capsys) == (0, [f"deck.yaml: {OK_LINE}"])


# --- the sign convention (fault 1) ---------------------------------------------------------------


def test_an_investment_that_only_ever_costs_is_warned_like_such_an_efficiency(tmp_path, capsys):
    # an investment written as a cost every year got no word, while an efficiency of the same
    # shape was asked whether its sign was right
    code, lines = _validate(tmp_path, capsys, ("effect: [-2, 1, 3]", "effect: [-2, -1, -3]"))
    assert code == 0
    assert lines[0] == (
        "deck.yaml:63: advarsel: investeringen 'velfaerdstek' giver intet tilbage i noget år, men "
        "koster kun penge, hvor en investering koster først og giver siden; står beløbene med det "
        "rigtige fortegn?"
    )


def test_savings_written_positive_in_a_deck_whose_savings_are_negative_are_refused(
    tmp_path, capsys
):
    # trial m_sign_neg.yaml: before, OK, and every saving cost money in the game
    code, lines = _validate(
        tmp_path, capsys, ("schema_version: 2\n", "schema_version: 2\n  sign: savings_negative\n")
    )
    assert code == 2
    said = (
        "ville koste penge, ligesom de fleste af dækkets besparelser: med sign: savings_negative "
        "skrives en besparelse med minus; ret beløbene, eller skriv sign: savings_positive i "
        "deck-blokken"
    )
    assert lines == [
        f"deck.yaml:13: besparelsen 'faerre-vikarer' {said}",
        f"deck.yaml:20: besparelsen 'luk-filial' {said}",
        f"deck.yaml:28: besparelsen 'rengoering' {said}",
        "deck.yaml:35: … og 1 besparelse mere ('vejbelysning') ville koste penge af samme grund",
    ]


def test_savings_written_with_the_budgets_minus_under_the_default_sign_are_refused(
    tmp_path, capsys
):
    # the mirror image: a budget table's minus for a saving, and no sign in the header
    changes = [(f"effect: [{v}]\n    service", f"effect: [-{v}]\n    service") for v in (2, 1.5, 3)]
    code, lines = _validate(tmp_path, capsys, *changes)
    assert code == 2
    assert lines[0] == (
        "deck.yaml:12: besparelsen 'faerre-vikarer' ville koste penge, ligesom de fleste af "
        "dækkets besparelser: dækket skriver vist besparelser med minus, som i budgettet; skriv "
        "sign: savings_negative i deck-blokken (det kræver schema_version: 2), eller ret beløbene"
    )
    assert len(lines) == 3  # three of four savings, each named; none more


def test_the_sign_refusal_in_english(tmp_path, capsys):
    code, lines = _validate(
        tmp_path,
        capsys,
        ("schema_version: 2\n", "schema_version: 2\n  sign: savings_negative\n"),
        lang="en",
    )
    assert code == 2
    assert lines[-1] == (
        "deck.yaml:35: … and 1 more saving ('vejbelysning') would cost money for the same reason"
    )


def test_one_saving_or_efficiency_with_a_costs_sign_is_a_warning(tmp_path, capsys):
    # a single slip (or a saving meant to cost the first years) does not stop the deck
    code, lines = _validate(
        tmp_path,
        capsys,
        ("effect: [0.8]", "effect: [-0.8]"),
        ("effect: [0.5, 1.5, 2.5]", "effect: [-0.5, -1.5, -2.5]"),
    )
    assert code == 0
    assert lines == [
        "deck.yaml:34: advarsel: besparelsen 'vejbelysning' koster penge i spillet, hvor en "
        "besparelse skulle frigøre dem; står beløbet med det rigtige fortegn?",
        "deck.yaml:46: advarsel: effektiviseringen 'indkoeb' frigør intet i noget år, men koster "
        "kun penge; står beløbene med det rigtige fortegn?",
        # the two slips cost the pile so much that the last target is out of reach
        "deck.yaml:90: advarsel: scenariet 'budget-2027' kan ikke vindes uden held: hvert år "
        "kan nå sit eget mål, men ikke alle år på én gang (alle forslag på bordet fra første år, "
        "kortenes beløb, ingen hændelser) – det er årene tilsammen, der er for stramme, ikke ét "
        "år alene. Bunken når kun målene, hvis de alle sænkes i samme forhold, til ca. 86 %: "
        "2,6; 4,3; 6 mio. kr. (ca. 6 mio. kr. i sidste år i stedet for 7 mio. kr.); et bord kan "
        "kun vinde med gode hændelser eller usikre forslag, der giver mere end kortets beløb – "
        "sænk målene, eller læg flere forslag i bunken. Også kapaciteten holder bunken nede: "
        "med 10 i stedet for 8 når den alle målene uden held",
        f"deck.yaml: {OK_LINE}",
    ]


def test_a_card_worth_nothing_is_a_warning_unless_another_card_requires_it(tmp_path, capsys):
    # a catalogue row whose amounts were never filled in (0 in every year) imported and
    # validated without a word, and lay on the board as a card that only took capacity
    code, lines = _validate(
        tmp_path,
        capsys,
        ("effect: [0.8]", "effect: [0]"),  # vejbelysning: a saving, service unchanged
        ("effect: [0.5, 1.5, 2.5]", "effect: [0, 0, 0]"),  # indkoeb, which a card requires
    )
    assert code == 0
    assert (
        "deck.yaml:34: advarsel: forslaget 'vejbelysning' giver 0 i alle år og hæver ikke "
        "serviceniveauet, så på brættet koster det bare kapacitet; skriv beløbene, eller tag "
        "det ud af dækket"
    ) in lines
    assert not any("'indkoeb' giver 0" in line for line in lines)


def test_a_card_tied_to_budget_years_whose_cost_late_adoption_skips_is_a_warning(tmp_path, capsys):
    # a budget officer's investment [1.5, -0.8, -1.6] under the budget's minus, tied to 2028:
    # adopted in 2029 it kept its gains and never paid its 1,5 – the cheapest card in the pile
    code, lines = _validate(
        tmp_path,
        capsys,
        ("effect: [-3, 0, 4]", "effect: [-3, 0, 4]\n    effect_from_year: 2027"),
    )
    assert code == 0
    assert any(
        "advarsel: 'rehab' er bundet til årene fra 2027 ('effect_from_year'), og dets udgift "
        "kommer før gevinsten: vedtages det efter 2027, springes udgiften over" in line
        for line in lines
    ), lines


def test_one_amount_beyond_the_limit_asks_whether_it_is_in_thousands(tmp_path, capsys):
    # "−1.200" in a deck in mio. kr. was refused as beyond −1.000 without the question that a
    # large amount under the limit gets: written in t. kr.?
    code, lines = _validate(tmp_path, capsys, ("effect: [0.8]", "effect: [-1200]"))
    assert code == 2
    assert lines[0] == (
        "deck.yaml:34: 'effect (nr. 1)' skal være mindst −1.000, ikke −1.200 (beløb i mio. kr.); "
        "er beløbet skrevet i t. kr.? −1.200 t. kr. er −1,2 mio. kr."
    ), lines


def test_an_amount_beyond_the_limit_of_a_unit_that_is_no_kroner_asks_nothing_of_kroner(
    tmp_path, capsys
):
    # a trial: an English office's deck in £m was asked "is it written in DKK '000?"
    code, lines = _validate(
        tmp_path,
        capsys,
        ('unit: "mio. kr."', 'unit: "£m"'),
        ("effect: [0.8]", "effect: [-1200]"),
        lang="en",
    )
    assert code == 2
    # said first that the game counts in kroner – not asked whether £m is DKK '000
    assert lines[0].startswith("deck.yaml:") and "the unit '£m' is not known, and the game "
    assert "counts in kroner" in lines[0] and "written in" not in lines[0], lines
    assert lines[1] == (
        "deck.yaml:34: 'effect (no. 1)' must be at least −1,000, not −1,200 (amounts in £m)"
    ), lines


def _written_as_budget_changes(turn_events: bool) -> str:
    """The base deck with ``sign: savings_negative`` and its proposals' amounts written as
    budget changes (a saving with minus); its events too when ``turn_events``."""
    text = BASE.replace("schema_version: 2\n", "schema_version: 2\n  sign: savings_negative\n")
    events = text.index("events:")
    written = []
    at = 0
    for line in text.splitlines():
        if line.startswith("    effect: [") and (turn_events or at < events):
            amounts = line.removeprefix("    effect: [").removesuffix("]").split(", ")
            line = "    effect: [" + ", ".join(_turned(a) for a in amounts) + "]"
        written.append(line)
        at += len(line) + 1
    return "\n".join(written) + "\n"


def test_a_deck_written_with_the_budgets_minus_throughout_validates_without_a_word(
    tmp_path, capsys
):
    # every amount written as a budget change, the events' too: the deck is right
    code, lines = _validate(tmp_path, capsys, (BASE, _written_as_budget_changes(True)))
    assert code == 0
    assert lines == [f"deck.yaml: {OK_LINE}"]


def test_events_left_with_the_games_sign_under_the_budgets_minus_are_named(tmp_path, capsys):
    # the proposals turned to the budget's minus, the events not: "Udligning under forventet"
    # written -2 is read as +2, a windfall; validate names each event at its amount and says
    # the rule at 'sign' (the import says the same at the workbook's cells)
    code, lines = _validate(tmp_path, capsys, (BASE, _written_as_budget_changes(False)))
    assert code == 0
    assert lines == [
        "deck.yaml:6: advarsel: med sign: savings_negative vendes alle beløb – også "
        "hændelsernes: en hændelse, der koster kommunen penge, skrives med plus (som en "
        "merudgift i budgettet), og en, der giver penge, med minus. Er hændelserne skrevet med "
        "spillets fortegn (en udgift med minus), så vend fortegnet på dem alle",
        "deck.yaml:78: advarsel: hændelsen 'Udligning under forventet' (udligning) giver "
        "kommunen penge i spillet (2 mio. kr.), men titlen siger, at den koster penge; står "
        "beløbet med forkert fortegn?",
        "deck.yaml:81: advarsel: hændelsen 'Flere ældre end ventet' (flere-aeldre) giver "
        "kommunen penge i spillet (1, 2 og 3 mio. kr.), men titlen siger, at den koster penge; "
        "står beløbet med forkert fortegn?",
        f"deck.yaml: {OK_LINE}",
    ]


def test_an_event_whose_title_says_the_opposite_of_its_amount_is_named(tmp_path, capsys):
    # the default sign and an event whose title says it gives money, written with minus
    code, lines = _validate(
        tmp_path, capsys, ('"Udligning under forventet"', '"Udligning over forventet"')
    )
    assert code == 0
    assert lines[0] == (
        "deck.yaml:77: advarsel: hændelsen 'Udligning over forventet' (udligning) koster "
        "kommunen penge i spillet (−2 mio. kr.), men titlen siger, at den giver penge; står "
        "beløbet med forkert fortegn?"
    )
    assert lines[1].startswith("deck.yaml:77: advarsel: uden sign: savings_negative skrives en ")
    assert lines[1].endswith("så vend fortegnet på de nævnte hændelser")
    assert lines[2:] == [f"deck.yaml: {OK_LINE}"]


def _turned(amount: str) -> str:
    return amount if amount == "0" else amount[1:] if amount.startswith("-") else f"-{amount}"


# --- an amount in another unit (fault 2) ----------------------------------------------------------


def test_the_amount_in_the_deck_unit_is_said_with_its_decimals(tmp_path, capsys):
    # "950 t. kr. er 1 mio. kr." – 0,95 rounded to one decimal
    code, lines = _validate(tmp_path, capsys, ("effect: [1.5]", "effect: [950]"))
    assert code == 0
    assert "er beløbet skrevet i t. kr.? 950 t. kr. er 0,95 mio. kr." in lines[0], lines


def test_an_amount_in_t_kr_in_a_deck_in_mio_kr_is_pointed_out(tmp_path, capsys):
    # trial m_mio_but_tkr_amts.yaml: before, OK without a word
    code, lines = _validate(tmp_path, capsys, ("effect: [1.5]", "effect: [800]"))
    assert code == 0
    assert lines == [
        "deck.yaml:19: advarsel: 'luk-filial' har et beløb på 800 mio. kr. om året, mens det "
        "typiske forslag har 3 mio. kr.: er beløbet skrevet i t. kr.? 800 t. kr. er 0,8 mio. kr.",
        f"deck.yaml: {OK_LINE}",
    ]


def test_a_large_amount_in_english(tmp_path, capsys):
    code, lines = _validate(tmp_path, capsys, ("effect: [1.5]", "effect: [800]"), lang="en")
    assert code == 0
    assert lines[0] == (
        "deck.yaml:19: warning: 'luk-filial' has an amount of 800 m DKK a year while the "
        "typical proposal has 3 m DKK: was the amount written in DKK '000? 800 DKK '000 is 0.8 "
        "m DKK"
    )


@pytest.mark.parametrize(
    ("unit", "said"),
    [
        # a deck in t. kr. whose amounts were typed in mio. kr.: 2 t. kr. is 2.000 kroner
        (
            "t. kr.",
            "2,5 t. kr. om året, dvs. 2.500 kr., hvilket er meget lidt for et "
            'budgetforslag; er beløbene i mio. kr.? Så skriv unit: "mio. kr." i dækkets hoved',
        ),
        # the same amounts under "kr.": 2,5 kroner, meant as mio. kr. as well (once said
        # "2,5 kr. om året, dvs. 2,5 kr.")
        (
            "kr.",
            "2,5 kr. om året, hvilket er meget lidt for et budgetforslag; er beløbene i mio. "
            'kr.? Så skriv unit: "mio. kr." i dækkets hoved',
        ),
    ],
)
def test_amounts_far_too_small_for_the_decks_unit_are_pointed_out(tmp_path, capsys, unit, said):
    # Before: a budget office's catalogue in t. kr. with its amounts in mio. kr. passed without
    # a word, and closing a kindergarten saved 450 kroner a year.
    code, lines = _validate(tmp_path, capsys, ('unit: "mio. kr."', f'unit: "{unit}"'))
    assert code == 0
    assert lines[0] == f"deck.yaml:4: advarsel: det typiske forslag giver {said}"


def test_a_deck_in_t_kr_with_amounts_in_t_kr_gets_no_such_word(tmp_path, capsys):
    import re

    text = BASE.replace('unit: "mio. kr."', 'unit: "t. kr."').replace("target: [3, 5, 7]", "")
    thousands = re.sub(
        r"effect: \[([^\]]*)\]",
        lambda m: (
            "effect: [" + ", ".join(f"{float(v) * 1000:.0f}" for v in m.group(1).split(",")) + "]"
        ),
        text,
    )
    (tmp_path / "deck.yaml").write_text(
        thousands.replace("    capacity: 8", "    target: [3000, 5000, 7000]\n    capacity: 8"),
        encoding="utf-8",
    )
    code = main(["validate", str(tmp_path / "deck.yaml")])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0 and lines[-1].endswith(OK_LINE[5:]), lines
    assert not any("meget lidt" in line for line in lines), lines


# --- what no table reaches (fault 4) --------------------------------------------------------------


def test_amounts_after_the_last_year_are_pointed_out(tmp_path, capsys):
    # trial m_long_effect.yaml: six amounts in a three-year game
    code, lines = _validate(
        tmp_path, capsys, ("effect: [-3, 0, 4]", "effect: [-3, 0, 4, 6, 8, 10]")
    )
    assert code == 0
    assert lines[0] == (
        "deck.yaml:56: advarsel: forslaget 'rehab' har 6 beløb, men det længste scenarie med det "
        "('budget-2027') har 3 år, så beløb nr. 4–6 bruges aldrig; tag dem ud, eller giv "
        "scenariet flere år"
    )


def test_many_proposals_with_unused_amounts_are_named_three_and_counted(tmp_path, capsys):
    # a catalogue of three years played over two: not one line per card
    code, lines = _validate(
        tmp_path,
        capsys,
        ('years: ["2027", "2028", "2029"]', 'years: ["2027", "2028"]'),
        ("target: [3, 5, 7]", "target: [3, 5]"),
    )
    assert code == 0
    named = [line for line in lines if "bruges aldrig; tag det ud, eller giv" in line]
    assert [line.split("'")[1] for line in named] == [
        "selvbetjent-bibliotek",
        "indkoeb",
        "digital-post",
    ]
    assert (
        "deck.yaml:56: advarsel: … og 3 forslag mere har beløb efter det sidste år i de scenarier, "
        "de er med i, og beløbene bruges aldrig"
    ) in lines


def test_an_events_amounts_after_the_last_year_are_pointed_out(tmp_path, capsys):
    code, lines = _validate(
        tmp_path, capsys, ("effect: [-1, -2, -3]", "effect: [-1, -2, -3, -4, -5]")
    )
    assert code == 0
    assert lines[0] == (
        "deck.yaml:80: advarsel: hændelsen 'flere-aeldre' har 5 beløb, men den trækkes tidligst i "
        "runde 1, og det længste scenarie med den har 3 år, så beløb nr. 4 og 5 bruges aldrig; "
        "tag dem ud"
    )


def test_an_event_round_no_scenario_has_is_pointed_out(tmp_path, capsys):
    # trial m_event_round9.yaml: round 4 of a three-year game
    code, lines = _validate(tmp_path, capsys, ("rounds: [2, 3]", "rounds: [2, 3, 4]"))
    assert code == 0
    assert lines[0] == (
        "deck.yaml:84: advarsel: runde 4 findes ikke i noget scenarie med hændelsen (det længste, "
        "'budget-2027', har 3 år), så hændelsen trækkes kun i runde 2 og 3; tag runden ud af "
        "'rounds', eller giv scenariet flere år"
    )
    code, lines = _validate(tmp_path, capsys, ("rounds: [2, 3]", "rounds: [4, 5]"))
    assert code == 0
    assert lines[0] == (
        "deck.yaml:84: advarsel: runderne 4 og 5 findes ikke i noget scenarie med hændelsen (det "
        "længste, 'budget-2027', har 3 år), så hændelsen kan aldrig trækkes; ret 'rounds', eller "
        "giv scenariet flere år"
    )


def test_a_scenario_with_fewer_events_than_it_draws_is_pointed_out(tmp_path, capsys):
    # a three-year scenario with two events: the last year came without one, unsaid
    events = "    market: 7\n    events: [udligning, flere-aeldre]\n"
    code, lines = _validate(tmp_path, capsys, ("    market: 7\n", events))
    assert code == 0
    assert (
        "advarsel: scenariet 'budget-2027' trækker 3 hændelser i alt, men har kun 2; en "
        "hændelse trækkes én gang, så de sidste runder kommer uden hændelse"
    ) in " ".join(lines), lines
    # three events for three years: nothing said
    code, lines = _validate(tmp_path, capsys)
    assert not any("hændelser i alt" in line for line in lines), lines


def test_a_pile_smaller_than_the_table_is_pointed_out(tmp_path, capsys):
    pile = "    market: 7\n    proposals: [faerre-vikarer, selvbetjent-bibliotek, rehab, energi]\n"
    pile = pile.replace("rehab", "rehab, indkoeb")
    code, lines = _validate(tmp_path, capsys, ("    market: 7\n", pile))
    assert code == 0
    assert lines[-2] == (
        "deck.yaml:92: advarsel: scenariet 'budget-2027' lægger 7 forslag på bordet ('market'), "
        "men har kun 5 forslag i bunken, så de ligger alle fremme fra start, og bordet fyldes "
        "aldrig op; sæt 'market' ned til 5, eller tag flere forslag med i scenariet"
    )
    # not said where the deck leaves 'market' at the game's 8: no author asked for a full table
    code, lines = _validate(tmp_path, capsys, ("    market: 7\n", pile.replace("market: 7", "")))
    assert not any("'market'" in line for line in lines), lines


def test_cards_in_no_scenario_are_pointed_out(tmp_path, capsys):
    pile = (
        "    market: 7\n    proposals: [faerre-vikarer, luk-filial, rengoering, "
        "selvbetjent-bibliotek, indkoeb, digital-post, rehab, velfaerdstek, energi]\n"
        "    events: [udligning, flere-aeldre]\n"
    )
    code, lines = _validate(tmp_path, capsys, ("    market: 7\n", pile))
    assert code == 0
    assert lines[:2] == [
        "deck.yaml:30: advarsel: forslaget 'vejbelysning' er ikke med i noget scenarie og kommer "
        "aldrig på bordet; skriv dets id i et scenaries 'proposals', eller slet scenariernes "
        "lister 'proposals', så alle forslag er med",
        "deck.yaml:81: advarsel: hændelsen 'grundsalg' er ikke med i noget scenarie og bliver "
        "aldrig trukket; skriv dens id i et scenaries 'events', eller slet scenariernes lister "
        "'events', så alle hændelser er med",
    ]


@pytest.mark.parametrize("deck", ["docs/example-deck.yaml", "decks/kystby", "decks/standard"])
def test_the_shipped_decks_written_for_version_1_still_validate(deck, capsys):
    root = Path(__file__).resolve().parents[2]
    assert main(["validate", str(root / deck)]) == 0
    out = capsys.readouterr().out
    assert all("advarsel" in line or ": OK – " in line for line in out.splitlines()), out


# --- a target the pile cannot reach without luck ------------------------------------------------


def test_a_target_above_what_the_pile_reaches_without_luck_is_said_at_the_target(tmp_path, capsys):
    # a budget office raised its last target to 12 with the same ten proposals: every game
    # would be lost unless the events were kind, and validate said only OK
    from game.content import load_sources
    from game.engine.reach import target_reach
    from game.numbers import format_amount

    raised = BASE.replace("target: [3, 5, 7]", "target: [3, 5, 12]")
    reach = target_reach(load_sources([("deck.yaml", raised)]), "budget-2027")
    assert reach is not None and reach.exact and reach.reached < 12
    code, lines = _validate(tmp_path, capsys, ("target: [3, 5, 7]", "target: [3, 5, 12]"))
    assert code == 0  # a warning: the deck still plays
    assert lines == [
        "deck.yaml:90: advarsel: scenariet 'budget-2027' kan ikke vindes uden held: hvert år "
        "kan nå sit eget mål, men ikke alle år på én gang (alle forslag på bordet fra første år, "
        "kortenes beløb, ingen hændelser) – det er årene tilsammen, der er for stramme, ikke ét "
        "år alene. Bunken når kun målene, hvis de alle sænkes i samme forhold, til ca. 90 %: "
        f"2,7; 4,5; {format_amount(reach.shown)} mio. kr. (ca. {format_amount(reach.shown)} "
        "mio. kr. i sidste år i stedet for 12 mio. kr.); et bord kan kun vinde med gode "
        "hændelser eller usikre forslag, der giver mere end kortets beløb – sænk målene, eller "
        "læg flere forslag i bunken. Også kapaciteten holder bunken nede: med 10 i stedet for 8 "
        "når den alle målene uden held",
        f"deck.yaml: {OK_LINE}",
    ]


def test_a_last_target_above_what_the_last_year_gives_names_that_year(tmp_path, capsys):
    # the last year holds X down on its own (the pile gives at most 15 there): said so, with
    # the targets all scaled to X, not "the pile reaches only about 12" of the last year
    code, lines = _validate(tmp_path, capsys, ("target: [3, 5, 7]", "target: [0.5, 0.5, 15.5]"))
    assert code == 0
    assert lines[0] == (
        "deck.yaml:90: advarsel: scenariet 'budget-2027' har et mål på 15,5 mio. kr. i sidste "
        "år, men bunken giver højst ca. 15 mio. kr. i sidste år uden held (alle forslag på "
        "bordet fra første år, kortenes beløb, ingen hændelser), og alle målene kan den kun nå, "
        "hvis de sænkes i samme forhold, til ca. 77 %: 0,4; 0,4; 12 mio. kr.; et bord kan kun "
        "vinde med gode hændelser eller usikre forslag, der giver mere end kortets beløb – sænk "
        "målene, eller læg flere forslag i bunken. Også kapaciteten holder bunken nede: med 11 "
        "i stedet for 8 når den alle målene uden held"
    ), lines


def test_a_first_year_out_of_reach_is_named_not_blamed_on_the_last(tmp_path, capsys):
    # An author wrote one target for every year ("target: 7"). The pile gives 7 in the last
    # year with room to spare, but not in an earlier year: validate said "a target of 7 in
    # the last year, but the pile reaches only ca. 3", and the author lowered the wrong year.
    from game.content import load_sources
    from game.engine.optimise import most_in_year
    from game.engine.reach import _whole_pile
    from game.numbers import format_amount

    flat = load_sources([("deck.yaml", BASE.replace("target: [3, 5, 7]", "target: 7"))])
    alone = [most_in_year(_whole_pile(flat, "budget-2027"), year) for year in range(3)]
    short = next(year for year in range(2) if alone[year] < 7)  # 2027 gives at most ca. 3
    assert alone[2] >= 7  # the last year alone has room
    code, lines = _validate(tmp_path, capsys, ("target: [3, 5, 7]", "target: 7"))
    assert code == 0
    year = ("2027", "2028")[short]
    most = format_amount(math.floor(alone[short] * 10) / 10)
    assert lines[0] == (
        f"deck.yaml:90: advarsel: scenariet 'budget-2027' kan ikke vindes uden held: målet for "
        f"{year} er 7 mio. kr., men bunken giver højst ca. {most} mio. kr. i {year}, uanset "
        "hvad de andre år får (alle forslag på bordet fra første år, kortenes beløb, ingen "
        f"hændelser); sænk målet for {year}, eller læg forslag i bunken, der giver noget "
        "allerede dér. Også kapaciteten holder bunken nede: med 14 i stedet for 8 når den alle "
        "målene uden held"
    )


@pytest.mark.parametrize(("target", "year"), [("[500, 5, 7]", "2027"), ("500", "2027")])
def test_a_target_beyond_the_whole_pile_names_its_year(tmp_path, capsys, target, year):
    # "target: [50, 4, 7, 10]" was told "can't be won without luck"; no luck can give more
    # than every card at full effect, and a flat target was blamed on the last year
    from game.content import load_sources

    deck = load_sources([("deck.yaml", BASE)])
    pile = deck.scenario("budget-2027").proposals
    most = sum(max(0.0, *deck.proposal(p).effect) for p in pile)
    assert most < 500
    code, lines = _validate(tmp_path, capsys, ("target: [3, 5, 7]", f"target: {target}"))
    assert code == 0
    told = [line for line in lines if "hele bunken giver højst" in line]
    assert len(told) == 1 and f"har et mål på 500 mio. kr. i {year}, men" in told[0], lines
    assert not any("uden held" in line for line in lines), lines


def test_a_scenario_no_plan_can_win_is_said_whatever_its_target(tmp_path, capsys):
    # Two budget years and capacity 4: every card takes at least 3 of it (belastning and
    # træthed), so a year has room for one card, and two cards never make three kinds.
    code, lines = _validate(
        tmp_path,
        capsys,
        ('years: ["2027", "2028", "2029"]', 'years: ["2027", "2028"]'),
        ("target: [3, 5, 7]", "target: [3, 5]"),
        ("capacity: 8", "capacity: 4"),
        ("rounds: [2, 3]", "rounds: [2]"),
    )
    assert code == 0
    assert (
        "deck.yaml:90: advarsel: scenariet 'budget-2027' kan ikke vindes, uanset målet: ingen "
        "plan får vedtaget alle tre slags inden for kapaciteten; hæv kapaciteten, eller læg "
        "mindre krævende forslag i bunken"
    ) in lines, lines
    assert lines[-1] == f"deck.yaml: {OK_LINE}"


def _floor(floor: int, capacity: int = 8, kinds: str = "true") -> tuple[str, str]:
    """The change that gives the base scenario a service floor and a capacity."""
    return (
        "capacity: 8",
        f"capacity: {capacity}\n    service_floor: {floor}\n    require_all_kinds: {kinds}",
    )


@pytest.mark.parametrize("floor", [4, 5, 30])
def test_a_floor_no_plan_reaches_is_said_not_blamed_on_the_capacity(tmp_path, capsys, floor):
    # A budget consultant set the floor above what the cards' service can give (+2, +1 and +1
    # from the investments, and a saving is required): validate said "ingen plan får
    # vedtaget alle tre slags inden for kapaciteten; hæv kapaciteten" – also at capacity 30.
    code, lines = _validate(tmp_path, capsys, _floor(floor, capacity=30))
    assert code == 0
    said = [line for line in lines if "uanset målet" in line]
    assert said == [
        "deck.yaml:90: advarsel: scenariet 'budget-2027' kan ikke vindes, uanset målet: ingen "
        f"plan, der bruger alle tre slags, holder servicegulvet på {floor} – heller ikke uden "
        "grænse for kapaciteten, for det højeste serviceniveau, en sådan plan kan nå, er 3; "
        "sænk gulvet til højst 3, eller læg forslag, der løfter serviceniveauet, i bunken"
    ], lines


def test_a_floor_the_construction_budget_holds_down_names_the_budget(tmp_path, capsys):
    # the investment with +1 service needs anlæg 10, more than the anlægsramme of 5
    code, lines = _validate(
        tmp_path, capsys, _floor(3), ("construction_budget: 15", "construction_budget: 5")
    )
    assert code == 0
    said = [line for line in lines if "uanset målet" in line]
    assert said == [
        "deck.yaml:90: advarsel: scenariet 'budget-2027' kan ikke vindes, uanset målet: ingen "
        "plan, der bruger alle tre slags, holder servicegulvet på 3 – heller ikke uden grænse "
        "for kapaciteten, for det højeste serviceniveau, en sådan plan kan nå, er 2 "
        "(anlægsrammen på 5 mio. kr. holder det nede: med en større ramme kan en plan nå 3); "
        "sænk gulvet til højst 2, eller læg forslag, der løfter serviceniveauet, i bunken"
    ], lines


def test_a_floor_out_of_reach_without_the_kinds_rule_does_not_name_the_kinds(tmp_path, capsys):
    code, lines = _validate(tmp_path, capsys, _floor(5, capacity=30, kinds="false"), lang="en")
    assert code == 0
    said = [line for line in lines if "whatever its target" in line]
    assert said == [
        "deck.yaml:90: warning: the scenario 'budget-2027' cannot be won whatever its target: "
        "no plan keeps the service floor of 5 – not even without a limit to the capacity, "
        "since the highest service level a plan reaches is 4; lower the floor to at most 4, "
        "or add proposals that raise the service level to the pile"
    ], lines


@pytest.mark.parametrize(
    ("kinds", "told"),
    [
        (
            "true",
            "ingen plan får vedtaget alle tre slags inden for kapaciteten og holder samtidig "
            "servicegulvet; hæv kapaciteten, sænk gulvet, eller læg andre forslag i bunken",
        ),
        (
            "false",
            "ingen plan holder servicegulvet på 3 inden for kapaciteten; hæv kapaciteten, sænk "
            "gulvet, eller læg forslag i bunken, der løfter serviceniveauet med mindre belastning",
        ),
    ],
)
def test_a_floor_only_the_capacity_keeps_from_the_plans_blames_the_capacity(
    tmp_path, capsys, kinds, told
):
    # the floor of 3 is kept with no limit to the capacity, not within 6 (or 3)
    capacity = 6 if kinds == "true" else 3
    code, lines = _validate(tmp_path, capsys, _floor(3, capacity=capacity, kinds=kinds))
    assert code == 0
    said = [line for line in lines if "uanset målet" in line]
    assert said == [
        f"deck.yaml:90: advarsel: scenariet 'budget-2027' kan ikke vindes, uanset målet: {told}"
    ], lines


def test_a_scenario_whose_investments_no_pile_can_pay_for_is_not_told_to_raise_its_capacity(
    tmp_path, capsys
):
    # every investment costs 40 in its first year, more than all the savings give: every
    # plan with the three kinds has a year below 0, and validate said "hæv kapaciteten"
    code, lines = _validate(
        tmp_path,
        capsys,
        ("effect: [-3, 0, 4]", "effect: [-40, 0, 4]"),
        ("effect: [-2, 1, 3]", "effect: [-40, 1, 3]"),
        ("effect: [-4, 1, 3]", "effect: [-40, 1, 3]"),
    )
    assert code == 0
    said = [line for line in lines if "uanset målet" in line]
    assert said == [
        "deck.yaml:90: advarsel: scenariet 'budget-2027' kan ikke vindes, uanset målet: hver "
        "plan, der holder reglerne, har et år med et råderum under 0, fordi forslag, der koster "
        "i de første år (fx den investering, scenariet kræver), ikke kan betales af bunkens "
        "andre forslag; læg flere besparelser eller hurtigere gevinster i bunken, eller gør "
        "udgiften i de første år mindre"
    ], lines


@pytest.mark.parametrize("require", ["true", "false"])
def test_a_scenario_with_an_empty_pile_is_refused_at_its_list(tmp_path, capsys, require):
    # "proposals: []" passed validate with warnings; balance and simulate then crashed
    pile = f"    market: 7\n    require_all_kinds: {require}\n    proposals: []\n"
    code, lines = _validate(tmp_path, capsys, ("    market: 7\n", pile))
    assert code == 2
    assert lines == [
        "deck.yaml:94: scenariet 'budget-2027' har ingen forslag i 'proposals'; skriv "
        "forslagenes id'er i listen, eller slet linjen, så alle dækkets forslag er med"
    ], lines


NEVER_ADOPTED = """\
deck: {id: krav, title: "Krav", unit: "t. kr.", schema_version: 2}
proposals:
  - {id: b1, kind: besparelse, title: "Lukning af skole", area: Skole, effect: [500]}
  - id: b2
    kind: besparelse
    title: "Færre timer"
    area: Skole
    effect: [400]
    requires: [e-mangler]
  - {id: e-mangler, kind: effektivisering, title: "Skema", area: Skole, effect: [100, 300]}
  - {id: e2, kind: effektivisering, title: "Fælles ledelse", area: Skole, effect: [100, 300]}
  - id: i2
    kind: investering
    title: "Inklusion"
    area: Skole
    effect: [-300, 200, 600]
    requires: [b1, i4]
  - {id: i3, kind: investering, title: "Skole", area: Skole, effect: [-30, 20, 60], excludes: [b1]}
  - {id: i4, kind: investering, title: "It", area: Skole, effect: [-200, 200, 500], requires: [i3]}
scenarios:
  - id: s
    title: "Tre år"
    years: ["2027", "2028", "2029"]
    target: [0, 100, 200]
    proposals: [b1, b2, e2, i2, i3, i4]
"""


def test_a_card_that_can_never_be_adopted_is_pointed_out_at_its_requirements(tmp_path, capsys):
    # b2 needs a card its scenario does not hold; i2 needs b1 and (through i4) i3, which
    # excludes b1. validate said OK, and balance called both dead without a word why
    path = tmp_path / "krav.yaml"
    path.write_text(NEVER_ADOPTED, encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    lines = [line.replace(f"{path}:", "") for line in capsys.readouterr().out.splitlines()]
    assert (
        "9: advarsel: forslaget 'b2' kræver 'e-mangler', som ikke er med i scenariet 's', så "
        "det kan aldrig vedtages dér; tag 'e-mangler' med i scenariets 'proposals', eller fjern "
        "kravet"
    ) in lines, lines
    assert (
        "17: advarsel: forslaget 'i2' kan aldrig vedtages: det kræver (selv eller gennem et "
        "andet forslag) både 'b1' og 'i3', men de to udelukker hinanden; fjern et af kravene "
        "eller udelukkelsen"
    ) in lines, lines
    assert not any("'i4' kan aldrig" in line for line in lines), lines


def test_a_header_error_does_not_hide_the_cards_errors_of_the_same_step(tmp_path, capsys):
    # "language: dk" was the only error named; the amount in t. kr. came a run later
    code, lines = _validate(
        tmp_path,
        capsys,
        ('  unit: "mio. kr."\n', '  unit: "mio. kr."\n  language: dk\n'),
        ("    effect: [2]\n", "    effect: [2000]\n"),
    )
    assert code == 2
    assert lines[0] == "deck.yaml:5: 'language' skal være en af: 'da' eller 'en', ikke 'dk'"
    assert any(line.startswith("deck.yaml:13: 'effect (nr. 1)' må højst være") for line in lines)


def test_balance_counts_only_the_cards_a_group_can_adopt_in_the_pile(tmp_path, capsys):
    # the pile said 2,5 × the target with b2 and i2 in it, though no game can adopt them
    path = tmp_path / "krav.yaml"
    path.write_text(NEVER_ADOPTED, encoding="utf-8")
    deck = load_deck(path)
    scenario = deck.scenario("s")
    assert deck.adoptable(scenario) == ("b1", "e2", "i3", "i4")
    pile = pile_of(deck, scenario)
    # i3 excludes b1 and i4 requires i3: b1 with e2 (800) or i3, i4 and e2 (860), never all
    assert pile.total == 60 + 300 + 500
    assert pile.never == ("Færre timer", "Inklusion")
    assert main(["balance", "--deck", str(path), "--games", "4", "--one-sided-games", "2"]) == 0
    out = capsys.readouterr().out
    assert "Bunken frigør 860 t. kr. ved fuld effekt" in out, out
    assert (
        "»Færre timer« og »Inklusion« kan aldrig vedtages i scenariet og er ikke talt med "
        "(raaderum validate siger hvorfor)."
    ) in out, out


def test_welfare_areas_written_otherwise_than_the_cards_area_are_named(tmp_path, capsys):
    # An author listed "Ældreområdet" and "Skoleområdet" while the cards say "Ældre" and
    # "Skole": it validated OK, and no card got the welfare barrier's extra træthed.
    header = "  schema_version: 2\n"
    listed = '  schema_version: 2\n  welfare_areas: ["Ældreområdet", "Skoleområdet"]\n'
    code, lines = _validate(tmp_path, capsys, (header, listed))
    assert code == 0
    assert lines[0].startswith(
        "deck.yaml:6: advarsel: velfærdsområderne 'Ældreområdet' ('Ældre'?), 'Skoleområdet' "
        "('Skole'?) i 'welfare_areas' er ikke noget forslags område, så de gør ingen forskel"
    )
    # a full list of the municipality's welfare areas, some without a card here, is fine
    full = '  schema_version: 2\n  welfare_areas: ["Ældre", "Skole", "Psykiatri"]\n'
    code, lines = _validate(tmp_path, capsys, (header, full))
    assert code == 0 and not any("velfærdsområde" in line for line in lines)


def test_a_long_title_in_a_warning_ends_in_an_ellipsis_at_a_word():
    # "'Uforudsete merudgifter til specialundervisning og anbringels' (e08)" was cut mid-word
    from game.content.plausibility import TITLE_MOST, _quoted_title

    title = "Uforudsete merudgifter til specialundervisning og anbringelser uden for hjemmet"
    said = _quoted_title(title)
    assert said.endswith("…") and len(said) <= TITLE_MOST
    assert title.startswith(said[:-1]) and title[len(said) - 1] == " "
    assert _quoted_title("Flere ældre end ventet") == "Flere ældre end ventet"


def test_a_card_of_costs_alone_with_an_uncertainty_is_warned_and_prints_no_die(tmp_path, capsys):
    # a municipality's deck: an investment of only costs ([-1500, 0]) with the kind's
    # uncertainty printed "± d20 ved første gevinst: …" on a card that never has a gain
    from game.content import load_deck
    from game.printing.document import document

    code, lines = _validate(
        tmp_path,
        capsys,
        ("effect: [-4, 1, 3]\n    construction: 10", "effect: [-4, 0]\n    uncertainty: 0.3"),
    )
    assert code == 0, lines
    assert any(
        "advarsel: 'energi' har usikkerhed eller risiko for svigt, men giver ingen gevinst" in line
        for line in lines
    ), lines
    deck = load_deck(tmp_path / "deck.yaml")
    assert not deck.proposal("energi").is_uncertain
    html = document(deck, deck.scenarios[0])
    card = html.split('data-id="energi"', 1)[1].split('<div class="card"', 1)[0]
    assert "d20" not in card and "±" not in card


def test_a_kind_the_construction_budget_cannot_pay_is_named_not_the_capacity(tmp_path, capsys):
    # an author's trial: the only investment needed anlæg 5 of a budget of 3, and validate
    # said "hæv kapaciteten" – also with the capacity at its most
    code, lines = _validate(
        tmp_path,
        capsys,
        (
            "    service: 2\n    failure: 0.1",
            "    service: 2\n    failure: 0.1\n    construction: 6",
        ),
        (
            "    service: 1\n    failure: 0.1",
            "    service: 1\n    failure: 0.1\n    construction: 5",
        ),
        ("construction_budget: 15", "construction_budget: 2"),
    )
    assert code == 0, lines
    text = "\n".join(lines)
    assert (
        "ingen af bunkens investeringer kan betales af anlægsrammen på 2 mio. kr. (den "
        "billigste kræver 5 mio. kr. i anlæg), så ingen plan får vedtaget alle tre slags; "
        "hæv anlægsrammen til mindst 5 mio. kr."
    ) in text, text
    assert "hæv kapaciteten" not in text


def test_calendar_years_with_a_gap_are_pointed_out(tmp_path, capsys):
    # "years: [2027, 2028, 2030]" validated without a word, and the start screen then said
    # "2027–2030 · 3 år" with the second round's result under 2030
    code, lines = _validate(
        tmp_path, capsys, ('years: ["2027", "2028", "2029"]', 'years: ["2027", "2028", "2030"]')
    )
    assert code == 0
    assert any(
        "advarsel: scenariet 'budget-2027' springer 2029 over; hver runde er ét budgetår" in line
        for line in lines
    ), lines
    code, lines = _validate(tmp_path, capsys)
    assert not any("springer" in line for line in lines), lines


def test_a_capacity_that_holds_the_pile_from_its_targets_is_named(tmp_path, capsys):
    # an author with capacity 3 was told only "sænk målet, eller læg forslag i bunken", and
    # more proposals could not help
    code, lines = _validate(tmp_path, capsys, ("    capacity: 8\n", "    capacity: 5\n"))
    assert code == 0
    said = "Også kapaciteten holder bunken nede: med 7 i stedet for 5 når den alle målene"
    assert any(said in line for line in lines), lines
    # a capacity that is not the limit says nothing of it
    code, lines = _validate(tmp_path, capsys)
    assert not any("kapaciteten" in line for line in lines), lines


@pytest.mark.parametrize(
    ("area", "welfare"),
    [
        ("Hjemmepleje og plejecentre", True),
        ("Ældreudvalget", True),
        ("BSU", True),
        ("Elderly care", True),
        ("Vejpleje", False),
        ("Park- og naturpleje", False),
        ("Careers", False),
        ("Tværgående", False),
    ],
)
def test_the_welfare_example_takes_only_areas_that_look_like_welfare(area, welfare):
    # a review: "Vejpleje" and "Careers" held "pleje" and "care", and the warning offered
    # road maintenance as a welfare area to write
    from game.content.plausibility import looks_like_welfare

    assert looks_like_welfare(area) is welfare
