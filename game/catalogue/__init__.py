"""A budget office's catalogue in Excel (or CSV) to a deck, and a deck back to a workbook.

``write_template`` writes the workbook a budget office fills in, ``read_catalogue`` reads one
(or CSV files) into a validated deck, ``import_catalogue`` writes that deck as a folder of
YAML files, and ``export_deck`` writes a deck as a workbook (export → import gives the same
deck). Problems name the cell: ``katalog.xlsx:Forslag!C12: …``, all at once, in the deck
reader's language (``CatalogueError.lines(lang)``).
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game.catalogue.build import CatalogueError, Imported, interpret
from game.catalogue.csvtable import helper_named, part_named, read_csv
from game.catalogue.sheets import Catalogue, CatalogueProblem
from game.catalogue.workbook import WorkbookRefused, read_workbook
from game.catalogue.writer import TEMPLATE, write_workbook
from game.catalogue.yamlwrite import deck_texts, write_deck
from game.content import DeckError, deck_files, load_deck
from game.content.validation_messages import plain_letters
from game.content.yamlsafe import YamlError, read
from game.messages import Message
from game.saves.files import WriteFailed
from game.saves.oserrors import os_message

__all__ = [
    "CatalogueError",
    "CatalogueProblem",
    "Imported",
    "deck_data",
    "export_deck",
    "import_catalogue",
    "read_catalogue",
    "write_template",
]


def _shown(path: Path) -> str:
    return str(path)


def _whole(key: str) -> CatalogueProblem:
    """A problem of the import as a whole (no file or cell to name)."""
    return CatalogueProblem("", Message.of(key))


def read_catalogue(paths: Sequence[Path]) -> Imported:
    """The deck in one workbook (.xlsx) or in one or more CSV files (one sheet each); raises
    ``CatalogueError`` with every problem."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise CatalogueError([_whole("catalogue.no_files")])
    csv_files = [p for p in paths if p.suffix.lower() in (".csv", ".txt", ".tsv")]
    if len(paths) > 1 and len(csv_files) != len(paths):
        raise CatalogueError([_whole("catalogue.mixed_files")])
    if not csv_files:
        path = paths[0]
        try:
            catalogue = read_workbook(path, _shown(path))
        except WorkbookRefused as error:
            where = f"{_shown(path)}:{error.at}" if error.at else _shown(path)
            raise CatalogueError([CatalogueProblem(where, error.said)]) from None
        return interpret(catalogue)
    catalogue = Catalogue(_shown(paths[0]), in_workbook=False)
    seen: set[Path] = set()
    for path in paths:
        same = path.resolve()
        if same in seen:
            continue  # one file named twice ("forslag.csv forslag.csv"): read once
        seen.add(same)
        helper = helper_named(path)
        if helper is not None:
            # "katalog-Vejledning.csv" from a spreadsheet's "every sheet as CSV": the
            # template's help, skipped as an .xlsx import skips the sheet
            said = Message.of("catalogue.csv_helper_skipped", sheet=helper)
            catalogue.notes.append(CatalogueProblem(_shown(path), said))
            continue
        try:
            sheet = read_csv(path, _shown(path))
        except WorkbookRefused as error:
            catalogue.problems.append(CatalogueProblem(_shown(path), error.said))
            part = part_named(path) or ""
            refused = catalogue.refused.get(part)
            catalogue.refused[part] = f"{refused}, {_shown(path)}" if refused else _shown(path)
            continue
        if sheet.name in catalogue.sheets:
            other = catalogue.sheets[sheet.name].file
            said = Message.of("catalogue.sheet_twice", sheet=sheet.shown, other=other)
            catalogue.problems.append(CatalogueProblem(_shown(path), said))
            continue
        catalogue.sheets[sheet.name] = sheet
    if catalogue.problems and not catalogue.sheets:
        raise CatalogueError(catalogue.problems)
    return interpret(catalogue, _csv_header(paths[0]))


def _csv_header(path: Path) -> dict[str, Any]:
    """The deck header of a CSV import without an "Om kataloget" file: named after the file."""
    stem = unicodedata.normalize("NFC", path.stem)
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", plain_letters(stem)).strip("-")
    return {"id": (slug or "katalog")[:32], "title": stem[:90] or "Katalog", "schema_version": 2}


def import_catalogue(paths: Sequence[Path], out: Path) -> Imported:
    """Read a catalogue (``read_catalogue``) and write it as a deck folder at ``out``: one
    YAML file per part. ``out`` must not exist or be an empty folder. The folder is read back
    with the deck loader before this returns. Raises ``CatalogueError``."""
    imported = read_catalogue(paths)
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        what = "out_is_file" if not out.is_dir() else "out_not_empty"
        raise CatalogueError([CatalogueProblem(str(out), Message.of(f"catalogue.{what}"))])
    origin = ", ".join(Path(p).name for p in paths)
    made = not out.exists()
    written: list[Path] = []
    try:
        written = write_deck(out, deck_texts(imported.data, origin))
        load_deck(out)
    except OSError as error:  # the deck folder could not be made there
        said = Message.of("catalogue.out_not_written", reason=os_message(error))
        raise CatalogueError([CatalogueProblem(str(out), said)]) from None
    except WriteFailed as error:  # … or its files not written (nothing is left half-written)
        said = Message.of("catalogue.out_not_written", reason=error.cause)
        raise CatalogueError([CatalogueProblem(str(out), said)]) from None
    except DeckError as error:  # what was written does not read back (a file over 1 MB)
        # nothing is left behind: a deck folder the loader refuses blocked the next import
        # ("findes allerede og er ikke tom")
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        if made:
            with contextlib.suppress(OSError):
                out.rmdir()
        problems = [CatalogueProblem(f"{p.file}:{p.line}", p.said) for p in error.problems]
        raise CatalogueError(problems) from None
    return imported


def deck_data(path: Path) -> dict[str, Any]:
    """A deck's content as its YAML files hold it (the author's own values and sign), for the
    workbook; raises ``DeckError`` for a deck that is not valid. A proposal's belastning,
    service and usikkerhed are written also where the kind's standard gave them: the workbook
    shows what the game plays (a colleague who re-imported a fresh export was told that 14
    proposals had not filled them in). Other defaults are left out."""
    deck = load_deck(path)
    data: dict[str, Any] = {"proposals": [], "events": [], "scenarios": []}
    for file in deck_files(Path(path)):
        try:
            document = read(file.read_bytes(), str(file))
        except YamlError as error:
            raise DeckError(error.problems) from None
        content = document.data if isinstance(document.data, dict) else {}
        if isinstance(content.get("deck"), dict):
            data["deck"] = content["deck"]
        for section in ("proposals", "events", "scenarios"):
            data[section].extend(content.get(section) or [])
    played = {p.id: p for p in deck.proposals}
    for card in data["proposals"]:
        proposal = played.get(str(card.get("id"))) if isinstance(card, dict) else None
        if proposal is not None:
            card.setdefault("load", proposal.load)
            card.setdefault("service", proposal.service)
            card.setdefault("uncertainty", proposal.uncertainty)
    return data


def export_deck(path: Path, out: Path) -> None:
    """Write the deck at ``path`` as a catalogue workbook at ``out``; raises ``DeckError``."""
    write_workbook(Path(out), deck_data(Path(path)))


def write_template(out: Path) -> None:
    """Write the empty catalogue (with its example rows) at ``out``."""
    write_workbook(Path(out), TEMPLATE, template=True)
