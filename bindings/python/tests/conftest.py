"""Shared fixtures: the Hackney pack, its sample contacts (one per scenario, as
scripts/run-hackney.sh builds them) and the CLI's answers to them. The CTest registration
(CMakeLists.txt) sets FRONTDOOR_SOURCE_DIR and FRONTDOOR_CLI and puts the built package first on
PYTHONPATH."""
import glob
import json
import os
import subprocess

import pytest

SOURCE = os.environ.get("FRONTDOOR_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..", ".."))
HACKNEY = os.path.join(SOURCE, "rules", "hackney")


@pytest.fixture(scope="session")
def hackney_dir():
    return HACKNEY


@pytest.fixture(scope="session")
def pack():
    import frontdoor
    return frontdoor.Pack.load(HACKNEY)


@pytest.fixture(scope="session")
def sample_lines():
    """The sample contacts as JSON lines, in scenario order."""
    lines = []
    for path in sorted(glob.glob(os.path.join(HACKNEY, "scenarios", "*.json"))):
        with open(path) as f:
            lines.append(json.dumps(json.load(f)["contact"]))
    assert len(lines) > 100
    return lines


@pytest.fixture(scope="session")
def eval_lines(sample_lines, tmp_path_factory):
    """What `frontdoor eval --jsonl` prints for the sample contacts, line for line."""
    contacts = tmp_path_factory.mktemp("eval") / "contacts.jsonl"
    contacts.write_text("".join(line + "\n" for line in sample_lines))
    result = subprocess.run([os.environ["FRONTDOOR_CLI"], "eval", "--rules", HACKNEY, "--jsonl", str(contacts)],
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stderr  # the samples include refusals on purpose
    lines = result.stdout.splitlines()
    assert len(lines) == len(sample_lines)
    return lines
