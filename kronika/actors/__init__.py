"""Actors: the knowledge base, mention finding and linking, titles resolved at a date.

    load_kb(extra_dirs=()) -> KnowledgeBase        kb.get / kb.candidates / kb.holders / iteration
    make_linker(kb=None, languages=...) -> Linker  Article -> Article, fills article.mentions
    document_actors(article) -> list[dict]         the eval format's ``actors`` list
    wikidata.import_wikidata(dump, out_dir)        a user KB folder from a Wikidata JSON dump

Mentions (kronika.model.Mention): ``kind`` is person, org, country (a country's name,
adjective or seat of power; ``sector`` GOV for a seat of power), group (demonyms and
country + sector noun: "rosyjska policja"), place (a gazetteer place, kronika/events/places.py,
or a capital after a place preposition: "w Kownie", "w Moskwie"; ``name`` is its English name
and ``country`` its country, but places never count as document countries), title (a title no holder was found for) or unknown (capitalised names the KB
lacks). ``via`` says how: name, surname, abbreviation, coref, title, title+name,
title+unknown, counterpart, adjective, demonym, metonym, group, institution, compound,
occasion, place, capital, ambiguous, unknown; a title resolved without a publication date
ends in "@latest". A surname alone links only with evidence (an earlier full or title
mention, a head of state or government at the date, or a distinctive word where a name can
stand: see ``_bare_surnames``); a seat of power after a place preposition stays the
government when it speaks ("в Кремле заявили"). Language data: resources/lang/<lang>/{titles,groups,declension,names}.yaml.
"""
from kronika.actors.kb import Actor, Candidate, KnowledgeBase, Position, load_kb
from kronika.actors.linker import Linker, document_actors, make_linker

__all__ = ["Actor", "Candidate", "KnowledgeBase", "Position", "load_kb", "Linker", "make_linker",
           "document_actors"]
