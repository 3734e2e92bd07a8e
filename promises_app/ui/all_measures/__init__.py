"""The Alla åtgärder page: every measure of the agreement in one flat list."""
