"""Dialogs and popups: export, JSON import, the tag popup and manager, the claim dialog."""
