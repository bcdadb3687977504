#!/usr/bin/env python3
"""Writes fixtures/operator-dispatch-3.X.json: which special method answers an operator, `in`, iter() or list().

Run from the repository root with each interpreter you have, e.g.
    python3 tests/oracle/operator_dispatch.py
    /root/.pyenv/versions/3.13.0/bin/python3 tests/oracle/operator_dispatch.py
Each case is a source of classes (single or multiple inheritance) whose special methods return a label,
NotImplemented, iter([...]) or [...][index], or are set to None, and an expression such as "A() + B()",
"1 in A()" or "list(A())". The oracle wraps every special method to log the calls CPython makes. An iterator's
repr has its address replaced by 0x..., which differs on every run.
"""
import functools
import json
import os
import random
import re
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")

BINARY = {"+": ("__add__", "__radd__"), "-": ("__sub__", "__rsub__"), "*": ("__mul__", "__rmul__"),
          "@": ("__matmul__", "__rmatmul__"), "//": ("__floordiv__", "__rfloordiv__"), "<<": ("__lshift__", "__rlshift__")}
COMPARE = {"==": "__eq__", "!=": "__ne__", "<": "__lt__", ">": "__gt__", "<=": "__le__", ">=": "__ge__"}


class Body(str):
    """A method body written out: "= None" sets the method to None, anything else is the statement of a def."""


def source_of(classes):
    lines = []
    for name, base, methods in classes:
        lines.append(f"class {name}({base}):" if base else f"class {name}:")
        if not methods:
            lines.append("    pass")
        for dunder, result in methods:
            if result == Body("= None"):
                lines.append(f"    {dunder} = None")
                continue
            lines.append(f"    def {dunder}(self):" if dunder in ("__len__", "__bool__", "__iter__")
                         else f"    def {dunder}(self, index):" if dunder == "__getitem__" else f"    def {dunder}(self, other):")
            lines.append(f"        {result}" if isinstance(result, Body)
                         else "        return NotImplemented" if result is None else f"        return {result!r}")
    return "\n".join(lines) + "\n"


INPLACE = {"+=": ("__iadd__", "__add__", "__radd__"), "-=": ("__isub__", "__sub__", "__rsub__"),
           "@=": ("__imatmul__", "__matmul__", "__rmatmul__"), "<<=": ("__ilshift__", "__lshift__", "__rlshift__")}


IN_PLACE = re.compile(r" (\*\*|//|<<|>>|[-+*@/%&|^])= ")


def evaluate(expression, ns):
    """An in-place expression "L op= R" runs as x = L; x op= R and gives x."""
    found = IN_PLACE.search(expression)
    if found:
        left, right = expression[:found.start()], expression[found.end():]
        exec(f"__x = {left}\n__x {found.group(1)}= {right}\n", ns)
        return ns["__x"]
    return eval(expression, ns)


def run(source, expression):
    ns = {"__name__": "__main__"}
    try:
        exec(source, ns)
    except Exception as e:  # noqa: BLE001 - a class statement can raise (an inconsistent MRO)
        return {"value": None, "calls": [], "error": {"type": type(e).__name__, "message": str(e)}}
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
        return {"value": re.sub(r" at 0x[0-9a-fA-F]+>", " at 0x...>", repr(value)), "calls": log, "error": None}
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
    more_cases(rng, cases)
    version = "%d.%d" % sys.version_info[:2]
    name = f"operator-dispatch-{version}.json"
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write('{"python": %s, "implementation": %s, "cases": [\n' % (json.dumps(sys.version.split()[0]), json.dumps(sys.implementation.name)))
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        f.write("\n]}\n")
    print(f"{name}: {len(cases)} cases, {sum(c['expected']['error'] is not None for c in cases)} errors")


MI_SHAPES = [[("A", None), ("B", None), ("C", "A, B")], [("A", None), ("B", "A"), ("C", "A"), ("D", "B, C")],
             [("A", None), ("B", None), ("C", "B, A"), ("D", "A")], [("A", None), ("B", "object"), ("C", "B, A"), ("D", "C, A")]]
SINGLE_SHAPES = [[("A", None), ("B", "A")], [("A", None), ("B", None)], [("A", None), ("B", "A"), ("C", "B")]]
ITEMS = [1, 2, 0, "a", 2.0, None, True, -1]


def operand(rng, shape):
    name = rng.choice([n for n, _ in shape] + ["1"])
    return name if name == "1" else name + "()"


def binary_case(rng, shape, pool, result_of, expression_of):
    classes = []
    for name, base in shape:
        methods = [(dunder, result_of(name, dunder)) for dunder in pool if rng.random() < 0.5]
        classes.append((name, base, methods))
    left, right = operand(rng, shape), operand(rng, shape)
    if left == "1" and right == "1":
        right = "A()"
    source = source_of(classes)
    expression = expression_of(left, right)
    return {"input": {"source": source, "expression": expression}, "expected": run(source, expression)}


def label_or_none(rng):
    def result_of(name, dunder):
        roll = rng.random()
        return None if roll < 0.3 else Body("= None") if roll < 0.4 else f"{name}.{dunder}"
    return result_of


def container_body(rng, name, dunder):
    roll = rng.random()
    if roll < 0.12:
        return Body("= None")
    if dunder == "__contains__":
        return rng.choice([True, False, 0, 1, "x", "", None, Body("return NotImplemented")])
    if dunder == "__iter__":
        if roll < 0.8:
            items = rng.sample(ITEMS, rng.randint(0, 3))
            display = repr(items) if rng.random() < 0.6 else repr(tuple(items))
            return Body(f"return iter({display})")
        return rng.choice([1, None, "ab", Body("return NotImplemented")])
    if dunder == "__getitem__":
        items = rng.sample(ITEMS, rng.randint(0, 3))
        display = repr(items) if rng.random() < 0.6 else repr(tuple(items))
        return Body(f"return {display}[index]")
    if dunder == "__len__":
        return rng.choice([0, 2, 5, -1, "x", None, 2**70, True])
    return rng.choice([True, False, 0, "x", None, Body("return NotImplemented")])  # __eq__


def more_cases(rng, cases):
    """** and pow(), **=, multiple inheritance, in / not in, iter() and list()."""
    shapes = SINGLE_SHAPES + MI_SHAPES
    for _ in range(250):
        pick = rng.random()
        cases.append(binary_case(rng, rng.choice(shapes), ("__pow__", "__rpow__"), label_or_none(rng),
                                 (lambda l, r: f"pow({l}, {r})") if pick < 0.3 else (lambda l, r: f"{l} ** {r}")))
    for _ in range(150):
        cases.append(binary_case(rng, rng.choice(shapes), ("__ipow__", "__pow__", "__rpow__"), label_or_none(rng),
                                 lambda l, r: f"{l} **= {r}"))
    for _ in range(300):
        op = rng.choice(["+", "|", "-", "==", "!=", "<", ">="])
        pool = (BINARY[op] if op in BINARY else ("__or__", "__ror__")) if op in ("+", "|", "-") else \
            ["__eq__", "__ne__", "__lt__", "__gt__", "__le__", "__ge__"]
        cases.append(binary_case(rng, rng.choice(MI_SHAPES), pool, label_or_none(rng), lambda l, r: f"{l} {op} {r}"))
    for _ in range(600):
        shape = rng.choice(shapes)
        classes = []
        for name, base in shape:
            methods = [(dunder, container_body(rng, name, dunder))
                       for dunder in ("__contains__", "__iter__", "__getitem__", "__len__", "__eq__")
                       if rng.random() < (0.25 if dunder == "__contains__" else 0.4)]
            classes.append((name, base, methods))
        target = rng.choice([n for n, _ in shape]) + "()"
        kind = rng.random()
        if kind < 0.5:
            item = rng.choice([repr(i) for i in ITEMS] + [n + "()" for n, _ in shape])
            expression = f"{item} {'not in' if rng.random() < 0.3 else 'in'} {target}"
        elif kind < 0.75:
            expression = f"list({target})"
        else:
            expression = f"iter({target})"
        source = source_of(classes)
        cases.append({"input": {"source": source, "expression": expression}, "expected": run(source, expression)})
    edge = [
        ("class A:\n    __contains__ = None\n    def __iter__(self):\n        return iter([1])\n", "1 in A()"),
        ("class A:\n    __iter__ = None\n    def __getitem__(self, index):\n        return [1][index]\n", "1 in A()"),
        ("class A:\n    __iter__ = None\n    def __getitem__(self, index):\n        return [1][index]\n", "list(A())"),
        ("class A:\n    def __getitem__(self, index):\n        return (5, 6)[index]\n", "6 in A()"),
        ("class A:\n    def __getitem__(self, index):\n        return (5, 6)[index]\n", "7 not in A()"),
        ("class A:\n    def __iter__(self):\n        return 1\n", "1 in A()"),
        ("class A:\n    def __iter__(self):\n        return 1\n", "iter(A())"),
        ("class A:\n    pass\n", "1 in A()"),
        ("class A:\n    pass\n", "list(A())"),
        ("class A:\n    def __iter__(self):\n        return iter([1, 2])\n    def __len__(self):\n        return -1\n", "list(A())"),
        ("class A:\n    def __iter__(self):\n        return iter([1, 2])\n    def __len__(self):\n        return 'x'\n", "list(A())"),
        ("class A:\n    def __contains__(self, other):\n        return NotImplemented\n", "1 in A()"),
        ("class A:\n    def __eq__(self, other):\n        return True\nclass B:\n    def __iter__(self):\n        return iter(['x'])\n", "A() in B()"),
        ("class A:\n    pass\nclass B(A):\n    pass\nclass C(A, B):\n    pass\n", "A() + A()"),
        ("class A:\n    pass\nclass B(A, A):\n    pass\n", "A() + A()"),
        ("class A:\n    def __or__(self, other):\n        return 'A.__or__'\nclass B(A):\n    pass\n", "A() | B()"),
        ("class A:\n    __radd__ = None\nclass B(A):\n    __radd__ = None\n    def __add__(self, other):\n        return 'B.__add__'\n", "A() + B()"),
        ("class A:\n    def __pow__(self, other):\n        return NotImplemented\n", "pow(A(), 2)"),
        ("class A:\n    def __rpow__(self, other):\n        return 'A.__rpow__'\n", "2 ** A()"),
        ("class A:\n    def __ipow__(self, other):\n        return NotImplemented\n", "A() **= 2"),
    ]
    for source, expression in edge:
        cases.append({"input": {"source": source, "expression": expression}, "expected": run(source, expression)})


main()
