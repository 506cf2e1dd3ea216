"""Logging filters of the standalone site."""

import logging
import threading
import time


class ClientMistake(logging.Filter):
    """A request the client got wrong (an unknown Host header): one WARNING line, no traceback.

    Django logs DisallowedHost at ERROR with the whole traceback; on a public server that is a
    scanner's noise, not a fault of ours."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


class OncePerOutage(logging.Filter):
    """A service the site can do without is down (Redis): one WARNING line, no traceback, then
    silence for `quiet_seconds` per logger and process, however many requests go on without it.

    django-redis logs every ignored error with its traceback; the site answers uncached meanwhile,
    which is worth one line, not one per request."""

    def __init__(self, quiet_seconds: float = 300.0):
        super().__init__()
        self.quiet_seconds = quiet_seconds
        self.last: dict[str, float] = {}
        self.lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        with self.lock:
            if now - self.last.get(record.name, -self.quiet_seconds) < self.quiet_seconds:
                return False
            self.last[record.name] = now
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            cause = error.__cause__ or error
            record.msg = "cache unreachable (Redis), answering without it: %s"
            record.args = (str(cause)[:200],)
        record.exc_info = None
        record.exc_text = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True
