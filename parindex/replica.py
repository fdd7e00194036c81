"""The served application: the dashboard (dashboard.py) with a readiness route, `/healthz`.

`python -m parindex serve` runs this file with `streamlit run`, which finds the `st.App` below
and serves the dashboard through it. /healthz answers 200 with a small JSON body when the
database can be read and 503 when it cannot (parindex.serving.readiness), for the IT centre's
monitoring, the container's HEALTHCHECK and the replica unit's start (`parindex ready --url`).
"""

import streamlit as st
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse
from starlette.routing import Route

from parindex import serving
from parindex.paths import ROOT


async def healthz(request):
    answer = await run_in_threadpool(serving.readiness)  # DuckDB work off the event loop
    return JSONResponse(answer, status_code=200 if answer["ready"] else 503, headers={"Cache-Control": "no-store"})


app = st.App(ROOT / "dashboard.py", routes=[Route("/healthz", healthz)])
