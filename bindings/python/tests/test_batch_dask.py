"""python3 -m frontdoor.batch decide on a Dask cluster on loopback writes, byte for byte, what
`frontdoor eval --jsonl` prints for each input, with the same exit status, and names every
refusal by file and line on standard error. Each run is bounded by a timeout; every cluster is
closed after."""
import json
import os
import subprocess
import sys

import pytest

from frontdoor.split_inputs import split_file

SOURCE = os.environ.get("FRONTDOOR_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..", ".."))
HACKNEY = os.path.join(SOURCE, "rules", "hackney")
GENERATOR = os.path.join(SOURCE, "benchmarks", "generator", "generate_contacts.py")
RUN_SECONDS = 240


def batch(*arguments):
    return subprocess.run([sys.executable, "-m", "frontdoor.batch", "decide", "--rules", HACKNEY, *arguments],
                          capture_output=True, timeout=RUN_SECONDS)


def evaluate(path):
    return subprocess.run([os.environ["FRONTDOOR_CLI"], "eval", "--rules", HACKNEY, "--jsonl", str(path)],
                          capture_output=True, timeout=RUN_SECONDS)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Three generated files (a glob's worth) of contacts with malformed ones in the middle, plus
    blank lines, a CRLF line end, a CR inside a line and a line that is not JSON."""
    folder = tmp_path_factory.mktemp("generated")
    for index, seed in enumerate([11, 12, 13]):
        made = subprocess.run([sys.executable, GENERATOR, "--count", "150", "--seed", str(seed),
                               "--malformed-share", "0.05"], capture_output=True, check=True, timeout=60)
        lines = made.stdout.split(b"\n")
        lines[40:40] = [b"", b"   ", lines[3] + b"\r", b"{\"contact\": 1,\r \"x\": 2}", b"not json"]
        (folder / f"part_{index}.jsonl").write_bytes(b"\n".join(lines))
    return folder


def test_splitting_keeps_lines_whole_and_numbered(generated):
    path = generated / "part_0.jsonl"
    data = path.read_bytes()
    parts = split_file(str(path), 4000)
    assert len(parts) > 5
    assert b"".join(data[p.start:p.end] for p in parts) == data
    for part in parts:
        assert part.start == 0 or data[part.start - 1:part.start] == b"\n"
        assert part.first_line == data.count(b"\n", 0, part.start) + 1


def test_hackney_samples_over_several_partitions_equal_eval(sample_lines, tmp_path):
    contacts = tmp_path / "samples.jsonl"
    contacts.write_text("".join(line + "\n" for line in sample_lines))
    expected = evaluate(contacts)
    got = batch("--workers", "2", "--partition-bytes", "8000", str(contacts))
    assert len(split_file(str(contacts), 8000)) > 5
    assert got.stdout == expected.stdout
    assert got.returncode == expected.returncode == 1
    refused = [json.loads(line)["line"] for line in expected.stdout.splitlines() if b'"error"' in line]
    summary = got.stderr.decode()
    assert f"{len(sample_lines) - len(refused)} decided, {len(refused)} refused" in summary
    for answer in expected.stdout.splitlines():
        if b'"error"' in answer:
            refusal = json.loads(answer)
            place = f"{contacts}:{refusal['line']}: refused at '{refusal['error']['path']}'\n"
            assert place in summary
            assert refusal["error"]["message"] not in summary  # it may quote the contact


def test_a_glob_of_generated_files_equals_eval_on_each(generated, tmp_path):
    files = sorted(generated.glob("part_*.jsonl"))
    expected = b"".join(evaluate(path).stdout for path in files)
    got = batch("--partition-bytes", "5000", "--output", str(tmp_path / "out.jsonl"), str(generated / "part_*.jsonl"))
    assert got.returncode == 1, got.stderr
    assert (tmp_path / "out.jsonl").read_bytes() == expected
    summary = got.stderr.decode()
    assert f"{files[1]}:44: refused at ''\n" in summary  # the CR inside a line, in the second file
    assert "... and" in summary or summary.count("refused at") == expected.count(b'"error"')


def test_without_refusals_it_exits_0_and_without_explanations_it_equals_eval(sample_lines, tmp_path):
    contacts = tmp_path / "decided.jsonl"
    decided = [line for line in sample_lines if not pack_refuses(line)]
    contacts.write_text("".join(line + "\n" for line in decided[:40]))
    expected = subprocess.run([os.environ["FRONTDOOR_CLI"], "eval", "--rules", HACKNEY, "--jsonl", "--no-explain",
                               str(contacts)], capture_output=True, timeout=RUN_SECONDS)
    got = batch("--workers", "1", "--no-explain", "--partition-bytes", "3000", str(contacts))
    assert expected.returncode == got.returncode == 0, got.stderr
    assert got.stdout == expected.stdout
    assert b"40 decided, 0 refused" in got.stderr


def test_the_compact_explanation_equals_evals(sample_lines, tmp_path):
    contacts = tmp_path / "samples.jsonl"
    contacts.write_text("".join(line + "\n" for line in sample_lines))
    expected = subprocess.run([os.environ["FRONTDOOR_CLI"], "eval", "--rules", HACKNEY, "--jsonl", "--explain",
                               "compact", str(contacts)], capture_output=True, timeout=RUN_SECONDS)
    got = batch("--workers", "1", "--explain", "compact", "--partition-bytes", "8000", str(contacts))
    assert expected.returncode == got.returncode == 1, got.stderr
    assert got.stdout == expected.stdout and b'"$ref"' in got.stdout
    directory = tmp_path / "parts"
    written = batch("--workers", "1", "--explain", "compact", "--partition-bytes", "8000", "--output-dir",
                    str(directory), str(contacts))
    assert written.returncode == 1, written.stderr
    assert parts_in_order(directory) == expected.stdout
    manifest = json.loads((directory / "manifest.json").read_text())
    assert manifest["explain"] is True and manifest["compact_explanation"] is True


def test_no_explain_and_a_form_of_explanation_are_refused_together(sample_lines, tmp_path):
    contacts = tmp_path / "samples.jsonl"
    contacts.write_text(sample_lines[0] + "\n")
    for options in (["--no-explain", "--explain", "compact"], ["--explain", "brief"]):
        got = batch("--workers", "1", *options, str(contacts))
        assert got.returncode == 2 and got.stdout == b"", options
        assert b"--explain" in got.stderr


def pack_refuses(line):
    import frontdoor
    try:
        frontdoor.Pack.load(HACKNEY).decide_json(line, explain=False)
        return False
    except frontdoor.Refused:
        return True


def test_an_input_that_cannot_be_read_exits_5_like_eval(tmp_path):
    assert evaluate(tmp_path).returncode == 5
    got = batch("--workers", "1", str(tmp_path))
    assert got.returncode == 5
    assert f"cannot read {tmp_path}: Is a directory".encode() in got.stderr
    got = batch("--workers", "1", str(tmp_path / "none_*.jsonl"))
    assert got.returncode == 5 and b"no file matches it" in got.stderr


def test_a_pack_with_errors_exits_4_with_its_diagnostics(tmp_path):
    (tmp_path / "broken.rules").write_text("pack broken version \"1\" [source \"x\"]\nlet x: integer = nonsense\n")
    got = subprocess.run([sys.executable, "-m", "frontdoor.batch", "decide", "--rules", str(tmp_path), "-"],
                         capture_output=True, timeout=RUN_SECONDS)
    assert got.returncode == 4
    assert b"broken.rules:2:" in got.stderr and b"error:" in got.stderr


def test_a_pack_with_errors_leaves_no_output_dir_behind(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "broken.rules").write_text("pack broken version \"1\" [source \"x\"]\nlet x: integer = nonsense\n")
    answers = tmp_path / "answers"
    got = subprocess.run([sys.executable, "-m", "frontdoor.batch", "decide", "--rules", str(rules),
                          "--output-dir", str(answers), "-"], capture_output=True, timeout=RUN_SECONDS)
    assert got.returncode == 4 and b"broken.rules:2:" in got.stderr
    assert not answers.exists()


@pytest.mark.parametrize("direct", [[], ["--direct-to-workers"]])
def test_an_existing_scheduler_decides_the_same(generated, tmp_path, direct):
    from distributed import LocalCluster

    files = sorted(generated.glob("part_*.jsonl"))
    expected = b"".join(evaluate(path).stdout for path in files)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, timeout=60) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        got = batch("--scheduler", address, *direct, "--partition-bytes", "7000", *map(str, files))
    assert got.returncode == 1, got.stderr
    assert got.stdout == expected


def output_dir_run(generated, directory, *options):
    return batch("--partition-bytes", "5000", "--output-dir", str(directory), *options,
                 str(generated / "part_*.jsonl"))


def parts_in_order(directory):
    return b"".join(path.read_bytes() for path in sorted(directory.glob("part-*.jsonl")))


@pytest.mark.parametrize("explain", [True, False])
def test_output_dir_parts_in_order_equal_eval_over_the_glob(generated, tmp_path, explain):
    files = sorted(generated.glob("part_*.jsonl"))
    options = [] if explain else ["--no-explain"]
    expected = b"".join(subprocess.run([os.environ["FRONTDOOR_CLI"], "eval", "--rules", HACKNEY, "--jsonl", *options,
                                        str(path)], capture_output=True, timeout=RUN_SECONDS).stdout for path in files)
    directory = tmp_path / "new" / "answers"  # created, parents and all
    got = output_dir_run(generated, directory, *options)
    assert got.returncode == 1, got.stderr
    assert got.stdout == b""
    parts = sorted(directory.glob("part-*.jsonl"))
    assert len(parts) > 5 and parts[0].name == "part-000000.jsonl"
    assert parts_in_order(directory) == expected
    assert sorted(p.name for p in directory.iterdir()) == sorted([p.name for p in parts] + ["manifest.json"])
    answered, refused = expected.count(b"\n"), expected.count(b'"error"')
    summary = got.stderr.decode()
    assert f"{answered - refused} decided, {refused} refused" in summary
    assert f"{files[1]}:44: refused at ''\n" in summary


def test_output_dir_manifest_lists_the_parts_and_counts(generated, tmp_path):
    import frontdoor

    directory = tmp_path / "answers"
    got = output_dir_run(generated, directory, "--no-explain")
    assert got.returncode == 1, got.stderr
    manifest = json.loads((directory / "manifest.json").read_text())
    pack = frontdoor.Pack.load(HACKNEY)
    assert manifest["pack"] == {"name": pack.name, "version": pack.version, "digest": pack.digest}
    assert manifest["explain"] is False and manifest["compact_explanation"] is False
    assert manifest["inputs"] == [str(path) for path in sorted(generated.glob("part_*.jsonl"))]
    parts = sorted(directory.glob("part-*.jsonl"))
    assert [part["name"] for part in manifest["parts"]] == [path.name for path in parts]
    for listed, path in zip(manifest["parts"], parts):
        assert listed["bytes"] == path.stat().st_size
        assert listed["lines"] == path.read_bytes().count(b"\n")
    answers = parts_in_order(directory)
    assert manifest["refused"] == answers.count(b'"error"') > 0
    assert manifest["decided"] + manifest["refused"] == answers.count(b"\n")
    assert f"{manifest['decided']} decided, {manifest['refused']} refused" in got.stderr.decode()


def test_output_dir_without_refusals_exits_0(sample_lines, tmp_path):
    contacts = tmp_path / "decided.jsonl"
    contacts.write_text("".join(line + "\n" for line in sample_lines if not pack_refuses(line)))
    got = batch("--workers", "1", "--output-dir", str(tmp_path / "answers"), str(contacts))
    assert got.returncode == 0, got.stderr
    assert parts_in_order(tmp_path / "answers") == evaluate(contacts).stdout
    assert json.loads((tmp_path / "answers" / "manifest.json").read_text())["refused"] == 0


def test_output_dir_that_holds_parts_is_refused_and_left_alone(generated, tmp_path):
    directory = tmp_path / "answers"
    directory.mkdir()
    (directory / "part-000000.jsonl").write_bytes(b"another run's answers\n")
    got = output_dir_run(generated, directory)
    assert got.returncode == 2
    assert b"already holds the output of a run (part-000000.jsonl)" in got.stderr
    assert [p.name for p in directory.iterdir()] == ["part-000000.jsonl"]
    assert (directory / "part-000000.jsonl").read_bytes() == b"another run's answers\n"


def test_output_dir_that_holds_a_manifest_is_refused(generated, tmp_path):
    (tmp_path / "manifest.json").write_text("{}\n")
    got = output_dir_run(generated, tmp_path)
    assert got.returncode == 2 and b"already holds the output of a run (manifest.json)" in got.stderr


def test_output_and_output_dir_together_are_refused(generated, tmp_path):
    got = output_dir_run(generated, tmp_path / "answers", "--output", str(tmp_path / "out.jsonl"))
    assert got.returncode == 2
    assert b"error: argument --output: not allowed with argument --output-dir" in got.stderr
    assert not (tmp_path / "answers").exists() and not (tmp_path / "out.jsonl").exists()


def test_an_unreadable_input_exits_5_and_leaves_no_manifest(generated, tmp_path):
    unreadable = tmp_path / "directory.jsonl"
    unreadable.mkdir()
    got = batch("--workers", "1", "--output-dir", str(tmp_path / "answers"), str(generated / "part_0.jsonl"),
                str(unreadable))
    assert got.returncode == 5
    assert f"cannot read {unreadable}: Is a directory".encode() in got.stderr
    assert not (tmp_path / "answers" / "manifest.json").exists()


def test_the_default_partition_is_smaller_with_the_explanation_and_shared_out_over_the_threads():
    from frontdoor.batch import parse_arguments
    from frontdoor.batch_sizes import partition_bytes_for

    chosen = parse_arguments(["decide", "--rules", HACKNEY, "--partition-bytes", "123", "x.jsonl"])
    default = parse_arguments(["decide", "--rules", HACKNEY, "x.jsonl"])
    assert (chosen.partition_bytes, default.partition_bytes) == (123, None)
    mib = 1 << 20
    # A large input: 2 MiB with the explanation, 16 MiB without.
    assert (partition_bytes_for(True, 1000 * mib, 2), partition_bytes_for(False, 1000 * mib, 2)) == (2 * mib, 16 * mib)
    # 85 MiB on 2 threads: at least 4 partitions a thread (11 MiB, not six of 16 MiB); on 1 thread 16 MiB.
    assert (partition_bytes_for(False, 85 * mib, 2), partition_bytes_for(False, 85 * mib, 1)) == (-(-85 * mib // 8), 16 * mib)
    # A small input is not cut below 1 MiB.
    assert partition_bytes_for(False, 3 * mib, 2) == mib
