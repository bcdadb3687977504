"""deque vs list kept at a steady length n: a FIFO step (add at one end, remove at the other), a LIFO step
(add and remove at the right end) and reading the middle item. Prints one JSON document to stdout."""
import json
import os
import platform
import time
import timeit

SIZES = [10, 100, 1_000, 10_000, 100_000]
OPS = 1_000  # operations per timed statement

CASES = {
    "list FIFO: append + pop(0)": ("x = list(range(n))", "for i in ops:\n    x.append(i)\n    x.pop(0)"),
    "deque FIFO: append + popleft": ("x = deque(range(n))", "for i in ops:\n    x.append(i)\n    x.popleft()"),
    "list LIFO: append + pop": ("x = list(range(n))", "for i in ops:\n    x.append(i)\n    x.pop()"),
    "deque LIFO: append + pop": ("x = deque(range(n))", "for i in ops:\n    x.append(i)\n    x.pop()"),
    "list: read x[n // 2]": ("x = list(range(n)); m = n // 2", "for i in ops:\n    x[m]"),
    "deque: read x[n // 2]": ("x = deque(range(n)); m = n // 2", "for i in ops:\n    x[m]"),
}


def main():
    timers = []
    for name, (setup, stmt) in CASES.items():
        for n in SIZES:
            # CPU time of this process, so that other load on a shared machine does not inflate the numbers.
            timer = timeit.Timer(stmt, setup=f"from collections import deque\nn = {n}\nops = range({OPS})\n{setup}",
                                 timer=time.process_time)
            once = max(timer.timeit(number=1), 1e-6)
            timers.append((name, n, timer, max(1, int(0.03 / once))))
    best = {}
    for _ in range(7):  # interleaved rounds: a burst of load hits every case alike
        for name, n, timer, number in timers:
            t = timer.timeit(number=number) / number / OPS * 1e9
            best[name, n] = min(best.get((name, n), float("inf")), t)
    series = [{"name": name, "values": [round(best[name, n], 1) for n in SIZES]} for name in CASES]

    def at(name, n):
        return best[name, n]

    ratios = {}
    for n in (100, 10_000, 100_000):
        ratios[f"list FIFO / deque FIFO at n={n}"] = round(at("list FIFO: append + pop(0)", n) / at("deque FIFO: append + popleft", n), 1)
    ratios["deque LIFO / list LIFO at n=10000"] = round(at("deque LIFO: append + pop", 10_000) / at("list LIFO: append + pop", 10_000), 2)
    ratios["deque middle read / list middle read at n=100000"] = round(at("deque: read x[n // 2]", 100_000) / at("list: read x[n // 2]", 100_000), 1)
    print(json.dumps({
        "id": "deque-vs-list",
        "title": "deque vs list at a steady length n: queue steps, stack steps and reading the middle",
        "topic": "memory-list-alternatives",
        "unit": "ns per operation",
        "kind": "line",
        "x": {"label": "n (items held)", "values": SIZES},
        "series": series,
        "ratios": ratios,
        "environment": {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "machine": platform.machine(),
            "cpuCount": os.cpu_count(),
        },
        "notes": f"Each statement runs {OPS} steps on a container holding n items (a FIFO or LIFO step adds one item and "
                 "removes one, so n stays constant); best of 7 interleaved rounds of CPU time (time.process_time), "
                 "divided by the number of steps, loop overhead included.",
    }, indent=2))


if __name__ == "__main__":
    main()
