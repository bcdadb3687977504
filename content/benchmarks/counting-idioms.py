"""Counting str keys with the usual idioms, when almost every key is already present and when every key is new.
Prints one JSON document to stdout."""
import json
import os
import platform
import time
import timeit
from collections import Counter, defaultdict

N = 20_000


def if_in(words):
    d = {}
    for w in words:
        if w in d:
            d[w] += 1
        else:
            d[w] = 1
    return d


def get_default(words):
    d = {}
    for w in words:
        d[w] = d.get(w, 0) + 1
    return d


def try_except(words):
    d = {}
    for w in words:
        try:
            d[w] += 1
        except KeyError:
            d[w] = 1
    return d


def set_default(words):
    d = {}
    for w in words:
        d.setdefault(w, [0])[0] += 1  # setdefault needs a mutable default to count in place
    return d


def default_dict(words):
    d = defaultdict(int)
    for w in words:
        d[w] += 1
    return d


def counter_loop(words):
    c = Counter()
    for w in words:
        c[w] += 1
    return c


def counter_bulk(words):
    return Counter(words)


IDIOMS = {
    "if w in d / else": if_in,
    "d.get(w, 0) + 1": get_default,
    "try / except KeyError": try_except,
    "setdefault(w, [0])": set_default,
    "defaultdict(int)": default_dict,
    "Counter() in a loop": counter_loop,
    "Counter(words)": counter_bulk,
}


def measure_all(cases, rounds=9):
    """Best per-item time of each (func, words) case; the rounds interleave the cases so that a burst of
    load on the machine hits them all alike. CPU time (time.process_time) rather than wall time."""
    timers = []
    for func, words in cases:
        timer = timeit.Timer(lambda func=func, words=words: func(words), timer=time.process_time)
        once = max(timer.timeit(number=1), 1e-6)
        timers.append((timer, max(1, int(0.04 / once)), len(words)))
    best = [float("inf")] * len(cases)
    for _ in range(rounds):
        for i, (timer, number, n) in enumerate(timers):
            best[i] = min(best[i], timer.timeit(number=number) / number / n * 1e9)
    return best


def main():
    hits = [f"word{i % 100}" for i in range(N)]  # 100 distinct keys: 99.5% of the updates hit
    misses = [f"word{i}" for i in range(N)]      # every key new: every update misses
    funcs = list(IDIOMS.values())
    results = measure_all([(f, hits) for f in funcs] + [(f, misses) for f in funcs])
    series = {
        "99.5% hits (100 distinct keys)": [round(x, 1) for x in results[:len(funcs)]],
        "100% misses (every key new)": [round(x, 1) for x in results[len(funcs):]],
    }
    names = list(IDIOMS)
    hit, miss = series["99.5% hits (100 distinct keys)"], series["100% misses (every key new)"]
    base = names.index("if w in d / else")
    ratios = {}
    for i, name in enumerate(names):
        if i != base:
            ratios[f"{name} / if-in, hits"] = round(hit[i] / hit[base], 2)
            ratios[f"{name} / if-in, misses"] = round(miss[i] / miss[base], 2)
    print(json.dumps({
        "id": "counting-idioms",
        "title": "Counting keys: cost per update of each idiom, mostly hits vs all misses",
        "topic": "dict-setdefault",
        "unit": "ns per counted item",
        "kind": "bar",
        "x": {"label": "idiom", "values": names},
        "series": [{"name": name, "values": values} for name, values in series.items()],
        "ratios": ratios,
        "environment": {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "machine": platform.machine(),
            "cpuCount": os.cpu_count(),
        },
        "notes": f"Each idiom counts {N} str keys into a fresh mapping inside a function (locals, as in real code); "
                 "best of 9 interleaved rounds of CPU time (time.process_time), divided by the number of keys.",
    }, indent=2))


if __name__ == "__main__":
    main()
