"""The agreement list (services/agreement_list.py): one statement, no ORM, the same list as the rows.

The window shows this list before the ORM has loaded, so it is read with SQLAlchemy Core from
a light description of the ``agreements`` table. These tests keep that description in step
with the mapped model, compare the list with the ORM's rows (every field, tree order), and
count the statements: one, however many agreements there are.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from sqlalchemy import Date, Integer, String, event, select

from promises_app.bench.generator import Size, generate
from promises_app.domain.enums import AgreementKind, AgreementState, ReportingScheme
from promises_app.services import Services, convert, open_services
from promises_app.services.agreement_list import AGREEMENTS, in_tree_order
from promises_app.services.records import AgreementSummary
from promises_app.storage import models as m

ROOT = Path(__file__).resolve().parents[2]


def _from_the_orm(services: Services) -> list[AgreementSummary]:
    """The list as the ORM rows give it (the way AgreementService read it before)."""
    with services.db.read() as s:
        rows = s.scalars(select(m.Agreement).order_by(m.Agreement.start_date, m.Agreement.id))
        summaries = [convert.agreement_summary(row) for row in rows]
    children: dict[int | None, list[AgreementSummary]] = {}
    for summary in summaries:
        children.setdefault(summary.parent_id, []).append(summary)
    ordered: list[AgreementSummary] = []

    def walk(parent_id: int | None) -> None:
        for summary in children.get(parent_id, []):
            ordered.append(summary)
            walk(summary.id)

    walk(None)
    return ordered


def test_the_light_table_names_the_mapped_columns_with_their_types() -> None:
    mapped = m.Agreement.__table__.c
    for column in AGREEMENTS.c:
        assert column.name in mapped, column.name
        expected = {int: Integer, str: String}.get(mapped[column.name].type.python_type)
        if mapped[column.name].type.python_type.__name__ == "date":
            expected = Date
        if hasattr(mapped[column.name].type, "enums"):  # a code_enum: stored as its code
            expected = String
        assert isinstance(column.type, expected), column.name


def test_the_list_is_the_rows_in_tree_order(demo_services: Services) -> None:
    listed = demo_services.agreement_list.list_agreements()
    assert listed == _from_the_orm(demo_services)
    assert listed == demo_services.agreements.list_agreements()
    assert listed[2].parent_id == listed[1].id  # the promise document right under its cooperation agreement


def test_one_statement_however_many_agreements(tmp_path: Path) -> None:
    path = tmp_path / "many.sqlite"
    generate(path, Size(agreements=40, measures=200, follow_ups=400, indicators=2), seed=3)
    services = open_services(path, create=False)
    try:
        statements: list[str] = []
        event.listen(services.db.engine, "before_cursor_execute",
                     lambda _c, _cur, statement, *_rest: statements.append(statement))
        listed = services.agreement_list.list_agreements()
        assert len(listed) == 40
        assert [s for s in statements if s.lstrip().upper().startswith("SELECT")] == [statements[1]]
        assert "introduction" not in statements[1]  # nine columns, not the agreements' long texts
        assert listed == _from_the_orm(services)
    finally:
        services.db.close()


def test_tree_order_keeps_documents_under_their_agreement() -> None:
    def summary(id_: int, parent: int | None) -> AgreementSummary:
        return AgreementSummary(id_, AgreementKind.CITIZEN_PROMISE, parent, f"a{id_}", date(2022, 1, 1),
                                date(2022, 12, 31), ReportingScheme.TERTIAL, AgreementState.DRAFT, 1)

    given = [summary(1, None), summary(2, 1), summary(3, None), summary(4, 2), summary(5, 1), summary(6, 9)]
    assert [s.id for s in in_tree_order(given)] == [1, 2, 4, 5, 3]  # 6's parent is not listed: as before


def test_reading_the_list_loads_no_orm(tmp_path: Path, _templates: dict[str, Path]) -> None:
    """What the window's first paint reads needs neither the ORM nor the mapped models."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(_templates["demo"], path)
    code = (
        "import sys\n"
        "from promises_app.services import open_services\n"
        "services = open_services(sys.argv[1], create=False, exclusive=True, check_later=True)\n"
        "titles = [a.title for a in services.agreement_list.list_agreements()]\n"
        "loaded = sorted(m for m in ('sqlalchemy.orm', 'promises_app.storage.models') if m in sys.modules)\n"
        "services.db.close()\n"
        "print(len(titles), loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True, check=False,
                            timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "3 []"
