"""Pure-Python core: no Qt here."""
