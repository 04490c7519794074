"""Deciding partitions on a Dask cluster with each worker writing its partition's answers to a
directory every worker and the reader can reach, so that only counts and refusals travel back to
the client (`decide --output-dir DIR`).

The directory holds one file per partition, DIR/part-NNNNNN.jsonl, numbered in input order across
all the inputs, so `cat DIR/part-*.jsonl` is byte for byte what `frontdoor eval --jsonl` prints for
the inputs in order. A part is written under a hidden temporary name in DIR and renamed when it is
complete and on disk (its bytes, then the directory's entry for it), so a crashed run never leaves a part that looks complete. The client writes
DIR/manifest.json last, the same way: a reader that finds no manifest knows the run did not finish.
"""
import glob
import json
import os
import uuid
from dataclasses import dataclass

from frontdoor.decide_on_dask import ShippedPack, map_in_order
from frontdoor.split_inputs import InputError

MANIFEST = "manifest.json"
PART_PATTERN = "part-*.jsonl"


class OutputDirError(Exception):
    """DIR already holds another run's parts or manifest: two runs' parts are never mixed."""


def part_name(index):
    return f"part-{index:06d}.jsonl"


def prepare_output_dir(directory):
    """Creates `directory` if missing and returns its absolute path (workers resolve it, not the
    client's working directory). Raises OutputDirError when it holds parts or a manifest already,
    InputError (naming it) when it cannot be created."""
    directory = os.path.abspath(directory)
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError as error:
        raise InputError(f"cannot write {directory}: {error.strerror or error}") from None
    found = sorted(glob.glob(os.path.join(glob.escape(directory), PART_PATTERN)))
    if os.path.exists(os.path.join(directory, MANIFEST)):
        found.append(os.path.join(directory, MANIFEST))
    if found:
        raise OutputDirError(f"{directory} already holds the output of a run ({os.path.basename(found[0])}"
                             f"{' and more' if len(found) > 1 else ''}); name an empty or new directory")
    return directory


def write_atomically(path, data):
    """Writes `data` to `path` through a hidden temporary name in the same directory, synced to disk
    before the rename, so `path` either does not exist or holds all of `data`. Two writers of the
    same part (a task Dask reran) each use their own temporary name and rename the same bytes."""
    directory, name = os.path.split(path)
    temporary = os.path.join(directory, f".{name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(temporary, "xb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
        _sync_directory(directory)
    except OSError as error:
        _remove_quietly(temporary)
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None


def _sync_directory(directory):
    """Syncs the directory itself, so the rename (the name pointing at the synced bytes) survives a
    power cut too, not only the bytes."""
    descriptor = os.open(directory or ".", os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_quietly(path):
    try:
        os.remove(path)
    except OSError:
        pass


@dataclass
class PartWritten:
    """What the client receives for a partition: its counts and refusals, not its answers."""
    partition: object
    name: str
    lines: int
    size: int
    decided: int
    refusals: list  # (line, path, message)


def decide_partition_into(numbered, directory, shipped, explain):
    """Runs on a worker: decides partition `numbered` = (index, partition) and writes its answers
    to DIR/part-<index>.jsonl (InputError if the input cannot be read or the part written)."""
    index, partition = numbered
    answers, decided, refusals = shipped.pack().decide_lines(partition.read(), partition.first_line, explain)
    name = part_name(index)
    write_atomically(os.path.join(directory, name), answers)
    return PartWritten(partition, name, decided + len(refusals), len(answers), decided, refusals)


def decide_partitions_into(client, pack, partitions, directory, explain, window):
    """Yields each partition's PartWritten in input order, at most `window` partitions in flight.
    An exception from a partition is raised when its turn comes, as decide_partitions does."""
    numbered = list(enumerate(partitions))
    return map_in_order(client, decide_partition_into, numbered, (directory, ShippedPack.of(pack), explain), window)


def write_manifest(directory, pack, inputs, explain, parts):
    """DIR/manifest.json, written last and only after every part: the pack, the inputs, the parts in
    order with their input range, line counts and byte sizes, and the decided and refused counts."""
    manifest = {
        "pack": {"name": pack.name, "version": pack.version, "digest": pack.digest},
        "explain": explain is not False,
        "compact_explanation": explain == "compact",
        "inputs": list(inputs),
        "parts": [{"name": part.name, "input": part.partition.path, "first_line": part.partition.first_line,
                   "lines": part.lines, "bytes": part.size} for part in parts],
        "decided": sum(part.decided for part in parts),
        "refused": sum(len(part.refusals) for part in parts),
    }
    write_atomically(os.path.join(directory, MANIFEST), (json.dumps(manifest, indent=1) + "\n").encode())
