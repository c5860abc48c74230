"""The scenes of the game window and their routes: a scene opens another by name
(``app.push("card", card=…)``) and never imports it; this table is the only place that knows
every scene."""

from __future__ import annotations

from game.ui.scene import Route
from game.ui.scenes.board import BoardScene
from game.ui.scenes.card import CardScene
from game.ui.scenes.compare import CompareScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.message import MessageScene
from game.ui.scenes.overlays import HelpScene, MenuScene
from game.ui.scenes.paper import PaperScene
from game.ui.scenes.saving import (
    CloseScene,
    LockedScene,
    QuitScene,
    ReopenScene,
    ReopenYearScene,
    RestartScene,
    SaveElsewhereScene,
    VersionsScene,
)
from game.ui.scenes.start import StartScene
from game.ui.scenes.target import TargetScene
from game.ui.scenes.year import YearScene

ROUTES: dict[str, Route] = {
    scene.name: scene
    for scene in (
        StartScene,
        BoardScene,
        CardScene,
        YearScene,
        DebriefScene,
        HelpScene,
        MenuScene,
        TargetScene,
        CompareScene,
        MessageScene,
        SaveElsewhereScene,
        QuitScene,
        ReopenScene,
        ReopenYearScene,
        RestartScene,
        CloseScene,
        LockedScene,
        VersionsScene,
        PaperScene,
    )
}
"""Scene name → scene class (``Router.make`` calls it with the host and the parameters)."""
