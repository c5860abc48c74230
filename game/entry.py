"""The ``raaderum`` command's entry point (and ``python -m game``'s): a Ctrl+C while the
program is still loading ends it quietly, as one during a command does (``game.cli.main``,
exit code 130). Before, a Ctrl+C in the first half second of ``raaderum import`` printed a
traceback of the module being imported."""

from __future__ import annotations

import signal

INTERRUPTED = 130
"""The exit code of a command stopped with Ctrl+C (128 + SIGINT), as a shell reports it."""


def main() -> int:
    """Run the command line; returns its exit code."""
    # while loading, Ctrl+C ends the process as the system does, without a traceback
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        from game.cli import main as run
    finally:
        # then the command's own handling of Ctrl+C (exit 130, nothing half-written)
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return run()
    except KeyboardInterrupt:  # between loading and the command's own handling
        return INTERRUPTED
