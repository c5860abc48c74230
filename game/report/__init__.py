"""The facilitator's take-home: the session report of one game and the comparison of tables.

``write_report`` writes report.html (self-contained, A4), decisions.csv, summary.json and
board.png for one saved game; ``compare_saves`` reads many saves and groups them by deck and
scenario; ``write_comparison`` writes compare.html and compare.csv.
"""

from game.report.compare import (
    Comparison,
    ComparisonGroup,
    ProposalUse,
    TableResult,
    Unreadable,
    compare_saves,
    table_choices,
    why_apart,
    write_comparison,
)
from game.report.session import BoardPicture, write_report

__all__ = [
    "BoardPicture",
    "Comparison",
    "ComparisonGroup",
    "ProposalUse",
    "TableResult",
    "Unreadable",
    "compare_saves",
    "table_choices",
    "why_apart",
    "write_comparison",
    "write_report",
]
