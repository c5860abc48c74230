"""Large workbooks: a sheet that is not part of the catalogue is never read (a 9 MB workbook
with a "Data" sheet of 180.000 rows took 38 s and 900 MB), and a file or a sheet over the
limits is refused with its size and what to do about it."""

from __future__ import annotations

import openpyxl
import openpyxl.worksheet._reader as sheet_reader
import pytest

from game.catalogue import workbook
from tests.catalogue.conftest import PROPOSALS, SCENARIOS, run_import, sheets, write_book


def _spy(monkeypatch) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Sheet → the most cells openpyxl parsed for it while the workbook was opened."""
    parsed: dict[str, int] = {}
    bind = sheet_reader.WorksheetReader.bind_cells

    def spy(self):  # type: ignore[no-untyped-def]
        bind(self)
        parsed[self.ws.title] = max(parsed.get(self.ws.title, 0), len(self.ws._cells))

    monkeypatch.setattr(sheet_reader.WorksheetReader, "bind_cells", spy)
    return parsed


def test_a_sheet_that_is_not_part_of_the_catalogue_is_never_parsed(capsys, tmp_path, monkeypatch):
    content = sheets()
    content["Data"] = [["konto", "beløb"], *[[f"{n:06d}", n] for n in range(2000)]]
    content["Noter (skjult)"] = [["note"]]
    path = write_book(tmp_path / "katalog.xlsx", content)
    book = openpyxl.load_workbook(path)
    book["Noter (skjult)"].sheet_state = "hidden"
    book.save(path)
    parsed = _spy(monkeypatch)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "'Data'" in text and "'Noter (skjult)'" in text  # still named as not read
    assert parsed["Forslag"] > 0, parsed  # the spy sees the cells of the sheets read
    assert parsed["Data"] == parsed["Noter (skjult)"] == 0, parsed


def test_a_hidden_sheet_outside_the_catalogue_is_not_parsed_to_know_it_is_hidden(
    capsys, tmp_path, monkeypatch
):
    # the hidden-sheet check needs only the workbook's list of sheets: a hidden catalogue
    # sheet is still found, without the other sheets' cells being read
    content = sheets()
    content["Data"] = [["konto"], *[[n] for n in range(500)]]
    path = write_book(tmp_path / "katalog.xlsx", content)
    book = openpyxl.load_workbook(path)
    book["Hændelser"].sheet_state = "hidden"
    book.save(path)
    parsed = _spy(monkeypatch)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert f"{path}:Hændelser: arket 'Hændelser' er skjult i projektmappen" in text
    assert parsed["Data"] == 0, parsed


def test_a_proposals_sheet_over_5000_rows_is_refused_with_its_size_and_what_to_do(capsys, tmp_path):
    # Before: "arket bruger række 5002, kolonne 1; et katalog må højst have 5000 rækker" for
    # a sheet of 20.000 rows (and its first 5.000 rows were read, with what followed)
    rows = [list(row) for row in PROPOSALS]
    rows += [[None] * 8 for _ in range(6200 - len(rows))]
    rows[-1][0] = "rest"  # a leftover far under the catalogue
    scenarios = [[*SCENARIOS[0], "forslag"], [*SCENARIOS[1], "spar, eff, inv"]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=scenarios))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    lines = text.strip().splitlines()
    assert lines[0] == (
        f"raaderum import: {path}:Forslag: arket har indhold helt ned til række 6.200, men et "
        "katalog må højst have 5.000 rækker under overskrifterne, så arket er ikke læst; står "
        "der rester under kataloget (tal, formler eller tekst kopieret langt ned), så slet de "
        "rækker (markér dem, højreklik › Slet); er kataloget så stort, så læg de forslag, der "
        "skal med i spillet, på et ark for sig"
    ), text
    assert "ukendt forslag" not in text and "mangler arket" not in text, text
    assert "3 henvisninger til forslag ('spar', 'eff', 'inv') er ikke tjekket" in lines[-1]


def test_a_workbook_over_10_mb_says_how_to_make_it_smaller(capsys, tmp_path):
    path = tmp_path / "katalog.xlsx"
    path.write_bytes(b"PK" + b"\x00" * workbook.MAX_WORKBOOK_BYTES)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert (
        f"{path}: filen er for stor (10,0 MB; højst 10 MB – et katalog fylder sjældent over 1 "
        "MB); slet de ark, der ikke hører til kataloget (alt andet end 'Om kataloget', "
        "'Forslag', 'Hændelser' og 'Scenarier'), og billeder, eller gem kun katalogets ark i en "
        "ny projektmappe"
    ) in text


@pytest.mark.parametrize("limit", ["rows", "columns"])
def test_a_csv_file_over_the_limits_says_what_to_do(capsys, tmp_path, limit):
    lines = ["id;slags;titel;område;år 1"]
    if limit == "rows":
        lines += ["x;besparelse;T;A;1"] * 5001
    else:
        lines[0] += ";" * 250
    path = tmp_path / "forslag.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert (
        f"{path}: filen har for mange rækker eller kolonner: et katalog må højst have 5.000 rækker "
        "under overskrifterne og 200 kolonner; slet de rækker og kolonner, der ikke hører til "
        "kataloget, og gem filen igen"
    ) in text


def test_a_declaration_across_the_scans_chunks_is_still_refused(tmp_path):
    # the parts are scanned a megabyte at a time, so a large sheet is never held whole
    import io
    import zipfile

    path = write_book(tmp_path / "katalog.xlsx", sheets())
    parts = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            parts[name] = archive.read(name)
    padding = b" " * (workbook._CHUNK - 4)  # "<!DOCTYPE" starts 4 bytes before a chunk ends
    parts["xl/worksheets/sheet5.xml"] = padding + b"<!DOCTYPE x []><x/>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(workbook.WorkbookRefused, match="DOCTYPE"):
        workbook._check_archive(buffer.getvalue(), ".xlsx")
