#!/usr/bin/env python3
"""Builds gold.jsonl from the hand annotations below and the article texts in texts/.

Each quotation is named by the first words inside its guillemets (QUOTE_PREFIX, unique in the
article); its span is computed from the text, so the annotations stay readable. Each source is
named by the exact text of the source's name and which occurrence (0 = first) in the article.
Entities, dates and roles (and, for articles not in A, the split, quotes and sources too) come
from ann/FILE.json, one file an article; see README.md, "Annotating an article".
Run: python3 tests/data/wikinews-fr/build_gold.py  (from the repository root).
     python3 tests/data/wikinews-fr/build_gold.py --show 44533.txt  (the article with its spans)
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))

# file: (split, [(quote prefix, speaker or None)], [(source name text, occurrence)])
A = {
 # ---------------- dev: read while writing rules ----------------
 "44046.txt": ("dev", [("Si ce collègue", "SUD"), ("refus de lui", "SUD"), ('"ce n\'est que', "SUD-PTT")], []),
 "44145.txt": ("dev", [], [("chef de la direction de l'aviation civile nigériane", 0)]),
 "44290.txt": ("dev", [("fêtes sauvages", "Talibans")], []),
 "44292.txt": ("dev", [], []),
 "44318.txt": ("dev", [], [("Groupe France Télécom", 0)]),
 "44321.txt": ("dev", [("doit être compréhensible", None), ("Dans les écoles", "Miguel Nerva")], []),
 "44337.txt": ("dev", [("Les militaires ne", "Abdel Nasser"), ("Tous ces retards", "Hassan"), ("Moi, dit-il", "Hassan")], []),
 "44373.txt": ("dev", [("L'abaissement de la note", "Crédit Mutuel CIC")], []),
 "44522.txt": ("dev", [("malgré la mise", "Houdré")], [("INSEE", 0), ("Houdré", 0)]),
 "44527.txt": ("dev", [("La conclusion, c'est", "Al Jazeera"), ("Les niveaux étaient", "Al Jazeera"),
                       ("des gens qui", "Al Jazeera"), ("Je veux demander", "Souha Arafat"),
                       ("Nous appelons à", None)], []),
 "44530.txt": ("dev", [("Les forces françaises", "Bernard Bajolet")], []),
 "44532.txt": ("dev", [("Ce vote est", "Jérémie Zimmermann"), ("le texte a permis", "Jérémie Zimmermann"),
                       ("Le vote d'aujourd'hui", "April")], []),
 "44533.txt": ("dev", [("il y a bien une ardoise", "Jérôme Cahuzac"), ("C'est d'une France", "Pierre Moscovici")],
               [("Jérôme Cahuzac", 0)]),
 "44536.txt": ("dev", [], [("Pete Selleck", 0)]),
 "44545.txt": ("dev", [("C'est quelque chose", "Akli Gasmi"), ("Moi, j'étais", "Michel Guay")], []),
 "44570.txt": ("dev", [("socialement marqué", "François Dubet")], [("académies", 0), ("François Dubet", 0)]),
 "44585.txt": ("dev", [], []),
 "44586.txt": ("dev", [("des suites d'une", None)], [("AFP", 0), ("Michel Nouader", 0)]),
 "45525.txt": ("dev", [("Aucun Français", "François Hollande")], []),
 "45527.txt": ("dev", [("qui doivent pouvoir", None), ("tout en œuvre", None)], []),
 "45619.txt": ("dev", [("Dans le domaine scientifique", "Valentine Sapounov"),
                       ("Malheureusement, nous", "Valentine Sapounov")],
               [("RIA Novosti", 0), ("Sapounov", 2)]),
 "45625.txt": ("dev", [("quand nous avons reçu", None), ("par un feu de Bengale", None),
                       ("Nous sommes en ce moment", None)], [("police", 0)]),
 "45626.txt": ("dev", [("Notre climat change", "Michael Bloomberg"), ("Je suis honoré", "Barack Obama"),
                       ("tous les sites de paris", "Michael Bloomberg")], []),
 "45635.txt": ("dev", [], [("médias", 0)]),
 "45712.txt": ("dev", [("à 500 millions", "Joechen Zaumseil"), ("100 millions d'euros", "Joechen Zaumseil"),
                       ("les machines et les salariés", "David Quentin")], [("David Quentin", 0)]),
 "45750.txt": ("dev", [], []),
 "45761.txt": ("dev", [("la qualité de l'enseignement", None), ("la société du savoir", None)], []),
 "45764.txt": ("dev", [("l’encyclopédie subit", "Élisabeth Bonnet"), ("machine à décerveler", None),
                       ("0,1% des éditeurs", None), ("Wikipédia est incontournable", None)], []),
 "45774.txt": ("dev", [("d'une rupture", "Marc Guillemot"), ("J'ai imaginé", "Marc Guillemot")], []),
 "45766.txt": ("dev", [("la corruption qui ronge", "Hu Jintao")], []),
 "45614.txt": ("dev", [], [("Joseph J. Lhota", 0)]),
 "44552.txt": ("dev", [], [("police", 0)]),
 "44502.txt": ("dev", [], []),
 # ---------------- test: not read while writing rules ----------------
 "44618.txt": ("test", [("Imaginez un monde", None)], []),
 "44636.txt": ("test", [("le fait d'imposer", None), ("Est assimilé", None)], []),
 "44655.txt": ("test", [("L'Italie a plus", "Moody's"), ("ne puisse plus", "Moody's")], []),
 "44672.txt": ("test", [("un tir d'obus", "Le Figaro"), ("source proche du dossier", "Le Figaro"),
                        ("Les analyses balistiques", "Le Figaro"), ("Des analyses montrent", "Le Figaro"),
                        ("Il faudrait noter", "Ligue arabe")], [("Le Figaro", 0)]),
 "44772.txt": ("test", [("on ne peut pas interdire", "Alberto Ruiz-Gallardón"), ("un pas vers", None)],
               [("El Pais", 0)]),
 "44833.txt": ("test", [("effort de transparence", "fisc"), ("Ils auraient dû", "Zlatko Zeljko")], []),
 "45070.txt": ("test", [("l'entraîneur qui", "Mitt Romney"), ("le problème est", "Obama"),
                        ("Lors de la première", "Obama"), ("il veut une apothéose", "Obama"),
                        ("ne gagneront pas", "Obama")], []),
 "45197.txt": ("test", [("Les résultats sont alarmants", "Gilles-Éric Séralini"),
                        ("Les résultats révèlent", "Gilles-Éric Séralini"),
                        ("Le premier mâle", "Gilles-Éric Séralini")],
               [("AFP", 0), ("université de Caen", 0)]),
 "45467.txt": ("test", [("C'est vous qui", "Antoine Sollacaro"), ("Je partirai quand", "Bernard Bonnet"),
                        ("Nous aurions dû", "Gilles Simeoni")], [("BFM TV", 0), ("Figaro", 0)]),
 "45513.txt": ("test", [], []),
 "45621.txt": ("test", [("pourront atteindre", "Météo France")], []),
 "44568.txt": ("test", [("Le BEA nous a", "Robert Soulas")], []),
 "44652.txt": ("test", [("plus meurtrière", None)], [("autorités", 0)]),
 "44959.txt": ("test", [("L'épisode de températures", "Météo France")], [("Météo France", 0)]),
 "44974.txt": ("test", [("Petroplus a fermé", "Jean Louis Schilansky")], []),
 "44975.txt": ("test", [("le catalan est", "Antoni Pastor"), ("Quand on affronte", "Antoni Pastor"),
                        ("Il est évident", "Antoni Pastor")], []),
 "45468.txt": ("test", [], []),
 "45498.txt": ("test", [("patronne de l'environnement", "Jean-Paul II")], []),
 "45643.txt": ("test", [("Nous avons appris", "Obama"), ("Le président Obama a promis", "Mitt Romney"),
                        ("nouveau départ", "Mitt Romney"), ("triste rappel", "Mitt Romney"),
                        ("quasiment au point mort", "Mitt Romney")], []),
}


def quotes_of(text):
    """Spans (code points) of «…» contents, trimmed of spaces."""
    out = []
    for m in re.finditer(r"«(.*?)»", text, re.S):
        s, e = m.start(1), m.end(1)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


def nearest(text, name, pos):
    hits = [m.start() for m in re.finditer(re.escape(name), text)]
    if not hits:
        raise SystemExit(f"speaker {name!r} not in text")
    s = min(hits, key=lambda h: abs(h - pos))
    return [s, s + len(name)]




def occurrences(text, surface):
    """Start offsets (code points) of whole-word occurrences of `surface`, case-sensitive."""
    pat = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
    return [m.start() for m in re.finditer(pat, text)]


def resolve(text, items, what):
    """[surface, value] or [surface, value, n] items to spans: every whole-word occurrence, or
    only the n-th (1-based); where spans overlap the longer one wins."""
    chosen = {}
    for item in items:
        surface, value = item[0], item[1]
        hits = occurrences(text, surface)
        if not hits:
            raise SystemExit(f"{what} {surface!r} not in text")
        if len(item) > 2:
            n = item[2]
            if not 1 <= n <= len(hits):
                raise SystemExit(f"{what} {surface!r}: occurrence {n} of {len(hits)}")
            hits = [hits[n - 1]]
            chosen[(hits[0], hits[0] + len(surface))] = (value, True)
        else:
            for h in hits:
                chosen.setdefault((h, h + len(surface)), (value, False))
    # Longest first; an explicit occurrence beats an all-occurrences item on the same span.
    spans = sorted(chosen.items(), key=lambda kv: (-(kv[0][1] - kv[0][0]), kv[0][0]))
    taken, out = [], []
    for (s, e), (value, _) in spans:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        out.append((s, e, value))
    return sorted(out)


def annotations(f, text):
    path = os.path.join(HERE, "ann", f.replace(".txt", ".json"))
    if not os.path.exists(path):
        return None
    ann = json.load(open(path, encoding="utf-8"))
    ents = resolve(text, ann.get("entities", []), "entity")
    drop = set()
    for surface, n in ann.get("not_entities", []):
        hits = occurrences(text, surface)
        if not 1 <= n <= len(hits):
            raise SystemExit(f"{f}: not_entities {surface!r}: occurrence {n} of {len(hits)}")
        drop.add(hits[n - 1])
    entities = [{"start": s, "end": e, "label": v} for s, e, v in ents if s not in drop]
    for x in entities:
        if x["label"] not in ("PER", "LOC", "ORG"):
            raise SystemExit(f"{f}: label {x['label']!r}")
    dates = [{"start": s, "end": e, "value": v} for s, e, v in resolve(text, ann.get("dates", []), "date")]
    roles = []
    for person, role in ann.get("roles", []):
        if not occurrences(text, person):
            raise SystemExit(f"{f}: role person {person!r} not in text")
        roles.append({"person": person, "role": role})
    return ann, entities, dates, roles


def show(f):
    text = open(os.path.join(HERE, "texts", f), encoding="utf-8").read()
    got = annotations(f, text)
    if got is None:
        raise SystemExit(f"no ann/ file for {f}")
    _, entities, dates, roles = got
    marks = [(x["start"], x["end"], x["label"]) for x in entities]
    marks += [(x["start"], x["end"], "DATE=" + str(x["value"])) for x in dates]
    out, pos = [], 0
    for s, e, tag in sorted(marks):
        if s < pos:
            out.append(f" <<OVERLAP {tag}>> ")
            continue
        out.append(text[pos:s] + "[" + text[s:e] + "|" + tag + "]")
        pos = e
    out.append(text[pos:])
    print("".join(out))
    for r in roles:
        print("ROLE", r["person"], "=", r["role"])


def main():
    lines = []
    files = sorted(os.listdir(os.path.join(HERE, "texts")))
    for f in files:
        text = open(os.path.join(HERE, "texts", f), encoding="utf-8").read()
        got = annotations(f, text)
        if f in A:
            split, qs, srcs = A[f]
        elif got is not None:
            split = got[0]["split"]
            qs = [tuple(q) for q in got[0].get("quotes", [])]
            srcs = [tuple(x) for x in got[0].get("sources", [])]
        else:
            continue
        spans = quotes_of(text)
        quotes = []
        for prefix, speaker in qs:
            found = [(s, e) for s, e in spans if text[s:e].startswith(prefix)]
            if len(found) != 1:
                raise SystemExit(f"{f}: quote {prefix!r} found {len(found)} times")
            s, e = found[0]
            q = {"start": s, "end": e, "speaker": speaker}
            if speaker:
                q["speaker_span"] = nearest(text, speaker, s)
            quotes.append(q)
        sources = []
        for name, occ in srcs:
            hits = [m.start() for m in re.finditer(re.escape(name), text)]
            s = hits[occ]
            sources.append({"start": s, "end": s + len(name), "name": name})
        line = {"file": f, "split": split, "quotes": quotes, "sources": sources}
        if got is not None:
            line["entities"], line["dates"], line["roles"] = got[1], got[2], got[3]
        lines.append(json.dumps(line, ensure_ascii=False))
    with open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--show":
        show(sys.argv[2])
    else:
        main()
