#!/usr/bin/env python3
"""Writes fixtures/pattern-matching-3.X.json: which case of a match statement matches a subject, and its bindings.

Run from the repository root with each interpreter you have, e.g.
    python3 tests/oracle/pattern_matching.py
    /root/.pyenv/versions/3.13.0/bin/python3 tests/oracle/pattern_matching.py
The statement matches the name `x`; the oracle replaces each case body with a marker to learn which case ran, and
reads the names that case's pattern captures. Class statements may come before the match statement; the subject
is assigned to `x` just before it (so it may call those classes). Instances' default reprs carry an address that
changes from run to run: the oracle writes it as 0x... (as the simulator does).
"""
import ast
import json
import os
import re
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")

STATEMENTS = [
    ["1", "2 | 3", "-1", "'a'", "b'a'", "None", "True", "1.5", "1 + 2j", "_"],
    ["[]", "[a]", "[a, b]", "[a, *rest]", "[*rest, z]", "[1, *_, 9]", "(a, b, c)", "[[a, b], c]", "_"],
    ["{}", "{'k': v}", "{'k': 1, **rest}", "{'a': [x, y]}", "{1: one, 'two': two}", "_"],
    ["int()", "str(s)", "bool(b)", "float(f)", "tuple((a, b))", "list([*items])", "dict({'k': v})", "object()"],
    ["bool()", "int(n) if n > 10", "int(n)", "str() | bytes()", "(list() | tuple()) as seq", "_"],
    ["[int(a), str(b)]", "[a, b] if a == b", "[a, b]", "{'t': 'point', 'x': px, 'y': py}", "{'t': t, **others}"],
    ["x1", "_"],
    ["[a, a]"],
    ["a | b"],
    ["_", "1"],
    ["{'k': 1, 'k': 2}"],
    ["[*a, *b]"],
    ["(1 | 2) | [a]"],
    ["[a, (b, c) as d, *e] if len(e) == 0", "[a, (b, c) as d, *e]"],
    ["0", "False", "[0]", "[False]", "(True,)", "{0: z}"],
    ["1.0", "int(1)"],
    ["str() if x", "[]", "()"],
    ["x if x", "_ if not x", "y"],
    ["int(1, 2)"],
    ["int(real=r, imag=i)", "float(real=r, imag=i)", "complex(real=r, imag=i)", "str(nope=n)", "object(numerator=n, denominator=d)", "_"],
    ["complex(c)"],
]

SUBJECTS = [
    "1", "2", "3", "-1", "0", "True", "False", "None", "1.0", "1.5", "1+2j", "'a'", "''", "b'a'", "[]", "()", "[1]",
    "[1, 2]", "(1, 2)", "[1, 2, 3]", "[1, 5, 9]", "[1, 9]", "[[1, 2], 3]", "['a', 'a']", "[1, 'b']", "{}", "{'k': 1}",
    "{'k': 1, 'j': 2}", "{'k': 2}", "{'a': [1, 2]}", "{1: 'one', 'two': 2}", "{'t': 'point', 'x': 1, 'y': 2}",
    "{'t': 'circle', 'r': 3}", "(True,)", "[False]", "{0: 'zero'}", "[1, (2, 3), 4]", "[1, (2, 3)]", "(1, [2, 3])",
    "12", "'abc'", "(1, 2, 3)", "{'k': 1, 'x': 0}",
]


POINTS = """class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Point3D(Point):
    __match_args__ = ('x', 'y', 'z')
    def __init__(self, x, y, z=0):
        super().__init__(x, y)
        self.z = z

class Color:
    RED = 1
    GREEN = 2
    BLUE = 'blue'

class NoArgs:
    kind = 'plain'

"""

MATCH_ARGS = """class A:
    __match_args__ = ['a']
    def __init__(self, a):
        self.a = a

class B:
    __match_args__ = ('b', 1)
    def __init__(self):
        self.b = 'bee'

class C(A, B):
    pass

class D(B, A):
    __match_args__ = ('a', 'b', 'missing')

class E:
    __match_args__ = 'ab'
    a = 1

"""

CHAIN = """class Base:
    def __init__(self, tag):
        self.tag = tag

class Mid(Base):
    def __init__(self, tag, size=1):
        super().__init__(tag)
        self.size = size

class Leaf(Mid):
    __match_args__ = ('tag', 'size')

class Bad:
    def __init__(self):
        super().__init__(1)

class Diamond(Leaf, Base):
    kind: str = 'diamond'

"""

TYPED = """class Tagged:
    __match_args__ = ('tag',)
    def __init__(self, tag: str, *, size: int = 0) -> None:
        self.tag: str = tag
        self.size = size

"""

# (class statements before the match, the patterns of each match statement, the subjects tried against each)
CLASS_GROUPS = [
    (POINTS, [
        ["Point(0, 0)", "Point(0, y)", "Point(x, 0)", "Point(x=0, y=y)", "Point3D(x, y, z)", "Point()", "_"],
        ["Point3D(1, 2, 3)", "Point(x, y) if x == y", "Point(y=b)", "NoArgs(kind=k)", "object()"],
        ["Point(a, b, c)"],
        ["NoArgs(a)"],
        ["Point(x, x=1)"],
        ["Point(z=z)", "Point(x=Color.RED)", "Color.RED", "Color.BLUE", "Color.GREEN | Color.RED"],
        ["Color.PURPLE"],
        ["Shape.X"],
        ["Color.RED()"],
        ["x()"],
        ["Point(x=1, x=2)"],
        ["int(n)", "complex(c)"],
        ["[Point(a, b), Point(c, d)]", "[Point(0, _), *rest]", "{'p': Point(x=px)}"],
        ["Point(Point(a, b), c)", "Point(NoArgs() as n, _)"],
        ["NoArgs()", "Point(x=0) | Point(y=0)"],
        ["Point() as p if p.x > 0", "Point(x=x) if x < 0", "Point3D(z=Color.RED)", "p"],
        ["Point3D() as p if p.kind", "_"],
        ["Point(x=Color)", "Point(y=NoArgs.kind)"],
        ["Undefined()"],
        ["str(Point(a))"],
    ], [
        "Point(0, 0)", "Point(1, 0)", "Point(0, 5)", "Point(3, 3)", "Point3D(1, 2, 3)", "Point3D(1, 2)",
        "Point(x=-1, y=2)", "NoArgs()", "[Point(1, 2), Point(3, 4)]", "[Point(0, 1), Point(2, 3), Point(4, 5)]",
        "{'p': Point(7, 8)}", "Point(Point(1, 2), 3)", "Point(NoArgs(), 1)", "1", "'blue'", "Point(Color, 1)",
        "Point(1)", "Point(1, 2, 3)", "NoArgs(1)", "Point(1, y=2, x=3)", "Point(1, w=2)", "(Point3D(0, 0, 1),)",
    ]),
    (MATCH_ARGS, [
        ["A(v)"],
        ["A()", "B()"],
        ["B(x)"],
        ["B(x, y)"],
        ["D(p, q)", "D(b=q)"],
        ["D(p, q, r, s)"],
        ["E(v)", "E(a=1)"],
        ["A(a=v) | B(b=v)", "object(a=v)"],
        ["C(b=b, a=a)"],
    ], ["A(1)", "B()", "C(5)", "D()", "E()", "[A(1), B()]", "1", "A(a=B())", "C()"]),
    (CHAIN, [
        ["Leaf(t, s)", "Mid(tag=t)", "Base(tag=t)"],
        ["Base(t)"],
        ["Diamond(kind=k, tag=t)", "Leaf(size=2) | Mid(size=3)"],
    ], [
        "Leaf('t')", "Leaf('t', 2)", "Leaf(tag='q', size=3)", "Mid('m')", "Base('b')", "Mid()", "Bad()",
        "Leaf(1, 2, 3)", "Leaf(size=1)", "Base('a', tag='b')", "Diamond('d', 3)", "[Base(1), Mid(2, 3)]",
    ]),
    (TYPED, [
        ["Tagged(t) as p if p == x", "_"],
        ["Tagged(t) if len(x) > 0"],
        ["Tagged(size=s, tag=t)", "[Tagged(a), Tagged(b)] if a == b", "[p, q] if p == q", "[p, q] if p != q"],
        ["Tagged('a' | 'b', size=0 | 2)"],
    ], ["Tagged('a')", "Tagged('b', size=2)", "Tagged('c', 3)", "[Tagged('a'), Tagged('a')]", "Tagged(size=1)", "Tagged('a', sise=1)"]),
    ("class X:\n    pass\n\nclass Y(X):\n    pass\n\nclass Z(X, Y):\n    pass\n\n", [["_"]], ["1"]),
    ("class X:\n    pass\n\nclass W(X, X):\n    pass\n\n", [["_"]], ["1"]),
    ("class V(Missing):\n    pass\n\n", [["_"]], ["1"]),
    ("class K:\n    pass\n\n", [["K()", "K(a=a)", "object(b)"], ["K(a)"]], ["K()", "1", "K", "[K(), K()]"]),
]

ADDRESS = re.compile(r"0x[0-9a-f]+")


def source_of(patterns, prelude=""):
    return prelude + "match x:\n" + "".join(f"    case {p}:\n        pass\n" for p in patterns)


def captured(pattern):
    names = []
    for node in ast.walk(pattern):
        if isinstance(node, ast.MatchAs) and node.name:
            names.append(node.name)
        elif isinstance(node, ast.MatchStar) and node.name:
            names.append(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names.append(node.rest)
    return sorted(set(names))


def run(source, subject):
    tree = ast.parse(source)
    match = tree.body[-1]
    try:
        compile(tree, "<match>", "exec")
    except SyntaxError as e:
        return {"error": {"type": type(e).__name__, "message": e.msg}}
    for i, case in enumerate(match.cases):
        case.body = [ast.Assign(targets=[ast.Name(id="__case", ctx=ast.Store())], value=ast.Constant(value=i))]
    tree.body.insert(len(tree.body) - 1, ast.parse(f"x = {subject}").body[0])
    ast.fix_missing_locations(tree)
    ns = {"__case": None, "__name__": "__main__"}
    try:
        exec(compile(tree, "<match>", "exec"), ns)
    except Exception as e:  # noqa: BLE001 - the oracle records whatever CPython raises
        return {"error": {"type": type(e).__name__, "message": ADDRESS.sub("0x...", str(e))}}
    index = ns["__case"]
    if index is None:
        return {"matched": None, "bindings": {}}
    return {"matched": index, "bindings": {n: ADDRESS.sub("0x...", repr(ns[n])) for n in captured(match.cases[index].pattern)}}


def main():
    cases = []
    for patterns in STATEMENTS:
        source = source_of(patterns)
        for subject in SUBJECTS:
            cases.append({"input": {"source": source, "subject": subject}, "expected": run(source, subject)})
    for prelude, statements, subjects in CLASS_GROUPS:
        for patterns in statements:
            source = source_of(patterns, prelude)
            for subject in subjects:
                cases.append({"input": {"source": source, "subject": subject}, "expected": run(source, subject)})
    version = "%d.%d" % sys.version_info[:2]
    name = f"pattern-matching-{version}.json"
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write('{"python": %s, "implementation": %s, "cases": [\n' % (json.dumps(sys.version.split()[0]), json.dumps(sys.implementation.name)))
        f.write(",\n".join(json.dumps(c, separators=(",", ":"), ensure_ascii=False) for c in cases))
        f.write("\n]}\n")
    print(f"{name}: {len(cases)} cases, {sum('error' in c['expected'] for c in cases)} errors")


main()
