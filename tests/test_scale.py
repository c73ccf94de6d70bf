"""Server mode, concurrent ingests, queries during an ingest, and kill -9 in the middle of one.

All against real Chroma: the embedded PersistentClient and a real `chroma run` server on
127.0.0.1 started here from the installed chromadb.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import SAMPLE, shared_path

from ingest.chunker import chunk_article
from ingest.settings import Settings
from ingest.store import Store

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def aqwal(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chat.cli", *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, **(env or {})}, **kw)


def snn_subset(path: Path, n: int, offset: int = 0) -> Path:
    lines = []
    with shared_path("corpus", "snn-politics.jsonl").open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= offset:
                lines.append(line)
            if len(lines) >= n:
                break
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen([str(BIN / "chroma"), "run", "--path", str(data), "--host", "127.0.0.1", "--port",
                             str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2).read()
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("chroma server did not start")
            time.sleep(0.3)
    yield url
    proc.terminate()
    proc.wait(timeout=30)


def test_server_mode_gives_the_same_results_as_embedded(tmp_path, chroma_server):
    embedded = str(tmp_path / "embedded")
    server_env = {"AQWAL_CHROMA_URL": chroma_server}
    for env, store in (({}, embedded), (server_env, str(tmp_path / "server-cache"))):
        r = aqwal("ingest", str(SAMPLE), "--store", store, "--json", env=env)
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["articles"] == 1
    question = "ماذا قالت منظمة معاهدة الأمن الجماعي؟"
    results = []
    for env, store in (({}, embedded), (server_env, str(tmp_path / "server-cache"))):
        search = aqwal("search", question, "--store", store, "--json", env=env)
        ask = aqwal("ask", "What did the CSTO say?", "--store", store, "--json", env=env)
        assert search.returncode == 0 and ask.returncode == 0, search.stderr + ask.stderr
        hits = [(h["article_id"], h["start"], h["end"]) for h in json.loads(search.stdout)]
        quotes = [(q["id"], q["start"], q["end"]) for q in json.loads(ask.stdout)["quotes"]]
        results.append((hits, quotes))
    assert results[0] == results[1]
    assert results[0][1], "the CSTO question has an answer"
    # the data really is in the server, not in a local file
    assert not (tmp_path / "server-cache" / "chroma").exists()


def test_server_mode_orders_ingests_from_two_machines(tmp_path, chroma_server):
    """Two "machines" (separate local directories, so no shared file lock) ingesting into
    one server: the lease in the server makes the second wait, or fail clearly naming the
    holder; a lease whose process died on this machine, or that lapsed, is taken over."""
    from ingest.lease import LEASE_ID, LeaseBusy, ServerLease, machine_identity
    from ingest.store import StoreError

    def store(name: str, timeout: float = 600) -> Store:
        return Store(Settings(store=tmp_path / name, chroma_url=chroma_server, lock_timeout=timeout))

    a, b = store("machine-a"), store("machine-b", timeout=1.5)
    with a.writer_lock():
        holder = a.meta.get(ids=[LEASE_ID], include=["metadatas"])["metadatas"][0]
        assert holder["pid"] == os.getpid()
        with pytest.raises(StoreError, match=f"another ingest holds the store .*pid {os.getpid()}"):
            with b.writer_lock():
                pass
    with b.writer_lock():  # released: the other machine gets it at once
        pass
    assert not a.meta.get(ids=[LEASE_ID])["ids"]
    # a holder killed on this machine: its lease is taken over without waiting for the ttl
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = {"kind": "lease", "token": "dead", "host": socket.gethostname(), "machine": machine_identity(),
             "pid": dead.pid, "since": time.time(), "expires": time.time() + 3600}
    a.meta.upsert(ids=[LEASE_ID], embeddings=[[1.0]], documents=[""], metadatas=[stale])
    with b.writer_lock():
        assert b.meta.get(ids=[LEASE_ID], include=["metadatas"])["metadatas"][0]["pid"] == os.getpid()
    # another machine's holder that stopped renewing: the lease lapses once this waiter has
    # seen it unchanged for a ttl on its own clock (its wall-clock "expires" is not trusted)
    other = dict(stale, token="elsewhere", host="elsewhere", machine="elsewhere|x|y", pid=1,
                 expires=time.time() + 3600)
    a.meta.upsert(ids=[LEASE_ID], embeddings=[[1.0]], documents=[""], metadatas=[other])
    t0 = time.monotonic()
    with ServerLease(b.meta, ttl=1.0, timeout=10, unit=[1.0]):
        assert time.monotonic() - t0 >= 1.0
    # a holder that keeps renewing is never taken over
    with ServerLease(a.meta, ttl=1.0, unit=[1.0]):
        with pytest.raises(LeaseBusy, match=f"pid {os.getpid()}"):
            ServerLease(b.meta, ttl=1.0, timeout=2.5, unit=[1.0]).acquire()
    assert not a.meta.get(ids=[LEASE_ID])["ids"]


def test_two_ingest_processes_from_two_machines_into_one_server(tmp_path, chroma_server):
    """Real processes with separate local directories (no shared file lock): while a third
    party holds the server's lease both wait (and say so); once it is released both finish,
    one after the other, and the server holds every article once, with one version's rows."""
    from ingest.lease import ServerLease

    batches = [snn_subset(tmp_path / f"batch-{k}.jsonl", 4, offset=k) for k in (40, 60)]
    env = {**os.environ, "AQWAL_CHROMA_URL": chroma_server}
    holder = Store(Settings(store=tmp_path / "holder", chroma_url=chroma_server))
    gen0 = holder.generation()
    logs = [tmp_path / f"machine-{i}.log" for i in (0, 1)]
    with ServerLease(holder.meta, unit=[1.0]):
        procs = [subprocess.Popen([sys.executable, "-m", "chat.cli", "ingest", str(p), "--store",
                                   str(tmp_path / f"machine-{i}"), "--json"], env=env,
                                  stdout=subprocess.PIPE, stderr=log.open("w"), text=True)
                 for i, (p, log) in enumerate(zip(batches, logs))]
        deadline = time.monotonic() + 120
        while not all("waiting" in log.read_text() for log in logs):
            assert time.monotonic() < deadline, [log.read_text() for log in logs]
            assert all(p.poll() is None for p in procs), "an ingest ran while another held the lease"
            time.sleep(0.3)
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [log.read_text() for log in logs]
    store_ = Store(Settings(store=tmp_path / "reader", chroma_url=chroma_server))
    assert store_.generation() == gen0 + 2  # two ingests, one after the other
    ids = {json.loads(line)["id"] for b in batches for line in b.read_text().splitlines()}
    versions = store_.article_versions()
    assert ids <= versions.keys()
    got = store_.chunks.get(where={"article_id": {"$in": sorted(ids)}}, include=["metadatas"])
    assert got["ids"] and all(versions[m["article_id"]] == m["version"] for m in got["metadatas"])
    assert [json.loads(o[0])["articles"] for o in outs] == [4, 4]
    assert not store_.meta.get(ids=["ingest-lease"])["ids"]


def test_an_ingest_that_lost_its_lease_stops_writing(tmp_path, chroma_server):
    """A lease taken over (it lapsed while this holder stalled) stops the holder at its next
    write; a renewal after release never brings the record back."""
    from ingest.lease import LEASE_ID, ServerLease
    from ingest.store import StoreError

    store = Store(Settings(store=tmp_path / "a", chroma_url=chroma_server))
    with store.writer_lock():
        lease = store._lease
        store.meta.delete(ids=[LEASE_ID])  # another machine took over a lapsed lease …
        other = ServerLease(store.meta, unit=[1.0])
        other.acquire()
        assert lease.renew() is False  # … this holder's renewal sees it
        with pytest.raises(StoreError, match="taken over"):
            store.begin_writes()
        other.release()
    lease = ServerLease(store.meta, unit=[1.0])
    lease.acquire()
    lease.release()
    assert lease.renew() is False and lease.holder() is None  # a late renewal resurrects nothing


def test_two_ingests_on_one_store(tmp_path):
    store = str(tmp_path / "store")
    batch = snn_subset(tmp_path / "batch.jsonl", 6)
    procs = [subprocess.Popen([sys.executable, "-m", "chat.cli", "ingest", str(p), "--store", store, "--json"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for p in (batch, SAMPLE)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outs]
    store_ = Store(Settings(store=Path(store)), create=False)
    assert store_.articles.count() == 7
    versions = store_.article_versions()
    got = store_.chunks.get(include=["metadatas"])
    assert all(versions[m["article_id"]] == m["version"] for m in got["metadatas"])


def test_queries_during_an_ingest_see_one_version(tmp_path):
    settings = Settings(store=tmp_path / "store")
    old = "قال الوزير إن المحادثات ستستأنف الأسبوع المقبل في العاصمة. " * 12
    new = "أعلن الوزير أن المحادثات تأجلت إلى أجل غير مسمى بسبب الخلافات. " * 12
    v1 = tmp_path / "v1"
    v1.mkdir()
    (v1 / "talks.txt").write_text(old, encoding="utf-8")
    assert aqwal("ingest", str(v1), "--store", str(settings.store)).returncode == 0
    v2 = tmp_path / "v2"
    v2.mkdir()
    (v2 / "talks.txt").write_text(new, encoding="utf-8")
    snn_subset(v2 / "more.jsonl", 4)
    allowed = {c.text for c in chunk_article("talks", old)} | {c.text for c in chunk_article("talks", new)}
    proc = subprocess.Popen([sys.executable, "-m", "chat.cli", "ingest", str(v2), "--store", str(settings.store)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen_versions = set()
    try:
        while proc.poll() is None:
            r = aqwal("search", "الوزير المحادثات", "--store", str(settings.store), "--json", "--k", "10")
            assert r.returncode == 0, r.stderr
            talks = [h["text"] for h in json.loads(r.stdout) if h["article_id"] == "talks"]
            assert set(talks) <= allowed
            kinds = {("old" if "ستستأنف" in t else "new") for t in talks}
            assert len(kinds) <= 1, "a query saw two versions of one article"
            seen_versions |= kinds
    finally:
        proc.wait(timeout=600)
    assert proc.returncode == 0
    final = aqwal("search", "الوزير المحادثات", "--store", str(settings.store), "--json")
    assert all("تأجلت" in h["text"] for h in json.loads(final.stdout) if h["article_id"] == "talks")


def test_kill_9_during_ingest_then_rerun(tmp_path):
    batch = snn_subset(tmp_path / "batch.jsonl", 10, offset=20)
    crashed, clean = tmp_path / "crashed", tmp_path / "clean"
    proc = subprocess.Popen([sys.executable, "-m", "chat.cli", "ingest", str(batch), "--store", str(crashed)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # kill it once some rows are written but before it finishes
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if (crashed / "chroma" / "chroma.sqlite3").exists() and (crashed / "chroma").stat().st_size:
            time.sleep(4)
            break
        time.sleep(0.2)
    assert proc.poll() is None, "ingest finished before it could be killed; use a bigger batch"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    again = aqwal("ingest", str(batch), "--store", str(crashed), "--json")
    assert again.returncode == 0, again.stderr
    ref = aqwal("ingest", str(batch), "--store", str(clean), "--json")
    assert json.loads(again.stdout)["chunks"] == json.loads(ref.stdout)["chunks"]
    a, b = Store(Settings(store=crashed), create=False), Store(Settings(store=clean), create=False)
    assert a.counts() == b.counts()
    versions = a.article_versions()
    infos = a.article_infos(versions)
    for aid, version in versions.items():
        where = {"$and": [{"article_id": aid}, {"version": version}]}
        assert len(a.chunks.get(where=where)["ids"]) == infos[aid]["n_chunks"]
        assert len(a.statements.get(where=where)["ids"]) == infos[aid]["n_statements"]
