"""The note field: Danish letters, editing keys, paste, the length limit, wrapping."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.engine.actions import MAX_NOTE_LENGTH
from game.ui.textedit import wrap_lines
from game.ui.textfield import TextField


@pytest.fixture(scope="module")
def screen() -> pygame.Surface:
    pygame.init()
    return pygame.display.set_mode((800, 600))


@pytest.fixture
def field(screen: pygame.Surface) -> TextField:
    font = pygame.font.Font(None, 28)
    widget = TextField((50, 50, 400, 160), font, placeholder="Hvorfor vælger I forslaget?")
    widget.focus()
    yield widget
    widget.blur()


def typed(text: str) -> pygame.event.Event:
    return pygame.event.Event(pygame.TEXTINPUT, text=text)


def key(code: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0)


def click(pos: tuple[int, int]) -> pygame.event.Event:
    return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)


def test_danish_letters_are_typed_through_posted_events(field: TextField) -> None:
    for char in "Æbleskiver på Ørsted Å":
        pygame.event.post(typed(char))
    for event in pygame.event.get(pygame.TEXTINPUT):
        assert field.handle(event)
    assert field.text == "Æbleskiver på Ørsted Å"


def test_cursor_keys_backspace_and_delete_edit_in_the_middle(field: TextField) -> None:
    field.handle(typed("sparer på"))
    field.handle(key(pygame.K_HOME))
    field.handle(key(pygame.K_DELETE))
    field.handle(typed("S"))
    field.handle(key(pygame.K_END))
    field.handle(key(pygame.K_LEFT))
    field.handle(key(pygame.K_BACKSPACE))
    assert field.text == "Sparer å"
    assert field.cursor == len("Sparer ")


def test_ctrl_a_then_typing_replaces_everything(field: TextField) -> None:
    field.handle(typed("gammel note"))
    field.handle(key(pygame.K_a, pygame.KMOD_LCTRL))
    field.handle(typed("ny"))
    assert field.text == "ny"


def test_paste_inserts_the_clipboard_text_and_ctrl_z_undoes_it(field: TextField) -> None:
    pygame.scrap.put_text("færre\tvikarer\r\n")
    field.handle(typed("Vi vil have "))
    assert field.handle(key(pygame.K_v, pygame.KMOD_LCTRL))
    assert field.text == "Vi vil have færre vikarer\n"
    field.handle(key(pygame.K_z, pygame.KMOD_LCTRL))
    assert field.text == "Vi vil have "


def test_copy_puts_the_selection_on_the_clipboard(field: TextField) -> None:
    field.handle(typed("kopiér mig"))
    field.handle(key(pygame.K_a, pygame.KMOD_LCTRL))
    field.handle(key(pygame.K_c, pygame.KMOD_LCTRL))
    assert pygame.scrap.get_text() == "kopiér mig"


def test_the_text_never_exceeds_the_engine_note_limit(field: TextField) -> None:
    field.handle(typed("ø" * (MAX_NOTE_LENGTH - 3)))
    pygame.scrap.put_text("abcdefgh")
    field.handle(key(pygame.K_v, pygame.KMOD_LCTRL))
    assert len(field.text) == MAX_NOTE_LENGTH
    assert field.text.endswith("abc")
    field.handle(typed("x"))
    assert len(field.text) == MAX_NOTE_LENGTH


def test_a_field_tells_its_scene_how_much_the_limit_left_out(screen: pygame.Surface) -> None:
    left_out: list[int] = []
    font = pygame.font.Font(None, 28)
    field = TextField((10, 10, 300, 40), font, max_length=5, on_full=left_out.append)
    field.focus()
    field.handle(typed("abc"))
    assert left_out == []
    field.handle(typed("defg"))  # two fit
    assert field.text == "abcde" and left_out == [2]
    field.handle(key(pygame.K_a, pygame.KMOD_LCTRL))
    field.handle(typed("12"))  # replaces the selection: fits
    assert field.text == "12" and left_out == [2]


def test_a_focused_field_swallows_shortcut_keys_but_leaves_enter(field: TextField) -> None:
    assert field.handle(key(pygame.K_1))
    assert field.handle(key(pygame.K_SPACE))
    assert field.handle(key(pygame.K_h))
    assert field.handle(key(pygame.K_BACKSPACE))
    assert not field.handle(key(pygame.K_RETURN))
    assert not field.handle(key(pygame.K_F1))
    field.handle(key(pygame.K_RETURN, pygame.KMOD_LSHIFT))
    assert field.text == "\n"


def test_an_unfocused_field_ignores_keys_and_a_click_focuses_it(field: TextField) -> None:
    field.handle(click((700, 500)))
    assert not field.focused
    assert not field.handle(key(pygame.K_1))
    assert not field.handle(typed("x"))
    assert field.text == ""
    assert field.handle(click(field.rect.center))
    assert field.focused


def test_single_line_field_turns_pasted_newlines_into_spaces(screen: pygame.Surface) -> None:
    font = pygame.font.Font(None, 28)
    path = TextField((10, 10, 300, 40), font, multiline=False, max_length=500)
    path.focus()
    pygame.scrap.put_text("/tmp/borde\nmappe")
    path.handle(key(pygame.K_v, pygame.KMOD_LCTRL))
    path.blur()
    assert path.text == "/tmp/borde mappe"


def test_wrapped_lines_fit_the_width_and_cover_the_text() -> None:
    pygame.font.init()
    font = pygame.font.Font(None, 30)
    text = "Et meget langt argument om hvorfor gruppen vælger netop dette forslag " * 3
    text += "Supercalifragilisticexpialidociousøøøøøøøøøøøø"
    lines = wrap_lines(text, font, 200)
    assert len(lines) > 4
    assert all(font.size(text[a:b])[0] <= 200 for a, b in lines)
    joined = "".join(text[a:b] for a, b in lines)
    assert joined.replace(" ", "") == text.replace(" ", "")


def test_drawing_a_long_note_stays_inside_the_field(
    field: TextField, screen: pygame.Surface
) -> None:
    field.handle(typed("Lang begrundelse med mange ord og æøå. " * 7))
    canvas = pygame.Surface((800, 600))
    background = (12, 200, 12)
    canvas.fill(background)
    field.draw(canvas)
    outside = pygame.Rect(field.rect).inflate(2, 2)
    for x in range(0, 800, 4):
        for y in range(0, 600, 4):
            if not outside.collidepoint(x, y):
                assert canvas.get_at((x, y))[:3] == background
    # Text was drawn inside: dark pixels exist within the field.
    inside = [
        canvas.get_at((x, y))[:3]
        for x in range(field.rect.left + 12, field.rect.right - 12, 3)
        for y in range(field.rect.top + 12, field.rect.bottom - 12, 3)
    ]
    assert any(sum(c) < 200 for c in inside)


def test_placeholder_shows_only_while_empty(field: TextField, screen: pygame.Surface) -> None:
    canvas = pygame.Surface((800, 600))
    field.blur()
    field.draw(canvas)
    grey = field.style.placeholder
    first = [canvas.get_at((x, y))[:3] for x in range(60, 440) for y in range(60, 90)]
    assert any(c == grey for c in first)
    field.focus()
    field.handle(typed("x"))
    field.draw(canvas)
    second = [canvas.get_at((x, y))[:3] for x in range(60, 440) for y in range(60, 90)]
    assert not any(c == grey for c in second)


def test_a_one_line_field_as_tall_as_its_text_draws_the_descenders_whole(screen):
    # before, "jeres eget" read "ieres eqet": the line was clipped to the padded inner box
    font = pygame.font.Font(None, 40)
    height = font.get_linesize() + 8
    one_line = TextField((10, 300, 400, height), font, multiline=False, placeholder="")
    one_line.text = "gjpqy gjpqy"
    surface = pygame.Surface((600, 600))
    surface.fill((255, 255, 255))
    one_line.draw(surface)
    ink = one_line.style.text
    baseline = one_line.rect.centery - font.get_linesize() // 2 + font.get_ascent()
    below = [
        (x, y)
        for x in range(one_line.rect.left, one_line.rect.right)
        for y in range(baseline + 2, one_line.rect.bottom - 2)
        if surface.get_at((x, y))[:3] == ink[:3]
    ]
    assert below, "nothing of g, j, p, q, y is drawn below the baseline"


def test_a_one_line_placeholder_that_does_not_fit_ends_in_an_ellipsis(screen):
    font = pygame.font.Font(None, 28)
    hint = "Sti til jeres eget dæk (mappe eller fil)"
    narrow = TextField((10, 10, 180, 40), font, multiline=False, placeholder=hint)
    shown = narrow.placeholder_line()
    assert shown.endswith("…") and hint.startswith(shown[:-1].rstrip())
    assert font.size(shown)[0] <= narrow.rect.width
    assert narrow.placeholder_line() != hint


def test_a_wrapped_line_never_parts_a_number_from_its_unit(screen):
    from game.ui.text import wrap_lines as wrap_words

    font = pygame.font.Font(None, 28)
    text = "2027–2030 · 4 år: budgetår og 3 overslagsår · Mål 3/11/25/45 mio. kr. · 1.500 t. kr."
    narrowest = font.size("3/11/25/45 mio. kr.")[0]  # a line that holds the longest unit
    for width in range(narrowest, 700, 7):
        lines = wrap_words(font, text, width)
        assert " ".join(lines).split() == text.split(), width  # nothing lost, no odd spaces
        for line in lines:
            assert not line.endswith(("mio.", "t.", "3/11/25/45", "1.500")), (width, lines)
            assert not line.startswith(("kr.", "mio.")), (width, lines)


def test_a_card_views_facts_keep_their_words_together(screen):
    # a trial: "(0 % / uden)" and "Personale / +5 årsværk" broken in the middle
    from game.ui.text import wrap_lines as wrap_words

    font = pygame.font.Font(None, 28)
    text = "Chance for målet: 12 % med dette forslag (0 % uden) · Personale +5 årsværk"
    for width in range(font.size("Personale +5 årsværk ·")[0], 700, 7):
        lines = wrap_words(font, text, width)
        assert " ".join(lines).split() == text.split(), width
        for line in lines:
            assert not line.endswith(("(0 %", "Personale")), (width, lines)


def test_a_long_danish_word_is_broken_at_a_syllable(screen):
    # a board card split "gæstedagplejepl-adser" and "familieafdeli-ngen"
    from game.ui.text import syllable_breaks
    from game.ui.text import wrap_lines as wrap_words

    def split(word: str) -> list[str]:
        return [
            word[a:b] for a, b in zip([0, *syllable_breaks(word)], [*syllable_breaks(word), None])
        ]

    assert split("gæstedagplejepladser") == ["gæs", "te", "dag", "ple", "je", "plad", "ser"]
    assert split("omsorgsområdet")[:3] == ["om", "sorgs", "om"]
    assert split("Sundheds-og") == ["Sund", "heds-", "og"]
    assert syllable_breaks("1234567890") == []
    font = pygame.font.Font(None, 28)
    for word in ("gæstedagplejepladser", "familieafdelingen", "effektiviseringsbidraget"):
        for width in range(font.size("xxxxxx")[0], font.size(word)[0], 9):
            lines = wrap_words(font, word, width)
            assert "".join(line.removesuffix("-") for line in lines) == word, (width, lines)
            assert all(font.size(line)[0] <= width for line in lines), (width, lines)
            assert all(len(line.removesuffix("-")) >= 2 for line in lines), (width, lines)
            cuts = [
                len("".join(x.removesuffix("-") for x in lines[: i + 1]))
                for i in range(len(lines) - 1)
            ]
            # every cut at a syllable, unless a syllable would leave the line more than half empty
            assert sum(cut in syllable_breaks(word) for cut in cuts) >= len(cuts) - 1, (
                width,
                lines,
            )


def test_a_path_field_at_rest_shows_the_end_of_a_long_path(screen: pygame.Surface) -> None:
    # the start screen's deck field read "/tmp/trialD-decks/d1-la": a path's file name, at
    # its end, says which deck it is
    font = pygame.font.Font(None, 28)
    path = "/home/okonomi/Budgetkatalog 2027/Dækket til byrådets seminar/daek.yaml"
    at_end = TextField((10, 10, 240, 40), font, multiline=False, text=path, rest_at_end=True)
    plain = TextField((10, 10, 240, 40), font, multiline=False, text=path)
    at_end.draw(screen)
    width = at_end.rect.width - (font.size(path)[0] - at_end.rest_offset())
    assert at_end.rest_offset() > 0 and width >= 0  # the whole file name is in the field
    assert plain.rest_offset() == 0  # a note at rest shows its text from the start
    short = TextField((10, 10, 240, 40), font, multiline=False, text="daek.yaml", rest_at_end=True)
    assert short.rest_offset() == 0


def test_a_low_text_box_keeps_both_of_its_lines_for_the_text(screen: pygame.Surface) -> None:
    # at 1024×768 the card's reason box holds two lines; the counter took the second one, and
    # of a two-line reason only its last line, "hvert halve år.", was seen
    font = pygame.font.Font(None, 28)
    line = font.get_linesize()
    probe = TextField((0, 0, 10, 10), font, max_length=MAX_NOTE_LENGTH)
    pad = probe.style.padding
    box = TextField((50, 50, 300, 2 * line + 2 * pad), font, max_length=MAX_NOTE_LENGTH)
    box.focus()
    box.handle(typed("Vi tror på gevinsten og følger op hvert halve år."))
    surface = pygame.Surface((400, 200))
    surface.fill((255, 255, 255))
    box.draw(surface)
    box.blur()

    def inked(y: int) -> bool:
        row = [surface.get_at((x, y))[:3] for x in range(50 + pad, 50 + 150)]
        return any(sum(pixel) < 300 for pixel in row)

    first, second = 50 + pad + line // 2, 50 + pad + line + line // 2
    assert inked(first) and inked(second), "both lines of the reason are seen"
