"""Pure domain rules: periods, statuses, validation. Imports neither Qt nor an ORM session."""
