"""The Uppföljning page: the follow-up grid, its editor and undo commands."""
