"""A period's follow-up adopted and kept: ``adopted_reports``.

When a council or the municipal board adopts (fastställer) a period's follow-up report, the
program keeps version N of it: who adopted it, the date, the protocol's paragraph and the case
number, the report's content as canonical JSON with its SHA-256, the choices it was made with,
and the PDF/A made then (bytes, SHA-256, size). A later correction is adopted as version N+1
beside it. Rows are written once: triggers refuse UPDATE and DELETE, as for signed revisions
(0004), and the change log covers the table from its first row (``change_log_coverage``, 0006).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None
#: PRAGMA user_version after this migration; the header check compares against it.
schema_version = 9
#: PRAGMA user_version of the schema this one is built on (what a downgrade goes back to).
previous_schema_version = 8

#: Tables whose rows, once written, stay as written (docs/reliability.md, P9).
IMMUTABLE = {'adopted_reports': 'an adopted follow-up report cannot be changed or deleted'}


def upgrade() -> None:
    op.create_table('adopted_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=40), nullable=False),
    sa.Column('report_version', sa.Integer(), nullable=False),
    sa.Column('adopted_by', sa.String(length=200), nullable=False),
    sa.Column('adopted_on', sa.Date(), nullable=False),
    sa.Column('paragraph', sa.String(length=40), nullable=False),
    sa.Column('case_number', sa.String(length=100), nullable=False),
    sa.Column('report_date', sa.Date(), nullable=False),
    sa.Column('options', sa.Text(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=False),
    sa.Column('pdf_size', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.String(length=32), nullable=False),
    sa.Column('recorded_by', sa.String(length=200), nullable=False),
    sa.Column('log_entries', sa.Integer(), nullable=False),
    sa.Column('log_head', sa.String(length=64), nullable=False),
    sa.CheckConstraint('report_version >= 1', name=op.f('ck_adopted_reports_version_positive')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_adopted_reports_agreement_id_agreements'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_adopted_reports')),
    sa.UniqueConstraint('agreement_id', 'period', 'report_version', name='uq_adopted_reports_agreement_period_version'),
    sa.UniqueConstraint('content_sha256', name=op.f('uq_adopted_reports_content_sha256'))
    )
    with op.batch_alter_table('adopted_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_adopted_reports_agreement_id'), ['agreement_id'], unique=False)

    # Immutable also against raw SQL: the ORM guard (storage/signed_guard.py) says why in Swedish.
    for table, message in IMMUTABLE.items():
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )
    # Every row of the new table is logged from the first: none may lack its "insert" entry.
    op.execute("INSERT INTO change_log_coverage (table_name, unlogged_up_to) VALUES ('adopted_reports', 0)")
    op.execute(f"PRAGMA user_version = {schema_version}")


def downgrade() -> None:
    op.execute("DELETE FROM change_log_coverage WHERE table_name = 'adopted_reports'")
    for table in IMMUTABLE:
        for action in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
    with op.batch_alter_table('adopted_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_adopted_reports_agreement_id'))
    op.drop_table('adopted_reports')
    op.execute(f"PRAGMA user_version = {previous_schema_version}")
