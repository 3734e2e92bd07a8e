"""Do the rows say what the change log says? Edits made behind the program's back (``verify-db``).

Every change the program makes is logged in the same transaction (storage/changelog.py), so
the log, replayed from the start, tells what each row it mentions must hold now: the values
of its insert, then every logged update of a field, or that it was deleted. A row whose live
value differs from its last logged value, a logged row that is gone without a logged delete,
a deleted row that is back, and a row newer than the log's coverage with no insert entry at
all were all changed outside the program (a SQLite tool, a script) and are named here.

Two things the database does by itself are not edits: ``ON DELETE SET NULL`` (a measure's
focus area gone) and ``ON DELETE CASCADE`` (the rows under a deleted row). Both are read
from the foreign keys: a difference they explain is not reported. Rows older than the log
(``change_log_coverage``) are only compared where the log mentions them.

Personal data and large texts are compared in the form the log keeps them (hidden, digested).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, RowMapping, Table, select

from promises_app.domain.validation import shorten
from promises_app.domain.vocabulary import FIELD_WORDS
from promises_app.storage import models as m
from promises_app.storage.changelog import PERSONAL_FIELDS, REDACTED, field_form

#: The ordered many-to-many lists logged as one field of their owner (services/plan.py).
LINK_FIELDS: dict[tuple[str, str], tuple[Table, str]] = {
    ("promises", "maker_ids"): (m.promise_makers, "promise_id"),
    ("measures", "participant_ids"): (m.measure_participants, "measure_id"),
}
#: Columns the log does not keep (the optimistic-concurrency counter) or that name the row.
_NOT_LOGGED = {"id", "version"}
#: What a row is called in a message (definite form), by table.
TABLE_WORDS = {
    "organisations": "Organisationen", "people": "Personen", "agreements": "Överenskommelsen",
    "goals": "Målet", "parties": "Parten", "signatories": "Undertecknaren", "focus_areas": "Fokusområdet",
    "promises": "Löftet", "measures": "Åtgärden", "occurrences": "Tillfället", "follow_ups": "Uppföljningen",
    "signed_revisions": "Den undertecknade revisionen", "signed_copies": "Den inskannade kopian",
    "indicator_definitions": "Indikatorn", "indicator_values": "Indikatorvärdet",
    "agreement_indicators": "Den följda indikatorn", "situation_sources": "Lägesbildens källa",
    "safety_walks": "Trygghetsvandringen", "walk_findings": "Iakttagelsen",
    "adopted_reports": "Den fastställda uppföljningen",
    "period_follow_ups": "Periodens uppföljning",
}
_LABEL_COLUMNS = ("title", "name", "text", "period", "file_name", "place")
_QUOTE = 60


@dataclass
class _Logged:
    """What the log says of one row: does it exist, and its last value of each field it names."""

    exists: bool = True
    inserted: bool = False
    fields: dict[str, Any] = field(default_factory=dict)


def audit(connection: Connection) -> list[str]:
    """Every difference between the rows and the change log, as Swedish sentences.

    Rows are streamed table by table; only their ids are kept (for what was deleted, and what
    the database deletes or empties by itself), so a city-sized file needs little memory.
    """
    logged = _replay(connection)
    coverage: dict[str, int] = {
        name: up_to
        for name, up_to in connection.execute(
            select(m.ChangeLogCoverage.table_name, m.ChangeLogCoverage.unlogged_up_to)
        )
    }
    tables = {name: m.Base.metadata.tables[name] for name in coverage if name in m.Base.metadata.tables}
    ids = {name: set(connection.execute(select(table.c.id)).scalars()) for name, table in tables.items()}
    links = {key: _link_lists(connection, *target) for key, target in LINK_FIELDS.items()}
    where = _Where(connection)
    problems: list[str] = []
    for table_name, table in tables.items():
        for row in connection.execute(select(table)).mappings():
            row_id = row["id"]
            said = logged.get((table_name, row_id))
            if said is None or not said.inserted:
                if row_id > coverage[table_name]:
                    problems.append(f"{where(table_name, row_id, row)} finns i databasen men inte i ändringsloggen: "
                                    "den har lagts till utanför programmet.")
                if said is None:
                    continue
            if not said.exists:
                problems.append(f"{where(table_name, row_id, row)} är borttagen enligt ändringsloggen men finns i "
                                "databasen igen.")
                continue
            for name, expected in said.fields.items():
                if (table_name, name) in LINK_FIELDS:
                    actual = links[(table_name, name)].get(row_id, [])
                elif name in table.c:
                    actual = field_form(table_name, name, row[name])
                else:
                    continue  # a field this schema no longer has
                if _same(actual, expected) or _set_null_by_the_database(table, name, actual, expected, ids):
                    continue
                problems.append(
                    f"{where(table_name, row_id, row)}: {_field_word(name)} är {_shown(actual)} men enligt "
                    f"ändringsloggen {_shown(expected)} (ändrat utanför programmet)."
                )
    for (table_name, row_id), said in sorted(logged.items()):
        if table_name not in tables or not said.exists or row_id in ids[table_name]:
            continue
        if _deleted_with_a_parent(tables[table_name], said, ids):
            continue
        problems.append(f"{where(table_name, row_id, said.fields)} finns i ändringsloggen men har tagits bort "
                        "ur databasen utanför programmet.")
    return problems


def _replay(connection: Connection) -> dict[tuple[str, int], _Logged]:
    """Fold the whole log, oldest first, into what it says of each row now."""
    log = m.ChangeLogEntry.__table__
    state: dict[tuple[str, int], _Logged] = {}
    query = select(log.c.action, log.c.entity, log.c.entity_id, log.c.field, log.c.new).order_by(log.c.id)
    for action, entity, entity_id, name, new in connection.execute(query):
        key = (entity, entity_id)
        value = _parsed(new)
        if action == "insert":
            values = value if isinstance(value, dict) else {}  # an entry edited into nonsense: the chain says
            state[key] = _Logged(exists=True, inserted=True,
                                 fields={k: v for k, v in values.items() if k not in _NOT_LOGGED})
        elif action == "update":
            said = state.setdefault(key, _Logged())
            said.exists = True
            if name is not None:
                said.fields[name] = value
        else:
            state.setdefault(key, _Logged()).exists = False
    return state


def _parsed(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _link_lists(connection: Connection, table: Table, owner_column: str) -> dict[int, list[int]]:
    lists: dict[int, list[int]] = defaultdict(list)
    query = select(table.c[owner_column], table.c.organisation_id).order_by(table.c[owner_column], table.c.position)
    for owner, organisation in connection.execute(query):
        lists[owner].append(organisation)
    return lists


def _same(actual: Any, expected: Any) -> bool:
    if actual == expected:
        return True
    # A value the program held as text but the column stores as a number (or the reverse).
    scalar = (int, float, str)
    return isinstance(actual, scalar) and isinstance(expected, scalar) and str(actual) == str(expected)


def _foreign_keys(table: Table, column: str) -> Iterator[tuple[str, str]]:
    """(referenced table, ON DELETE action) of the foreign keys on ``column``."""
    for key in table.c[column].foreign_keys:
        yield key.column.table.name, (key.ondelete or "").upper()


def _set_null_by_the_database(
    table: Table, column: str, actual: Any, expected: Any, ids: dict[str, set[int]]
) -> bool:
    """``ON DELETE SET NULL`` emptied the column when the row it pointed at went."""
    if actual is not None or not isinstance(expected, int) or column not in table.c:
        return False
    return any(
        action == "SET NULL" and referenced in ids and expected not in ids[referenced]
        for referenced, action in _foreign_keys(table, column)
    )


def _deleted_with_a_parent(table: Table, said: _Logged, ids: dict[str, set[int]]) -> bool:
    """``ON DELETE CASCADE`` took the row with a row it belonged to, which is gone too."""
    for name, value in said.fields.items():
        if name not in table.c or not isinstance(value, int):
            continue
        for referenced, action in _foreign_keys(table, name):
            if action == "CASCADE" and referenced in ids and value not in ids[referenced]:
                return True
    return False


class _Where:
    """The row in words: what it is, what it is called (or what it belongs to), and its id.

    Only asked for a row with a problem; what a row belongs to is read then.
    """

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def __call__(self, table_name: str, row_id: int, values: RowMapping | Mapping[str, object]) -> str:
        word = TABLE_WORDS.get(table_name, table_name)
        if table_name == "signed_revisions":
            title = self._title(m.table_of(m.Agreement), values.get("agreement_id"))
            of = f" av «{_cut(title)}»" if title is not None else ""
            return f"{word} {values.get('revision', '')}{of} (id {row_id})"
        if table_name == "adopted_reports":
            title = self._title(m.table_of(m.Agreement), values.get("agreement_id"))
            of = f" av «{_cut(title)}»" if title is not None else ""
            version = values.get("report_version", "?")
            return f"{word} för {values.get('period', '?')} version {version}{of} (id {row_id})"
        if table_name == "follow_ups":
            title = self._title(m.table_of(m.Measure), values.get("measure_id"))
            of = f" av åtgärden «{_cut(title)}»" if title is not None else ""
            return f"{word} för {values.get('period', '?')}{of} (id {row_id})"
        personal = PERSONAL_FIELDS.get(table_name, set())
        for column in _LABEL_COLUMNS:
            value = values.get(column)
            if isinstance(value, str) and value and column not in personal and value != REDACTED:
                return f"{word} «{_cut(value)}» (id {row_id})"
        return f"{word} med id {row_id}"

    def _title(self, table: Table, row_id: Any) -> str | None:
        if not isinstance(row_id, int):
            return None
        title = self.connection.execute(select(table.c.title).where(table.c.id == row_id)).scalar()
        return title if isinstance(title, str) else None


def _field_word(name: str) -> str:
    words = {**FIELD_WORDS, "state": "Status", "revision": "Revision", "signing_place": "Ort för undertecknande",
             "signing_date": "Datum för undertecknande", "content": "Innehållet",
             "content_sha256": "Innehållets kontrollsumma", "pdf_sha256": "PDF:ens kontrollsumma",
             "sha256": "Kontrollsumman", "data": "Filens innehåll", "responsible_id": "Ansvarig",
             "participant_ids": "Deltar", "maker_ids": "Vem lovar", "comment": "Kommentar",
             "status": "Status", "light": "Trafikljus", "count_achieved": "Antal", "size": "Storlek",
             "file_name": "Filnamn", "period": "Period", "position": "Ordning", "logo_png": "Logotyp",
             "contact_id": "Kontaktperson", "focus_area_id": "Fokusområde", "value": "Värde",
             "adopted_by": "Fastställd av", "adopted_on": "Datum för fastställandet", "paragraph": "Paragraf",
             "case_number": "Diarienummer", "report_date": "Rapportdatum", "report_version": "Version",
             "pdf": "PDF:en", "options": "Rapportens val"}
    return f"fältet «{words.get(name, name)}»"


def _shown(value: Any) -> str:
    if isinstance(value, dict) and "sha256" in value:
        return f"innehåll med SHA-256 {str(value['sha256'])[:12]}…"
    if value is None:
        return "tomt"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return f"«{_cut(text)}»"


def _cut(text: str) -> str:
    return shorten(" ".join(text.split()), _QUOTE)  # the one quoting helper (domain/validation)
