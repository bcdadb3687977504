"""Membership test cost, x in list vs x in set, for present and absent str items and growing n, plus what building
the set costs. Prints one JSON document to stdout."""
import json
import os
import platform
import time
import timeit

SIZES = [10, 100, 1_000, 10_000, 100_000]
PROBES = 256
STATEMENT = """
for x in probes:
    x in container
"""


def measure(stmt, namespace, per):
    # CPU time of this process, so that other load on a shared machine does not inflate the numbers.
    timer = timeit.Timer(stmt, timer=time.process_time, globals=namespace)
    once = max(timer.timeit(number=1), 1e-6)
    number = max(1, int(0.05 / once))  # about 50 ms of CPU per repeat
    return min(timer.repeat(repeat=5, number=number)) / number / per * 1e9


def main():
    names = ["list, item present", "list, item absent", "set, item present", "set, item absent"]
    series = {name: [] for name in names}
    build = []
    for n in SIZES:
        items = [f"user{i:06d}" for i in range(n)]
        as_set = set(items)
        for name in names:
            container = items if name.startswith("list") else as_set
            # The list scan is O(n): fewer probes at large n keep the run short.
            count = PROBES if name.startswith("set") or n <= 1_000 else max(8, PROBES * 1_000 // n)
            if "present" in name:  # evenly spread positions: a scan walks n/2 items on average
                probes = [items[(2 * j + 1) * n // (2 * count)] for j in range(count)]
            else:
                probes = [f"nobody{j:06d}" for j in range(count)]
            value = measure(STATEMENT, {"probes": probes, "container": container}, count)
            series[name].append(round(value, 1))
        build.append(round(measure("set(items)", {"items": items}, 1), 1))

    def at(name, n):
        return series[name][SIZES.index(n)]

    ratios = {}
    for n in (10, 1_000, 100_000):
        ratios[f"list/set, present, n={n}"] = round(at("list, item present", n) / at("set, item present", n), 1)
        ratios[f"list/set, absent, n={n}"] = round(at("list, item absent", n) / at("set, item absent", n), 1)
    for n in (10, 100, 1_000):
        i = SIZES.index(n)
        saved = at("list, item present", n) - at("set, item present", n)
        ratios[f"lookups that repay set(list), n={n}"] = round(build[i] / saved, 1) if saved > 0 else None
    ratios["set(list) ns per item, n=1000"] = round(build[SIZES.index(1_000)] / 1_000, 1)

    print(json.dumps({
        "id": "membership-set-vs-list",
        "title": "x in list vs x in set, for items present and absent",
        "topic": "sets-membership-views",
        "unit": "ns per membership test",
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
        "notes": "Best of 5 timeit repeats (CPU time, time.process_time) of a loop of membership tests with str "
                 f"items ('user000042' style): present items spread evenly over the list, absent items never in it; "
                 f"{PROBES} tests per loop, fewer for the list above n=1000; loop overhead included. "
                 "'lookups that repay set(list)' divides the time of set(items) by the time one present-item "
                 "test saves.",
    }, indent=2))


if __name__ == "__main__":
    main()
