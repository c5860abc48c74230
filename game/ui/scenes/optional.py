"""Scenes that live in other modules and may be added later (year reveal, debrief, compare)."""

from __future__ import annotations

import importlib
from typing import Any


def scene_class(module: str, name: str) -> Any:
    """The class ``name`` from ``module``, or None when the module does not exist (yet)."""
    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name is not None and module.startswith(error.name):
            return None
        raise
    return getattr(loaded, name, None)
