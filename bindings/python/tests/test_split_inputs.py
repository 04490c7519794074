"""The split of python3 -m frontdoor.batch: the extension's line_cuts (one memchr pass in C++) gives
exactly the cuts of reference_cuts (the same rule, one line end at a time, in plain Python) on random
files, and split_file's partitions put back together are the file, each starting at a line start
with its right number."""
import random

import pytest

from frontdoor import _frontdoor
from frontdoor.split_inputs import InputError, split_file


def reference_cuts(data, partition_bytes):
    """(offset, line number) of each partition start after the first, and the size: the byte after
    the first LF at or beyond each multiple of partition_bytes past the previous cut."""
    cuts, target, line = [], partition_bytes, 1
    end = data.find(b"\n")
    while end >= 0:
        line += 1
        if end + 1 >= target:
            cuts.append((end + 1, line))
            target = end + 1 + partition_bytes
        end = data.find(b"\n", end + 1)
    return cuts, len(data)


def random_file(rng):
    """Lines of random lengths (none, one byte, beyond a 4 MiB read), some blank, some ending in
    CRLF, and sometimes no LF at the very end."""
    lines = []
    for _ in range(rng.randrange(0, 400)):
        length = rng.choice([0, 0, 1, 2, rng.randrange(3, 200), rng.randrange(200, 3000)])
        line = bytes(rng.choice(b"ab{}\":, \r") for _ in range(length))
        lines.append(line + (b"\r" if rng.random() < 0.1 else b""))
    if rng.random() < 0.05:
        lines.append(b"x" * ((4 << 20) + rng.randrange(0, 100)))
    data = b"\n".join(lines)
    return data + (b"\n" if lines and rng.random() < 0.7 else b"")


@pytest.mark.parametrize("seed", range(60))
def test_line_cuts_match_the_reference_on_random_files(tmp_path, seed):
    rng = random.Random(seed)
    data = random_file(rng)
    path = tmp_path / "contacts.jsonl"
    path.write_bytes(data)
    for partition_bytes in {1, 2, rng.randrange(1, 64), rng.randrange(64, 5000), len(data) or 1, len(data) + 7}:
        assert _frontdoor.line_cuts(str(path), partition_bytes) == reference_cuts(data, partition_bytes)
        parts = split_file(str(path), partition_bytes)
        assert b"".join(data[p.start:p.end] for p in parts) == data
        for part in parts:
            assert part.end > part.start
            assert part.start == 0 or data[part.start - 1:part.start] == b"\n"
            assert part.first_line == data.count(b"\n", 0, part.start) + 1


def test_an_empty_file_has_no_partition(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    assert _frontdoor.line_cuts(str(path), 10) == ([], 0)
    assert split_file(str(path), 10) == []


def test_a_file_that_cannot_be_read_is_named_as_eval_names_it(tmp_path):
    with pytest.raises(InputError, match=f"^cannot read {tmp_path}: Is a directory$"):
        split_file(str(tmp_path), 10)
    with pytest.raises(InputError, match="^cannot read .*missing.jsonl: No such file or directory$"):
        split_file(str(tmp_path / "missing.jsonl"), 10)
