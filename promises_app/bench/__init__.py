"""Benchmark data: realistic, deterministic databases of a chosen size (issue "Fast at any size, measured").

``promises_app.bench.generator.generate`` fills a new database file with the demo (``"small"``),
a big city's districts (``"city"``: 120 agreements, 10 000 measures, 40 000 follow-ups) or a
stress load (``"stress"``: 100 000 measures), always the same bytes for the same seed.
Nothing is imported here, so ``python -m promises_app.bench.generator`` runs the module once.
"""
