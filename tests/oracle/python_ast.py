#!/usr/bin/env python3
"""Writes fixtures/python-ast.json: the Pynsights Python subset against CPython's own parser.

Run with the machine's CPython 3.11 from the repository root:
    python3 tests/oracle/python_ast.py
Each accepted snippet carries ast.dump(tree) (3.11 format, no positions) and ast.dump(tree, include_attributes=True);
each rejected snippet the SyntaxError subclass and line CPython's ast.parse reports.
"""
import ast
import json
import os
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")

ACCEPTED = [
    # literals
    "1", "0", "1_000_000", "0x1F", "0o17", "0b1010", "1.5", ".5", "5.", "1e10", "1.5e-3", "3j", "1.5j", "10**100",
    "'a'", '"b"', "'''tri\nple'''", "b'bytes'", "rb'\\d'", "r'\\n'", "u'unicode'", "'a' 'b'", "'é'", "'\\x41\\n'",
    "None", "True", "False", "...",
    # names, attributes, subscripts, slices
    "x", "x.y", "x.y.z", "(a).b", "x[0]", "x[1:2]", "x[:]", "x[::2]", "x[1:2:3]", "x[a, b]", "x[1:2, ::3]", "x[i][j]",
    "x[-1]", "x[:-1]", "f()[0].a",
    # operators and precedence
    "a + b * c", "(a + b) * c", "a - b - c", "a ** b ** c", "-a ** b", "-x", "+x", "~x", "not x", "a // b % c @ d",
    "a << b >> c", "a & b | c ^ d", "a | b & c", "a + b << c", "a and b or c", "a or b and c", "not a and b",
    "a and b and c", "a or b or c", "a < b", "a < b <= c", "a == b != c", "a is b", "a is not b", "a in b",
    "a not in b", "a > b >= c", "x if c else y", "a if b else c if d else e", "lambda: 0", "lambda x: x + 1",
    "lambda x, y=2, *a, k, **kw: x", "lambda *, k=1: k", "lambda a, /, b: a", "-1", "- - 1", "2 * -3",
    # displays and comprehensions
    "()", "(1,)", "(1, 2)", "1, 2", "[]", "[1, 2, 3]", "[1, 2,]", "{}", "{1: 2}", "{1: 2, 'a': b}", "{**a, 'b': 1}",
    "{1, 2}", "{*a, 1}", "[*a, *b]", "(*a, b)", "[x for x in y]", "[x for x in y if x if z]",
    "[x * y for x in a for y in b]", "{x for x in y}", "{k: v for k, v in items}", "(x for x in y)",
    "[(a, b) for a, b in c]", "[x for *a, x in y]", "[x for x in (lambda: y)()]",
    # calls
    "f()", "f(1)", "f(1, 2)", "f(a, b=1)", "f(*args)", "f(**kw)", "f(*a, **k)", "f(a, *b, c, d=1, *e, **f)",
    "f(x for x in y)", "f(a)(b)", "f(a=1, *b)", "f(**a, b=1)", "f(1,)", "f.g(x).h",
    # statements
    "pass", "x = 1", "x = y = 2", "a, b = b, a", "a, *b = c", "[a, b] = c", "(a, b) = c", "x.y = 1", "x[0] = 1",
    "x += 1", "x -= 1", "x *= 2", "x /= 2", "x //= 2", "x %= 2", "x **= 2", "x @= y", "x &= y", "x |= y", "x ^= y",
    "x <<= 1", "x >>= 1", "x.y += 1", "x[0] -= 1", "x: int", "x: int = 1", "(x): int = 1", "x.y: int = 1",
    "a = 1; b = 2", "a = 1;", "global x", "global x, y", "f(x)\ng(y)\n", "x = (1,\n     2)\n", "x = 1 + \\\n    2\n",
    "# comment\nx = 1  # trailing\n", "\n\nx = 1\n\n",
    "if x:\n    pass\n", "if x: pass\n", "if x:\n    a\nelif y:\n    b\nelse:\n    c\n",
    "if x:\n    a\nelif y:\n    b\nelif z:\n    c\n", "while x:\n    x -= 1\n", "while x:\n    break\nelse:\n    y\n",
    "for x in y:\n    continue\n", "for a, b in c:\n    pass\nelse:\n    d\n", "for x in 1, 2:\n    pass\n",
    "for *a, b in c:\n    pass\n", "for x.y in z:\n    pass\n", "*a = b", "*a, *b = c", "x = *a, b", "for *a in b:\n    pass\n",
    # functions
    "def f():\n    pass\n", "def f(a, b):\n    return a + b\n", "def f(a, b=2):\n    return\n",
    "def f(a, /, b, *, c):\n    pass\n", "def f(a=1, /, b=2, *args, c, d=4, **kw):\n    pass\n",
    "def f(*args, **kwargs):\n    pass\n", "def f(a: int, b: str = 'x') -> bool:\n    pass\n",
    "def f(*a: int, **k: str):\n    pass\n", "def f(a, b, /):\n    pass\n", "def f(*, a):\n    pass\n",
    "def f(a,):\n    pass\n", "@d\ndef f():\n    pass\n", "@a\n@b.c(1)\ndef f():\n    pass\n",
    "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n    return inner\n",
    "def f(): return 1\n", "def f():\n    '''doc'''\n    return None\n",
    "def f(x, y):\n    if x:\n        return y\n    return -y\n",
    # classes
    "class A:\n    pass\n", "class A(B):\n    pass\n", "class A(B, C):\n    pass\n", "class A(B, metaclass=M):\n    pass\n",
    "class A():\n    x = 1\n    def m(self):\n        return self.x\n", "@dataclass\nclass P:\n    x: int\n    y: int = 0\n",
    "class A(*bases, **kw):\n    pass\n", "class A: pass\nclass B(A): pass\n",
    # match
    "match x:\n    case 1:\n        pass\n", "match x:\n    case -1:\n        pass\n",
    "match x:\n    case 1 + 2j:\n        pass\n", "match x:\n    case -1 - 2j:\n        pass\n",
    "match x:\n    case 'a' | 'b':\n        pass\n", "match x:\n    case None:\n        pass\n    case True:\n        pass\n",
    "match x:\n    case _:\n        pass\n", "match x:\n    case y:\n        pass\n",
    "match x:\n    case [a, b, *rest]:\n        pass\n", "match x:\n    case (a, b):\n        pass\n",
    "match x:\n    case a, b:\n        pass\n", "match x:\n    case [*_, last]:\n        pass\n",
    "match x:\n    case ():\n        pass\n", "match x:\n    case []:\n        pass\n", "match x:\n    case (a):\n        pass\n",
    "match x:\n    case {'k': v, **rest}:\n        pass\n", "match x:\n    case {1: _, C.d: e}:\n        pass\n",
    "match x:\n    case {}:\n        pass\n", "match x:\n    case Point(x=0, y=0):\n        pass\n",
    "match x:\n    case Point(1, y=2):\n        pass\n", "match x:\n    case a.b.C():\n        pass\n",
    "match x:\n    case Color.RED:\n        pass\n", "match x:\n    case [1, 2] as whole:\n        pass\n",
    "match x:\n    case (1 | 2) as n if n > 1:\n        pass\n", "match x, y:\n    case a, b:\n        pass\n",
    "match x:\n    case int() | str():\n        pass\n", "match x:\n    case {'a': [1, {'b': c}]}:\n        pass\n",
    "match x:\n    case *a, b:\n        pass\n", "match x:\n    case (*a,):\n        pass\n", "match x:\n    case b'x':\n        pass\n",
    "match = 1", "match.x = 2", "match(x)", "case = 3", "_ = 1", "print(match, case)",
    "match x:\n    case 1: pass\n    case 2: pass\n",
]

REJECTED = [
    "x = ", "1 = x", "f() = 1", "a + b = c", "x = 1 = 2", "(a, 1) = b", "x +=", "(a, b) += 1", "[a] += 1",
    "def f(a=1, b):\n    pass\n", "def f(*):\n    pass\n", "def f(*, **k):\n    pass\n", "def f(/, a):\n    pass\n",
    "def f(a, /, b, /):\n    pass\n", "def f(*a, /):\n    pass\n", "def f(**k, a):\n    pass\n", "def f(*a, *b):\n    pass\n",
    "def f():\npass\n", "if x:\npass\n", "  x = 1\n", "if x:\n    a\n  b\n", "f(a=1, b)", "f(**k, a)", "f(**k, *a)",
    "f(x for x in y, 1)", "f(1, x for x in y)", "f(a.b=1)", "x = (1, 2", "x = [1, 2)", "x = 1)", "'abc", "'''abc",
    "x = $", "class A(:\n    pass\n", "for x in:\n    pass\n", "for 1 in x:\n    pass\n", "while:\n    pass\n",
    "lambda x: = 1", "x if y", "a b", "def f()\n    pass\n", "a, b: int", "(*a) = 1",
    "match x:\n    case a as _:\n        pass\n", "match x:\n    case Point(x=1, 2):\n        pass\n",
    "x = 1\n  y = 2\n", "if x:\n    pass\n  else:\n    pass\n", "def f(a, (b, c)):\n    pass\n", "x.1", "1x = 2",
    "f(*)", "[x for x in]", "{1: }", "(x for x)", "def f(**k=1):\n    pass\n",
]

UNSUPPORTED = [
    "import os", "from a import b", "try:\n    pass\nexcept E:\n    pass\n", "with a:\n    pass\n", "raise E",
    "del x", "assert x", "async def f():\n    pass\n", "def g():\n    yield 1\n", "f'{x}'", "(y := 1)", "x[*a]",
]


ALPHABET = "()[]{}:;,.=+-*/%@&|^~<>!'\"\\#\n\t abcxyz_019eEjJrbuf*lambda if else for in not is match case def class return"


def mutations(count):
    """Seeded random edits of the corpus: what CPython's parser says about each (the differential test's oracle)."""
    import random
    rng = random.Random(2026)
    sources = ACCEPTED + REJECTED
    out = []
    while len(out) < count:
        chars = list(rng.choice(sources))
        for _ in range(rng.randint(1, 3)):
            at = rng.randint(0, len(chars))
            kind = rng.randint(0, 2)
            if kind == 0 and chars:
                del chars[min(at, len(chars) - 1)]
            elif kind == 1:
                chars.insert(at, rng.choice(ALPHABET))
            elif chars:
                chars[min(at, len(chars) - 1)] = rng.choice(ALPHABET)
        text = "".join(chars)
        try:
            tree = ast.parse(text)
        except SyntaxError as e:
            out.append({"source": text, "error": type(e).__name__, "line": e.lineno})
        except ValueError:
            continue  # e.g. a NUL byte: not source text
        else:
            out.append({"source": text, "dump": ast.dump(tree)})
    return out


def main():
    cases = []
    for text in ACCEPTED:
        tree = ast.parse(text)
        cases.append({"source": text, "dump": ast.dump(tree), "attributes": ast.dump(tree, include_attributes=True)})
    rejected = []
    for text in REJECTED:
        try:
            ast.parse(text)
        except SyntaxError as e:
            rejected.append({"source": text, "type": type(e).__name__, "message": e.msg, "line": e.lineno})
        else:
            raise SystemExit(f"expected a SyntaxError for {text!r}")
    unsupported = []
    for text in UNSUPPORTED:
        ast.parse(text)  # valid Python that the subset does not model yet
        unsupported.append({"source": text})
    doc = {"python": sys.version.split()[0], "implementation": sys.implementation.name,
           "cases": cases, "rejected": rejected, "unsupported": unsupported, "mutations": mutations(3000)}
    with open(os.path.join(OUT, "python-ast.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=0, ensure_ascii=False)
        f.write("\n")
    print(f"python-ast.json: {len(cases)} accepted, {len(rejected)} rejected, {len(unsupported)} unsupported, 3000 mutations")


main()
