from .events import EventPage
from .history import HistoryEntry, HistoryPage
from .home import HomePage
from .indexes import EventIndexPage, ProjectIndexPage, SalonIndexPage
from .meeting_rules import MeetingRule
from .projects import ProjectPage
from .salons import SalonPage
from .search import SearchEntry

__all__ = [
    "EventIndexPage",
    "EventPage",
    "HistoryEntry",
    "HistoryPage",
    "HomePage",
    "MeetingRule",
    "ProjectIndexPage",
    "ProjectPage",
    "SalonIndexPage",
    "SalonPage",
    "SearchEntry",
]
