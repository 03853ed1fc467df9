"""The journal (issue 15): episodes, days with their factors and quiet-night check-ins, and
N-of-1 experiments; each row owned by a profile and gone with it.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _owner(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["profile_id"],
        ["profiles.id"],
        name=op.f(f"fk_{table}_profile_id_profiles"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "journal_episodes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("places", sa.JSON(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("duration_min", sa.Float(), nullable=True),
        sa.Column("severity", sa.Integer(), nullable=True),
        sa.Column("sleep_disruption", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _owner("journal_episodes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_episodes")),
    )
    op.create_index(op.f("ix_journal_episodes_profile_id"), "journal_episodes", ["profile_id"])
    op.create_index(op.f("ix_journal_episodes_start"), "journal_episodes", ["start"])
    op.create_table(
        "journal_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("quiet_night", sa.Boolean(), nullable=False),
        sa.Column("factors", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _owner("journal_days"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_days")),
        sa.UniqueConstraint("profile_id", "day", name=op.f("uq_journal_days_profile_id")),
    )
    op.create_index(op.f("ix_journal_days_profile_id"), "journal_days", ["profile_id"])
    op.create_table(
        "journal_experiments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("change", sa.String(length=200), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("weeks", sa.Integer(), nullable=False),
        sa.Column("schedule", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _owner("journal_experiments"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_experiments")),
    )
    op.create_index(
        op.f("ix_journal_experiments_profile_id"), "journal_experiments", ["profile_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_journal_experiments_profile_id"), table_name="journal_experiments")
    op.drop_table("journal_experiments")
    op.drop_index(op.f("ix_journal_days_profile_id"), table_name="journal_days")
    op.drop_table("journal_days")
    op.drop_index(op.f("ix_journal_episodes_start"), table_name="journal_episodes")
    op.drop_index(op.f("ix_journal_episodes_profile_id"), table_name="journal_episodes")
    op.drop_table("journal_episodes")
