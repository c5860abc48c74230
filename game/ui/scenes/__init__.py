"""The scenes of the game window (start, board, card view, overlays, year, debrief)."""
