"""Trigger, role and modality data: loads for every language, covers every PLOVER type,
matches what the morphology returns, and the derived English file is up to date."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kronika.errors import UnknownLanguageError
from kronika.events.modality import load_modality
from kronika.events.roles import load_role_grammar
from kronika.events.triggers import PLOVER_TYPES, load_triggers

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("pl", "en", "ru", "uk")


@pytest.mark.parametrize("lang", LANGS)
def test_data_loads_and_covers_every_type(lang):
    lexicon = load_triggers(lang)
    types = {e.type for e in lexicon.entries}
    assert types == set(PLOVER_TYPES), set(PLOVER_TYPES) - types
    assert len(lexicon.entries) >= 300
    assert load_role_grammar(lang).target_frames
    assert load_modality(lang).negation


@pytest.mark.parametrize("lang,minimum", [("pl", 300), ("en", 150)])
def test_hand_written_entries_are_many(lang, minimum):
    assert sum(1 for e in load_triggers(lang).entries if not e.derived) >= minimum


def test_unknown_language_fails_with_the_known_ones():
    with pytest.raises(UnknownLanguageError) as err:
        load_triggers("xx")
    assert "pl" in str(err.value) and "en" in str(err.value)


@pytest.mark.parametrize("lang", ["pl", "ru", "uk"])
def test_heads_are_lemmas_the_morphology_returns(lang):
    """A head must match what the analyser gives for its own forms: a lemma, or a word form
    whose lemma is also a head (gerunds like "zestrzelenie" -> "zestrzelić")."""
    from kronika.lang import get_morphology

    morph = get_morphology(lang)
    heads = {w for e in load_triggers(lang).entries for w in e.words[0]}
    fold = lambda w: w.lower().replace("ё", "е")  # noqa: E731
    bad = [w for w in heads
           if fold(w) not in {fold(x) for x in morph.lemmas(w)}
           and not {fold(x) for x in morph.lemmas(w)} & heads]
    assert len(bad) <= len(heads) // 50, bad


def test_context_lists_exist_for_every_constraint():
    for lang in LANGS:
        lexicon = load_triggers(lang)
        for e in lexicon.entries:
            if e.only_with and e.only_with != "future":
                assert lexicon.contexts.get(e.only_with), (lang, e)


def test_derived_english_triggers_match_the_script():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_en_triggers.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hand_written_entry_outranks_derived_one():
    from kronika.events.extract import sentence_view
    from kronika.events.triggers import find_triggers
    from kronika.model import Article, Mention, Sentence

    text = "Poland delivered tanks to Ukraine."
    a = Article(id="x", source="x", raw=text, clean=text, language="en", sentences=[Sentence(0, len(text), text)])
    a.mentions = [Mention(0, 6, "Poland", "country", country="POL", sentence=0),
                  Mention(26, 33, "Ukraine", "country", country="UKR", sentence=0)]
    view = sentence_view(a, 0, "en", a.mentions)
    cands = find_triggers(view.toks, load_triggers("en"), view.clause_of)
    first = [c[0] for c in cands if view.toks[c[0].head].lower == "delivered"][0]
    assert not first.entry.derived and first.entry.type == "AID"
