"""Claims as the library stores them: editing, snapshots for undo, the quote kind."""
