"""The journal: night episodes and daily factors, trends and their associations (issue 15)."""
