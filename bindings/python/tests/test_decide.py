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


def test_the_compact_explanation_is_evals_and_expands_to_the_full_bytes(pack, sample_lines, eval_lines, tmp_path):
    import os
    import subprocess

    contacts = tmp_path / "contacts.jsonl"
    contacts.write_text("".join(line + "\n" for line in sample_lines))
    cli = os.environ["FRONTDOOR_CLI"]
    compact = subprocess.run([cli, "eval", "--rules", pack_dir(), "--jsonl", "--explain", "compact", str(contacts)],
                             capture_output=True, text=True, timeout=120).stdout.splitlines()
    dictionary = subprocess.run([cli, "explain-dictionary", "--rules", pack_dir()], capture_output=True, text=True,
                                timeout=120, check=True).stdout
    assert pack.explanation_dictionary() == json.loads(dictionary)
    decided = 0
    for line, expected_compact, expected_full in zip(sample_lines, compact, eval_lines):
        if "error" in json.loads(expected_full):
            continue
        got = pack.decide_json(line, explain="compact")
        assert got == expected_compact
        assert '"$ref"' in got and len(got) < len(expected_full)
        assert pack.expand_explanation(got) == expected_full == pack.decide_json(line, explain="full")
        assert pack.decide(line, explain="compact") == json.loads(expected_compact)
        decided += 1
    assert decided > 100
    answers, _, _ = pack.decide_lines(contacts.read_bytes(), explain="compact")
    assert answers.decode().splitlines() == compact


def test_explain_is_true_false_full_or_compact_and_nothing_else(pack, sample_lines):
    for wrong in ("Compact", "none", "", 1, 0, None, "true"):
        with pytest.raises(ValueError, match='explain is True, False, "full" or "compact"'):
            pack.decide_json(sample_lines[0], explain=wrong)
        with pytest.raises(ValueError, match='explain is True, False, "full" or "compact"'):
            pack.decide_lines(sample_lines[0].encode(), explain=wrong)


def test_expanding_another_packs_decision_is_a_value_error(pack):
    with pytest.raises(ValueError):
        pack.expand_explanation('{"outcome": "x"}')


def pack_dir():
    import os

    return os.path.join(os.environ.get("FRONTDOOR_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "..")),
                        "rules", "hackney")
