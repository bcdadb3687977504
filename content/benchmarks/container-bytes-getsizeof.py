"""sys.getsizeof of a list, tuple, set, dict and array.array holding the same n ints: the container's own bytes,
without the int objects. Prints one JSON document to stdout."""
import array
import json
import os
import platform
import sys

SIZES = [1, 5, 10, 100, 1_000, 10_000, 100_000]
BASE = 10**6  # ints above the small-int cache, so every item is its own object

BUILDERS = {
    "list(items)": list,
    "tuple(items)": tuple,
    "set(items)": set,
    "dict.fromkeys(items)": dict.fromkeys,
    "array('q', items)": lambda items: array.array("q", items),
}


def main():
    series = {name: [] for name in BUILDERS}
    for n in SIZES:
        items = list(range(BASE, BASE + n))
        for name, build in BUILDERS.items():
            series[name].append(sys.getsizeof(build(items)))

    def per_item(name, n):
        return series[name][SIZES.index(n)] / n

    ratios = {}
    for name in BUILDERS:
        ratios[f"{name}: bytes per item at n=100000"] = round(per_item(name, 100_000), 2)
    for name in ("set(items)", "dict.fromkeys(items)", "array('q', items)"):
        ratios[f"{name} / list(items) at n=100000"] = round(per_item(name, 100_000) / per_item("list(items)", 100_000), 2)
    print(json.dumps({
        "id": "container-bytes-getsizeof",
        "title": "Container bytes for n ints, as sys.getsizeof reports them (items not included)",
        "topic": "memory-container-comparison",
        "unit": "bytes",
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
        "notes": "Each container is built in one call from a list of n distinct ints starting at 10**6; "
                 "sys.getsizeof counts the container's header and tables (and the GC header), not the ints. "
                 "Deterministic: the numbers depend only on the Python version and a 64-bit build.",
    }, indent=2))


if __name__ == "__main__":
    main()
