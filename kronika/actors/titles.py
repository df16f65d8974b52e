"""Titles and roles resolved at the article's date (resources/lang/<lang>/titles.yaml).

A title takes its country from a country adjective or possessive before it ("rosyjski
przywódca", "Russia's president"), from a country or seat-of-power name after it
("prezydent Rosji", "rzecznik Kremla", "President of Russia"), or from the phrase itself.
A person named right after the title is the one meant ("prezydent Rosji Władimir Putin":
one mention, the name decides). Otherwise the holder of the role at the article's date is
looked up in the KB; a counterpart is the holder of the same role as a person already
named in the sentence. Without a publication date the latest holder is taken and the
mention's ``via`` says so ("title@latest").
"""
from __future__ import annotations

from kronika.actors.kb import norm

_CONNECTORS_EN = ("of", "the")
# Roles an organisation has (``of`` is the org's KB id, kronika/resources/kb/README.md).
ORG_ROLES = ("secretary_general", "leader", "ceo", "head_of_state", "spokesperson_head_of_state")


def apply_titles(run, spans: list) -> list:
    from kronika.actors.linker import _Span  # the span type lives with the linker

    toks = run.toks
    n = len(toks)
    out = list(spans)
    k = 0
    while k < n:
        if not toks[k].word or "titles" not in toks[k].info.tables:
            k += 1
            continue
        hit = run._phrase_at(run.idx.titles, k, "titles")
        if not hit:
            k += 1
            continue
        end, phrase = hit
        spec = phrase.spec
        by_start = {s.i: s for s in out}
        by_end = {s.j: s for s in out}
        tail_org = next((s for s in out if k < s.i < end < s.j and s.kind == "org"), None)
        if tail_org is not None:
            end = tail_org.j  # "szef MSZ Rosji" where the KB knows "MSZ Rosji" as one organisation
        inner = [s for s in out if s.i >= k and s.j <= end]
        straddling = [s for s in out if (s.i < k < s.j) or (s.i < end < s.j)]
        if straddling or any(s.kind == "person" for s in inner):
            k += 1
            continue
        # an organisation named inside the title ("szef MSZ") says whose, when nothing else does
        inner_org_country = next((s.country for s in inner if s.kind == "org" and s.country != "IGO"), None)
        consumed = list(inner)
        country = spec.get("country")
        named_country = None
        org_of = None
        for s in inner:
            if s.country and s.kind in ("country", "place"):
                country = country or s.country
                named_country = s.country
        start = k
        before = by_end.get(k)
        if before is not None and before.kind == "country" and before.via in ("adjective", "name", "abbreviation") \
                and run._adjacent(before.j - 1, k):
            if country is None:
                country = named_country = before.country
            start = before.i
            consumed.append(before)
        after_i = end
        if run.lang == "en":
            while after_i < n and norm(toks[after_i].text) in _CONNECTORS_EN and after_i < end + 2:
                after_i += 1
        after = by_start.get(after_i)
        # "prezydent Charkowa", "prezydent Warszawy": a title of a city is a city official's
        city_title = after is not None and ((after.kind == "place" and after.via == "place")
                                            or (after.i, after.j) in run.city_ranges)
        if after is not None and (after.kind in ("country", "place") or (after.kind == "group" and after.via == "demonym")) \
                and (after.via in ("name", "metonym", "place") or toks[after.i].cap) \
                and run._adjacent(after_i - 1, after_i) and (run.lang == "en" or not after.cases or "gen" in after.cases):
            if country is None:
                country = after.country
            named_country = after.country
            consumed.append(after)
            end = after.j
        elif after is not None and after.kind == "org" and after.actor is not None and run._adjacent(after_i - 1, after_i) \
                and spec["role"] in ORG_ROLES:
            org_of = after.actor.id  # "sekretarz generalny NATO": a role of an organisation
            consumed.append(after)
            end = after.j
        if country is None and inner_org_country:
            country = named_country = inner_org_country
        person = by_start.get(end)
        if person is None:
            # the cases of the title word in its title reading ("premiera": premier, gen/acc)
            head_cases = tuple(sorted({c for key in phrase.words[0] & toks[k].keys
                                       for c in toks[k].info.cases.get(key, ())}))
            person = _unknown_name_at(run, end, out, head_cases)
        if person is not None and person.kind == "person" and run._adjacent(end - 1, end):
            consumed.append(person)
            out = _without(out, consumed)
            merged = _Span(start, person.j, "person", person.via, actor=person.actor, country=person.country,
                           sector=person.sector, name=person.name, lemma=person.lemma, cases=person.cases)
            if person.actor is None:
                # a person the KB lacks, introduced by a title: named by the name's base form
                merged.country = person.country or country
                merged.sector = person.sector or "GOV"
                merged.via = "title+unknown"
                merged.title_country = named_country
                if merged.country and person.via != "ambiguous":
                    merged.name = person.lemma
            elif named_country:
                merged.via = "title+name"
                merged.title_country = named_country
            out.append(merged)
            k = person.j
            continue
        role = spec["role"]
        via = "title"
        if role == "counterpart":
            via = "counterpart"
            role = _counterpart_role(run, out, k)
        holder = None
        plural = any(toks[m].info.plural for m in range(k, end) if toks[m].word and "titles" in toks[m].info.tables)
        if not plural and end + 1 < n and named_country and norm(toks[end].text) in run.idx.conjunctions:
            nxt = next((s for s in out if s.i == end + 1), None)
            plural = nxt is not None and nxt.kind == "country" and nxt.country != country  # "premierzy Polski i Litwy"
        if plural:
            role = None  # "ministrowie spraw zagranicznych", "the foreign ministers of X and Y": several people
        if role and (country or org_of) and not city_title:
            holders = run.kb.holders(role, org_of or country, run.date)
            if holders and not (spec.get("several") and len({h.id for h in holders}) > 1):
                holder = holders[0]  # a role several hold at once ("several: true") needs a name
        out = _without(out, consumed)
        lemma = " ".join(toks[m].info.lemma for m in range(start, end) if toks[m].word)
        if holder is not None:
            sp = run._actor_span(start, end, holder, via if run.date else via + "@latest", lemma, run._cases(start, end))
            sp.title_country = named_country
            run.seen_actors[holder.id] = run.seen_actors.get(holder.id, 0) + 1
        else:
            sp = _Span(start, end, "group" if plural and country else "title", via, country=country,
                       sector="GOV" if country else None, lemma=lemma, cases=run._cases(start, end),
                       title_country=named_country)
        out.append(sp)
        k = end
    return out


def _without(spans: list, gone: list) -> list:
    ids = {id(s) for s in gone}
    return [s for s in spans if id(s) not in ids]


def _unknown_name_at(run, k: int, spans: list, title_cases: tuple = ()):
    """A capitalised name the KB lacks right after a title ("premier X Y"), as a person span."""
    from kronika.actors.linker import _Span, _covered

    toks = run.toks
    covered = _covered(spans)
    j = k
    if k < len(toks) and toks[k].text.isupper() and len(toks[k].text) > 1:
        return None  # an acronym after a title is an organisation ("odpowiednik NIK"), not a person
    while j < len(toks) and j not in covered and toks[j].cap and toks[j].word and toks[j].text[0].isalpha() \
            and run._adjacent(j - 1, j) and (j > k or not (toks[j].info.known_common and not toks[j].info.name_class)):
        j += 1
    if j == k:
        return None
    from kronika.actors.declension import guess_base

    # the name stands in the title's case ("z premierem X-em"): undo that case for the base form
    words = []
    for m in range(k, j):
        info = toks[m].info
        words.append(info.lemma if info.name_class or info.lemma != toks[m].text
                     else guess_base(toks[m].text, title_cases, run.lang))
    return _Span(k, j, "person", "unknown", lemma=" ".join(words), cases=run._cases(k, j))


def _counterpart_role(run, spans: list, k: int) -> str | None:
    """The role, at the article's date, of the nearest person named before token k in its sentence."""
    sent = run.tok_sent[k]
    best = None
    for s in spans:
        if s.actor is not None and s.actor.type == "person" and s.j <= k and run.tok_sent[s.i] == sent:
            if best is None or s.i > best.i:
                best = s
    if best is None:
        return None
    held = best.actor.positions_at(run.date)
    if not held and run.date is None:
        held = list(best.actor.positions[-1:])
    for p in held:
        if p.of == best.actor.country:
            return p.role
    return held[0].role if held else None
