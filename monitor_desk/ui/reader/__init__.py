"""The reader: an article's text with its marks, the pane around it (title, legend) and
the entity types it shows."""
