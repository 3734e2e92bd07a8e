"""The Lägesbild och indikatorer page: sources, indicators, values and safety walks."""
