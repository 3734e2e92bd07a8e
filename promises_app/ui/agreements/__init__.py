"""The agreement list beside the pages, and the new-agreement wizard."""
