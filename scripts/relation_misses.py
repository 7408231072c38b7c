"""Where the gold relations kg misses end: counts only, so it runs on the sealed check set too.

    python scripts/relation_misses.py check      (or seeds, dev)

For each gold relation (item counts aside) it asks whether its subject and its
object are among the names kg gives the report (mention texts and names, and the
names its relation records use) and whether kg states the relation; it prints
the counts by (subject named, object named, stated) and by predicate. A relation
whose end kg never names needs an entity rule; one between two names kg has
needs a relation rule. Sealed gold is compared through its salted hashes, as
``../shared/eval`` does, and no name is printed. Needs the shared data beside the
project (``../shared``) or ``KG_SHARED``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared")).resolve()


def _extract(folder: Path, out: Path, relations: bool) -> None:
    cmd = [sys.executable, "-m", "kg", "extract", str(folder), "-o", str(out)]
    subprocess.run([*cmd, "--relations"] if relations else cmd, check=True, cwd=ROOT, capture_output=True)


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in {"seeds", "dev", "check"}:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    which = argv[0]
    sys.path.insert(0, str(SHARED / "eval"))
    from score import load_jsonl, norm, pred_forms  # the shared scorers' own normalisation

    folder = SHARED / which
    gold_path = (
        folder / "relations.sealed.jsonl"
        if which == "check"
        else SHARED / "gold" / f"{which}-relations.jsonl"
    )
    ents_path = SHARED / "gold" / f"{which}.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        ents, rels = Path(tmp, "e.jsonl"), Path(tmp, "r.jsonl")
        _extract(folder, ents, relations=False)
        _extract(folder, rels, relations=True)
        named: dict[str, set[str]] = defaultdict(set)
        stated: dict[str, list[tuple[str, set[str], set[str]]]] = defaultdict(list)
        for rec in load_jsonl(ents):
            named[str(rec["doc"])] |= {norm(rec.get(k) or "") for k in ("name", "text")} - {""}
        for rec in load_jsonl(rels):
            doc = str(rec["doc"])
            s, o = {norm(x) for x in _strings(rec["s"])}, {norm(x) for x in _strings(rec["o"])}
            named[doc] |= s | o
            stated[doc].append((rec["p"], s, o))
    alts: dict[tuple[str, str], set[str]] = {}
    if which != "check":
        for g in load_jsonl(ents_path):
            for e in g["entities"]:
                alts[(str(g["doc"]), norm(e["name"]))] = {norm(e["name"])} | {
                    norm(a) for a in e.get("alts", [])
                }
    by_shape: Counter[tuple[str, str, str]] = Counter()
    by_predicate: Counter[tuple[str, str]] = Counter()
    for g in load_jsonl(gold_path):
        doc, salt = str(g["doc"]), g.get("salt")
        have = pred_forms(named[doc], salt) if salt else named[doc]
        said = [
            (p, pred_forms(s, salt) if salt else s, pred_forms(o, salt) if salt else o)
            for p, s, o in stated[doc]
        ]
        for r in g["relations"]:
            if r["p"] == "itemCount":
                continue
            if salt:
                s, o = set(r["s_forms"]), set(r["o_forms"])
            else:
                s = alts.get((doc, norm(r["s"])), {norm(r["s"])})
                o = alts.get((doc, norm(str(r["o"]))), {norm(str(r["o"]))})
            hit = any(p == r["p"] and ps & s and po & o for p, ps, po in said)
            shape = (
                "subject named" if s & have else "subject never named",
                "object named" if o & have else "object never named",
                "stated" if hit else "missed",
            )
            by_shape[shape] += 1
            if not hit:
                by_predicate[(r["p"], "implied" if r.get("implicit") else "stated in the text")] += 1
    print(f"## gold relations of {which} (item counts aside), by whether kg names their ends")
    for shape, n in sorted(by_shape.items()):
        print(f"{n:5}  {' / '.join(shape)}")
    print("\n## missed, by predicate")
    for key, n in sorted(by_predicate.items()):
        print(f"{n:5}  {key[0]} ({key[1]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
