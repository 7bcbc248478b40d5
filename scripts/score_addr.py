import csv, json, subprocess, sys, collections
brain = sys.argv[1] if len(sys.argv) > 1 else '.build/debug/brain'
rows = list(csv.DictReader(open('Tests/labelled/addresses.tsv', encoding='utf-8'), delimiter='\t', quoting=csv.QUOTE_NONE))
inp = '\n'.join(r['address'].replace('\n',' ') for r in rows) + '\n'
out = subprocess.run([brain, 'normalize', 'address'], input=inp, capture_output=True, text=True).stdout.splitlines()
assert len(out) == len(rows), (len(out), len(rows))
ok = 0; wrong = 0; percat = collections.Counter(); totcat = collections.Counter(); misses = []
for r, o in zip(rows, out):
    o = json.loads(o)
    also = [x for x in (r.get('district_also') or '').split(';') if x]
    pc, cc, dc = o.get('province_code') or '', o.get('city_code') or '', o.get('district_code') or ''
    good = pc == r['province_code'] and cc == r['city_code'] and (dc == r['district_code'] or (dc in also and dc))
    if not r['district_code'] and also: good = pc == r['province_code'] and cc == r['city_code'] and (dc == '' or dc in also)
    totcat[r['category']] += 1
    if good: ok += 1; percat[r['category']] += 1
    else:
        bad = (r['province_code'] and pc and pc != r['province_code']) or (r['city_code'] and cc and cc != r['city_code']) or (r['district_code'] and dc and dc != r['district_code'] and dc not in also) or (not r['district_code'] and dc and dc not in also) or (not r['city_code'] and cc) or (not r['province_code'] and pc)
        if bad: wrong += 1
        misses.append((r['category'], r['address'], (r['province_code'], r['city_code'], r['district_code']), (pc, cc, dc, o.get('status')), 'WRONG' if bad else ''))
print(f'all levels {ok}/{len(rows)} = {ok/len(rows)*100:.1f}%  wrong answers {wrong}')
for c in sorted(totcat): print(f'  {c:14s} {percat[c]}/{totcat[c]}')
for m in misses: print(*m, sep='\t')
