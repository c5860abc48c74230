"""The deck loader: every kind of bad deck gets FILE:LINE: message, good decks load."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from game.content import DeckError, load_deck, load_sources
from game.content.schema import json_schema
from game.engine import Kind
from game.paths import decks_dir

ROOT = Path(__file__).resolve().parents[2]

HEADER = "deck:\n  id: t\n  title: Test\n  schema_version: 1\n"
CARD = """\
  - id: {id}
    kind: {kind}
    title: Forslag {id}
    area: Skole
    effect: [2]
"""
SCENARIO = """\
scenarios:
  - id: s
    title: S
    years: ["2027", "2028"]
    target: 1
    events_per_round: 0
"""


def _good_body() -> str:
    cards = "".join(
        CARD.format(id=i, kind=k)
        for i, k in (("a", "saving"), ("b", "efficiency"), ("c", "investment"))
    )
    return HEADER + "proposals:\n" + cards + SCENARIO


def _problems(text: str | bytes) -> list[str]:
    with pytest.raises(DeckError) as error:
        load_sources([("deck.yaml", text)])
    return [str(p) for p in error.value.problems]


def test_an_area_with_a_space_too_many_is_the_same_area():
    # 'area: "Skole "' on one card made a tenth area, silently, and the card was no longer on
    # a welfare area (its efficiency lost the barrier's træthed)
    body = _good_body().replace("area: Skole", 'area: "Skole "', 1)
    body = body.replace("area: Skole\n", 'area: "Skole  "\n', 1)
    deck = load_sources([("deck.yaml", body)])
    assert {p.area for p in deck.proposals} == {"Skole"}
    assert all(p.welfare for p in deck.proposals)


def test_a_number_sign_in_an_unquoted_text_is_said_to_end_the_text():
    # "(jf. budgetnotat #4 fra direktionen)" printed as "(jf. budgetnotat", with no word
    body = _good_body().replace(
        "    effect: [2]\n",
        "    effect: [2]  # første år\n"
        "    text: Lukket om lørdagen (jf. budgetnotat #4 fra direktionen).\n",
        1,
    )
    warnings: list = []
    deck = load_sources([("deck.yaml", body)], warnings)
    assert deck.proposals[0].text == "Lukket om lørdagen (jf. budgetnotat"
    said = [str(w) for w in warnings]
    assert said == [
        "deck.yaml:11: advarsel: 'text' slutter, hvor ' #' begynder: i YAML er '#4 fra "
        "direktionen).' en kommentar, som kortet ikke viser; hører det med til teksten, så sæt "
        'hele teksten i anførselstegn ("…")'
    ], said  # the comment after the amounts is a comment, and no warning
    quoted = body.replace(
        "text: Lukket om lørdagen (jf. budgetnotat #4 fra direktionen).",
        'text: "Lukket om lørdagen (jf. budgetnotat #4 fra direktionen)."',
    )
    warnings = []
    assert load_sources([("deck.yaml", quoted)], warnings).proposals[0].text.endswith("nen).")
    assert warnings == []


def test_a_number_sign_in_an_unquoted_area_is_said_to_end_the_area():
    # "area: Teknik #2" became the area "Teknik" without a word
    body = _good_body().replace("    area: Skole\n", "    area: Teknik #2\n", 1)
    warnings: list = []
    deck = load_sources([("deck.yaml", body)], warnings)
    assert deck.proposals[0].area == "Teknik"
    assert str(warnings[0]).startswith(
        "deck.yaml:9: advarsel: 'area' slutter, hvor ' #' begynder: i YAML er '#2' en kommentar"
    )


def test_a_deck_written_as_json_with_a_missing_comma_is_not_told_of_an_inner_quote():
    # every key of a JSON deck is quoted ('"kind": "saving"'): a missing comma was taken for
    # a quote inside a text
    data = yaml.safe_load(_good_body())
    text = json.dumps(data, indent=2, ensure_ascii=False)
    (said,) = _problems(text.replace('"kind": "saving",', '"kind": "saving"', 1))
    assert "mangler et komma" in said and "inde i sig" not in said, said


def test_a_card_that_requires_itself_is_one_error_and_a_ring_is_named_once():
    # "kan ikke kræve sig selv" came with "forslagene kræver hinanden i ring ('a' → 'a')"
    body = _good_body().replace("schema_version: 1", "schema_version: 2")
    itself = body.replace("    effect: [2]\n", "    effect: [2]\n    requires: [a]\n", 1)
    assert _problems(itself) == ["deck.yaml:11: 'a' kan ikke kræve sig selv"]
    ring = body.replace("    effect: [2]\n", "    effect: [2]\n    requires: [b]\n", 1)
    ring = ring.replace(
        "Forslag b\n    area: Skole\n    effect: [2]\n",
        "Forslag b\n    area: Skole\n    effect: [2]\n    requires: [a]\n",
    )
    said = _problems(ring)
    assert len(said) == 1 and "kræver hinanden i ring ('a' → 'b' → 'a')" in said[0], said


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("    effect: [2]\n", "    effect: 0.5\n", "'effect' skal være en liste: skriv [0.5]"),
        (
            'years: ["2027", "2028"]',
            "years: 2027-2028",
            '\'years\' skal være en liste: skriv ["2027", "2028"]',
        ),
        ("    effect: [2]\n", "    effect: [2]\n    excludes: b\n", "skriv [b]"),
    ],
)
def test_a_value_that_should_be_a_list_is_told_as_its_own_list(old, new, said):
    # "'excludes' skal være en liste, fx [1, 2, 3]" for a list of ids, and for years
    body = _good_body().replace("schema_version: 1", "schema_version: 2")
    (problem,) = _problems(body.replace(old, new, 1))
    assert said in problem, problem


def test_a_question_longer_than_the_printed_card_holds_is_a_warning():
    # a 267-character question lost its second sentence on the printed card, with no word
    long = "Hvem skal tale med forældrene, når åbningstiden bliver kortere? " * 4
    body = _good_body().replace(
        "    effect: [2]\n", f'    effect: [2]\n    question: "{long}"\n', 1
    )
    warnings: list = []
    load_sources([("deck.yaml", body)], warnings)
    assert [str(w) for w in warnings] == [
        f"deck.yaml:11: advarsel: spørgsmålet har {len(long)} tegn; det trykte kort har plads "
        "til ca. 130, og resten står kun i kataloget bagest – skriv det kortere, hvis bordet "
        "skal kunne læse det på kortet"
    ]


def test_a_quote_inside_a_quoted_text_is_named_as_the_fault():
    # 'text: "… holder "lørdagslukket" fremover."' was blamed on the indentation
    body = _good_body().replace(
        "    effect: [2]\n", '    effect: [2]\n    text: "Holder "lørdagslukket" fremover."\n', 1
    )
    assert _problems(body) == [
        'deck.yaml:11: YAML-syntaksfejl: teksten står i "…" og har selv et " inde i sig, så '
        'YAML tror, at teksten slutter dér: skriv anførselstegnet inde i teksten som \\", '
        "eller brug »…«"
    ]
    single = body.replace(
        '"Holder "lørdagslukket" fremover."', "'Holder 'lørdagslukket' fremover.'"
    )
    (said,) = _problems(single)
    assert "teksten står i '…' og har selv et ' inde i sig" in said
    assert "som '', eller brug »…«" in said, said  # not \' – YAML has no such escape
    escaped = body.replace('"lørdagslukket"', '\\"lørdagslukket\\"')
    assert load_sources([("deck.yaml", escaped)]).proposals[0].text == (
        'Holder "lørdagslukket" fremover.'
    )


def test_a_field_written_twice_does_not_hide_the_files_other_faults():
    # only "feltet 'title' står to gange" was said; a wrong kind and a wrong load on other
    # cards came one at a time after it was mended
    body = _good_body().replace("    title: Forslag a\n", "    title: Forslag a\n    title: Igen\n")
    body = body.replace("kind: efficiency", "kind: effektiviseringer")
    body = body.replace("Forslag c\n", "Forslag c\n    load: 1.5\n")
    said = _problems(body)
    assert [p.split(":")[1] for p in said] == ["9", "13", "20"], said
    assert "feltet 'title' står to gange" in said[0]
    assert "mente du 'effektivisering'?" in said[1] and "'load'" in said[2]


def test_good_deck_loads_with_defaults_per_kind():
    deck = load_sources([("deck.yaml", _good_body())])
    a, b, c = deck.proposals
    assert (a.kind, a.load, a.service, a.uncertainty) == (Kind.SAVING, 1, -2, 0.05)
    assert (b.kind, b.load, b.service, b.uncertainty) == (Kind.EFFICIENCY, 2, 0, 0.2)
    assert (c.kind, c.load, c.service, c.uncertainty) == (Kind.INVESTMENT, 3, 1, 0.4)
    assert deck.scenario("s").target == (1.0, 1.0)
    assert deck.scenario("s").proposals == ("a", "b", "c")


def test_danish_kind_names_are_accepted():
    text = _good_body().replace("kind: saving", "kind: besparelse")
    assert load_sources([("d.yaml", text)]).proposals[0].kind is Kind.SAVING


BAD = [
    # (description, replace-from, replace-to, expected line, message fragment)
    (
        "unknown key",
        "    area: Skole\n    effect: [2]\n  - id: b",
        "    area: Skole\n    effect: [2]\n    tittle: x\n  - id: b",
        11,
        "ukendt felt 'tittle'",
    ),
    ("title: no", "title: Forslag a", "title: no", 8, "YAML læser no uden anførselstegn som false"),
    (
        "missing field",
        "    area: Skole\n    effect: [2]\n  - id: b",
        "    effect: [2]\n  - id: b",
        6,
        "mangler feltet 'area'",
    ),
    ("wrong kind", "kind: saving", "kind: spare", 7, "'kind' skal være en af"),
    (
        "effect out of range",
        "effect: [2]\n  - id: b",
        "effect: [2, 5000]\n  - id: b",
        10,
        "'effect (nr. 2)' må højst være 1.000, ikke 5.000",
    ),
    (
        "too many effect values",
        "effect: [2]\n  - id: b",
        "effect: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]\n  - id: b",
        10,
        "højst have 10",
    ),
    ("duplicate id", "  - id: b\n", "  - id: a\n", 11, "id 'a' findes allerede"),
    ("id pattern", "  - id: c\n", "  - id: c d\n", 16, "må kun indeholde"),
    (
        "bad load",
        "area: Skole\n    effect: [2]\n  - id: c",
        "area: Skole\n    effect: [2]\n    load: 9\n  - id: c",
        16,
        "'load' må højst være 5",
    ),
    ("target length", "target: 1", "target: [1, 2, 3]", 25, "'target' har 3 tal"),
    (
        "unknown excludes",
        "effect: [2]\n  - id: b",
        "effect: [2]\n    excludes: [zz]\n  - id: b",
        11,
        "ukendt forslag 'zz'",
    ),
    ("title too long", "title: Forslag a", "title: " + "x" * 91, 8, "for lang: 91 tegn"),
    ("unknown top key", "scenarios:", "scenarioes:", 21, "ukendt felt 'scenarioes'"),
    (
        "duplicate key",
        "    area: Skole\n    effect: [2]\n  - id: b",
        "    area: Skole\n    area: Ældre\n    effect: [2]\n  - id: b",
        10,
        "står to gange",
    ),
    (
        "python tag",
        "title: Forslag a",
        "title: !!python/object/apply:os.system ['true']",
        8,
        "YAML-tagget '!!python/object/apply:os.system' er ikke tilladt",
    ),
    (
        "syntax error",
        "    area: Skole\n    effect: [2]\n  - id: b",
        "    area: Skole\n    effect: [2\n  - id: b",
        11,
        "YAML-syntaksfejl",
    ),
]


@pytest.mark.parametrize(("what", "old", "new", "line", "fragment"), BAD, ids=[b[0] for b in BAD])
def test_bad_deck_reports_file_line_and_message(what, old, new, line, fragment):
    text = _good_body()
    assert old in text, what
    problems = _problems(text.replace(old, new, 1))
    assert any(p.startswith(f"deck.yaml:{line}: ") and fragment in p for p in problems), problems


def test_all_problems_are_reported_at_once():
    text = _good_body().replace("kind: saving", "kind: spare").replace("target: 1", "target: x")
    problems = _problems(text)
    assert len(problems) == 2
    assert problems[0].startswith("deck.yaml:7:") and problems[1].startswith("deck.yaml:25:")


def test_missing_and_repeated_deck_block():
    problems = _problems(_good_body().replace(HEADER, ""))
    assert problems == ["deck.yaml:1: mangler 'deck:'-blokken (id, title og schema_version: 2)"]
    with pytest.raises(DeckError) as error:
        load_sources([("a.yaml", _good_body()), ("b.yaml", HEADER)])
    assert [str(p) for p in error.value.problems] == [
        "b.yaml:1: 'deck:' må kun stå én gang (står også i a.yaml)"
    ]


def test_scenario_without_all_kinds_cannot_be_won():
    text = _good_body().replace("kind: investment", "kind: saving")
    problems = _problems(text)
    assert any("intet forslag af slagsen 'investering'" in p for p in problems)


def test_guards_size_encoding_empty():
    assert _problems("") == ["deck.yaml:1: filen er tom"]
    with pytest.raises(DeckError) as error:
        load_sources([("deck.yaml", b"deck:\n  title: \xff\xfe\n")])
    assert (
        str(error.value.problems[0]) == "deck.yaml:2: teksten er ikke UTF-8 (gem filen som UTF-8)"
    )
    # saved as ANSI (Windows-1252): named so, with the letter, as UTF-16 is (a budget
    # office's analyst was told only "ikke UTF-8")
    ansi = _good_body().replace("title:", "# Råderum i Næstved\n  title:", 1).encode("cp1252")
    with pytest.raises(DeckError) as error:
        load_sources([("deck.yaml", ansi)])
    said = str(error.value.problems[0])
    assert said.startswith("deck.yaml:") and "gemt som ANSI (Windows-1252), og dér er 'å'" in said
    assert "Kodning: UTF-8" in said
    big = _good_body() + "#" + "x" * (1024 * 1024) + "\n"
    assert "filen er for stor" in _problems(big)[0]


def test_billion_laughs_is_refused_quickly():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    # refused at its first alias, before anything is composed (no clock in the test: the
    # expansion would take minutes and gigabytes, the refusal reads the events once)
    problems = _problems("\n".join(lines) + "\n")
    assert problems == ["deck.yaml:2: YAML-alias '*a0' er ikke tilladt; skriv værdien ud"]


def test_an_anchor_without_an_alias_is_refused_and_an_ampersand_in_a_text_is_not():
    # docs/deck-format.md says "&navn" is refused; a budget office's "kind: &b besparelse"
    # validated OK
    body = _good_body()
    problems = _problems(body.replace("effect: [2]", "effect: &to [2]", 1))
    assert len(problems) == 1 and problems[0].startswith("deck.yaml:"), problems
    assert "YAML-ankeret '&to' er ikke tilladt" in problems[0]
    load_sources([("deck.yaml", body.replace("area: Skole", "area: Skole & SFO", 1))])


def test_python_tag_is_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    text = f"deck: !!python/object/apply:os.system ['touch {marker}']\n"
    assert "ikke tilladt" in _problems(text)[0]
    assert not marker.exists()


def test_folder_deck_and_missing_path(tmp_path):
    (tmp_path / "a.yaml").write_text(
        HEADER + "proposals:\n" + CARD.format(id="x", kind="saving"), encoding="utf-8"
    )
    (tmp_path / "b.yml").write_text(
        "proposals:\n"
        + CARD.format(id="y", kind="efficiency")
        + CARD.format(id="z", kind="investment")
        + SCENARIO,
        encoding="utf-8",
    )
    (tmp_path / "notes.txt").write_text("not part of the deck", encoding="utf-8")
    deck = load_deck(tmp_path)
    assert [p.id for p in deck.proposals] == ["x", "y", "z"]
    with pytest.raises(DeckError) as error:
        load_deck(tmp_path / "nope")
    assert str(error.value.problems[0]).endswith(":1: findes ikke")


@pytest.mark.parametrize("broken", ["besparelser.yaml", "haendelser.yaml", "deck.yaml"])
def test_a_file_that_cannot_be_read_is_the_only_problem_reported(tmp_path, broken):
    """A syntax error in one file of a folder deck is reported alone: the cards, events and
    deck block of that file are not reported as unknown or missing in the other files."""
    deck = tmp_path / "deck"
    shutil.copytree(decks_dir() / "standard", deck)
    with (deck / broken).open("a", encoding="utf-8") as handle:
        handle.write('  - id: x\n   bad: "\n')
    with pytest.raises(DeckError) as error:
        load_deck(deck)
    problems = [str(p) for p in error.value.problems]
    assert len(problems) == 1, problems
    assert problems[0].startswith(str(deck / broken)) and "YAML-syntaksfejl" in problems[0]


def test_a_file_that_cannot_be_read_does_not_hide_what_the_other_files_get_wrong(tmp_path):
    """Before, one syntax error hid every other file's problems: a budget office fixed it and
    found the next file's errors only on the next run."""
    deck = tmp_path / "deck"
    shutil.copytree(decks_dir() / "standard", deck)
    with (deck / "besparelser.yaml").open("a", encoding="utf-8") as handle:
        handle.write('  - id: x\n   bad: "\n')
    text = (deck / "investeringer.yaml").read_text(encoding="utf-8")
    (deck / "investeringer.yaml").write_text(text.replace("load: 3", "load: 30", 1), "utf-8")
    scenarios = (deck / "scenarier.yaml").read_text(encoding="utf-8")
    twice = scenarios.replace(
        'years: ["2027", "2028", "2029"]', 'years: ["2027", "2028", "2028"]', 1
    )
    (deck / "scenarier.yaml").write_text(twice, "utf-8")
    with pytest.raises(DeckError) as error:
        load_deck(deck)
    problems = [str(p) for p in error.value.problems]
    assert (
        problems[0].startswith(str(deck / "besparelser.yaml")) and "YAML-syntaksfejl" in problems[0]
    )
    assert any(p.startswith(str(deck / "investeringer.yaml")) and "30" in p for p in problems)
    assert any(p.startswith(str(deck / "scenarier.yaml")) and "2028" in p for p in problems)
    assert not any("ukendt" in p for p in problems), "no reference into the unread file is reported"
    assert len(problems) == 3, problems


def test_content_hash_follows_content_not_formatting():
    one = load_sources([("d.yaml", _good_body())])
    two = load_sources([("d.yaml", "# a comment\n" + _good_body())])
    three = load_sources([("d.yaml", _good_body().replace("effect: [2]", "effect: [3]", 1))])
    assert one.content_hash == two.content_hash != three.content_hash


def test_standard_deck_has_the_promised_content(std_deck):
    kinds = [p.kind for p in std_deck.proposals]
    assert len(std_deck.proposals) >= 40
    assert all(kinds.count(k) >= 11 for k in Kind)
    assert len({p.area for p in std_deck.proposals}) >= 7
    assert len(std_deck.events) >= 15
    assert all(p.question and p.source and p.text for p in std_deck.proposals)
    assert all(e.source for e in std_deck.events)
    assert {"intro", "standard", "krise", "lang-horisont", "borgermoede"} <= {
        s.id for s in std_deck.scenarios
    }


def test_every_standard_pile_is_sized_like_naestveds_catalogue(std_deck):
    """decks/standard/README.md: each pile frees 2–3 times the final target at full effect
    (Næstved: 110 for 45), its savings alone less than the target, and every scenario has a
    service floor."""
    for scenario in std_deck.scenarios:
        cards = [std_deck.proposal(pid) for pid in scenario.proposals]
        full = sum(card.effect[-1] for card in cards)
        savings = sum(card.effect[-1] for card in cards if card.kind is Kind.SAVING)
        final = scenario.target[-1]
        assert 2 * final <= full <= 3 * final, scenario.id
        assert savings < final, scenario.id
        assert scenario.service_floor is not None, scenario.id


def test_example_deck_in_the_docs_validates():
    deck = load_deck(ROOT / "docs" / "example-deck.yaml")
    assert {p.kind for p in deck.proposals} == set(Kind)


def test_the_readmes_example_deck_validates_and_can_be_won(tmp_path):
    """The deck a budget office copies from the README loads, and a group that combines its
    three proposals can win it (found by trying every line of play)."""
    from game.engine import apply, legal_actions, new_game, verdict

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```yaml\ndeck:\n  id: min-kommune")
    body = readme[start + len("```yaml\n") : readme.index("```", start + 7)]
    path = tmp_path / "min-kommune.yaml"
    path.write_text(body, encoding="utf-8")
    deck = load_deck(path)
    scenario = deck.scenarios[0]

    def outcomes(state):
        if state.finished:
            yield verdict(state).won
            return
        for action in legal_actions(state):
            yield from outcomes(apply(state, action))

    results = list(outcomes(new_game(deck, scenario.id, 0)))
    assert any(results) and not all(results)


def test_every_field_of_the_schema_is_explained_in_danish_for_the_editor():
    # docs/deck-format.md promised that an editor shows explanations; the schema had none,
    # only the models' English docstrings
    schema = json_schema()
    blocks = {"DeckFile": schema, **schema["$defs"]}
    for name, block in blocks.items():
        assert block["description"], name
        for field, spec in block["properties"].items():
            assert spec.get("description"), (name, field)
    assert "belastning" in blocks["ProposalSpec"]["properties"]["load"]["description"].lower()
    assert blocks["ProposalSpec"]["description"].startswith("Et forslag")


def test_the_schema_asked_for_in_english_explains_every_field_in_english(capsys):
    # `schema --lang en` gave the Danish tooltips to an English deck's author
    from game.cli import main

    assert main(["schema", "--lang", "en"]) == 0
    english = json.loads(capsys.readouterr().out)
    danish = json_schema()
    blocks = {"DeckFile": english, **english["$defs"]}
    danish_blocks = {"DeckFile": danish, **danish["$defs"]}
    for name, block in blocks.items():
        assert block["description"] != danish_blocks[name]["description"], name
        for field, spec in block["properties"].items():
            said = spec["description"]
            assert said and said != danish_blocks[name]["properties"][field]["description"]
            assert not any(word in said for word in (" og ", " eller ", " hvor ")), said
    assert blocks["ProposalSpec"]["properties"]["load"]["description"].startswith("Load:")

    def rules(node: object) -> object:  # the schema without its explanations
        if isinstance(node, dict):
            return {k: rules(v) for k, v in node.items() if k != "description"}
        return [rules(v) for v in node] if isinstance(node, list) else node

    assert rules(english) == rules(danish)  # the same format, only explained in English


def test_published_schema_matches_the_code_and_describes_a_file():
    schema = json_schema()
    assert json.loads((decks_dir() / "schema.json").read_text(encoding="utf-8")) == schema
    assert "required" not in schema  # every top-level key is optional in one file
    assert set(schema["properties"]) == {"deck", "proposals", "events", "scenarios"}


def test_validate_command_output_and_exit_codes(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(_good_body().replace("kind: saving", "kind: spare"), encoding="utf-8")
    run = [sys.executable, "-m", "game", "validate"]
    good = subprocess.run([*run, str(decks_dir() / "standard")], capture_output=True, text=True)
    assert good.returncode == 0
    assert "OK" in good.stdout and "forslag" in good.stdout
    broken = subprocess.run([*run, str(bad)], capture_output=True, text=True)
    assert broken.returncode == 2
    assert broken.stdout.strip().splitlines() == [
        f"{bad}:7: 'kind' skal være en af: 'saving', 'efficiency', 'investment', 'besparelse', "
        "'effektivisering' eller 'investering', ikke 'spare'"
    ]
    assert "Traceback" not in broken.stderr


def test_yaml_is_read_only_with_safe_loaders():
    source = (ROOT / "game" / "content" / "yamlsafe.py").read_text(encoding="utf-8")
    assert "CSafeLoader" in source
    assert yaml.__with_libyaml__ or "SafeLoader" in source


NEGATIVE = (
    "'target' kan ikke være negativt: et mål er det råderum, der skal findes hvert år, og det "
    "er 0 eller mere"
)


@pytest.mark.parametrize(
    ("target", "fragment"),
    [
        ("-5", NEGATIVE),
        ("[1, -2]", NEGATIVE),
        ("[1, x]", "'target' skal være ét tal eller en liste med ét tal pr. år"),
        ("no", "'target' skal være ét tal eller en liste med ét tal pr. år"),
    ],
)
def test_a_bad_target_is_one_problem_and_never_dropped(target, fragment):
    problems = _problems(_good_body().replace("target: 1", f"target: {target}"))
    assert problems == [f"deck.yaml:25: {fragment}"]


def test_huge_files_devices_and_pipes_are_refused_without_reading_them(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MiB that are never read
    with pytest.raises(DeckError) as error:
        load_deck(big)
    assert str(error.value.problems[0]).startswith(f"{big}:1: filen er for stor")
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    with pytest.raises(DeckError) as error:
        load_deck(pipe)
    assert str(error.value.problems[0]) == f"{pipe}:1: er ikke en almindelig fil"


def test_schema_allows_years_written_as_numbers_like_the_loader():
    years = json_schema()["$defs"]["ScenarioSpec"]["properties"]["years"]["items"]
    assert {"type": "integer"} in years["anyOf"]
    text = _good_body().replace('years: ["2027", "2028"]', "years: [2027, 2028]")
    assert load_sources([("d.yaml", text)]).scenario("s").years == ("2027", "2028")


def test_scenario_where_no_card_of_a_kind_fits_the_capacity_cannot_be_won():
    text = _good_body().replace("    target: 1\n", "    target: 1\n    capacity: 2\n")
    problems = _problems(text)  # the investment: default belastning 3 + træthed 1 = 4 > 2
    assert (
        "deck.yaml:22: scenariet 's' kan ikke vindes: intet forslag af slagsen 'investering' "
        "passer i kapaciteten (2); det mindste kræver 4 med sin træthed"
    ) in problems


def test_a_limit_is_written_as_an_amount_and_one_element_is_said_in_words():
    # Before: "må højst være 1000, ikke 1.23457e+06", "mindst 1 element(er)" and then
    # "mindst ét element": an empty list of amounts is told in its own word.
    huge = _problems(_good_body().replace("effect: [2]", "effect: [1234567]", 1))
    assert any("må højst være 1.000, ikke 1.234.567" in p for p in huge), huge
    assert not any("e+" in p for p in huge), huge
    low = _problems(_good_body().replace("effect: [2]", "effect: [-2500000]", 1))
    assert any("skal være mindst −1.000, ikke −2.500.000" in p for p in low), low
    empty = _problems(_good_body().replace("effect: [2]", "effect: []", 1))
    assert any("'effect' skal have mindst ét beløb" in p for p in empty), empty


def test_an_id_with_danish_letters_is_refused_with_a_spelling_that_works():
    # before, the message did not say what to write instead of "ældre-1"
    text = _good_body().replace("id: a\n", "id: ældre 1\n", 1).replace("[a, b, c]", "[b, c]")
    problems = _problems(text)
    assert any("(skriv fx 'aeldre-1')" in p for p in problems), problems


def test_a_danish_column_name_in_yaml_points_to_the_field():
    # before: "ukendt felt 'usikkerhed'" with no hint, though the workbook calls it so
    text = _good_body().replace("    effect: [2]\n", "    effect: [2]\n    usikkerhed: 0.2\n", 1)
    assert any("ukendt felt 'usikkerhed' (mente du 'uncertainty'?)" in p for p in _problems(text))


def test_the_danish_field_names_are_the_workbooks_column_names():
    from game.catalogue.columns import COLUMNS, normal
    from game.content.validation_messages import DANISH_FIELDS

    named = [c for cs in COLUMNS.values() for c in cs if normal(c.header) in DANISH_FIELDS]
    assert len(named) >= 30, "the workbook's columns are named here"
    for column in named:
        assert DANISH_FIELDS[normal(column.header)] == column.field, column.header


def test_an_id_the_format_refuses_is_never_suggested():
    # before: "ukendt forslag 'vejvedligehold' (mente du 'vejvedligehold-ø'?)"
    text = _good_body().replace("id: a\n", "id: vej-ø\n", 1) + "    proposals: [vej, b, c]\n"
    problems = _problems(text)
    assert any("(skriv fx 'vej-oe')" in p for p in problems), problems
    assert any("ukendt forslag 'vej'" in p for p in problems), problems
    assert not any("mente du 'vej-ø'" in p for p in problems), problems
    # … but the spelling the card is told to take is, where it is the closest (a card
    # renamed "vej-ø" left its old id in the scenario, which was pointed at another card)
    assert any("ukendt forslag 'vej' (mente du 'vej-oe'?)" in p for p in problems), problems


def test_a_scenario_with_an_id_the_format_refuses_still_has_its_other_ids_checked():
    # before: the refused id hid the unknown one until the next run of validate
    text = _good_body() + "    proposals: [a, zzz, fælles-ledelse, b, b]\n    events: [nix]\n"
    problems = _problems(text)
    assert "deck.yaml:27: 'proposals (nr. 3)' må kun indeholde" in " ".join(problems), problems
    assert "deck.yaml:27: ukendt forslag 'zzz'" in problems, problems
    assert "deck.yaml:27: 'b' står to gange i listen" in " ".join(problems), problems
    said = "deck.yaml:28: dækket har ingen hændelser, men scenariet nævner 'nix'"
    assert any(p.startswith(said) for p in problems), problems


def test_a_card_the_format_refuses_still_has_its_requires_and_excludes_checked():
    # before: a wrong 'service' hid the unknown id in 'requires' until the next run
    text = _good_body().replace(
        "  - id: b\n", "  - id: b\n    service: x\n    requires: [zzz]\n    excludes: [a, nix]\n", 1
    )
    problems = _problems(text)
    assert any("'service' skal være et helt tal, ikke 'x'" in p for p in problems), problems
    assert any(p.endswith("ukendt forslag 'zzz'") for p in problems), problems
    assert any(p.endswith("ukendt forslag 'nix'") for p in problems), problems
    assert not any("'a'" in p for p in problems), problems


def test_a_number_in_quotes_or_with_a_hard_space_says_which():
    # before, both said "'700' er skrevet uden ciffer før punktummet"
    quoted = _problems(_good_body().replace("effect: [2]", 'effect: ["700"]', 1))
    assert any("'700' er skrevet i anførselstegn" in p for p in quoted), quoted
    hard = _problems(_good_body().replace("effect: [2]", "effect: [2400\u00a0]", 1))
    assert hard == [
        "deck.yaml:10: 'effect (nr. 1)' skal være et tal: der står et hårdt mellemrum (U+00A0) "
        "efter '2400', og derfor læser YAML værdien som tekst; slet tegnet"
    ]


def test_a_title_too_long_for_the_cards_is_warned_about(tmp_path):
    long = "Rengøring hos borgere i eget hjem hver tredje uge i stedet for hver anden"
    text = _good_body().replace("title: Forslag a", f"title: {long}", 1)
    (tmp_path / "deck.yaml").write_text(text, encoding="utf-8")
    warnings: list = []
    load_deck(tmp_path / "deck.yaml", warnings)
    said = [str(w) for w in warnings]
    assert any(f"titlen har {len(long)} tegn" in w and ":8:" in w for w in said), said
    # a budget office's 46 letters were cut at 1024×768 with no word (the limit was 60); the
    # standard deck's longest, 41, stand whole on two lines
    for title, told in (
        ("Ingen lokalbusser i weekenden på rute 12 og 14", True),
        ("A" * 41, False),
    ):
        warnings = []
        text = _good_body().replace("title: Forslag a", f"title: {title}", 1)
        load_sources([("deck.yaml", text)], warnings)
        assert any("titlen har" in str(w) for w in warnings) is told, (title, warnings)


def test_a_missing_colon_and_a_hard_space_after_one_are_named_on_their_own_line():
    # before: the line after, and "der mangler et kolon" for the hard space
    no_colon = _problems(_good_body().replace("    kind: saving\n", "    kind saving\n", 1))
    assert no_colon[0].startswith("deck.yaml:7: YAML-syntaksfejl: der mangler et kolon"), no_colon
    hard = _problems(_good_body().replace("    title: Forslag a", "    title:\u00a0Forslag a", 1))
    assert hard[0].startswith("deck.yaml:8: YAML-syntaksfejl: et hårdt mellemrum"), hard
    assert "skriv et almindeligt mellemrum i stedet" in hard[0]


def test_a_target_no_pile_can_reach_is_warned_about(tmp_path):
    # before, a target of 100 against a pile of 6 passed without a word
    (tmp_path / "deck.yaml").write_text(_good_body().replace("target: 1", "target: 100"), "utf-8")
    warnings: list = []
    load_deck(tmp_path / "deck.yaml", warnings)
    said = [str(w) for w in warnings]
    assert any("scenariet 's' har et mål på 100" in w and "højst 6 mio. kr." in w for w in said)


def test_a_number_read_two_ways_does_not_hide_the_files_other_problems():
    # before, "'1.500' kan læses på to måder" was the only problem of its file
    text = (
        _good_body()
        .replace("effect: [2]", "effect: [1.500]", 1)
        .replace("kind: efficiency\n", "kind: efficiency\n    load: abc\n", 1)
    )
    problems = _problems(text)
    assert any("'1.500' kan læses på to måder" in p for p in problems), problems
    assert any("'load' skal være et helt tal, ikke 'abc'" in p for p in problems), problems
    lines = [p.split(":")[1] for p in problems]
    assert len(lines) == len(set(lines)), "one message per line"


def test_a_comment_only_file_of_a_folder_deck_is_skipped_with_a_warning(tmp_path):
    # before, a part not written yet ("# hændelser kommer") stopped the whole deck
    (tmp_path / "deck.yaml").write_text(_good_body(), encoding="utf-8")
    (tmp_path / "haendelser.yaml").write_text("# hændelser kommer senere\n", encoding="utf-8")
    warnings: list = []
    deck = load_deck(tmp_path, warnings)
    assert [p.id for p in deck.proposals] == ["a", "b", "c"]
    assert any("haendelser.yaml:1: advarsel: filen er tom" in str(w) for w in warnings)
    assert _problems("") == ["deck.yaml:1: filen er tom"], "a deck of one empty file stops"


def test_a_hidden_character_is_placed_by_whole_words():
    # "efter 'eskæftigelse'" for "Beskæftigelse" + a hard space read as a typo
    from game.content.hidden import place
    from game.messages import render

    assert render(place("Beskæftigelse\u00a0", 13)) == "efter 'Beskæftigelse'"
    assert render(place("Social og\u00a0handicap", 9)) == "mellem 'Social og' og 'handicap'"
    long = "Administration og digitalisering\u00a0"
    assert render(place(long, len(long) - 1)) == "efter 'digitalisering'"


@pytest.mark.parametrize(
    ("letter", "garbled"), [("æ", "Ã¦"), ("ø", "Ã¸"), ("Å", "Ã…"), ("Ø", "Ã˜"), ("–", "â€“")]
)
def test_danish_letters_saved_twice_in_the_wrong_character_set_are_refused(letter, garbled):
    # A deck opened as ANSI in an old editor and saved as UTF-8 again read without a word,
    # and the board showed "Flere Ã¦ldre end ventet".
    good = _good_body().replace("title:", f"title: Flere {letter}ldre –", 1)
    load_sources([("deck.yaml", good.encode("utf-8"))])  # the deck itself is fine
    text = good.replace(letter, garbled).replace("–", "â€“")  # what the editor saved
    problems = _problems(text.encode("utf-8"))
    line = next(n for n, row in enumerate(text.splitlines(), 1) if garbled in row)
    assert problems[0].startswith(f"deck.yaml:{line}: '{garbled}' skulle nok have været '{letter}'")


@pytest.mark.parametrize(
    "charsets", [("cp1252", "cp1252"), ("cp850",), ("cp437",), ("mac_roman",), ("cp850", "cp1252")]
)
@pytest.mark.parametrize("letter", ["æ", "ø", "Å"])
def test_letters_garbled_twice_or_by_a_dos_or_mac_charset_are_refused(letter, charsets):
    # "ÃƒÂ¸" (saved twice), "Reng├©ring" (MS-DOS) and "Reng√∏ring" (Macintosh) passed
    # validate, and the board showed them; the CSV import refused the same text
    garbled = letter
    for charset in charsets:
        garbled = garbled.encode("utf-8").decode(charset)
    text = _good_body().replace("title:", f"title: Reng{garbled}ring", 1)
    problems = _problems(text.encode("utf-8"))
    line = next(n for n, row in enumerate(text.splitlines(), 1) if garbled in row)
    assert problems[0].startswith(f"deck.yaml:{line}: '")
    assert f"' skulle nok have været '{letter}'" in problems[0]


@pytest.mark.parametrize(
    ("years", "said"),
    [
        (
            '["2027", "Overslagsår 2028"]',
            "'years (nr. 2)' er for lang: 16 tegn (højst 12)",
        ),
        ('["2027", ""]', "'years (nr. 2)' må ikke være tom"),
        (
            '["2027, 2028", "2029"]',
            "'years (nr. 1)' er flere år i én tekst ('2027, 2028'): skriv årene som en liste",
        ),
        # "2027 2028", "2027-2028" and "2027;2028" were one year, or a year "med kommaer"
        ('["2027 2028", "2029"]', "'years (nr. 1)' er flere år i én tekst ('2027 2028')"),
        ('["2027-2028", "2029"]', "'years (nr. 1)' er flere år i én tekst ('2027-2028')"),
        ('["2027;2028", "2029"]', "'years (nr. 1)' er flere år i én tekst ('2027;2028')"),
        # a year of spaces was accepted, and the board showed no year
        ('["2027", "   "]', "'years (nr. 2)' må ikke være tom"),
        # "20277" was told that the years are out of order
        ('["2027", "20277"]', "'years (nr. 2)' ('20277') er ikke et årstal med fire cifre"),
    ],
)
def test_a_year_that_is_too_long_or_empty_is_told_in_letters_not_years(years, said):
    # "'years (nr. 2)' må højst have 12 år" for a year of 16 letters, and "skal have mindst
    # ét år" for an empty one: the list's words for a text inside it
    text = _good_body().replace('years: ["2027", "2028"]', f"years: {years}")
    problems = _problems(text)
    assert any(said in p for p in problems), problems
    assert not any("rækkefølge" in p for p in problems), problems


def test_a_whole_number_with_a_zero_decimal_is_told_the_one_number():
    # "capacity: 8,0" was told "skriv 8 eller 8"
    problems = _problems(_good_body() + "    capacity: 8,0\n")
    assert any(
        "'capacity' skal være et helt tal uden decimaler: skriv 8, ikke '8,0'" in p
        for p in problems
    ), problems
    # … and "8.0", told "ikke 8.0" and nothing to write
    problems = _problems(_good_body() + "    capacity: 8.0\n")
    assert any(
        "'capacity' skal være et helt tal uden decimaler: skriv 8, ikke 8.0" in p for p in problems
    ), problems


@pytest.mark.parametrize(
    ("written", "said"), [("14,5", "skriv 14 eller 15"), ("−2,5", "skriv -3 eller -2")]
)
def test_a_decimal_comma_in_a_whole_number_field_is_told_the_whole_numbers(written, said):
    # "capacity: 14,5" was told "Skriv 14.5", and 14.5 was then refused as not a whole number
    text = _good_body() + f"    capacity: {written}\n"
    problems = _problems(text)
    expected = f"'capacity' skal være et helt tal, men '{written}' er et decimaltal: {said}"
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(
    "copy", ["forslag - Kopi.yaml", "forslag - Copy (2).yaml", "forslag (1).yaml"]
)
def test_a_copy_left_in_the_deck_folder_is_named_instead_of_every_card_twice(tmp_path, copy):
    # A budget office copied forslag.yaml in Explorer before editing it: validate gave 15
    # "id står to gange" errors, each pointing at the original.
    (tmp_path / "forslag.yaml").write_text(_good_body(), encoding="utf-8")
    load_deck(tmp_path)  # the folder alone is a good deck
    (tmp_path / copy).write_text(_good_body(), encoding="utf-8")
    with pytest.raises(DeckError) as error:
        load_deck(tmp_path)
    assert [str(p) for p in error.value.problems] == [
        f"{tmp_path / copy}:1: filen ser ud til at være en kopi af forslag.yaml, så hvert kort i "
        "den står to gange i dækket; flyt kopien ud af dækmappen, eller slet den"
    ]


def _folder_deck(folder: Path) -> str:
    """A deck in ``folder`` as a budget office keeps one: deck.yaml (the header and the
    scenario) and forslag.yaml (the three proposals); returns forslag.yaml's text."""
    cards = "".join(
        CARD.format(id=i, kind=k)
        for i, k in (("a", "saving"), ("b", "efficiency"), ("c", "investment"))
    )
    (folder / "deck.yaml").write_text(HEADER + SCENARIO, encoding="utf-8")
    (folder / "forslag.yaml").write_text("proposals:\n" + cards, encoding="utf-8")
    load_deck(folder)  # the folder alone is a good deck
    return "proposals:\n" + cards


@pytest.mark.parametrize(
    ("copy", "told"),
    [
        (
            "Kopi af forslag.yaml",
            "Kopi af forslag.yaml:1: filen ser ud til at være en kopi af "
            "forslag.yaml, så hvert kort i den står to gange i dækket",
        ),
        (
            "forslag.bak.yaml",
            "forslag.bak.yaml:1: filen ser ud til at være en kopi af forslag.yaml, så hvert",
        ),
        (
            "gammel.yml",
            "gammel.yml:1: 3 af filens 3 kort har samme id som et kort i forslag.yaml; "
            "er den ene fil en kopi af den anden?",
        ),
        (
            "a-gammel.yml",
            "forslag.yaml:1: 3 af filens 3 kort har samme id som et kort i "
            "a-gammel.yml; er den ene fil en kopi af den anden?",
        ),
    ],
)
def test_a_copy_under_any_name_is_said_once_not_for_every_card(tmp_path, copy, told):
    # "Kopi af forslag.yaml" or "forslag.bak.yaml" gave an "id står to gange" for every card
    (tmp_path / copy).write_text(_folder_deck(tmp_path), encoding="utf-8")
    with pytest.raises(DeckError) as error:
        load_deck(tmp_path)
    said = [p.text() for p in error.value.problems]
    assert len(said) == 1 and said[0].startswith(f"{tmp_path / told}"), said


def test_a_copy_with_a_card_of_its_own_says_how_many_cards_repeat(tmp_path):
    # the office added a card to its copy: not "every card in it is twice"
    body = _folder_deck(tmp_path) + CARD.format(id="d", kind="saving")
    (tmp_path / "forslag - Kopi.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(DeckError) as error:
        load_deck(tmp_path)
    assert [p.text() for p in error.value.problems] == [
        f"{tmp_path / 'forslag - Kopi.yaml'}:1: filen ser ud til at være en kopi af "
        "forslag.yaml: 3 af dens kort har samme id som et kort dér; flyt kopien ud af "
        "dækmappen, eller slet den"
    ]


@pytest.mark.parametrize("name", ["forslag (1).yaml", "forslag - Kopi.yaml"])
def test_a_file_named_like_a_copy_but_with_cards_of_its_own_is_part_of_the_deck(tmp_path, name):
    # Explorer names a second download of "forslag.yaml" "forslag (1).yaml": its cards were
    # refused as "every card in it is twice in the deck" without being read
    _folder_deck(tmp_path)
    cards = "".join(CARD.format(id=i, kind="saving") for i in ("d", "e"))
    (tmp_path / name).write_text("proposals:\n" + cards, encoding="utf-8")
    deck = load_deck(tmp_path)
    assert {"d", "e"} <= {p.id for p in deck.proposals}


def test_a_whole_deck_copied_is_said_once_without_its_header_twice(tmp_path):
    # a copy of a one-file deck sorts first ("forslag (1)" before "forslag"): the original
    # was told that its header stood twice as well
    (tmp_path / "forslag.yaml").write_text(_good_body(), encoding="utf-8")
    (tmp_path / "forslag (1).yaml").write_text(_good_body(), encoding="utf-8")
    with pytest.raises(DeckError) as error:
        load_deck(tmp_path)
    said = [p.text() for p in error.value.problems]
    assert len(said) == 1 and "forslag (1).yaml:1: filen ser ud til at være en kopi" in said[0]


def test_a_copy_with_changed_amounts_names_the_cards_that_differ(tmp_path):
    # a trial: a newer download "forslag (1).yaml" with two amounts changed was told "flyt
    # kopien ud af dækmappen, eller slet den" – and the author deleted her changes
    body = _folder_deck(tmp_path)
    changed = body.replace("effect: [2]", "effect: [3]", 2)
    assert changed != body
    (tmp_path / "forslag (1).yaml").write_text(changed, encoding="utf-8")
    with pytest.raises(DeckError) as error:
        load_deck(tmp_path)
    said = [p.text() for p in error.value.problems]
    assert len(said) == 1 and said[0].startswith(
        f"{tmp_path / 'forslag (1).yaml'}:1: filen ser ud til at være en kopi af forslag.yaml, "
        "men kortene "
    ), said
    assert "er skrevet forskelligt i de to filer; saml ændringerne" in said[0]


def test_two_copies_are_each_compared_with_the_original(tmp_path):
    # a trial: "forslag (2).yaml" was told to be a copy of "forslag (1).yaml" (which sorts
    # first), with "slet den" – its changes against the original unnamed
    body = _folder_deck(tmp_path)
    (tmp_path / "forslag (1).yaml").write_text(body, encoding="utf-8")
    two = body.replace("effect: [2]", "effect: [5]", 1)
    (tmp_path / "forslag (2).yaml").write_text(two, encoding="utf-8")
    with pytest.raises(DeckError) as error:
        load_deck(tmp_path)
    said = [p.text() for p in error.value.problems]
    assert said == [
        f"{tmp_path / 'forslag (1).yaml'}:1: filen ser ud til at være en kopi af forslag.yaml, "
        "så hvert kort i den står to gange i dækket; flyt kopien ud af dækmappen, eller slet "
        "den",
        f"{tmp_path / 'forslag (2).yaml'}:1: filen ser ud til at være en kopi af forslag.yaml, "
        "men kortet 'a' er skrevet forskelligt i de to filer; saml ændringerne i den fil, I "
        "vil bruge, og flyt den anden ud af dækmappen",
    ], said


def test_a_copy_of_the_deck_header_alone_is_told_not_the_original(tmp_path):
    # a re-test: "deck - Kopi.yaml" (which sorts first) left the original told that its
    # 'deck:' stood twice
    _folder_deck(tmp_path)
    (tmp_path / "deck.yaml").write_text(HEADER, encoding="utf-8")
    (tmp_path / "scenarier.yaml").write_text(SCENARIO, encoding="utf-8")
    (tmp_path / "deck - Kopi.yaml").write_text(HEADER, encoding="utf-8")
    with pytest.raises(DeckError) as error:
        load_deck(tmp_path)
    said = [p.text() for p in error.value.problems]
    assert len(said) == 1 and said[0].startswith(f"{tmp_path / 'deck - Kopi.yaml'}:"), said
    assert f"står også i {tmp_path / 'deck.yaml'}" in said[0], said


def test_one_card_given_twice_in_two_files_is_still_said_on_that_card(tmp_path):
    # not every repeat is a copy: a card copied to another file and left behind as well
    body = _folder_deck(tmp_path)
    one = "proposals:\n" + CARD.format(id="a", kind="saving") + CARD.format(id="d", kind="saving")
    (tmp_path / "flere.yaml").write_text(one, encoding="utf-8")
    with pytest.raises(DeckError) as error:
        load_deck(tmp_path)
    said = [p.text() for p in error.value.problems]
    assert len(said) == 1 and "id 'a'" in said[0] and "kopi" not in said[0], said
    assert body.count("id: a") == 1


def test_a_title_written_as_a_block_is_one_line_on_the_board():
    # "title: |" kept its line break, and the adopted list showed the title on two lines
    body = _good_body().replace(
        "    title: Forslag a\n", "    title: |\n      Halvér kultur-\n      puljerne\n", 1
    )
    deck = load_sources([("deck.yaml", body)])
    assert deck.proposals[0].title == "Halvér kultur- puljerne"


def test_ids_that_differ_only_in_capitals_are_warned_of():
    # "B1-rengoering" and "b1-rengoering" both validated; a paper sheet cannot tell them apart
    body = _good_body().replace("  - id: b\n", "  - id: A\n", 1)
    warnings: list = []
    load_sources([("deck.yaml", body)], warnings)
    said = [str(w) for w in warnings if "store og små" in str(w)]
    assert said == [
        "deck.yaml:11: advarsel: id'et 'A' skiller sig kun ud fra 'a' ved store og små "
        "bogstaver, og på et håndskrevet resultatark og i 'raaderum enter' kan de ikke skelnes; "
        "giv det ene kort et andet id"
    ]
    # so are two scenarios; a proposal and an event are not compared (the sheet keeps them
    # in columns of their own)
    second = SCENARIO.replace("scenarios:\n", "").replace("id: s", "id: S")
    body = _good_body() + second
    body += "events:\n  - id: A\n    title: Storm\n    effect: [-1]\n"
    warnings = []
    load_sources([("deck.yaml", body)], warnings)
    said = [str(w) for w in warnings if "store og små" in str(w)]
    assert said == [
        "deck.yaml:27: advarsel: scenariets id 'S' skiller sig kun ud fra 's' ved store og små "
        "bogstaver, og på et håndskrevet resultatark kan de ikke skelnes; giv det ene scenarie "
        "et andet id"
    ], said


def test_a_proposal_in_the_events_list_in_other_capitals_is_said_to_be_that_proposal():
    # "events: [A]" for the proposal 'a' got "ukendt hændelse 'A'" and no hint at all
    body = _good_body().replace(
        "    events_per_round: 0\n", "    events_per_round: 0\n    events: [A]\n"
    )
    assert _problems(body) == [
        "deck.yaml:27: 'A' er nok forslaget 'a', ikke en hændelse: skriv 'a' under scenariets "
        "'proposals', ikke under 'events'"
    ]


def test_a_proposal_listed_among_a_scenarios_events_is_said_to_be_a_proposal():
    # "ukendt hændelse 'a'" did not say that 'a' is a proposal, written in the wrong list
    body = _good_body().replace(
        "    events_per_round: 0\n", "    events_per_round: 0\n    events: [a]\n"
    )
    assert _problems(body) == [
        "deck.yaml:27: 'a' er et forslag, ikke en hændelse: skriv det under scenariets "
        "'proposals', ikke under 'events'"
    ]


def test_a_card_without_its_dash_is_said_once_with_the_dash_to_add():
    # "  - id: b" written as "    id: b": nine "feltet 'X' står to gange", no word of the dash
    body = _good_body().replace("  - id: b\n", "    id: b\n", 1)
    problems = _problems(body)
    assert problems[0] == (
        "deck.yaml:11: 'id' står to gange i samme kort, så kortet 'b' er blevet en del af "
        "kortet ovenover: mangler der '- ' foran 'id: b'?"
    )
    assert not any("står to gange" in p for p in problems[1:]), problems
    # a scenario that lists the swallowed card is not told that the card is unknown
    listed = body.replace(
        "    events_per_round: 0\n", "    events_per_round: 0\n    proposals: [a, b, c]\n"
    )
    assert _problems(listed) == problems[:1]


def test_a_misspelt_events_section_is_said_without_every_scenario_reference_after_it():
    # "Events:" gave "ukendt hændelse" for every id a scenario names after the typo
    body = _good_body() + "Events:\n  - id: storm\n    title: Storm\n    effect: [-1]\n"
    body = body.replace(
        "    events_per_round: 0\n", "    events_per_round: 0\n    events: [storm]\n"
    )
    problems = _problems(body)
    assert not any("ukendt hændelse" in p for p in problems), problems
    assert any("ukendt felt 'Events' (mente du 'events'?)" in p for p in problems)


@pytest.mark.parametrize(
    ("file", "key"),
    [
        ("besparelser.yaml", "Proposals"),
        ("investeringer.yaml", "forslag"),
        ("scenarier.yaml", "Scenarier"),
    ],
)
def test_a_misspelt_section_in_one_file_of_a_folder_is_said_once(tmp_path, file, key):
    # "Proposals:" in one file of the standard deck gave 46 lines: "ukendt forslag" wherever
    # another file named its cards; "Scenarier:" added "intet scenarie" at another file
    deck = tmp_path / "d"
    shutil.copytree(ROOT / "decks" / "standard", deck)
    path = deck / file
    section = key.lower() if key != "forslag" else "proposals"
    section = {"scenarier": "scenarios"}.get(section, section)
    path.write_text(
        path.read_text(encoding="utf-8").replace(f"\n{section}:", f"\n{key}:", 1), encoding="utf-8"
    )
    with pytest.raises(DeckError) as error:
        load_deck(deck)
    said = [str(p) for p in error.value.problems]
    assert len(said) == 1 and f"ukendt felt '{key}'" in said[0], said


def test_a_misspelt_proposals_section_is_said_without_every_scenario_reference_after_it():
    # "Proposals:" gave the typo, "no proposals" and then "ukendt forslag" for every id a
    # scenario names: nine lines after the two that said it
    body = _good_body().replace("proposals:\n", "Proposals:\n", 1)
    body = body.replace(
        "    events_per_round: 0\n", "    events_per_round: 0\n    proposals: [a, b, c]\n"
    )
    problems = _problems(body)
    assert not any("ukendt forslag" in p for p in problems), problems
    assert any("ukendt felt 'Proposals' (mente du 'proposals'?)" in p for p in problems)


@pytest.mark.parametrize(
    ("name", "text", "keys"),
    [
        # a docker-compose.yml got "ukendt felt 'version'" and "ukendt felt 'services'"
        ("docker-compose.yml", "version: '3'\nservices:\n  web: {}\n", "'version', 'services'"),
        # a GitHub workflow: YAML reads "on:" as a yes/no, and the file was told "en nøgle
        # skal være et ord (tekst)"
        (
            "ci.yml",
            "name: CI\non:\n  push:\n    branches: [main]\njobs: {}\n",
            "'name', 'on', 'jobs'",
        ),
    ],
)
def test_another_programs_yaml_file_in_the_deck_folder_is_said_not_to_belong(
    tmp_path, name, text, keys
):
    # … and no word that the file is not part of the deck at all
    (tmp_path / "forslag.yaml").write_text(_good_body(), encoding="utf-8")
    (tmp_path / name).write_text(text)
    with pytest.raises(DeckError) as error:
        load_deck(tmp_path)
    assert [str(p) for p in error.value.problems] == [
        f"{tmp_path / name}:1: filen hører nok ikke til dækket: den har ingen af et dæks "
        f"felter ('deck', 'proposals', 'events', 'scenarios'), men {keys}; flyt den ud af "
        "dækmappen"
    ]
    # a deck file with a mistake of YAML is still told the mistake
    (tmp_path / name).write_text("proposals:\n  - id: [a\n")
    with pytest.raises(DeckError) as error:
        load_deck(tmp_path)
    assert "hører nok ikke til dækket" not in str(error.value.problems[0])


def test_a_file_that_is_a_list_is_told_what_it_lacks_or_that_it_does_not_belong(tmp_path):
    # both got "filen skal bestå af felterne deck, proposals, events og scenarios": an Ansible
    # playbook in the folder, and cards written without "proposals:" above them
    (tmp_path / "forslag.yaml").write_text(_good_body(), encoding="utf-8")
    (tmp_path / "playbook.yml").write_text("- hosts: all\n  tasks: []\n")
    with pytest.raises(DeckError) as error:
        load_deck(tmp_path)
    assert "den er en liste uden et dæks felter" in str(error.value.problems[0])
    (tmp_path / "playbook.yml").write_text("- id: x\n  kind: saving\n  effect: [1]\n")
    with pytest.raises(DeckError) as error:
        load_deck(tmp_path)
    said = str(error.value.problems[0])
    assert "skriv 'proposals:' (eller 'events:') på linjen før listen" in said, said


def test_a_save_renamed_into_a_deck_folder_is_named_for_what_it_is(tmp_path, std_deck):
    # a save renamed "deck.yaml" among the deck's files got 15 "ukendt felt" lines
    from game.engine import History, new_game
    from game.saves import GameSettings, write_save

    (tmp_path / "forslag.yaml").write_text(_good_body(), encoding="utf-8")
    history = History.start(new_game(std_deck, "intro", 1))
    write_save(tmp_path / "deck.yaml", std_deck, GameSettings("intro", 1, None), history)
    with pytest.raises(DeckError) as error:
        load_deck(tmp_path)
    [problem] = error.value.problems
    assert str(problem).startswith(
        f"{tmp_path / 'deck.yaml'}:1: det er et gemt spil, ikke et dæk; åbn det med: raaderum "
        "play --resume"
    ), str(problem)


def test_years_out_of_order_are_refused():
    # "years: [2028, 2027]" validated, and the board and the debrief said "2028–2027"
    body = _good_body().replace('years: ["2027", "2028"]', "years: [2028, 2027]")
    assert _problems(body) == [
        "deck.yaml:24: årene står ikke i rækkefølge (2028, 2027); skriv dem fra det første "
        "budgetår til det sidste"
    ]


def test_a_save_a_schema_or_a_picture_given_as_a_deck_is_named_for_what_it_is(tmp_path, std_deck):
    # a save given as a deck got 15 "ukendt felt" lines, a screenshot "teksten er ikke UTF-8"
    from game.engine import History, new_game
    from game.saves import GameSettings, write_save

    save = tmp_path / "bord 3.json"
    history = History.start(new_game(std_deck, "intro", 1))
    write_save(save, std_deck, GameSettings("intro", 1, None), history)
    picture = tmp_path / "tavle.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    said = {
        save: "det er et gemt spil, ikke et dæk; åbn det med: raaderum play --resume",
        decks_dir() / "schema.json": "det er dækformatets JSON Schema (til editoren), ikke et dæk",
        picture: "det er et billede eller en PDF, ikke et dæk",
    }
    for path, start in said.items():
        with pytest.raises(DeckError) as error:
            load_deck(path)
        [problem] = error.value.problems
        assert str(problem).startswith(f"{path}:1: {start}"), str(problem)


@pytest.mark.parametrize(
    ("old", "new", "told"),
    [
        ("effect: [2]", "effect: 0,8 mio. kr.", "skriv [0.8]"),
        ("effect: [2]", "effect: 3 mio. kr.", "skriv [3]"),  # not "kun tallet, 3", then "[3]"
        ("effect: [2]", "effect: 500 t. kr.", "skriv kun tallet omregnet til mio. kr., 0.5"),
        ('years: ["2027", "2028"]', "years: [2027-2028]", 'skriv ["2027", "2028"]'),
        ('years: ["2027", "2028"]', "years: [2027–2028]", 'skriv ["2027", "2028"]'),
    ],
    ids=[
        "effect with its unit",
        "a whole effect with its unit",
        "effect in another unit",
        "years as a span",
        "years with an en dash",
    ],
)
def test_a_list_written_wrong_is_told_a_way_to_write_it_that_reads(old, new, told):
    # a trial: "effect: 0,8 mio. kr." was told to write [0,8 mio. kr.], and "years:
    # [2027-2030]" only that it needs two years
    problems = _problems(_good_body().replace(old, new, 1))
    assert len(problems) == 1 and told in problems[0], problems


def test_rounds_written_as_a_span_are_told_as_a_list_that_reads():
    # "rounds: 2-3" was told to write [2-3], which was refused in turn
    text = _good_body() + ("events:\n  - id: e\n    title: E\n    effect: [-1]\n    rounds: 2-3\n")
    problems = _problems(text)
    assert problems == ["deck.yaml:31: 'rounds' skal være en liste: skriv [2, 3]"], problems
    fixed = (
        _good_body() + "events:\n  - id: e\n    title: E\n    effect: [-1]\n    rounds: [2, 3]\n"
    )
    load_sources([("deck.yaml", fixed)])


@pytest.mark.parametrize("empty", ["proposals:\n", "proposals: []\n"])
def test_a_proposals_section_with_nothing_under_it_is_a_deck_without_proposals(tmp_path, empty):
    # a trial: "proposals:" with nothing under it validated OK with 0 proposals, and with a
    # scenario naming its cards gave one "ukendt forslag" per id instead
    body = _good_body()
    start, end = body.index("proposals:\n"), body.index("scenarios:\n")
    text = (
        body[:start]
        + empty
        + body[end:].replace(
            "    events_per_round: 0\n", "    events_per_round: 0\n    proposals: [a, b, c]\n"
        )
    )
    assert _problems(text) == ["deck.yaml:1: dækket har ingen forslag ('proposals:')"]


@pytest.mark.parametrize("events", ["", "events:\n", "events: []\n"])
def test_a_scenario_naming_events_in_a_deck_without_any_is_told_once(events):
    # a trial: an empty "events:" (or the events' file left out) with a scenario naming
    # twenty events gave twenty lines of "ukendt hændelse", one per id
    named = "    events_per_round: 1\n    events: [storm, streik, brand]\n"
    text = _good_body().replace("    events_per_round: 0\n", named) + events
    assert _problems(text) == [
        "deck.yaml:27: dækket har ingen hændelser, men scenariet nævner 3 (skriv hændelserne "
        "under 'events:' i en af dækkets filer, eller slet scenariets 'events'-liste)"
    ]
    # with one event written, the others are unknown ids, each at its own place
    one = "events:\n  - id: storm\n    title: Storm\n    effect: [-1]\n"
    said = _problems(_good_body().replace("    events_per_round: 0\n", named) + one)
    assert said == [
        "deck.yaml:27: ukendt hændelse 'streik'",
        "deck.yaml:27: ukendt hændelse 'brand'",
    ], said


@pytest.mark.parametrize(
    ("target", "said"),
    [
        (6, "er målene skrevet i mio. kr., mens forslagenes beløb er i t. kr.? Så er målet 6.000"),
        # a thousand times 7 is more than the pile: no "Så er målet 7.000 t. kr."
        (7, "er målet skrevet i en anden enhed end forslagenes beløb?"),
    ],
)
def test_a_target_a_thousand_times_smaller_than_the_pile_is_questioned(target, said):
    # a trial: a catalogue's amounts turned into t. kr. kept its targets of 21 (mio. kr.),
    # read as 21 t. kr.; the import said OK and the greedy bot won two games of three
    body = _good_body().replace("schema_version: 1\n", 'schema_version: 1\n  unit: "t. kr."\n')
    body = body.replace("effect: [2]", "effect: [2000]").replace("target: 1", f"target: {target}")
    warnings: list = []
    load_sources([("deck.yaml", body)], warnings)
    told = [str(w) for w in warnings if "gange målet" in str(w)]
    assert len(told) == 1 and said in told[0] and told[0].startswith("deck.yaml:26:"), warnings
    # a pile two or three times its target is what the rules ask for: no word
    fair = body.replace(f"target: {target}", "target: 2500")
    warnings = []
    load_sources([("deck.yaml", fair)], warnings)
    assert not [w for w in warnings if "gange målet" in str(w)], warnings


def test_a_relative_deck_path_that_is_not_there_says_where_it_was_looked_for(tmp_path, monkeypatch):
    # "raaderum print decks/standard" (the README's example) run outside the game's folder
    # said only "decks/standard:1: findes ikke"
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DeckError) as error:
        load_deck(Path("decks") / "standard")
    assert str(error.value.problems[0]) == (
        f"decks/standard:1: findes ikke i mappen {tmp_path}, som kommandoen køres fra; skriv "
        "hele stien til dækket (uden et dæk bruges standarddækket)"
    )
