"""Quản trị: editors sign in, set a year up (criteria, tiers, unit changes), import a year's results
(preview, diff, confirm), publish drafts,
read the import log, download the template and a backup. Anonymous visitors see the sign-in only."""

import streamlit as st

from parindex import app, auth, cells, labels, roles, serving, ui
from parindex.dataset import GROUPS
from parindex.db import query
from parindex.importing import backup, commit, setup_workbook, template
from parindex.importing import setup as year_setup
from parindex.importing.messages import ImportRefused
from parindex.importing.plan import Options
from parindex.importing.setup import SetupOptions
from parindex.importing.sheet import MAX_BYTES
from parindex.paths import db_path

UPLOAD_MB = MAX_BYTES // 2**20  # what the import accepts, so Streamlit's "Limit … per file" says the same

ctx = app.context()
t = ctx.t
st.title(t("editors.title"))
st.caption(t("editors.intro"))
if serving.is_reader():  # a reader replica's file is replaced by the next release: editors work on the writer
    writer = serving.writer_url()
    st.info(
        t("serving.editors_on_writer", url=writer) if writer else t("serving.editors_no_writer"),
        icon=":material/edit_note:",
    )
    st.stop()


def try_sign_in() -> None:
    """Before the rerun: check, then forget the password (it is kept in no state, shown nowhere)."""
    name = st.session_state.get("signin_name", "")
    outcome = auth.sign_in(
        roles.secret("editors"), name, st.session_state.get("signin_password", ""), auth.lockout_for(db_path())
    )
    st.session_state["signin_password"] = ""
    if outcome == "ok":
        st.session_state[roles.EDITOR_KEY] = name.strip().lower()
    st.session_state["signin_outcome"] = outcome


who = roles.editor()
if who is None:
    with st.form("sign_in"):
        st.text_input(t("editors.name"), key="signin_name")
        st.text_input(t("editors.password"), type="password", key="signin_password")
        st.form_submit_button(t("editors.sign_in"), on_click=try_sign_in)
    outcome = st.session_state.pop("signin_outcome", None)
    if outcome in ("locked", "wrong"):
        st.error(
            t("editors.locked", n=auth.MAX_FAILURES, minutes=auth.LOCK_SECONDS // 60)
            if outcome == "locked"
            else t("editors.wrong")
        )
    if roles.oidc_configured():
        st.button(t("editors.sign_in_oidc"), on_click=st.login)
    st.stop()

st.caption(t("editors.signed_in", name=who))
st.button(t("editors.sign_out"), on_click=roles.sign_out)
setup, imports, drafts, log, files = st.tabs(
    [
        t("editors.tab_setup"),
        t("editors.tab_import"),
        t("editors.tab_drafts"),
        t("editors.tab_log"),
        t("editors.tab_files"),
    ]
)


def assessment_fields(key: str) -> tuple[int, str, str | None]:
    """The year, group and jurisdiction (None: the group's own) that a set-up or an import writes;
    the widgets' keys start with `key`."""
    groups = list(GROUPS)
    cols = st.columns(3)
    year = cols[0].number_input(
        t("editors.year"), min_value=2000, max_value=2100, value=max(ctx.years) + 1, key=f"{key}_year"
    )
    group = cols[1].selectbox(
        t("editors.group"),
        groups,
        index=groups.index(ctx.group),
        key=f"{key}_group",
        format_func=lambda g: t(f"group.{g}"),
        placeholder=t("filter.choose"),
    )
    jurisdiction = cols[2].text_input(t("editors.jurisdiction"), value=ctx.jurisdiction, key=f"{key}_jurisdiction")
    return int(year), group, jurisdiction.strip() or None


def status_choice(key: str) -> str:
    """Draft or published, for what a set-up or an import writes."""
    return st.radio(
        t("editors.status"),
        ["draft", "published"],
        horizontal=True,
        key=f"{key}_status",
        format_func=lambda s: t(f"editors.status_{s}"),
    )


with setup:
    st.caption(t("editors.setup_intro"))
    s_year, s_group, s_jurisdiction = assessment_fields("setup")
    st.download_button(
        t("editors.setup_template_button"),
        icon=":material/download:",
        on_click="ignore",
        data=lambda: setup_workbook.template_xlsx(db_path(), s_jurisdiction or ctx.jurisdiction, s_group, s_year),
        file_name=f"thiet-lap-nam-{s_year}_{s_group}.xlsx",
        mime=cells.XLSX_MIME,
    )
    s_upload = st.file_uploader(t("editors.setup_file"), type=["xlsx"], key="setup_upload", max_upload_size=UPLOAD_MB)
    s_status = status_choice("setup")
    s_replace = st.checkbox(t("editors.setup_replace"), key="setup_replace")
    if s_upload is not None:
        s_options = SetupOptions(
            year=s_year, group=s_group, jurisdiction=s_jurisdiction, status=s_status, replace=s_replace
        )
        planned = year_setup.preview(s_upload.name, s_upload.getvalue(), s_options, db_path())
        if planned.counts:
            st.markdown(t("editors.setup_summary", **planned.counts))
        if planned.problems:
            st.error(t("editors.setup_problems", n=len(planned.problems)))
            ui.table(labels.problem_table(planned.problems, t))
        for kind, part in labels.setup_diff(planned.diff, t):
            if kind == "table":
                ui.table(part)
            else:
                (st.header if kind == "heading" else st.markdown)(part)
        if planned.ok and st.button(t("editors.setup_confirm"), type="primary", key="setup_confirm"):
            try:
                done = year_setup.setup_year(s_upload.name, s_upload.getvalue(), s_options, db_path(), editor=who)
            except ImportRefused as refused:  # the database changed since the preview
                ui.table(labels.problem_table(refused.problems, t))
            else:
                st.success(
                    t("editors.setup_done", assessment=done.assessment_id, status=t(f"editors.status_{s_status}"))
                )

with imports:
    upload = st.file_uploader(t("editors.file"), type=["xlsx", "csv"], key="upload", max_upload_size=UPLOAD_MB)
    year, group, jurisdiction = assessment_fields("imp")
    status = status_choice("imp")
    replace = st.checkbox(t("editors.replace"), key="imp_replace")
    create = st.checkbox(t("editors.create_units"), key="imp_create")
    if upload is not None:
        options = Options(
            year=year, group=group, jurisdiction=jurisdiction, status=status, replace=replace, create_units=create
        )
        plan = commit.preview(upload.name, upload.getvalue(), options, db_path())
        st.markdown(t("editors.rows", rows=plan.rows))
        if plan.skipped:
            st.caption(t("editors.skipped", rows=", ".join(map(str, plan.skipped))))
        if plan.ignored:
            st.caption(t("editors.ignored", columns="; ".join(plan.ignored)))
        if plan.problems:
            st.error(t("editors.problems", n=len(plan.problems)))
            ui.table(labels.problem_table(plan.problems, t))
        diff = plan.diff
        if plan.replaces or (diff["added"] and not plan.problems):
            st.header(t("editors.diff_heading"))
            if diff["added"]:
                st.markdown(t("editors.diff_added", n=len(diff["added"]), names="; ".join(diff["added"])))
            if diff["removed"]:
                st.markdown(t("editors.diff_removed", n=len(diff["removed"]), names="; ".join(diff["removed"])))
            if diff["changed"]:
                st.markdown(t("editors.diff_changed", n=len(diff["changed"])))
                ui.table(labels.score_changes_table(diff["changed"], t))
            if not any(diff.values()):
                st.caption(t("editors.diff_none"))
        if plan.new_units:
            st.warning(t("editors.new_units", n=len(plan.new_units), names="; ".join(plan.new_units)))
        if plan.ok and st.button(t("editors.confirm"), type="primary", key="confirm"):
            try:
                done = commit.import_file(upload.name, upload.getvalue(), options, db_path(), editor=who)
            except ImportRefused as refused:  # the database changed since the preview
                st.error("\n".join(p.text(ctx.lang) for p in refused.problems))
            else:
                st.success(
                    t(
                        "editors.done",
                        rows=done.rows,
                        assessment=done.assessment_id,
                        status=t(f"editors.status_{status}"),
                    )
                )

with drafts:
    pending = query("draft_list", drafts=True)
    if pending.empty:
        st.caption(t("editors.no_drafts"))
    for _, draft in pending.iterrows():
        st.markdown(
            t(
                "editors.draft_line",
                year=int(draft["year"]),
                group=t(f"group.{draft['unit_group']}"),
                n=int(draft["n_results"]),
            )
        )
        with st.form(f"publish_{draft['assessment_id']}"):
            number = st.text_input(t("editors.decision"), key=f"decision_{draft['assessment_id']}")
            date = st.date_input(t("editors.decision_date"), key=f"date_{draft['assessment_id']}")
            if st.form_submit_button(t("editors.publish")):
                if not number.strip():
                    st.error(t("editors.decision_needed"))
                else:
                    commit.publish(db_path(), draft["assessment_id"], number.strip(), date.isoformat(), editor=who)
                    st.success(t("editors.published", assessment=draft["assessment_id"], decision=number.strip()))

with log:
    entries = query("import_log")
    if entries.empty:
        st.caption(t("editors.log_empty"))
    else:
        ui.table(labels.import_log_table(entries, t))

with files:
    st.header(t("editors.template_heading"))
    st.caption(t("editors.template_text"))
    units = query("units", jurisdiction=ctx.jurisdiction, group=ctx.group, drafts=True)
    st.download_button(
        t("editors.template_button"),
        data=lambda: template.template_xlsx(units),
        file_name=f"mau-nhap-chi-so-cchc_{ctx.group}.xlsx",
        icon=":material/download:",
        mime=cells.XLSX_MIME,
        on_click="ignore",
    )
    st.header(t("editors.backup_heading"))
    st.caption(t("editors.backup_text"))
    st.download_button(
        t("editors.backup_button"),
        data=lambda: backup.to_xlsx(db_path()),
        file_name="chi-so-cchc_sao-luu.xlsx",
        icon=":material/download:",
        mime=cells.XLSX_MIME,
        on_click="ignore",
    )
