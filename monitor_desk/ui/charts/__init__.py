"""Charts of the library's counts over time (pyqtgraph, imported only when drawn)."""
