"""AppTest for the editors' page (/quan-tri): sign-in, lockout, a hash never shown, preview of a
bad and a good file, confirm, publish. Each test works on its own copy of the fixture database."""

from __future__ import annotations

import shutil
from pathlib import Path

import bcrypt
import pytest
from streamlit.testing.v1 import AppTest

from import_corpus import bad_files, csv, good_files, totals
from parindex.db import read_only
from parindex.paths import ROOT
from test_app import shown as table_text

EDITORS = str(ROOT / "pages" / "editors.py")
PASSWORD = "mật khẩu đúng 2024"
HASH = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=4)).decode()  # low cost: a test, not a server


@pytest.fixture
def db(fixture_db, tmp_path, use_db) -> Path:
    target = tmp_path / "db" / "par.duckdb"
    target.parent.mkdir()
    shutil.copy(fixture_db, target)
    return use_db(target)


def open_editors(**params) -> AppTest:
    at = AppTest.from_string(f"import runpy; runpy.run_path({str(ROOT / 'dashboard.py')!r})", default_timeout=60)
    at.secrets["editors"] = {"lan": {"password_hash": HASH}}
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(EDITORS).run()
    assert not at.exception, at.exception
    return at


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input[0].input(name)
    at.text_input[1].input(password)
    next(b for b in at.button if b.label == "Đăng nhập").click()
    at.run()
    assert not at.exception, at.exception
    return at


def everything_shown(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("title", "markdown", "caption", "info", "warning", "error", "success", "header")
        for e in getattr(at, kind)
    ]
    parts += [d.value.to_string() for d in at.dataframe] + [w.value for w in at.text_input]
    return "\n".join(str(p) for p in parts)


def test_anonymous_visitors_get_the_sign_in_form_and_nothing_else(db):
    at = open_editors()
    assert [w.label for w in at.text_input] == ["Tên đăng nhập", "Mật khẩu"]
    assert not at.get("file_uploader") and not at.tabs and not at.dataframe and not at.get("download_button")


def test_a_wrong_password_then_a_lockout_even_for_the_right_one(db):
    at = open_editors()
    sign_in(at, "lan", "sai mật khẩu")
    assert [e.value for e in at.error] == ["Sai tên đăng nhập hoặc mật khẩu."]
    assert sign_in(at, "nobody", PASSWORD).error[0].value == "Sai tên đăng nhập hoặc mật khẩu."  # same answer
    for _ in range(4):
        sign_in(at, "lan", "sai mật khẩu")
    assert at.error[0].value.startswith("Tài khoản tạm khóa sau 5 lần đăng nhập sai")
    sign_in(at, "lan", PASSWORD)
    assert at.error[0].value.startswith("Tài khoản tạm khóa") and not at.tabs
    restarted = open_editors()  # the lock is kept beside the database, not in the session
    assert sign_in(restarted, "lan", PASSWORD).error[0].value.startswith("Tài khoản tạm khóa")
    for page in (at, restarted):
        shown = everything_shown(page)
        assert HASH not in shown and "$2b$" not in shown and PASSWORD not in shown and "sai mật khẩu" not in shown


def test_sign_in_import_preview_confirm_and_publish(db):
    at = sign_in(open_editors(), "lan", PASSWORD)
    assert not at.error and "Đã đăng nhập: lan" in [c.value for c in at.caption]
    assert at.number_input(key="imp_year").value == 2022

    name, data, _, _ = bad_files()["score above its maximum"]
    at.file_uploader(key="upload").set_value((name, data, "text/csv")).run()
    problems = at.dataframe[0]
    assert table_text(problems).values.tolist() == [["4", "C (Tổng điểm)", "101 vượt quá điểm tối đa 100"]]
    assert problems.value["Dòng"].tolist() == [4]  # a number: a sort puts row 10 after row 9
    assert not [b for b in at.button if b.label == "Xác nhận nhập"]
    before = db.read_bytes()

    name, data = good_files()["annex-merged.xlsx"]
    at.file_uploader(key="upload").set_value((name, data, "application/octet-stream")).run()
    assert "Đọc được 3 dòng dữ liệu." in [m.value for m in at.markdown]
    assert "Thêm 3 đơn vị: Đơn vị Alpha; Đơn vị Beta; Đơn vị Gamma" in [m.value for m in at.markdown]
    assert db.read_bytes() == before  # a preview changes nothing
    next(b for b in at.button if b.label == "Xác nhận nhập").click()
    at.run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Đã nhập 3 dòng vào tinh-a-2022-department")
    with read_only(db, drafts=True) as con:
        assert con.execute(
            "SELECT a.status, l.editor FROM par.assessment a JOIN par.import_log l USING (assessment_id) "
            "WHERE a.year = 2022"
        ).fetchall() == [("draft", "lan")]

    # The same year again, two totals changed: the preview shows them before and after, as numbers.
    at.checkbox(key="imp_replace").check().run()
    changed = csv(totals(("Đơn vị Alpha", "95,755"), ("Đơn vị Beta", "88,25"), ("Đơn vị Gamma", "100")))
    at.file_uploader(key="upload").set_value(("doi.csv", changed, "text/csv")).run()
    assert not at.exception, at.exception
    assert "Đổi tổng điểm của 2 đơn vị" in [m.value for m in at.markdown]
    scores = next(d for d in at.dataframe if "Trước" in d.value.columns)
    assert table_text(scores).values.tolist() == [["Đơn vị Alpha", "91,5", "95,755"], ["Đơn vị Gamma", "70", "100"]]
    assert scores.value["Sau"].tolist() == [95.755, 100.0]

    at = sign_in(open_editors(), "lan", PASSWORD)  # a fresh page: the draft is listed
    assert any("**2022**" in m.value for m in at.markdown)
    log = table_text(at.dataframe[0])  # the import log, in the reader's words
    assert log.columns.tolist()[:7] == ["Thời điểm", "Thao tác", "Năm", "Khối", "Trạng thái", "Biên tập viên", "Tệp"]
    assert log.iloc[0].tolist()[1:] == [
        "Nhập kết quả",
        "2022",
        "Sở, ban, ngành",
        "Dự thảo (chưa công bố)",
        "lan",
        "phu-luc.xlsx",
        "3",
        "Không",
        "—",
        "tinh-a-2022-department",
        "1",
        log.iloc[0]["SHA-256"],
    ]
    at.text_input(key="decision_tinh-a-2022-department").input("QĐ 789/QĐ-UBND")
    next(b for b in at.button if b.label == "Công bố").click()
    at.run()
    assert not at.exception, at.exception
    assert at.success[0].value == "Đã công bố tinh-a-2022-department theo QĐ 789/QĐ-UBND."
    with read_only(db, drafts=True) as con:
        assert con.execute("SELECT status, decision_no FROM par.assessment WHERE year = 2022").fetchall() == [
            ("published", "QĐ 789/QĐ-UBND")
        ]


def test_add_editor_writes_only_a_bcrypt_hash_and_never_prints_it(tmp_path):
    import subprocess
    import sys
    import tomllib

    secrets = tmp_path / "secrets.toml"
    secrets.write_text("[client]\nshowErrorDetails = false\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "parindex", "add-editor", "lan", "--secrets", str(secrets)],
        input="correct horse battery\n",
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    stored = tomllib.loads(secrets.read_text(encoding="utf-8"))
    assert stored["client"] == {"showErrorDetails": False}  # the rest of the file is kept
    hashed = stored["editors"]["lan"]["password_hash"]
    assert hashed.startswith("$2b$12$") and bcrypt.checkpw(b"correct horse battery", hashed.encode())
    assert "correct horse" not in secrets.read_text(encoding="utf-8")
    assert hashed not in out.stdout + out.stderr and "correct horse" not in out.stdout + out.stderr
    short = subprocess.run(
        [sys.executable, "-m", "parindex", "add-editor", "lan", "--secrets", str(secrets)],
        input="short\n",
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (
        short.returncode == 1
        and tomllib.loads(secrets.read_text(encoding="utf-8"))["editors"]["lan"]["password_hash"] == hashed
    )  # refused: the old hash stays


def open_with_oidc() -> AppTest:
    at = AppTest.from_string(f"import runpy; runpy.run_path({str(ROOT / 'dashboard.py')!r})", default_timeout=60)
    at.secrets["auth"] = {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": "x" * 32,
        "client_id": "id",
        "client_secret": "secret",
        "server_metadata_url": "https://id.example/.well-known/openid-configuration",
    }
    at.secrets["oidc_editors"] = {"emails": ["lan@example.org"]}
    at.run()
    at.switch_page(EDITORS).run()
    assert not at.exception, at.exception
    return at


def test_with_oidc_configured_the_page_offers_the_organisation_sign_in(db):
    at = open_with_oidc()
    assert [b.label for b in at.button if "tổ chức" in b.label] == ["Đăng nhập bằng tài khoản tổ chức"]
    assert not at.tabs  # not signed in: nothing else
    without = open_editors()
    assert not [b for b in without.button if "tổ chức" in b.label]


@pytest.mark.parametrize(("email", "editor"), [("lan@example.org", True), ("someone@example.org", False)])
def test_an_oidc_account_is_an_editor_only_when_listed(db, monkeypatch, email, editor):
    from parindex import roles

    monkeypatch.setattr(roles, "_logged_in", lambda: True)  # what st.login leaves after the provider's answer
    monkeypatch.setattr(roles, "_user_email", lambda: email)
    at = open_with_oidc()
    assert bool(at.tabs) is editor
    assert ("Đã đăng nhập: lan@example.org" in [c.value for c in at.caption]) is editor


def test_sign_in_set_up_a_year_preview_its_diff_and_confirm(db):
    import setup_workbooks as wb

    at = sign_in(open_editors(), "lan", PASSWORD)
    at.number_input(key="setup_year").set_value(2022).run()
    at.text_input(key="setup_jurisdiction").input("tinh-a").run()
    assert at.get("download_button")  # the template, for the chosen year and group
    before = db.read_bytes()
    bad = wb.edited(tiers=[(3, 6, 75)])
    at.file_uploader(key="setup_upload").set_value(("xau.xlsx", bad, "application/octet-stream")).run()
    assert not at.exception, at.exception
    assert table_text(at.dataframe[0]).values.tolist() == [
        ["Xếp loại", "3", "F (Đến (điểm))", "khoảng trống giữa «Tốt» (từ 80) và «Khá» (đến 75)"]
    ]
    assert not [b for b in at.button if b.label == "Xác nhận thiết lập"]

    at.file_uploader(key="setup_upload").set_value(("2022.xlsx", wb.good(), "application/octet-stream")).run()
    assert not at.exception, at.exception
    shown = everything_shown(at)
    assert "Đọc được: 7 mục tiêu chí, 3 mức xếp loại, 2 đơn vị mới, 4 thay đổi đơn vị, 3 tên gọi khác." in shown
    assert "So với năm 2021" in [h.value for h in at.header]
    areas = at.dataframe[0]
    assert table_text(areas).values.tolist() == [["A", "60", "60"], ["S", "40", "40"]]
    assert areas.value["Sau"].tolist() == [60.0, 40.0]  # numbers underneath: a sort orders by value
    bands = at.dataframe[1].value
    assert bands.values.tolist() == [
        ["Từ 90 điểm (≥ 90)", "Tốt (≥ 80)"],
        ["Từ 85 đến dưới 90 (≥ 85)", "Khá (≥ 60)"],
        ["Dưới 85", "Yếu"],
    ]
    assert db.read_bytes() == before  # a preview changes nothing
    next(b for b in at.button if b.label == "Xác nhận thiết lập").click()
    at.run()
    assert not at.exception, at.exception
    assert at.success[0].value == (
        "Đã thiết lập tinh-a-2022-department (Dự thảo (chưa công bố)). Bây giờ có thể nhập kết quả của năm."
    )
    with read_only(db, drafts=True) as con:
        assert con.execute("SELECT action, editor, year FROM par.import_log").fetchall() == [("setup", "lan", 2022)]
