"""Memory kept, per item, after building a list, tuple, set, dict or array.array of n fresh ints, measured with
tracemalloc: the container plus the int objects it keeps alive. Prints one JSON document to stdout."""
import array
import json
import os
import platform
import tracemalloc

SIZES = [10, 100, 1_000, 10_000, 100_000]
BASE = 10**6  # ints above the small-int cache, so every item is a new object

BUILDERS = {
    "list(range)": list,
    "tuple(range)": tuple,
    "set(range)": set,
    "dict.fromkeys(range)": dict.fromkeys,
    "array('q', range)": lambda items: array.array("q", items),
}


def kept_bytes(build, n):
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        container = build(range(BASE, BASE + n))
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del container
    return after - before


def main():
    series = {name: [] for name in BUILDERS}
    for n in SIZES:
        for name, build in BUILDERS.items():
            series[name].append(round(kept_bytes(build, n) / n, 2))

    def at(name, n):
        return series[name][SIZES.index(n)]

    ratios = {f"{name} / array('q', range) at n=100000": round(at(name, 100_000) / at("array('q', range)", 100_000), 2)
              for name in BUILDERS if not name.startswith("array")}
    print(json.dumps({
        "id": "container-bytes-tracemalloc",
        "title": "Memory kept per item by a container of n ints, items included (tracemalloc)",
        "topic": "memory-container-comparison",
        "unit": "bytes per item",
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
        "notes": "tracemalloc's traced memory after minus before building each container straight from "
                 "range(10**6, 10**6 + n), divided by n: the container plus the int objects it keeps (the array "
                 "stores raw 8-byte values and keeps none). Sizes are the sizes requested from the allocator.",
    }, indent=2))


if __name__ == "__main__":
    main()
