"""The balance harness: plays a deck with several strategies and checks what the deck teaches
(``raaderum balance``, ``make balance`` → docs/balance.md)."""
