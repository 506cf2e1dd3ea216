"""Logging filters of the standalone site."""

import logging


class ClientMistake(logging.Filter):
    """A request the client got wrong (an unknown Host header): one WARNING line, no traceback.

    Django logs DisallowedHost at ERROR with the whole traceback; on a public server that is a
    scanner's noise, not a fault of ours."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True
