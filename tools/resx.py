#!/usr/bin/env python3
"""Writes a pair of .resx files (Swedish neutral, English) from one table, so the two never drift apart.

usage: tools/resx.py <path/Name> <<'T'
Key | Swedish text | English text
T
Writes <path/Name>.resx and <path/Name>.en.resx; existing keys not in the table are kept.
"""
import sys, xml.etree.ElementTree as ET, os

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def read(path):
    if not os.path.exists(path): return {}
    return {d.get('name'): d.findtext('value') or '' for d in ET.parse(path).getroot().findall('data')}

def write(path, entries):
    from xml.sax.saxutils import escape
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEADER)
        for k in sorted(entries):
            f.write(f'  <data name="{escape(k)}" xml:space="preserve"><value>{escape(entries[k])}</value></data>\n')
        f.write('</root>\n')

base = sys.argv[1]
sv, en = read(base + '.resx'), read(base + '.en.resx')
for line in sys.stdin:
    line = line.strip()
    if not line or line.startswith('#'): continue
    parts = [p.strip() for p in line.split('|')]
    if len(parts) != 3: sys.exit(f'need "Key | sv | en": {line}')
    sv[parts[0]], en[parts[0]] = parts[1], parts[2]
write(base + '.resx', sv)
write(base + '.en.resx', en)
