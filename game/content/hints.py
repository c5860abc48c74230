"""The "mente du …?" hints for unknown ids, with bounded work however large the deck.

``difflib.get_close_matches`` compares a word with every candidate, so hinting every unknown
reference of a deck costs (unknown references) × (ids): a 260 KB deck full of typos took 87 s
to validate. Here the ids are indexed by their character bigrams once; a hint compares the
word only with the ``MAX_CANDIDATES`` ids that share most bigrams with it, and a load gives
at most ``MAX_HINTS`` hints (the problems after that are reported without one).
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable

MAX_HINTS = 50
"""Unknown ids per load that get a hint; later ones are reported without."""

MAX_CANDIDATES = 40
"""Ids a hint compares with difflib (those sharing most character pairs with the word)."""


def _bigrams(word: str) -> set[str]:
    padded = f"^{word.lower()}$"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


class HintBudget:
    """How many hints one load may still give (shared by every index of the load)."""

    def __init__(self, hints: int = MAX_HINTS) -> None:
        self.left = hints

    def take(self) -> bool:
        """True (and one hint less) while hints are left."""
        if self.left <= 0:
            return False
        self.left -= 1
        return True


class IdIndex:
    """Known ids, indexed for close-match hints."""

    def __init__(self, ids: Iterable[str], budget: HintBudget | None = None) -> None:
        self.ids = list(dict.fromkeys(ids))
        self.budget = budget if budget is not None else HintBudget()
        self._by_bigram: dict[str, list[int]] | None = None  # built at the first hint
        self._cache: dict[str, str | None] = {}

    def candidates(self, word: str) -> list[str]:
        """The ids most like ``word`` by shared character pairs, at most ``MAX_CANDIDATES``."""
        if len(self.ids) <= MAX_CANDIDATES:
            return self.ids
        if self._by_bigram is None:
            self._by_bigram = defaultdict(list)
            for number, known in enumerate(self.ids):
                for pair in _bigrams(known):
                    self._by_bigram[pair].append(number)
        shared: Counter[int] = Counter()
        for pair in _bigrams(word):
            shared.update(self._by_bigram.get(pair, ()))
        return [self.ids[number] for number, _ in shared.most_common(MAX_CANDIDATES)]

    def hint(self, word: str) -> str | None:
        """The known id closest to ``word`` (difflib's cutoff 0.6), or None; the same word is
        answered once, and none at all once the load's budget is spent."""
        if word in self._cache:
            return self._cache[word]
        folded = word.casefold()
        same = next((known for known in self.ids if known.casefold() == folded), None)
        if same is not None:  # 'b2' for 'B2': only the case differs
            self._cache[word] = same
            return same
        if not self.budget.take():
            return None
        close = difflib.get_close_matches(word, self.candidates(word), n=1)
        self._cache[word] = close[0] if close else None
        return self._cache[word]
