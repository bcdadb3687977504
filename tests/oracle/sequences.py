#!/usr/bin/env python3
"""Writes the CPython fixtures the Simulation.Tests oracle tests compare with.

Run with the machine's CPython 3.11 (64-bit) from the repository root:
    PYTHONHASHSEED=0 python3 tests/oracle/sequences.py
Run with another CPython (3.10, 3.12, 3.13 here) to write list-growth-3.X.json for that version.
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


# ---------------------------------------------------------------- list-growth
def allocated(lst):
    """PyListObject.allocated: after the 16-byte PyObject header, ob_size, ob_item (offset 32 on 64-bit)."""
    return ctypes.c_ssize_t.from_address(id(lst) + 32).value


def sizes(lst):
    return {"len": len(lst), "allocated": allocated(lst), "getsizeof": sys.getsizeof(lst)}


def build(kind, n):
    if kind == "empty":
        return []
    if kind == "repeat":
        return [None] * n
    if kind == "range":
        return list(range(n))
    if kind == "literal":
        # Compiled like source code: the compiler decides BUILD_LIST n or BUILD_LIST 0 + LIST_EXTEND.
        return eval("[" + ", ".join(str(i) for i in range(n)) + "]")
    if kind == "comprehension":
        return [i for i in range(n)]
    if kind == "tuple":
        return list(tuple(range(n)))
    raise ValueError(kind)


def apply(lst, op):
    name, count = op["op"], op.get("count", 1)
    if name == "append":
        for _ in range(count):
            lst.append(None)
    elif name == "extend":
        items = [None] * count
        lst.extend(iter(items) if op.get("from") == "iterator" else items)
    elif name == "insert":
        for _ in range(count):
            lst.insert(op.get("index", 0), None)
    elif name == "pop":
        for _ in range(count):
            lst.pop(op.get("index", -1))
    elif name == "clear":
        lst.clear()


def list_case(kind, n, operations):
    lst = build(kind, n)
    states = [sizes(lst)]
    expected = {"states": states}
    try:
        for op in operations:
            apply(lst, op)
            states.append(sizes(lst))
    except (IndexError, OverflowError) as e:
        expected["error"] = {"type": type(e).__name__, "message": str(e)}
    ops = [dict(o, index=as_json_int(o["index"])) if "index" in o else o for o in operations]
    return {"input": {"initial": {"kind": kind, "length": n}, "operations": ops}, "expected": expected}


def list_cases():
    kinds = ["repeat", "range", "literal", "comprehension", "tuple"]
    cases = [list_case("empty", 0, [])]
    for kind in kinds:
        for n in list(range(0, 71)) + [100, 257, 1000, 4097, 100000]:
            cases.append(list_case(kind, n, []))
    one = {"op": "append"}
    cases.append(list_case("empty", 0, [one] * 200))
    for kind in kinds:
        for n in (0, 1, 2, 3, 5, 8, 9, 17, 31, 64):
            cases.append(list_case(kind, n, [one] * 12 + [{"op": "append", "count": 100}]))
            for src in ("list", "iterator"):
                for k in (0, 1, 2, 3, 7, 8, 9, 40, 1000):
                    cases.append(list_case(kind, n, [{"op": "extend", "count": k, "from": src}, one, {"op": "extend", "count": k, "from": src}]))
            cases.append(list_case(kind, n, [{"op": "insert", "index": 0}, {"op": "insert", "index": -1, "count": 5},
                                             {"op": "insert", "index": 10**6}, {"op": "insert", "index": -10**6, "count": 30}]))
            cases.append(list_case(kind, n, [{"op": "pop", "count": 1}, {"op": "pop", "index": 0, "count": 3}]))
            cases.append(list_case(kind, n, [{"op": "pop", "count": n}, {"op": "extend", "count": 3}, {"op": "append"}]))
            cases.append(list_case(kind, n, [{"op": "pop", "index": 0, "count": n}, {"op": "extend", "count": 5, "from": "iterator"}]))
            cases.append(list_case(kind, n, [{"op": "clear"}, {"op": "extend", "count": 3}, {"op": "clear"}, {"op": "clear"}, one]))
            cases.append(list_case(kind, n, [{"op": "pop", "index": n}]))
    big = [{"op": "append", "count": 1000}, {"op": "pop", "count": 900}, {"op": "pop", "index": 0, "count": 50},
           {"op": "extend", "count": 500, "from": "iterator"}, {"op": "extend", "count": 3}, {"op": "insert", "index": 7}]
    cases.append(list_case("repeat", 100, big))
    cases.append(list_case("empty", 0, [{"op": "pop"}]))
    cases.append(list_case("repeat", 3, [{"op": "pop", "index": -4}]))
    cases.append(list_case("repeat", 3, [{"op": "insert", "index": 10**30}]))
    cases.append(list_case("empty", 0, [{"op": "pop", "index": -10**30}]))
    cases.append(list_case("repeat", 2, [{"op": "pop", "count": 3}, one]))
    return cases


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    if sys.version_info[:2] == (3, 11):
        dump("slicing.json", slicing_cases())
        dump("list-growth.json", list_cases())
    else:
        # Other interpreters, where installed, add a cross-check of the version-specific list paths.
        dump("list-growth-%d.%d.json" % sys.version_info[:2], list_cases())
