"""Running it for the province, without a browser: the nginx site under `nginx -t`, the systemd
units under `systemd-analyze verify`, the Containerfile read by BuildKit's parser, releases to a
reader folder, readiness (the command and a real replica's /healthz), the page-view log line, a
reader's Editors page and its refusal of writing commands, the shared link's public address."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import bcrypt
import dockerfile
import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from parindex import db, logs, nginx, release, serving
from parindex.paths import ROOT
from parindex.stack import NGINX, Proxy, Replica, certificate

EDITORS = str(ROOT / "pages" / "editors.py")
RANKINGS = str(ROOT / "pages" / "rankings.py")
UNITS = ROOT / "deploy" / "systemd"
HEALTHZ_PORT = 8534  # of the ports this work may use (8520-8539); the browser tests take 8520-8533


def python(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "parindex", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_site(tmp_path) -> nginx.Site:
    cert, key = certificate(tmp_path)
    return nginx.Site(
        replicas=["127.0.0.1:8531", "127.0.0.1:8532", "127.0.0.1:8533"],
        writer="127.0.0.1:8530",
        tls_cert=str(cert),
        tls_key=str(key),
        server_name="chisocchc.example",
        writer_server_name="quantri.chisocchc.example",
        writer_allow=["10.0.0.0/8", "127.0.0.1"],
        http_port=8520,
        https_port=8521,
        writer_https_port=8522,
    )


test_site.__test__ = False  # a helper, not a test


# --- nginx -------------------------------------------------------------------------------------------------


@pytest.mark.skipif(not Path(NGINX).exists(), reason="no nginx: scripts/system-deps.sh installs Debian's")
def test_the_nginx_site_passes_nginx_t(tmp_path):
    done = Proxy(tmp_path / "nginx", test_site(tmp_path)).test()
    assert done.returncode == 0, done.stderr
    assert "test is successful" in done.stderr


def test_the_site_holds_what_the_deployment_needs(tmp_path):
    text = nginx.render(test_site(tmp_path))
    assert "@" not in text.replace("$request_id", "")  # every placeholder filled
    assert text.count("max_fails=1 fail_timeout=10s;") == 4  # three readers and the writer
    for line in (
        "hash $parindex_route consistent;",
        "proxy_set_header Upgrade $http_upgrade;",
        "client_max_body_size 12m;",
        "gzip on;",
        "proxy_cache parindex_static;",
        f"ssl_certificate     {tmp_path / 'cert.pem'};",
        "allow 10.0.0.0/8;",
        "deny all;",
        "proxy_next_upstream error timeout http_404;",
        "return 301 https://$host:8521$request_uri;",
    ):
        assert line in text, line


@pytest.mark.parametrize(
    "field, value",
    [
        ("tls_cert", "/etc/ssl/a.pem; include /etc/passwd"),
        ("tls_cert", "relative.pem"),
        ("server_name", "a;b"),
        ("writer", "127.0.0.1"),
        ("writer_allow", ["10.0.0.0/8; allow all"]),
    ],
)
def test_a_value_that_is_not_one_nginx_word_is_refused(tmp_path, field, value):
    site = test_site(tmp_path)
    setattr(site, field, value)
    with pytest.raises(ValueError):
        nginx.render(site)


def test_the_command_writes_the_site():
    done = python(
        "nginx-config",
        "--replica",
        "127.0.0.1:8501",
        "--replica",
        "127.0.0.1:8502",
        "--writer",
        "127.0.0.1:8500",
        "--cert",
        "/etc/ssl/certs/chiso.pem",
        "--key",
        "/etc/ssl/private/chiso.key",
        "--server-name",
        "chisocchc.laocai.gov.vn",
    )
    assert done.returncode == 0, done.stderr
    assert "    server 127.0.0.1:8502 max_fails=1 fail_timeout=10s;" in done.stdout
    assert "server_name chisocchc.laocai.gov.vn;" in done.stdout
    assert "return 301 https://$host$request_uri;" in done.stdout  # port 443: none in the address


# --- systemd and the container -------------------------------------------------------------------------------


def test_the_systemd_units_pass_systemd_analyze_verify(tmp_path):
    if not shutil.which("systemd-analyze"):
        pytest.skip("no systemd-analyze on this machine")
    # The units name /opt/parindex (the IT centre's install); here the checkout and its Python stand in.
    for unit in UNITS.iterdir():
        text = unit.read_text().replace("/opt/parindex/.venv/bin/python", sys.executable)
        (tmp_path / unit.name).write_text(text.replace("/opt/parindex", str(ROOT)))
    names = [
        "parindex@8501.service",
        "parindex-writer.service",
        "parindex-backup.service",
        "parindex-backup.timer",
        "parindex-release.path",
        "parindex-release.service",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(n.replace("@8501", "@") for n in names)
    done = subprocess.run(
        ["systemd-analyze", "verify", *names], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
    )
    if "Failed to connect to bus" in done.stderr or "Failed to initialize manager" in done.stderr:
        pytest.skip(f"systemd-analyze cannot run here: {done.stderr.strip()[:200]}")
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr


def test_the_containerfile_parses_and_copies_what_exists():
    """No container engine here (Docker's client only): BuildKit's own parser reads the file."""
    commands = dockerfile.parse_file(str(ROOT / "deploy" / "Containerfile"))
    kinds = [c.cmd for c in commands]
    assert kinds[0] == "FROM" and kinds[-1] == "CMD"
    for copy in (c for c in commands if c.cmd == "COPY"):
        for source in copy.value[:-1]:
            assert (ROOT / source).exists(), source
    health = next(c for c in commands if c.cmd == "HEALTHCHECK")
    assert list(health.value[:6]) == ["CMD", "python", "-m", "parindex", "ready", "--url"]
    assert list(next(c for c in commands if c.cmd == "CMD").value[:4]) == ["python", "-m", "parindex", "serve"]


# --- releases --------------------------------------------------------------------------------------------


def release_of(source: Path, folder: Path, **options) -> Path:
    with source.open("rb") as handle:
        return release.release(handle, folder, **options)


def test_a_release_swaps_the_pointer_and_readers_read_the_new_file(embedded_db, tmp_path, monkeypatch):
    folder = tmp_path / "readers"
    first = release_of(embedded_db, folder)
    pointer = folder / release.POINTER
    assert pointer.is_symlink() and pointer.resolve() == first
    monkeypatch.setenv("PARINDEX_DB", str(pointer))
    assert db.query("years")["year"].max() == 2025
    newer = tmp_path / "newer.duckdb"
    shutil.copy(embedded_db, newer)
    with duckdb.connect(str(newer)) as con:  # a different file: one assessment fewer
        con.execute("DELETE FROM assessment WHERE year = 2025")
    second = release_of(newer, folder, expected_sha256=release.sha256_of(newer))
    assert second != first and pointer.resolve() == second
    assert db.query("years")["year"].max() == 2024  # the next read, by the same process, sees the new release
    assert release_of(newer, folder) == second  # the same file again: nothing new
    assert release.releases_in(folder) == [first, second]


def test_a_copy_that_differs_or_is_no_database_is_not_released(embedded_db, tmp_path):
    folder = tmp_path / "readers"
    first = release_of(embedded_db, folder)
    with pytest.raises(release.ReleaseError, match="SHA-256"):
        release_of(embedded_db, folder, expected_sha256="0" * 64)
    half = tmp_path / "half.duckdb"
    half.write_bytes(embedded_db.read_bytes()[: embedded_db.stat().st_size // 2])
    with pytest.raises(release.ReleaseError, match="not a readable database"):
        release_of(half, folder)
    assert (folder / release.POINTER).resolve() == first
    assert release.releases_in(folder) == [first]
    assert not list((folder / release.RELEASES).glob(".incoming-*"))  # nothing left half-copied


def test_old_releases_are_pruned_but_never_the_current_one(embedded_db, tmp_path):
    folder = tmp_path / "readers"
    made = [release_of(embedded_db, folder)]
    for n in range(3):
        other = tmp_path / f"v{n}.duckdb"
        shutil.copy(embedded_db, other)
        with duckdb.connect(str(other)) as con:
            con.execute("INSERT INTO meta VALUES (?, ?)", [f"copy-{n}", "x"])
        made.append(release_of(other, folder, keep=2))
    assert release.releases_in(folder) == made[-2:]
    release.point(folder, made[-2])  # a rollback to the one before
    release.prune(folder, keep=1)
    assert release.releases_in(folder) == made[-2:]  # the newest kept, and the current one
    assert (folder / release.POINTER).resolve() == made[-2]


def test_the_release_command_reads_standard_input_as_over_ssh(embedded_db, tmp_path):
    folder = tmp_path / "readers"
    sha = release.sha256_of(embedded_db)
    with embedded_db.open("rb") as handle:
        done = subprocess.run(
            [sys.executable, "-m", "parindex", "release", "--from", "-", "--sha256", sha, "--to", str(folder)],
            cwd=ROOT,
            stdin=handle,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    assert release.sha256_of(folder / release.POINTER) == sha


# --- readiness ---------------------------------------------------------------------------------------------


@pytest.mark.slow  # an end-to-end trial (another program, or a whole-dataset file)
def test_ready_says_whether_the_database_can_be_read(embedded_db, tmp_path):
    good = python("ready", "--db", str(embedded_db))
    assert good.returncode == 0 and '"ready": true' in good.stdout
    missing = python("ready", "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 1 and '"problem": "missing"' in missing.stdout
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"not a database" * 1000)
    damaged = python("ready", "--db", str(garbage))
    assert damaged.returncode == 1 and '"problem": "corrupt"' in damaged.stdout


def test_a_replica_s_healthz_fails_while_its_database_cannot_be_read(embedded_db, tmp_path):
    import json

    folder = tmp_path / "readers"
    good = release_of(embedded_db, folder)
    replica = Replica(
        HEALTHZ_PORT,
        {"PARINDEX_DB": str(folder / release.POINTER), "PARINDEX_ROLE": "reader"},
        tmp_path / "replica.log",
    ).start()
    try:
        answer = replica.wait_ready(90)
        assert answer == {"ready": True, "role": "reader", "database": good.name}
        bad = folder / release.RELEASES / "broken.duckdb"
        bad.write_bytes(b"\0" * 100_000)
        os.symlink(bad, folder / "next")
        os.replace(folder / "next", folder / release.POINTER)  # the pointer now names a damaged file
        try:
            urllib.request.urlopen(f"{replica.url}/healthz", timeout=10)
            raise AssertionError("healthz answered 200 on a damaged file")
        except urllib.error.HTTPError as error:
            assert error.code == 503
            assert json.loads(error.read()) == {
                "ready": False,
                "role": "reader",
                "database": "broken.duckdb",
                "problem": "corrupt",
            }
        with urllib.request.urlopen(f"{replica.url}/_stcore/health", timeout=10) as health:
            assert health.read() == b"ok"  # Streamlit's own check only says the process runs
        release.point(folder, good)
        assert replica.wait_ready(30)["ready"] is True
    finally:
        replica.stop()


# --- roles, settings, the page-view log ------------------------------------------------------------------


@pytest.mark.slow  # an end-to-end trial (another program, or a whole-dataset file)
def test_a_reader_refuses_the_commands_that_write_the_database(embedded_db, tmp_path):
    target = tmp_path / "par.duckdb"
    shutil.copy(embedded_db, target)
    before = target.read_bytes()
    for command in (
        ["build", "--db", str(target)],
        [
            "publish",
            "--year",
            "2024",
            "--group",
            "department",
            "--decision",
            "X",
            "--date",
            "2025-01-01",
            "--db",
            str(target),
        ],
    ):
        done = python(*command, env={"PARINDEX_ROLE": "reader"})
        assert done.returncode == 1 and "PARINDEX_ROLE=reader" in done.stderr, done.stderr
    assert target.read_bytes() == before
    wrong = python("serve", env={"PARINDEX_ROLE": "replica"})  # refused before Streamlit starts
    assert wrong.returncode == 2 and "PARINDEX_ROLE must be one of writer, reader" in wrong.stderr


def test_settings_are_read_from_the_environment_and_a_wrong_one_is_refused(monkeypatch):
    monkeypatch.delenv("PARINDEX_ROLE", raising=False)
    assert serving.role() == "writer"
    monkeypatch.setenv("PARINDEX_ROLE", "Reader")
    assert serving.is_reader()
    monkeypatch.setenv("PARINDEX_ROLE", "replica")
    with pytest.raises(serving.SettingError):
        serving.role()
    with pytest.raises(serving.SettingError):
        serving.serve_options()
    monkeypatch.setenv("PARINDEX_ROLE", "reader")
    monkeypatch.setenv("PARINDEX_LOG_LEVEL", "chatty")
    with pytest.raises(serving.SettingError):
        serving.log_level()
    monkeypatch.setenv("PARINDEX_LOG_LEVEL", "debug")
    monkeypatch.setenv("PARINDEX_SECRETS", "/etc/parindex/secrets.toml")
    assert serving.serve_options() == ["--logger.level", "debug", "--secrets.files", "/etc/parindex/secrets.toml"]
    monkeypatch.setenv("PARINDEX_WRITER_URL", "https://quantri.example/")
    assert serving.writer_url() == "https://quantri.example/quan-tri"


@pytest.mark.parametrize(
    "base, seen, shared",
    [
        ("", "http://10.0.0.5:8501/xep-hang", "http://10.0.0.5:8501/xep-hang"),
        ("https://chisocchc.example", "http://10.0.0.5:8501/xep-hang", "https://chisocchc.example/xep-hang"),
        ("https://chisocchc.example/", "http://127.0.0.1:8501/", "https://chisocchc.example/"),
        ("https://tinh.example/cchc", "https://tinh.example/cchc/tieu-chi", "https://tinh.example/cchc/tieu-chi"),
    ],
)
def test_a_shared_link_uses_the_public_address(monkeypatch, base, seen, shared):
    monkeypatch.setenv("PARINDEX_PUBLIC_URL", base)
    assert serving.public_url(seen) == shared


def test_a_page_view_is_one_line_with_page_filters_duration_and_an_anonymous_session(on_embedded, caplog):
    at = AppTest.from_string(f"import runpy; runpy.run_path({str(ROOT / 'dashboard.py')!r})", default_timeout=60)
    at.query_params["g"] = "district"
    at.query_params["y"] = "2021"
    at.query_params["u"] = ["so-noi-vu", "<script>alert(1)</script>"]
    with caplog.at_level(logging.INFO, logger="parindex.views"):
        at.run()
        at.switch_page(RANKINGS).run()
    views = [r.getMessage() for r in caplog.records if r.name == "parindex.views"]
    assert len(views) == 2, views  # one per script run
    lines = [
        dict(zip(("page", "filters", "rest"), re.fullmatch(r'view page=(\S+) filters="([^"]*)" (.*)', v).groups()))
        for v in views
    ]
    # The overview as opened from the link: a value that is not a plain id is not written out.
    assert (lines[0]["page"], lines[0]["filters"]) == ("/", "g=district y=2021 u=so-noi-vu u=?")
    # Then the rankings, with the filters its URL holds once the page has run.
    assert (lines[1]["page"], lines[1]["filters"]) == ("/xep-hang", "g=district y=2021")
    fields = [dict(part.split("=", 1) for part in line["rest"].split()) for line in lines]
    assert all(int(f["ms"]) > 0 and f["status"] == "ok" and f["data"] == "par.duckdb" for f in fields), fields
    assert re.fullmatch("[0-9a-f]{12}", fields[0]["session"]) and fields[0]["session"] == fields[1]["session"]


def test_the_log_never_holds_a_password(fixture_db, tmp_path, use_db, caplog):
    target = tmp_path / "par.duckdb"
    shutil.copy(fixture_db, target)
    use_db(target)
    password = "mật khẩu bí mật 2026"
    at = AppTest.from_string(f"import runpy; runpy.run_path({str(ROOT / 'dashboard.py')!r})", default_timeout=60)
    at.secrets["editors"] = {"lan": {"password_hash": bcrypt.hashpw(password.encode(), bcrypt.gensalt(4)).decode()}}
    with caplog.at_level(logging.DEBUG):
        at.run()
        at.switch_page(EDITORS).run()
        at.text_input[0].input("lan")
        at.text_input[1].input(password)
        next(b for b in at.button if b.label == "Đăng nhập").click()
        at.run()
    assert at.session_state["editor"] == "lan"  # signed in: the form was really used
    views = [r.getMessage() for r in caplog.records if r.name == "parindex.views"]
    assert views and all("page=/quan-tri" in v for v in views[1:])
    assert password not in caplog.text and not re.search(r"\blan\b", " ".join(views))


def test_the_filters_of_a_line_are_bounded():
    many = {"u": [f"unit-{n}" for n in range(20)], "Bad Key": ["x"], "c": ["a b"]}
    text = logs.filters(many)
    assert text.split()[:2] == ["u=unit-0", "u=unit-1"] and text.endswith(" …")
    assert len(text.split()) == logs.MAX_VALUES + 1 and "Bad" not in text


def test_a_reader_s_editors_page_says_where_editors_go(on_embedded, monkeypatch):
    monkeypatch.setenv("PARINDEX_ROLE", "reader")
    monkeypatch.setenv("PARINDEX_WRITER_URL", "https://quantri.chisocchc.example")
    at = AppTest.from_string(f"import runpy; runpy.run_path({str(ROOT / 'dashboard.py')!r})", default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page(EDITORS).run()
    assert not at.exception
    assert [i.value for i in at.info] == [
        (
            "This server shows published figures only. Editors sign in, set years up, import and publish results "
            "on the editors' server: [https://quantri.chisocchc.example/quan-tri](https://quantri.chisocchc.example/quan-tri)"
        )
    ]
    assert not at.text_input  # no sign-in form on a reader
    monkeypatch.delenv("PARINDEX_WRITER_URL")
    at.run()
    assert "ask the IT centre" in at.info[0].value
