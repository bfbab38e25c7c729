"""A real province server for tests: uvicorn on a free loopback port, in a background thread."""

from __future__ import annotations

import socket
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import uvicorn
from sqlalchemy import text

from sync import units
from sync.server import admin
from sync.server.app import create_app
from sync.server.db import READONLY, create_schema, default_database_url, make_engine

HOST = "127.0.0.1"
START_TIMEOUT = 15.0  # seconds; a start is well under one on a quiet machine


class ProvinceServer:
    """A running server over one database (by default the SQLite file in data_dir); stop() and start() restart it
    on the same port."""

    def __init__(self, data_dir: Path, database_url: str | None = None) -> None:
        self.data_dir = data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        self.database_url = database_url or default_database_url(data_dir)
        self.port = 0  # chosen by the system on the first start, then kept so the URL stays valid
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL, e.g. http://127.0.0.1:41234 (no trailing slash)."""
        return f"http://{HOST}:{self.port}"

    @property
    def backend(self) -> str:
        """The database backend: "sqlite" or "postgresql"."""
        return "sqlite" if self.database_url.startswith("sqlite") else "postgresql"

    @property
    def running(self) -> bool:
        """True while the server thread is serving."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start serving and return once /health answers."""
        if self.running:
            return
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        # The same port again right after stop(): its old connections may still be in TIME_WAIT.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, self.port))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            create_app(self.database_url), log_config=None, access_log=False, lifespan="on", timeout_graceful_shutdown=5
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="province-server", daemon=True)
        self._server, self._thread = server, thread
        thread.start()
        self._wait_healthy(sock)

    def _wait_healthy(self, sock: socket.socket) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if not self.running:
                break
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=1) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.02)
        self.stop()
        sock.close()
        raise RuntimeError(f"the province server did not start on {self.url}")

    def stop(self) -> None:
        """Stop serving (the data stays in data_dir)."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=START_TIMEOUT)
            if self._thread.is_alive():
                raise RuntimeError("the province server did not stop")
        self._server = self._thread = None

    def enroll(self, commune_code: str, days: int = admin.DEFAULT_CODE_DAYS) -> str:
        """A fresh enrollment code for the commune, setting up its province and the commune as needed."""
        engine = make_engine(self.database_url)
        try:
            create_schema(engine)
            if admin.province_code(engine) is None:
                admin.init_province(engine, units.find_commune(commune_code).province_code)
            admin.add_communes(engine, [commune_code])
            code, _expires = admin.create_enrollment_code(engine, commune_code, days=days, now=datetime.now(UTC))
        finally:
            engine.dispose()
        return code

    def revoke(self, device_id: str) -> None:
        """Revoke an enrolled device, as `toso-server admin revoke` does."""
        engine = make_engine(self.database_url)
        try:
            admin.revoke_device(engine, device_id)
        finally:
            engine.dispose()

    def query(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        """Rows of a read-only SQL query on the server's database, beside the running server."""
        engine = make_engine(self.database_url)
        try:
            with engine.connect().execution_options(**{READONLY: True}) as conn:
                return [tuple(row) for row in conn.execute(text(sql), params)]
        finally:
            engine.dispose()
