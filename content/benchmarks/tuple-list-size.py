"""Bytes reported by sys.getsizeof for a tuple and for lists of the same n items built in three ways, and the
bytes tracemalloc sees allocated while building each. Prints one JSON document to stdout."""
import json
import os
import platform
import sys
import tracemalloc

SIZES = [0, 1, 5, 10, 50, 100, 1_000, 10_000]


def grown_by_append(n):
    out = []
    for i in range(n):
        out.append(None)
    return out


BUILDERS = {
    "tuple (exact)": lambda n: tuple([None] * n),  # a tuple is always sized exactly
    "list: [None] * n (exact)": lambda n: [None] * n,
    "list: list(a_tuple) (rounded to even)": lambda n: list((None,) * n),
    "list: append n times (over-allocated)": grown_by_append,
}


def traced(build, n):
    """(bytes still allocated after building, peak bytes while building), measured by tracemalloc."""
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    obj = build(n)
    after, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del obj
    return after - before, peak - before


def main():
    series = {name: [sys.getsizeof(build(n)) for n in SIZES] for name, build in BUILDERS.items()}
    traced_tuple = [traced(BUILDERS["tuple (exact)"], n) for n in SIZES]
    traced_append = [traced(grown_by_append, n) for n in SIZES]

    def at(name, n):
        return series[name][SIZES.index(n)]

    tuple_name, append_name = "tuple (exact)", "list: append n times (over-allocated)"
    ratios = {f"list by append / tuple at n={n}": round(at(append_name, n) / at(tuple_name, n), 2) for n in (5, 100, 10_000)}
    kept, peak = traced_append[-1]
    ratios["tracemalloc kept / getsizeof, list by append, n=10000"] = round(kept / at(append_name, 10_000), 3)
    ratios["tracemalloc peak / kept, list by append, n=10000"] = round(peak / kept, 3)
    kept, peak = traced_tuple[-1]
    ratios["tracemalloc kept / getsizeof, tuple, n=10000"] = round(kept / at(tuple_name, 10_000), 3)
    print(json.dumps({
        "id": "tuple-list-size",
        "title": "Bytes for a tuple and for lists of n items, by how the list was built",
        "topic": "memory-tuples-lists",
        "unit": "bytes (sys.getsizeof)",
        "kind": "line",
        "x": {"label": "n (items)", "values": SIZES},
        "series": [{"name": name, "values": values} for name, values in series.items()],
        "ratios": ratios,
        "environment": {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "machine": platform.machine(),
            "cpuCount": os.cpu_count(),
        },
        "notes": "sys.getsizeof of each container holding n references to None (so only the container is counted); "
                 "the ratios compare it with the bytes tracemalloc sees kept after building, and the peak seen while "
                 "appending (a realloc may briefly hold the old and the new array).",
    }, indent=2))


if __name__ == "__main__":
    main()
