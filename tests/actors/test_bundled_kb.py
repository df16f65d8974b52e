"""The bundled KB through the linker: every person and organisation is found by its own
preferred name in each of its languages (homonyms may stay ambiguous, never wrong)."""
import pytest

from kronika.actors import load_kb, make_linker
from kronika.model import Article

FRAMES = {"pl": "Wczoraj {} zabrał głos.", "en": "Yesterday {} spoke.", "ru": "Вчера {} выступил.",
          "uk": "Вчора {} виступив."}


@pytest.fixture(scope="module")
def bundled():
    kb = load_kb()
    return kb, make_linker(kb)


@pytest.mark.parametrize("lang", sorted(FRAMES))
def test_every_actor_found_by_its_name(bundled, lang):
    kb, linker = bundled
    misses = []
    checked = 0
    for actor in kb:
        if actor.type == "country" or not actor.names.get(lang):
            continue
        name = actor.names[lang][0]
        text = FRAMES[lang].format(name)
        a = linker(Article(id="x", source="x", raw=text, clean=text, language=lang, published=None))
        covering = [m for m in a.mentions if m.start <= text.index(name) < m.end]
        checked += 1
        if not covering:
            misses.append((actor.id, name, "no mention"))
        elif covering[0].actor_id != actor.id:
            other = kb.get(covering[0].actor_id) if covering[0].actor_id else None
            homonym = covering[0].via == "ambiguous" or (other is not None and name in other.names.get(lang, []))
            if not homonym:
                misses.append((actor.id, name, covering[0].actor_id))
    assert checked > 0
    assert not misses, misses[:20]
