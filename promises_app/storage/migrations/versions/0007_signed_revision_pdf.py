"""The signed agreement's PDF kept with its revision.

``signed_revisions.pdf``: the bytes of the agreement PDF rendered when the revision was signed
(its SHA-256 and size were kept already, in ``pdf_sha256`` and ``pdf_size``). Printing a signed
revision gives these bytes back instead of rendering it again, so a later version of the
program, with another document engine or layout, can never change what was signed. Revisions
signed before this version have none: they are rendered as before.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 14:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None
#: PRAGMA user_version after this migration; the header check compares against it.
schema_version = 7


def upgrade() -> None:
    # A column added, no row changed: the triggers that refuse updates of signed revisions (0004)
    # do not fire, and the change log has nothing to record.
    op.add_column('signed_revisions', sa.Column('pdf', sa.LargeBinary(), nullable=True))
    op.execute(f"PRAGMA user_version = {schema_version}")


def downgrade() -> None:
    op.drop_column('signed_revisions', 'pdf')
    op.execute("PRAGMA user_version = 6")
