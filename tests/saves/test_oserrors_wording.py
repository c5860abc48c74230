"""How a refusal of the system is worded for the reader."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from game.messages import render
from game.saves import SaveError, read_save


def test_a_save_without_read_permission_is_not_called_write_protected(tmp_path, monkeypatch):
    # replay, report and compare on a file without read permission said "ingen adgang –
    # mappen eller filen er skrivebeskyttet"; the file could be written, not read
    save = tmp_path / "bord.json"
    save.write_text("{}", encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(SaveError) as error:
        read_save(save)
    said = render(error.value.said)
    assert said == "filen kan ikke læses: du har ikke adgang til at læse den", said
    assert "skrivebeskyttet" not in said
