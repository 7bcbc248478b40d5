#!/usr/bin/env python3
"""Writes data/regions/zones.csv from scripts/data/zones-draft.txt: place names turned into codes with the bundled
code tables (areas.csv, cities.csv, adcodes-2025.csv for units created after 2023). A name that does not resolve
to exactly one code stops the script."""
import csv, sys, os
root = os.path.join(os.path.dirname(__file__), '..', '..')
reg = os.path.join(root, 'data', 'regions')
prov = {r['code']: r['name'] for r in csv.DictReader(open(os.path.join(reg, 'provinces.csv'), encoding='utf-8'))}
cities = {}
for r in csv.DictReader(open(os.path.join(reg, 'cities.csv'), encoding='utf-8')):
    name = prov[r['provinceCode']] if r['name'] == '市辖区' else r['name']
    cities.setdefault(name, []).append(r['code'] + '00')
districts = {}
for r in csv.DictReader(open(os.path.join(reg, 'areas.csv'), encoding='utf-8')):
    districts.setdefault(r['name'], set()).add(r['code'])
for r in csv.DictReader(open(os.path.join(reg, 'adcodes-2025.csv'), encoding='utf-8')):
    code = r['adcode'][:6]
    if not code.endswith('00'): districts.setdefault(r['name'], set()).add(code)
source = {'hitech': '科技部 国家高新技术产业开发区名单(178 家, 2023)', 'etdz': '商务部 国家级经济技术开发区名单(230 家, 2021)',
          'bonded': '海关总署 保税区名单', 'new-area': '国务院批复设立的国家级新区及合作区', 'park': '园区公开介绍(生物医药园区、小镇)',
          'provincial': '省级开发区公告目录'}
out = csv.writer(open(os.path.join(reg, 'zones.csv'), 'w', encoding='utf-8', newline=''), lineterminator='\n')
out.writerow(['name', 'aliases', 'former_names', 'kind', 'city_code', 'district_code', 'source', 'basis'])
for line in open(os.path.join(os.path.dirname(__file__), 'zones-draft.txt'), encoding='utf-8'):
    line = line.rstrip('\n')
    if not line or line.startswith('#'): continue
    name, kind, city, district, aliases = line.split('|')
    codes = cities.get(city, [])
    if len(codes) != 1:
        # 省直辖县级行政区划 and the like: the district decides the city.
        cand = [c for c in districts.get(district, ()) if any(c[:4] == k[:4] for k in codes)] if district else []
        if len(cand) != 1: sys.exit(f'{name}: city {city} gives {codes}')
        codes = [cand[0][:4] + '00']
    city_code = codes[0]
    dcode = ''
    if district:
        cand = [c for c in districts.get(district, ()) if c[:4] == city_code[:4] or (city_code[:2] in ('11', '12', '31', '50') and c[:2] == city_code[:2])]
        if len(cand) != 1: sys.exit(f'{name}: district {district} in {city} gives {cand}')
        dcode = cand[0]
    basis = f'主体(管委会)位于{district}' if district else '跨多个区县或所在区未能确认：只定到市'
    former = ''
    out.writerow([name, aliases, former, kind, city_code, dcode, source[kind], basis])
