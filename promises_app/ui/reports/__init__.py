"""The report dialog and the verification dialog."""
