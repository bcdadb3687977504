"""Time to create a 5-item tuple and a 5-item list in the ways code usually does it. Prints one JSON document."""
import json
import os
import platform
import time
import timeit

SETUP = "a, b, c, d, e = 'a', 'b', 'c', 'd', 'e'; src = ['a', 'b', 'c', 'd', 'e']"
CASES = [  # (how it is built, tuple statement, list statement)
    ("literal of constants", "(1, 2, 3, 4, 5)", "[1, 2, 3, 4, 5]"),
    ("display of variables", "(a, b, c, d, e)", "[a, b, c, d, e]"),
    ("copy of a 5-item list", "tuple(src)", "list(src)"),
    ("from a generator", "tuple(x for x in src)", "list(x for x in src)"),
]


def measure(stmt):
    # CPU time of this process, so that other load on a shared machine does not inflate the numbers.
    timer = timeit.Timer(stmt, setup=SETUP, timer=time.process_time)
    once = max(timer.timeit(number=1000) / 1000, 1e-9)
    number = max(1000, int(0.1 / once))  # about 100 ms of CPU per repeat
    return min(timer.repeat(repeat=5, number=number)) / number * 1e9


def main():
    tuples, lists = [], []
    for _, t, l in CASES:
        tuples.append(round(measure(t), 1))
        lists.append(round(measure(l), 1))
    ratios = {f"list/tuple, {name}": round(l / t, 1) for (name, _, _), t, l in zip(CASES, tuples, lists)}
    print(json.dumps({
        "id": "tuple-list-creation",
        "title": "Creating a 5-item tuple vs a 5-item list",
        "topic": "memory-tuples-lists",
        "unit": "ns per object created",
        "kind": "bar",
        "x": {"label": "how the object is built", "values": [name for name, _, _ in CASES]},
        "series": [{"name": "tuple", "values": tuples}, {"name": "list", "values": lists}],
        "ratios": ratios,
        "environment": {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "machine": platform.machine(),
            "cpuCount": os.cpu_count(),
        },
        "notes": "Best of 5 timeit repeats (CPU time, time.process_time) of each expression, evaluated and discarded, "
                 "so a freed object can be recycled by the next iteration as it would be in a loop.",
    }, indent=2))


if __name__ == "__main__":
    main()
