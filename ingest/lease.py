"""The ingest lock of a Chroma server store: a lease record that every machine can see.

Why: a file lock serialises ingests on one machine only; in server mode two machines may
ingest into one server. Chroma has no compare-and-set, but it has two operations that
serve as one: ``add`` of an id that exists is ignored (the first writer in the server's
log wins, and every reader then sees the winner), and ``delete`` with a ``where`` on the
holder's token removes the record only if nobody took it over in between.

The holder renews the lease from a background thread by updating only its expiry
(``update`` merges keys and is a no-op once the record is gone, so a late renewal can
neither bring a released lease back nor overwrite a new holder's token) and re-reads it.
A holder that can no longer confirm its lease must stop writing:
:meth:`ServerLease.check` raises once the lease was lost or not confirmed for half its
time to live, and the store calls it before every write. A lease lapses for a waiter
only when the waiter has seen the same record unchanged for ``ttl`` seconds on its own
clock (machines' wall clocks may disagree), or at once when its holder's process is
gone on this very machine (same host, boot and pid namespace).
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


class LeaseBusy(Exception):
    """Another ingest held the lease for longer than the caller would wait."""


class LeaseLost(Exception):
    """This ingest can no longer show that it holds the lease: it must stop writing."""


def _read(path: str) -> str:
    try:
        with open(path) as fh:
            return fh.read().strip()
    except OSError:
        return ""


def machine_identity() -> str:
    """Host name + boot id + pid namespace: two containers that share a host name (host
    networking) but not their process table are different "machines" for pid checks."""
    try:
        pidns = str(os.stat("/proc/self/ns/pid").st_ino)
    except OSError:
        pidns = ""
    return f"{socket.gethostname()}|{_read('/proc/sys/kernel/random/boot_id')}|{pidns}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class ServerLease:
    """``with ServerLease(meta, unit=…): …`` — hold the store's ingest lease for the block."""

    def __init__(self, collection: Any, *, unit: list[float], ttl: float = 120.0, timeout: float = 600.0) -> None:
        """``unit`` is the placeholder vector of ``collection``'s records (its dimension is
        the store's to choose)."""
        self.col = collection
        self.ttl = ttl
        self.timeout = timeout
        self.unit = unit
        self.token = uuid.uuid4().hex
        self.host = socket.gethostname()
        self.machine = machine_identity()
        self._stop = threading.Event()
        self._lost = threading.Event()
        self._confirmed = 0.0  # monotonic time of the last successful renewal
        self._renewer: threading.Thread | None = None
        self._seen: tuple[str, float, float] | None = None  # (token, expires, first seen)
        self._since = time.time()

    # --- the record ----------------------------------------------------------------------
    def _meta(self) -> dict[str, Any]:
        return {"kind": "lease", "token": self.token, "host": self.host, "machine": self.machine,
                "pid": os.getpid(), "since": self._since, "expires": time.time() + self.ttl}

    def holder(self) -> dict[str, Any] | None:
        got = self.col.get(ids=[LEASE_ID], include=["metadatas"])
        return dict(got["metadatas"][0]) if got["ids"] else None

    def _stale(self, meta: dict[str, Any]) -> bool:
        """The holder stopped renewing (this waiter saw the same record for ``ttl`` on its
        own clock), or it is a process that no longer exists on this machine."""
        if meta.get("machine") == self.machine and not _pid_alive(int(meta.get("pid", -1))):
            return True
        key = (str(meta.get("token")), float(meta.get("expires", 0)))
        now = time.monotonic()
        if self._seen is None or self._seen[:2] != key:
            self._seen = (*key, now)
            return False
        return now - self._seen[2] >= self.ttl

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

    # --- acquire, renew, check, release --------------------------------------------------
    def acquire(self) -> None:
        deadline = time.monotonic() + self.timeout
        warned = False
        while True:
            self._since = time.time()
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
        self._confirmed = time.monotonic()
        self._stop.clear()
        self._lost.clear()
        self._renewer = threading.Thread(target=self._renew_loop, name="aqwal-lease", daemon=True)
        self._renewer.start()

    def renew(self) -> bool:
        """Extend the lease if it is still ours; False (and lost) when it is not."""
        # only the expiry: update merges metadata keys, so a renewal that arrives after a
        # takeover cannot overwrite the new holder's token (and after a release it is a no-op)
        self.col.update(ids=[LEASE_ID], metadatas=[{"expires": time.time() + self.ttl}])
        meta = self.holder()
        if meta is None or meta.get("token") != self.token:
            self._lost.set()
            log.error("the ingest lease was lost (taken over after it lapsed); this ingest stops writing")
            return False
        self._confirmed = time.monotonic()
        return True

    def _renew_loop(self) -> None:
        while not self._stop.wait(self.ttl / 4):
            try:
                if not self.renew():
                    return
            except Exception as exc:  # a network blip: try again next round; check() guards writes
                log.warning("cannot renew the ingest lease: %s", exc)

    def check(self) -> None:
        """Raise :class:`LeaseLost` unless the lease is ours and was confirmed recently
        (within half its time to live: a waiter cannot take it over before a full ttl)."""
        if self._lost.is_set():
            raise LeaseLost("the ingest lease was taken over by another ingest")
        if time.monotonic() - self._confirmed > self.ttl / 2:
            raise LeaseLost(f"the ingest lease could not be renewed for {self.ttl / 2:.0f}s")

    def release(self) -> None:
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join(timeout=self.ttl)
        try:
            self.col.delete(ids=[LEASE_ID], where={"token": self.token})
        except Exception as exc:
            log.warning("cannot release the ingest lease (it lapses in %.0fs): %s", self.ttl, exc)

    def __enter__(self) -> ServerLease:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
