"""``python -m game`` runs the command line (``game.entry``), as ``raaderum`` does."""

from game.entry import main

raise SystemExit(main())
