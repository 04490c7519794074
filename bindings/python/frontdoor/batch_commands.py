"""The commands of python3 -m frontdoor.batch (batch.py reads their arguments): each loads its
packs, splits its inputs, runs on a Dask cluster and answers with `frontdoor eval`'s and
`frontdoor replay`'s exit statuses."""
import logging
import os
import sys
from contextlib import contextmanager

from frontdoor.assess_impact_on_dask import assess_impact, impact_report
from frontdoor.decide_on_dask import decide_partitions
from frontdoor.batch_sizes import partition_bytes_for
from frontdoor.errors import PackError
from frontdoor.pack import Pack
from frontdoor.split_inputs import InputError, expand_inputs, split_file, split_inputs
from frontdoor.write_answer_parts import OutputDirError, decide_partitions_into, prepare_output_dir, write_manifest

# The exit statuses of `frontdoor` (bindings/cli/exit_status.hpp), and one of the batch's own.
EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_PACK_FAILED, EXIT_IO_FAILED = 0, 1, 2, 4, 5
EXIT_CLUSTER_FAILED = 6  # the scheduler could not be reached, or the cluster did not start


class ClusterError(Exception):
    pass


@contextmanager
def open_client(arguments):
    """(a client, the number of worker threads): of the given scheduler, or of a local cluster of
    one-thread worker processes on loopback, closed (and the cluster stopped) on leaving. The client
    fetches results from the workers directly on a local cluster (and with --direct-to-workers): Dask's
    default relays them through the scheduler, a second copy of every answer through another process."""
    from distributed import Client, LocalCluster

    try:
        if arguments.scheduler:
            client = Client(arguments.scheduler, timeout=arguments.timeout,
                            direct_to_workers=arguments.direct_to_workers or None)
            cluster = None
        else:
            cluster = LocalCluster(n_workers=arguments.workers, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR,
                                   timeout=arguments.timeout)
            client = Client(cluster, timeout=arguments.timeout, direct_to_workers=True)
    except (OSError, TimeoutError) as error:
        raise ClusterError(f"could not reach the Dask cluster: {error}") from None
    try:
        yield client, max(1, sum(client.nthreads().values()))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def partition_size(arguments, inputs, explain, slots):
    """--partition-bytes, or the default for these inputs on `slots` worker threads."""
    if arguments.partition_bytes is not None:
        return arguments.partition_bytes
    return partition_bytes_for(explain, sum(_size(path) for path in inputs), slots)


def _size(path):
    try:
        return os.path.getsize(path)
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None


def load_pack(directory):
    """The pack, or None after writing its diagnostics to standard error."""
    try:
        return Pack.load(directory)
    except PackError as error:
        sys.stderr.write("".join(d.rendered + "\n" for d in error.diagnostics))
        return None


class Summary:
    """The counts and the refusals' places (file, line and JSON path; never the message, which may
    quote the contact), written to standard error at the end."""

    def __init__(self, listed):
        self.decided = self.refused = 0
        self.listed = listed
        self.places = []

    def add(self, answers):
        self.decided += answers.decided
        self.refused += len(answers.refusals)
        for line, path, _ in answers.refusals:
            if len(self.places) < self.listed:
                self.places.append(f"{answers.partition.path}:{line}: refused at '{path}'")

    def write(self):
        sys.stderr.write(f"frontdoor.batch: {self.decided} decided, {self.refused} refused\n")
        for place in self.places:
            sys.stderr.write(f"  {place}\n")
        if self.refused > len(self.places):
            sys.stderr.write(f"  ... and {self.refused - len(self.places)} more (each answer line says its line)\n")


def run_decide(arguments, out):
    """Decides the inputs; with --output-dir the workers write the answers there, otherwise they
    travel to the client, which writes them to `out` in order."""
    # The pack first: a pack with errors must not leave a new, empty output directory behind.
    pack = load_pack(arguments.rules)
    if pack is None:
        return EXIT_PACK_FAILED
    directory = None
    if arguments.output_dir is not None:
        try:
            directory = prepare_output_dir(arguments.output_dir)
        except OutputDirError as error:
            sys.stderr.write(f"frontdoor.batch: --output-dir: {error}\n")
            return EXIT_USAGE
        except InputError as error:
            sys.stderr.write(f"frontdoor.batch: {error}\n")
            return EXIT_IO_FAILED
    summary = Summary(arguments.list_refusals)
    # False, True (the full explanation) or "compact": Pack.decide_lines' `explain`.
    explain = False if arguments.no_explain else "compact" if arguments.explain == "compact" else True
    try:
        inputs = expand_inputs(arguments.inputs)
        with open_client(arguments) as (client, slots):
            size = partition_size(arguments, inputs, explain, slots)
            partitions = [part for path in inputs for part in split_file(path, size)]
            if directory is None:
                write_answers(decide_partitions(client, pack, partitions, explain, 2 * slots), out, summary)
            else:
                parts = count_parts(decide_partitions_into(client, pack, partitions, directory, explain, 2 * slots),
                                    summary)
                # Written last and only when every part is: a directory without it is an unfinished run.
                write_manifest(directory, pack, inputs, explain, parts)
    except InputError as error:
        summary.write()
        sys.stderr.write(f"frontdoor.batch: {error}\n")
        return EXIT_IO_FAILED
    except ClusterError as error:
        sys.stderr.write(f"frontdoor.batch: {error}\n")
        return EXIT_CLUSTER_FAILED
    summary.write()
    return EXIT_REFUSED if summary.refused else EXIT_OK


def write_answers(answered, out, summary):
    for answers in answered:
        out.write(answers.answers)
        out.flush()
        summary.add(answers)


def count_parts(written, summary):
    """The parts the workers wrote, in order, each counted in the summary as it arrives."""
    parts = []
    for part in written:
        summary.add(part)
        parts.append(part)
    return parts


def run_impact(arguments, out):
    """The impact report once written exits 0, as `frontdoor replay` does."""
    try:
        inputs = expand_inputs(arguments.contacts)
        before, after = load_pack(arguments.rules), load_pack(arguments.with_rules)
        if before is None or after is None:
            return EXIT_PACK_FAILED
        with open_client(arguments) as (client, slots):
            partitions = split_inputs(inputs, partition_size(arguments, inputs, False, slots))
            report = assess_impact(client, before, after, partitions, 2 * slots, named=len(inputs) > 1)
    except InputError as error:
        sys.stderr.write(f"frontdoor.batch: {error}\n")
        return EXIT_IO_FAILED
    except ClusterError as error:
        sys.stderr.write(f"frontdoor.batch: {error}\n")
        return EXIT_CLUSTER_FAILED
    out.write(impact_report(report, arguments.format == "json"))
    out.flush()
    return EXIT_OK
