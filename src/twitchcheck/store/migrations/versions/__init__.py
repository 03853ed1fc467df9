"""The store's revisions, oldest first."""
