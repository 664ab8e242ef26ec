"""One family of errors whose messages are written for the office user, in Chinese."""


class TrackerError(Exception):
    """An error the user can act on; its message is shown as is and the run exits with code 2."""

    exit_code = 2


class InputError(TrackerError):
    """A file given to tracker cannot be read or does not hold what was expected."""


class OutputError(TrackerError):
    """A result could not be written where it was asked for."""
