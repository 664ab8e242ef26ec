"""tracker: check which tasks of a rule-of-law plan the year-end reports show as carried out."""

__version__ = "0.1.0"
