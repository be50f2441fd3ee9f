#!/usr/bin/env python3
"""Builds data/cameo/cameo.tsv from the reference tables in ../shared/data.

Facts restated: CAMEO code and name (GDELT code list), Goldstein value (the
GDELT table, CAMEO.goldsteinscale.txt), quad class (01-05 verbal
cooperation = 1, 06-08 material cooperation = 2, 09-13 verbal conflict = 3,
14-20 material conflict = 4) and the PLOVER event type and mode
(CAMEO2PLOVER-2021.txt, PLOVER draft 0.8).

Usage: scripts/make-cameo-table.py ../shared/data > data/cameo/cameo.tsv
"""
import re
import sys

shared = sys.argv[1] if len(sys.argv) > 1 else '../shared/data'
names, gold, plover = {}, {}, {}
for line in open(f'{shared}/cameo/CAMEO.eventcodes.txt', encoding='utf-8').read().splitlines()[1:]:
    code, name = line.split('\t', 1)
    names[code.strip()] = ' '.join(name.replace('\u00d2', '"').replace('\u00d3', '"').split())
for line in open(f'{shared}/cameo/CAMEO.goldsteinscale.txt', encoding='utf-8').read().splitlines()[1:]:
    code, value = line.split('\t')
    gold[code.strip()] = value.strip()
for line in open(f'{shared}/plover/CAMEO2PLOVER-2021.txt', encoding='utf-8'):
    line = line.split('#', 1)[0]
    m = re.match(r'^\s*(\d+):\s*([A-Z_]+)\s*(?:,([^,]*))?', line)
    if m:
        plover[m.group(1)] = (m.group(2), (m.group(3) or '').strip())

print('# CAMEO event codes: code, name, Goldstein value (GDELT table), quad class,')
print('# PLOVER type and mode (CAMEO2PLOVER 2021). Built by scripts/make-cameo-table.py.')
print('code\tname\tgoldstein\tquad\tplover\tplover_mode')
for code in sorted(names, key=lambda c: (c[:2], len(c), c)):
    root = int(code[:2])
    quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
    p = plover.get(code) or plover.get(code[:3]) or ('', '')
    print(f'{code}\t{names[code]}\t{gold.get(code, "")}\t{quad}\t{p[0]}\t{p[1]}')
