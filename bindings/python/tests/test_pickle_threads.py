"""A Pack travels by pickle (its files and digest) and serves several threads at once."""
import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest

import frontdoor


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
