"""A promise's text kept as written, and two more kinds of organisation.

- ``promises.as_written``: the promise's text is printed as its makers wrote it ("synlig närvaro
  vid stationen på helgkvällar"), under a heading that only groups ("Polisen lovar"). Every
  promise made before keeps its meaning: false, its text continues "… lovar att" as it always
  did (domain/who_promises.py).
- ``organisations.kind`` also allows ``municipal_company`` (kommunalt bolag) and
  ``state_agency`` (statlig myndighet; Tullverket was "annan" before). SQLite cannot change a
  CHECK constraint in place, so the table is built anew in batch mode with the same rows
  (storage/database.py runs migrations with foreign keys off and checks them all before it
  commits). No row changes, so the change log has nothing to record.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-09 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None
#: PRAGMA user_version after this migration; the header check compares against it.
schema_version = 8

OLD_KINDS = ('municipality', 'police', 'housing_company', 'property_owners', 'other')
NEW_KINDS = (
    'municipality', 'municipal_company', 'police', 'state_agency', 'housing_company', 'property_owners', 'other',
)


def _organisations(kinds: tuple[str, ...]) -> sa.Table:
    """The organisations table as it stands since 0002, with ``kinds`` in its CHECK constraint."""
    metadata = sa.MetaData(naming_convention={"ck": "ck_%(table_name)s_%(constraint_name)s"})
    return sa.Table(
        'organisations', metadata,
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.Enum(*kinds, name='organisation_kind', native_enum=False, create_constraint=True,
                                  length=40), nullable=False),
        sa.Column('short_name', sa.String(length=60), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('logo_png', sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_organisations'),
        sa.UniqueConstraint('name', 'kind', name='uq_organisations_name_kind'),
    )


def upgrade() -> None:
    # A column added with its default: the plan triggers of 0006 (which refuse updates of a signed
    # agreement's promises) do not fire, and every promise keeps its meaning.
    op.add_column('promises', sa.Column('as_written', sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table('organisations', copy_from=_organisations(OLD_KINDS), recreate='always') as batch_op:
        batch_op.alter_column(
            'kind',
            existing_type=sa.Enum(*OLD_KINDS, name='organisation_kind', native_enum=False, create_constraint=True,
                                  length=40),
            type_=sa.Enum(*NEW_KINDS, name='organisation_kind', native_enum=False, create_constraint=True,
                          length=40),
            existing_nullable=False,
        )
    op.execute(f"PRAGMA user_version = {schema_version}")


def downgrade() -> None:
    with op.batch_alter_table('organisations', copy_from=_organisations(NEW_KINDS), recreate='always') as batch_op:
        batch_op.alter_column(
            'kind',
            existing_type=sa.Enum(*NEW_KINDS, name='organisation_kind', native_enum=False, create_constraint=True,
                                  length=40),
            type_=sa.Enum(*OLD_KINDS, name='organisation_kind', native_enum=False, create_constraint=True,
                          length=40),
            existing_nullable=False,
        )
    with op.batch_alter_table('promises', schema=None) as batch_op:
        batch_op.drop_column('as_written')
    op.execute("PRAGMA user_version = 7")
