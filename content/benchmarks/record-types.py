"""Memory per instance and creation / attribute-read time for a 3-field record built as a tuple, a namedtuple,
a typing.NamedTuple, a @dataclass, a @dataclass(slots=True), a plain class with __slots__ and a dict.
Prints one JSON document to stdout."""
import json
import os
import platform
import time
import timeit
import tracemalloc
from collections import namedtuple
from dataclasses import dataclass
from typing import NamedTuple

PointNT = namedtuple("PointNT", "x y z")


class PointTNT(NamedTuple):
    x: int
    y: int
    z: int


@dataclass
class PointDC:
    x: int
    y: int
    z: int


@dataclass(slots=True)
class PointDCS:
    x: int
    y: int
    z: int


class PointSlots:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z


KINDS = {
    "tuple": (lambda x, y, z: (x, y, z), "p[0]"),
    "namedtuple": (PointNT, "p.x"),
    "typing.NamedTuple": (PointTNT, "p.x"),
    "@dataclass": (PointDC, "p.x"),
    "@dataclass(slots=True)": (PointDCS, "p.x"),
    "class with __slots__": (PointSlots, "p.x"),
    "dict": (lambda x, y, z: {"x": x, "y": y, "z": z}, "p['x']"),
}
N = 10_000


def bytes_per_instance(make):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    items = [make(1, 2, 3) for _ in range(N)]  # small cached ints: only the records are allocated
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del items
    return (after - before) / N - 8  # minus the list slot holding each record


def best_ns(stmt, namespace):
    # CPU time of this process, so that other load on a shared machine does not inflate the numbers.
    timer = timeit.Timer(stmt, timer=time.process_time, globals=namespace)
    once = max(timer.timeit(number=1000) / 1000, 1e-9)
    number = max(1000, int(0.05 / once))
    return min(timer.repeat(repeat=5, number=number)) / number * 1e9


def main():
    names = list(KINDS)
    memory = [round(bytes_per_instance(make), 1) for make, _ in KINDS.values()]
    create = {name: best_ns("make(1, 2, 3)", {"make": make}) for name, (make, _) in KINDS.items()}
    read = {name: best_ns(stmt, {"p": make(1, 2, 3)}) for name, (make, stmt) in KINDS.items()}
    ratios = {}
    for name in names:
        if name != "tuple":
            ratios[f"create {name} / create tuple"] = round(create[name] / create["tuple"], 1)
    for name in ("@dataclass", "@dataclass(slots=True)", "namedtuple"):
        ratios[f"read field {name} / read field tuple"] = round(read[name] / read["tuple"], 2)
    print(json.dumps({
        "id": "record-types",
        "title": "Memory per instance of a 3-field record, by how the record type is built",
        "topic": "classes-data-builders",
        "unit": "bytes per instance (tracemalloc)",
        "kind": "bar",
        "x": {"label": "record type", "values": names},
        "series": [{"name": "bytes per instance", "values": memory}],
        "ratios": ratios,
        "environment": {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "machine": platform.machine(),
            "cpuCount": os.cpu_count(),
        },
        "notes": f"Memory: tracemalloc bytes kept by {N} instances holding small cached ints, per instance, minus the "
                 "8-byte list slot. Ratios: best of 5 timeit repeats (CPU time) of creating one instance with three "
                 "positional arguments, and of reading one field, relative to a plain tuple.",
    }, indent=2))


if __name__ == "__main__":
    main()
