"""The tracking model: load and check targets.yaml, and compute progress, gap, pace and status.

    import tracker
    book = tracker.load("targets.yaml", today="2026-06-30")   # never raises; book.errors, book.warnings
    table = tracker.status(book, today="2026-06-30")          # one row per target, status in tracker.STATUSES,
                                                              # judged as of its latest data (as_of)
    tracker.format_value(6000, "亿元")        # '6000亿元'
"""
from .loader import Book, Problem, load
from .progress import STATUSES, assess, status, trajectory
from .units import format_base, format_value

__all__ = ["load", "Book", "Problem", "status", "assess", "trajectory", "STATUSES", "format_value", "format_base"]
