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


def test_no_message_key_is_written_twice_in_a_catalogue():
    # a second "cli.target_unit" replaced the first without a word: a target typed with its
    # unit was told the other message, with its placeholders unfilled
    import ast
    from pathlib import Path

    import game.messages

    folder = Path(game.messages.__file__).parent
    for name in ("da.py", "en.py"):
        tree = ast.parse((folder / name).read_text(encoding="utf-8"))
        keys = [  # every section of the file (``MESSAGES.update`` after ``MESSAGES``)
            key.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Dict)
            for key in node.keys
            if isinstance(key, ast.Constant) and "." in str(key.value)
        ]
        twice = sorted({k for k in keys if keys.count(k) > 1})
        assert not twice, (name, twice)


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
    assert text == (
        "Der er ikke kapacitet nok: forslaget kræver 3 (belastning og træthed), men kun 1 er "
        "tilbage i år."
    )
    assert Strings("xx").lang == "da"  # an unknown language falls back to Danish
    assert Strings("en").t("no.such.key") == "no.such.key"


def test_limits_are_written_once_in_the_engine():
    from game.engine.rules import MAX_TARGET
    from game.numbers import format_amount

    for lang in ("da", "en"):
        text = Strings(lang).t("error.bad_target")
        assert format_amount(MAX_TARGET, lang, 0) in text  # 100.000 / 100,000
        for message in CATALOGS[lang].values():
            assert not re.search(r"100[.,]?000", message), message


def test_the_debrief_and_the_report_give_the_same_reasons_for_a_lost_game(std_deck):
    from pathlib import Path

    import numpy as np

    from game.engine import History, verdict
    from game.engine.bots import random_policy
    from game.engine.simulate import play_game
    from game.engine.whatif import what_if
    from game.report.session import _Writer
    from game.saves import GameSettings, SavedGame

    for scenario, why in (("borgermoede", "service"), ("intro", "kinds")):
        for seed in range(100):  # the first random game lost for both reasons
            state = play_game(std_deck, scenario, seed, random_policy, np.random.default_rng(seed))
            outcome = verdict(state)
            if outcome.reasons == ("target", why):
                break
        assert outcome.reasons == ("target", why)
        settings = GameSettings(scenario, seed)
        saved = SavedGame(Path("bord.json"), std_deck, settings, History.start(state), "", "")
        whatif = what_if(state)
        for lang in ("da", "en"):
            reasons = Strings(lang).verdict_reasons(outcome)
            assert len(reasons) == 2
            html = _Writer(saved, lang, whatif).html()
            assert all(reason in html for reason in reasons), reasons


def test_english_messages_quote_the_english_way():
    # »Save table«, »Met?« and »4 alike in the pile« in the English window and printout
    found = [key for key, text in CATALOGS["en"].items() if "»" in text or "«" in text]
    assert not found, found


def test_a_forecast_of_one_outcome_says_outcome(capsys):
    # "1 proposal, 1 outcomes"
    from game.cli import main

    args = ["--lang", "en", "forecast", "--adopt", "sfo-takst", "--scenario", "intro"]
    assert main([*args, "--certain"]) == 0
    assert ": 1 proposal, 1 outcome; amounts in m DKK" in capsys.readouterr().out


def test_english_deck_and_catalogue_messages_name_a_unit_one_way():
    # an English-speaking author was told "is it written in DKK '000? … is 4 m DKK" and, in the
    # next message, to write unit: "t. kr.": one message, two names for one unit. The deck's
    # unit is named in English ({unit}: "m DKK", "DKK '000", ``unit_words``), so a message that
    # names a unit in English names none in Danish outside what it quotes for the author to
    # type ('t. kr.', unit: "t. kr.")
    import re

    en = CATALOGS["en"]
    author_facing = [k for k in en if k.startswith(("deck.", "catalogue.", "cli.target"))]
    assert len(author_facing) > 100
    unquoted = {k: re.sub(r"'[^']*'|\"[^\"]*\"", "", en[k]) for k in author_facing}
    english = [k for k, text in unquoted.items() if "m DKK" in text or "DKK '000" in en[k]]
    mixed = [k for k in english if "mio. kr." in unquoted[k] or "t. kr." in unquoted[k]]
    assert english and not mixed, mixed
