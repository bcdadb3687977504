"""What an await costs compared with a plain call, on the machine's CPython.

All variants run inside one asyncio event loop (asyncio.run) and call or await
a trivial function/coroutine N times in a loop; the loop body is the only thing
that differs. timeit.default_timer brackets each batch; the best of REPEAT
batches is kept and divided by N. Prints one JSON document.
"""
import asyncio
import json
import os
import platform
import timeit

N = 200
REPEAT = 300


def plain(x):
    return x


async def coro(x):
    return x


async def variants():
    loop = asyncio.get_running_loop()
    clock = timeit.default_timer

    async def v_plain():
        t = clock()
        for i in range(N):
            plain(i)
        return clock() - t

    async def v_await_coro():
        t = clock()
        for i in range(N):
            await coro(i)
        return clock() - t

    async def v_sleep0():
        t = clock()
        for _ in range(N):
            await asyncio.sleep(0)
        return clock() - t

    async def v_future():
        t = clock()
        for i in range(N):
            fut = loop.create_future()
            loop.call_soon(fut.set_result, i)
            await fut
        return clock() - t

    async def v_task():
        t = clock()
        for i in range(N):
            await asyncio.create_task(coro(i))
        return clock() - t

    async def v_gather():
        t = clock()
        await asyncio.gather(*(coro(i) for i in range(N)))
        return clock() - t

    table = [
        ("plain function call", v_plain),
        ("await coroutine (no suspension)", v_await_coro),
        ("await asyncio.sleep(0) (one loop pass)", v_sleep0),
        ("await future resolved by call_soon", v_future),
        ("create_task + await", v_task),
        ("gather of N coroutines (per coroutine)", v_gather),
    ]
    out = []
    for name, fn in table:
        await fn()  # warm-up (specialisation, free lists)
        best = min([await fn() for _ in range(REPEAT)])
        out.append((name, best / N * 1e9))
    return out


def main():
    results = asyncio.run(variants())
    names = [n for n, _ in results]
    values = {n: v for n, v in results}
    base = values["plain function call"]
    doc = {
        "id": "async-overhead",
        "title": "Cost of await, a loop pass and task creation vs a plain call",
        "topic": "async-foundations-awaitables",
        "unit": "ns per op",
        "kind": "bar",
        "x": {"label": "operation", "values": names},
        "series": [{"name": f"CPython {platform.python_version()}", "values": [round(values[n], 1) for n in names]}],
        "ratios": {
            "await coroutine / plain call": round(values[names[1]] / base, 2),
            "sleep(0) / plain call": round(values[names[2]] / base, 1),
            "create_task + await / plain call": round(values[names[4]] / base, 1),
            "create_task + await / await coroutine": round(values[names[4]] / values[names[1]], 1),
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
            f"Each variant runs {N} times in a loop inside asyncio.run with the default event loop; "
            f"best of {REPEAT} batches after a warm-up, timed with timeit.default_timer and divided by {N}. "
            "The loop's own overhead (range iteration) is included in every bar; short batches and many repeats keep the minimum robust on a busy machine."
        ),
    }
    print(json.dumps(doc, indent=2))


if __name__ == "__main__":
    main()
