"""The web app's pages: server-rendered templates over the same core workflows as /api.

home       /                           the people; /people/{id}/ one person, what next
screening  /people/{id}/screen          the screening questions, step by step; results
diary      /people/{id}/diary           days, type-ahead food search, free-text lines
analysis   /people/{id}/analysis        usual intake against targets (SVG chart, table)
labs       /people/{id}/labs            lab values in any unit, status, history chart
plan       /people/{id}/plan            the plan's filters; the plan, cautions first
journal    /people/{id}/night, /journal the episode journal: the night page, factors, trends,
                                        triggers, the N-of-1 experiment (journal.py), the
                                        report, export and delete-all (journal_results.py)
"""

from __future__ import annotations

from fastapi import APIRouter

from twitchcheck.web.pages import (
    analysis,
    diary,
    home,
    journal,
    journal_results,
    labs,
    plan,
    screening,
)

router = APIRouter(include_in_schema=False)
router.include_router(home.router)
router.include_router(screening.router)
router.include_router(diary.router)
router.include_router(analysis.router)
router.include_router(labs.router)
router.include_router(plan.router)
router.include_router(journal.router)
router.include_router(journal_results.router)
