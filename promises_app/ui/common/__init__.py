"""The shared part of ui/: the operations runner, page and undo bases, record tables, background work, formatting."""
