"""Threads vs processes for CPU-bound work on the machine's CPython.

Two workloads, each split into the same number of equal tasks:
  * a pure-Python loop, which holds the GIL the whole time it runs;
  * hashlib.sha256 over large buffers, whose C code releases the GIL while hashing.
Each is run serially, on a 2-worker ThreadPoolExecutor and on a 2-worker
ProcessPoolExecutor. Pools are created once and warmed up before timing, so
the numbers compare the work, not worker start-up. Prints one JSON document.
"""
import hashlib
import json
import os
import platform
import timeit
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 4
WORKERS = 2
LOOP_N = 1_500_000
BUF = b"\x5a" * (16 * 1024 * 1024)
REPEAT = 3


def py_loop(n=LOOP_N):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def sha(_=None):
    return hashlib.sha256(BUF).hexdigest()


def best(fn):
    return min(timeit.repeat(fn, number=1, repeat=REPEAT)) * 1000.0


def main():
    load_before = os.getloadavg()[0]
    workloads = [("pure-Python loop", py_loop), ("hashlib.sha256 of 16 MiB", sha)]
    serial, threads, procs = [], [], []
    with ThreadPoolExecutor(WORKERS) as tp, ProcessPoolExecutor(WORKERS) as pp:
        for _, fn in workloads:
            list(tp.map(fn, [LOOP_N] * TASKS))
            list(pp.map(fn, [LOOP_N] * TASKS))  # warm-up: start workers, import
            serial.append(best(lambda: [fn(LOOP_N) for _ in range(TASKS)]))
            threads.append(best(lambda: list(tp.map(fn, [LOOP_N] * TASKS))))
            procs.append(best(lambda: list(pp.map(fn, [LOOP_N] * TASKS))))
    r = lambda v: round(v, 1)
    doc = {
        "id": "threads-vs-processes",
        "title": "CPU-bound work: serial vs 2 threads vs 2 processes",
        "topic": "runtime-gil-performance",
        "unit": "ms per batch of 4 tasks",
        "kind": "bar",
        "x": {"label": "workload", "values": [name for name, _ in workloads]},
        "series": [
            {"name": "serial", "values": [r(v) for v in serial]},
            {"name": f"ThreadPoolExecutor({WORKERS})", "values": [r(v) for v in threads]},
            {"name": f"ProcessPoolExecutor({WORKERS})", "values": [r(v) for v in procs]},
        ],
        "ratios": {
            "loop: serial/threads": round(serial[0] / threads[0], 2),
            "loop: serial/processes": round(serial[0] / procs[0], 2),
            "sha256: serial/threads": round(serial[1] / threads[1], 2),
            "sha256: serial/processes": round(serial[1] / procs[1], 2),
        },
        "environment": {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "machine": platform.machine(),
            "cpuCount": os.cpu_count(),
            "loadAverage1mBefore": round(load_before, 2),
        },
        "notes": (
            f"Best of {REPEAT} runs (timeit.repeat, number=1) of a batch of {TASKS} equal tasks; "
            f"pools of {WORKERS} workers created and warmed up before timing. The loop holds the GIL; "
            "sha256 releases it for buffers of 2 KiB or more, and process results cross a pipe (a 64-char digest, an int). loadAverage1mBefore shows how busy the machine was when the run started."
        ),
    }
    print(json.dumps(doc, indent=2))


if __name__ == "__main__":
    main()
