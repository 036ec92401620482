import sys, json
sys.path.insert(0, __import__("os").path.dirname(__file__))
from cases import CASES
from notes import N, Y
before = json.load(open(__import__("os").path.join(__import__("os").path.dirname(__file__), "before.json"))); after = json.load(open(__import__("os").path.join(__import__("os").path.dirname(__file__), "after.json")))
def inputs(t):
    parts = [f"type={t.get('type','level')}", f"dir={t.get('direction','up')}", f"q={t.get('qualifier','eq')}", f"unit={t['unit']}"]
    if "baseline" in t: parts.append(f"base={t['baseline']['value']}@{t['baseline']['date']}")
    else: parts.append("base=—")
    tg = t.get("target")
    if tg: parts.append("target=" + str(tg.get("value")) + (f"–{tg['value_max']}" if "value_max" in tg else "") + f" due {tg.get('due','—')}")
    else: parts.append("target=—")
    parts.append("progress=" + (", ".join(f"{p['date']}:{p['value']}" for p in t.get("progress", [])) or "—"))
    return "; ".join(parts)
def exp(e):
    return ", ".join(f"{k}={round(v,4) if isinstance(v,float) else v}" for k, v in e.items())
out = ["# Status maths: blind hand-worked cases", "",
"Worked out from the documentation only (targets.yaml header, README “进度、状态与预测”, FIGURES.md) before",
"tracker/progress.py was read. Conventions taken from the docs and the README's worked example (ks-gdp:",
"38%, 33.4%, 5333.94, 6.3%, 7.6%, R 1.21, 6226.93, 2026): a year date is 31 December, a month date its last",
f"day; {Y}; observed growth = (latest/base)^(1/years) - 1, required = (target/base)^(1/years to due) - 1,",
"R = observed / required (level, increment); linear R = progress / t (baseline ≤ 0, flows from 0 at the start of",
"the year, no due); rates and shares R = latest / target (target / latest for a ceiling); R ≥ 0.95 进度正常,",
"0.6 ≤ R < 0.95 需加快, 0 ≤ R < 0.6 进展缓慢, R < 0 倒退. Projection continues the same pace.",
"Numbers are compared within 1e-3 relative. “AMBIG” marks an expectation the docs do not settle.",
"",
"“before” is the original code (2cb54b8), “after” this branch. The cases run through tracker.load + tracker.status",
"(the harness is reproduced by tests/test_tracker_status_blind.py for the cases that found bugs).",
"",
"| case | inputs | today | expected | arithmetic | before | after |",
"|---|---|---|---|---|---|---|"]
for name, t, today, settings, e in CASES:
    cid = name.split()[0]; title = name[len(cid)+1:]
    s = f" settings={settings}" if settings else ""
    b, a = before[cid], after[cid]
    fmt = lambda r: ("agree" if r["ok"] else "DIFFER: " + "; ".join(f"{k} got {g}" for k, _, g in r["bad"])) + f" ({r['status']})"
    out.append(f"| {cid} {title} | {inputs(t)}{s} | {today} | {exp(e)} | {N.get(cid,'')} | {fmt(b)} | {fmt(a)} |")
nb = sum(r["ok"] for r in before.values()); na = sum(r["ok"] for r in after.values())
out += ["", f"{len(CASES)} cases: {nb} agreed with the original code, {na} agree after the fixes (the other "
        f"{len(CASES)-na} are documentation disagreements, settled by changing the docs: S01, F04, T03)."]
open(__import__("os").path.join(__import__("os").path.dirname(__file__), "..", "status_cases.md"), "w").write("\n".join(out) + "\n")
