"""Contacts per second of `python3 -m frontdoor.batch decide` on a local Dask cluster of 1 and 2
worker processes, in both of its modes, against benchmarks/eval_parallel.sh (the CLI, one process
per core) on 1 and 2 processes, in the same run; then the projection to a ten-year England replay
(30M contacts) on N workers. Each mode is compared with the CLI doing the same work: "to the client"
with eval_parallel.sh writing to /dev/null, "--output-dir" with eval_parallel.sh keeping its parts in
a directory under --output-root, each synced to disk (--keep DIR --sync). docs/performance.md has the figures and the command:

    PYTHONPATH=build/bindings/python /usr/bin/python3 benchmarks/bench_dask_batch.py \\
        build/frontdoor CONTACTS.jsonl [--workers 1,2] [--no-explain] [--partition-bytes N] [--output-root DIR]

Each Dask figure is the wall time from handing the partitions to the cluster to the last answer
written, the cluster already started, the pack compiled on every worker and one pass over the input
made to warm the workers (start-up and the first pass printed apart);
the input is split on the client first (also printed apart). Each worker is one process with one
thread. The two modes run on the same cluster, one after the other:
- "to the client" (`decide`, `--output`): every partition's answers travel to the client, which
  writes them (here to /dev/null);
- "--output-dir": each worker writes its partition's answers to a part file in a fresh directory
  under --output-root (default the temporary directory), synced to disk and renamed, and sends the
  client only counts and refusals; the client writes the manifest. The directory is removed after.
"""
import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time

from distributed import Client, LocalCluster

import frontdoor
from frontdoor.batch_sizes import partition_bytes_for
from frontdoor.decide_on_dask import ShippedPack, decide_partitions
from frontdoor.split_inputs import split_inputs
from frontdoor.write_answer_parts import decide_partitions_into, write_manifest

HERE = os.path.dirname(os.path.abspath(__file__))
ENGLAND_TEN_YEARS = 30_000_000


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def compile_on_every_worker(client, pack):
    """So that neither mode's figure includes compiling the pack."""
    shipped = ShippedPack.of(pack)

    def compile_pack():
        shipped.pack()

    client.run(compile_pack)


def decide_to_client(client, pack, partitions, explain, window):
    answered = 0
    with open(os.devnull, "wb") as out:
        for answers in decide_partitions(client, pack, partitions, explain, window):
            out.write(answers.answers)
            answered += answers.decided + len(answers.refusals)
    return answered


def decide_to_directory(client, pack, partitions, explain, window, output_root):
    directory = tempfile.mkdtemp(prefix="bench_dask_parts.", dir=output_root)
    try:
        parts = list(decide_partitions_into(client, pack, partitions, directory, explain, window))
        write_manifest(directory, pack, [partitions[0].path], explain, parts)
        return sum(part.lines for part in parts), sum(part.size for part in parts)
    finally:
        shutil.rmtree(directory)


def time_dask(pack, contacts, workers, explain, partition_bytes, output_root):
    """{mode: contacts per second} for both modes on one cluster of `workers` processes."""
    started = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster, direct_to_workers=True) as client:
        compile_on_every_worker(client, pack)
        up = time.perf_counter() - started
        split_start = time.perf_counter()
        size = partition_bytes or partition_bytes_for(explain, os.path.getsize(contacts), workers)
        partitions = split_inputs([contacts], size)
        split = time.perf_counter() - split_start
        prefix = f"dask, {workers} worker(s), {len(partitions)} partitions"
        print(f"{prefix}: cluster start and pack compile {up:.2f} s, split {split:.2f} s")
        # A first pass warms each worker (its deciding thread's memory, the connections' buffers):
        # printed, not compared, since a ten-year replay runs warm after its first partitions.
        start = time.perf_counter()
        answered = decide_to_client(client, pack, partitions, explain, 2 * workers)
        report(f"{prefix}, first pass on the fresh cluster (warm-up, not compared)", answered,
               time.perf_counter() - start)
        start = time.perf_counter()
        answered = decide_to_client(client, pack, partitions, explain, 2 * workers)
        to_client = report(f"{prefix}, to the client", answered, time.perf_counter() - start)
        start = time.perf_counter()
        answered, size = decide_to_directory(client, pack, partitions, explain, 2 * workers, output_root)
        to_directory = report(f"{prefix}, --output-dir ({size / 2**20:.0f} MiB of parts)", answered,
                              time.perf_counter() - start)
    return {"to the client": to_client, "--output-dir": to_directory}


def report(label, answered, wall):
    print(f"{label}: {answered} contacts, wall {wall:.2f} s: {answered / wall:.0f} contacts/s; load {load()}")
    return answered / wall


def time_eval_parallel(cli, contacts, processes, explain, output_root):
    """{mode: contacts per second} of eval_parallel.sh doing what each Dask mode does with answers."""
    command = ["bash", os.path.join(HERE, "eval_parallel.sh"), cli, contacts, str(processes)]
    command += [] if explain else ["--no-explain"]
    rates = {}
    for mode, label in (("to the client", "to /dev/null"), ("--output-dir", "parts kept and synced")):
        keep = tempfile.mkdtemp(prefix="bench_eval_parts.", dir=output_root)
        try:
            extra = ["--keep", keep, "--sync"] if mode == "--output-dir" else []
            result = subprocess.run(command + extra, capture_output=True, text=True, check=True)
        finally:
            shutil.rmtree(keep)
        last = result.stdout.strip().splitlines()[-1]
        print(f"eval_parallel.sh, {processes} process(es), {label}: {last}")
        rates[mode] = float(last.split(": ")[1].split(" contacts/s")[0])
    return rates


def project(rates, mode):
    """From {workers: {mode: rate}}: the 1-worker rate, scaled by the largest run's efficiency."""
    one = rates.get(1, {}).get(mode)
    if not one:
        return
    most = max(rates)
    efficiency = rates[most][mode] / (one * most)
    print(f"{mode}: per-worker rate {one:.0f} contacts/s; {most} workers keep {100 * efficiency:.0f}% of it each")
    for n in (16, 64, 256):
        seconds = ENGLAND_TEN_YEARS / (one * n * efficiency)
        print(f"{mode}: projection: {ENGLAND_TEN_YEARS} contacts on {n} workers: {seconds / 60:.1f} min")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cli")
    parser.add_argument("contacts")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--no-explain", action="store_true")
    parser.add_argument("--partition-bytes", type=int, help="default: frontdoor.batch decide's")
    parser.add_argument("--output-root", default=tempfile.gettempdir(), help="where --output-dir's directories go")
    arguments = parser.parse_args()
    explain = not arguments.no_explain
    partition_bytes = arguments.partition_bytes  # None: frontdoor.batch decide's default for each cluster
    pack = frontdoor.Pack.load(os.path.join(HERE, "..", "rules", "hackney"))
    print(f"corpus {arguments.contacts}; {'with' if explain else 'without'} explanation; {os.cpu_count()} cores; "
          f"load {load()}")
    rates = {}
    for workers in [int(w) for w in arguments.workers.split(",")]:
        cli_rates = time_eval_parallel(arguments.cli, arguments.contacts, workers, explain, arguments.output_root)
        rates[workers] = time_dask(pack, arguments.contacts, workers, explain, partition_bytes, arguments.output_root)
        for mode, rate in rates[workers].items():
            print(f"{workers} worker(s), {mode}: {rate / cli_rates[mode]:.2f}x eval_parallel.sh doing the same")
    for mode in ("to the client", "--output-dir"):
        project(rates, mode)


if __name__ == "__main__":
    sys.exit(main())
