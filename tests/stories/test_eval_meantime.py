"""The MEANTIME scorer's parts on a tiny hand-made document in the corpus format."""
import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "eval_meantime.py"
spec = importlib.util.spec_from_file_location("eval_meantime", SCRIPT)
meantime = importlib.util.module_from_spec(spec)
sys.modules["eval_meantime"] = meantime  # dataclasses look their module up there
spec.loader.exec_module(meantime)

DOC = """<?xml version="1.0" ?><Document doc_id="7" lang="en">
<token number="0" sentence="0" t_id="1">Acme</token>
<token number="1" sentence="0" t_id="2">buys</token>
<token number="2" sentence="0" t_id="3">Zeta</token>
<token number="3" sentence="1" t_id="4">Acme</token>
<token number="4" sentence="1" t_id="5">said</token>
<token number="5" sentence="1" t_id="6">the</token>
<token number="6" sentence="1" t_id="7">purchase</token>
<token number="7" sentence="1" t_id="8">closed</token>
<token number="8" sentence="1" t_id="9">.</token>
<Markables>
<ENTITY_MENTION m_id="1"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2"><token_anchor t_id="3"/></ENTITY_MENTION>
<EVENT_MENTION m_id="3" pred="buy"><token_anchor t_id="2"/></EVENT_MENTION>
<EVENT_MENTION m_id="4" pred="say"><token_anchor t_id="5"/></EVENT_MENTION>
<EVENT_MENTION m_id="5" pred="purchase"><token_anchor t_id="7"/></EVENT_MENTION>
<TIMEX3 m_id="6" type="DATE" value="2010-05-04" functionInDocument="CREATION_TIME"/>
<EVENT m_id="10" instance_id="OTH1"/>
<ENTITY m_id="11" instance_id="ORG1"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="3"/><source m_id="5"/><target m_id="10"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="1"/><target m_id="11"/></REFERS_TO>
<HAS_PARTICIPANT r_id="3" sem_role="Arg0"><source m_id="3"/><target m_id="1"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="4" sem_role="Arg1"><source m_id="3"/><target m_id="2"/></HAS_PARTICIPANT>
</Relations>
</Document>
"""


@pytest.fixture
def doc_path(tmp_path):
    path = tmp_path / "7_Acme.xml"
    path.write_text(DOC)
    return path


def test_read_gold_builds_text_offsets_and_chains(doc_path):
    doc = meantime.read_gold(doc_path)
    assert doc.text == "Acme buys Zeta\n\nAcme said the purchase closed."
    start, end = doc.token_spans["7"]
    assert doc.text[start:end] == "purchase"
    assert doc.created == "2010-05-04"
    assert doc.cluster["3"] == doc.cluster["5"] == "OTH1"
    assert doc.cluster["4"] == "meantime-7:4"  # no chain: alone


def test_oracle_reports_take_participants_and_dates(doc_path):
    reports = dict((r.id, (r, g)) for r, g in meantime.oracle_reports(doc_path))
    buy, gold = reports["meantime-7#3"]
    assert gold == "OTH1" and buy.type == "buy" and buy.date == "2010-05-04"
    assert buy.source.named == {"ORG1"} and buy.target.named == {"meantime-7:2"}


@pytest.mark.parametrize("items, p, r", [
    ([("a", "x"), ("a", "x"), ("b", "y")], 1.0, 1.0),
    ([("a", "x"), ("a", "y")], 1.0, 0.5),            # a gold chain split in two
    ([("a", "x"), ("b", "x")], 0.5, 1.0),            # two events merged
])
def test_b_cubed(items, p, r):
    score = meantime.b_cubed(items)
    assert (score["precision"], score["recall"]) == (p, r)


def test_cross_doc_pairs_ignore_pairs_within_a_document():
    items = [("d1", "a", "x"), ("d1", "a", "x"), ("d2", "a", "x"), ("d2", "b", "x")]
    score = meantime.cross_doc_pairs(items)
    assert (score["gold_pairs"], score["system_pairs"], score["correct_pairs"]) == (2, 4, 2)
