"""The bench's documents made in new processes: each kind comes out (its time is the bench's business)."""

from __future__ import annotations

from pathlib import Path

import pytest

from promises_app.bench import documents


@pytest.mark.parametrize("kind", ["followup", "floor"])
def test_a_report_and_typst_floor_are_made_in_a_new_process(demo_db: Path, kind: str) -> None:
    # Agreement 2 of the demo: Solna 2022, followed up by tertial.
    assert documents.cold(kind, demo_db, 2, "2022-T2") > 0


def test_a_failing_document_says_why(demo_db: Path) -> None:
    with pytest.raises(RuntimeError, match="floor in a new process failed"):
        documents.cold("floor", demo_db, 2, "2099-T9")
