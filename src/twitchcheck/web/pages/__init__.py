"""The web app's pages: server-rendered templates over the same core workflows as /api.

home       /                           the people; /people/{id}/ one person, what next
screening  /people/{id}/screen          the screening questions, step by step; results
diary      /people/{id}/diary           days, type-ahead food search, free-text lines
analysis   /people/{id}/analysis        usual intake against targets (SVG chart, table)
labs       /people/{id}/labs            lab values in any unit, status, history chart
plan       /people/{id}/plan            the plan's filters; the plan, cautions first
"""

from __future__ import annotations

from fastapi import APIRouter

from twitchcheck.web.pages import analysis, diary, home, labs, plan, screening

router = APIRouter(include_in_schema=False)
router.include_router(home.router)
router.include_router(screening.router)
router.include_router(diary.router)
router.include_router(analysis.router)
router.include_router(labs.router)
router.include_router(plan.router)
