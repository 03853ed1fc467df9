"""The first schema: profiles and everything a person saves.

store_meta's row (application = twitchcheck) is how restore recognises one of our stores.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("age_years", sa.Float(), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("sex", sa.String(length=40), nullable=True),
        sa.Column("pregnant", sa.Boolean(), nullable=False),
        sa.Column("lactating", sa.Boolean(), nullable=False),
        sa.Column("weight_kg", sa.Float(), nullable=True),
        sa.Column("height_cm", sa.Float(), nullable=True),
        sa.Column("region", sa.String(length=40), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profiles")),
        sa.UniqueConstraint("name", name=op.f("uq_profiles_name")),
    )
    meta = op.create_table(
        "store_meta",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_store_meta")),
    )
    op.bulk_insert(meta, [{"key": "application", "value": "twitchcheck"}])
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("wording", sa.String(length=200), nullable=False),
        sa.Column("food_id", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_corrections_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrections")),
        sa.UniqueConstraint("profile_id", "wording", name=op.f("uq_corrections_profile_id")),
    )
    op.create_index(op.f("ix_corrections_profile_id"), "corrections", ["profile_id"])

    op.create_table(
        "diary_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_diary_days_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diary_days")),
        sa.UniqueConstraint("profile_id", "day", name=op.f("uq_diary_days_profile_id")),
    )
    op.create_index(op.f("ix_diary_days_profile_id"), "diary_days", ["profile_id"])

    op.create_table(
        "lab_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("analyte", sa.String(length=200), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("range_low", sa.Float(), nullable=True),
        sa.Column("range_high", sa.Float(), nullable=True),
        sa.Column("range_text", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_lab_results_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lab_results")),
    )
    op.create_index(op.f("ix_lab_results_profile_id"), "lab_results", ["profile_id"])

    op.create_table(
        "own_foods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_own_foods_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_own_foods")),
        sa.UniqueConstraint("profile_id", "key", name=op.f("uq_own_foods_profile_id")),
    )
    op.create_index(op.f("ix_own_foods_profile_id"), "own_foods", ["profile_id"])

    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("request", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_plans_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
    )
    op.create_index(op.f("ix_plans_profile_id"), "plans", ["profile_id"])

    op.create_table(
        "screenings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_screenings_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screenings")),
    )
    op.create_index(op.f("ix_screenings_profile_id"), "screenings", ["profile_id"])

    op.create_table(
        "supplements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("stopped_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_supplements_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplements")),
    )
    op.create_index(op.f("ix_supplements_profile_id"), "supplements", ["profile_id"])

    op.create_table(
        "diary_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("time", sa.Time(), nullable=True),
        sa.Column("meal", sa.String(length=40), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("food_id", sa.String(length=200), nullable=True),
        sa.Column("grams", sa.Float(), nullable=True),
        sa.Column("how", sa.String(length=200), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["day_id"],
            ["diary_days.id"],
            name=op.f("fk_diary_entries_day_id_diary_days"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diary_entries")),
    )
    op.create_index(op.f("ix_diary_entries_day_id"), "diary_entries", ["day_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_diary_entries_day_id"), table_name="diary_entries")
    op.drop_table("diary_entries")
    op.drop_index(op.f("ix_supplements_profile_id"), table_name="supplements")
    op.drop_table("supplements")
    op.drop_index(op.f("ix_screenings_profile_id"), table_name="screenings")
    op.drop_table("screenings")
    op.drop_index(op.f("ix_plans_profile_id"), table_name="plans")
    op.drop_table("plans")
    op.drop_index(op.f("ix_own_foods_profile_id"), table_name="own_foods")
    op.drop_table("own_foods")
    op.drop_index(op.f("ix_lab_results_profile_id"), table_name="lab_results")
    op.drop_table("lab_results")
    op.drop_index(op.f("ix_diary_days_profile_id"), table_name="diary_days")
    op.drop_table("diary_days")
    op.drop_index(op.f("ix_corrections_profile_id"), table_name="corrections")
    op.drop_table("corrections")
    op.drop_table("store_meta")
    op.drop_table("profiles")
