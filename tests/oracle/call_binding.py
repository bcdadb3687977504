#!/usr/bin/env python3
"""Writes fixtures/call-binding-3.X.json: how CPython binds call arguments to parameters.

Run from the repository root with each interpreter you have, e.g.
    python3 tests/oracle/call_binding.py                       (3.11, the machine's python3)
    /root/.pyenv/versions/3.13.0/bin/python3 tests/oracle/call_binding.py
Each case defines `def f<parameters>: return locals()` in a module named __main__, calls `f(<arguments>)` and
records the locals (name -> repr, in co_varnames order) or the exception's type and str().
"""
import json
import os
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")

PARAMETERS = [
    "()", "(a)", "(a, b)", "(a, b, c)", "(a, b=2)", "(a=1, b=2)", "(a, b, c=3, d=4)", "(*args)", "(**kwargs)",
    "(*args, **kwargs)", "(a, *args)", "(a, **kw)", "(a, b=2, *args, **kw)", "(a, /)", "(a, b, /)", "(a, /, b)",
    "(a, b=2, /)", "(a, /, b=2)", "(a, /, **kw)", "(a, b, /, **kw)", "(*, a)", "(*, a, b=2)", "(a, *, b)",
    "(a, *, b, c)", "(a=1, *, b)", "(a, *args, b, **kw)", "(a, b=2, /, c=3, *args, d, e=5, **kw)",
    "(a, b=2, /, c, *args, d, **kw)", "(first, second, third, fourth)", "(value, *, verbose=False, debug)",
    "(x: int, y: str = 'y')", "(*args: int, **kwargs: str)", "(self, key, default=None, /)", "(name, count, colour)",
    "(a, b, c, /, d, e, *, f, g)", "(spam, /, ham=[], *, eggs={})", "(a, a)", "(a, *, a)",
]

ARGUMENTS = [
    "", "1", "1, 2", "1, 2, 3", "1, 2, 3, 4", "1, 2, 3, 4, 5, 6", "a=1", "b=2", "a=1, b=2", "1, b=2", "1, a=2",
    "c=3", "1, 2, c=3", "d=4", "1, d=4", "1, 2, d=4", "1, 2, 3, d=4, e=5", "x=1", "1, x=1", "*(1, 2)",
    "*[1, 2, 3]", "1, *(2, 3), 4", "**{'a': 1}", "**{'a': 1, 'b': 2}", "1, **{'b': 2}", "a=1, **{'a': 2}",
    "**{'a': 1}, **{'a': 2}", "**{'a': 1}, a=2", "**{1: 2}", "*1", "1, *2", "**[]", "*1, **[]", "*None",
    "*'ab'", "*b'ab'", "**{'zz': 0}", "'x', -1, 2.5, None, True, (1,), [2], {'k': 3}", "a=1, a=2",
    "first=1, second=2, third=3, fourth=4", "1, 2, 3, fourth=4, fith=5", "value=1, verbos=True",
    "1, debug=True, verbose=False", "key=1", "1, key=2", "1, 2, 3, 4, f=6, g=7", "1, 2, 3, d=4, e=5, f=6, g=7",
    "a=1, b=2, c=3, d=4, e=5, f=6, g=7", "1, 2, 3, 4, 5, f=6", "colour=1, count=2, name=3", "name=1, cuont=2",
    "self=1, key=2", "1, 2, default=3", "*(1,), b=2", "*{'a': 1, 'b': 2}", "**{'d': 4, 'kw': 5}", "1, 2, kw=3",
    "1, args=2", "1, **{'args': (1,)}", "spam=1", "1, eggs=2, ham=3", "ham=1", "*(), **{}", "1, 2, **{'c': 3, 'd': 4}",
    "-1, 10**20, 1e100, 1j, 'é'", "b=1, **{1: 2}", "**{'a': 1, 'a': 2}",
]


def run(parameters, arguments):
    ns = {"__name__": "__main__"}
    try:
        exec(compile(f"def f{parameters}:\n    return locals()\n", "<parameters>", "exec"), ns)
    except SyntaxError as e:
        return {"error": {"type": type(e).__name__, "message": e.msg}}
    try:
        code = compile(f"f({arguments})", "<arguments>", "eval")
    except SyntaxError as e:
        return {"error": {"type": type(e).__name__, "message": e.msg}}
    try:
        bound = eval(code, ns)
    except Exception as e:  # noqa: BLE001 - the oracle records whatever CPython raises
        return {"error": {"type": type(e).__name__, "message": str(e)}}
    return {"arguments": {name: repr(value) for name, value in bound.items()}}


def main():
    cases = []
    for parameters in PARAMETERS:
        for arguments in ARGUMENTS:
            cases.append({"input": {"parameters": parameters, "arguments": arguments}, "expected": run(parameters, arguments)})
    version = "%d.%d" % sys.version_info[:2]
    name = f"call-binding-{version}.json"
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write('{"python": %s, "implementation": %s, "cases": [\n' % (json.dumps(sys.version.split()[0]), json.dumps(sys.implementation.name)))
        f.write(",\n".join(json.dumps(c, separators=(",", ":"), ensure_ascii=False) for c in cases))
        f.write("\n]}\n")
    print(f"{name}: {len(cases)} cases, {sum('error' in c['expected'] for c in cases)} errors")


main()
