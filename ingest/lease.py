"""The ingest lock of a Chroma server store: a lease record that every machine can see.

Why: a file lock serialises ingests on one machine only; in server mode two machines may
ingest into one server. Chroma has no compare-and-set, but it has two operations that
serve as one: ``add`` of an id that exists is ignored (the first writer in the server's
log wins, and every reader then sees the winner), and ``delete`` with a ``where`` on the
holder's token removes the record only if nobody took it over in between.

The holder renews the lease from a background thread; a holder that died (``kill -9``,
a lost machine) stops renewing and its lease lapses after ``ttl`` seconds. A lease held
by a dead process on this same machine is taken over at once.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from typing import Any

log = logging.getLogger(__name__)

LEASE_ID = "ingest-lease"
_UNIT = [1.0]


class LeaseBusy(Exception):
    """Another ingest held the lease for longer than the caller would wait."""


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class ServerLease:
    """``with ServerLease(meta): …`` — hold the store's ingest lease for the block."""

    def __init__(self, collection: Any, ttl: float = 120.0, timeout: float = 600.0,
                 unit: list[float] | None = None) -> None:
        self.col = collection
        self.ttl = ttl
        self.timeout = timeout
        self.unit = unit or _UNIT
        self.token = uuid.uuid4().hex
        self.host = socket.gethostname()
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None

    # --- the record ----------------------------------------------------------------------
    def _meta(self) -> dict[str, Any]:
        return {"kind": "lease", "token": self.token, "host": self.host, "pid": os.getpid(),
                "since": time.time(), "expires": time.time() + self.ttl}

    def holder(self) -> dict[str, Any] | None:
        got = self.col.get(ids=[LEASE_ID], include=["metadatas"])
        return dict(got["metadatas"][0]) if got["ids"] else None

    def _stale(self, meta: dict[str, Any]) -> bool:
        if float(meta.get("expires", 0)) < time.time():
            return True
        return meta.get("host") == self.host and not _pid_alive(int(meta.get("pid", -1)))

    def _try(self) -> dict[str, Any] | None:
        """One attempt; None when the lease is ours, else the current holder's record."""
        for attempt in range(2):
            self.col.add(ids=[LEASE_ID], embeddings=[self.unit], documents=[""], metadatas=[self._meta()])
            meta = self.holder()
            if meta is not None and meta.get("token") == self.token:
                return None
            if attempt == 0 and meta is not None and self._stale(meta):
                log.warning("taking over a lapsed ingest lease (host %s, pid %s)", meta.get("host"), meta.get("pid"))
                self.col.delete(ids=[LEASE_ID], where={"token": meta["token"]})  # only if still that holder
                continue
            return meta or {}
        return {}

    # --- acquire, renew, release ---------------------------------------------------------
    def acquire(self) -> None:
        deadline = time.monotonic() + self.timeout
        warned = False
        while True:
            holder = self._try()
            if holder is None:
                break
            if time.monotonic() > deadline:
                raise LeaseBusy(
                    f"another ingest holds the store (host {holder.get('host')}, pid {holder.get('pid')}, "
                    f"since {time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(float(holder.get('since', 0))))}); "
                    f"waited {self.timeout:.0f}s")
            if not warned:
                log.warning("another ingest (host %s, pid %s) is writing to the server; waiting",
                            holder.get("host"), holder.get("pid"))
                warned = True
            time.sleep(min(1.0, max(self.timeout / 20, 0.05)))
        self._stop.clear()
        self._renewer = threading.Thread(target=self._renew_loop, name="aqwal-lease", daemon=True)
        self._renewer.start()

    def _renew_loop(self) -> None:
        while not self._stop.wait(self.ttl / 4):
            try:
                meta = self.holder()
                if meta is None or meta.get("token") != self.token:
                    log.error("the ingest lease was lost (taken over after it lapsed)")
                    return
                renewed = dict(meta, expires=time.time() + self.ttl)
                self.col.upsert(ids=[LEASE_ID], embeddings=[self.unit], documents=[""], metadatas=[renewed])
            except Exception as exc:  # a network blip: try again next round, the ttl covers it
                log.warning("cannot renew the ingest lease: %s", exc)

    def release(self) -> None:
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join(timeout=10)
        try:
            self.col.delete(ids=[LEASE_ID], where={"token": self.token})
        except Exception as exc:
            log.warning("cannot release the ingest lease (it lapses in %.0fs): %s", self.ttl, exc)

    def __enter__(self) -> ServerLease:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
