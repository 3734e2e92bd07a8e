"""Medborgarlöften: plan, follow up and report Swedish citizen promises (medborgarlöften)."""

__version__ = "0.1.0"
