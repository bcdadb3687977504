"""Does keeping types stable at one bytecode site pay off? Per-element cost of a loop whose
'+' or attribute read always sees the same types, compared with one that sees a mix.
Prints one JSON document."""
import json
import os
import platform
import timeit

N = 10_000
REPEAT = 25


def add_all(values):
    s = 0
    for v in values:
        s = s + v
    return s


def read_all(objects):
    s = 0
    for o in objects:
        s = s + o.x
    return s


def make_class(name):
    def __init__(self, x):
        self.x = x
    return type(name, (), {"__init__": __init__})


A, B, C, D = (make_class(n) for n in "ABCD")
ints = list(range(N))
floats = [float(i) for i in range(N)]
mixed = [i if i % 2 else float(i) for i in range(N)]
one_class = [A(i) for i in range(N)]
four_classes = [(A, B, C, D)[i % 4](i) for i in range(N)]

CASES = [
    ("s + v, all int", add_all, ints),
    ("s + v, all float", add_all, floats),
    ("s + v, int and float alternating", add_all, mixed),
    ("s + o.x, one class", read_all, one_class),
    ("s + o.x, four classes in turn", read_all, four_classes),
]

for _, fn, data in CASES:  # warm up: let every site specialise (or give up) first
    for _ in range(5):
        fn(data)

# Interleave the repeats so noise from other processes hits every case alike; keep the best.
best = [float("inf")] * len(CASES)
for _ in range(REPEAT):
    for i, (_, fn, data) in enumerate(CASES):
        t = timeit.timeit(lambda: fn(data), number=20) / 20
        best[i] = min(best[i], t)
per_item = [round(t / N * 1e9, 2) for t in best]

print(json.dumps({
    "id": "specialisation-type-stability",
    "title": "Loop cost per element when a site sees one type or a mix",
    "topic": "language-bytecode-dis",
    "unit": "ns per element",
    "kind": "bar",
    "series": [{"name": name, "values": [value]} for (name, _, _), value in zip(CASES, per_item)],
    "ratios": {
        "int+float mix / all int": round(per_item[2] / per_item[0], 2),
        "int+float mix / all float": round(per_item[2] / per_item[1], 2),
        "four classes / one class": round(per_item[4] / per_item[3], 2),
    },
    "environment": {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpuCount": os.cpu_count(),
    },
    "notes": (
        f"Each bar is the best of {REPEAT} interleaved timeit runs (20 loops over {N} elements each, after a "
        "warm-up), divided by the element count. The loop body is the same function in each group; only "
        "the types reaching its BINARY_OP and LOAD_ATTR sites differ."
    ),
}, indent=2))
