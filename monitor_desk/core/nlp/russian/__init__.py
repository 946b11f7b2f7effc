"""The Russian pipeline: natasha analysis of Russian text."""
