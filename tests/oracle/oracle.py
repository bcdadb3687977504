#!/usr/bin/env python3
"""Writes the CPython fixtures the Simulation.Tests oracle tests compare with.

Run with the machine's CPython 3.11 (64-bit) from the repository root:
    PYTHONHASHSEED=0 python3 tests/oracle/oracle.py
Nothing here depends on hashing; the seed is fixed only so reruns are byte-identical.
"""
import ctypes
import json
import os
import sys

assert sys.maxsize == 2**63 - 1, "the fixtures describe a 64-bit build"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
BIG = 10**30


def dump(name, cases):
    doc = {"python": sys.version.split()[0], "implementation": sys.implementation.name, "cases": cases}
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        # One case per line: small diffs when CPython or the cases change.
        f.write('{"python": %s, "implementation": %s, "cases": [\n' % (json.dumps(doc["python"]), json.dumps(doc["implementation"])))
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        f.write("\n]}\n")
    print(f"{name}: {len(cases)} cases")


def as_json_int(v):
    """Python ints beyond 2**53 travel as decimal strings, like the simulators' PyInteger."""
    if v is None:
        return None
    return v if abs(v) <= 2**53 - 1 else str(v)


# ---------------------------------------------------------------- slicing
def slicing_case(length, start, stop, step):
    case = {"input": {"length": length, "start": as_json_int(start), "stop": as_json_int(stop), "step": as_json_int(step)}}
    try:
        indices = slice(start, stop, step).indices(length)
        selected = list(range(length)[start:stop:step])
        # Lists go through PySlice_Unpack/AdjustIndices, ranges through _PySlice_GetLongIndices: both must agree.
        assert list(range(length))[start:stop:step] == selected
        case["expected"] = {"indices": [str(i) for i in indices], "selected": selected}
    except ValueError as e:
        case["expected"] = {"error": {"type": type(e).__name__, "message": str(e)}}
    return case


def slicing_cases():
    bounds = [None, 0, 1, 3, 6, 7, -1, -3, -7, -8, 100, 2**63 - 1, -2**63 - 1, BIG, -BIG]
    steps = [None, 1, 2, -1, -3, 0, 7, -7, 2**63 - 1, 2**63, -2**63, -2**63 + 1, BIG, -BIG]
    cases = []
    for length in (0, 1, 7):
        for start in bounds:
            for stop in bounds:
                for step in steps:
                    cases.append(slicing_case(length, start, stop, step))
    for length, start, stop, step in [(1000, None, None, None), (1000, 999, None, -1), (1000, 3, -3, 17),
                                      (1000, -BIG, BIG, -BIG), (1000, 10**20, -10**20, -3), (2, None, None, 2**62)]:
        cases.append(slicing_case(length, start, stop, step))
    return cases


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    dump("slicing.json", slicing_cases())
