#!/usr/bin/env python3
"""Writes fixtures/mro-3.X.json: class statements run by CPython, then the target's __mro__ or the exception.

Run from the repository root with each interpreter you have, e.g.
    python3 tests/oracle/mro.py
    /root/.pyenv/versions/3.13.0/bin/python3 tests/oracle/mro.py
"""
import itertools
import json
import os
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")

# Builtin bases: every solid layout family, the plain exceptions, and the types that refuse subclassing.
BUILTINS = ["object", "int", "bool", "float", "complex", "str", "bytes", "bytearray", "list", "tuple", "dict", "set",
            "frozenset", "range", "slice", "memoryview", "type", "property", "enumerate", "BaseException", "Exception",
            "ValueError", "KeyError", "LookupError", "OSError", "FileNotFoundError", "NameError", "AttributeError",
            "StopIteration", "SyntaxError", "ImportError", "UnicodeDecodeError", "UnicodeError", "SystemExit",
            "KeyboardInterrupt", "Warning", "UserWarning", "IOError"]

SCENARIOS = [
    ("class A: pass\nclass B(A): pass", "B"),
    ("class A: pass\nclass B(A): pass\nclass C(A): pass\nclass D(B, C): pass", "D"),
    ("class A: pass\nclass B(A): pass\nclass C(A, B): pass", "C"),
    ("class A: pass\nclass B(A): pass\nclass C(B, A): pass", "C"),
    ("class A: pass\nclass C(A, A): pass", "C"),
    ("class X: pass\nclass Y: pass\nclass A(X, Y): pass\nclass B(Y, X): pass\nclass C(A, B): pass", "C"),
    ("class O: pass\nclass A(O): pass\nclass B(O): pass\nclass C(O): pass\nclass D(O): pass\nclass E(O): pass\n"
     "class K1(A, B, C): pass\nclass K2(D, B, E): pass\nclass K3(D, A): pass\nclass Z(K1, K2, K3): pass", "Z"),
    ("class F: pass\nclass E: pass\nclass D: pass\nclass C(D, F): pass\nclass B(D, E): pass\nclass A(B, C): pass", "A"),
    ("class F: pass\nclass E: pass\nclass D: pass\nclass C(D, F): pass\nclass B(E, D): pass\nclass A(B, C): pass", "A"),
    ("class A: pass\nclass B: pass\nclass C: pass\nclass D(A, B, C): pass\nclass E(C, B, A): pass\nclass F(D, E): pass", "F"),
    ("class A: pass\nclass B(A): pass\nclass C(B): pass\nclass D(C, A): pass", "D"),
    ("class A: pass\nclass B(A): pass\nclass C(B): pass\nclass D(A, C): pass", "D"),
    ("class A(object): pass\nclass B(object, A): pass", "B"),
    ("class A(object): pass\nclass B(A, object): pass", "B"),
    ("class A(int): pass\nclass B(str): pass\nclass C(A, B): pass", "C"),
    ("class A(int): pass\nclass B(int): pass\nclass C(A, B): pass", "C"),
    ("class A(int): pass\nclass B(A, float): pass", "B"),
    ("class A(list): pass\nclass B(dict): pass\nclass C(A, B): pass", "C"),
    ("class A(Exception): pass\nclass B(ValueError, A): pass", "B"),
    ("class A(Exception): pass\nclass B(A, ValueError): pass", "B"),
    ("class MyError(KeyError, IndexError): pass", "MyError"),
    ("class MyError(OSError, ValueError): pass", "MyError"),
    ("class MyError(OSError, ImportError): pass", "MyError"),
    ("class Mixin: pass\nclass MyList(Mixin, list): pass\nclass MyDict(Mixin, dict): pass", "MyDict"),
    ("class Mixin: pass\nclass MyList(Mixin, list): pass\nclass Both(MyList, dict): pass", "Both"),
    ("class B(Missing): pass", "B"),
    ("class A: pass\nclass B(A, Missing): pass", "B"),
    ("class int: pass\nclass B(int, str): pass", "B"),
    ("class A: pass\nclass A(A): pass\nclass B(A): pass", "B"),
    ("class A: pass\nclass B(A): pass\nclass C(A): pass\nclass D(B, C): pass\nclass E(C, B): pass\nclass F(D, E): pass", "F"),
    ("class A: pass\nclass B: pass\nclass C(A, B): pass\nclass D(B, A): pass\nclass E(C, D): pass", "E"),
    ("class A: pass\nclass B(A): pass\nclass C(A, B, A): pass", "C"),
    ("class A: pass\nclass B(A): pass\nclass C(B, B): pass", "C"),
    ("class A: pass\nclass B: pass\nclass C(A, B): pass\nclass D(C, B, A): pass", "D"),
    ("class A: pass\nclass B: pass\nclass C(A, B): pass\nclass D(A, C): pass", "D"),
    ("class A(object, object): pass", "A"),
    ("class A(bool): pass", "A"),
    ("class A: pass\nclass B(A, range): pass", "B"),
    ("class A(BaseException, Exception): pass", "A"),
    ("class A(Exception, BaseException): pass", "A"),
    ("class E(UnicodeError, UnicodeDecodeError): pass", "E"),
    ("class E(UnicodeDecodeError, OSError): pass", "E"),
    ("class T(tuple): pass\nclass U(T, object): pass\nclass V(U, int): pass", "V"),
    ("class A: pass\nclass B(A): pass", "A"),
    ("class A(type): pass\nclass B(A, int): pass", "B"),
    ("class P(property): pass\nclass Q(P): pass", "Q"),
    ("class A: pass\nclass B: pass\nclass C: pass\nclass D(A, B): pass\nclass E(B, C): pass\nclass F(C, A): pass\nclass G(D, E, F): pass", "G"),
    ("class A: pass\nclass B(A): pass\nclass C(A): pass\nclass D(A): pass\nclass E(B, C, D): pass\nclass F(D, C, B): pass\nclass G(E, F): pass", "G"),
]


def run(source, target):
    ns = {"__name__": "__main__"}
    try:
        exec(source, ns)
    except Exception as e:  # noqa: BLE001 - the oracle records whatever CPython raises
        return {"error": {"type": type(e).__name__, "message": str(e)}}
    return {"mro": [c.__name__ for c in ns[target].__mro__]}


def main():
    cases = [(s, t) for s, t in SCENARIOS]
    for a, b in itertools.product(BUILTINS, repeat=2):
        cases.append((f"class C({a}, {b}): pass", "C"))
    for a in BUILTINS:
        cases.append((f"class A: pass\nclass C(A, {a}): pass", "C"))
        cases.append((f"class A({a}): pass\nclass C(A): pass", "C") if a not in ("bool", "range", "slice", "memoryview") else (f"class C({a}): pass", "C"))
    out = [{"input": {"source": s, "target": t}, "expected": run(s, t)} for s, t in cases]
    version = "%d.%d" % sys.version_info[:2]
    name = f"mro-{version}.json"
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write('{"python": %s, "implementation": %s, "cases": [\n' % (json.dumps(sys.version.split()[0]), json.dumps(sys.implementation.name)))
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in out))
        f.write("\n]}\n")
    print(f"{name}: {len(out)} cases, {sum('error' in c['expected'] for c in out)} errors")


main()
