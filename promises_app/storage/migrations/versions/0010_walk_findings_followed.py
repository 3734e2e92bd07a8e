"""Safety-walk findings followed to the end: place, owner, status, date dealt with, coordinates.

``walk_findings`` gains its place (text), the organisation that owns it (``owner_id``, a register
organisation or none), a status (``open``, ``done`` = åtgärdad, ``declined`` = avböjd), the reason
a finding was declined, the date it was dealt with, and optional WGS84 latitude and longitude.
Every finding made before is open, with no date, no owner and no coordinates: what it said is
kept as it was. CHECK constraints keep raw SQL from storing what the services refuse: a status
nobody knows, coordinates out of range or only one of the two, a date on an open finding or none
on a closed one, a declined finding without its reason. SQLite adds CHECK constraints only by
building the table anew, so it is rebuilt in batch mode with the same rows (no row changes:
the change log has nothing to record; no triggers live on this table).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None
#: PRAGMA user_version after this migration; the header check compares against it.
schema_version = 10
#: PRAGMA user_version of the schema this one is built on (what a downgrade goes back to).
previous_schema_version = 9

STATUSES = ('open', 'dealt_with', 'declined')
CHECKS = {
    'finding_status': "status IN ('open', 'dealt_with', 'declined')",
    'latitude_range': 'latitude IS NULL OR (latitude >= -90 AND latitude <= 90)',
    'longitude_range': 'longitude IS NULL OR (longitude >= -180 AND longitude <= 180)',
    'coordinates_paired': '(latitude IS NULL) = (longitude IS NULL)',
    'dealt_on_when_closed': "(status = 'open') = (dealt_on IS NULL)",
    'declined_has_reason': "status <> 'declined' OR trim(reason) <> ''",
}


def _walk_findings() -> sa.Table:
    """The walk_findings table as 0005 made it."""
    metadata = sa.MetaData()
    return sa.Table(
        'walk_findings', metadata,
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('walk_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('measure_id', sa.Integer(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['measure_id'], ['measures.id'], name='fk_walk_findings_measure_id_measures',
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['walk_id'], ['safety_walks.id'], name='fk_walk_findings_walk_id_safety_walks',
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name='pk_walk_findings'),
        sa.Index('ix_walk_findings_measure_id', 'measure_id'),
        sa.Index('ix_walk_findings_walk_id', 'walk_id'),
    )


def upgrade() -> None:
    with op.batch_alter_table('walk_findings', copy_from=_walk_findings(), recreate='always') as batch_op:
        batch_op.add_column(sa.Column('place', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('owner_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('status', sa.String(length=40), server_default='open', nullable=False))
        batch_op.add_column(sa.Column('reason', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('dealt_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('latitude', sa.REAL(), nullable=True))
        batch_op.add_column(sa.Column('longitude', sa.REAL(), nullable=True))
        batch_op.create_foreign_key(
            'fk_walk_findings_owner_id_organisations', 'organisations', ['owner_id'], ['id'], ondelete='RESTRICT'
        )
        batch_op.create_index('ix_walk_findings_owner_id', ['owner_id'], unique=False)
        for name, condition in CHECKS.items():
            batch_op.create_check_constraint(op.f(f'ck_walk_findings_{name}'), condition)
    op.execute(f"PRAGMA user_version = {schema_version}")


def downgrade() -> None:
    with op.batch_alter_table('walk_findings', recreate='always') as batch_op:
        for name in CHECKS:
            batch_op.drop_constraint(op.f(f'ck_walk_findings_{name}'), type_='check')
        batch_op.drop_index('ix_walk_findings_owner_id')
        batch_op.drop_constraint('fk_walk_findings_owner_id_organisations', type_='foreignkey')
        for column in ('longitude', 'latitude', 'dealt_on', 'reason', 'status', 'owner_id', 'place'):
            batch_op.drop_column(column)
    op.execute(f"PRAGMA user_version = {previous_schema_version}")
