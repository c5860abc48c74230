"""Råderumsspillet: the digital edition of KL's cooperative budget game."""

__version__ = "0.1.0"
