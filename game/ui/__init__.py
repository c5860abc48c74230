"""The pygame window of Råderumsspillet: scenes, layout, theme and the App that runs them."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
