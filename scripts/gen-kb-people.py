#!/usr/bin/env python3
"""Generates curlew's people dictionary: persons with the offices they held,
as date-restricted PETRARCH actor entries.

Inputs:
  data/kb/sources/people/*.txt  (our own tables): one line per person,
      office and term (format below); heads of state and government, foreign,
      defence and interior ministers, heads of international organisations,
      leaders of armed groups and opposition parties
  ../shared/data/petrarch2/Phoenix.Countries.actors.txt and
  Phoenix.International.actors.txt (PETRARCH2's production dictionaries,
      MIT licence): their person entries (the ones with terms of office),
      which cover names up to about 2014
  /usr/share/wordnet/data.* (Debian wordnet-base): a one-word alias that
      is also an English word ("Bush", "May", "Rice") is left out
  data/kb/curlew.{countries,international,groups}.actors.txt and
      data/kb/places.tsv: a person's alias never takes a phrase that already
      names a country, organisation, group or place

Output (committed; re-run this script after editing a source table):
  data/kb/curlew.people.actors.txt

A source line is

  CODE | office | Name; variant; ... | from | to [| home]

  CODE    where the person sits in office: a country code (the agent follows
          from the office: GOV, GOVMIL for a defence minister, OPP for an
          opposition leader) or a full actor code (IGOUNO, PSEINS, ...)
  office  one of OFFICES below
  names   the name as news write it first, then spelling variants, other
          transliterations and the forms used alone ("Erdogan"); diacritics
          are folded by the loader, so "Erdoğan" and "Erdogan" are one form
  from/to YYYY, YYYY-MM or YYYY-MM-DD; an empty `to` means still in office
  home    the person's country when CODE is not one (an organisation's
          head): after the term they are that country's elite (ELI)

Each person is coded, on a document's date, by the office held then; outside
every term (before and after) as their country's elite (CCCELI), as the
Phoenix dictionaries do. A document without a date gets the code of today
(the entry's default: the open term's code, else ELI).

Usage: python3 scripts/gen-kb-people.py [--phoenix DIR] [--out FILE]
       [--report FILE]   (writes the counts table for data/kb/README.md)
Python 3 standard library only.
"""

import argparse
import collections
import glob
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KB = os.path.join(ROOT, "data", "kb")
PHOENIX_DEFAULT = os.path.join(ROOT, "..", "shared", "data", "petrarch2")
WORDNET = "/usr/share/wordnet"

# Office -> (kind, agent added to a bare country code).
OFFICES = {
    "president": ("head of state", "GOV"),
    "monarch": ("head of state", "GOV"),
    "supreme leader": ("head of state", "GOV"),
    "head of state": ("head of state", "GOV"),
    "general secretary": ("head of state", "GOV"),
    "paramount leader": ("head of state", "GOV"),
    "prime minister": ("head of government", "GOV"),
    "head of government": ("head of government", "GOV"),
    "chancellor": ("head of government", "GOV"),
    "vice president": ("deputy head", "GOV"),
    "crown prince": ("deputy head", "GOV"),
    "foreign minister": ("foreign minister", "GOV"),
    "defence minister": ("defence minister", "GOVMIL"),
    "interior minister": ("interior minister", "GOV"),
    "military chief": ("military chief", "MIL"),
    "intelligence chief": ("intelligence chief", "SPY"),
    "other minister": ("other minister", "GOV"),
    "regional leader": ("regional leader", "GOV"),
    "organisation head": ("head of an international organisation", None),
    "opposition leader": ("opposition leader", "OPP"),
    "armed group leader": ("armed group leader", None),
    # A person in the news for who they are, not for an office (a
    # churchman, a laureate, an activist): their country's elite.
    "public figure": ("public figure", "ELI"),
}

# CAMEO country codes outside ISO 3166-1 in the Phoenix files -> curlew's.
# ISO 3166-3 codes of former states are kept (SUN, YUG, CSK, DDR, SCG);
# CAMEO's own spellings map to them.
CAMEO_TO_CURLEW = {
    "USR": "SUN",  # Soviet Union
    "TMP": "TLS",  # East Timor
    "FRY": "SRB",  # Federal Republic of Yugoslavia: Serbia, its continuator
    "SCG": "SRB",  # Serbia and Montenegro (ISO 3166-3), likewise
    "SRP": "BIH",  # Republika Srpska
    "KRJ": "HRV",  # Republic of Serbian Krajina
    "FRN": "FRA",  # French overseas territories
    "ROM": "ROU",  # Romania (CAMEO's old code)
}
# Fictional countries of the TABARI/PETRARCH test suites.
FICTIONAL = {"KNT"}

# Phoenix's CountryInfo snapshot: "Generated at: Thu Jan 30 2014". A term
# it lists as open is known to run until then, not after.
PHOENIX_UNTIL = 20140130
# A term that covers every date: the elite code of a person in office
# today, after their terms, for dated reports outside them.
ALWAYS_FROM, ALWAYS_TO = 18000101, 29991231
TODAY_OPEN = None  # an open term

# Words in a Phoenix primary phrase that mark an institution, not a person.
INSTITUTION_WORDS = {
    "PARLIAMENT", "ASSEMBLY", "COUNCIL", "MINISTRY", "ARMY", "FORCES",
    "PARTY", "GOVERNMENT", "COMMITTEE", "COURT", "POLICE", "CONGRESS",
    "FRONT", "MOVEMENT", "REPUBLIC", "KINGDOM", "STATE", "STATES", "UNION",
    "ORGANIZATION", "ORGANISATION", "AGENCY", "BANK", "COMMISSION", "OFFICE",
    "DEPARTMENT", "SENATE", "CHAMBER", "NAVY", "GUARD", "SERVICE",
    "ADMINISTRATION", "AUTHORITY", "MISSION", "FUND", "PROGRAMME", "PROGRAM",
    "TRIBUNAL", "SECRETARIAT", "INSTITUTE", "CABINET", "VOLKSKAMMER",
    "PRESIDIUM", "POLITBURO", "JUNTA", "LEAGUE", "ALLIANCE", "COALITION",
}

DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def fold(text):
    """Diacritics off, as the loader folds them ("Erdoğan" -> "Erdogan")."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    return t.replace("ı", "i").replace("ø", "o").replace("Ø", "O") \
        .replace("ß", "ss").replace("đ", "d").replace("Đ", "D") \
        .replace("ł", "l").replace("Ł", "L").replace("æ", "ae") \
        .replace("Æ", "AE").replace("œ", "oe").replace("’", "'")


def phrase_of(name):
    """A PETRARCH phrase: folded, upper case, words joined by '_', closed
    by '_'."""
    t = fold(name).upper().replace("_", " ").replace("(", " ").replace(")", " ")
    if "," in t:  # "X, THEN Y": a note, not a name
        return ""
    words = t.split()
    return "_".join(words) + "_" if words else ""


def parse_source_date(text, end, where):
    m = DATE_RE.match(text)
    if not m:
        sys.exit(f"{where}: bad date '{text}' (YYYY, YYYY-MM or YYYY-MM-DD)")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if mo is None:
        return y * 10000 + (1231 if end else 101)
    mo = int(mo)
    if not 1 <= mo <= 12:
        sys.exit(f"{where}: bad month in '{text}'")
    if d is None:
        last = [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31,
                30, 31][mo - 1]
        return y * 10000 + mo * 100 + (last if end else 1)
    d = int(d)
    if not 1 <= d <= 31:
        sys.exit(f"{where}: bad day in '{text}'")
    return y * 10000 + mo * 100 + d


def parse_dict_date(s):
    """The loader's reading of a PETRARCH date (YYMMDD or YYYYMMDD); None
    for a malformed one or an impossible day (Phoenix's "2004017")."""
    d = _parse_dict_date(s)
    if d is None or not (1 <= d // 100 % 100 <= 12 and 1 <= d % 100 <= 31):
        return None
    return d


def _parse_dict_date(s):
    s = s.strip()
    if not s.isdigit():
        return None
    if len(s) == 10 and s.startswith("19"):
        s = s[2:]
    if len(s) == 9:
        s = s[:8]
    if len(s) == 8:
        return int(s)
    if len(s) == 7:
        if s[:2] in ("19", "20"):
            return int(s[:4]) * 10000 + int(s[4]) * 100 + int(s[5:])
        s = s[:6]
    if len(s) == 6:
        v = int(s)
        return (20000000 if v // 10000 < 30 else 19000000) + v
    return None


def country_of(code):
    c = code[:3]
    return CAMEO_TO_CURLEW.get(c, c)


def curlew_code(code):
    """A Phoenix code with its country part mapped to curlew's."""
    if len(code) >= 3 and code[:3] in CAMEO_TO_CURLEW:
        return CAMEO_TO_CURLEW[code[:3]] + code[3:]
    return code


# ---------------------------------------------------------------------------
# Phoenix


class Term:
    __slots__ = ("code", "start", "end", "office", "source")

    def __init__(self, code, start, end, office, source):
        self.code, self.start, self.end = code, start, end
        self.office, self.source = office, source


class Person:
    def __init__(self, key, home, source):
        self.key = key            # folded primary phrase
        self.name = None          # display name
        self.home = home          # country code for ELI
        self.phrases = []         # ordered, unique
        self.terms = []           # Term, in priority order
        self.default = None
        self.sources = set([source])
        self.where = []           # source lines

    def add_phrase(self, p):
        if p and p not in self.phrases:
            self.phrases.append(p)


def parse_code_spec(spec):
    """'CODE', 'CODE <D', 'CODE >D', 'CODE D1-D2', 'CODE D' -> (code, from,
    to) with None for an open end; None if malformed."""
    spec = spec.strip()
    parts = spec.split(None, 1)
    if not parts:
        return None
    code = parts[0]
    m = re.match(r"^([A-Z~-]+)([<>].*)?$", code)
    rest = parts[1].strip() if len(parts) > 1 else ""
    if m and m.group(2):
        code, rest = m.group(1), m.group(2)
    if not rest:
        return code, None, None
    if rest[0] == "<":
        d = parse_dict_date(rest[1:])
        return (code, None, d) if d else None
    if rest[0] == ">":
        d = parse_dict_date(rest[1:])
        return (code, d, None) if d else None
    if "-" in rest:
        a, b = rest.split("-", 1)
        da, db = parse_dict_date(a), parse_dict_date(b)
        return (code, da, db) if da and db else None
    d = parse_dict_date(rest)
    return (code, d, None) if d else None


def read_phoenix(path):
    """Records as curlew's loader groups them: (phrases, specs, comment,
    line). A 0x1A byte stands for a lost letter: such phrases are left
    out."""
    with open(path, "rb") as f:
        data = f.read().decode("utf-8", errors="replace")
    records = []
    cur = None

    def close():
        nonlocal cur
        if cur and cur["specs"]:
            records.append(cur)
        cur = None

    for n, raw in enumerate(data.split("\n"), 1):
        raw = raw.rstrip("\r")
        indented = raw[:1] in ("\t", " ")
        comment = ""
        depth = 0
        line = raw
        for i, c in enumerate(raw):
            if c == "[":
                depth += 1
            elif c == "]" and depth:
                depth -= 1
            elif c == "#" and depth == 0:
                line, comment = raw[:i], raw[i + 1:]
                break
        if ";" in line:
            line = line[:line.index(";")]
        line = line.strip()
        if not line or line.startswith("<!--"):
            continue
        specs = re.findall(r"\[([^\]]*)\]", line)
        if indented and line.startswith("["):
            if cur is not None:
                cur["specs"].extend(specs)
            continue
        synonym = line.startswith("+")
        if synonym:
            line = line[1:]
        if not synonym and cur is not None and cur["specs"]:
            close()
        phrase = line.split("[", 1)[0].strip()
        if cur is None:
            cur = {"phrases": [], "specs": [], "comment": comment, "line": n}
        if "\x1a" not in phrase and "\ufffd" not in phrase:
            cur["phrases"].append(phrase)
        cur["specs"].extend(specs)
        if comment and not cur["comment"]:
            cur["comment"] = comment
    close()
    return records


def phoenix_people(path, tag):
    people = []
    skipped = collections.Counter()
    for rec in read_phoenix(path):
        parsed = [parse_code_spec(s) for s in rec["specs"]]
        parsed = [p for p in parsed if p and p[0] not in ("---", "")]
        if not parsed or not rec["phrases"]:
            continue
        dated = [p for p in parsed if p[1] is not None or p[2] is not None]
        person_comment = ("CountryInfo" in rec["comment"] or
                          "IGOrulers" in rec["comment"])
        if not dated and not person_comment:
            continue
        agentful = [p for p in parsed if len(p[0]) > 3 or p[0] == "ELI"]
        if any(p[0][:3] in ("MNC", "NGO") for p in parsed):
            skipped["company or NGO"] += 1
            continue
        if not agentful:
            skipped["state"] += 1
            continue
        primary = phrase_of(rec["phrases"][0])
        if set(primary.strip("_").split("_")) & INSTITUTION_WORDS:
            skipped["institution"] += 1
            continue
        homes = [country_of(p[0]) for p in parsed
                 if len(p[0]) >= 3 and p[0][:3] not in ("IGO", "NGO", "IMG",
                                                        "ELI", "MNC")]
        if any(h in FICTIONAL for h in homes):
            skipped["fictional"] += 1
            continue
        home = homes[-1] if homes else ""
        person = Person(primary, home, tag)
        person.where.append(f"{os.path.basename(path)}:{rec['line']}")
        for p in rec["phrases"]:
            person.add_phrase(phrase_of(p))
        for code, start, end in parsed:
            code = curlew_code(code)
            if code == "ELI" and home:
                code = home + "ELI"
            if start is None and end is None:
                person.default = code
                continue
            if start is not None and end is not None and start > end:
                start, end = end, start
            person.terms.append(Term(code, start, end, None, tag))
        people.append(person)
    return people, skipped


# ---------------------------------------------------------------------------
# Our own tables


def read_sources(pattern):
    people = {}
    order = []
    for path in sorted(glob.glob(pattern)):
        rel = os.path.relpath(path, ROOT)
        with open(path, encoding="utf-8") as f:
            for n, raw in enumerate(f, 1):
                line = raw.split("#", 1)[0].strip()
                if not line:
                    continue
                where = f"{rel}:{n}"
                fields = [x.strip() for x in line.split("|")]
                if len(fields) not in (5, 6):
                    sys.exit(f"{where}: expected 5 or 6 '|'-separated fields")
                code, office, names, start, end = fields[:5]
                home = fields[5] if len(fields) == 6 else ""
                if office not in OFFICES:
                    sys.exit(f"{where}: unknown office '{office}'")
                if not re.match(r"^[A-Z]{3,15}$", code):
                    sys.exit(f"{where}: bad code '{code}'")
                kind, agent = OFFICES[office]
                if len(code) == 3:
                    if agent is None:
                        sys.exit(f"{where}: '{office}' needs a full code")
                    home = home or code
                    code = code + agent
                elif not home:
                    if code[:3] in ("IGO", "NGO", "IMG"):
                        sys.exit(f"{where}: a home country is needed for {code}")
                    home = code[:3]
                if not re.match(r"^[A-Z]{3}$", home):
                    sys.exit(f"{where}: bad home country '{home}'")
                name_list = [x.strip() for x in names.split(";") if x.strip()]
                if not name_list:
                    sys.exit(f"{where}: no name")
                a = parse_source_date(start, False, where)
                b = parse_source_date(end, True, where) if end else None
                if b is not None and b < a:
                    sys.exit(f"{where}: term ends before it starts")
                key = phrase_of(name_list[0])
                p = people.get(key)
                if p is None:
                    p = Person(key, home, "curlew")
                    p.name = fold(name_list[0])
                    people[key] = p
                    order.append(key)
                elif p.home != home:
                    sys.exit(f"{where}: {name_list[0]} already has home "
                             f"{p.home}, here {home}")
                p.where.append(where)
                for nm in name_list:
                    p.add_phrase(phrase_of(nm))
                p.terms.append(Term(code, a, b, office, "curlew"))
    return [people[k] for k in order]


# ---------------------------------------------------------------------------
# English words and names taken by other entries


# Function words WordNet does not list: a one-word alias never takes them.
FUNCTION_WORDS = set("""
A AN AND ARE AS AT BE BEEN BUT BY CAN COULD DID DO DOES FOR FROM HAD HAS HAVE
HE HER HIM HIS IF IN INTO IS IT ITS MAY MIGHT MUST NO NOR NOT NOW OF ON OR OUR
SHALL SHE SHOULD SO THAN THAT THE THEIR THEM THEN THERE THESE THEY THIS THOSE
TO UP US WAS WE WERE WHAT WHEN WHERE WHICH WHO WHY WILL WITH WOULD YOU
""".split())


def english_words(folder, min_count=3):
    """One-word aliases that are English words in ordinary use ("bush",
    "may", "rice", "brown", "major") are left out: a lemma WordNet lists in
    lower case and that SemCor's sense-tagged text uses at least `min_count`
    times (cntlist.rev), or a function word. Rare words ("macron", "tusk")
    stay: news does not write them in lower case."""
    counts = collections.Counter()
    path = os.path.join(folder, "cntlist.rev")
    if os.path.exists(path):
        with open(path, encoding="latin-1") as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3:
                    counts[parts[0].split("%", 1)[0]] += int(parts[2])
    words = set(FUNCTION_WORDS)
    for pos in ("noun", "verb", "adj", "adv"):
        path = os.path.join(folder, "data." + pos)
        if not os.path.exists(path):
            continue
        with open(path, encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                parts = line.split(" ", 4)
                if len(parts) < 5:
                    continue
                count = int(parts[3], 16)
                rest = parts[4].split(" ")
                for i in range(count):
                    w = rest[2 * i]
                    if pos == "adj" and "(" in w:
                        w = w[:w.index("(")]
                    if w.islower() and counts[w] >= min_count:
                        words.add(w.upper())
    return words


def taken_phrases():
    """Phrases of the other actor files and the gazetteer's names."""
    taken = set()
    for f in ("curlew.countries.actors.txt", "curlew.international.actors.txt",
              "curlew.groups.actors.txt"):
        with open(os.path.join(KB, f), encoding="utf-8") as g:
            for line in g:
                line = line.split("#", 1)[0].strip()
                if not line or line.startswith("["):
                    continue
                p = line.lstrip("+").split("[", 1)[0].strip()
                taken.add(phrase_of(p))
    with open(os.path.join(KB, "places.tsv"), encoding="utf-8") as g:
        for line in g:
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            for name in [f[0]] + [x for x in f[1].split(";") if x]:
                taken.add(phrase_of(name))
    return taken


# ---------------------------------------------------------------------------
# Merging


def in_office(term):
    return not term.code.endswith("ELI")


def merge(curlew_people, phoenix_people):
    """Our people take the Phoenix record with one of their full names and
    the same home country: its phrases join ours, its closed terms follow
    ours (ours win where they overlap), its open terms and default go."""
    by_phrase = collections.defaultdict(list)
    for i, p in enumerate(phoenix_people):
        for ph in p.phrases:
            if ph.count("_") >= 2:  # two words or more
                by_phrase[ph].append(i)
    used = set()
    for person in curlew_people:
        hits = []
        for ph in person.phrases:
            if ph.count("_") < 2:
                continue
            for i in by_phrase.get(ph, []):
                if i in used or i in hits:
                    continue
                if phoenix_people[i].home in (person.home, ""):
                    hits.append(i)
                elif ph in phoenix_people[i].phrases:
                    # Another country's person of that name, or Phoenix's
                    # own slip (Mauritania's leaders coded MUS): our table
                    # keeps the name, the Phoenix record its other names.
                    phoenix_people[i].phrases.remove(ph)
        for i in hits:
            used.add(i)
            px = phoenix_people[i]
            person.sources.add(px.sources.pop() if px.sources else "phoenix")
            person.sources.add("phoenix")
            person.where.extend(px.where)
            for ph in px.phrases:
                person.add_phrase(ph)
            for t in px.terms:
                if t.start is not None and t.end is not None:
                    person.terms.append(t)
    rest = [p for i, p in enumerate(phoenix_people) if i not in used]
    return curlew_people + rest


def finish(person):
    """Caps Phoenix's open terms at its snapshot, sets the default: the
    open term's code, else the home country's elite."""
    if "curlew" not in person.sources:
        for t in person.terms:
            if t.end is None and (t.start or 0) <= PHOENIX_UNTIL:
                t.end = PHOENIX_UNTIL
            if t.start is None:
                t.start = 19000101
    seen = set()
    unique = []
    for t in person.terms:
        if (t.code, t.start, t.end) not in seen:
            seen.add((t.code, t.start, t.end))
            unique.append(t)
    person.terms = unique
    open_terms = [t for t in person.terms if t.end is None]
    if open_terms:
        person.default = open_terms[0].code
    elif person.home:
        if not person.default or in_office(Term(person.default, 0, 0, None,
                                                None)):
            person.default = person.home + "ELI"
    elif not person.default or person.default == "ELI":
        # Nationality unknown (Phoenix's heads of organisations): still
        # the body they led, rather than an actor without a country.
        person.default = person.terms[-1].code if person.terms else "ELI"


def resolve_aliases(people, taken, english):
    """A phrase belongs to one entry. Phrases of other files, places and
    one-word English words go. A phrase several people share goes to an
    alias entry when they share a home country (its terms are theirs:
    "Bush" is a president in 1989-93 and 2001-09), else nobody gets it."""
    owners = collections.defaultdict(list)
    for i, p in enumerate(people):
        for ph in p.phrases:
            owners[ph].append(i)
    dropped = collections.Counter()
    aliases = {}
    for ph, idx in owners.items():
        idx = list(dict.fromkeys(idx))
        reason = None
        if ph in taken:
            reason = "taken by another entry"
        elif ph.count("_") == 1 and ph[:-1] in english:
            reason = "an English word"
        elif ph.count("_") == 1 and len(ph) <= 3:
            reason = "too short"
        elif len(idx) > 1:
            homes = {people[i].home for i in idx}
            if len(homes) == 1 and "" not in homes:
                aliases[ph] = idx
                reason = "alias"
            else:
                reason = "shared by people of different countries"
        if reason:
            dropped[reason] += 1
            for i in idx:
                people[i].phrases.remove(ph)
    # One alias entry per distinct set of people.
    groups = collections.defaultdict(list)
    for ph, idx in aliases.items():
        groups[tuple(idx)].append(ph)
    alias_people = []
    for idx, phrases in groups.items():
        members = [people[i] for i in idx]
        a = Person(phrases[0], members[0].home, "alias")
        a.name = " / ".join(m.name or m.key.strip("_") for m in members)
        a.sources = set().union(*(m.sources for m in members))
        for ph in sorted(phrases):
            a.add_phrase(ph)
        terms = [t for m in members for t in m.terms]
        a.terms = [t for t in terms if in_office(t)] + \
            [t for t in terms if not in_office(t)]
        defaults = [m.default for m in members
                    if m.default and in_office(Term(m.default, 0, 0, None,
                                                    None))]
        a.default = defaults[0] if defaults else a.home + "ELI"
        a.where = [w for m in members for w in m.where[:1]]
        alias_people.append(a)
    return [p for p in people if p.phrases] + alias_people, dropped


def fmt_date(d):
    return f"{d:08d}"


def spec(t):
    if t.start is None or t.start <= 19000101:
        return f"[{t.code} <{fmt_date(t.end)}]"
    if t.end is None:
        return f"[{t.code} >{fmt_date(t.start)}]"
    return f"[{t.code} {fmt_date(t.start)}-{fmt_date(t.end)}]"


def describe(person):
    parts = []
    for t in person.terms:
        if t.office:
            a = f"{t.start // 10000}"
            b = f"{t.end // 10000}" if t.end else ""
            parts.append(f"{t.office} {t.code} {a}-{b}")
    src = "+".join(sorted(person.sources))
    return f"{person.home or '-'}; {src}" + (
        "; " + ", ".join(parts) if parts else "")


def write(people, out, counts_lines):
    lines = [
        "# curlew knowledge base: people and their offices over time",
        "# (PETRARCH actor dictionary format with date restrictions).",
        "# GENERATED by scripts/gen-kb-people.py -- do not edit by hand; edit",
        "# data/kb/sources/people/*.txt and re-run the script.",
        "#",
        "# Entries marked 'curlew' come from curlew's own tables (facts, written",
        "# for curlew). Entries marked 'phoenix' are derived from the person",
        "# entries of PETRARCH2's Phoenix dictionaries (Phoenix.Countries and",
        "# Phoenix.International actors, Copyright (c) 2014 Open Event Data",
        "# Alliance, MIT licence; see data/kb/README.md), with CAMEO's non-ISO",
        "# country codes mapped to curlew's and their open terms closed at the",
        "# dictionaries' snapshot (2014-01-30). 'alias' entries are one phrase",
        "# that several people of one country share (\"Bush\").",
        "#",
        "# On a document's date a person is coded by the office then held; out",
        "# of office, before and after, as their country's elite (CCCELI).",
        "# The undated code (last line of an entry) is today's.",
        "",
    ]
    for p in people:
        lines.append(f"{p.phrases[0]}  # {describe(p)}")
        lines.extend("+" + ph for ph in p.phrases[1:])
        lines.extend("\t" + spec(t) for t in p.terms)
        if p.home and in_office(Term(p.default, 0, 0, None, None)):
            # In office today: that is the undated code, but a dated
            # report outside every term still gets the elite code.
            lines.append(f"\t[{p.home}ELI {ALWAYS_FROM}-{ALWAYS_TO}]")
        lines.append(f"\t[{p.default}]")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def counts(people, curlew_people, phoenix_count, dropped):
    by_kind = collections.Counter()
    people_by_kind = collections.defaultdict(set)
    countries_by_kind = collections.defaultdict(set)
    terms = 0
    for p in curlew_people:
        for t in p.terms:
            if t.office:
                kind = OFFICES[t.office][0]
                by_kind[kind] += 1
                people_by_kind[kind].add(p.key)
                countries_by_kind[kind].add(t.code[:3] if t.code[:3] not in
                                            ("IGO", "NGO", "IMG") else t.code)
                terms += 1
    all_terms = sum(len(p.terms) for p in people if p.source_kind != "alias")
    homes = {p.home for p in people if p.home}
    src = collections.Counter(p.source_kind for p in people)
    out = []
    out.append("| | count |")
    out.append("|---|---:|")
    out.append(f"| entries in `curlew.people.actors.txt` | {len(people):,} |")
    out.append(f"| people from curlew's own tables | {len(curlew_people):,} |")
    out.append(f"| ... of whom also in Phoenix (merged) | "
               f"{sum(1 for p in curlew_people if 'phoenix' in p.sources):,} |")
    out.append(f"| people from Phoenix only | {src['phoenix']:,} |")
    out.append(f"| alias entries (one name, several people of one country) | "
               f"{src['alias']:,} |")
    out.append(f"| Phoenix person records read | {phoenix_count:,} |")
    out.append(f"| terms of office, all entries | {all_terms:,} |")
    out.append(f"| terms in curlew's own tables | {terms:,} |")
    out.append(f"| countries (home) covered | {len(homes):,} |")
    out.append(f"| phrases | {sum(len(p.phrases) for p in people):,} |")
    out.append("")
    out.append("| office kind (curlew's tables) | terms | people | countries or bodies |")
    out.append("|---|---:|---:|---:|")
    for kind, n in sorted(by_kind.items(), key=lambda x: -x[1]):
        out.append(f"| {kind} | {n:,} | {len(people_by_kind[kind]):,} | "
                   f"{len(countries_by_kind[kind]):,} |")
    out.append("")
    out.append("Countries (or bodies) with terms in curlew's tables, by office:")
    out.append("")
    for kind in ("foreign minister", "defence minister", "interior minister",
                 "head of an international organisation",
                 "armed group leader", "opposition leader"):
        codes = sorted(countries_by_kind[kind])
        out.append(f"- {kind} ({len(codes)}): {', '.join(codes)}")
    out.append("")
    out.append("| phrases left out | count |")
    out.append("|---|---:|")
    for reason, n in sorted(dropped.items()):
        if reason != "alias":
            out.append(f"| {reason} | {n:,} |")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--phoenix", default=PHOENIX_DEFAULT)
    ap.add_argument("--out", default=os.path.join(KB, "curlew.people.actors.txt"))
    ap.add_argument("--report", help="write the counts (Markdown) here")
    args = ap.parse_args()

    curlew_people = read_sources(os.path.join(KB, "sources", "people", "*.txt"))
    phoenix = []
    skipped = collections.Counter()
    for name in ("Phoenix.Countries.actors.txt",
                 "Phoenix.International.actors.txt"):
        path = os.path.join(args.phoenix, name)
        if not os.path.exists(path):
            sys.exit(f"{path} not found (../shared/data/petrarch2; --phoenix)")
        got, sk = phoenix_people(path, "phoenix")
        phoenix.extend(got)
        skipped.update(sk)
    phoenix_count = len(phoenix)
    people = merge(curlew_people, phoenix)
    for p in people:
        p.source_kind = "curlew" if "curlew" in p.sources else "phoenix"
        finish(p)
    people = [p for p in people if p.terms or p.default]
    people, dropped = resolve_aliases(people, taken_phrases(),
                                      english_words(WORDNET))
    for p in people:
        if not hasattr(p, "source_kind"):
            p.source_kind = "alias"
    write(people, args.out, None)
    table = counts(people, curlew_people, phoenix_count, dropped)
    print(f"wrote {args.out}: {len(people)} entries "
          f"({len(curlew_people)} from curlew's tables, "
          f"{phoenix_count} Phoenix person records read; skipped "
          f"{dict(skipped)})")
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write("\n".join(table) + "\n")
    else:
        print("\n".join(table))


if __name__ == "__main__":
    main()
