"""What an extraction change does to the output over a whole corpus, before any gold says so.

    python bench/extraction_diff.py BASE [--head REV] [--show 40] [--corpus FILE]

Runs the extractor of git revision BASE (checked out in a temporary worktree) and of the
working tree (or ``--head REV``) over every article of the corpus (default: the 2,208
snn-politics articles) and prints how many statements were added, dropped, moved (same
start, other span/cue/kind) or got another ``speaker_canonical``, then the most frequent
speaker changes and the first added/dropped statements. The dev gold annotates ~7
statements per article, so most rule changes are invisible to ``aqwal eval attribution``;
this diff is how each rule was checked over text it was not written for.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# Run inside a child interpreter whose import path starts at one checkout.
_DUMP = """
import json, sys
from ingest.speech import extract_statements
out = []
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    for s in extract_statements(a["id"], a["text"]):
        out.append([a["id"], s.start, s.end, s.cue, s.kind, s.speaker_canonical, s.quote[:70], s.quote[-60:]])
json.dump(out, sys.stdout, ensure_ascii=False)
"""


def _dump(src: Path, corpus: str) -> dict[tuple[str, int], list]:
    env_path = str(src)
    proc = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {env_path!r}); exec({_DUMP!r})", corpus],
        capture_output=True, text=True, check=True, cwd=src,
    )
    return {(r[0], r[1]): r for r in json.loads(proc.stdout)}


def _checkout(rev: str, tmp: str) -> Path:
    path = Path(tmp) / rev.replace("/", "_")
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(path), rev], check=True)
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("--head", default="", help="a revision (default: the working tree)")
    ap.add_argument("--corpus", default=str(SHARED / "corpus" / "snn-politics.jsonl"))
    ap.add_argument("--show", type=int, default=30)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trees = [_checkout(args.base, tmp)]
        trees.append(_checkout(args.head, tmp) if args.head else ROOT)
        try:
            before, after = (_dump(t, args.corpus) for t in trees)
        finally:
            for t in trees:
                if t != ROOT:
                    subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(t)], check=False)
    added = [after[k] for k in after.keys() - before.keys()]
    dropped = [before[k] for k in before.keys() - after.keys()]
    common = before.keys() & after.keys()
    moved = [k for k in common if before[k][2:5] != after[k][2:5]]
    speaker = [k for k in common if before[k][2:5] == after[k][2:5] and before[k][5] != after[k][5]]
    print(f"statements: {len(before)} -> {len(after)}  added {len(added)}  dropped {len(dropped)}  "
          f"moved {len(moved)}  speaker changed {len(speaker)}")
    pairs = collections.Counter((before[k][5], after[k][5]) for k in speaker)
    print("\nmost frequent speaker changes (count  before -> after):")
    for (b, a), n in pairs.most_common(args.show):
        print(f"  {n:4d}  {b!r} -> {a!r}")
    print(f"\nmoved (first {args.show}; same start, the end, cue or kind changed):")
    for k in sorted(moved)[: args.show]:
        b, a = before[k], after[k]
        print(f"  {k[0]} {k[1]} {b[3]} | {b[5]!r} | …{b[7]}  ->  …{a[7]}" if len(b) > 7 else f"  {k}")
    for title, rows in (("added", added), ("dropped", dropped)):
        print(f"\n{title} (first {args.show}):")
        for r in sorted(rows)[: args.show]:
            print(f"  {r[0]} {r[1]} {r[3]} | {r[5]!r} | {r[6]}")


if __name__ == "__main__":
    main()
