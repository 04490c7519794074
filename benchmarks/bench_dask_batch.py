"""Contacts per second of `python3 -m frontdoor.batch decide` on a local Dask cluster of 1 and 2
worker processes, in both of its modes, against benchmarks/eval_parallel.sh (the CLI, one process
per core) on 1 and 2 processes, in the same run; then the projection to a ten-year England replay
(30M contacts) on N workers. Each mode is compared with the CLI doing the same work: "to the client"
with eval_parallel.sh writing to /dev/null, "--output-dir" with eval_parallel.sh keeping its parts in
a directory under --output-root, each synced to disk (--keep DIR --sync). docs/performance.md has the figures and the command:

    PYTHONPATH=build/bindings/python /usr/bin/python3 benchmarks/bench_dask_batch.py \\
        build/frontdoor CONTACTS.jsonl [--workers 1,2] [--no-explain | --explain compact] [--partition-bytes N]
        [--output-root DIR] [--rounds 3]

Each Dask figure is the wall time from handing the partitions to the cluster to the last answer
written, the cluster already started, the pack compiled on every worker and one pass over the input
made to warm the workers (start-up and the first pass printed apart);
the input is split on the client first (also printed apart). Each worker is one process with one
thread. Each cluster runs --rounds rounds, each the CLI then Dask in both modes, and each ratio is the
median of the rounds' ratios, every Dask figure paired with the CLI figure taken just before it: this
machine's speed drifts by a fifth from one minute to the next, and a figure of the CLI taken right
after a Dask cluster closed was as much as half its usual rate. The two modes run on the same
cluster, one after the other:
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
import statistics
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


MODES = ("to the client", "--output-dir")


def compare(arguments, pack, workers, explain):
    """For one cluster of `workers` processes: `rounds` rounds, each running eval_parallel.sh on as
    many processes and then Dask in each mode, so that each Dask figure is paired with a CLI figure
    taken just before it (this machine's speed drifts by a fifth from minute to minute). Returns
    {mode: (median Dask rate, median of the paired ratios)}."""
    started = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster, direct_to_workers=True) as client:
        compile_on_every_worker(client, pack)
        up = time.perf_counter() - started
        split_start = time.perf_counter()
        size = arguments.partition_bytes or partition_bytes_for(explain, os.path.getsize(arguments.contacts), workers)
        partitions = split_inputs([arguments.contacts], size)
        split = time.perf_counter() - split_start
        prefix = f"dask, {workers} worker(s), {len(partitions)} partitions"
        print(f"{prefix}: cluster start and pack compile {up:.2f} s, split {split:.2f} s")
        # A first pass warms each worker (its deciding thread's memory, the connections' buffers):
        # printed, not compared, since a ten-year replay runs warm after its first partitions.
        start = time.perf_counter()
        answered = decide_to_client(client, pack, partitions, explain, 2 * workers)
        report(f"{prefix}, first pass on the fresh cluster (warm-up, not compared)", answered,
               time.perf_counter() - start)
        rates, ratios = {mode: [] for mode in MODES}, {mode: [] for mode in MODES}
        for round_number in range(1, arguments.rounds + 1):
            cli = time_eval_parallel(arguments.cli, arguments.contacts, workers, explain, arguments.output_root)
            start = time.perf_counter()
            answered = decide_to_client(client, pack, partitions, explain, 2 * workers)
            dask = {"to the client": report(f"{prefix}, round {round_number}, to the client", answered,
                                            time.perf_counter() - start)}
            start = time.perf_counter()
            answered, size = decide_to_directory(client, pack, partitions, explain, 2 * workers, arguments.output_root)
            dask["--output-dir"] = report(f"{prefix}, round {round_number}, --output-dir ({size / 2**20:.0f} MiB of parts)",
                                          answered, time.perf_counter() - start)
            for mode in MODES:
                rates[mode].append(dask[mode])
                ratios[mode].append(dask[mode] / cli[mode])
    return {mode: (statistics.median(rates[mode]), statistics.median(ratios[mode]), ratios[mode]) for mode in MODES}


def report(label, answered, wall):
    print(f"{label}: {answered} contacts, wall {wall:.2f} s: {answered / wall:.0f} contacts/s; load {load()}")
    return answered / wall


def time_eval_parallel(cli, contacts, processes, explain, output_root):
    """{mode: contacts per second} of eval_parallel.sh doing what each Dask mode does with answers."""
    command = ["bash", os.path.join(HERE, "eval_parallel.sh"), cli, contacts, str(processes)]
    command += ["--no-explain"] if explain is False else ["--explain", "compact"] if explain == "compact" else []
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
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--no-explain", action="store_true")
    form.add_argument("--explain", choices=("full", "compact"), default="full")
    parser.add_argument("--partition-bytes", type=int, help="default: frontdoor.batch decide's")
    parser.add_argument("--output-root", default=tempfile.gettempdir(), help="where --output-dir's directories go")
    parser.add_argument("--rounds", type=int, default=3, help="paired rounds (the CLI, then Dask) per cluster")
    arguments = parser.parse_args()
    explain = False if arguments.no_explain else "compact" if arguments.explain == "compact" else True
    pack = frontdoor.Pack.load(os.path.join(HERE, "..", "rules", "hackney"))
    described = {False: "without explanation", True: "with explanation", "compact": "with the compact explanation"}
    print(f"corpus {arguments.contacts}; {described[explain]}; {os.cpu_count()} cores; "
          f"load {load()}")
    rates = {}
    for workers in [int(w) for w in arguments.workers.split(",")]:
        compared = compare(arguments, pack, workers, explain)
        rates[workers] = {mode: rate for mode, (rate, _, _) in compared.items()}
        for mode, (rate, ratio, ratios) in compared.items():
            print(f"{workers} worker(s), {mode}: {ratio:.2f}x eval_parallel.sh doing the same (median of "
                  f"{len(ratios)} paired rounds: {', '.join(f'{r:.2f}' for r in ratios)}); {rate:.0f} contacts/s")
    for mode in MODES:
        project(rates, mode)


if __name__ == "__main__":
    sys.exit(main())
