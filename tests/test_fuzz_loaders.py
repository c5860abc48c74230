"""Fuzzing the deck and save loaders: mutated bytes and mutated structure either load or are
rejected with a message (DeckError / SaveError) — never any other exception, never a change to
the file. Seeded with numpy, so every run tries the same 3,100 cases."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from game.content import DeckError, load_sources
from game.saves import SaveError, read_save

DATA = Path(__file__).resolve().parent / "data"
DECK_TEXT = (DATA / "valid" / "mini.yaml").read_bytes()
SAVE_TEXT = (DATA / "valid" / "lang-unfinished.json").read_bytes()
TOKENS = [
    b"*",
    b"&a ",
    b"*a",
    b"!!python/object/apply:os.system ",
    b"!!binary ",
    b"!x ",
    b": ",
    b"\t",
    b"- ",
    b"{",
    b"}",
    b"[",
    b"]",
    b'"',
    b"\\",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\n",
    b"---\n",
    b"#",
    b"\\ud800",
    b"NaN",
    b"1e999",
    b"-",
    b",",
    b"9" * 30,
]
WEIRD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    2**70,
    1e308,
    -0.5,
    "",
    "x",
    "æøå" * 200,
    [],
    [1, 2],
    {},
    {"type": "adopt"},
    [[[[]]]],
    "2027",
]


def mutate_bytes(data: bytes, rng: np.random.Generator, start: int = 0) -> bytes:
    """One random byte-level mutation: flips, truncation, insertion, deletion or line shuffles.

    Flips, insertions and deletions land at or after ``start`` (to aim at part of a file).
    """
    if start:
        return data[:start] + mutate_bytes(data[start:], rng)
    buf = bytearray(data)
    kind = int(rng.integers(6))
    if kind == 0:
        for _ in range(int(rng.integers(1, 9))):
            buf[int(rng.integers(len(buf)))] ^= 1 << int(rng.integers(8))
    elif kind == 1:
        del buf[int(rng.integers(len(buf))) :]
    elif kind == 2:
        at = int(rng.integers(len(buf) + 1))
        token = TOKENS[int(rng.integers(len(TOKENS)))]
        buf[at:at] = token
    elif kind == 3:
        at = int(rng.integers(len(buf)))
        del buf[at : at + int(rng.integers(1, 40))]
    elif kind == 4:
        lines = bytes(buf).split(b"\n")
        i, j = (int(x) for x in rng.integers(len(lines), size=2))
        lines.insert(j, lines[i])
        buf = bytearray(b"\n".join(lines))
    else:
        lines = bytes(buf).split(b"\n")
        i, j = (int(x) for x in rng.integers(len(lines), size=2))
        lines[i], lines[j] = lines[j], lines[i]
        buf = bytearray(b"\n".join(lines))
    return bytes(buf)


def _containers(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if isinstance(value, (dict, list)) and value else []
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, child in items:
        found.extend(_containers(child, (*path, key)))
    return found


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        value = value[key]
    return value


def mutate_structure(data: Any, rng: np.random.Generator) -> Any:
    """One random structural mutation: delete, duplicate, retype or swap a part of the data."""
    data = copy.deepcopy(data)
    containers = [p for p in _containers(data) if not (p and p[-1] == "sources")]
    target = _at(data, containers[int(rng.integers(len(containers)))])
    keys = list(target) if isinstance(target, dict) else list(range(len(target)))
    key = keys[int(rng.integers(len(keys)))]
    kind = int(rng.integers(5))
    if kind == 0:
        del target[key]
    elif kind == 1:
        if isinstance(target, list):
            target.insert(int(rng.integers(len(target) + 1)), copy.deepcopy(target[key]))
        else:
            target[f"{key}_kopi"] = copy.deepcopy(target[key])
    elif kind == 2:
        target[key] = copy.deepcopy(WEIRD_VALUES[int(rng.integers(len(WEIRD_VALUES)))])
    elif kind == 3:
        other = keys[int(rng.integers(len(keys)))]
        target[key], target[other] = target[other], target[key]
    else:
        value = target[key]
        if isinstance(value, bool):
            target[key] = not value
        elif isinstance(value, (int, float)):
            target[key] = value * float(rng.choice([-1, 0, 0.5, 3, 1000]))
        elif isinstance(value, str):
            target[key] = value[::-1] if rng.random() < 0.5 else value + value
        else:
            target[key] = str(value)
    return data


def _deck_case(content: bytes) -> str:
    try:
        load_sources([("mini.yaml", content)])
    except DeckError as error:
        assert error.problems, "a DeckError names at least one problem"
        for problem in error.problems:
            assert problem.message and problem.line >= 1 and "\n" not in problem.message
        return "rejected"
    return "loaded"


def _save_case(content: bytes, folder: Path) -> str:
    path = folder / "fuzz.json"
    path.write_bytes(content)
    try:
        read_save(path)
    except SaveError as error:
        message = str(error)
        assert error.reason and "\n" not in message
        outcome = "rejected"
    else:
        outcome = "loaded"
    assert path.read_bytes() == content, "reading a save never changes it"
    return outcome


def _run(cases: int, seed: int, make: Callable[[np.random.Generator], bytes], check) -> dict:
    rng = np.random.default_rng(seed)
    outcomes = {"loaded": 0, "rejected": 0}
    for index in range(cases):
        content = make(rng)
        try:
            outcomes[check(content)] += 1
        except (DeckError, SaveError):
            raise
        except Exception as error:  # report the case that broke the loader
            pytest.fail(
                f"case {index} (seed {seed}): {type(error).__name__}: {error}\n{content[:300]!r}"
            )
    return outcomes


def _yaml_bytes(data: Any) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


def test_fuzz_deck_bytes() -> None:
    outcomes = _run(800, 1, lambda rng: mutate_bytes(DECK_TEXT, rng), _deck_case)
    assert outcomes["rejected"] > 200 and outcomes["loaded"] > 50, outcomes


def test_fuzz_deck_structure() -> None:
    base = yaml.safe_load(DECK_TEXT)
    outcomes = _run(500, 2, lambda rng: _yaml_bytes(mutate_structure(base, rng)), _deck_case)
    assert outcomes["rejected"] > 100 and outcomes["loaded"] > 50, outcomes


def test_fuzz_standard_deck_bytes() -> None:
    """The real deck: several files, long Danish texts and comments."""
    from game.content import deck_files
    from game.paths import standard_deck

    files = [(str(p), p.read_bytes()) for p in deck_files(standard_deck())]

    def check(case: bytes) -> str:
        index = case[0]
        sources = [*files[:index], (files[index][0], case[1:]), *files[index + 1 :]]
        try:
            load_sources(sources)
        except DeckError as error:
            assert error.problems and all("\n" not in p.message for p in error.problems)
            return "rejected"
        return "loaded"

    def make(rng: np.random.Generator) -> bytes:
        index = int(rng.integers(len(files)))
        return bytes([index]) + mutate_bytes(files[index][1], rng)

    outcomes = _run(200, 6, make, check)
    assert outcomes["rejected"] > 50 and outcomes["loaded"] > 10, outcomes


def test_fuzz_save_bytes(tmp_path: Path) -> None:
    log_start = SAVE_TEXT.index(b'"scenario":')

    def make(rng: np.random.Generator) -> bytes:
        # Half the cases aim at the action log and settings, not the deck copy.
        return mutate_bytes(SAVE_TEXT, rng, log_start if rng.random() < 0.5 else 0)

    outcomes = _run(700, 3, make, lambda c: _save_case(c, tmp_path))
    assert outcomes["rejected"] > 200 and outcomes["loaded"] > 10, outcomes


def test_fuzz_save_structure(tmp_path: Path) -> None:
    base = json.loads(SAVE_TEXT)

    def make(rng: np.random.Generator) -> bytes:
        return json.dumps(mutate_structure(base, rng), ensure_ascii=False).encode("utf-8")

    outcomes = _run(600, 4, make, lambda c: _save_case(c, tmp_path))
    assert outcomes["rejected"] > 100 and outcomes["loaded"] > 50, outcomes


def test_fuzz_deck_inside_save(tmp_path: Path) -> None:
    base = json.loads(SAVE_TEXT)

    def make(rng: np.random.Generator) -> bytes:
        data = copy.deepcopy(base)
        name, text = data["deck"]["sources"][0]
        mutated = mutate_bytes(text.encode("utf-8"), rng).decode("utf-8", "replace")
        data["deck"]["sources"][0] = [name, mutated]
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    outcomes = _run(300, 5, make, lambda c: _save_case(c, tmp_path))
    assert outcomes["rejected"] > 100, outcomes
