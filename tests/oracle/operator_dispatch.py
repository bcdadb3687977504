#!/usr/bin/env python3
"""Writes fixtures/operator-dispatch-3.X.json: which special method answers a binary operator or a comparison.

Run from the repository root with each interpreter you have, e.g.
    python3 tests/oracle/operator_dispatch.py
    /root/.pyenv/versions/3.13.0/bin/python3 tests/oracle/operator_dispatch.py
Each case is a source of single-inheritance classes whose special methods return a label or NotImplemented, and
an expression such as "A() + B()". The oracle wraps every special method to log the calls CPython makes.
"""
import functools
import json
import os
import random
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")

BINARY = {"+": ("__add__", "__radd__"), "-": ("__sub__", "__rsub__"), "*": ("__mul__", "__rmul__"),
          "@": ("__matmul__", "__rmatmul__"), "//": ("__floordiv__", "__rfloordiv__"), "<<": ("__lshift__", "__rlshift__")}
COMPARE = {"==": "__eq__", "!=": "__ne__", "<": "__lt__", ">": "__gt__", "<=": "__le__", ">=": "__ge__"}


def source_of(classes):
    lines = []
    for name, base, methods in classes:
        lines.append(f"class {name}({base}):" if base else f"class {name}:")
        if not methods:
            lines.append("    pass")
        for dunder, result in methods:
            lines.append(f"    def {dunder}(self):" if dunder in ("__len__", "__bool__") else f"    def {dunder}(self, other):")
            lines.append("        return NotImplemented" if result is None else f"        return {result!r}")
    return "\n".join(lines) + "\n"


INPLACE = {"+=": ("__iadd__", "__add__", "__radd__"), "-=": ("__isub__", "__sub__", "__rsub__"),
           "@=": ("__imatmul__", "__matmul__", "__rmatmul__"), "<<=": ("__ilshift__", "__lshift__", "__rlshift__")}


def evaluate(expression, ns):
    """An in-place expression "L op= R" runs as x = L; x op= R and gives x."""
    for op in INPLACE:
        if f" {op} " in expression:
            left, right = expression.split(f" {op} ")
            exec(f"__x = {left}\n__x {op} {right}\n", ns)
            return ns["__x"]
    return eval(expression, ns)


def run(source, expression):
    ns = {"__name__": "__main__"}
    exec(source, ns)
    log = []
    for value in list(ns.values()):
        if isinstance(value, type):
            for attr, fn in list(vars(value).items()):
                if attr.startswith("__") and callable(fn) and attr not in ("__init_subclass__",) and hasattr(fn, "__code__"):
                    def make(fn, label):
                        @functools.wraps(fn)
                        def wrapper(*args):
                            log.append(label)
                            return fn(*args)
                        return wrapper
                    setattr(value, attr, make(fn, f"{value.__name__}.{attr}"))
    try:
        value = evaluate(expression, ns)
        return {"value": repr(value), "calls": log, "error": None}
    except Exception as e:  # noqa: BLE001 - the oracle records whatever CPython raises
        return {"value": None, "calls": log, "error": {"type": type(e).__name__, "message": str(e)}}


def main():
    rng = random.Random(20261127)
    cases = []
    shapes = [[("A", None), ("B", "A")], [("A", None), ("B", None)], [("A", None), ("B", "A"), ("C", "B")],
              [("A", None), ("B", "A"), ("C", "A")]]
    for _ in range(700):
        shape = rng.choice(shapes)
        binary = rng.random() < 0.55
        op = rng.choice(list(BINARY) if binary else list(COMPARE))
        pool = list(BINARY[op]) if binary else ["__eq__", "__ne__", "__lt__", "__gt__", "__le__", "__ge__"]
        classes = []
        for name, base in shape:
            methods = []
            for dunder in pool:
                if rng.random() < 0.45:
                    result = None if rng.random() < 0.4 else (f"{name}.{dunder}" if rng.random() < 0.8 else rng.choice([True, False, 0]))
                    methods.append((dunder, result))
            classes.append((name, base, methods))
        names = [n for n, _ in shape] + ["1"]
        left = rng.choice(names)
        right = rng.choice(names)
        if left == "1" and right == "1":
            right = "A"
        expression = f"{left if left == '1' else left + '()'} {op} {right if right == '1' else right + '()'}"
        source = source_of(classes)
        cases.append({"input": {"source": source, "expression": expression}, "expected": run(source, expression)})
    for _ in range(300):
        shape = rng.choice(shapes)
        op = rng.choice(list(INPLACE))
        classes = []
        for name, base in shape:
            methods = []
            for dunder in INPLACE[op]:
                if rng.random() < 0.5:
                    result = None if rng.random() < 0.4 else f"{name}.{dunder}"
                    methods.append((dunder, result))
            classes.append((name, base, methods))
        names = [n for n, _ in shape] + ["1"]
        left = rng.choice(names)
        right = rng.choice(names)
        if left == "1" and right == "1":
            right = "A"
        expression = f"{left if left == '1' else left + '()'} {op} {right if right == '1' else right + '()'}"
        source = source_of(classes)
        cases.append({"input": {"source": source, "expression": expression}, "expected": run(source, expression)})
    returns = [0, 3, -1, "x", 1.5, True, False, None, "NI", 2**70, -2**70]
    for _ in range(200):
        shape = rng.choice(shapes)
        classes = []
        for name, base in shape:
            methods = []
            for dunder in ("__len__", "__bool__"):
                if rng.random() < 0.45:
                    result = rng.choice(returns)
                    methods.append((dunder, None if result == "NI" else result))
            classes.append((name, base, methods))
        target = rng.choice([n for n, _ in shape])
        expression = rng.choice([f"len({target}())", f"bool({target}())", f"not {target}()"])
        source = source_of(classes)
        cases.append({"input": {"source": source, "expression": expression}, "expected": run(source, expression)})
    version = "%d.%d" % sys.version_info[:2]
    name = f"operator-dispatch-{version}.json"
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write('{"python": %s, "implementation": %s, "cases": [\n' % (json.dumps(sys.version.split()[0]), json.dumps(sys.implementation.name)))
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        f.write("\n]}\n")
    print(f"{name}: {len(cases)} cases, {sum(c['expected']['error'] is not None for c in cases)} errors")


main()
