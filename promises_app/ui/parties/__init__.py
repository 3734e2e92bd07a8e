"""The Parter och undertecknare page and the register of organisations and people."""
