"""The save file is checked by a strict pydantic model and worded with the deck loader's Danish
message table: the same mistake reads the same in a deck and in a save."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from game.content import DeckError, load_sources
from game.saves import SaveError, read_save
from game.saves.document import FormatProblem, SaveDocument, check_document

VALID = Path(__file__).resolve().parent.parent / "data" / "valid"


@pytest.fixture(scope="module")
def document() -> dict:
    return json.loads((VALID / "lang-unfinished.json").read_text("utf-8"))


def _problem(document: dict, change) -> str:
    changed = copy.deepcopy(document)
    change(changed)
    with pytest.raises(FormatProblem) as caught:
        check_document(changed)
    return str(caught.value)


def test_the_same_mistake_reads_the_same_in_a_deck_and_a_save(document):
    deck = (VALID / "mini.yaml").read_text("utf-8").replace("load: 1", "load: 2.5", 1)
    assert deck != (VALID / "mini.yaml").read_text("utf-8")
    with pytest.raises(DeckError) as caught:
        load_sources([("mini.yaml", deck)])
    deck_message = next(p.message for p in caught.value.problems if "'load'" in p.message)
    assert deck_message == "'load' skal være et helt tal, ikke 2.5"
    save_message = _problem(document, lambda d: d["summary"].__setitem__("round", 2.5))
    assert save_message == "feltet 'summary.round' skal være et helt tal, ikke 2.5"


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (("settings", "seed"), "7", "feltet 'settings.seed' skal være et helt tal, ikke '7'"),
        (("settings", "seed"), True, "feltet 'settings.seed' skal være et helt tal, ikke true"),
        (("settings", "target"), "40", "feltet 'settings.target' skal være et tal, ikke '40'"),
        (
            # the file's own bound is the largest any deck's unit allows (a deck in kr.); a
            # deck's own limit is checked when the game is replayed (below)
            ("settings", "target"),
            100_000_000_001,
            "feltet 'settings.target' skal være mellem 0 og 100000000000, ikke 100000000001",
        ),
        (("summary", "finished"), 1, "feltet 'summary.finished' skal være true eller false"),
        (("deck", "title"), "", "feltet 'deck.title' må ikke være tom"),
        (("deck", "id"), "x" * 40, "feltet 'deck.id' er for lang: 40 tegn (højst 32)"),
        (("scenario",), 7, "feltet 'scenario' skal være tekst, ikke 7"),
        (("created",), "i morgen", "feltet 'created' er ikke et tidspunkt (ISO 8601)"),
        (("copy_of",), "x", "feltet 'copy_of' er ikke et gyldigt spil-id"),
        (("redo",), {}, "feltet 'redo' skal være en liste af træk"),
        (("settings",), [], "feltet 'settings' skal være et objekt"),
    ],
)
def test_each_field_is_checked_strictly_and_worded_in_danish(document, where, value, message):
    def change(d):
        target = d
        for key in where[:-1]:
            target = target[key]
        target[where[-1]] = value

    assert message in _problem(document, change)


@pytest.mark.parametrize("section", ["", "deck", "settings", "summary"])
def test_unknown_fields_are_refused_at_every_level(document, section):
    def change(d):
        (d[section] if section else d)["snyd"] = 1

    prefix = f"{section}." if section else ""
    # a field this version does not know is most often one a newer version writes: said so
    assert _problem(document, change) == (
        f"ukendt felt '{prefix}snyd': er filen gemt med en nyere version af Råderumsspillet? Så "
        "opdatér spillet; ellers er filen ændret i hånden"
    )


def test_a_misspelt_field_gets_a_hint(document):
    def change(d):
        d["settings"]["sed"] = d["settings"].pop("seed")

    assert "ukendt felt 'settings.sed' (mente du 'settings.seed'?)" in _problem(document, change)


def test_the_model_publishes_every_field():
    assert set(SaveDocument.model_fields) == {
        *("format", "version", "created", "updated", "game_id", "copy_of", "deck"),
        *("scenario", "settings", "actions", "redo", "summary"),
        *("table", "paper", "entered"),  # a paper table's save only
        "clock",  # the round timer's time used, with a timer only
        "drafts",  # notes typed on cards not yet adopted, when there are any
        "reopened",  # the years taken back after their result was shown, when any
    }


def test_a_draft_note_too_long_for_a_note_is_refused_with_its_card(tmp_path, document):
    changed = copy.deepcopy(document)
    changed["drafts"] = {"lean": "x" * 300}
    path = tmp_path / "spil.json"
    path.write_text(json.dumps(changed), "utf-8")
    with pytest.raises(SaveError) as caught:
        read_save(path)
    assert f"{path}: feltet 'drafts.lean'" in str(caught.value), str(caught.value)


def test_a_missing_field_in_a_real_file_names_the_file(tmp_path, document):
    changed = copy.deepcopy(document)
    del changed["settings"]["lang"]
    path = tmp_path / "spil.json"
    path.write_text(json.dumps(changed), "utf-8")
    with pytest.raises(SaveError) as caught:
        read_save(path)
    assert str(caught.value) == f"{path}: feltet 'settings.lang' mangler"


def test_a_target_is_saved_and_read_back_within_its_decks_unit(tmp_path):
    # a deck in t. kr. may set X = 150.000 (150 mio. kr.), but the save refused it as over
    # 100000 – the window's autosave failed; a deck in mio. kr. still refuses it on reading
    from game.content import load_deck
    from game.engine import History, SetTarget, new_game
    from game.paths import standard_deck
    from game.saves import GameSettings, new_save_path, write_save

    kystby = load_deck(standard_deck().parent / "kystby")
    history = History.start(new_game(kystby, "kystby", 4, 150_000)).do(SetTarget(160_000))
    path = new_save_path(tmp_path)
    write_save(path, kystby, GameSettings("kystby", 4, 150_000), history)
    saved = read_save(path)
    assert saved.settings.target == 150_000 and saved.history.current.targets[-1] == 160_000
    standard = load_deck(standard_deck())
    other = new_save_path(tmp_path)
    write_save(
        other,
        standard,
        GameSettings("standard", 4, 40),
        History.start(new_game(standard, "standard", 4, 40)),
    )
    document = json.loads(other.read_text("utf-8"))
    document["settings"]["target"] = 150_000
    other.write_text(json.dumps(document), "utf-8")
    with pytest.raises(SaveError) as caught:
        read_save(other)
    assert "målet skal være mellem 0 og 100.000" in str(caught.value)
