#!/usr/bin/env python3
"""Writes CPython fixtures for the dict-probing and set-probing simulators.

    python3 tests/oracle/probing.py [interpreter ...]

With no argument it runs every interpreter of INTERPRETERS that exists (3.10, 3.11, 3.12, 3.13 on the dev box).
Each (interpreter, seed) pair runs in a child process with PYTHONHASHSEED set, because the hash secret is fixed at
start-up. The child replays each case's operations on a real dict / set and reads the tables with ctypes:

* PyDictObject (Include/cpython/dictobject.h): ma_used at +16, ma_keys at +32 (64-bit, default build).
* PyDictKeysObject, 3.10 (Objects/dict-common.h): dk_refcnt, dk_size, dk_lookup, dk_usable, dk_nentries, then
  dk_indices; entries are {me_hash, me_key, me_value}.
* PyDictKeysObject, 3.11-3.13 (Include/internal/pycore_dict.h): dk_refcnt, u8 dk_log2_size, u8
  dk_log2_index_bytes, u8 dk_kind, u32 dk_version, dk_usable, dk_nentries, then dk_indices; entries are
  {me_hash, me_key, me_value} (DICT_KEYS_GENERAL) or {me_key, me_value} (DICT_KEYS_UNICODE).
* PySetObject (Include/cpython/setobject.h): fill +16, used +24, mask +32, table +40, finger +56; setentry
  {key, hash}; the dummy is the entry with hash -1.

used, log2Size, usable, nentries, kind, indices, entries, iterationOrder, getsizeof (and mask, fill, used, table for
sets) are read from the interpreter. The probe lists cannot be observed (no Python code runs while CPython walks
the index), so they are recomputed here from the hash and the table read *before* the operation (or, for a new dict
key, from the table read after it, with the written slot as the end of find_empty_slot's walk, which must be the
slot CPython actually wrote: the script asserts it).
"""
import ctypes
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")
INTERPRETERS = [
    "/root/.pyenv/versions/3.10.13/bin/python3",
    "/root/.pyenv/versions/3.11.7/bin/python3",
    "/root/.pyenv/versions/3.12.1/bin/python3",
    "/root/.pyenv/versions/3.13.0/bin/python3",
]
MASK64 = (1 << 64) - 1
SUMMARY_FIELDS = {"used", "log2Size", "usable", "nentries", "kind", "getsizeof", "mask", "fill", "error"}
PERTURB_SHIFT = 5
LINEAR_PROBES = 9


def op(name, key=None, value=None):
    o = {"op": name}
    if key is not None:
        o["key"] = key
    if value is not None:
        o["value"] = value
    return o


def ranged(name, key, value, start, stop, step=1):
    """A run of operations written compactly in "scale-" fixtures: key (and value) with {i} for i in range(...)."""
    r = {"op": name, "key": key, "from": start, "to": stop, "step": step}
    if value is not None:
        r["value"] = value
    return r


def expand(ranges):
    ops = []
    for r in ranges:
        for i in range(r["from"], r["to"], r["step"]):
            ops.append(op(r["op"], r["key"].replace("{i}", str(i)), r["value"].replace("{i}", str(i)) if "value" in r else None))
    return ops


def sets(keys, value="0"):
    return [op("set", k, value) for k in keys]


def dict_cases(minor):
    """(name, seeds, operations)."""
    str_seeds = [0, 1, 4294967295]
    cases = [
        ("empty", [0], []),
        ("lookups-on-empty", [0], [op("get", "1"), op("contains", "'a'"), op("get", "'x'", "5")]),
        ("collisions-mod-8", [0], sets(["0", "8", "16", "24", "32"]) + [op("get", "16"), op("contains", "40")]),
        ("dummy-reuse", [0], sets(["0", "8", "16"]) + [op("delete", "8"), op("set", "24", "'x'"), op("contains", "8"),
                                                       op("get", "16"), op("set", "8", "'back'")]),
        ("grow-ints", [0], sets([str(i) for i in range(23)])),
        ("grow-strs", str_seeds, sets([f"'k{i}'" for i in range(23)])),
        ("delete-then-resize", [0], sets(["1", "2", "3", "4", "5"]) + [op("delete", k) for k in ["1", "2", "3", "4"]]
         + sets(["6", "7", "8", "9"])),
        ("delete-all-then-insert", str_seeds, sets(["'a'", "'b'", "'c'"]) + [op("delete", "'a'"), op("pop", "'b'"),
                                                                            op("popitem")] + sets(["'d'", "'a'"])),
        ("big-ints", [0], sets(["2**61 - 1", "2**61", "2**61 + 1", "2**62", "-1", "-2", "2**64", "-(2**61)", "2**61 - 2",
                                "10**30", "-10**30"]) + [op("get", "0"), op("contains", "-1")]),
        ("non-ascii", str_seeds, sets(["'é'", "'€'", "'😀'", "'a😀'", "'ß'", "'\\u0100'", "'\\ud800'", "''"])
         + [op("get", "'€'"), op("delete", "'é'")]),
        ("tuples-frozensets", str_seeds, sets(["(1, 2)", "(1, (2, 3))", "((), ((),))", "frozenset({1, 2})",
                                               "frozenset()", "('a', b'a', 1.5)", "frozenset({(1, 2), 'x'})"])
         + [op("get", "(1, 2)"), op("contains", "frozenset({2, 1})"), op("delete", "((), ((),))")]),
        ("mixed-str-then-int", str_seeds, sets(["'a'", "'b'", "'c'"]) + sets(["1"]) + sets(["'d'"])),
        ("full-str-then-int", str_seeds, sets(["'a'", "'b'", "'c'", "'d'", "'e'"]) + sets(["1"])),
        ("str-dict-lookup-int", str_seeds, sets(["'a'", "'b'"]) + [op("contains", "1"), op("get", "2")] + sets(["'c'"])),
        ("str-delete-then-int", str_seeds, sets(["'a'", "'b'", "'c'"]) + [op("delete", "'a'")] + sets(["1", "'d'"])),
        ("shrink-on-kind-change", [0], sets([f"'k{i}'" for i in range(20)]) + [op("delete", f"'k{i}'") for i in range(18)]
         + sets(["2.5"])),
        ("str-delete-contains-int", [0], sets(["'a'", "'b'"]) + [op("delete", "'a'"), op("contains", "1")] + sets(["'c'"])),
        ("both-raise", [0], [op("set", "0.0**-1", "10.0**400")]),
        ("setdefault-on-unicode-with-dummy", [0], sets(["'a'", "'b'"]) + [op("pop", "'a'"), op("setdefault", "5", "'five'")]),
        ("int-first-then-str", str_seeds, sets(["1", "'a'", "'b'"])),
        ("popitem", str_seeds, sets(["'a'", "'b'", "'c'", "1"]) + [op("popitem"), op("popitem")] + sets(["'z'"])
         + [op("popitem")]),
        ("popitem-after-delete", [0], sets(["1", "2", "3"]) + [op("delete", "3"), op("popitem"), op("set", "4", "'v'")]),
        ("popitem-empty", [0], [op("popitem")]),
        ("popitem-emptied", [0], sets(["1"]) + [op("popitem"), op("popitem")]),
        ("setdefault", str_seeds, [op("setdefault", "'a'", "1"), op("setdefault", "'a'", "2"), op("setdefault", "'b'"),
                                   op("setdefault", "3", "[1, 2]"), op("setdefault", "3.0", "'no'")]),
        ("setdefault-full", [0], sets(["'a'", "'b'", "'c'", "'d'", "'e'"]) + [op("setdefault", "'f'", "1")]),
        ("equal-numbers", [0], sets(["1"]) + [op("set", "1.0", "'float'"), op("set", "True", "'bool'"),
                                             op("get", "(1+0j)"), op("set", "0", "'zero'"), op("set", "-0.0", "'negzero'"),
                                             op("contains", "False"), op("set", "1.5", "1.5"), op("get", "3*0.5")]),
        ("bytes-floats-complex", str_seeds, sets(["b'a'", "'a'", "b''", "1.5", "2.5e-310", "float('inf')", "1j", "1+2j"])),
        ("delete-missing", [0], sets(["1"]) + [op("delete", "'x'")]),
        ("pop-missing-tuple", [0], sets(["1"]) + [op("pop", "(1, 2)")]),
        ("pop-default", [0], sets(["1"]) + [op("pop", "2", "'dflt'"), op("pop", "1", "'dflt'"), op("pop", "1", "None")]),
        ("pop-empty-unhashable", [0], [op("pop", "[1]")]),
        ("get-default", [0], sets(["1"]) + [op("get", "2", "'dflt'"), op("get", "1", "'dflt'")]),
        ("unhashable-set", [0], sets(["1"]) + [op("set", "[1, 2]", "1")]),
        ("unhashable-get", [0], sets(["1"]) + [op("get", "{1: 2}")]),
        ("unhashable-contains", [0], sets(["1"]) + [op("contains", "{1, 2}")]),
        ("unhashable-tuple", [0], [op("setdefault", "(1, [2])")]),
        ("pop-missing-str", str_seeds, sets(["'a'"]) + [op("pop", "'b'")]),
        ("value-error", [0], sets(["1"]) + [op("set", "2", "0**-1")]),
        ("key-error-eval", [0], sets(["1"]) + [op("set", "0**-1", "1")]),
        ("many-ints", [0], sets([str(i * 7) for i in range(300)]) + [op("delete", str(i * 7)) for i in range(0, 300, 3)]
         + sets([str(i * 7 + 1) for i in range(60)])),
        ("many-strs-churn", [0, 42], sets([f"'s{i}'" for i in range(120)]) + [op("pop", f"'s{i}'") for i in range(0, 120, 2)]
         + [op("popitem") for _ in range(5)] + sets([f"'t{i}'" for i in range(70)])),
    ]
    if minor >= 12:
        # hash(None) is a constant from 3.12 (gh-99540); before it is the object's address.
        cases.append(("none-key", [0], sets(["None", "'a'"]) + [op("get", "None")]))
    # "scale-" cases keep only the sizes (see SUMMARY_FIELDS): the growth sequence at scale.
    cases.append(("scale-ints-100k", [0], [ranged("set", "{i}", "0", 0, 100_000)]))
    cases.append(("scale-strs-churn", [0], [ranged("set", "'s{i}'", "0", 0, 30_000), ranged("delete", "'s{i}'", None, 0, 30_000, 2),
                                            ranged("set", "'t{i}'", "0", 0, 20_000)]))
    return cases


def set_cases(minor):
    str_seeds = [0, 1, 4294967295]
    adds = lambda keys: [op("add", k) for k in keys]  # noqa: E731
    cases = [
        ("empty", [0], []),
        ("collisions-mod-8", [0], adds(["0", "8", "16", "24"]) + [op("contains", "16"), op("contains", "32")]),
        ("wraparound-no-linear", [0], adds(["7", "15", "23"]) + [op("contains", "31")]),
        ("linear-probes-big-table", [0], adds([str(i * 32) for i in range(12)]) + [op("contains", "384"), op("add", "1")]),
        ("resize-on-fifth", [0], adds(["1", "2", "3", "4", "5"])),
        ("grow-strs", str_seeds, adds([f"'k{i}'" for i in range(40)])),
        ("dummy-reuse", [0], adds(["0", "8", "16"]) + [op("discard", "0"), op("discard", "8"), op("add", "24"),
                                                       op("add", "0"), op("contains", "8")]),
        ("remove-missing", [0], adds(["1"]) + [op("remove", "2")]),
        ("remove-missing-tuple", [0], adds(["1"]) + [op("remove", "(1, 2)")]),
        ("discard-missing", [0], adds(["1"]) + [op("discard", "2"), op("remove", "1")]),
        ("pop-finger", [0], adds(["5", "1", "3", "7", "9"]) + [op("pop"), op("pop"), op("add", "1"), op("pop"), op("pop")]),
        ("pop-empty", [0], [op("pop")]),
        ("pop-emptied", [0], adds(["'a'"]) + [op("pop"), op("pop")]),
        ("big-ints", [0], adds(["2**61 - 1", "2**61", "-1", "-2", "2**64", "0", "10**30"])),
        ("non-ascii", str_seeds, adds(["'é'", "'€'", "'😀'", "'a😀'", "'\\ud800'"]) + [op("remove", "'€'")]),
        ("tuples-frozensets", str_seeds, adds(["(1, 2)", "(1, (2, 3))", "frozenset({1, 2})", "frozenset()"])
         + [op("contains", "frozenset({2, 1})"), op("discard", "(1, 2)")]),
        ("equal-numbers", [0], adds(["1", "1.0", "True", "0", "-0.0", "0j"]) + [op("contains", "False")]),
        ("unhashable-add", [0], adds(["1"]) + [op("add", "[1]")]),
        ("set-key-discard", [0], adds(["frozenset({1, 2})"]) + [op("contains", "{1, 2}"), op("discard", "{2, 1}"),
                                                               op("contains", "{1, 2}")]),
        ("set-key-remove-missing", [0], adds(["1"]) + [op("remove", "{1, 2}")]),
        ("dict-key-contains", [0], adds(["1"]) + [op("contains", "{1: 2}")]),
        ("fill-resize-with-dummies", [0], adds(["1", "2", "3", "4"]) + [op("discard", "1"), op("discard", "2"),
                                                                       op("add", "9"), op("add", "10"), op("add", "11")]),
        ("churn", [0, 42], adds([f"'s{i}'" for i in range(100)]) + [op("discard", f"'s{i}'") for i in range(0, 100, 2)]
         + [op("pop") for _ in range(10)] + adds([f"'t{i}'" for i in range(60)])),
        ("many-ints", [0], adds([str(i * 9) for i in range(400)]) + [op("remove", str(i * 9)) for i in range(0, 400, 5)]),
    ]
    if minor >= 12:
        cases.append(("none-key", [0], adds(["None", "'a'"]) + [op("contains", "None")]))
    # Past 50,000 keys set_add_entry grows by used*2 instead of used*4.
    cases.append(("scale-adds-80k", [0], [ranged("add", "{i}", None, 0, 80_000)]))
    return cases


# ---------------------------------------------------------------- child side: reading CPython's structures


def _i64(addr):
    return ctypes.c_int64.from_address(addr).value


def _u8(addr):
    return ctypes.c_uint8.from_address(addr).value


def _obj(addr):
    return ctypes.cast(addr, ctypes.py_object).value


def _index(base, width, i):
    t = {1: ctypes.c_int8, 2: ctypes.c_int16, 4: ctypes.c_int32, 8: ctypes.c_int64}[width]
    return t.from_address(base + i * width).value


LOOKUP_NAMES = {}


def _calibrate_310():
    """3.10 has no dk_kind: the lookup function pointer tells the kind (Objects/dictobject.c)."""
    def ptr(d):
        return _i64(_i64(id(d) + 32) + 16)
    LOOKUP_NAMES[ptr({})] = ("split", "lookdict_split")
    d = {}
    d["a"] = 1
    LOOKUP_NAMES[ptr(d)] = ("unicode", "lookdict_unicode_nodummy")
    d["b"] = 2
    del d["a"]
    LOOKUP_NAMES[ptr(d)] = ("unicode", "lookdict_unicode")
    d = {}
    d[1] = 1
    LOOKUP_NAMES[ptr(d)] = ("general", "lookdict")
    assert len(LOOKUP_NAMES) == 4


def read_dict(d):
    minor = sys.version_info[1]
    keys = _i64(id(d) + 32)
    used = _i64(id(d) + 16)
    if minor == 10:
        size = _i64(keys + 8)
        log2 = size.bit_length() - 1
        kind, lookup = LOOKUP_NAMES[_i64(keys + 16)]
        usable, nentries = _i64(keys + 24), _i64(keys + 32)
        width = 1 if size <= 0xFF else 2 if size <= 0xFFFF else 4 if size <= 0xFFFFFFFF else 8
        indices_at = keys + 40
        entries_at = indices_at + size * width
        general = True
    else:
        log2, log2_bytes, kind_code = _u8(keys + 8), _u8(keys + 9), _u8(keys + 10)
        size = 1 << log2
        kind = {0: "general", 1: "unicode", 2: "split"}[kind_code]
        lookup = None
        usable, nentries = _i64(keys + 16), _i64(keys + 24)
        width = (1 << log2_bytes) // size
        indices_at = keys + 32
        entries_at = indices_at + (1 << log2_bytes)
        general = kind_code == 0
    indices = [_index(indices_at, width, i) for i in range(size)]
    entries = []
    raw = []
    esize = 24 if general else 16
    for ix in range(nentries):
        at = entries_at + ix * esize
        if general:
            h, k, v = _i64(at), _i64(at + 8), _i64(at + 16)
        else:
            k, v = _i64(at), _i64(at + 8)
            h = hash(_obj(k)) if k else 0
        if k == 0 or v == 0:
            entries.append(None)
            raw.append(None)
        else:
            key, value = _obj(k), _obj(v)
            entries.append({"key": repr(key), "hash": str(h), "value": repr(value)})
            raw.append((h, key))
    state = {"used": used, "log2Size": log2, "usable": usable, "nentries": nentries, "kind": kind,
             "indices": indices, "entries": entries, "iterationOrder": [repr(k) for k in d], "getsizeof": sys.getsizeof(d)}
    if lookup:
        state["lookup"] = lookup
    return state, raw


def dict_lookup_probes(indices, raw, key, h):
    mask = len(indices) - 1
    i = h & mask
    perturb = h & MASK64
    probes = []
    while True:
        probes.append(i)
        ix = indices[i]
        if ix == -1:
            return probes, None
        if ix >= 0 and raw[ix] is not None and raw[ix][0] == h and (raw[ix][1] is key or raw[ix][1] == key):
            return probes, ix
        perturb >>= PERTURB_SHIFT
        i = (i * 5 + perturb + 1) & mask


def dict_index_probes(indices, h, ix):
    """lookdict_index: the walk to the slot holding entry ix."""
    mask = len(indices) - 1
    i = h & mask
    perturb = h & MASK64
    probes = []
    while True:
        probes.append(i)
        if indices[i] == ix:
            return probes
        assert indices[i] != -1
        perturb >>= PERTURB_SHIFT
        i = (i * 5 + perturb + 1) & mask


def dict_empty_slot_probes(indices_after, h, written):
    mask = len(indices_after) - 1
    i = h & mask
    perturb = h & MASK64
    probes = []
    while True:
        probes.append(i)
        if i == written or indices_after[i] < 0:
            assert i == written, (i, written)
            return probes
        perturb >>= PERTURB_SHIFT
        i = (i * 5 + perturb + 1) & mask


def error_of(e):
    return {"type": type(e).__name__, "message": str(e)}


def replay_fast(container, ops):
    """For "scale-" cases: replay without reading the table between operations (only the final sizes are kept)."""
    for o in ops:
        name = o["op"]
        key = eval(o["key"]) if "key" in o else None
        value = eval(o["value"]) if "value" in o else None
        if name == "set":
            container[key] = value
        elif name == "delete":
            del container[key]
        elif name == "add":
            container.add(key)
        else:
            raise AssertionError(name)


def child_dict(cases):
    if sys.version_info[1] == 10:
        _calibrate_310()
    out = []
    for ops, summary in cases:
        d = {}
        if summary:
            replay_fast(d, ops)
            state, _ = read_dict(d)
            out.append(state)
            continue
        probes_per_op = []
        error = None
        for o in ops:
            probes = []
            probes_per_op.append(probes)
            try:
                if o["op"] == "set":
                    # `d[k] = v` evaluates the value before the key; method calls evaluate their arguments in order.
                    value = eval(o["value"]) if "value" in o else None
                    key = eval(o["key"])
                else:
                    key = eval(o["key"]) if "key" in o else None
                    value = eval(o["value"]) if "value" in o else None
                before, raw = read_dict(d)
                name = o["op"]
                if name in ("set", "setdefault"):
                    if name == "set":
                        d[key] = value
                    else:
                        d.setdefault(key, value)
                    h = hash(key)
                    hit = dict_lookup_probes(before["indices"], raw, key, h)
                    after, _ = read_dict(d)
                    if hit[1] is not None and after["log2Size"] == before["log2Size"] and after["nentries"] == before["nentries"]:
                        probes.extend(hit[0])
                    else:
                        # A new key: find_empty_slot's walk in the (possibly resized) table, ending where CPython wrote.
                        new_ix = after["nentries"] - 1
                        written = after["indices"].index(new_ix)
                        probes.extend(dict_empty_slot_probes(after["indices"], h, written))
                elif name in ("get", "contains", "delete"):
                    h = hash(key)
                    probes.extend(dict_lookup_probes(before["indices"], raw, key, h)[0])
                    if name == "get":
                        d.get(key, value)
                    elif name == "contains":
                        _ = key in d
                    else:
                        del d[key]
                elif name == "pop":
                    if before["used"] > 0:
                        h = hash(key)
                        probes.extend(dict_lookup_probes(before["indices"], raw, key, h)[0])
                    if "value" in o:
                        d.pop(key, value)
                    else:
                        d.pop(key)
                elif name == "popitem":
                    if before["used"] > 0:
                        i = max(ix for ix, r in enumerate(raw) if r is not None)
                        probes.extend(dict_index_probes(before["indices"], raw[i][0], i))
                    d.popitem()
                else:
                    raise AssertionError(name)
            except Exception as e:  # noqa: BLE001 - the fixture records CPython's exception
                error = error_of(e)
                break
        state, _ = read_dict(d)
        state["probes"] = probes_per_op
        if error:
            state["error"] = error
        out.append(state)
    return out


def read_set(s):
    at = id(s)
    fill, used, mask, table, finger = _i64(at + 16), _i64(at + 24), _i64(at + 32), _i64(at + 40), _i64(at + 56)
    slots = []
    raw = []
    for i in range(mask + 1):
        k, h = _i64(table + 16 * i), _i64(table + 16 * i + 8)
        if k == 0:
            slots.append(None)
            raw.append(None)
        elif h == -1:
            slots.append("<dummy>")
            raw.append("dummy")
        else:
            key = _obj(k)
            slots.append(repr(key))
            raw.append((h, key))
    return {"mask": mask, "fill": fill, "used": used, "table": slots, "iterationOrder": [repr(k) for k in s],
            "getsizeof": sys.getsizeof(s), "finger": finger}, raw


def set_walk(raw, key, h):
    mask = len(raw) - 1
    i = h & mask
    perturb = h & MASK64
    probes = []
    while True:
        linear = LINEAR_PROBES if i + LINEAR_PROBES <= mask else 0
        for j in range(linear + 1):
            slot = i + j
            probes.append(slot)
            r = raw[slot]
            if r is None:
                return probes
            if r != "dummy" and r[0] == h and (r[1] is key or r[1] == key):
                return probes
        perturb >>= PERTURB_SHIFT
        i = (i * 5 + 1 + perturb) & mask


def child_set(cases):
    out = []
    for ops, summary in cases:
        s = set()
        if summary:
            replay_fast(s, ops)
            state, _ = read_set(s)
            out.append(state)
            continue
        probes_per_op = []
        error = None
        for o in ops:
            probes = []
            probes_per_op.append(probes)
            try:
                key = eval(o["key"]) if "key" in o else None
                before, raw = read_set(s)
                name = o["op"]
                if name == "pop":
                    if before["used"] > 0:
                        slot = before["finger"] & before["mask"]
                        while True:
                            probes.append(slot)
                            if raw[slot] not in (None, "dummy"):
                                break
                            slot = (slot + 1) & before["mask"]
                    s.pop()
                    continue
                probe_key = key
                if isinstance(key, set):
                    probe_key = frozenset(key)  # set_contains/set_discard retry with a frozenset (Objects/setobject.c)
                if name != "add" or True:
                    try:
                        h = hash(probe_key)
                        probes.extend(set_walk(raw, probe_key, h))
                    except TypeError:
                        pass
                if name == "add":
                    s.add(key)
                elif name == "discard":
                    s.discard(key)
                elif name == "remove":
                    s.remove(key)
                elif name == "contains":
                    _ = key in s
                else:
                    raise AssertionError(name)
            except Exception as e:  # noqa: BLE001
                error = error_of(e)
                break
        state, _ = read_set(s)
        del state["finger"]
        state["probes"] = probes_per_op
        if error:
            state["error"] = error
        out.append(state)
    return out


# ---------------------------------------------------------------- parent side


def run_child(python, seed, func, arg):
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    code = (f"import json, sys; sys.path.insert(0, {HERE!r}); import probing; "
            f"print(json.dumps(probing.{func}(json.loads(sys.stdin.read())), ensure_ascii=False))")
    done = subprocess.run([python, "-c", code], input=json.dumps(arg), env=env, capture_output=True, text=True,
                          check=True, encoding="utf-8")
    return json.loads(done.stdout)


def version_of(python):
    out = subprocess.run([python, "-c", "import sys; print(sys.version.split()[0], sys.version_info[1])"],
                         capture_output=True, text=True, check=True).stdout.split()
    return out[0], int(out[1])


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    pythons = sys.argv[1:] or [p for p in INTERPRETERS if os.path.exists(p)]
    for python in pythons:
        full, minor = version_of(python)
        for sim, cases_of, child in (("dict-probing", dict_cases, "child_dict"), ("set-probing", set_cases, "child_set")):
            cases = cases_of(minor)
            out = []
            seeds = sorted({s for _, ss, _ in cases for s in ss})
            for seed in seeds:
                chosen = [(n, ops) for n, ss, ops in cases if seed in ss]
                results = run_child(python, seed, child,
                                    [[expand(ops) if name.startswith("scale-") else ops, name.startswith("scale-")] for name, ops in chosen])
                for (name, ops), expected in zip(chosen, results):
                    if name.startswith("scale-"):
                        expected = {k: v for k, v in expected.items() if k in SUMMARY_FIELDS}
                    field = "ranges" if name.startswith("scale-") else "operations"
                    out.append({"name": name, "hashSeed": seed, field: ops, "expected": expected})
            path = os.path.join(FIXTURES, f"{sim}-3.{minor}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump({"python": full, "cases": out}, f, ensure_ascii=False, separators=(",", ":"))
                f.write("\n")
            print(path, len(out))


if __name__ == "__main__":
    main()
