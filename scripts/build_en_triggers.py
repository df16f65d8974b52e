#!/usr/bin/env python3
"""Derive English trigger data from the CAMEO verb dictionary and the CAMEO->PLOVER table.

    python scripts/build_en_triggers.py [--check]

Reads shared/peers/udpetrarch-validation/phoenix-dicts/CAMEO.2.0.txt (PETRARCH's verb
dictionary, MIT) and shared/peers/plover-gsr/CAMEO2PLOVER-2021.txt (CC BY-SA 4.0) and
writes kronika/resources/lang/en/triggers_cameo.yaml: each verb of a coded verb block, with
its irregular forms, and each simple "verb + object" pattern, mapped to a PLOVER type and
mode. Where the table and the PLOVER manual v2.0 disagree the manual wins (OVERRIDES).
The hand-written triggers.yaml is read first, so it takes precedence over this file.
``--check`` fails when the committed file differs from what this script makes.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
VERBS = SHARED / "peers" / "udpetrarch-validation" / "phoenix-dicts" / "CAMEO.2.0.txt"
TABLE = SHARED / "peers" / "plover-gsr" / "CAMEO2PLOVER-2021.txt"
OUT = ROOT / "kronika" / "resources" / "lang" / "en" / "triggers_cameo.yaml"
GENERIC = ROOT / "kronika" / "resources" / "lang" / "en" / "cameo_generic_verbs.txt"

# The PLOVER manual v2.0 wins over the 2021 table (shared/spec/PLOVER.md, section 7).
OVERRIDES = {
    "055": ("CONCEDE", None),  # apologise: "expressions of regret ... CONCEDE"
    "0871": ("CONCEDE", None),  # declaring a ceasefire is a verbal concession
    "163": ("SANCTION", "discontinue"),  # sanctions and embargoes
    "1663": ("SANCTION", "expel"),
}
# CAMEO 01 (statements) and 02 (appeals) are dropped by PLOVER.
DROPPED_PREFIXES = ("01", "02")
# Modes the manual v2.0 knows; others from the draft table are left out.
MANUAL_MODES = {
    "visit", "third-party", "multilateral", "phone", "withdraw", "release", "disarm", "ceasefire", "access",
    "resign", "assist", "change", "yield", "meet", "disapprove", "investigate", "allege", "restrict", "arrest",
    "relations", "expel", "territory", "violence", "demo", "riot", "strike", "hunger", "boycott", "obstruct",
    "vandalize", "convict", "discontinue", "troops", "weapons", "police", "militia", "seize", "censor", "curfew",
    "martial-law", "deport", "withhold", "misinformation", "cyber", "abduct", "beat", "torture", "sexual",
    "targeted", "destroy", "primitive", "firearms", "explosives", "suicide-attack", "aerial", "drone",
    "heavy-weapons", "crowd-control", "unconventional",
}
_WORD = re.compile(r"^[A-Z][A-Z'-]*$")


def load_table() -> dict[str, tuple[str, str | None]]:
    table = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?", line)
        if m:
            mode = (m.group(3) or "").strip() or None
            table[m.group(1)] = (m.group(2), mode if mode in MANUAL_MODES else None)
    return table


def plover(code: str, table) -> tuple[str, str | None] | None:
    code = code.split(":")[0].strip()
    if not code.isdigit() or code.startswith(DROPPED_PREFIXES):
        return None
    for k in (code, code[:3], code[:2]):
        if k in OVERRIDES:
            return OVERRIDES[k]
        if k in table:
            t, mode = table[k]
            return t, mode
    return None


def parse_blocks():
    """(block code, [(verb, forms)], [(object words, code, verb it was written for)]) per verb block."""
    blocks = []
    cur = None
    for raw in VERBS.read_text(encoding="utf-8", errors="replace").splitlines():
        line, _, comment = raw.partition("#")
        line = line.rstrip()
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            cur = (m.group(2), [], [])
            blocks.append(cur)
            continue
        if cur is None or not line.strip():
            continue
        if line.startswith("-"):
            pm = re.match(r"^-\s+\*\s+(\{[A-Z' ]+\}|[A-Z'-]+)\s+\[([0-9:]+)\]\s*$", line)
            if pm:
                words = pm.group(1).strip("{}").split()
                owner = (comment.split() or [""])[0].upper()  # the verb the pattern was written for
                if all(_WORD.match(w) for w in words):
                    cur[2].append((words, pm.group(2), owner))
            continue
        if line.startswith(("+", "&", "<")):
            continue
        vm = re.match(r"^([A-Z][A-Z_'-]*)\s*(\{([^}]*)\})?", line.strip())
        if vm:
            verb = vm.group(1)
            forms = (vm.group(3) or "").split()
            cur[1].append((verb, forms))
    return blocks


def build() -> str:
    table = load_table()
    generic = {w.strip().lower() for w in GENERIC.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")}
    by_type: dict[str, list[str]] = defaultdict(list)
    seen = set()
    for code, verbs, patterns in parse_blocks():
        default = plover(code, table) if code != "---" else None
        for verb, forms in verbs:
            parts = verb.lower().split("_")
            if any(not p.isalpha() for p in parts):
                continue
            head = "|".join([parts[0]] + [f.lower() for f in forms if "_" not in f])
            tail = " ".join(parts[1:])
            match = (head + (" " + tail if tail else "")).strip()
            if default and (match, default) not in seen and not (len(parts) == 1 and parts[0] in generic):
                seen.add((match, default))
                # a bare verb must be used as a verb ("the strike" is not "to strike")
                by_type[default[0]].append(_entry(match, default[1], verb_only=len(parts) == 1))
            for words, pcode, owner in patterns:
                if owner != verb:
                    continue
                mapped = plover(pcode, table)
                if not mapped or mapped == default:
                    continue
                pmatch = f"{match} {' '.join(w.lower() for w in words)}"
                if (pmatch, mapped) in seen:
                    continue
                seen.add((pmatch, mapped))
                by_type[mapped[0]].append(_entry(pmatch, mapped[1]))
    lines = [
        "# English event triggers derived from the CAMEO verb dictionary (PETRARCH phoenix-dicts",
        "# CAMEO.2.0.txt, MIT) through the CAMEO->PLOVER table (openeventdata/PLOVER",
        "# CAMEO2PLOVER-2021.txt, CC BY-SA 4.0; this file is CC BY-SA 4.0 too).",
        "# GENERATED by scripts/build_en_triggers.py: do not edit; edit triggers.yaml, which wins.",
        "# Where the table and the PLOVER manual v2.0 disagree the manual wins (apology and declared",
        "# ceasefire -> CONCEDE, sanctions -> SANCTION); CAMEO 01 and 02 (statements, appeals) are dropped,",
        "# and so are the bare verbs listed in cameo_generic_verbs.txt.",
        "",
    ]
    for type_ in sorted(by_type):
        lines.append(f"{type_}:")
        lines.extend(by_type[type_])
    return "\n".join(lines) + "\n"


def _entry(match: str, mode: str | None, verb_only: bool = False) -> str:
    m = match.replace('"', "")
    extra = (f", mode: {mode}" if mode else "") + (", pos: verb" if verb_only else "")
    return f'  - {{match: "{m}"{extra}}}' if extra else f'  - "{m}"'


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args(argv)
    text = build()
    if a.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} differs from what the script makes; rerun it")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    n = sum(1 for line in text.splitlines() if line.startswith("  - "))
    print(f"wrote {n} entries to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
