"""The window's views in the order of the navigation list, each with the function that builds it.

Ctrl+1, Ctrl+2, ... jump to them in this order. Each builder imports its view when it is called, the first
time the view is shown, so starting the app does not import every view (and the register layer behind them).
"""
from __future__ import annotations

from typing import Callable, NamedTuple

from PySide6.QtWidgets import QWidget


class View(NamedTuple):
    title: str   # in the sidebar and the View menu
    name: str    # the view's class: the sidebar's icon and count, the toolbar's steps
    make: Callable[..., QWidget]  # make(session, data): the view, given the window's one risk loader


def dashboard(session, data) -> QWidget:
    from ..dashboard.dashboard_view import DashboardView
    return DashboardView(session, data=data)


def risks(session, data) -> QWidget:
    from ..risks.risks_view import RisksView
    return RisksView(session, data=data)


def actions(session, _data) -> QWidget:
    from ..actions.actions_view import ActionsView
    return ActionsView(session)


def plan(session, _data) -> QWidget:
    from ..plan.plan_view import PlanView
    return PlanView(session)


def meetings(session, _data) -> QWidget:
    from ..meetings.meetings_view import MeetingsView
    return MeetingsView(session)


def owner_updates(session, _data) -> QWidget:
    from ..updates.updates_view import ReturnsView
    return ReturnsView(session)


def partners(session, _data) -> QWidget:
    from ..partners.partners_view import PartnersView
    return PartnersView(session)


def settings(session, _data) -> QWidget:
    from ..settings.settings_view import SettingsView
    return SettingsView(session)


def history(session, _data) -> QWidget:
    from ..history.history_view import HistoryView
    return HistoryView(session)


VIEWS = (View("Dashboard", "DashboardView", dashboard), View("Risks", "RisksView", risks),
         View("Actions", "ActionsView", actions), View("Plan", "PlanView", plan),
         View("Meetings", "MeetingsView", meetings), View("Owner updates", "ReturnsView", owner_updates),
         View("Partners & owners", "PartnersView", partners), View("Settings", "SettingsView", settings),
         View("History", "HistoryView", history))


def row_of(views, title: str) -> int:
    """Where the view called `title` sits in the navigation list."""
    return next(n for n, view in enumerate(views) if view.title == title)
