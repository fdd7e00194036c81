"""Committing imports: the log, surviving a rebuild, publishing, the export, and atomicity under
load (a reader process during 50 imports) and under SIGKILL (20 trials at random moments)."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fixture_data import write_fixture
from import_corpus import good_files
from parindex.build import build
from parindex.db import read_only
from parindex.importing.commit import import_file, publish
from parindex.importing.plan import Options
from parindex.paths import ROOT

TESTS = Path(__file__).resolve().parent


@pytest.fixture
def setup(tmp_path) -> tuple[Path, Path]:
    data = write_fixture(tmp_path / "data")
    db = tmp_path / "db" / "par.duckdb"
    build(data, db)
    return data, db


def rows(db: Path, sql: str, params=None) -> list[tuple]:
    with read_only(db, drafts=True) as con:
        return con.execute(sql, params).fetchall()


def versioned(k: int) -> bytes:
    """Import k of a series: alpha = 40 + k/2, beta = 30 + k/2 (the reader checks they agree)."""
    return f"Tên đơn vị;Tổng điểm\nĐơn vị Alpha;{40 + k / 2}\nĐơn vị Beta;{30 + k / 2}\n".encode()


def test_every_import_is_logged_and_survives_a_rebuild(setup):
    data, db = setup
    name, content = good_files()["semicolon-comma.csv"]
    import_file(name, content, Options(2022, "department"), db, editor="Lan")
    (entry,) = rows(
        db, "SELECT editor, action, file_name, sha256, rows, status, year, unit_group, replaced FROM import_log"
    )
    import hashlib

    assert entry == ("Lan", "import", name, hashlib.sha256(content).hexdigest(), 3, "draft", 2022, "department", False)
    before = rows(db, "SELECT unit_id, total, import_id FROM result WHERE assessment_id LIKE '%2022%' ORDER BY 1")
    os.utime(data / "units.csv")  # a source changed: the app would rebuild
    build(data, db)
    assert (
        rows(db, "SELECT unit_id, total, import_id FROM result WHERE assessment_id LIKE '%2022%' ORDER BY 1") == before
    )
    assert len(rows(db, "SELECT * FROM import_log")) == 1
    assert rows(db, "SELECT status FROM assessment WHERE year = 2022") == [("draft",)]


def test_an_import_replacing_a_source_assessment_wins_over_data_after_a_rebuild(setup):
    data, db = setup
    content = "Tên đơn vị;Tổng điểm\nĐơn vị Alpha;50\n".encode()
    import_file("a.csv", content, Options(2021, "district" if False else "department", replace=True), db, editor="x")
    build(data, db)
    assert rows(
        db,
        "SELECT r.unit_id, r.total FROM result r JOIN assessment a USING (assessment_id) "
        "WHERE a.year = 2021 AND a.unit_group = 'department'",
    ) == [("alpha", 50)]
    assert rows(
        db,
        "SELECT count(*) FROM score s JOIN assessment a USING (assessment_id) WHERE a.year = 2021 "
        "AND a.unit_group = 'department'",
    ) == [(0,)]  # the replaced assessment's scores went with it


def test_publish_sets_status_decision_and_date_and_is_logged(setup):
    _, db = setup
    import_file(*good_files()["semicolon-comma.csv"], Options(2022, "department"), db, editor="Lan")
    assessment_id = rows(db, "SELECT assessment_id FROM assessment WHERE year = 2022")[0][0]
    publish(db, assessment_id, "QĐ 456/QĐ-UBND", "2023-03-30", editor="Minh")
    assert rows(db, "SELECT status, decision_no, CAST(decision_date AS VARCHAR) FROM assessment WHERE year = 2022") == [
        ("published", "QĐ 456/QĐ-UBND", "2023-03-30")
    ]
    assert rows(db, "SELECT editor, action, status, decision_no FROM import_log ORDER BY import_id") == [
        ("Lan", "import", "draft", None),
        ("Minh", "publish", "published", "QĐ 456/QĐ-UBND"),
    ]
    assert len(rows(db, "SELECT * FROM result WHERE assessment_id = ?", [assessment_id])) == 3


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "parindex", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow  # an end-to-end trial (another program, or a whole-dataset file)
def test_export_prints_the_published_results_as_csv(setup, tmp_path):
    _, db = setup
    out = cli("export", "--year", "2021", "--group", "department", "--db", str(db))
    assert out.returncode == 0, out.stderr
    table = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [
        (r["unit_id"], r["total"], r["max_total"], r["pct_of_max"], r["rank"], r["tier_vi"], r["provenance"])
        for r in table[:3]
    ] == [
        ("alpha", "90.0", "100.0", "90.0", "1", "Từ 90 điểm", "published"),
        ("beta", "89.995", "100.0", "90.0", "2", "Từ 85 đến dưới 90", "published"),
        ("delta", "85.0", "100.0", "85.0", "3", "Từ 85 đến dưới 90", "published"),
    ]
    assert set(table[0]) >= {"unit_id", "name_vi", "total", "max_total", "pct_of_max", "rank", "tier_vi", "provenance"}
    draft = tmp_path / "d.csv"
    draft.write_bytes(versioned(1))
    assert cli("import", str(draft), "--year", "2022", "--group", "department", "--db", str(db)).returncode == 0
    hidden = cli("export", "--year", "2022", "--group", "department", "--db", str(db))
    assert (hidden.returncode, hidden.stdout) == (1, "")  # a draft is never exported


@pytest.mark.slow  # 50 imports against a reading process
def test_a_reader_process_sees_one_version_or_the_next_during_50_imports(setup, tmp_path):
    _, db = setup
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, str(TESTS / "import_reader.py"), str(db), str(stop)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        for k in range(1, 51):
            import_file("v.csv", versioned(k), Options(2022, "department", replace=k > 1), db, editor="load")
    finally:
        stop.touch()
        out, _ = reader.communicate(timeout=60)
    report = json.loads(out)
    print(report)
    assert (report["errors"], report["inconsistent"]) == (0, 0), report
    assert report["reads"] > 50 and report["versions"] > 10
    assert rows(db, "SELECT max(import_id) FROM import_log") == [(50,)]


def _import_forever(db: str, k: int) -> None:  # the child of a SIGKILL trial
    import_file("v.csv", versioned(k), Options(2022, "department", replace=True), Path(db), editor="kill")


@pytest.mark.slow  # imports killed at random moments, each a process
def test_an_import_killed_at_random_moments_leaves_the_old_or_the_new_database(setup):
    _, db = setup
    import_file("v.csv", versioned(1), Options(2022, "department"), db, editor="kill")
    # Children forked from a fresh server process (modules preloaded, no DuckDB threads of this
    # test session's to inherit: a plain fork of this process could deadlock in the child).
    server = multiprocessing.get_context("forkserver")
    server.set_forkserver_preload(["parindex.importing.commit", "test_import_commit"])
    started = time.perf_counter()
    calibration = server.Process(target=_import_forever, args=(str(db), 2))
    calibration.start()
    calibration.join()
    duration = time.perf_counter() - started  # one whole import in a child, to spread the kills over
    assert calibration.exitcode == 0
    rng = random.Random(6)
    outcomes = []
    for trial in range(20):
        before = rows(db, "SELECT max(import_id) FROM import_log")[0][0]
        child = server.Process(target=_import_forever, args=(str(db), before + 1))
        child.start()
        time.sleep(rng.uniform(0, duration * 1.5))
        child.kill()  # SIGKILL (nothing, when the import has already finished)
        child.join()
        k = rows(db, "SELECT max(import_id) FROM import_log")[0][0]  # opens: never a broken file
        assert k in (before, before + 1), (trial, before, k)
        assert rows(
            db,
            "SELECT unit_id, CAST(total AS DOUBLE) FROM result WHERE assessment_id = "
            "'tinh-a-2022-department' ORDER BY 1",
        ) == [("alpha", 40 + k / 2), ("beta", 30 + k / 2)]
        outcomes.append(k > before)
    print(f"one import {duration:.2f}s; new version after the kill in {sum(outcomes)} of 20 trials")
    assert 0 < sum(outcomes) < 20  # kills landed both before and after the swap
    import_file("v.csv", versioned(99), Options(2022, "department", replace=True), db, editor="kill")
    assert [p.name for p in db.parent.iterdir()] == ["par.duckdb"]  # the next build cleans what a kill left


def everything(db: Path) -> dict[str, list[tuple]]:
    """What a backup must carry: every assessment, result and score, by value."""
    return {
        "assessment": rows(
            db,
            "SELECT jurisdiction_id, year, unit_group, framework_id, max_total, n_units, ranking, "
            "status, decision_no, decision_date, note_vi FROM assessment ORDER BY ALL",
        ),
        "result": rows(
            db,
            "SELECT a.year, a.unit_group, r.unit_id, r.total, r.self_total, r.appraised, r.survey, "
            "r.published_rank, r.published_tier, r.derived, r.provenance, r.note_vi FROM result r "
            "JOIN assessment a USING (assessment_id) ORDER BY ALL",
        ),
        "score": rows(
            db,
            "SELECT a.year, a.unit_group, s.unit_id, s.criterion_id, s.self_points, s.final_points, "
            "s.provenance FROM score s JOIN assessment a USING (assessment_id) ORDER BY ALL",
        ),
        "standing": rows(db, "SELECT year, unit_group, unit_id, rank, tier_order FROM standing ORDER BY ALL"),
    }


@pytest.mark.slow  # an end-to-end trial (another program, or a whole-dataset file)
@pytest.mark.parametrize("shape", ["xlsx", "csv"])
def test_a_backup_reads_back_into_an_equal_database(setup, tmp_path, shape):
    data, db = setup
    import_file(*good_files()["annex-merged.xlsx"], Options(2022, "department"), db, editor="Lan")  # a draft too
    elsewhere = good_files()["semicolon-comma.csv"][1].replace("Đơn vị".encode(), "Sở".encode())
    import_file(
        "b.csv",
        elsewhere,
        Options(2022, "department", jurisdiction="tinh-b", create_units=True, status="published"),
        db,
        editor="Lan",
    )  # units data/ does not have
    wanted = everything(db)
    wanted["unit"] = rows(db, "SELECT unit_id, jurisdiction_id, unit_group, name_vi, first_year FROM unit ORDER BY ALL")
    target = tmp_path / "backup.xlsx" if shape == "xlsx" else tmp_path / "backup"
    args = ["backup", f"--{shape}", str(target), "--db", str(db)]
    assert cli(*args).returncode == 0
    fresh = tmp_path / "fresh" / "par.duckdb"
    build(data, fresh)  # data/ alone: no 2022
    assert everything(fresh) != wanted
    out = cli("restore", str(target), "--db", str(fresh), "--data", str(data))
    assert out.returncode == 0, out.stderr
    restored = everything(fresh)
    restored["unit"] = rows(
        fresh, "SELECT unit_id, jurisdiction_id, unit_group, name_vi, first_year FROM unit ORDER BY ALL"
    )
    assert restored == wanted
