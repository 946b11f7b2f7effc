"""Every change the analyst makes, as an undo command on the window's one undo stack."""
