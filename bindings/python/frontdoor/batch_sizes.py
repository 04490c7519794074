"""The default partition sizes of python3 -m frontdoor.batch."""
DEFAULT_PARTITION_BYTES = 16 << 20
# With the explanation a partition's answers are about ten times its input (some 5 KB a decision):
# 2 MiB of input keeps them near 25 MiB, under glibc's 32 MiB limit for reusing freed memory, past
# which every partition maps and faults in its answers afresh (docs/performance.md, "Dask").
DEFAULT_PARTITION_BYTES_EXPLAINED = 2 << 20
# Without --partition-bytes, no partition is larger than the inputs shared out as this many partitions
# a worker thread (nor smaller than MIN_PARTITION_BYTES): six 16 MiB partitions on two workers left
# one of them idle for a third of the run (docs/performance.md, "Dask").
PARTITIONS_PER_THREAD = 4
MIN_PARTITION_BYTES = 1 << 20


def default_partition_bytes(explain):
    return DEFAULT_PARTITION_BYTES_EXPLAINED if explain else DEFAULT_PARTITION_BYTES


def partition_bytes_for(explain, input_bytes, threads):
    """The default partition size for `input_bytes` of input on `threads` worker threads."""
    shared_out = -(-input_bytes // (PARTITIONS_PER_THREAD * max(1, threads)))
    return min(default_partition_bytes(explain), max(MIN_PARTITION_BYTES, shared_out))
