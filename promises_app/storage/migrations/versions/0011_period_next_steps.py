"""A period's "Nästa steg" kept with its follow-up: ``period_follow_ups``.

The text under "Nästa steg" in a follow-up report was typed anew for every report. It is now
stored per agreement and period, so the next report of the period (in the window or on the
command line) prints it too. One row per (agreement, period); the text may be empty. The change
log covers the table from its first row (``change_log_coverage``, 0006).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None
#: PRAGMA user_version after this migration; the header check compares against it.
schema_version = 11
#: PRAGMA user_version of the schema this one is built on (what a downgrade goes back to).
previous_schema_version = 10


def upgrade() -> None:
    op.create_table('period_follow_ups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=40), nullable=False),
    sa.Column('next_steps', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'],
                            name=op.f('fk_period_follow_ups_agreement_id_agreements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_period_follow_ups')),
    sa.UniqueConstraint('agreement_id', 'period', name='uq_period_follow_ups_agreement_period')
    )
    with op.batch_alter_table('period_follow_ups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_period_follow_ups_agreement_id'), ['agreement_id'], unique=False)
    # Every row of the new table is logged from the first: none may lack its "insert" entry.
    op.execute("INSERT INTO change_log_coverage (table_name, unlogged_up_to) VALUES ('period_follow_ups', 0)")
    op.execute(f"PRAGMA user_version = {schema_version}")


def downgrade() -> None:
    op.execute("DELETE FROM change_log_coverage WHERE table_name = 'period_follow_ups'")
    with op.batch_alter_table('period_follow_ups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_period_follow_ups_agreement_id'))
    op.drop_table('period_follow_ups')
    op.execute(f"PRAGMA user_version = {previous_schema_version}")
