"""The store's Alembic environment and revisions (run through twitchcheck.store.migrate)."""
