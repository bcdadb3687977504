"""Summing n squares through a list comprehension, a generator expression and a plain loop: CPU time per item,
and the peak memory of the list and generator versions. Prints one JSON document to stdout."""
import json
import os
import platform
import time
import timeit
import tracemalloc

SIZES = [100, 1_000, 10_000, 100_000, 1_000_000]
CASES = {
    "sum([i * i for i in range(n)])": "sum([i * i for i in range(n)])",
    "sum(i * i for i in range(n))": "sum(i * i for i in range(n))",
    "for loop with total += i * i": "total = 0\nfor i in range(n):\n    total += i * i",
}


def peak_bytes(stmt, n):
    code = compile(stmt, "<bench>", "exec")  # compiled before tracing starts
    namespace = {"n": n}
    tracemalloc.start()
    exec(code, namespace)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main():
    timers = []
    for name, stmt in CASES.items():
        for n in SIZES:
            # CPU time of this process, so that other load on a shared machine does not inflate the numbers.
            timer = timeit.Timer(stmt, setup=f"n = {n}", timer=time.process_time)
            once = max(timer.timeit(number=1), 1e-6)
            timers.append((name, n, timer, max(1, int(0.03 / once))))
    best = {}
    for _ in range(7):  # interleaved rounds: a burst of load hits every case alike
        for name, n, timer, number in timers:
            t = timer.timeit(number=number) / number / n * 1e9
            best[name, n] = min(best.get((name, n), float("inf")), t)
    names = list(CASES)
    n_max = SIZES[-1]
    peaks = {name: peak_bytes(CASES[name], n_max) for name in names[:2]}
    ratios = {
        f"peak memory list / generator at n={n_max}": round(peaks[names[0]] / peaks[names[1]], 1),
        f"peak MB of the list version at n={n_max}": round(peaks[names[0]] / 1e6, 1),
        f"peak bytes of the generator version at n={n_max}": peaks[names[1]],
    }
    for n in (1_000, n_max):
        ratios[f"generator / list time at n={n}"] = round(best[names[1], n] / best[names[0], n], 2)
    print(json.dumps({
        "id": "list-vs-generator",
        "title": "Summing n squares: list comprehension vs generator expression vs plain loop",
        "topic": "memory-iterables",
        "unit": "ns per item",
        "kind": "line",
        "x": {"label": "n (items)", "values": SIZES},
        "series": [{"name": name, "values": [round(best[name, n], 1) for n in SIZES]} for name in names],
        "ratios": ratios,
        "environment": {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "machine": platform.machine(),
            "cpuCount": os.cpu_count(),
        },
        "notes": "Best of 7 interleaved rounds of CPU time (time.process_time) per item; module-level statements as "
                 "timeit compiles them. Peak memory is tracemalloc's peak while computing each sum once.",
    }, indent=2))


if __name__ == "__main__":
    main()
