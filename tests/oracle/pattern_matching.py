#!/usr/bin/env python3
"""Writes fixtures/pattern-matching-3.X.json: which case of a match statement matches a subject, and its bindings.

Run from the repository root with each interpreter you have, e.g.
    python3 tests/oracle/pattern_matching.py
    /root/.pyenv/versions/3.13.0/bin/python3 tests/oracle/pattern_matching.py
The statement matches the name `x`; the oracle replaces each case body with a marker to learn which case ran, and
reads the names that case's pattern captures.
"""
import ast
import json
import os
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
]

SUBJECTS = [
    "1", "2", "3", "-1", "0", "True", "False", "None", "1.0", "1.5", "1+2j", "'a'", "''", "b'a'", "[]", "()", "[1]",
    "[1, 2]", "(1, 2)", "[1, 2, 3]", "[1, 5, 9]", "[1, 9]", "[[1, 2], 3]", "['a', 'a']", "[1, 'b']", "{}", "{'k': 1}",
    "{'k': 1, 'j': 2}", "{'k': 2}", "{'a': [1, 2]}", "{1: 'one', 'two': 2}", "{'t': 'point', 'x': 1, 'y': 2}",
    "{'t': 'circle', 'r': 3}", "(True,)", "[False]", "{0: 'zero'}", "[1, (2, 3), 4]", "[1, (2, 3)]", "(1, [2, 3])",
    "12", "'abc'", "(1, 2, 3)", "{'k': 1, 'x': 0}",
]


def source_of(patterns):
    return "match x:\n" + "".join(f"    case {p}:\n        pass\n" for p in patterns)


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
    match = tree.body[0]
    try:
        compile(tree, "<match>", "exec")
    except SyntaxError as e:
        return {"error": {"type": type(e).__name__, "message": e.msg}}
    for i, case in enumerate(match.cases):
        case.body = [ast.Assign(targets=[ast.Name(id="__case", ctx=ast.Store())], value=ast.Constant(value=i))]
    ast.fix_missing_locations(tree)
    ns = {"x": eval(subject), "__case": None}
    try:
        exec(compile(tree, "<match>", "exec"), ns)
    except Exception as e:  # noqa: BLE001 - the oracle records whatever CPython raises
        return {"error": {"type": type(e).__name__, "message": str(e)}}
    index = ns["__case"]
    if index is None:
        return {"matched": None, "bindings": {}}
    return {"matched": index, "bindings": {n: repr(ns[n]) for n in captured(match.cases[index].pattern)}}


def main():
    cases = []
    for patterns in STATEMENTS:
        source = source_of(patterns)
        for subject in SUBJECTS:
            cases.append({"input": {"source": source, "subject": subject}, "expected": run(source, subject)})
    version = "%d.%d" % sys.version_info[:2]
    name = f"pattern-matching-{version}.json"
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write('{"python": %s, "implementation": %s, "cases": [\n' % (json.dumps(sys.version.split()[0]), json.dumps(sys.implementation.name)))
        f.write(",\n".join(json.dumps(c, separators=(",", ":"), ensure_ascii=False) for c in cases))
        f.write("\n]}\n")
    print(f"{name}: {len(cases)} cases, {sum('error' in c['expected'] for c in cases)} errors")


main()
