"""The PySide6 face of Monitor Desk. Only this package imports Qt."""
