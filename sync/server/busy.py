"""A busy database (a lock held too long, no free connection) answered as 503 with Retry-After, never as 500."""

from __future__ import annotations

import logging
import random

from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

# How long a request waits for a lock before it is answered 503. The laptop's read timeout is 30 s
# (sync.client.SyncClient): a push that waited 10 s and then applies its batch is still answered well inside
# it, so the laptop hears "busy, come back later" instead of timing out while the server may yet apply the batch.
REQUEST_LOCK_TIMEOUT = 10.0  # seconds
# Retry-After in whole seconds (what HTTP allows), drawn at random: laptops refused together come back apart.
RETRY_AFTER_SECONDS = (3, 10)
BUSY_MESSAGE = "Máy chủ tỉnh đang bận; máy sẽ tự thử lại sau ít phút."

# SQLite's primary result codes SQLITE_BUSY and SQLITE_LOCKED (extended codes keep them in the low byte).
_SQLITE_BUSY_CODES = frozenset({5, 6})
# PostgreSQL SQLSTATEs that mean "try again later": lock_not_available (lock_timeout), serialization_failure,
# deadlock_detected, too_many_connections, cannot_connect_now (starting up or shutting down).
_POSTGRESQL_BUSY_STATES = frozenset({"55P03", "40001", "40P01", "53300", "57P03"})
_BUSY_WORDS = (
    "database is locked",
    "database is busy",
    "database table is locked",
    "too many clients",  # PostgreSQL's max_connections, refused before a session (and so a SQLSTATE) exists
    "too many connections",  # …and a role's or a database's CONNECTION LIMIT
)

logger = logging.getLogger(__name__)


def is_busy(error: BaseException) -> bool:
    """True when the error says the database is busy now (worth retrying), not that the request or the code is wrong."""
    if isinstance(error, PoolTimeout):
        return True
    if not isinstance(error, OperationalError):
        return False
    original = error.orig
    sqlite_code = getattr(original, "sqlite_errorcode", None)
    if isinstance(sqlite_code, int):
        return sqlite_code & 0xFF in _SQLITE_BUSY_CODES
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)  # psycopg 3, psycopg2
    if state:
        return str(state) in _POSTGRESQL_BUSY_STATES
    message = str(original).lower()
    return any(words in message for words in _BUSY_WORDS)


def busy_response(error: BaseException) -> JSONResponse:
    """503 with a jittered Retry-After and the Vietnamese message the laptop shows if it runs out of retries."""
    logger.warning("Cơ sở dữ liệu đang bận, trả lời 503: %s", str(error).splitlines()[0])
    response = JSONResponse({"error": "busy", "message": BUSY_MESSAGE}, status_code=503)
    response.headers["Retry-After"] = str(random.randint(*RETRY_AFTER_SECONDS))
    return response
