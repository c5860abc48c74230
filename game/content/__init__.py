"""Decks as data: the safe YAML reader, the schema and the loader."""

from game.content.loader import DeckError, deck_files, load_deck, load_documents, load_sources
from game.content.yamlsafe import Problem

__all__ = [
    "DeckError",
    "Problem",
    "deck_files",
    "load_deck",
    "load_documents",
    "load_sources",
]
