"""The one place that knows where bundled resources are: from source and frozen (PyInstaller)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, in the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


#: The user guide (Swedish, Markdown), shown behind F1 (ui/shell/user_guide.py).
USER_GUIDE = "anvandarguide.md"


def user_guide() -> Path:
    """``docs/anvandarguide.md``: in the checkout's ``docs/``, or in the bundle's ``docs/`` when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle is not None else Path(__file__).resolve().parent.parent
    return base / "docs" / USER_GUIDE
