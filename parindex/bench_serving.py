"""`python -m parindex bench --serving`: page views per second and page time with 1, 2 and 3
replicas behind nginx (the deployment of deploy/, started by parindex.stack on this machine).

A page view here is what a reader's click costs the server: over the session's WebSocket
(through nginx, TLS), the browser asks for a rerun of a page with its address's filters and the
server runs the dashboard script and streams the page back, ending with `script_finished`. The
simulated readers speak that protocol (Streamlit's own protobuf messages) without drawing
anything, so the measure is the servers', not Chromium's: each opens a session, then clicks
through the pages one after another, as fast as the answers come (closed loop), for a fixed
time. Writes bench/results/serving-<time>.json and .md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import ssl
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from parindex.bench import RESULTS_DIR, machine

# The pages a reader clicks through, with the view's filters (the 99 communes: the largest view).
VIEWS = [
    ("", "g=commune"),
    ("xep-hang", "g=commune"),
    ("tieu-chi", "g=commune"),
    ("xu-huong", "g=commune"),
    ("toan-quoc", ""),
    ("don-vi", "u=so-noi-vu&y=2024"),
    ("so-sanh", "u=so-noi-vu&u=so-tai-chinh&y=2024"),
    ("du-lieu", ""),
]


def _client_state(page: str, query: str, url: str):
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query
    state.page_name = page
    state.context_info.url = f"{url}/{page}"
    state.context_info.timezone = "Asia/Ho_Chi_Minh"
    state.context_info.locale = "vi-VN"
    return msg.SerializeToString()


async def reader(
    url: str, views: list[tuple[str, str]], until: float, times: list[float], errors: list[str], offset: int
) -> None:
    """One reader: a session through nginx, clicking through the pages until `until`."""
    import websockets
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the stack's throw-away certificate
    ws_url = url.replace("https://", "wss://") + "/_stcore/stream"
    step = offset
    while time.monotonic() < until:
        try:
            async with websockets.connect(
                ws_url, ssl=context, subprotocols=["streamlit"], max_size=None, open_timeout=30
            ) as socket:
                while time.monotonic() < until:
                    page, query = views[step % len(views)]
                    step += 1
                    started = time.perf_counter()
                    await socket.send(_client_state(page, query, url))
                    while True:
                        msg = ForwardMsg()
                        msg.ParseFromString(await asyncio.wait_for(socket.recv(), timeout=120))
                        kind = msg.WhichOneof("type")
                        if kind == "delta" and msg.delta.new_element.WhichOneof("type") == "exception":
                            errors.append(f"{page}?{query}: {msg.delta.new_element.exception.message[:200]}")
                        if kind == "script_finished":
                            break
                    times.append(time.perf_counter() - started)
        except (TimeoutError, OSError, websockets.exceptions.WebSocketException) as error:
            errors.append(f"{type(error).__name__}: {error}")
            await asyncio.sleep(0.5)


async def load(url: str, readers: int, seconds: float, warmup: float) -> dict:
    """`readers` simulated readers for `seconds` after `warmup` seconds not counted."""
    times: list[float] = []
    errors: list[str] = []
    started = time.monotonic()
    until = started + warmup + seconds
    tasks = [asyncio.create_task(reader(url, VIEWS, until, times, errors, i)) for i in range(readers)]
    await asyncio.sleep(warmup)
    counted_from = len(times)
    await asyncio.gather(*tasks)
    measured = times[counted_from:]
    ordered = sorted(measured)
    return {
        "readers": readers,
        "seconds": seconds,
        "views": len(measured),
        "views_per_second": len(measured) / seconds,
        "median_ms": statistics.median(ordered) * 1000 if ordered else None,
        "p95_ms": ordered[int(0.95 * (len(ordered) - 1))] * 1000 if ordered else None,
        "errors": errors[:20],
        "error_count": len(errors),
    }


def measure(db: Path, replica_counts: list[int], readers: int, seconds: float, warmup: float) -> list[dict]:
    from parindex.stack import Stack

    rows = []
    for count in replica_counts:
        with tempfile.TemporaryDirectory(prefix="parindex-serving-") as folder:
            stack = Stack(Path(folder), db, replicas=count).start(with_writer=False)
            try:
                load_before = os.getloadavg()[0]
                row = asyncio.run(load(stack.url, readers, seconds, warmup))
                row.update(replicas=count, load_before=load_before, load_after=os.getloadavg()[0])
                rows.append(row)
                print(
                    f"{count} replica(s): {row['views_per_second']:.1f} views/s, median {row['median_ms']:.0f} ms, "
                    f"p95 {row['p95_ms']:.0f} ms, {row['error_count']} errors",
                    flush=True,
                )
            finally:
                stack.stop()
    return rows


def markdown(result: dict) -> str:
    info = result["machine"]
    lines = [
        f"Machine: {info['nproc']} cores ({info['cpu']}), Python {info['python']}; {result['when']}.",
        "",
        (
            f"{result['readers']} simulated readers through nginx (TLS, the deploy/ site), each clicking through "
            f"{len(VIEWS)} pages of the communes' view as fast as the answers come; {result['seconds']:.0f} s "
            f"measured after {result['warmup']:.0f} s of warm-up."
        ),
        "",
        "| replicas | page views per second | median page time | p95 page time | errors "
        "| load average before → after |",
        "| ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in result["rows"]:
        lines.append(
            f"| {row['replicas']} | {row['views_per_second']:.1f} | {row['median_ms']:.0f} ms | "
            f"{row['p95_ms']:.0f} ms | {row['error_count']} | {row['load_before']:.1f} → {row['load_after']:.1f} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    from parindex.build import build
    from parindex.paths import DATA_DIR

    parser = argparse.ArgumentParser(prog="python -m parindex bench --serving")
    parser.add_argument("--replicas", default="1,2,3", help="replica counts to measure (default 1,2,3)")
    parser.add_argument("--readers", type=int, default=10, help="simulated readers at once (default 10)")
    parser.add_argument("--seconds", type=float, default=30, help="measured time per replica count (default 30)")
    parser.add_argument("--warmup", type=float, default=10, help="time not counted, first (default 10)")
    args = parser.parse_args(argv)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    db = RESULTS_DIR / "serving.duckdb"
    build(DATA_DIR, db)
    rows = measure(db, [int(n) for n in args.replicas.split(",")], args.readers, args.seconds, args.warmup)
    result = {
        "machine": machine(),
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "readers": args.readers,
        "seconds": args.seconds,
        "warmup": args.warmup,
        "rows": rows,
    }
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    (RESULTS_DIR / f"serving-{stamp}.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    (RESULTS_DIR / f"serving-{stamp}.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))
    return 0
