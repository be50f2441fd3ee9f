#!/usr/bin/env python3
"""Generates curlew's country actor dictionary and the country part of the
gazetteer.

Inputs:
  /usr/share/iso-codes/json/iso_3166-1.json  (Debian package iso-codes):
      official names of every ISO 3166-1 country
  data/kb/sources/country_extras.txt  (our own table): other and former
      names, adjectives and demonyms, capitals with coordinates, seats of
      government used as metonyms
  data/kb/sources/places_extra.tsv  (our own table): cities and regions

Outputs (both committed; re-run this script after editing an input):
  data/kb/curlew.countries.actors.txt  PETRARCH actor dictionary
  data/kb/places.tsv                   the gazetteer

Usage: python3 scripts/gen-kb-countries.py [--iso FILE] [--out-dir DIR]
Python 3 standard library only.
"""

import argparse
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ISO_DEFAULT = "/usr/share/iso-codes/json/iso_3166-1.json"

# Capitals that are also common words, other places' names or metonyms for
# something else (Brussels: the EU); they are kept
# in the gazetteer but not used as metonyms for the country.
NOT_METONYMS = {"Male", "Malé", "Victoria", "Kingston", "Georgetown",
                "Saint John's", "Saint George's", "Kingstown", "Praia",
                "Cape Town", "Sucre", "Dar es Salaam", "Abidjan",
                "The Hague", "Putrajaya", "Sri Jayawardenepura Kotte",
                "Brussels", "Tarawa", "Yaren", "Palikir", "Ngerulmud", "Majuro",
                "Funafuti", "Apia", "Santiago", "San Juan", "San Jose",
                "San José", "Lima", "Victoria", "Nuuk", "Laayoune"}

# Endings whose adjective has no -s plural noun ("Chinese", "Turkish",
# "Swiss", "French").
NO_PLURAL_ENDINGS = ("ese", "ish", "ch", "ss", "men", "man", "i", "o",
                     "ic", "an Republic")


def phrase(name):
    """A PETRARCH phrase: upper case, words joined by underscores, closed by
    a final underscore (the phrase must end at a word boundary)."""
    return "_".join(name.upper().split()) + "_"


def parse_latlon(text, where):
    try:
        lat, lon = (float(x) for x in text.split(","))
    except ValueError:
        sys.exit(f"{where}: bad lat,lon '{text}'")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        sys.exit(f"{where}: lat,lon out of range '{text}'")
    return lat, lon


def read_extras(path):
    countries, metonyms = {}, []
    section = "countries"
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
            if not line:
                continue
            if line == "METONYMS":
                section = "metonyms"
                continue
            fields = [x.strip() for x in line.split("|")]
            where = f"{path}:{number}"
            if section == "metonyms":
                if len(fields) != 2:
                    sys.exit(f"{where}: expected 'name | code'")
                metonyms.append(tuple(fields))
                continue
            if len(fields) != 6:
                sys.exit(f"{where}: expected 6 fields, got {len(fields)}")
            code, names, adjectives, capitals, cap_ll, ctr_ll = fields
            countries[code] = {
                "names": [x.strip() for x in names.split(";") if x.strip()],
                "adjectives": [x.strip() for x in adjectives.split(";") if x.strip()],
                "capitals": [x.strip() for x in capitals.split(";") if x.strip()],
                "capital_ll": parse_latlon(cap_ll, where),
                "country_ll": parse_latlon(ctr_ll, where),
            }
    return countries, metonyms


def plural(word):
    if word.endswith(NO_PLURAL_ENDINGS) or " " in word:
        return None
    return word + "s"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iso", default=ISO_DEFAULT)
    ap.add_argument("--out-dir", default=os.path.join(ROOT, "data", "kb"))
    args = ap.parse_args()

    with open(args.iso, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    extras, metonyms = read_extras(
        os.path.join(ROOT, "data", "kb", "sources", "country_extras.txt"))

    iso_codes = {c["alpha_3"] for c in iso}
    entries = []  # (code, [names in order], iso_name)
    for c in sorted(iso, key=lambda c: c["alpha_3"]):
        code = c["alpha_3"]
        names = []
        for key in ("common_name", "name", "official_name"):
            n = c.get(key)
            # "Korea, Republic of" and "Micronesia (Federated States of)"
            # are index forms, not running-text names.
            if n and "," not in n and "(" not in n:
                names.append(n)
        entries.append((code, names, c["name"]))
    for code in sorted(set(extras) - iso_codes):  # CAMEO codes outside ISO
        entries.append((code, [], extras[code]["names"][0]))

    lines = [
        "# curlew knowledge base: countries (PETRARCH actor dictionary format).",
        "# GENERATED by scripts/gen-kb-countries.py -- do not edit by hand; edit",
        "# data/kb/sources/country_extras.txt and re-run the script.",
        "# Names: Debian iso-codes (ISO 3166-1) plus curlew's own table of other",
        "# and former names, adjectives/demonyms and capitals (metonyms:",
        "# \"Ankara denied\" -> TUR). Codes: ISO 3166-1 alpha-3, as CAMEO uses them.",
        "",
        "###### Countries ######",
    ]
    places = []
    for code, iso_names, iso_name in entries:
        x = extras.get(code, {})
        names = list(dict.fromkeys(x.get("names", [])[:1] + iso_names + x.get("names", [])[1:]))
        if not names:
            names = [iso_name]
        seen = set()
        block = []
        words = list(names)
        for adj in x.get("adjectives", []):
            words.append(adj)
            p = plural(adj)
            if p:
                words.append(p)
        for cap in x.get("capitals", []):
            if cap not in NOT_METONYMS:
                words.append(cap)
        for w in words:
            ph = phrase(w)
            if ph in seen:
                continue
            seen.add(ph)
            block.append(ph)
        lines.append(f"{block[0]} [{code}]  # {iso_name}")
        lines.extend("+" + ph for ph in block[1:])
        lines.append("")
        if x:
            lat, lon = x["country_ll"]
            places.append((names[0], [n for n in names[1:]], "country", code, lat, lon))
            lat, lon = x["capital_ll"]
            caps = x["capitals"]
            places.append((caps[0], caps[1:], "capital", code, lat, lon))
    lines.append("###### Seats of government and institutions used as metonyms ######")
    for name, code in metonyms:
        lines.append(f"{phrase(name)} [{code}]")
    lines.append("")

    out = os.path.join(args.out_dir, "curlew.countries.actors.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"wrote {out}: {len(entries)} countries, {len(metonyms)} metonyms")

    extra_places = os.path.join(ROOT, "data", "kb", "sources", "places_extra.tsv")
    out = os.path.join(args.out_dir, "places.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# curlew gazetteer. GENERATED by scripts/gen-kb-countries.py from\n"
                "# data/kb/sources/country_extras.txt (countries, capitals) and\n"
                "# data/kb/sources/places_extra.tsv (cities, regions).\n"
                "# Columns (tab-separated): name, other names (;), kind\n"
                "# (country|capital|city|region), ISO alpha-3 country code, lat, lon.\n")
        for name, alts, kind, code, lat, lon in places:
            f.write(f"{name}\t{';'.join(alts)}\t{kind}\t{code}\t{lat:.2f}\t{lon:.2f}\n")
        n = len(places)
        if os.path.exists(extra_places):
            with open(extra_places, encoding="utf-8") as g:
                for line in g:
                    if line.strip() and not line.startswith("#"):
                        if len(line.rstrip("\n").split("\t")) != 6:
                            sys.exit(f"{extra_places}: bad line: {line!r}")
                        f.write(line if line.endswith("\n") else line + "\n")
                        n += 1
    print(f"wrote {out}: {n} places")


if __name__ == "__main__":
    main()
