"""Deciding partitions of JSON lines on a Dask cluster, with the answers handed back in order.

The pack travels with each task as its files and digest (ShippedPack); each worker process compiles
it once and keeps it by digest, and insists the digest matches. Each partition is a task of its
own (client.submit); at most `window` partitions are in flight at once, so the answers held on the
workers stay bounded however large the input is.
"""
from collections import deque
from dataclasses import dataclass, field

from frontdoor.pack import _restore

_compiled = {}  # digest -> Pack, per worker process


@dataclass(frozen=True)
class ShippedPack:
    label: str
    files: list = field(repr=False)
    digest: str

    @classmethod
    def of(cls, pack):
        return cls(pack._label, pack.files(), pack.digest)

    def pack(self):
        """The compiled pack, loaded once per process (the digest is checked on loading)."""
        if self.digest not in _compiled:
            _compiled[self.digest] = _restore(self.label, self.files, self.digest)
        return _compiled[self.digest]


@dataclass
class PartitionAnswers:
    partition: object
    answers: bytes
    decided: int
    refusals: list  # (line, path, message)


def decide_partition(partition, shipped, explain):
    """Runs on a worker: reads the partition's bytes and decides them (InputError if unreadable).
    Returns (answers, decided, refusals), the answers first: Dask then sends a tuple element by
    element, the answers' bytes as a frame of their own, where an object holding them would be
    pickled, copying them into the pickle on the worker and out of it on the client."""
    return shipped.pack().decide_lines(partition.read(), partition.first_line, explain)


def decide_partitions(client, pack, partitions, explain, window):
    """Yields each partition's PartitionAnswers in input order, as soon as it and every partition
    before it are done. An exception from a partition (InputError) is raised when its turn comes,
    after every partition before it has been yielded."""
    answered = map_in_order(client, decide_partition, partitions, (ShippedPack.of(pack), explain), window)
    for partition, (answers, decided, refusals) in zip(partitions, answered):
        yield PartitionAnswers(partition, answers, decided, refusals)


def map_in_order(client, function, partitions, arguments, window):
    """Yields function(partition, *arguments) for each partition, in order, each computed as a task
    of its own on the cluster, with at most `window` partitions in flight."""
    in_flight = deque()
    for partition in partitions:
        in_flight.append(client.submit(function, partition, *arguments, pure=False))
        if len(in_flight) >= window:
            yield _finish(in_flight.popleft())
    while in_flight:
        yield _finish(in_flight.popleft())


def _finish(future):
    result = future.result()
    future.release()
    return result
