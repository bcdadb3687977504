"""What a logging call costs when it is filtered out, and when it is handled.

Each variant is timed with timeit (best of REPEAT runs of NUMBER calls) on a
dedicated logger. "Enabled" variants reach a NullHandler (no I/O) or a
StreamHandler writing formatted lines to an in-memory io.StringIO, so the
numbers measure logging's own work: the level check, LogRecord creation,
findCaller, filters, handler locks and formatting. Prints one JSON document.
"""
import io
import json
import logging
import os
import platform
import timeit

NUMBER = 200
REPEAT = 300


class Payload:
    """An argument whose str() does a little work, like a real object would."""
    def __init__(self):
        self.items = list(range(20))

    def __str__(self):
        return ",".join(map(str, self.items))


def main():
    log = logging.getLogger("bench.logging_cost")
    log.propagate = False
    log.setLevel(logging.INFO)
    null = logging.NullHandler()
    stream = logging.StreamHandler(io.StringIO())
    stream.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    value = Payload()
    env = {"log": log, "value": value, "logging": logging}

    def run(stmt, handler=None, setup=None):
        log.handlers[:] = [handler] if handler else []
        if setup:
            setup()
        try:
            t = min(timeit.repeat(stmt, number=NUMBER, repeat=REPEAT, globals=env))
        finally:
            logging.disable(logging.NOTSET)
            if handler is stream:
                stream.stream.seek(0)
                stream.stream.truncate()
        return t / NUMBER * 1e9

    cases = [
        ("debug, disabled, %-style args", "log.debug('value=%s', value)", None, None),
        ("debug, disabled, f-string", "log.debug(f'value={value}')", None, None),
        ("debug, disabled, isEnabledFor guard", "if log.isEnabledFor(logging.DEBUG): log.debug('value=%s', value)", None, None),
        ("info, logging.disable(INFO)", "log.info('value=%s', value)", null, lambda: logging.disable(logging.INFO)),
        ("info, enabled, NullHandler, %-style", "log.info('value=%s', value)", null, None),
        ("info, enabled, NullHandler, f-string", "log.info(f'value={value}')", null, None),
        ("info, enabled, formatted to StringIO", "log.info('value=%s', value)", stream, None),
    ]
    names, values = [], []
    for name, stmt, handler, setup in cases:
        names.append(name)
        values.append(run(stmt, handler, setup))
    v = dict(zip(names, values))
    doc = {
        "id": "logging-cost",
        "title": "Cost of a logging call: filtered out, handled by a NullHandler, formatted",
        "topic": "production-stdlib-logging",
        "unit": "ns per call",
        "kind": "bar",
        "x": {"label": "call", "values": names},
        "series": [{"name": f"CPython {platform.python_version()}", "values": [round(x, 1) for x in values]}],
        "ratios": {
            "disabled f-string / disabled %-style": round(v[names[1]] / v[names[0]], 2),
            "enabled NullHandler / disabled": round(v[names[4]] / v[names[0]], 1),
            "formatted to StringIO / disabled": round(v[names[6]] / v[names[0]], 1),
            "enabled f-string / enabled %-style (NullHandler)": round(v[names[5]] / v[names[4]], 2),
        },
        "environment": {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "machine": platform.machine(),
            "cpuCount": os.cpu_count(),
            "loadAverage1mBefore": round(os.getloadavg()[0], 2),
        },
        "notes": (
            f"timeit.repeat, best of {REPEAT} runs of {NUMBER} calls, on a logger at level INFO with propagate=False. "
            "The argument's __str__ joins 20 ints. Disabled calls stop at Logger.isEnabledFor (a cached dict lookup); "
            "enabled calls build a LogRecord (with findCaller) even for a NullHandler. Short runs and many repeats keep the minimum robust on a busy machine."
        ),
    }
    print(json.dumps(doc, indent=2))


if __name__ == "__main__":
    main()
