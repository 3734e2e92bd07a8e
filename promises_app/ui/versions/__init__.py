"""The Versioner page: signing, revisions and what changed since signing."""
