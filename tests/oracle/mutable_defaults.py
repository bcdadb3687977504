#!/usr/bin/env python3
"""Writes fixtures/mutable-defaults-3.X.json: defs run once, then calls; each call's result and the defaults after it.

Run from the repository root with each interpreter you have, e.g.
    python3 tests/oracle/mutable_defaults.py
    /root/.pyenv/versions/3.13.0/bin/python3 tests/oracle/mutable_defaults.py
"""
import json
import os
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")

APPEND = "def append_to(item, target=[]):\n    target.append(item)\n    return target\n"
FRESH = "def append_fresh(item, target=None):\n    if target is None:\n        target = []\n    target.append(item)\n    return target\n"
COUNT = "def count(word, seen={}):\n    seen[word] = seen.get(word, 0) + 1\n    return seen\n"

SCENARIOS = [
    (APPEND, ["append_to(1)", "append_to(2)", "append_to(3, [])", "append_to(4)"]),
    (APPEND + FRESH, ["append_to(1)", "append_to(2)", "append_fresh(1)", "append_fresh(2)", "append_fresh(3, [0])"]),
    (COUNT, ["count('a')", "count('b')", "count('a')", "count('c', {})", "count('b')"]),
    ("def f(x, acc=[]):\n    acc += [x]\n    return acc\n", ["f(1)", "f(2)", "f(3)"]),
    ("def f(x, acc=[]):\n    acc = acc + [x]\n    return acc\n", ["f(1)", "f(2)", "f(3)"]),
    ("def f(x, n=0):\n    n += x\n    return n\n", ["f(1)", "f(2)", "f(3, 10)"]),
    ("def f(*, log=[]):\n    log.append(len(log))\n    return log\n", ["f()", "f()", "f(log=[9])", "f()"]),
    ("def f(a, b=[], /, *, c={}):\n    b.append(a)\n    c[a] = len(b)\n    return b, c\n", ["f(1)", "f(2)", "f(3, [])", "f(4, c={})", "f(5)"]),
    ("def f(x, cache={}):\n    if x in cache:\n        return 'hit'\n    cache[x] = x * 2\n    return 'miss'\n", ["f(1)", "f(1)", "f(2)", "f(2, {})", "f(2)"]),
    ("def f(x, acc=[]):\n    acc.append(x)\n    return len(acc)\n", ["f(1)", "f(1)", "f(1)"]),
    ("def f(stack=[]):\n    return stack.pop()\n", ["f()", "f([1, 2])"]),
    ("def f(item, target=[]):\n    target.append(item)\n    return target\n", ["f()", "f(1, 2, 3)", "f(1, item=2)", "f(1, x=1)", "f(1)", "f(target=[5], item=6)"]),
    ("def f(x, d={}):\n    return d[x]\n", ["f('k')", "f('k', {'k': 1})"]),
    ("def f(x, seen=[]):\n    if x == 0:\n        seen.clear()\n    else:\n        seen.append(x)\n    return seen\n", ["f(1)", "f(2)", "f(0)", "f(3)"]),
    ("def f(acc=[]):\n    acc.append(acc)\n    return acc\n", ["f()", "f()"]),
    ("def f(x, acc=[]):\n    acc.insert(0, x)\n    return acc.copy()\n", ["f(1)", "f(2)", "f(3)"]),
    ("def f(x, lst=[], d={}):\n    lst.append(x)\n    d.setdefault(x, []).append(len(lst))\n    return d\n", ["f('a')", "f('a')", "f('b')"]),
    ("def f(x):\n    if x:\n        y = 1\n    return y\n", ["f(1)", "f(0)"]),
    ("def f(x=(1, [])):\n    x[1].append(len(x[1]))\n    return x\n", ["f()", "f()", "f((2, []))"]),
    ("def f(x, acc=[]):\n    acc.extend([x, x])\n    return acc\n", ["f(1)", "f(2)"]),
    ("def f(n, memo={0: 0, 1: 1}):\n    if n not in memo:\n        memo[n] = n * 10\n    return memo[n]\n", ["f(5)", "f(6)", "f(5)", "f(1)"]),
    ("def f(x, acc=None):\n    acc = acc or []\n    acc.append(x)\n    return acc\n", ["f(1)", "f(2)", "f(3, [7])", "f(4, [])"]),
    ("def f(a, b=[]):\n    b.append(a)\n    return b is f_default\n", ["f(1)"]),
    ("def f(a, b=[]):\n    return b[0]\n", ["f(1)", "f(1, [3])"]),
]


def run(source, calls):
    ns = {"__name__": "__main__"}
    exec(source, ns)
    functions = [v for k, v in ns.items() if callable(v) and getattr(v, "__module__", None) == "__main__"]
    out = []
    for call in calls:
        entry = {"call": call}
        try:
            value = eval(call, ns)
            entry["returned"] = repr(value)
            entry["error"] = None
        except Exception as e:  # noqa: BLE001 - the oracle records whatever CPython raises
            entry["returned"] = None
            entry["error"] = {"type": type(e).__name__, "message": str(e)}
        defaults = {}
        for fn in functions:
            if fn.__defaults__ is not None:
                defaults[f"{fn.__name__}.__defaults__"] = repr(fn.__defaults__)
            if fn.__kwdefaults__ is not None:
                defaults[f"{fn.__name__}.__kwdefaults__"] = repr(fn.__kwdefaults__)
        entry["defaults"] = defaults
        out.append(entry)
    return {"calls": out}


def main():
    cases = [{"input": {"source": s, "calls": c}, "expected": run(s, c)} for s, c in SCENARIOS]
    version = "%d.%d" % sys.version_info[:2]
    name = f"mutable-defaults-{version}.json"
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write('{"python": %s, "implementation": %s, "cases": [\n' % (json.dumps(sys.version.split()[0]), json.dumps(sys.implementation.name)))
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        f.write("\n]}\n")
    print(f"{name}: {len(cases)} cases")


main()
