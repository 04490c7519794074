"""Splitting JSON-lines inputs into line-aligned partitions for frontdoor.batch.

A partition is a byte range of one file that starts at a line start and ends just after an LF (or
at the end of the file), so that deciding the partitions one by one and putting their answers back
in order gives exactly what `frontdoor eval --jsonl` gives for each file: the same blank lines
skipped, the same refusals by the same line numbers. Each partition knows its file and the number
of its first line in that file.
"""
import glob
import os
from dataclasses import dataclass

from frontdoor import _frontdoor

class InputError(Exception):
    """An input that cannot be read, named as `frontdoor eval` names it:
    "cannot read contacts.jsonl: Is a directory"."""


@dataclass(frozen=True)
class Partition:
    path: str
    start: int  # byte offset of a line start
    end: int  # byte offset just after an LF, or the file's size
    first_line: int  # the number (from 1) of the line at `start` in its file

    def read(self):
        """The partition's bytes. Raises InputError when the file cannot be read."""
        try:
            with open(self.path, "rb") as f:
                f.seek(self.start)
                data = f.read(self.end - self.start)
        except OSError as error:
            raise InputError(f"cannot read {self.path}: {error.strerror or error}") from None
        if len(data) != self.end - self.start:
            raise InputError(f"cannot read {self.path}: it changed while being read (shorter than when it was split)")
        return data


def expand_inputs(patterns):
    """The files named by `patterns`, in order: a pattern with glob characters (*, ?, [) stands for
    the files it matches, sorted by name, and must match at least one; any other is a file name."""
    paths = []
    for pattern in patterns:
        if glob.has_magic(pattern):
            matches = sorted(p for p in glob.glob(pattern) if not os.path.isdir(p))
            if not matches:
                raise InputError(f"cannot read {pattern}: no file matches it")
            paths.extend(matches)
        else:
            paths.append(pattern)
    return paths


def split_file(path, partition_bytes):
    """The partitions of one file, each about `partition_bytes` long (longer by the rest of the
    line the size ends in). An empty file has none. Raises InputError when it cannot be read."""
    try:
        cuts, size = _frontdoor.line_cuts(path, max(1, int(partition_bytes)))
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    starts = [(0, 1)] + [cut for cut in cuts if cut[0] < size]
    ends = [offset for offset, _ in starts[1:]] + [size]
    return [Partition(path, start, end, line) for (start, line), end in zip(starts, ends) if end > start]


def split_inputs(patterns, partition_bytes):
    """Every partition of every input, in input order."""
    return [part for path in expand_inputs(patterns) for part in split_file(path, partition_bytes)]
