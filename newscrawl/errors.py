"""Errors the CLI turns into one readable line and an exit code."""


class NewscrawlError(Exception):
    """Something went wrong that the user can act on; exit code 1."""

    exit_code = 1


class UsageError(NewscrawlError):
    """Bad arguments or configuration; exit code 2."""

    exit_code = 2


class LockHeld(NewscrawlError):
    """Another crawl holds the lock; exit code 75 (EX_TEMPFAIL), so cron retries later."""

    exit_code = 75
