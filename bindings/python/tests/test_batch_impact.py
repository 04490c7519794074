"""python3 -m frontdoor.batch impact (and replay --contacts) on a Dask cluster on loopback: the
report merged from many partitions is, byte for byte, the one `frontdoor replay --contacts FILE
--rules OLD --with-rules NEW` prints for the whole file, in text and in JSON."""
import json
import os
import shutil
import subprocess
import sys

import pytest

SOURCE = os.environ.get("FRONTDOOR_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..", ".."))
HACKNEY = os.path.join(SOURCE, "rules", "hackney")
GENERATOR = os.path.join(SOURCE, "benchmarks", "generator", "generate_contacts.py")
RUN_SECONDS = 240


@pytest.fixture(scope="module")
def candidate(tmp_path_factory):
    """The Hackney pack with a lower level-3 threshold (two level-2 indicators instead of three) and
    a referral source "11" that the pack in use refuses."""
    folder = tmp_path_factory.mktemp("candidate") / "hackney"
    shutil.copytree(HACKNEY, folder, ignore=shutil.ignore_patterns("scenarios"))
    changed = 0
    for path in folder.glob("*.rules"):
        text = path.read_text()
        if "let level_2_indicators_for_level_3 = 3" in text:
            path.write_text(text.replace("let level_2_indicators_for_level_3 = 3", "let level_2_indicators_for_level_3 = 2"))
            changed += 1
    assert changed == 1
    inputs = folder / "input.rules"
    assert '| "10"\n' in inputs.read_text()
    inputs.write_text(inputs.read_text().replace('| "10"\n', '| "10" | "11"\n', 1))
    return folder


@pytest.fixture(scope="module")
def contacts(tmp_path_factory):
    """Generated contacts with malformed ones among them, a blank line and a line that is not JSON."""
    made = subprocess.run([sys.executable, GENERATOR, "--count", "400", "--seed", "21", "--malformed-share", "0.05"],
                          capture_output=True, check=True, timeout=60)
    lines = made.stdout.split(b"\n")
    lines[100:100] = [b"", b"not json"]
    path = tmp_path_factory.mktemp("impact") / "contacts.jsonl"
    path.write_bytes(b"\n".join(lines))
    return path


def cli_report(contacts, candidate, output_format):
    result = subprocess.run([os.environ["FRONTDOOR_CLI"], "replay", "--contacts", str(contacts), "--rules", HACKNEY,
                             "--with-rules", str(candidate), "--format", output_format],
                            capture_output=True, timeout=RUN_SECONDS)
    assert result.returncode == 0, result.stderr
    return result.stdout


def batch(*arguments):
    return subprocess.run([sys.executable, "-m", "frontdoor.batch", *arguments], capture_output=True,
                          timeout=RUN_SECONDS)


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_impact_merged_from_partitions_equals_the_cli_report(contacts, candidate, output_format):
    expected = cli_report(contacts, candidate, output_format)
    got = batch("impact", "--rules", HACKNEY, "--with-rules", str(candidate), "--format", output_format,
                "--workers", "2", "--partition-bytes", "20000", str(contacts))
    assert got.returncode == 0, got.stderr
    assert got.stdout == expected
    if output_format == "json":
        report = json.loads(got.stdout)
        assert report["changed"] > 5 and report["refused_before"] > 5
        assert any(t["before"] != t["after"] for t in report["outcome_transitions"])


def test_replay_with_contacts_takes_the_cli_arguments(contacts, candidate):
    got = batch("replay", "--contacts", str(contacts), "--rules", HACKNEY, "--with-rules", str(candidate),
                "--workers", "1", "--partition-bytes", "50000")
    assert got.returncode == 0, got.stderr
    assert got.stdout == cli_report(contacts, candidate, "text")
    refused = batch("replay", "--log", "decisions.db", "--contacts", str(contacts), "--rules", HACKNEY,
                    "--with-rules", str(candidate))
    assert refused.returncode == 2 and b"frontdoor replay --log" in refused.stderr


def test_unreadable_contacts_exit_5_with_no_report(tmp_path, candidate):
    got = batch("impact", "--rules", HACKNEY, "--with-rules", str(candidate), "--workers", "1", str(tmp_path))
    assert got.returncode == 5 and got.stdout == b""
    assert f"cannot read {tmp_path}: Is a directory".encode() in got.stderr


@pytest.fixture(scope="module")
def several_files(contacts, tmp_path_factory):
    """The contacts in a.jsonl and parts/p_0.jsonl, parts/p_1.jsonl (a glob's worth), in a folder of
    their own so that their names are given relative to it, as a user in that folder would. Line 2
    of parts/p_1.jsonl has a referral source only the candidate knows."""
    folder = tmp_path_factory.mktemp("several")
    (folder / "parts").mkdir()
    lines = contacts.read_bytes().split(b"\n")
    contact = json.loads(lines[301])
    contact["referrer"]["source"] = "11"
    lines[301] = json.dumps(contact, separators=(",", ":")).encode()
    (folder / "a.jsonl").write_bytes(b"\n".join(lines[:150]) + b"\n")
    (folder / "parts" / "p_0.jsonl").write_bytes(b"\n".join(lines[150:300]) + b"\n")
    (folder / "parts" / "p_1.jsonl").write_bytes(b"\n".join(lines[300:]))
    return folder


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_impact_over_a_file_and_a_glob_equals_the_cli_over_the_same_files(several_files, candidate, output_format):
    files = ["a.jsonl", "parts/p_0.jsonl", "parts/p_1.jsonl"]
    cli = subprocess.run([os.environ["FRONTDOOR_CLI"], "replay", *[a for f in files for a in ("--contacts", f)],
                          "--rules", HACKNEY, "--with-rules", str(candidate), "--format", output_format],
                         capture_output=True, timeout=RUN_SECONDS, cwd=several_files)
    assert cli.returncode == 0, cli.stderr
    got = subprocess.run([sys.executable, "-m", "frontdoor.batch", "impact", "--rules", HACKNEY, "--with-rules",
                          str(candidate), "--format", output_format, "--workers", "2", "--partition-bytes", "20000",
                          "a.jsonl", "parts/*.jsonl"], capture_output=True, timeout=RUN_SECONDS, cwd=several_files)
    assert got.returncode == 0, got.stderr
    assert got.stdout == cli.stdout
    for name in files:
        assert f"{name} line ".encode() in got.stdout
    if output_format == "json":
        report = json.loads(got.stdout)
        labels = [c["label"] for c in report["contacts"]]
        assert [label.split(" line ")[0] for label in labels] == sorted(
            (label.split(" line ")[0] for label in labels), key=files.index)
        assert [c["label"] for c in report["contacts"] if c.get("refused_before")] == ["parts/p_1.jsonl line 2"]
        assert report["refused_both"] > 5


def test_replay_with_several_contacts_files_labels_each_by_its_file(several_files, candidate):
    got = subprocess.run([sys.executable, "-m", "frontdoor.batch", "replay", "--contacts", "parts/*.jsonl",
                          "a.jsonl", "--rules", HACKNEY, "--with-rules", str(candidate), "--workers", "1",
                          "--partition-bytes", "50000", "--format", "json"],
                         capture_output=True, timeout=RUN_SECONDS, cwd=several_files)
    assert got.returncode == 0, got.stderr
    labels = [c["label"] for c in json.loads(got.stdout)["contacts"]]
    assert labels[0].startswith("parts/p_0.jsonl line ") and labels[-1].startswith("a.jsonl line ")
    missing = batch("impact", "--rules", HACKNEY, "--with-rules", str(candidate), "--workers", "1",
                    str(several_files / "a.jsonl"), str(several_files / "missing.jsonl"))
    assert missing.returncode == 5 and missing.stdout == b""
    assert f"cannot read {several_files / 'missing.jsonl'}: No such file or directory".encode() in missing.stderr
