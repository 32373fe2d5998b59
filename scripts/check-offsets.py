#!/usr/bin/env python3
# Checks the offset contract on real files: every span `byline facts --json` prints must be
# input[start:end] == text, where input is the file as given (a JSONL body as given).
# Usage: cargo build && scripts/check-offsets.py FILE...   (uses target/debug/byline)
import json,subprocess,sys,glob
files=sys.argv[1:]
bad=tot=0; unplaced=0
for f in files:
    out=subprocess.run(['target/debug/byline','facts',f,'--json'],capture_output=True,text=True).stdout
    if f.endswith('.jsonl') or f.endswith('.json'):
        srcs=[]
        for line in open(f,encoding='utf-8'):
            line=line.strip()
            if line: 
                o=json.loads(line); srcs.append(o.get('body') or o.get('text') or o.get('content'))
    else:
        srcs=[open(f,encoding='utf-8-sig',newline='').read()]
    for i,line in enumerate(out.splitlines()):
        d=json.loads(line); src=srcs[i] if i<len(srcs) else None
        if src is None: continue
        unplaced+=d.get('unplaced',0)
        spans=[m for e in d['entities'] for m in e['mentions']]+d['dates']+d['quotes']
        for m in spans:
            tot+=1
            if src[m['start']:m['end']]!=m['text']: bad+=1
print(f"{bad} wrong of {tot} spans; {unplaced} unplaced")
