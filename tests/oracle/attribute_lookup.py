#!/usr/bin/env python3
"""Writes fixtures/attribute-lookup-3.X.json: where `obj.name` finds its value.

Run from the repository root with each interpreter you have, e.g.
    python3 tests/oracle/attribute_lookup.py
    /root/.pyenv/versions/3.13.0/bin/python3 tests/oracle/attribute_lookup.py
Every constant in a generated source is a unique label, so the value read says where it came from; methods are
described by their __qualname__ (their reprs hold addresses).
"""
import json
import os
import random
import sys
import types

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")

DESCRIPTORS = (
    "class D:\n    def __get__(self, obj, objtype=None):\n        return 'D.__get__'\n    def __set__(self, obj, value):\n        pass\n"
    "class N:\n    def __get__(self, obj, objtype=None):\n        return 'N.__get__'\n"
)
NAMES = ["a", "b", "c"]
KINDS = ["constant", "data", "nondata", "method", "property", "staticmethod", "classmethod"]


def member(cls, name, kind):
    if kind == "constant":
        return [f"    {name} = '{cls}.{name}'"]
    if kind == "data":
        return [f"    {name} = D()"]
    if kind == "nondata":
        return [f"    {name} = N()"]
    if kind == "method":
        return [f"    def {name}(self):", "        pass"]
    if kind == "property":
        return ["    @property", f"    def {name}(self):", f"        return '{cls}.{name} property'"]
    return [f"    @{kind}", f"    def {name}(" + ("cls" if kind == "classmethod" else "") + "):", "        pass"]


def describe(value):
    if isinstance(value, types.MethodType):
        return f"bound method {value.__func__.__qualname__}"
    if isinstance(value, types.FunctionType):
        return f"function {value.__qualname__}"
    return repr(value)


def generate(rng):
    depth = rng.randint(1, 3)
    names = ["A", "B", "C"][:depth]
    lines = []
    for i, cls in enumerate(names):
        lines.append(f"class {cls}({names[i - 1]}):" if i else f"class {cls}:")
        body = []
        slots = rng.random() < 0.2
        used = set()
        if slots:
            slot_names = rng.sample(NAMES, rng.randint(1, 2))
            body.append(f"    __slots__ = {tuple(slot_names)!r}")
            used.update(slot_names)
        for name in NAMES:
            if name not in used and rng.random() < 0.4:
                body.extend(member(cls, name, rng.choice(KINDS)))
        if rng.random() < 0.15:
            body.extend(["    def __getattr__(self, name):", f"        return '{cls}.__getattr__'"])
        lines.extend(body or ["    pass"])
    lines.append(f"obj = {names[-1]}()")
    for name in NAMES:
        if rng.random() < 0.4:
            lines.append(f"obj.{name} = 'obj.{name}'")
    return DESCRIPTORS + "\n".join(lines) + "\n"


def run(source, expression):
    ns = {"__name__": "__main__"}
    try:
        exec(source, ns)
    except Exception:  # noqa: BLE001 - a setup that raises is not a lookup case
        return None
    try:
        return {"value": describe(eval(expression, ns)), "error": None}
    except Exception as e:  # noqa: BLE001 - the oracle records whatever CPython raises
        return {"value": None, "error": {"type": type(e).__name__, "message": str(e)}}


def main():
    rng = random.Random(11)
    cases = []
    while len(cases) < 600:
        source = generate(rng)
        expression = f"obj.{rng.choice(NAMES + ['z'])}"
        expected = run(source, expression)
        if expected is not None:
            cases.append({"input": {"source": source, "expression": expression}, "expected": expected})
    version = "%d.%d" % sys.version_info[:2]
    name = f"attribute-lookup-{version}.json"
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write('{"python": %s, "implementation": %s, "cases": [\n' % (json.dumps(sys.version.split()[0]), json.dumps(sys.implementation.name)))
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        f.write("\n]}\n")
    print(f"{name}: {len(cases)} cases, {sum(c['expected']['error'] is not None for c in cases)} errors")


main()
