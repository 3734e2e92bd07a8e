"""Trust anchors: the database's own id, the change log's head and coverage, the log head
frozen with each signed revision, the plan of a signed agreement locked in SQL too, and no
owner listed as also taking part in its own measure.

- ``database_identity``: one row with a random id, made now; backups keep it, so restoring a
  backup of another database can be refused, and every PDF names the database it came from.
- ``change_log_head``: the log's last entry (count and hash), kept by a trigger on every
  insert into ``change_log``; a log whose last entries were deleted no longer ends there.
- ``change_log_coverage``: per table, the highest id of a row that has no "insert" entry in
  the log (rows from before the log existed); newer rows without one were added behind the
  program's back.
- ``signed_revisions.log_entries``/``log_head``: the log's head when a revision was frozen,
  printed in its PDF (new revisions only; older ones print as they did).
- Triggers refuse inserts, updates and deletes of the plan of a signed or closed agreement
  (the agreement's own fields, goals, parties, signatories, focus areas, promises and their
  makers, measures and their participants), as ``storage/signed_guard.py`` does in the ORM.
  A new revision (back to draft, with a higher revision number) and signed ↔ closed stay
  possible, and so do a measure's contact person and its link to last year's measure.
- Measures of draft agreements that listed their owner among the parties taking part lose
  that entry, each change logged; signed revisions keep the text they were signed with.
- What older versions left out of the log is logged now, as found at this upgrade: rows
  deleted as orphans (an agreement's replaced goals, a promise's measures) and logos removed
  without being read. Without it ``verify-db`` would take them for edits made outside the
  program. Signed revisions and their copies are never caught up: one missing is named.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 08:10:00
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from promises_app.storage.changelog import GENESIS, Change, append

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None
#: PRAGMA user_version after this migration; the header check compares against it.
schema_version = 6

LOCKED = "('signed', 'closed')"
PLAN_MESSAGE = "the plan of a signed or closed agreement cannot change: start a new revision"

#: Tables whose rows the change log records (every ORM-mapped table of this schema but the log).
LOGGED_TABLES = (
    'organisations', 'people', 'agreements', 'goals', 'parties', 'signatories', 'focus_areas',
    'promises', 'measures', 'occurrences', 'follow_ups', 'signed_revisions', 'signed_copies',
    'indicator_definitions', 'indicator_values', 'agreement_indicators', 'situation_sources',
    'safety_walks', 'walk_findings',
)

#: Plan tables → the SQL giving the id of the agreement a row ({r} is NEW or OLD) belongs to.
AGREEMENT_OF = {
    'goals': '{r}.agreement_id',
    'parties': '{r}.agreement_id',
    'focus_areas': '{r}.agreement_id',
    'promises': '{r}.agreement_id',
    'signatories': '(SELECT agreement_id FROM parties WHERE id = {r}.party_id)',
    'promise_makers': '(SELECT agreement_id FROM promises WHERE id = {r}.promise_id)',
    'measures': '(SELECT agreement_id FROM promises WHERE id = {r}.promise_id)',
    'measure_participants': (
        '(SELECT p.agreement_id FROM measures x JOIN promises p ON p.id = x.promise_id '
        'WHERE x.id = {r}.measure_id)'
    ),
}

#: A measure's columns that are in the signed document (contact person, last year's link and
#: the version counter are not, and stay editable after signing).
MEASURE_DOCUMENT_COLUMNS = (
    'id', 'promise_id', 'position', 'title', 'description', 'cause', 'responsible_id',
    'focus_area_id', 'start_date', 'deadline', 'target_count', 'target_unit',
)
#: An agreement's columns that no state change may touch while it is signed or closed.
AGREEMENT_DOCUMENT_COLUMNS = (
    'id', 'kind', 'parent_id', 'title', 'municipality', 'police_area', 'start_date', 'end_date',
    'reporting_scheme', 'case_number', 'introduction', 'situation', 'intended_effects',
    'follow_up_text',
)


def upgrade() -> None:
    connection = op.get_bind()
    now = datetime.now(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')

    op.create_table('database_identity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('database_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_database_identity_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_database_identity'))
    )
    op.create_table('change_log_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entries', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_change_log_head_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_log_head'))
    )
    op.create_table('change_log_coverage',
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('unlogged_up_to', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('table_name', name=op.f('pk_change_log_coverage'))
    )
    op.add_column('signed_revisions', sa.Column('log_entries', sa.Integer(), nullable=True))
    op.add_column('signed_revisions', sa.Column('log_head', sa.String(length=64), nullable=True))

    connection.execute(
        sa.text("INSERT INTO database_identity (id, database_id, created_at) VALUES (1, :id, :at)"),
        {"id": str(uuid.uuid4()), "at": now},
    )
    for action in ('UPDATE', 'DELETE'):
        op.execute(
            f"CREATE TRIGGER database_identity_no_{action.lower()} BEFORE {action} ON database_identity "
            "BEGIN SELECT RAISE(ABORT, 'the database id never changes'); END"
        )

    _log_what_older_versions_left_out(connection)
    _without_owner_as_participant(connection)

    # The head starts where the log ends now, and follows every entry appended from here on.
    last = connection.execute(sa.text("SELECT id, hash FROM change_log ORDER BY id DESC LIMIT 1")).first()
    connection.execute(
        sa.text("INSERT INTO change_log_head (id, entries, hash) VALUES (1, :entries, :hash)"),
        {"entries": last[0] if last else 0, "hash": last[1] if last else GENESIS},
    )
    op.execute(
        "CREATE TRIGGER change_log_head_follows AFTER INSERT ON change_log "
        "BEGIN UPDATE change_log_head SET entries = NEW.id, hash = NEW.hash WHERE id = 1; END"
    )

    for table in LOGGED_TABLES:
        # Only rows with no logged insert may lack one; signed revisions and their copies came
        # after the log (schema 4), so none of theirs may.
        unlogged = 0 if table in ('signed_revisions', 'signed_copies') else connection.execute(sa.text(
            f"SELECT coalesce(max(id), 0) FROM {table} WHERE id NOT IN "
            "(SELECT entity_id FROM change_log WHERE entity = :table AND action = 'insert')"
        ), {"table": table}).scalar_one()
        connection.execute(
            sa.text("INSERT INTO change_log_coverage (table_name, unlogged_up_to) VALUES (:table, :up_to)"),
            {"table": table, "up_to": unlogged},
        )

    for sql in plan_triggers():
        op.execute(sql)
    op.execute(f"PRAGMA user_version = {schema_version}")


def plan_triggers() -> list[str]:
    """CREATE TRIGGER statements locking the plan of a signed or closed agreement."""
    def locked(table: str, row: str) -> str:
        return f"(SELECT state FROM agreements WHERE id = {AGREEMENT_OF[table].format(r=row)}) IN {LOCKED}"

    def changed(columns: tuple[str, ...]) -> str:
        return " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)

    raise_ = f"BEGIN SELECT RAISE(ABORT, '{PLAN_MESSAGE}'); END"
    statements = []
    for table in AGREEMENT_OF:
        statements.append(
            f"CREATE TRIGGER {table}_signed_no_insert BEFORE INSERT ON {table} "
            f"WHEN {locked(table, 'NEW')} {raise_}"
        )
        when_update = f"({locked(table, 'OLD')} OR {locked(table, 'NEW')})"
        if table == 'measures':
            when_update += f" AND ({changed(MEASURE_DOCUMENT_COLUMNS)})"
        statements.append(
            f"CREATE TRIGGER {table}_signed_no_update BEFORE UPDATE ON {table} WHEN {when_update} {raise_}"
        )
        statements.append(
            f"CREATE TRIGGER {table}_signed_no_delete BEFORE DELETE ON {table} "
            f"WHEN {locked(table, 'OLD')} {raise_}"
        )
    statements.append(
        "CREATE TRIGGER agreements_signed_no_update BEFORE UPDATE ON agreements "
        f"WHEN OLD.state IN {LOCKED} AND ({changed(AGREEMENT_DOCUMENT_COLUMNS)}"
        # signed ↔ closed changes nothing else; back to draft is a new, higher revision
        f" OR (NEW.state IN {LOCKED} AND (NEW.revision IS NOT OLD.revision"
        " OR NEW.signing_place IS NOT OLD.signing_place OR NEW.signing_date IS NOT OLD.signing_date))"
        f" OR (NEW.state NOT IN {LOCKED} AND NEW.revision <= OLD.revision)) {raise_}"
    )
    statements.append(
        f"CREATE TRIGGER agreements_signed_no_delete BEFORE DELETE ON agreements WHEN OLD.state IN {LOCKED} "
        "BEGIN SELECT RAISE(ABORT, 'a signed or closed agreement cannot be deleted'); END"
    )
    return statements


def _log_what_older_versions_left_out(connection: sa.Connection) -> None:
    """Log the deletes and logo removals that schema 5 and older did not log (see the module)."""
    said: dict[tuple[str, int], tuple[bool, dict[str, object]]] = {}
    for action, entity, entity_id, field, new in connection.execute(sa.text(
        "SELECT action, entity, entity_id, field, new FROM change_log ORDER BY id"
    )):
        exists, fields = said.get((entity, entity_id), (True, {}))
        if action == "insert":
            values = json.loads(new) if new else {}
            exists, fields = True, dict(values) if isinstance(values, dict) else {}
        elif action == "update":
            exists = True
            if field is not None:
                fields[field] = json.loads(new) if new is not None else None
        else:
            exists = False
        said[(entity, entity_id)] = (exists, fields)
    changes = []
    for (entity, entity_id), (exists, fields) in sorted(said.items()):
        if not exists or entity not in LOGGED_TABLES or entity in ('signed_revisions', 'signed_copies'):
            continue
        if connection.execute(sa.text(f"SELECT 1 FROM {entity} WHERE id = :id"), {"id": entity_id}).first() is None:
            changes.append(Change("delete", entity, entity_id, None, fields, None))
    for organisation_id, logo in connection.execute(sa.text("SELECT id, logo_png FROM organisations ORDER BY id")):
        exists, fields = said.get(("organisations", organisation_id), (True, {}))
        if exists and fields.get("logo_png") is not None and logo is None:  # removed, never logged
            changes.append(Change("update", "organisations", organisation_id, "logo_png", None, None))
    if changes:
        append(connection, changes)


def _without_owner_as_participant(connection: sa.Connection) -> None:
    """Drop the owner from the parties taking part in its own measure (drafts only), logged."""
    measures = connection.execute(sa.text(
        "SELECT DISTINCT x.id FROM measures x "
        "JOIN measure_participants mp ON mp.measure_id = x.id AND mp.organisation_id = x.responsible_id "
        "JOIN promises p ON p.id = x.promise_id JOIN agreements a ON a.id = p.agreement_id "
        "WHERE a.state = 'draft' ORDER BY x.id"
    )).scalars().all()
    for measure_id in measures:
        before = list(connection.execute(sa.text(
            "SELECT organisation_id FROM measure_participants WHERE measure_id = :id ORDER BY position"
        ), {"id": measure_id}).scalars())
        connection.execute(sa.text(
            "DELETE FROM measure_participants WHERE measure_id = :id "
            "AND organisation_id = (SELECT responsible_id FROM measures WHERE id = :id)"
        ), {"id": measure_id})
        after = list(connection.execute(sa.text(
            "SELECT organisation_id FROM measure_participants WHERE measure_id = :id ORDER BY position"
        ), {"id": measure_id}).scalars())
        append(connection, [Change("update", "measures", measure_id, "participant_ids", before, after)])


def downgrade() -> None:
    for sql in plan_triggers():
        op.execute("DROP TRIGGER IF EXISTS " + sql.split()[2])
    op.execute("DROP TRIGGER IF EXISTS change_log_head_follows")
    for action in ('update', 'delete'):
        op.execute(f"DROP TRIGGER IF EXISTS database_identity_no_{action}")
    with op.batch_alter_table('signed_revisions', schema=None) as batch_op:
        batch_op.drop_column('log_head')
        batch_op.drop_column('log_entries')
    op.drop_table('change_log_coverage')
    op.drop_table('change_log_head')
    op.drop_table('database_identity')
