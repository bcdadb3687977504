"""Lookup cost of a dict against a list of (key, value) pairs scanned linearly and a sorted key list searched with
bisect, for growing n. Prints one JSON document to stdout."""
import json
import os
import platform
import random
import time
import timeit

SIZES = [10, 100, 1_000, 10_000, 100_000]
PROBES = 256

SETUP = """
from bisect import bisect_left
"""
STATEMENTS = {
    "dict: d[k]": """
for k in probes:
    d[k]
""",
    "sorted list + bisect": """
for k in probes:
    i = bisect_left(keys, k)
    if keys[i] == k:
        vals[i]
""",
    "list of pairs, linear scan": """
for k in probes:
    for key, val in pairs:
        if key == k:
            break
""",
}


def measure(stmt, namespace, probes):
    # CPU time of this process, so that other load on a shared machine does not inflate the numbers.
    timer = timeit.Timer(stmt, setup=SETUP, timer=time.process_time, globals=dict(namespace, probes=probes))
    once = max(timer.timeit(number=1), 1e-6)
    number = max(1, int(0.05 / once))  # about 50 ms of CPU per repeat
    best = min(timer.repeat(repeat=5, number=number))
    return best / number / len(probes) * 1e9


def spread(items, count):
    """Keys at evenly spaced positions of the (shuffled) list, so a linear scan walks n/2 items on average."""
    n = len(items)
    return [items[(2 * j + 1) * n // (2 * count)][0] for j in range(count)]


def main():
    rng = random.Random(2024)
    series = {name: [] for name in STATEMENTS}
    for n in SIZES:
        order = list(range(n))
        rng.shuffle(order)  # keys in random order, objects allocated in list order, as when appending
        items = [(f"key{i:06d}", i) for i in order]
        namespace = {
            "d": dict(items),
            "pairs": list(items),
            "keys": sorted(k for k, _ in items),
        }
        namespace["vals"] = [namespace["d"][k] for k in namespace["keys"]]
        for name, stmt in STATEMENTS.items():
            # The scan is O(n) per lookup: fewer probes at large n keep the run short.
            count = PROBES if "scan" not in name or n <= 1_000 else max(8, PROBES * 1_000 // n)
            series[name].append(round(measure(stmt, namespace, spread(items, count)), 1))

    def at(name, n):
        return series[name][SIZES.index(n)]

    ratios = {}
    for n in (10, 1_000, 100_000):
        ratios[f"linear scan / dict at n={n}"] = round(at("list of pairs, linear scan", n) / at("dict: d[k]", n), 1)
        ratios[f"bisect / dict at n={n}"] = round(at("sorted list + bisect", n) / at("dict: d[k]", n), 1)

    print(json.dumps({
        "id": "dict-vs-alternatives",
        "title": "Looking up a key: dict vs sorted list + bisect vs scanning a list of pairs",
        "topic": "dict-hash-tables",
        "unit": "ns per lookup",
        "kind": "line",
        "x": {"label": "n (items in the container)", "values": SIZES},
        "series": [{"name": name, "values": values} for name, values in series.items()],
        "ratios": ratios,
        "environment": {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "machine": platform.machine(),
            "cpuCount": os.cpu_count(),
        },
        "notes": f"Each point is the best of 5 timeit repeats (CPU time, time.process_time) of a loop of successful lookups of str keys "
                 f"('key000042' style) spread evenly over the n present ones ({PROBES} lookups; fewer for the "
                 "linear scan above n=1000), loop overhead included, divided by the number of lookups.",
    }, indent=2))


if __name__ == "__main__":
    main()
