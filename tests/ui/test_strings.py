"""One catalog per language: the same keys in Danish and English, a localized message for
every refusal the engine can give, and placeholders that the other language also fills."""

from __future__ import annotations

import re

from game.engine.rules import Refusal
from game.messages import CATALOGUES as CATALOGS
from game.messages import Catalogue as Strings


def engine_codes() -> set[str]:
    return {code.value for code in Refusal}


def test_both_languages_have_the_same_keys_and_placeholders():
    da, en = CATALOGS["da"], CATALOGS["en"]
    assert set(da) == set(en)
    for key in da:
        assert set(re.findall(r"{(\w+)}", da[key])) == set(re.findall(r"{(\w+)}", en[key])), key


def test_every_refusal_has_a_danish_and_english_message():
    codes = engine_codes()
    assert {"over_capacity", "excluded", "not_in_market", "game_over", "nothing_to_undo"} <= codes
    for lang in ("da", "en"):
        strings = Strings(lang)
        for code in codes:
            assert strings.has(f"error.{code}"), (lang, code)


def test_messages_fill_their_parameters():
    strings = Strings("da")
    text = strings.t("error.over_capacity", load=3, left=1)
    assert text == "Der er ikke kapacitet nok: forslaget kræver 3, men kun 1 er tilbage i år."
    assert Strings("xx").lang == "da"  # an unknown language falls back to Danish
    assert Strings("en").t("no.such.key") == "no.such.key"
