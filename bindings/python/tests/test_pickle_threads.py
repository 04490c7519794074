"""A Pack travels by pickle (its files and digest) and serves several threads at once."""
import os
import pickle
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

import frontdoor
from conftest import HACKNEY


def answer(pack, line):
    try:
        return pack.decide_json(line)
    except frontdoor.Refused as refusal:
        return ("refused", refusal.path, refusal.message)


def test_pickle_round_trip_decides_the_same(pack, sample_lines):
    copy = pickle.loads(pickle.dumps(pack))
    assert (copy.name, copy.version, copy.digest) == (pack.name, pack.version, pack.digest)
    assert [answer(copy, line) for line in sample_lines] == [answer(pack, line) for line in sample_lines]


def test_unpickling_checks_the_digest(pack):
    function, (label, files, digest) = pack.__reduce__()
    changed = [(name, content + b"\n# edited\n" if name.endswith(".rules") else content) for name, content in files]
    with pytest.raises(ValueError, match="digest"):
        function(label, changed, digest)


def test_four_threads_give_the_same_answers(pack, sample_lines):
    expected = [answer(pack, line) for line in sample_lines]
    work = sample_lines * 8
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda line: answer(pack, line), work))
    assert got == expected * 8


def test_decide_lines_on_threads_answers_as_one_thread(pack, sample_lines, eval_lines):
    # Enough lines for several chunks on each thread, a malformed line among them, numbered from 41.
    text = ("".join(line + "\n" for line in sample_lines) + "not json\n") * 6
    one = pack.decide_lines(text.encode(), first_line=41, explain=True, threads=1)
    first_round = one[0].decode().splitlines()[: len(eval_lines)]
    for number, (got, expected) in enumerate(zip(first_round, eval_lines), 1):
        if '"error"' in expected:  # eval numbers the line N; a slice from line 41 numbers it N + 40
            expected = expected.replace(f'{{"line":{number},', f'{{"line":{number + 40},', 1)
        assert got == expected, f"line {number}"
    assert one[2][0][0] > 40 and len(one[2]) == 6 * (1 + sum('"error"' in line for line in eval_lines))
    for threads in (2, 4):
        assert pack.decide_lines(text.encode(), first_line=41, explain=True, threads=threads) == one
        assert pack.decide_lines(text.encode(), 41, False, threads) == pack.decide_lines(text.encode(), 41, False, 1)


@pytest.mark.parametrize("threads", [0, 1000, 2.5, True, "2"])
def test_decide_lines_refuses_a_number_of_threads_out_of_range(pack, threads):
    with pytest.raises(ValueError, match="threads is a number of threads from 1 to 999"):
        pack.decide_lines(b"{}\n", threads=threads)


def test_decide_lines_answers_longer_than_its_estimate_equal_eval(pack, tmp_path):
    # 3,000 two-byte malformed lines: each refusal line is some 100 bytes, far beyond the room
    # decide_lines sets aside for the answers (twice the input without the explanation).
    text = b"x\n" * 3000
    contacts = tmp_path / "malformed.jsonl"
    contacts.write_bytes(text)
    result = subprocess.run([os.environ["FRONTDOOR_CLI"], "eval", "--rules", HACKNEY, "--jsonl", "--no-explain",
                             str(contacts)], capture_output=True)
    assert result.returncode == 1 and len(result.stdout) > 20 * len(text)
    answers, decided, refusals = pack.decide_lines(text, 1, False)
    assert (answers, decided, len(refusals)) == (result.stdout, 0, 3000)
