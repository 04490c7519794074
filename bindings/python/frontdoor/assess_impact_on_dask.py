"""The impact of a rule change over contacts files, assessed partition by partition on a Dask
cluster and merged by the library (frontdoor::merge_impact) into the report `frontdoor replay
--contacts FILE [--contacts FILE ...] --rules OLD --with-rules NEW` gives for the same files."""
from frontdoor import _frontdoor
from frontdoor.decide_on_dask import ShippedPack, map_in_order


def assess_partition(partition, before, after, named):
    """Runs on a worker: the partition's report, as a tuple (it pickles). With `named` (several
    input files) its contacts are labelled by their file and line, as the CLI labels them."""
    return _frontdoor.assess_impact_lines(before.pack()._impl, after.pack()._impl, partition.read(),
                                          partition.first_line, partition.path if named else "")


def assess_impact(client, before, after, partitions, window, named=False):
    """The merged report of every partition, as a tuple for impact_report(); `named` when the
    partitions come from several files."""
    arguments = (ShippedPack.of(before), ShippedPack.of(after), named)
    parts = list(map_in_order(client, assess_partition, partitions, arguments, window))
    if not parts:  # an empty file: the report still names the packs
        parts = [_frontdoor.assess_impact_lines(before._impl, after._impl, b"", 1)]
    return _frontdoor.merge_impact(parts)


def impact_report(report, as_json):
    """The report as `frontdoor replay` prints it (bytes): text for people, or one JSON object."""
    return _frontdoor.impact_json(report) if as_json else _frontdoor.impact_text(report)
