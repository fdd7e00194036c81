"""Shared by the robustness tests: the hostile parameter sets the fuzzing sends (generated from a
fixed seed), and what a page shows."""

from __future__ import annotations

import random

from streamlit.testing.v1 import AppTest

KEYS = ("j", "y", "g", "lang", "u", "c", "a")
HOSTILE = (
    "",
    " ",
    "0",
    "-1",
    "1900",
    "2014",
    "2025",
    "99999",
    "2021.0",
    "2021 ",
    "٢٠٢١",
    "1e3",
    "NaN",
    "None",
    "null",
    "true",
    "[]",
    "{}",
    "../../etc/passwd",
    "' OR '1'='1",
    "1; DROP TABLE unit; --",
    "$year",
    '" UNION SELECT *',
    "%00",
    "\x00",
    "\u202e2021",
    "\u200b",
    "Lào Cai",
    "lao-cai",
    "vn",
    "demo-01",
    "demo-99",
    "province",
    "commune",
    "department",
    "district",
    "en",
    "vi",
    "fr",
    "so-noi-vu",
    "CDDH",
    "TD",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "<script>alert(1)</script>",
    "x" * 5000,
    "ű" * 300,
    "2021" * 50,
)


def hostile_params(rng: random.Random, valid: dict[str, list[str]]) -> dict:
    """One generated parameter set: known keys with valid, hostile or repeated values, and
    unknown keys."""
    params: dict = {}
    for key in rng.sample(KEYS, rng.randint(0, len(KEYS))):
        pool = valid.get(key, []) + list(HOSTILE)
        roll = rng.random()
        if roll < 0.15:
            params[key] = [rng.choice(pool) for _ in range(rng.randint(2, 4))]  # repeated key
        elif roll < 0.45 and valid.get(key):
            params[key] = rng.choice(valid[key])
        else:
            params[key] = rng.choice(HOSTILE)
    for _ in range(rng.choice((0, 0, 1, 2))):
        params[rng.choice(("q", "page", "y2", "J", "utm_source", "ý", "<b>", "x" * 300))] = rng.choice(HOSTILE)
    return params


def rendered_text(at: AppTest) -> str:
    """Everything the visitor reads, to look for a traceback shown as text."""
    kinds = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "code", "text")
    return "\n".join(str(e.value) for kind in kinds for e in getattr(at, kind))


def fuzz_page(page: str, db: str, seed: int, count: int, valid: dict[str, list[str]]) -> list:
    """Open `page` in a new session with each of `count` generated parameter sets; the failures
    (parameters, exceptions, errors): the page raised, showed an error or a traceback, or drew nothing."""
    import os

    from parindex.bench import open_page

    os.environ["PARINDEX_DB"] = db
    rng = random.Random(f"{seed}-{page}")
    failures = []
    for _ in range(count):
        params = hostile_params(rng, valid)
        at = open_page(page, params)
        if at.exception or at.error or "Traceback" in rendered_text(at) or not (at.title or at.info):
            failures.append((page, params, [e.value for e in at.exception], [e.value for e in at.error]))
    return failures
