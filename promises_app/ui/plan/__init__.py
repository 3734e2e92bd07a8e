"""The Plan page: promises, measures, occurrences and focus areas, with their dialogs and undo commands."""
