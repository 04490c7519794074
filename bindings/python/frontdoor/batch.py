"""python3 -m frontdoor.batch: Frontdoor's batches on a Dask cluster.

    decide --rules DIR [--no-explain | --explain full|compact] [--output FILE | --output-dir DIR] FILE_OR_GLOB...
        For each input file in order (a glob's matches sorted by name), exactly the bytes
        `frontdoor eval --rules DIR --jsonl FILE` prints; a summary on standard error counts the
        decisions and refusals and names each refusal by file, line and JSON path. With
        --output-dir the workers write the answers, DIR/part-NNNNNN.jsonl a partition, and the
        client DIR/manifest.json last: `cat DIR/part-*.jsonl` is the same bytes.
    impact --rules OLD --with-rules NEW [--format text|json] FILE_OR_GLOB...
    replay --contacts FILE_OR_GLOB... --rules OLD --with-rules NEW [--format text|json]
        The impact report `frontdoor replay --contacts FILE [--contacts FILE ...] --rules OLD
        --with-rules NEW` prints for the same files in the same order (a glob's matches sorted by
        name), assessed partition by partition and merged: with several files each contact is
        labelled by its file and line ("contacts/a.jsonl line 4"), with one by its line.

Every command runs on a local cluster of --workers processes on 127.0.0.1 (default 2), or on the
Dask scheduler at --scheduler ADDRESS. docs/scale.md describes it.
"""
import argparse
import sys

from frontdoor.batch_commands import EXIT_USAGE, run_decide, run_impact

PARTITION_HELP = ("bytes per partition, rounded up to a line end (default 16 MiB, less when the input "
                  "would make fewer than 4 partitions a worker thread; not under 1 MiB)")
DECIDE_PARTITION_HELP = ("bytes of input per partition, rounded up to a line end (default 2 MiB with the explanation, "
                         "whose answers are about ten times the input; 16 MiB with --no-explain; less when the input "
                         "would make fewer than 4 partitions a worker thread, not under 1 MiB)")


def add_cluster_options(parser, partition_help=PARTITION_HELP):
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS", help="an existing Dask scheduler, e.g. tcp://10.0.0.5:8786")
    where.add_argument("--workers", type=int, default=2, metavar="N",
                       help="worker processes of the local cluster (default 2; one thread each)")
    parser.add_argument("--partition-bytes", type=int, metavar="N", help=partition_help)
    parser.add_argument("--timeout", type=float, default=60, metavar="SECONDS",
                        help="how long to wait for the cluster to start or the scheduler to answer (default 60)")
    parser.add_argument("--direct-to-workers", action="store_true",
                        help="with --scheduler: fetch the answers from the workers directly, not through the "
                             "scheduler (the client must reach every worker's address; a local cluster always does)")


def add_impact_options(parser, contacts_option):
    if contacts_option:
        parser.add_argument("--contacts", required=True, nargs="+", metavar="FILE_OR_GLOB",
                            help="the contacts, one JSON document a line, in one or several files")
        parser.add_argument("--log", help=argparse.SUPPRESS)
    else:
        parser.add_argument("contacts", nargs="+", metavar="FILE_OR_GLOB")
    parser.add_argument("--rules", required=True, metavar="OLD", help="the pack in use")
    parser.add_argument("--with-rules", required=True, metavar="NEW", help="the candidate pack")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    add_cluster_options(parser)


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="python3 -m frontdoor.batch", description=__doc__.split("\n\n")[0],
                                     epilog=__doc__.split("\n\n", 1)[1], formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    decide = commands.add_parser("decide", help="decide JSON-lines files as `frontdoor eval --jsonl` does")
    decide.add_argument("inputs", nargs="+", metavar="FILE_OR_GLOB")
    decide.add_argument("--rules", required=True, metavar="DIR", help="the rule pack that decides")
    explanation = decide.add_mutually_exclusive_group()
    explanation.add_argument("--no-explain", action="store_true", help="leave the explanation out")
    explanation.add_argument("--explain", choices=("full", "compact"), default="full",
                             help="the explanation's form, as `frontdoor eval --explain`: full (the default, the "
                                  "decision schema's) or compact (entries refer to `frontdoor explain-dictionary` "
                                  "by \"$ref\", about half the bytes)")
    where_to = decide.add_mutually_exclusive_group()
    where_to.add_argument("--output", metavar="FILE", help="write the answers here (default: standard output)")
    where_to.add_argument("--output-dir", metavar="DIR",
                          help="the workers write the answers to DIR/part-NNNNNN.jsonl (DIR created if missing, "
                               "refused if it holds parts already; it must be storage every worker and the reader "
                               "can reach) and the client DIR/manifest.json when every part is written")
    decide.add_argument("--list-refusals", type=int, default=100, metavar="N",
                        help="name at most N refusals by file and line in the summary (default 100)")
    add_cluster_options(decide, DECIDE_PARTITION_HELP)
    add_impact_options(commands.add_parser("impact", help="the impact of a rule change over contacts files"), False)
    add_impact_options(commands.add_parser("replay", help="`frontdoor replay --contacts` on the cluster"), True)
    arguments = parser.parse_args(argv)
    if getattr(arguments, "log", None) is not None:
        parser.error("--log: a decision log is replayed by `frontdoor replay --log`; this command takes --contacts")
    # Without --partition-bytes, partition_bytes_for() sizes the partitions once the cluster is known.
    if arguments.workers < 1 or (arguments.partition_bytes is not None and arguments.partition_bytes < 1):
        parser.error("--workers and --partition-bytes take a positive number")
    return arguments


def main(argv=None):
    try:
        arguments = parse_arguments(argv)
    except SystemExit as stop:
        return stop.code if stop.code is not None else EXIT_USAGE
    if arguments.command == "decide":
        if arguments.output_dir is not None:
            return run_decide(arguments, None)
        if arguments.output:
            with open(arguments.output, "wb") as out:
                return run_decide(arguments, out)
        return run_decide(arguments, sys.stdout.buffer)
    return run_impact(arguments, sys.stdout.buffer)


if __name__ == "__main__":
    sys.exit(main())
