"""Refusals and rule-file diagnostics reach Python as exceptions and objects with attributes."""
import pickle

import pytest

import frontdoor

MISSPELT = """pack t version "1"
calendar office
  timezone "UTC" rules "UTC0"
  open monday to friday 09:00 to 17:00
record r
  count: integer
input x: r
output times in office
  v = v
let threshold = 3 [source "s"]
let v = x.count >= threshhold [source "s"]
"""


def test_refused_carries_path_and_message(pack):
    with pytest.raises(frontdoor.Refused) as refusal:
        pack.decide({"contact": {"id": 7}})
    assert refusal.value.path.startswith("/contact")
    assert refusal.value.message
    assert str(refusal.value) == f"refused at '{refusal.value.path}': {refusal.value.message}"
    again = pickle.loads(pickle.dumps(refusal.value))
    assert (again.path, again.message) == (refusal.value.path, refusal.value.message)


def test_malformed_json_and_invalid_utf8_are_refusals(pack):
    with pytest.raises(frontdoor.Refused) as refusal:
        pack.decide_json("{")
    assert refusal.value.path == ""
    with pytest.raises(frontdoor.Refused):
        pack.decide_json(b'{"contact": "\xff\xfe"}')


def test_check_returns_diagnostics_with_positions(tmp_path):
    (tmp_path / "pack.rules").write_text(MISSPELT)
    diagnostics = frontdoor.check(tmp_path)
    assert len(diagnostics) == 1
    d = diagnostics[0]
    assert (d.severity, d.line, d.col) == ("error", 11, 20)
    assert d.file.endswith("pack.rules")
    assert d.message == "unknown name 'threshhold'; did you mean 'threshold'?"
    assert d.rendered.splitlines()[2].strip() == "^~~~~~~~~~"
    assert frontdoor.Pack.check(tmp_path) == diagnostics


def test_load_raises_pack_error_with_the_diagnostics(tmp_path):
    (tmp_path / "pack.rules").write_text(MISSPELT)
    with pytest.raises(frontdoor.PackError) as error:
        frontdoor.Pack.load(tmp_path)
    assert [d.line for d in error.value.diagnostics] == [11]
    assert "pack.rules:11:20: error: unknown name 'threshhold'" in str(error.value)


def test_clean_pack_checks_without_errors(hackney_dir):
    assert [d for d in frontdoor.check(hackney_dir) if d.severity == "error"] == []
    assert frontdoor.check("/nonexistent/pack")[0].severity == "error"
