"""Cost of dispatching on one of 32 integer literals: a match statement with literal cases,
the equivalent if/elif chain, and a dict of results, as a function of which case matches.
Prints one JSON document."""
import json
import os
import platform
import timeit

N_CASES = 32
POSITIONS = [1, 2, 4, 8, 16, 32]  # 1-based position of the matching case
TARGET = 0.02  # seconds per timing run
REPEAT = 15

match_src = "def match_fn(v):\n    match v:\n"
match_src += "".join(f"        case {i}:\n            return {i}\n" for i in range(N_CASES))
match_src += "        case _:\n            return -1\n"

ifelif_src = "def ifelif_fn(v):\n"
ifelif_src += "".join(f"    {'if' if i == 0 else 'elif'} v == {i}:\n        return {i}\n" for i in range(N_CASES))
ifelif_src += "    return -1\n"

dict_src = "TABLE = {i: i for i in range(%d)}\ndef dict_fn(v, get=TABLE.get):\n    return get(v, -1)\n" % N_CASES

namespace = {}
for src in (match_src, ifelif_src, dict_src):
    exec(src, namespace)


def calibrate(fn, arg):
    """Loop count that makes one timing run last about TARGET seconds."""
    timer = timeit.Timer("f(a)", globals={"f": fn, "a": arg})
    number = 1
    while True:
        t = timer.timeit(number)
        if t >= TARGET or number >= 10_000_000:
            return timer, number
        number *= 10 if t < TARGET / 10 else 2


SERIES = [
    ("match with 32 literal cases", namespace["match_fn"]),
    ("if/elif chain of 32 comparisons", namespace["ifelif_fn"]),
    ("dict lookup (TABLE.get)", namespace["dict_fn"]),
]
for _, fn in SERIES:  # check they agree, and warm up
    assert all(fn(i) == i for i in range(N_CASES)) and fn(N_CASES) == -1

# Interleave the measurements (round-robin over every series and position, REPEAT rounds) so that
# noise from other processes spreads evenly, then keep the best run of each.
timers = {(name, pos): calibrate(fn, pos - 1) for name, fn in SERIES for pos in POSITIONS}
best = {key: float("inf") for key in timers}
for _ in range(REPEAT):
    for key, (timer, number) in timers.items():
        best[key] = min(best[key], timer.timeit(number) / number)
values = {name: [round(best[(name, pos)] * 1e9, 1) for pos in POSITIONS] for name, _ in SERIES}
m, e, d = (values[name] for name, _ in SERIES)
print(json.dumps({
    "id": "pattern-matching-dispatch",
    "title": "Dispatching on one of 32 integer literals: match vs if/elif vs dict",
    "topic": "sequences-pattern-matching",
    "unit": "ns per call",
    "kind": "line",
    "x": {"label": "position of the matching case (1 = first of 32)", "values": POSITIONS},
    "series": [{"name": name, "values": values[name]} for name, _ in SERIES],
    "ratios": {
        "match / if-elif at position 32": round(m[-1] / e[-1], 2),
        "match at position 32 / match at position 1": round(m[-1] / m[0], 2),
        "match / dict at position 32": round(m[-1] / d[-1], 2),
        "dict at position 32 / dict at position 1": round(d[-1] / d[0], 2),
    },
    "environment": {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpuCount": os.cpu_count(),
    },
    "notes": (
        "Each point is the best of 15 interleaved timeit runs of about 20 ms, divided by the loop count, for one call "
        "of a generated function whose argument matches the case at that position; the match and if/elif "
        "functions compare against the literals in order, the dict function does one hash lookup."
    ),
}, indent=2))
