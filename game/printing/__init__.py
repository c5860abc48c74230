"""Print and play: a deck's scenario as one self-contained A4 HTML document of cards, a board,
event cards and the facilitator's sheets, for tables that play on paper (``raaderum print``)."""

from game.printing.document import PER_PAGE, document, page_count

__all__ = ["PER_PAGE", "document", "page_count"]
