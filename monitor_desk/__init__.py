"""Monitor Desk: an offline reading desk for news briefs."""

__version__ = "0.1.0"
