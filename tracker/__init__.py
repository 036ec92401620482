"""The tracking model: load and check targets.yaml, and compute progress, gap, pace and status.

    import tracker
    book = tracker.load("targets.yaml")      # never raises; problems in book.problems
    table = tracker.status(book)             # one row per target, status in tracker.STATUSES
    tracker.format_value(6000, "亿元")        # '6000亿元'
"""
from .loader import Book, Problem, load
from .progress import STATUSES, assess, status, trajectory
from .units import format_base, format_value

__all__ = ["load", "Book", "Problem", "status", "assess", "trajectory", "STATUSES", "format_value", "format_base"]
