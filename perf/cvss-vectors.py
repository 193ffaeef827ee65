#!/usr/bin/env python3
"""Writes N seeded random valid CVSS vectors (v2.0, v3.0, v3.1, v4.0 in equal shares), one a line, for perf/cvss-1m.sh.

Usage: perf/cvss-vectors.py [count] [seed] > vectors.txt
Metric tables: CVSS v2 guide Table 12, v3.1 spec Table 15, v4.0 spec Table 23.
"""
import random
import sys

V2 = ([("AV", "LAN"), ("AC", "HML"), ("Au", "MSN"), ("C", "NPC"), ("I", "NPC"), ("A", "NPC")],
      [("E", ["U", "POC", "F", "H", "ND"]), ("RL", ["OF", "TF", "W", "U", "ND"]), ("RC", ["UC", "UR", "C", "ND"]),
       ("CDP", ["N", "L", "LM", "MH", "H", "ND"]), ("TD", ["N", "L", "M", "H", "ND"]),
       ("CR", ["L", "M", "H", "ND"]), ("IR", ["L", "M", "H", "ND"]), ("AR", ["L", "M", "H", "ND"])])
V3 = ([("AV", "NALP"), ("AC", "LH"), ("PR", "NLH"), ("UI", "NR"), ("S", "UC"), ("C", "HLN"), ("I", "HLN"), ("A", "HLN")],
      [("E", "XHFPU"), ("RL", "XUWTO"), ("RC", "XCRU"), ("CR", "XHML"), ("IR", "XHML"), ("AR", "XHML"),
       ("MAV", "XNALP"), ("MAC", "XLH"), ("MPR", "XNLH"), ("MUI", "XNR"), ("MS", "XUC"), ("MC", "XHLN"), ("MI", "XHLN"), ("MA", "XHLN")])
V4 = ([("AV", "NALP"), ("AC", "LH"), ("AT", "NP"), ("PR", "NLH"), ("UI", "NPA"), ("VC", "HLN"), ("VI", "HLN"), ("VA", "HLN"),
       ("SC", "HLN"), ("SI", "HLN"), ("SA", "HLN")],
      [("E", "XAPU"), ("CR", "XHML"), ("IR", "XHML"), ("AR", "XHML"), ("MAV", "XNALP"), ("MAC", "XLH"), ("MAT", "XNP"),
       ("MPR", "XNLH"), ("MUI", "XNPA"), ("MVC", "XHLN"), ("MVI", "XHLN"), ("MVA", "XHLN"), ("MSC", "XHLN"), ("MSI", "XHLNS"),
       ("MSA", "XHLNS"), ("S", "XNP"), ("AU", "XNY"), ("R", "XAUI"), ("V", "XDC"), ("RE", "XLMH"), ("U", ["X", "Clear", "Green", "Amber", "Red"])])


def vector(rng, prefix, table, shuffle):
    base, optional = table
    parts = [f"{k}:{rng.choice(v)}" for k, v in base]
    if rng.random() < 0.67:
        density = rng.uniform(0.2, 0.6)
        parts += [f"{k}:{rng.choice(v)}" for k, v in optional if rng.random() < density]
    if shuffle and rng.random() < 0.5:
        rng.shuffle(parts)  # v3.1 spec §6: any order
    return prefix + "/".join(parts)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 4)
    kinds = [("", V2, False), ("CVSS:3.0/", V3, True), ("CVSS:3.1/", V3, True), ("CVSS:4.0/", V4, False)]
    out = sys.stdout
    for i in range(count):
        prefix, table, shuffle = kinds[i % 4]
        out.write(vector(rng, prefix, table, shuffle) + "\n")


if __name__ == "__main__":
    main()
