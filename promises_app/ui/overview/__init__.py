"""The Översikt page: where the agreement stands."""
