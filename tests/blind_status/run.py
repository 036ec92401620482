import sys, math, yaml, json
sys.path.insert(0, __import__("os").path.dirname(__file__))
from cases import CASES
import tracker
def run(t, today, settings):
    doc = {"targets": [t]}
    if settings: doc["settings"] = settings
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    book = tracker.load(text, today=today)
    tab = tracker.status(book, today=today)
    if len(tab)==0:
        return {"status":"<not loaded>", "errors":[str(e) for e in book.errors]}
    return tab.iloc[0].to_dict()
def close(a, b):
    if b is None: return a is None or (isinstance(a,float) and math.isnan(a)) or a=="" 
    if isinstance(b, bool): return bool(a)==b
    if isinstance(b, (int,float)):
        try: a=float(a)
        except Exception: return False
        if math.isnan(a): return False
        return abs(a-b) <= 1e-3*max(1,abs(b))
    return a==b
agree=0; dis=[]; RES={}
for name,t,today,settings,exp in CASES:
    got=run(t,today,settings)
    bad=[]
    for k,v in exp.items():
        if k=="reason":
            if v not in str(got.get("reason","")): bad.append((k,v,got.get("reason")))
        elif isinstance(v,str) and v.startswith("AMBIG"): continue
        elif not close(got.get(k), v): bad.append((k,v,got.get(k)))
    keys=["status","progress","gap","elapsed","expected","ratio","projected_value","projected_year","method","stale","elapsed_today","expected_now","target","reason"]
    short={k:got.get(k) for k in keys if k in got}
    RES[name.split()[0]]=dict(ok=not bad, status=got.get("status"), bad=[(k,str(v),str(g)) for k,v,g in bad])
    if bad: dis.append(name); print("XX",name, bad); print("    ", short)
    else:
        agree+=1
        if "-v" in sys.argv or any(isinstance(v,str) and v.startswith("AMBIG") for v in exp.values()): print("ok",name,short)
print(f"{agree}/{len(CASES)} agree")
import json
if len(sys.argv)>1 and sys.argv[-1].endswith(".json"): json.dump(RES, open(sys.argv[-1],"w"), ensure_ascii=False)
