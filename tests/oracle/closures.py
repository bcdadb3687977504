#!/usr/bin/env python3
"""Writes fixtures/closures-3.X.json: the code objects CPython compiles for nested functions, and what running
the module shows.

Run from the repository root with each interpreter you have, e.g.
    python3 tests/oracle/closures.py
    /root/.pyenv/versions/3.13.0/bin/python3 tests/oracle/closures.py
For each def and lambda (depth first, in source order): co_qualname, co_varnames, co_cellvars, co_freevars; or
the SyntaxError the compiler raises. Then the source is exec'd as __main__ and the run's outcome recorded (every
repr with its " at 0x..." address removed, and a module's " from '...'" file):
  output          the lines printed;
  globals         each module-level name bound, in dict order, with its repr;
  functionObjects every function of the source reachable from the globals (through list, tuple and dict items,
                  function __dict__ values, closure cells' contents), depth first, with __name__, __qualname__,
                  repr of __doc__ and __module__, __dict__, and closure cells numbered in the order first met;
  calls           every call of a function of the source as it finished (sys.settrace 'return'): co_qualname,
                  repr of the value returned (None when an exception left the frame), free variables' values;
  decorators      each decorator expression evaluated and each application, in the order CPython runs them
                  (observed by wrapping every decorator expression in a recording hook, see instrument());
  exception       the uncaught exception's type and str(), if any.
"""
import ast
import builtins
import contextlib
import dis
import io
import json
import os
import re
import sys
import types
import warnings

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


# Programs that run: late binding, nonlocal counters, decorator order, functools.wraps, cells and their errors.
RUNS = [
    "def make():\n    fns = []\n    for i in range(3):\n        fns.append(lambda: i)\n    return fns\n\nlate = []\nfor f in make():\n    late.append(f())\n\ndef make_fixed():\n    fns = []\n    for i in range(3):\n        fns.append(lambda i=i: i)\n    return fns\n\nfixed = []\nfor f in make_fixed():\n    fixed.append(f())\n",
    "fns = []\nfor i in range(3):\n    fns.append(lambda: i)\nvalues = []\nfor f in fns:\n    values.append(f())\ni = 10\nprint(fns[0](), values)\n",
    "def f():\n    fns = []\n    for i in range(3):\n        def g():\n            return i\n        fns.append(g)\n    return fns\nfs = f()\nprint(fs[0](), fs[1](), fs[2]())\nprint(fs[0].__closure__[0] is fs[2].__closure__[0], fs[0].__closure__[0].cell_contents)\n",
    "def counter():\n    count = 0\n    def increment():\n        nonlocal count\n        count += 1\n        return count\n    return increment\n\nc = counter()\nfirst = c()\nsecond = c()\nd = counter()\nthird = d()\nprint(first, second, third, c.__closure__[0].cell_contents, d.__closure__[0].cell_contents)\n",
    "def account(balance):\n    def deposit(n):\n        nonlocal balance\n        balance = balance + n\n        return balance\n    def peek():\n        return balance\n    return deposit, peek\n\ndeposit, peek = account(10)\ndeposit(5)\nprint(peek(), deposit.__closure__[0] is peek.__closure__[0])\n",
    "def tag(name):\n    print('evaluate', name)\n    def deco(fn):\n        print('apply', name, fn.__name__)\n        return fn\n    return deco\n\n@tag('a')\n@tag('b')\n@tag('c')\ndef f():\n    pass\n",
    "log = []\ndef a(fn):\n    log.append('a')\n    return fn\ndef b(fn):\n    log.append('b')\n    return fn\n@a\n@b\ndef f():\n    return 1\nprint(log)\n",
    "def twice(fn):\n    def wrapper(x):\n        return fn(fn(x))\n    return wrapper\ndef inc(fn):\n    def wrapper(x):\n        return fn(x) + 1\n    return wrapper\n@twice\n@inc\ndef double(x):\n    return x * 2\nprint(double(3), double.__qualname__, double.__closure__[0].cell_contents.__qualname__)\n",
    "import functools\n\ndef deco(fn):\n    @functools.wraps(fn)\n    def wrapper(*args, **kwargs):\n        return fn(*args, **kwargs)\n    return wrapper\n\ndef plain(fn):\n    def wrapper(*args, **kwargs):\n        return fn(*args, **kwargs)\n    return wrapper\n\n@deco\ndef add(a, b):\n    \"Add two numbers.\"\n    return a + b\n\n@plain\ndef sub(a, b):\n    return a - b\n\nprint(add.__name__, add.__qualname__, add.__doc__, add.__module__, add(2, 3))\nprint(sub.__name__, sub.__qualname__, sub.__doc__, sub(5, b=3))\nprint(add.__wrapped__, add.__wrapped__(1, 1), add.__dict__)\n",
    "from functools import wraps, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES\nprint(WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)\ndef f():\n    pass\nprint(wraps(f))\n",
    "import functools as ft\n\ndef outer(fn):\n    @ft.wraps(fn)\n    def outer_wrapper():\n        return fn()\n    return outer_wrapper\n\ndef inner(fn):\n    @ft.wraps(fn)\n    def inner_wrapper():\n        return fn()\n    inner_wrapper.marker = 'inner'\n    return inner_wrapper\n\ndef base():\n    \"\"\"Base doc.\"\"\"\n    return 42\nbase.calls = 0\n\nstacked = outer(inner(base))\nprint(stacked(), stacked.__name__, stacked.__wrapped__.__qualname__, stacked.__wrapped__.__wrapped__ is base)\nprint(stacked.__dict__)\n",
    "import functools\ndef wrapper(*args):\n    return len(args)\ndef target(x, y):\n    'Target.'\n    return x\nw = functools.update_wrapper(wrapper, target)\nprint(w is wrapper, wrapper.__name__, wrapper.__doc__, wrapper(1, 2, 3))\n",
    "def counted(fn):\n    def wrapper(*args):\n        wrapper.calls += 1\n        return fn(*args)\n    wrapper.calls = 0\n    return wrapper\n@counted\ndef sq(x):\n    return x * x\nsq(2)\nsq(3)\nprint(sq.calls, sq.__name__)\n",
    "def f():\n    def g():\n        return x\n    c = g.__closure__[0]\n    print(c)\n    r = None\n    x = 1\n    print(c.cell_contents, c)\n    return g\nh = f()\nh.__closure__[0].cell_contents = 5\nprint(h())\n",
    "def f():\n    def g():\n        return x\n    return g.__closure__[0].cell_contents\n    x = 1\nf()\n",
    "def f():\n    def g():\n        return x\n    g()\n    x = 1\nf()\n",
    "def f():\n    print(x)\n    x = 1\nf()\n",
    "def f():\n    def g():\n        return x\n    print(x)\n    x = 1\nf()\n",
    "@1\ndef f():\n    pass\n",
    "def deco():\n    pass\n@deco\ndef f():\n    pass\n",
    "def deco(fn):\n    def wrapper(*args, **kwargs):\n        return fn(*args, **kwargs)\n    return wrapper\n@deco\ndef add(a, b):\n    return a + b\nprint(add(1, 2))\nadd(1, 2, 3)\n",
    "def deco(fn):\n    def wrapper(*args, **kwargs):\n        return fn(*args, **kwargs)\n    return wrapper\n@deco\ndef add(a, *, b):\n    return a + b\nadd(1, c=2)\n",
    "import functools\ndef deco(fn):\n    @functools.wraps(fn)\n    def wrapper(x):\n        return fn(x)\n    return wrapper\n@deco\ndef one(x):\n    return x\none()\n",
    "def f():\n    global g\n    def g():\n        return 1\n    def h():\n        return 2\n    return h\nh = f()\nprint(g.__qualname__, h.__qualname__, g(), h())\n",
    "def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\nprint(fact(10))\n",
    "def f(n):\n    total = 0\n    i = 0\n    while True:\n        i += 1\n        if i % 2 == 0:\n            continue\n        if i > n:\n            break\n        total += i\n    else:\n        total = -1\n    return total\nprint(f(9))\n",
    "a, b = 1, 2\nc, d = [3, 4]\ne, (f, g) = 5, (6, 7)\nprint(a, b, c, d, e, f, g)\nx, y = 1, 2, 3\n",
    "x, y = [1]\n",
    "x, y = 5\n",
    "def f():\n    \"\"\"\n    Indented\n      more\n    \"\"\"\n    pass\nprint(repr(f.__doc__))\n",
    "def f():\n    '  lead\\n  second'\nprint(repr(f.__doc__))\ng = lambda: 'no doc'\nprint(g.__doc__, g.__name__)\n",
    "def outer():\n    x = 1\n    def a():\n        return x\n    def b():\n        nonlocal x\n        x += 10\n    return a, b\na, b = outer()\nb()\nb()\nprint(a(), a.__closure__[0].cell_contents)\n",
    "def make_adders():\n    adders = []\n    for n in [1, 2, 3]:\n        def add(x, n=n):\n            return x + n\n        adders.append(add)\n    return adders\nprint([1, 2], len(make_adders()), make_adders()[2](10), make_adders()[0].__defaults__)\n",
    "def f(*args, **kwargs):\n    return args, kwargs\nprint(f(1, 2, x=3))\nprint(f(*[1, 2], **f(y=4)[1]))\nprint(f(*(1,), *range(2)))\n",
    "def f(a, b=2, *, c=3):\n    return a, b, c\nprint(f(1), f(1, c=4), f(b=5, a=0))\nf()\n",
    "print(1 + 2 * 3 - 4 // 3, 7 % 3, -7 // 2, -7 % 2, 2 ** 10, 'a' + 'b', [1] + [2], (1,) + (2,), not 0, 1 < 2 < 3, 3 > 2 > 5)\nprint('b' in 'abc', 2 in [1, 2], 5 in range(3), None is None, [] == [], len('abc'), repr('x'))\nprint(1, 2, sep='-', end='!\\n')\nprint()\nprint('no newline', end='')\n",
    "x = 1\nx += 'a'\n",
    "print(len(5))\n",
    "for i in 5:\n    pass\n",
    "print(range(3), range(1, 5, 2), print)\n",
    "def f():\n    pass\nprint(f.missing)\n",
    "def f():\n    pass\nf.__name__ = 5\n",
    "def f():\n    pass\nf.__name__ = 'renamed'\nf.__qualname__ = 'Some.renamed'\nprint(f, f.__name__)\n",
    "def f():\n    x = 1\n    return lambda: x\nc = f().__closure__[0]\nprint(c.cell_contents)\nc.nothing\n",
    "print(len(print), 1)\n",
    "y = [1, 2]\ny[0] = 5\ny[1] += 1\nprint(y, y[-1])\ny[5] = 1\n",
    "t = (1, 2)\nt[0] = 1\n",
    "def f(x):\n    return x\n@f\n@f\ndef g():\n    return 3\nprint(g(), f(f)(4))\n",
    "def deco_factory(n):\n    def deco(fn):\n        def wrapper():\n            return fn() * n\n        return wrapper\n    return deco\n@deco_factory(3)\n@deco_factory(2)\ndef one():\n    return 1\nprint(one(), one.__closure__[0].cell_contents.__closure__[1].cell_contents)\n",
    "def f():\n    x = 0\n    def g():\n        nonlocal x\n        x = x + 1\n        def h():\n            return x\n        return h\n    return g\ng = f()\nh1 = g()\nh2 = g()\nprint(h1(), h2(), h1.__closure__[0] is h2.__closure__[0])\n",
    "names = []\ndef f():\n    return 1\nnames.append(f)\nnames.append(f)\nnested = [names, (f,)]\nprint(nested)\n",
    "x = 5\ndef f():\n    global x\n    x = x + 1\n    return x\nf()\nprint(f(), x)\n",
    "s = 'abc'\nprint(s[1], s[-1])\nfor ch in s:\n    print(ch)\ns[5]\n",
    "print(undefined_name)\n",
    "def f(x):\n    return x\nf(*5)\n",
    "def f(**k):\n    return k\nf(**[1])\n",
    "def f():\n    pass\nf(1)(2)\n",
    "x = 1\nx()\n",
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


DECORATORS = {
    "trace": "def trace(fn):\n    @functools.wraps(fn)\n    def wrapper(*args, **kwargs):\n        print('call', fn.__name__, args, kwargs)\n        return fn(*args, **kwargs)\n    return wrapper\n",
    "plain": "def plain(fn):\n    def wrapper(*args, **kwargs):\n        return fn(*args, **kwargs)\n    return wrapper\n",
    "times": "def times(n):\n    def deco(fn):\n        def wrapper(*args):\n            result = None\n            for _ in range(n):\n                result = fn(*args)\n            return result\n        return wrapper\n    return deco\n",
    "tag": "def tag(label):\n    print('evaluate', label)\n    def deco(fn):\n        print('apply', label, fn.__qualname__)\n        fn.label = label\n        return fn\n    return deco\n",
}


def random_run(rng):
    """Factories of closures (loops of lambdas, nonlocal counters, default-argument captures) under random
    decorators, then module code that calls them, reads cells and metadata: late binding and its errors."""
    names = rng.sample(sorted(DECORATORS), rng.randint(0, 3))
    lines = ["import functools"] + [DECORATORS[n] for n in names]
    applied = {"trace": "@trace", "plain": "@plain", "times": f"@times({rng.randint(1, 2)})", "tag": f"@tag('t{rng.randint(1, 9)}')"}
    made = {}
    for k in range(1, rng.randint(2, 4)):
        for n in rng.sample(names, rng.randint(0, len(names))):
            lines.append(applied[n])
        params = rng.choice(["", "a", "a, b=2", "*args", "a, *, c=1"])
        fits = {"": [""], "a": ["1", "2"], "a, b=2": ["1", "1, 2"], "*args": ["", "1, 2"], "a, *, c=1": ["1", "2, c=4"]}[params]
        body = [f"def mk{k}({params}):", f"    c = {rng.choice(['0', '1', 'len(args)' if 'args' in params else 'a' if 'a' in params else '5'])}", "    fns = []"]
        body.append(f"    for i in range({rng.randint(0, 3)}):")
        body.append(rng.choice(["        fns.append(lambda: i + c)", "        fns.append(lambda i=i: i * 10)",
                                "        def g():\n            nonlocal c\n            c += i\n            return c\n        fns.append(g)",
                                "        c = c + i"]))
        body.append("    def inc(step=1):\n        nonlocal c\n        c += step\n        return c")
        body.append(f"    return {rng.choice(['inc', 'fns', 'inc, fns', 'fns[0]', 'lambda: c'])}")
        lines.append("\n".join(body))
        made[k] = fits
    for j in range(rng.randint(2, 6)):
        k = rng.choice(sorted(made))
        # Mostly arguments that fit the signature; now and then any, for call-binding errors.
        args = rng.choice(made[k]) if rng.random() < 0.85 else rng.choice(["", "1", "1, 2", "c=3", "2, c=4"])
        kind = rng.random()
        if kind < 0.3:
            lines.append(f"x{j} = mk{k}({args})")
        elif kind < 0.5:
            lines.append(f"r{j} = mk{k}({args})\nprint(r{j}, mk{k}.__name__, mk{k}.__qualname__)")
        elif kind < 0.65:
            lines.append(f"for f in mk{k}({args}):\n    print(f(), f.__closure__)")
        elif kind < 0.8:
            lines.append(f"inc = mk{k}({args})\nprint(inc(), inc({rng.randint(1, 3)}), inc.__closure__[0].cell_contents)")
        elif kind < 0.9:
            lines.append(f"print(mk{k}.__dict__, mk{k}.__doc__, mk{k}.__module__)")
        else:
            lines.append(f"print(len(mk{k}({args})))")
    return "\n".join(lines) + "\n"


def qualnames(code, names):
    """Each nested code object's qualified name: co_qualname from 3.11; in 3.10 the constant MAKE_FUNCTION gets
    right after the code (LOAD_CONST code, LOAD_CONST qualname, MAKE_FUNCTION)."""
    instructions = list(dis.get_instructions(code)) if sys.version_info < (3, 11) else []
    for i, ins in enumerate(instructions):
        if ins.opname == "LOAD_CONST" and isinstance(ins.argval, types.CodeType):
            names[ins.argval] = instructions[i + 1].argval
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            if sys.version_info >= (3, 11):
                names[const] = const.co_qualname
            qualnames(const, names)
    return names


def collect(code, out, names):
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            out.append({"name": names[const], "varnames": list(const.co_varnames),
                        "cellvars": list(const.co_cellvars), "freevars": list(const.co_freevars)})
            collect(const, out, names)


def norm(text):
    text = re.sub(r" at 0x[0-9a-fA-F]+", "", text)
    return re.sub(r"<module '([^']*)' from '[^']*'>", r"<module '\1'>", text)


def r(value):
    return norm(repr(value))


HOOK = "__closures_oracle_decorator__"


def instrument(source, tree, decorators):
    """Wraps every decorator expression d (i-th in source order) as HOOK(i, d). CPython evaluates the hook call
    where it evaluates d and calls the hook's result where it applies d, so the recorded order is CPython's."""
    class Wrap(ast.NodeTransformer):
        def visit_FunctionDef(self, node):
            new = []
            for d in node.decorator_list:
                decorators.append((d.lineno, ast.get_source_segment(source, d)))
                new.append(ast.Call(ast.Name(HOOK, ast.Load()), [ast.Constant(len(decorators) - 1), d], []))
            self.generic_visit(node)
            node.decorator_list = new
            return node
    return ast.fix_missing_locations(Wrap().visit(tree))


def report_functions(ns):
    funcs, seen, cells, keep = [], set(), {}, []

    def cell_number(c):
        if id(c) not in cells:
            cells[id(c)] = len(cells) + 1
            keep.append(c)
        return cells[id(c)]

    def contents(c):
        try:
            return True, c.cell_contents
        except ValueError:
            return False, None

    def visit(v, path):
        if v is None or isinstance(v, (bool, int, str)) or id(v) in seen:
            return
        seen.add(id(v))
        keep.append(v)
        if isinstance(v, types.FunctionType):
            if v.__code__.co_filename != "<closures>":
                return
            closure = v.__closure__ or ()
            funcs.append({"path": path, "name": v.__name__, "qualname": v.__qualname__, "doc": r(v.__doc__),
                          "module": r(v.__module__), "dict": {k: r(x) for k, x in v.__dict__.items()},
                          "closure": [{"variable": v.__code__.co_freevars[i], "cell": cell_number(c),
                                       "contents": r(contents(c)[1]) if contents(c)[0] else None}
                                      for i, c in enumerate(closure)]})
            for k, x in list(v.__dict__.items()):
                visit(x, f"{path}.{k}")
            for i, c in enumerate(closure):
                full, x = contents(c)
                if full:
                    visit(x, f"{path}.__closure__[{i}].cell_contents")
        elif isinstance(v, types.CellType):
            cell_number(v)
            full, x = contents(v)
            if full:
                visit(x, f"{path}.cell_contents")
        elif isinstance(v, (list, tuple)):
            for i, x in enumerate(v):
                visit(x, f"{path}[{i}]")
        elif isinstance(v, dict):
            for k, x in v.items():
                visit(x, f"{path}[{k!r}]")

    for name, value in ns.items():
        if name not in ("__name__", "__builtins__"):
            visit(value, name)
    return funcs


def execute(source):
    decorators, events, calls = [], [], []
    code = compile(instrument(source, ast.parse(source), decorators), "<closures>", "exec")
    names = qualnames(code, {})

    def hook(index, value):
        line, text = decorators[index]
        events.append({"kind": "evaluate", "line": line, "decorator": text, "target": None, "value": r(value)})

        def apply(fn):
            event = {"kind": "apply", "line": line, "decorator": text, "target": r(fn), "value": None}
            events.append(event)
            result = value(fn)
            event["value"] = r(result)
            return result
        return apply

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != "<closures>" or frame.f_code.co_name == "<module>":
            return None
        raised = [False]

        def local(frame, event, arg):
            if event == "exception":
                raised[0] = True
            elif event == "return":
                f_locals = frame.f_locals
                free = {n: r(f_locals[n]) for n in frame.f_code.co_freevars if n in f_locals}
                calls.append({"function": names[frame.f_code], "returned": None if raised[0] else r(arg),
                              "freeVariables": free})
            return local
        return local

    table = dict(builtins.__dict__)
    table[HOOK] = hook
    ns = {"__name__": "__main__", "__builtins__": table}
    out = io.StringIO()
    exception = None
    with contextlib.redirect_stdout(out):
        sys.settrace(tracer)
        try:
            exec(code, ns)
        except Exception as e:
            exception = {"type": type(e).__name__, "message": norm(str(e))}
        finally:
            sys.settrace(None)
    text = norm(out.getvalue())
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return {"output": lines,
            "globals": {k: r(v) for k, v in ns.items() if k not in ("__name__", "__builtins__")},
            "functionObjects": report_functions(ns), "calls": calls, "decorators": events, "exception": exception}


def run(source):
    try:
        code = compile(source, "<closures>", "exec")
    except SyntaxError as e:
        return {"error": {"type": type(e).__name__, "message": e.msg}}
    out = []
    collect(code, out, qualnames(code, {}))
    return {"functions": out, "run": execute(source)}


def main():
    import random
    warnings.simplefilter("ignore")
    rng = random.Random(5)
    generated = []
    while len(generated) < 500:
        program = random_program(rng)
        if len(program) <= 1500:  # well inside the simulator's 4000-character limit
            generated.append(program)
    runs = [random_run(rng) for _ in range(200)]
    sources = SOURCES + RUNS + generated + runs
    cases = [{"input": {"source": s}, "expected": run(s)} for s in sources]
    version = "%d.%d" % sys.version_info[:2]
    name = f"closures-{version}.json"
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write('{"python": %s, "implementation": %s, "cases": [\n' % (json.dumps(sys.version.split()[0]), json.dumps(sys.implementation.name)))
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        f.write("\n]}\n")
    print(f"{name}: {len(cases)} cases")


main()
