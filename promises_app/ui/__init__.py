"""The desktop window (Qt). The only package that imports PySide6; it reaches data through services."""
