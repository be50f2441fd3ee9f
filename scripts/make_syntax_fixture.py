#!/usr/bin/env python3
"""Writes src/syntax/testdata/tiny.conllu: short news-like sentences made
from templates, with gold tags, lemmas and UD trees, for the syntax stage's
deterministic tiny training test. Every sentence is generated here (no
treebank text). Usage: scripts/make_syntax_fixture.py > src/syntax/testdata/tiny.conllu
"""
import random

rng = random.Random(7)

COUNTRIES = ["Turkey", "China", "France", "Brazil", "Kenya", "Norway",
             "Chile", "Japan", "Egypt", "Canada"]
# (singular, plural)
NOUNS = [("minister", "ministers"), ("president", "presidents"),
         ("army", "armies"), ("official", "officials"), ("court", "courts"),
         ("rebel", "rebels"), ("envoy", "envoys"), ("police", "police"),
         ("leader", "leaders"), ("committee", "committees")]
THINGS = [("treaty", "treaties"), ("agreement", "agreements"),
          ("deal", "deals"), ("plan", "plans"), ("town", "towns"),
          ("border", "borders"), ("camp", "camps"), ("report", "reports")]
ADJS = ["new", "foreign", "military", "local", "former", "official"]
# (lemma, past, participle)
VERBS = [("sign", "signed", "signed"), ("ratify", "ratified", "ratified"),
         ("reject", "rejected", "rejected"), ("attack", "attacked", "attacked"),
         ("seize", "seized", "seized"), ("approve", "approved", "approved"),
         ("take", "took", "taken"), ("break", "broke", "broken"),
         ("flee", "fled", "fled"), ("hold", "held", "held")]
SPEECH = [("say", "said"), ("announce", "announced"), ("claim", "claimed")]
PREPS = ["in", "near", "with", "after"]
TIMES = ["yesterday", "today"]


class Sentence:
    def __init__(self):
        self.toks = []

    def add(self, form, lemma, upos, xpos, feats="_"):
        self.toks.append([form, lemma, upos, xpos, feats, 0, "_", "_"])
        return len(self.toks)

    def link(self, dep, head, rel):
        self.toks[dep - 1][5] = head
        self.toks[dep - 1][6] = rel


def det(s, head_word):
    d = s.add("the", "the", "DET", "DT", "Definite=Def|PronType=Art")
    return d


def np(s, people=True):
    kind = rng.randrange(4)
    nouns = NOUNS if people else THINGS
    if kind == 0 and people:
        return s.add(rng.choice(COUNTRIES), None, "PROPN", "NNP", "Number=Sing")
    sing, plur = rng.choice(nouns)
    d = det(s, sing)
    a = None
    if kind == 2:
        adj = rng.choice(ADJS)
        a = s.add(adj, adj, "ADJ", "JJ", "Degree=Pos")
    if kind == 3 and plur != sing:
        n = s.add(plur, sing, "NOUN", "NNS", "Number=Plur")
    else:
        n = s.add(sing, sing, "NOUN", "NN", "Number=Sing")
    s.link(d, n, "det")
    if a:
        s.link(a, n, "amod")
    return n


def pp(s, head):
    prep = rng.choice(PREPS)
    c = s.add(prep, prep, "ADP", "IN")
    n = np(s, people=rng.random() < 0.5)
    s.link(c, n, "case")
    s.link(n, head, "obl")


def clause(s):
    """Appends a clause; returns its head (the main verb)."""
    kind = rng.randrange(5)
    lemma, past, part = rng.choice(VERBS)
    if kind == 0:  # subject verb object (pp)
        subj = np(s)
        v = s.add(past, lemma, "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin")
        obj = np(s, people=False)
        s.link(subj, v, "nsubj")
        s.link(obj, v, "obj")
        if rng.random() < 0.5:
            pp(s, v)
        return v
    if kind == 1:  # passive with agent
        subj = np(s, people=False)
        plural = s.toks[subj - 1][3] == "NNS"
        aux = s.add("were" if plural else "was", "be", "AUX", "VBD",
                    "Mood=Ind|Tense=Past|VerbForm=Fin")
        v = s.add(part, lemma, "VERB", "VBN", "Tense=Past|VerbForm=Part|Voice=Pass")
        by = s.add("by", "by", "ADP", "IN")
        agent = np(s)
        s.link(subj, v, "nsubj:pass")
        s.link(aux, v, "aux:pass")
        s.link(by, agent, "case")
        s.link(agent, v, "obl:agent")
        return v
    if kind == 2:  # coordinated subjects
        a = np(s)
        cc = s.add("and", "and", "CCONJ", "CC")
        b = np(s)
        v = s.add(past, lemma, "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin")
        obj = np(s, people=False)
        s.link(cc, b, "cc")
        s.link(b, a, "conj")
        s.link(a, v, "nsubj")
        s.link(obj, v, "obj")
        return v
    if kind == 3:  # modal and negation
        subj = np(s)
        md = s.add("will", "will", "AUX", "MD", "VerbForm=Fin")
        neg = None
        if rng.random() < 0.5:
            neg = s.add("not", "not", "PART", "RB")
        v = s.add(lemma, lemma, "VERB", "VB", "VerbForm=Inf")
        obj = np(s, people=False)
        s.link(subj, v, "nsubj")
        s.link(md, v, "aux")
        if neg:
            s.link(neg, v, "advmod")
        s.link(obj, v, "obj")
        return v
    # subject verb object time
    subj = np(s)
    v = s.add(past, lemma, "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin")
    obj = np(s, people=False)
    t = rng.choice(TIMES)
    tm = s.add(t, t, "NOUN", "NN", "Number=Sing")
    s.link(subj, v, "nsubj")
    s.link(obj, v, "obj")
    s.link(tm, v, "obl:tmod")
    return v


def sentence():
    s = Sentence()
    if rng.random() < 0.3:  # reported speech with a that-clause
        subj = np(s)
        lemma, past = rng.choice(SPEECH)
        v = s.add(past, lemma, "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin")
        s.link(subj, v, "nsubj")
        m = s.add("that", "that", "SCONJ", "IN")
        c = clause(s)
        s.link(m, c, "mark")
        s.link(c, v, "ccomp")
        root = v
    else:
        root = clause(s)
    p = s.add(".", ".", "PUNCT", ".")
    s.link(p, root, "punct")
    s.link(root, 0, "root")
    # Sentence-initial capital; proper nouns are their own lemma.
    for t in s.toks:
        if t[1] is None:
            t[1] = t[0]
    s.toks[0][0] = s.toks[0][0][0].upper() + s.toks[0][0][1:]
    return s


def main():
    out = ["# generated by scripts/make_syntax_fixture.py (curlew's own "
           "template sentences)"]
    for i in range(300):
        s = sentence()
        words = [t[0] for t in s.toks]
        text = " ".join(words[:-1]) + words[-1]
        if i:
            out.append("")
        out.append(f"# sent_id = tiny-{i + 1}")
        out.append(f"# text = {text}")
        for k, t in enumerate(s.toks, 1):
            misc = "SpaceAfter=No" if k == len(s.toks) - 1 else "_"
            out.append("\t".join([str(k), t[0], t[1], t[2], t[3], t[4],
                                  str(t[5]), t[6], "_", misc]))
    print("\n".join(out))
    print()


if __name__ == "__main__":
    main()
