#!/usr/bin/env python3
"""Writes fixtures/attribute-lookup-3.X.json: where `obj.name` (or `Class.name`) finds its value.

Run from the repository root with each interpreter you have, e.g.
    python3 tests/oracle/attribute_lookup.py
    /root/.pyenv/versions/3.13.0/bin/python3 tests/oracle/attribute_lookup.py
Every constant in a generated source is a unique label, so the value read says where it came from; methods are
described by their __qualname__ (their reprs hold addresses).

The first 600 cases are single-inheritance chains. Then come hand-written cases (diamonds, inconsistent MROs, layout
conflicts, data descriptors in a later base, __getattribute__ overrides, class-level reads, long class names whose
error messages CPython truncates) and random multiple-inheritance sources. A class statement that raises (TypeError
from the MRO or the layout, NameError for a base) is a case whose expected error is that exception.
"""
import json
import os
import random
import re
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
    if isinstance(value, property):
        return f"property {value.fget.__qualname__}"
    return re.sub(r" at 0x[0-9a-fA-F]+", "", repr(value))


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


def statements(source):
    """The top-level statements of a source, each with its indented body."""
    chunks = []
    for line in source.splitlines(keepends=True):
        if line[:1] in (" ", "\t") and chunks:
            chunks[-1] += line
        else:
            chunks.append(line)
    return chunks


def run_statements(source, expression):
    """Like run, but a class statement that raises is the case's expected exception (other setups are skipped)."""
    ns = {"__name__": "__main__"}
    for chunk in statements(source):
        try:
            exec(chunk, ns)
        except Exception as e:  # noqa: BLE001 - the oracle records whatever CPython raises
            if not chunk.startswith("class "):
                return None
            return {"value": None, "error": {"type": type(e).__name__, "message": str(e)}}
    try:
        return {"value": describe(eval(expression, ns)), "error": None}
    except Exception as e:  # noqa: BLE001 - the oracle records whatever CPython raises
        return {"value": None, "error": {"type": type(e).__name__, "message": str(e)}}


GETATTRIBUTE_BODIES = [
    "return '{cls}.__getattribute__'",
    "raise AttributeError(name)",
    "raise AttributeError('{cls} refuses')",
    "raise AttributeError",
    "raise AttributeError()",
    "return object.__getattribute__(self, name)",
    "return super().__getattribute__(name)",
]
GETATTR_BODIES = ["return '{cls}.__getattr__'", "raise AttributeError(name)", "raise AttributeError('{cls} has none')"]


def hook(name, body, cls):
    return [f"    def {name}(self, name):", "        " + body.format(cls=cls)]


def generate_mi(rng):
    """Two to five classes, each with up to three earlier classes (or object) as bases, in any order."""
    count = rng.randint(2, 5)
    names = ["A", "B", "C", "E", "F"][:count]
    lines = []
    for i, cls in enumerate(names):
        bases = rng.sample(names[:i], rng.randint(0, min(i, 3))) if i else []
        if rng.random() < 0.85:
            bases.sort(reverse=True)  # subclasses first, as consistent hierarchies mostly are
        if rng.random() < 0.1:
            bases.insert(len(bases) if rng.random() < 0.7 else rng.randint(0, len(bases)), "object")
        lines.append(f"class {cls}({', '.join(bases)}):" if bases else f"class {cls}:")
        body = []
        used = set()
        if rng.random() < 0.25:
            slot_names = rng.sample(NAMES, rng.randint(0, 2))
            body.append(f"    __slots__ = {tuple(slot_names)!r}")
            used.update(slot_names)
        for name in NAMES + ["mro"]:
            if name not in used and rng.random() < (0.35 if name != "mro" else 0.1):
                body.extend(member(cls, name, rng.choice(KINDS)))
        if rng.random() < 0.15:
            body.extend(hook("__getattr__", rng.choice(GETATTR_BODIES), cls))
        if rng.random() < 0.15:
            body.extend(hook("__getattribute__", rng.choice(GETATTRIBUTE_BODIES), cls))
        lines.extend(body or ["    pass"])
    lines.append(f"obj = {rng.choice(names)}()")
    for name in NAMES:
        if rng.random() < 0.4:
            lines.append(f"obj.{name} = 'obj.{name}'")
    target = "obj" if rng.random() < 0.7 else rng.choice(names)
    return DESCRIPTORS + "\n".join(lines) + "\n", f"{target}.{rng.choice(NAMES + ['z', 'mro'])}"


LONG = "L" * 60
WIDE = "a" + "\u00e9" * 110  # 221 UTF-8 bytes: cut at 50, 100 and 200 bytes inside a two-byte character
MID = "a" + "\u00e9" * 60  # 121 bytes, short enough for a Class.name expression
HANDWRITTEN = [
    # Diamonds: the MRO is D, B, C, A, object.
    ("class A:\n    x = 'A.x'\nclass B(A):\n    pass\nclass C(A):\n    x = 'C.x'\nclass D(B, C):\n    pass\nobj = D()\n", ["obj.x", "D.x", "obj.y", "D.y"]),
    ("class A:\n    def m(self):\n        pass\nclass B(A):\n    pass\nclass C(A):\n    def m(self):\n        pass\nclass D(B, C):\n    pass\nobj = D()\n", ["obj.m", "D.m"]),
    # A data descriptor in a later base beats the instance dict; a non-data one does not.
    (DESCRIPTORS + "class B:\n    pass\nclass C:\n    x = D()\n    y = N()\nclass E(B, C):\n    pass\nobj = E()\nobj.x = 'obj.x'\nobj.y = 'obj.y'\n", ["obj.x", "obj.y", "E.x", "E.y"]),
    ("class B:\n    x = 'B.x'\nclass C:\n    @property\n    def x(self):\n        return 'C.x property'\nclass E(B, C):\n    pass\nclass F(C, B):\n    pass\nobj = E()\nobj.x = 'obj.x'\nother = F()\n", ["obj.x", "other.x", "E.x", "F.x"]),
    # Inconsistent MROs and duplicate bases.
    ("class A:\n    pass\nclass B(A):\n    pass\nclass C(A, B):\n    pass\nobj = C()\n", ["obj.x"]),
    ("class X:\n    pass\nclass Y:\n    pass\nclass A(X, Y):\n    pass\nclass B(Y, X):\n    pass\nclass C(A, B):\n    pass\nobj = A()\n", ["obj.x", "A.x"]),
    ("class A:\n    pass\nclass B(A, A):\n    pass\nobj = A()\n", ["obj.x"]),
    ("class A:\n    pass\nclass B(A, object):\n    x = 1\nclass C(object, A):\n    pass\nobj = B()\n", ["obj.x"]),
    ("class A:\n    pass\nclass B(A, Missing):\n    pass\nobj = A()\n", ["obj.x"]),
    # __slots__ in one of two bases, in both, empty in one.
    ("class B:\n    __slots__ = ('a',)\nclass C:\n    pass\nclass E(B, C):\n    __slots__ = ()\nobj = E()\nobj.a = 'obj.a'\nobj.b = 'obj.b'\n", ["obj.a", "obj.b", "obj.c", "E.a"]),
    ("class B:\n    __slots__ = ('a',)\nclass C:\n    __slots__ = ('b',)\nclass E(B, C):\n    pass\nobj = B()\n", ["obj.a"]),
    ("class A:\n    pass\nclass B(A):\n    __slots__ = ('a',)\nclass C(A):\n    __slots__ = ('b',)\nclass E(C, B):\n    pass\nobj = B()\n", ["obj.a"]),
    ("class B:\n    __slots__ = ('a',)\nclass C:\n    __slots__ = ()\nclass E(C, B):\n    __slots__ = ()\nobj = E()\n", ["obj.a", "obj.b", "E.a"]),
    ("class A:\n    __slots__ = ('a',)\nclass B(A):\n    pass\nclass C(A):\n    __slots__ = ('c',)\nclass E(B, C):\n    __slots__ = ()\nobj = E()\nobj.c = 'obj.c'\nobj.z = 'obj.z'\n", ["obj.a", "obj.c", "obj.z"]),
    ("class A:\n    __slots__ = ('a',)\nclass B(A):\n    __slots__ = ()\nclass C(A):\n    __slots__ = ('c',)\nclass E(B, C):\n    __slots__ = ()\nobj = E()\nobj.a = 'obj.a'\n", ["obj.a", "obj.c", "obj.z"]),
    # __getattribute__ overrides, with and without __getattr__.
    ("class A:\n    x = 'A.x'\n    def __getattribute__(self, name):\n        return 'A.__getattribute__'\nobj = A()\nobj.y = 'obj.y'\n", ["obj.x", "obj.y", "obj.z", "A.x", "A.z"]),
    ("class A:\n    x = 'A.x'\n    def __getattribute__(self, name):\n        raise AttributeError(name)\n    def __getattr__(self, name):\n        return 'A.__getattr__'\nobj = A()\n", ["obj.x", "obj.z", "A.x"]),
    ("class A:\n    x = 'A.x'\n    def __getattribute__(self, name):\n        raise AttributeError('nothing here')\nobj = A()\n", ["obj.x", "obj.z"]),
    ("class A:\n    x = 'A.x'\n    def __getattribute__(self, name):\n        return object.__getattribute__(self, name)\n    def __getattr__(self, name):\n        raise AttributeError(name)\nobj = A()\n", ["obj.x", "obj.z"]),
    ("class A:\n    def __getattribute__(self, name):\n        return 'A.__getattribute__'\nclass B(A):\n    def __getattribute__(self, name):\n        return super().__getattribute__(name)\nclass C(A):\n    def __getattribute__(self, name):\n        return 'C.__getattribute__'\nclass E(B, C):\n    pass\nobj = E()\nother = B()\n", ["obj.x", "other.x"]),
    ("class A:\n    def __getattr__(self, name):\n        return 'A.__getattr__'\nclass B:\n    def __getattribute__(self, name):\n        raise AttributeError\nclass E(B, A):\n    pass\nclass F(A, B):\n    pass\nobj = E()\nother = F()\n", ["obj.x", "other.x"]),
    # Class-level reads: type.__getattribute__ calls __get__(None, cls).
    (DESCRIPTORS + "class A:\n    __slots__ = ('s',)\n    c = 'A.c'\n    d = D()\n    n = N()\n    def f(self):\n        pass\n    @property\n    def p(self):\n        return 'A.p property'\n    @classmethod\n    def k(cls):\n        pass\n    @staticmethod\n    def st():\n        pass\n    def __getattr__(self, name):\n        return 'A.__getattr__'\nclass B(A):\n    pass\n", ["A.c", "A.d", "A.n", "A.f", "A.p", "A.k", "A.st", "A.s", "B.s", "B.k", "A.mro", "B.mro", "A.z"]),
    ("class A:\n    def mro(self):\n        pass\nobj = A()\n", ["A.mro", "obj.mro"]),
    # Class names longer than the %.50s / %.100s / %.200s of the messages.
    (f"class {LONG}:\n    __slots__ = ('a',)\nobj = {LONG}()\n", ["obj.x", "obj.a", f"{LONG}.x"]),
    (f"class {WIDE}:\n    __slots__ = ('a',)\nobj = {WIDE}()\n", ["obj.x", "obj.a"]),
    (f"class {MID}:\n    __slots__ = ('a',)\nobj = {MID}()\n", ["obj.x", "obj.a", f"{MID}.x"]),
    (f"class {WIDE}:\n    pass\nclass {WIDE}x:\n    pass\nclass E({WIDE}, {WIDE}x, {WIDE}):\n    pass\nobj = {WIDE}()\n", ["obj.x"]),
]


def main():
    rng = random.Random(11)
    cases = []
    while len(cases) < 600:
        source = generate(rng)
        expression = f"obj.{rng.choice(NAMES + ['z'])}"
        expected = run(source, expression)
        if expected is not None:
            cases.append({"input": {"source": source, "expression": expression}, "expected": expected})
    for source, expressions in HANDWRITTEN:
        for expression in expressions:
            cases.append({"input": {"source": source, "expression": expression}, "expected": run_statements(source, expression)})
    rng = random.Random(12)
    generated = 0
    while generated < 600:
        source, expression = generate_mi(rng)
        expected = run_statements(source, expression)
        if expected is not None:
            cases.append({"input": {"source": source, "expression": expression}, "expected": expected})
            generated += 1
    version = "%d.%d" % sys.version_info[:2]
    name = f"attribute-lookup-{version}.json"
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write('{"python": %s, "implementation": %s, "cases": [\n' % (json.dumps(sys.version.split()[0]), json.dumps(sys.implementation.name)))
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        f.write("\n]}\n")
    print(f"{name}: {len(cases)} cases, {sum(c['expected']['error'] is not None for c in cases)} errors")


main()
