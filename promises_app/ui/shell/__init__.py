"""The window's shell: the main window, start-up, settings, the database files, errors."""
