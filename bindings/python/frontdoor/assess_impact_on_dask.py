"""The impact of a rule change over a contacts file, assessed partition by partition on a Dask
cluster and merged by the library (frontdoor::merge_impact) into the report `frontdoor replay
--contacts FILE --rules OLD --with-rules NEW` gives for the whole file."""
from frontdoor import _frontdoor
from frontdoor.decide_on_dask import ShippedPack, map_in_order


def assess_partition(partition, before, after):
    """Runs on a worker: the partition's report, as a tuple (it pickles)."""
    return _frontdoor.assess_impact_lines(before.pack()._impl, after.pack()._impl, partition.read(),
                                          partition.first_line)


def assess_impact(client, before, after, partitions, window):
    """The merged report of every partition, as a tuple for impact_report()."""
    arguments = (ShippedPack.of(before), ShippedPack.of(after))
    parts = list(map_in_order(client, assess_partition, partitions, arguments, window))
    if not parts:  # an empty file: the report still names the packs
        parts = [_frontdoor.assess_impact_lines(before._impl, after._impl, b"", 1)]
    return _frontdoor.merge_impact(parts)


def impact_report(report, as_json):
    """The report as `frontdoor replay` prints it (bytes): text for people, or one JSON object."""
    return _frontdoor.impact_json(report) if as_json else _frontdoor.impact_text(report)
