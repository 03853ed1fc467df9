"""A diary line's own nutrients, as an app's export gave them (issue 14): Cronometer,
MyFitnessPal and OpenNutriTracker carry nutrients per line; they are kept with the line, with
the export's name and whether the person chose to count them instead of a USDA match.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("diary_entries") as table:
        table.add_column(sa.Column("given", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("diary_entries") as table:
        table.drop_column("given")
