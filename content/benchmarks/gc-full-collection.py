"""How long a full gc.collect() takes as the number of live tracked objects grows, and what gc.freeze() changes.
Prints one JSON document to stdout."""
import gc
import json
import os
import platform
import time

SIZES = [10_000, 100_000, 300_000, 1_000_000]


def collect_ms(repeat=3):
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()  # CPU time, so other load on a shared machine does not inflate it
        gc.collect()
        best = min(best, time.process_time() - start)
    return best * 1e3


def main():
    full, frozen = [], []
    for n in SIZES:
        heap = [[i] for i in range(n)]  # n live lists: tracked, acyclic, long-lived
        gc.collect()
        full.append(collect_ms())
        gc.freeze()
        frozen.append(collect_ms())
        gc.unfreeze()
        del heap
        gc.collect()
    ratios = {
        f"full collection ms per 100k tracked objects at n={SIZES[-1]}": round(full[-1] / (SIZES[-1] / 100_000), 2),
        f"full / after freeze at n={SIZES[-1]}": round(full[-1] / max(frozen[-1], 1e-6), 1),
        f"full at n={SIZES[-1]} / full at n={SIZES[0]}": round(full[-1] / full[0], 1) if full[0] else None,
    }
    print(json.dumps({
        "id": "gc-full-collection",
        "title": "Full gc.collect() time vs live tracked objects, and after gc.freeze()",
        "topic": "runtime-del-gc",
        "unit": "ms per gc.collect()",
        "kind": "line",
        "x": {"label": "live tracked objects (one-item lists)", "values": SIZES},
        "series": [{"name": "gc.collect()", "values": [round(v, 3) for v in full]},
                   {"name": "gc.collect() after gc.freeze()", "values": [round(v, 3) for v in frozen]}],
        "ratios": ratios,
        "environment": {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "machine": platform.machine(),
            "cpuCount": os.cpu_count(),
        },
        "notes": "n one-item lists are kept alive, then a full collection is timed (best of 3, CPU time via "
                 "time.process_time); the same after gc.freeze() moved them to the permanent generation. Nothing is "
                 "garbage, so this is the pure cost of examining live objects.",
    }, indent=2))


if __name__ == "__main__":
    main()
