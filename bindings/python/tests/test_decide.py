"""Deciding from Python gives, byte for byte, what `frontdoor eval` prints."""
import json

import pytest

import frontdoor


def test_decide_json_equals_eval_bytes(pack, sample_lines, eval_lines):
    decided = refused = 0
    for number, (line, expected) in enumerate(zip(sample_lines, eval_lines), 1):
        if "error" in json.loads(expected):
            with pytest.raises(frontdoor.Refused) as refusal:
                pack.decide_json(line)
            assert frontdoor.refusal_json(number, refusal.value) == expected
            refused += 1
        else:
            assert pack.decide_json(line) == expected, f"sample {number}"
            decided += 1
    assert decided > 100 and refused > 5


def test_decide_returns_the_decision_as_a_dict(pack, sample_lines, eval_lines):
    line, expected = next((l, e) for l, e in zip(sample_lines, eval_lines) if '"error"' not in e)
    assert pack.decide(json.loads(line)) == json.loads(expected)
    assert pack.decide(line) == json.loads(expected)
    assert pack.decide(line.encode()) == json.loads(expected)
    brief = pack.decide(line, explain=False)
    assert "explanation" not in brief and "explanation" in json.loads(expected)


def test_pack_describes_itself(pack):
    assert pack.name == "hackney_mash"
    assert pack.digest.startswith("sha256:") and len(pack.digest) == len("sha256:") + 64
    assert pack.version
    schema = pack.schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert any(name.endswith(".rules") for name, _ in pack.files())
    assert frontdoor.engine_version()
