"""Cost of taking the second half of a sequence of n items: a copying slice (list, bytes) versus a
memoryview slice (a view) versus itertools.islice (lazy), for growing n. Prints one JSON document."""
import collections
import itertools
import json
import os
import platform
import timeit
import tracemalloc

SIZES = [10, 100, 1_000, 10_000, 100_000, 1_000_000]
TARGET = 0.02  # seconds per timing run
REPEAT = 15


def ns_per_op(stmt, env):
    timer = timeit.Timer(stmt, globals=env)
    number = 1
    while True:  # grow the loop count until one run takes about TARGET seconds
        t = timer.timeit(number)
        if t >= TARGET or number >= 1_000_000:
            break
        number *= 10 if t < TARGET / 10 else 2
    best = min(timer.repeat(repeat=REPEAT, number=number))
    return round(best / number * 1e9, 1)


def peak_bytes(fn):
    tracemalloc.start()
    tracemalloc.reset_peak()
    kept = fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    return peak


CASES = [
    ("list slice a[n//2:] (copy)", "a[h:]"),
    ("bytes slice b[n//2:] (copy)", "b[h:]"),
    ("memoryview slice m[n//2:] (view)", "m[h:]"),
    ("islice(a, n//2, None) created, not consumed", "islice(a, h, None)"),
    ("iterate a[n//2:] to the end", "consume(a[h:])"),
    ("iterate islice(a, n//2, None) to the end", "consume(islice(a, h, None))"),
]

series = {name: [] for name, _ in CASES}
ns_per_op("a[1:]", {"a": list(range(100))})  # warm up the CPU and the allocator
for n in SIZES:
    env = {
        "a": list(range(n)),
        "b": bytes(n),
        "m": memoryview(bytes(n)),
        "h": n // 2,
        "islice": itertools.islice,
        "consume": collections.deque(maxlen=0).extend,
    }
    for name, stmt in CASES:
        series[name].append(ns_per_op(stmt, env))

n = SIZES[-1]
big_list, big_bytes = list(range(n)), bytes(n)
big_view = memoryview(big_bytes)
mem = {
    "list": peak_bytes(lambda: big_list[n // 2:]),
    "bytes": peak_bytes(lambda: big_bytes[n // 2:]),
    "memoryview": peak_bytes(lambda: big_view[n // 2:]),
}

col = {name: values for name, values in series.items()}
last = len(SIZES) - 1
result = {
    "id": "slicing-copies",
    "title": "Taking the second half of n items: slice copy vs memoryview vs itertools.islice",
    "topic": "sequences-slicing",
    "unit": "ns per op",
    "kind": "line",
    "x": {"label": "n (items in the sequence; the operation takes the last n//2)", "values": SIZES},
    "series": [{"name": name, "values": values} for name, values in series.items()],
    "ratios": {
        "list slice / memoryview slice at n=1000000": round(col[CASES[0][0]][last] / col[CASES[2][0]][last], 1),
        "bytes slice / memoryview slice at n=1000000": round(col[CASES[1][0]][last] / col[CASES[2][0]][last], 1),
        "list slice at n=1000000 / list slice at n=1000": round(col[CASES[0][0]][last] / col[CASES[0][0]][2], 1),
        "iterate islice / iterate list slice at n=1000000": round(col[CASES[5][0]][last] / col[CASES[4][0]][last], 2),
        "iterate islice / iterate list slice at n=100": round(col[CASES[5][0]][1] / col[CASES[4][0]][1], 2),
        "peak bytes list slice / memoryview slice at n=1000000": round(mem["list"] / mem["memoryview"], 1),
        "peak bytes bytes slice / memoryview slice at n=1000000": round(mem["bytes"] / mem["memoryview"], 1),
    },
    "environment": {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpuCount": os.cpu_count(),
    },
    "notes": (
        "Each point is the best of 15 timeit runs of about 20 ms each (the minimum filters out noise from other processes), divided by the loop count; "
        "'iterate' consumes the items in C with deque(maxlen=0).extend. Peak bytes are tracemalloc peaks for "
        f"one slice at n=1000000: list {mem['list']}, bytes {mem['bytes']}, memoryview {mem['memoryview']}."
    ),
}
print(json.dumps(result, indent=2))
