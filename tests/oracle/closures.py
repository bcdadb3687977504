#!/usr/bin/env python3
"""Writes fixtures/closures-3.X.json: the code objects CPython compiles for nested functions.

Run from the repository root with each interpreter you have, e.g.
    python3 tests/oracle/closures.py
    /root/.pyenv/versions/3.13.0/bin/python3 tests/oracle/closures.py
For each def and lambda (depth first, in source order): co_qualname-style name, co_varnames, co_cellvars,
co_freevars; or the SyntaxError the compiler raises.
"""
import json
import os
import sys
import types

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")

SOURCES = [
    "def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\n",
    "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n        return x\n    return inner\n",
    "def counter():\n    count = 0\n    def increment(step=1):\n        nonlocal count\n        count = count + step\n        return count\n    return increment\n",
    "def f(a, b=2, *args, c, d=4, **kw):\n    e = a + b\n    def g():\n        return a, c, kw\n    return g\n",
    "def f(x):\n    def g(y):\n        def h(z):\n            return x + y + z\n        return h\n    return g\n",
    "def f():\n    fns = []\n    for i in range(3):\n        def g():\n            return i\n        fns.append(g)\n    return fns\n",
    "def f():\n    fns = []\n    for i in range(3):\n        def g(i=i):\n            return i\n        fns.append(g)\n    return fns\n",
    "def f():\n    return lambda y: y + z\nz = 1\n",
    "def f(x):\n    return lambda y: x + y\n",
    "def f():\n    x = 1\n    g = lambda: x\n    x = 2\n    return g\n",
    "def f():\n    global g\n    g = 1\n    def h():\n        return g\n    return h\n",
    "x = 0\ndef f():\n    x = 1\n    def g():\n        global x\n        x = 2\n    return g\n",
    "def f():\n    x = 1\n    def g():\n        x = 2\n        def h():\n            nonlocal x\n            x = 3\n        return h\n    return g\n",
    "def f():\n    def g():\n        nonlocal x\n    return g\n",
    "nonlocal x\n",
    "def f(x):\n    global x\n",
    "def f(x):\n    def g():\n        nonlocal x\n        global x\n    return g\n",
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n    return g\n",
    "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n    return g\n",
    "def f(x):\n    def g(x):\n        nonlocal x\n    return g\n",
    "def f():\n    a = 1\n    b = 2\n    c = 3\n    def g():\n        return c, a\n    def h():\n        return b\n    return g, h\n",
    "def f(b, a):\n    def g():\n        return a, b\n    zz = 1\n    yy = zz\n    return g\n",
    "def f():\n    y = 1\n    x = y\n    z = w\n    w = 2\n",
    "def f(n):\n    total = 0\n    while n:\n        total += n\n        n -= 1\n    if total > 10:\n        big = True\n    else:\n        small = True\n    return total\n",
    "def deco(fn):\n    def wrapper(*args, **kwargs):\n        return fn(*args, **kwargs)\n    return wrapper\n\n@deco\ndef add(a, b):\n    return a + b\n",
    "def repeat(n):\n    def deco(fn):\n        def wrapper(*args):\n            for _ in range(n):\n                result = fn(*args)\n            return result\n        return wrapper\n    return deco\n",
    "def f():\n    x = 1\n    def g():\n        def h():\n            return x\n        return h\n    return g\n",
    "def f():\n    def g():\n        return g\n    return g\n",
    "def f(x):\n    x = lambda: x\n    return x\n",
    "def f():\n    a, (b, c) = 1, (2, 3)\n    d = e = 4\n    def g():\n        return a + e\n    return g\n",
    "def f():\n    for i, j in [(1, 2)]:\n        pass\n    def g():\n        return j\n    return g\n",
    "def f(*args, **kwargs):\n    def g():\n        return args, kwargs\n    return g\n",
    "def f(a, /, b, *, c):\n    def g():\n        return b\n    return g\n",
    "def f():\n    x = 1\n    def g(y=x):\n        return y\n    return g\n",
    "def f():\n    def g():\n        return h()\n    def h():\n        return 1\n    return g\n",
    "def f():\n    x = 0\n    def g():\n        nonlocal x\n        def h():\n            nonlocal x\n            x += 1\n        return h\n    return g\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        def h():\n            return x\n        return h\n    return g\n",
    "def f():\n    x.y = 1\n    z[0] = 2\n    k += 1\n",
    "def f(a):\n    return a.b.c(d, e=f)\n",
]


NAMES = ["a", "b", "x", "y", "n"]


def random_program(rng):
    """Nested defs with random bindings, uses, global and nonlocal statements: scoping and its errors."""
    counter = [0]

    def block(depth, indent, in_function):
        lines = []
        for _ in range(rng.randint(1, 4)):
            kind = rng.random()
            name = rng.choice(NAMES)
            other = rng.choice(NAMES)
            pad = " " * indent
            if kind < 0.2:
                lines.append(f"{pad}{name} = {other}")
            elif kind < 0.3:
                lines.append(f"{pad}{name} += 1")
            elif kind < 0.4:
                lines.append(f"{pad}print({name}, {other})")
            elif kind < 0.47 and in_function:
                lines.append(f"{pad}nonlocal {name}")
            elif kind < 0.52:
                lines.append(f"{pad}global {name}")
            elif kind < 0.6:
                lines.append(f"{pad}for {name} in range({other}):")
                lines.extend(block(depth, indent + 4, in_function))
            elif kind < 0.66:
                lines.append(f"{pad}{name} = lambda {rng.choice(['', 'y', 'x=a'])}: {other}")
            elif kind < 0.72:
                lines.append(f"{pad}if {name}:")
                lines.extend(block(depth, indent + 4, in_function))
                lines.append(f"{pad}else:")
                lines.extend(block(depth, indent + 4, in_function))
            elif depth < 3:
                counter[0] += 1
                params = rng.choice(["", "a", "x, y", "n=b", "*a, **b", "x, /, y=n"])
                if rng.random() < 0.2:
                    lines.append(f"{pad}@{other}")
                lines.append(f"{pad}def f{counter[0]}({params}):")
                lines.extend(block(depth + 1, indent + 4, True))
                lines.append(f"{pad}    return {rng.choice(NAMES)}")
            else:
                lines.append(f"{pad}pass")
        return lines

    return "\n".join(block(0, 0, False)) + "\n"


def collect(code, out, prefix):
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            # co_qualname exists from 3.11; for functions nested in functions it is parent.<locals>.name.
            qualname = prefix + const.co_name
            assert getattr(const, "co_qualname", qualname) == qualname
            out.append({"name": qualname, "varnames": list(const.co_varnames),
                        "cellvars": list(const.co_cellvars), "freevars": list(const.co_freevars)})
            collect(const, out, qualname + ".<locals>.")


def run(source):
    try:
        code = compile(source, "<closures>", "exec")
    except SyntaxError as e:
        return {"error": {"type": type(e).__name__, "message": e.msg}}
    out = []
    collect(code, out, "")
    return {"functions": out}


def main():
    import random
    rng = random.Random(5)
    generated = []
    while len(generated) < 500:
        program = random_program(rng)
        if len(program) <= 1500:  # well inside the simulator's 4000-character limit
            generated.append(program)
    sources = SOURCES + generated
    cases = [{"input": {"source": s}, "expected": run(s)} for s in sources]
    version = "%d.%d" % sys.version_info[:2]
    name = f"closures-{version}.json"
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write('{"python": %s, "implementation": %s, "cases": [\n' % (json.dumps(sys.version.split()[0]), json.dumps(sys.implementation.name)))
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        f.write("\n]}\n")
    print(f"{name}: {len(cases)} cases")


main()
