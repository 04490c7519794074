"""Contacts per second of `python3 -m frontdoor.batch decide` on a local Dask cluster of 1 and 2
worker processes, against benchmarks/eval_parallel.sh (the CLI, one process per core) on 1 and 2
processes, in the same run; then the projection to a ten-year England replay (30M contacts) on N
workers. docs/performance.md has the figures and the command:

    PYTHONPATH=build/bindings/python /usr/bin/python3 benchmarks/bench_dask_batch.py \\
        build/frontdoor CONTACTS.jsonl [--workers 1,2] [--no-explain] [--partition-bytes N]

The Dask figure is the wall time from handing the partitions to the cluster to the last answer
written (to /dev/null), the cluster already started (its start-up is printed apart); the input is
split on the client first (also printed apart). Each worker is one process with one thread.
"""
import argparse
import logging
import os
import subprocess
import sys
import time

from distributed import Client, LocalCluster

import frontdoor
from frontdoor.decide_on_dask import decide_partitions
from frontdoor.split_inputs import split_inputs

HERE = os.path.dirname(os.path.abspath(__file__))
ENGLAND_TEN_YEARS = 30_000_000


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def time_dask(pack, contacts, workers, explain, partition_bytes):
    started = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        up = time.perf_counter() - started
        split_start = time.perf_counter()
        partitions = split_inputs([contacts], partition_bytes)
        split = time.perf_counter() - split_start
        start = time.perf_counter()
        answered = 0
        with open(os.devnull, "wb") as out:
            for answers in decide_partitions(client, pack, partitions, explain, 2 * workers):
                out.write(answers.answers)
                answered += answers.decided + len(answers.refusals)
        wall = time.perf_counter() - start
    print(f"dask, {workers} worker(s): {answered} contacts in {len(partitions)} partitions, wall {wall:.2f} s: "
          f"{answered / wall:.0f} contacts/s (cluster start {up:.2f} s, split {split:.2f} s); load {load()}")
    return answered / wall


def time_eval_parallel(cli, contacts, processes, explain):
    command = ["bash", os.path.join(HERE, "eval_parallel.sh"), cli, contacts, str(processes)]
    result = subprocess.run(command + ([] if explain else ["--no-explain"]), capture_output=True, text=True, check=True)
    last = result.stdout.strip().splitlines()[-1]
    print(f"eval_parallel.sh, {processes} process(es): {last}")
    return float(last.split(": ")[1].split(" contacts/s")[0])


def project(rates):
    one = rates.get(1)
    if not one:
        return
    efficiency = rates[max(rates)] / (one * max(rates))
    print(f"per-worker rate {one:.0f} contacts/s; {max(rates)} workers keep {100 * efficiency:.0f}% of it each")
    for n in (16, 64, 256):
        seconds = ENGLAND_TEN_YEARS / (one * n * efficiency)
        print(f"projection: {ENGLAND_TEN_YEARS} contacts on {n} workers: {seconds / 60:.1f} min")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cli")
    parser.add_argument("contacts")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--no-explain", action="store_true")
    parser.add_argument("--partition-bytes", type=int, default=4 << 20)
    arguments = parser.parse_args()
    explain = not arguments.no_explain
    pack = frontdoor.Pack.load(os.path.join(HERE, "..", "rules", "hackney"))
    print(f"corpus {arguments.contacts}; {'with' if explain else 'without'} explanation; {os.cpu_count()} cores; "
          f"load {load()}")
    rates = {}
    for workers in [int(w) for w in arguments.workers.split(",")]:
        time_eval_parallel(arguments.cli, arguments.contacts, workers, explain)
        rates[workers] = time_dask(pack, arguments.contacts, workers, explain, arguments.partition_bytes)
    project(rates)


if __name__ == "__main__":
    sys.exit(main())
