"""``raaderum screenshot`` renders every scene in both languages to a PNG of the asked size,
and the report's board picture comes from the same code."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.engine import History, new_game
from game.ui import theme
from game.ui.screenshot import SCENES, render_board_png, run_screenshot


def shot(tmp_path: Path, scene: str, lang: str, size=(960, 540), **extra) -> Path:
    out = tmp_path / f"{scene}-{lang}.png"
    args = argparse.Namespace(
        scene=scene,
        out=str(out),
        size=size,
        seed=extra.get("seed", 2),
        scenario=extra.get("scenario"),
        lang=lang,
        target=extra.get("target"),
        deck=None,
    )
    assert run_screenshot(args) == 0
    return out


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("scene", SCENES)
def test_every_scene_renders(tmp_path, scene, lang):
    out = shot(tmp_path, scene, lang)
    image = pygame.image.load(str(out))
    assert image.get_size() == (960, 540)
    # not an empty picture: many different colours
    colours = {
        tuple(image.get_at((x, y)))[:3] for x in range(0, 960, 24) for y in range(0, 540, 18)
    }
    assert len(colours) > 12


def test_board_screenshot_shows_the_header_and_kind_colours(tmp_path):
    out = shot(tmp_path, "board", "da", size=(1600, 900))
    image = pygame.image.load(str(out))
    assert tuple(image.get_at((4, 4)))[:3] == theme.HEADER
    colours = {
        tuple(image.get_at((x, y)))[:3] for x in range(0, 1600, 4) for y in range(380, 900, 4)
    }
    kinds_on_screen = [k for k, c in theme.KIND_COLORS.items() if c in colours]
    assert len(kinds_on_screen) >= 2


def test_render_board_png_from_a_state(tmp_path, std_deck):
    path = tmp_path / "board.png"
    render_board_png(std_deck, new_game(std_deck, "krise", 3), path)
    assert pygame.image.load(str(path)).get_size() == (1600, 900)
    path2 = tmp_path / "board2.png"
    render_board_png(std_deck, History.start(new_game(std_deck, None, 3)), path2, (800, 450), "en")
    assert pygame.image.load(str(path2)).get_size() == (800, 450)


def test_board_of_a_finished_game_lists_what_each_year_adopted(tmp_path, std_deck):
    import numpy as np

    from game.engine.bots import greedy_policy

    history = History.start(new_game(std_deck, "lang-horisont", 3))
    generator = np.random.default_rng(3)
    while not history.current.finished:
        history = history.do(greedy_policy(history.current, generator))
    full = tmp_path / "full.png"
    render_board_png(std_deck, history, full)
    # the table is empty after the last year; its panel lists the adoptions instead
    area = pygame.Rect(20, 420, 980, 460)

    def inked(path):
        image = pygame.image.load(str(path))
        return sum(
            1
            for x in range(area.x, area.right, 3)
            for y in range(area.y, area.bottom, 3)
            if sum(tuple(image.get_at((x, y)))[:3]) < 300
        )

    assert inked(full) > 300


def test_screenshot_command_line(tmp_path):
    out = tmp_path / "help.png"
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "game",
            "screenshot",
            "--scene",
            "help",
            "--out",
            str(out),
            "--size",
            "1280x720",
            "--lang",
            "en",
            "--scenario",
            "lang-horisont",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert pygame.image.load(str(out)).get_size() == (1280, 720)
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "game",
            "screenshot",
            "--scene",
            "board",
            "--out",
            str(out),
            "--scenario",
            "nope",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert bad.returncode == 2 and "nope" in bad.stderr and "Traceback" not in bad.stderr


def test_a_start_screenshot_shows_the_target_it_was_given(tmp_path):
    # Before: "--scene start --target 26" showed the scenario's own 45 in the target field.
    from game.ui.layout_screens import start_layout

    plain = pygame.image.load(str(shot(tmp_path / "a", "start", "da", size=(1024, 768))))
    given = pygame.image.load(
        str(shot(tmp_path / "b", "start", "da", size=(1024, 768), target=26.0))
    )
    field = start_layout(1024, 768, 5, 0).target_field
    pixels = [
        (x, y) for x in range(field.left, field.right, 2) for y in range(field.top, field.bottom, 2)
    ]
    assert any(plain.get_at(p) != given.get_at(p) for p in pixels)


def test_the_start_screen_of_a_deck_given_with_deck_shows_that_deck(tmp_path):
    # "screenshot --deck mydeck --scene start" showed the standard deck's button chosen and an
    # empty path: a facilitator could believe the standard deck was loaded
    from game.paths import standard_deck
    from game.ui.layout_screens import start_layout

    kystby = standard_deck().parent / "kystby"
    pictures = {}
    for deck in (None, str(kystby)):
        out = tmp_path / f"start-{deck is None}.png"
        args = argparse.Namespace(
            scene="start",
            out=str(out),
            size=(1600, 900),
            seed=2,
            scenario=None,
            lang="da",
            target=None,
            deck=deck,
        )
        assert run_screenshot(args) == 0
        pictures[deck] = pygame.image.load(str(out))
    button = start_layout(1600, 900, 2, 0).deck_standard
    spot = (button.x + 6, button.centery)
    assert tuple(pictures[None].get_at(spot))[:3] == theme.ACCENT
    assert tuple(pictures[str(kystby)].get_at(spot))[:3] != theme.ACCENT


def test_the_compare_picture_is_the_same_every_time(tmp_path):
    # the README's picture of the compare screen changed from one run to the next: the bots'
    # tables were numbered in the order of their files, whose names carry the clock
    first = pygame.image.load(str(shot(tmp_path / "a", "compare", "da")))
    second = pygame.image.load(str(shot(tmp_path / "b", "compare", "da")))
    assert pygame.image.tobytes(first, "RGB") == pygame.image.tobytes(second, "RGB")


def test_a_start_screenshot_waits_for_the_reach_it_warns_about(tmp_path):
    # the reach is computed in the background: the picture was taken before it came, so a
    # deck whose target is beyond its pile's reach showed no warning over the target
    from game.ui.layout_screens import start_layout

    def warned(target: float) -> bool:
        picture = pygame.image.load(
            str(
                shot(
                    tmp_path / str(target),
                    "start",
                    "da",
                    (1024, 768),
                    scenario="intro",
                    target=target,
                )
            )
        )
        label = start_layout(1024, 768, 5, 0).target_label
        warning = pygame.Color(theme.WARNING)
        return any(
            tuple(picture.get_at((x, y)))[:3] == tuple(warning)[:3]
            for x in range(label.left, label.right)
            for y in range(label.top, label.bottom)
        )

    assert warned(60.0)  # intro's pile reaches about 48 in 2029 without luck
    assert not warned(20.0)
