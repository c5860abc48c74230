"""Helpers of the report tests: parse the HTML, check it is self-contained, autoplay games."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import numpy as np

from game.engine import Adopt, History, new_game
from game.engine.bots import POLICIES
from game.saves import GameSettings, write_save

NOTES = (
    "Hellere effektivisere end skære i ældreplejen – æ, ø og å skal med.",
    "",
    "=SUM(A1) er bare tekst",
    "Investering i børn betaler sig på sigt",
)


def autoplay(deck, scenario: str, seed: int, policy: str) -> History:
    """A complete game by a bot, with the group's notes on the adoptions."""
    history = History.start(new_game(deck, scenario, seed))
    rng = np.random.default_rng(seed)
    count = 0
    while not history.current.finished:
        action = POLICIES[policy](history.current, rng)
        if isinstance(action, Adopt):
            action = Adopt(action.card, NOTES[count % len(NOTES)])
            count += 1
        history = history.do(action)
    return history


def save_game(folder: Path, name: str, deck, scenario: str, seed: int, policy: str) -> Path:
    """Autoplay a game and save it as ``folder/name``."""
    path = folder / name
    history = autoplay(deck, scenario, seed, policy)
    write_save(path, deck, GameSettings(scenario, seed, None), history)
    return path


class Page(HTMLParser):
    """Tables, headings and every attribute of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.headings: list[tuple[str, str]] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self.texts: list[str] = []
        self._cell: list[str] | None = None
        self._heading: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            self.attributes.append((tag, name, value or ""))
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag in ("h1", "h2", "h3"):
            self._heading = (tag, [])

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag in ("h1", "h2", "h3") and self._heading is not None:
            self.headings.append((self._heading[0], "".join(self._heading[1]).strip()))
            self._heading = None

    def handle_data(self, data):
        self.texts.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._heading is not None:
            self._heading[1].append(data)

    @property
    def text(self) -> str:
        """All text of the page, HTML entities decoded."""
        return "".join(self.texts)

    def table_after(self, heading: str) -> list[list[str]]:
        """The first table whose header row starts with ``heading``."""
        for rows in self.tables:
            if rows and rows[0] and rows[0][0] == heading:
                return rows
        raise AssertionError(f"no table starting with {heading!r}")


def parse_html(path: Path) -> tuple[str, Page]:
    """The text of an HTML file and its parsed structure."""
    source = path.read_text(encoding="utf-8")
    parser = Page()
    parser.feed(source)
    parser.close()
    return source, parser


def assert_self_contained(source: str, page: Page) -> None:
    """No reference to anything outside the file: no URL, no linked file, no script."""
    lowered = source.lower()
    for needle in ("http:", "https:", "//", "@import", "file:", "<script", "<link", "<img"):
        assert needle not in lowered, needle
    for found in re.finditer(r"url\(", lowered):  # inline data, or a pattern of the page
        rest = lowered[found.end() :]
        assert rest.startswith(("data:", "#")), lowered[found.start() : found.end() + 20]
    for tag, name, value in page.attributes:
        assert name not in ("src", "href", "xlink:href", "srcset", "action"), (tag, name, value)
