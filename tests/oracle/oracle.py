#!/usr/bin/env python3
"""Writes CPython fixtures for the Pynsights simulators.

Run with the machine's CPython 3.11:  python3 tests/oracle/oracle.py
Each seed runs in a child interpreter with PYTHONHASHSEED set, because the hash secret is fixed at start-up.
Output: tests/oracle/fixtures/*.json (committed with this script).
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")
SEEDS = [0, 1, 42, 4294967295]

HASH_VALUES = [
    "0", "1", "-1", "-2", "2**61 - 1", "2**61", "2**61 - 2", "-(2**61 - 1)", "2**64 + 7", "-2**100", "10**30",
    "0x_ff", "0o777", "0b1011", "1_000_000", "True", "False",
    "0.0", "-0.0", "1.0", "1.5", "-1.5", "0.1", "1e16", "1e-05", "123456789.123", "2.5e-310", "1.7976931348623157e308",
    "float('inf')", "float('-inf')", "2**0.5", "2**-1", "(-8)**(1/3)" if False else "(-8)**0.5",
    "1j", "1+2j", "-1-1j", "3.5-0j", "-0.0-1j", "0j", "2*(1+1j)", "(1+2j)**2",
    "''", "'a'", "'abc'", "'hello world!'", "\"it's\"", "'\\u00e9t\\u00e9'", "'é'", "'\\xff'", "'€uro'", "'\\u0100'",
    "'😀'", "'a😀'", "'\\U0001F600x'", "'\\t\\n\\x00'", "'\\x7f\\x80\\xa0\\xad'", "'\\u2028'", "r'\\n'", "'a' 'b'",
    "'12345678'", "'123456789'", "'\\ud800'",
    "b''", "b'abc'", "b'\\x00\\xff'", "b\"it's\"", "rb'\\x'",
    "()", "(1,)", "(1, 2)", "(1, (2, 3))", "((), ((),))", "('a', b'a', 1.5, 2j)", "(True, 1, 1.0)",
    "frozenset()", "frozenset({1})", "frozenset({1, 2, 3})", "frozenset({'a', 'b', 'c', 'd', 'e'})",
    "frozenset({3, 2, 1, 0, -1, -2})", "frozenset({1, 1.0, True})", "frozenset({frozenset({1}), 2})",
    "frozenset({(1, 2), (3, 4)})", "frozenset({100, 8, 16, 3})", "frozenset({2**70, 5, 'x'})",
]

ERROR_VALUES = ["[1, 2]", "{1: 2}", "{1, 2}", "(1, [2])", "frozenset({[1]})", "0**-1", "0.0**-1", "10.0**400", "0j**-1"]


def child_hash(values):
    out = []
    for text in values:
        try:
            v = eval(text)
            out.append({"value": repr(v), "type": type(v).__name__, "hash": str(hash(v))})
        except Exception as e:  # noqa: BLE001 - the fixture records CPython's exception
            out.append({"error": {"type": type(e).__name__, "message": str(e)}})
    return out


def run_child(seed, func, arg):
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    code = f"import json, sys; sys.path.insert(0, {HERE!r}); import oracle; print(json.dumps(oracle.{func}(json.loads(sys.stdin.read()))))"
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(arg), env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def write(name, data):
    with open(os.path.join(FIXTURES, name), "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write("\n")


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    cases = []
    for seed in SEEDS:
        results = run_child(seed, "child_hash", HASH_VALUES)
        cases.append({"hashSeed": seed, "values": HASH_VALUES, "expected": results})
        for text in ERROR_VALUES:
            cases.append({"hashSeed": seed, "values": ["1", text], "expected": run_child(seed, "child_hash", ["1", text])})
    write("hash.json", {"python": sys.version.split()[0], "cases": cases})


if __name__ == "__main__":
    main()
