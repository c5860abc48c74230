"""The shipped fonts render Danish letters; a missing font file falls back to pygame's own
font with one warning instead of stopping the workshop."""

from __future__ import annotations

import logging

import pygame

from game.paths import assets_dir
from game.saves import GameSettings
from game.ui.fonts import Fonts
from game.ui.text import fit_text
from tests.ui.driver import key


def test_shipped_fonts_and_licence_are_there():
    folder = assets_dir() / "fonts"
    assert (folder / "NotoSans-Regular.ttf").is_file() and (folder / "NotoSans-Bold.ttf").is_file()
    licence = (folder / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License" in licence or "OPEN FONT LICENSE" in licence
    total = sum(p.stat().st_size for p in folder.iterdir())
    assert total < 2_000_000


def test_danish_letters_have_their_own_glyphs():
    font = Fonts().get("regular", 40)
    missing = font.render("\uffff", True, (0, 0, 0))  # a character no font has
    for letter in "æøåÆØÅ–·»«":
        image = font.render(letter, True, (0, 0, 0))
        assert image.get_size() != missing.get_size() or pygame.image.tobytes(
            image, "RGBA"
        ) != pygame.image.tobytes(missing, "RGBA"), letter


def test_missing_font_file_falls_back_and_warns_once(tmp_path, caplog):
    fonts = Fonts(folder=tmp_path)
    with caplog.at_level(logging.WARNING, logger="game.ui.fonts"):
        small = fonts.get("regular", 20)
        fonts.get("regular", 30)
        bold = fonts.get("bold", 20)
    assert small.size("æøå")[0] > 0 and bold.size("Råderum")[0] > 0
    warnings = [r for r in caplog.records if "could not be loaded" in r.getMessage()]
    assert len(warnings) == 2  # once per missing file, not once per size


def test_text_is_wrapped_then_shrunk_then_cut():
    fonts = Fonts()
    text = "Tidligere og tættere børnesager med en lang titel der ikke kan stå på en linje"
    wide = fit_text(fonts, text, 2000, 100, 30, 15)
    assert len(wide.lines) == 1 and wide.size == 30 and not wide.truncated
    wrapped = fit_text(fonts, text, 300, 400, 30, 15)
    assert len(wrapped.lines) > 1 and wrapped.size == 30
    assert all(fonts.get("regular", 30).size(line)[0] <= 300 for line in wrapped.lines)
    shrunk = fit_text(fonts, text, 300, 130, 30, 12)
    assert shrunk.size < 30 and not shrunk.truncated and shrunk.height <= 130
    cut = fit_text(fonts, text, 200, 40, 30, 24)
    assert cut.truncated and cut.size == 24 and cut.lines[-1].endswith("…")


def test_a_cut_line_keeps_as_much_of_the_next_word_as_fits():
    # before: "medfinansiering · Højere…" where "… Højere sundhedsmedfin…" had room
    fonts = Fonts()
    font = fonts.get("regular", 20)
    head = "medfinansiering · Højere"
    width = font.size(head + " sundhedsmed…")[0] + 2
    cut = fit_text(fonts, head + " sundhedsmedfinansiering", width, 40, 20, 20, max_lines=1)
    assert cut.truncated and cut.lines == ("medfinansiering · Højere sundhedsmed…",)
    assert font.size(cut.lines[0])[0] <= width


def test_a_word_too_long_for_its_one_line_is_cut_whole_not_hyphenated_and_spaced():
    # a card's area "Tværgående" beside its badges was drawn "Tvær- gåe…"
    fonts = Fonts()
    font = fonts.get("regular", 16)
    width = font.size("Tværgåe…")[0] + 1
    cut = fit_text(fonts, "Tværgående", width, 30, 16, 16, max_lines=1)
    assert cut.truncated and cut.lines == ("Tværgåe…",), cut.lines
    # a hyphen before nothing but empty lines (a deck's text ending "Teknik-" and newlines)
    # is cut as it stands
    width = font.size("Tekni…")[0] + 1
    cut = fit_text(fonts, "Teknik-\n\n", width, 30, 16, 16, max_lines=1)
    assert cut.truncated and cut.lines[0].endswith("…"), cut.lines
    # two words still read as two: "Ældre og…" keeps its space
    width = font.size("Ældre og h…")[0] + 1
    cut = fit_text(fonts, "Ældre og handicap", width, 30, 16, 16, max_lines=1)
    assert cut.lines[0].startswith("Ældre og"), cut.lines


def test_a_cut_line_never_ends_inside_a_number():
    # the year's summary read "… koster 0,08 procentpoint ekstra ca. 2,…": 2, where the
    # event said 2,5 mio. kr.
    fonts = Fonts()
    font = fonts.get("regular", 20)
    head = "koster 0,08 procentpoint ekstra ca."
    text = head + " 2,5 mio. kr. om året"
    for extra in ("2", "2,"):  # room for a part of the number only
        width = font.size(f"{head} {extra}…")[0] + 1
        cut = fit_text(fonts, text, width, 40, 20, 20, max_lines=1)
        assert cut.truncated and cut.lines == (f"{head}…",), (extra, cut.lines)
    width = font.size(f"{head} 2,5…")[0] + 1  # the whole number fits: it stays
    assert fit_text(fonts, text, width, 40, 20, 20, max_lines=1).lines == (f"{head} 2,5…",)


def test_the_board_plays_without_its_fonts(make_app, std_deck, tmp_path):
    app = make_app(std_deck)
    app.fonts.folder = tmp_path  # as if the font files were deleted
    app.fonts.clear()
    app.text.clear()
    app.start_game(std_deck, GameSettings("intro", 1, None))
    key(app, pygame.K_1)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_F1)
    assert len(app.game.state.adopted) == 1


def _has_glyph(font: pygame.font.Font, char: str, missing: bytes) -> bool:
    image = font.render(char, True, (0, 0, 0))
    return pygame.image.tobytes(image, "RGBA") != missing or image.get_width() == 0


def test_every_character_of_the_ui_and_the_standard_deck_has_a_glyph(std_deck):
    from game.messages import CATALOGUES as CATALOGS
    from game.ui.text import SUBSTITUTES

    texts = [text for catalog in CATALOGS.values() for text in catalog.values()]
    for proposal in std_deck.proposals:
        texts += [proposal.title, proposal.area, proposal.text, proposal.question, proposal.source]
    for event in std_deck.events:
        texts += [event.title, event.text]
    for scenario in std_deck.scenarios:
        texts += [scenario.title, scenario.briefing]
    chars = {SUBSTITUTES.get(c, c) for text in texts for c in text if c.isprintable() and c != " "}
    fonts = Fonts()
    for role in ("regular", "bold"):
        font = fonts.get(role, 24)
        missing = pygame.image.tobytes(font.render("\uffff", True, (0, 0, 0)), "RGBA")
        lacking = sorted(c for c in chars if not _has_glyph(font, c, missing))
        assert lacking == [], (role, lacking)
