"""tracker: check which tasks of a rule-of-law plan the year-end reports show as carried out."""

__version__ = "0.1.0"

from .frames import load_result  # noqa: E402  (results as DataFrames: tracker.load_result(path).to_frame())

__all__ = ["__version__", "load_result"]
