"""The Streamlit shell shared by every page: the database, the language and the shared filters.

Filters live in the URL (`j`, `y`, `g`, `lang`; for a group whose units were formed from former
provinces and districts, the communes from 2025, `fp` and `fd`) so that every view can be shared;
they are read and written through parindex.url_state, as every page's own filters are. The
database is checked (and the embedded one rebuilt) by parindex.build; this module says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlparse

import duckdb
import pandas as pd
import streamlit as st

from parindex import build, labels, roles, url_state
from parindex.dataset import GROUPS, HOME, DatasetError
from parindex.db import query
from parindex.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translator
from parindex.paths import DATA_DIR, db_path

DEFAULT_GROUP = "department"
_CONTEXT = "_context"
# What DuckDB raises reading a damaged file (a query's own mistakes are other errors and stay loud).
DAMAGED = (duckdb.IOException, duckdb.SerializationException)
# A page's own filters go through the same way in and out as the shared ones (parindex.url_state).
bind_param = url_state.bind
write_param = url_state.write
current_url = url_state.current_url


@dataclass(frozen=True)
class Context:
    t: Translator
    lang: str
    group: str
    year: int
    jurisdiction: str  # of the chosen group: the province, or the national index for 'province'
    years: tuple[int, ...]
    place: str  # the province chosen with `j` (its own units' results)
    drafts: bool = False  # a signed-in editor also sees draft assessments
    draft_years: tuple[int, ...] = ()  # the group's years whose assessment is a draft
    share_slot: object = field(default=None, compare=False, repr=False)  # filled by share_link()
    # The commune scope (`fp`, `fd`): the units formed from a former province or district; None is all.
    former_province: str | None = None
    former_district: str | None = None
    scope_name: str = ""  # as people say it: "huyện Mù Cang Chải (cũ)", "Yên Bái (cũ)"

    @property
    def is_draft(self) -> bool:
        """Whether the chosen year's assessment is a draft (its figures carry DỰ THẢO)."""
        return self.year in self.draft_years

    @property
    def params(self) -> dict:
        """The shared filters as query parameters (and whether drafts are visible)."""
        return {"jurisdiction": self.jurisdiction, "group": self.group, "year": self.year, "drafts": self.drafts}

    @property
    def scope(self) -> dict:
        """The commune scope as query parameters (queries that take them; None means all)."""
        return {"former_province": self.former_province, "former_district": self.former_district}

    @property
    def scoped(self) -> dict:
        """The shared filters and the scope: for the queries of the group's lists and summaries.
        Ranks stay the province's; counts, means and tiers are the subset's."""
        return {**self.params, **self.scope}

    @property
    def is_subset(self) -> bool:
        return self.former_province is not None or self.former_district is not None

    @property
    def group_name(self) -> str:
        """The group as titles name it; a subset says which ("Xã, phường từ huyện Mù Cang Chải (cũ)")."""
        name = self.t(f"group.{self.group}")
        return self.t("scope.group", group=name, scope=self.scope_name) if self.is_subset else name


def setup() -> Context:
    """Run first on every rerun (from dashboard.py): database, URL, sidebar filters."""
    lang = _language()
    t = Translator(lang)
    _ensure_database(t)
    drafts = roles.sees_drafts()
    try:
        everything = _options(drafts)
        places = query("jurisdictions", drafts=drafts)
    except DAMAGED:  # opens, but a part is unreadable (a half-written copy)
        database_error("corrupt", t)
    if everything.empty:
        st.error(t("error.empty_database"))
        st.stop()
    first_visit = "_from_url" not in st.session_state
    if first_visit:
        st.session_state["_from_url"] = True
        _place_from_url(places, t)
    if st.session_state.get("j") not in set(places["jurisdiction_id"]):
        st.session_state["j"] = home_jurisdiction()
    if first_visit:
        _filters_from_url(_in_scope(everything, st.session_state["j"]), t)
    # In the page, not the sidebar: on a phone the sidebar is folded away and the filters with it.
    if len(places) > 1:  # a national deployment: choose the province first
        # the share button's room for "Chia sẻ" with its icons (1.4 cut it to "Chi…" at 1280 px)
        place_col, group_col, year_col, lang_col, share_col = st.columns(
            [2.4, 2.8, 1.3, 1.8, 1.7], vertical_alignment="bottom"
        )
        names = dict(zip(places["jurisdiction_id"], places[f"name_{lang}"]))
        home = home_jurisdiction()  # the default, first; the others as named in the data ("Yên Bái (đến 2024)")
        options = [home] + [p for p in names if p != home] if home in names else list(names)
        place_col.selectbox(
            t("filter.jurisdiction"), options, key="j", format_func=names.get, placeholder=t("filter.choose")
        )
    else:
        group_col, year_col, lang_col, share_col = st.columns([3, 1.4, 2, 1.4], vertical_alignment="bottom")
    place = st.session_state["j"]
    options = _in_scope(everything, place)
    groups = [g for g in GROUPS if g in set(options["unit_group"])]  # in the order dataset.GROUPS states
    if st.session_state.get("g") not in groups:  # a province without the group chosen before
        st.session_state["g"] = DEFAULT_GROUP if DEFAULT_GROUP in groups else groups[0]
    group = group_col.selectbox(
        t("filter.group"), groups, key="g", format_func=lambda g: t(f"group.{g}"), placeholder=t("filter.choose")
    )
    years = _years(options, group)
    if st.session_state.get("y") not in years:
        st.session_state["y"] = years[-1]
    year = year_col.selectbox(t("filter.year"), years, key="y", placeholder=t("filter.choose"))
    lang_col.radio(
        t("filter.language"),
        LANGUAGES,
        key="lang",
        horizontal=True,
        format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code],
    )
    _filters_to_url(options)
    for notice in url_state.notices():
        st.info(notice, icon="ℹ️")
    jurisdiction = options.loc[options["unit_group"] == group, "jurisdiction_id"].iat[0]
    former_province, former_district, scope_name = _origin_filters(t, jurisdiction, group, drafts)
    ctx = Context(
        t=t,
        lang=lang,
        group=group,
        year=int(year),
        jurisdiction=jurisdiction,
        years=tuple(years),
        place=place,
        drafts=drafts,
        draft_years=_draft_years(options, group),
        share_slot=share_col,
        former_province=former_province,
        former_district=former_district,
        scope_name=scope_name,
    )
    if ctx.is_subset:
        st.caption(
            t(
                "scope.note",
                n=len(query("ranking", **ctx.scoped)),
                of=len(query("ranking", **ctx.params)),
                group=labels.lower_first(ctx.group_name),
                year=ctx.year,
            )
        )
    st.session_state[_CONTEXT] = ctx
    return ctx


def _origin_filters(t: Translator, jurisdiction: str, group: str, drafts: bool) -> tuple[str | None, str | None, str]:
    """The former province (`fp`) and former district (`fd`) filters, for a group whose units
    record what they were formed from (the communes from 2025); none for any other group, and
    their values then leave the URL. Options are named as people say them ("huyện Mù Cang Chải
    (cũ)", "Yên Bái (cũ)"); the districts offered are those of the former province chosen."""
    origins = (
        query("origin_options", jurisdiction=jurisdiction, group=group, drafts=drafts)
        if group != "province"
        else pd.DataFrame()
    )
    if origins.empty:
        for key in ("fp", "fd"):
            st.session_state.pop(key, None)
            write_param(key, None)
        return None, None, ""
    provinces = {
        r["province_id"]: labels.former_province_name(r, t)
        for r in origins.drop_duplicates("province_id").to_dict("records")
    }
    province_col, district_col = st.columns(2, vertical_alignment="bottom")
    province = url_state.selectbox(
        province_col,
        "fp",
        t("filter.former_province"),
        provinces,
        start=None,
        notice=lambda value: t("notice.invalid_former_province", value=value),
        placeholder=t("filter.all_origins"),
    )
    shown = origins if province is None else origins[origins["province_id"] == province]
    districts = {r["former_unit_id"]: labels.former_district_name(r, t) for r in shown.to_dict("records")}
    district = url_state.selectbox(
        district_col,
        "fd",
        t("filter.former_district"),
        districts,
        start=None,
        notice=lambda value: t("notice.invalid_former_district", value=value),
        placeholder=t("filter.all_origins"),
    )
    name = districts[district] if district else provinces[province] if province else ""
    return province, district, name


def home_jurisdiction() -> str:
    """The province the dashboard is about (Lào Cai, whose published facts the build checks);
    in a database without it, the first province with results of its own units."""
    places = query("jurisdictions")["jurisdiction_id"].tolist()
    return HOME if HOME in places else places[0]


def _in_scope(options: pd.DataFrame, place: str) -> pd.DataFrame:
    """The assessments one province's view offers: its own units' and the national index."""
    own = options["unit_group"] != "province"
    return options[~own | (options["jurisdiction_id"] == place)]


def context() -> Context:
    """The filters of this rerun, for pages (set by setup() in dashboard.py)."""
    return st.session_state[_CONTEXT]


def _language() -> str:
    if "lang" not in st.session_state:
        wanted = url_state.value("lang", DEFAULT_LANGUAGE)
        st.session_state["lang"] = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE
        if wanted not in LANGUAGES:
            url_state.notice(Translator(DEFAULT_LANGUAGE)("notice.invalid_lang", value=url_state.clip(wanted)))
    return st.session_state["lang"]


def _ensure_database(t: Translator) -> None:
    """The embedded dataset's own database is (re)built from data/ when stale. Any other file
    ($PARINDEX_DB: a national deployment, an import's output) is never overwritten with the
    embedded data: when it is missing, unreadable or of another schema, say so and stop."""
    path = db_path()
    try:
        if build.needs_rebuild(path):
            with st.spinner(t("status.building")):
                build.ensure_built(DATA_DIR, path)
    except DatasetError as error:
        st.error(t("error.dataset"))
        st.code("\n".join(str(p) for p in error.problems[:50]), language=None)
        st.stop()
    problem = build.problem(path)
    if problem:
        database_error(problem, t)


def database_error(problem: str, t: Translator | None = None) -> None:
    """Say what is wrong with the database file and how to rebuild it; stop the page."""
    t = t or context().t
    st.error(t(f"error.db_{problem}", path=str(db_path())), icon="🛑")
    st.stop()


def _options(drafts: bool = False) -> pd.DataFrame:
    return query("years", drafts=drafts)


def _years(options: pd.DataFrame, group: str) -> list[int]:
    return [int(y) for y in options.loc[options["unit_group"] == group, "year"]]


def _draft_years(options: pd.DataFrame, group: str) -> tuple[int, ...]:
    drafts = options[(options["unit_group"] == group) & (options["status"] == "draft")]
    return tuple(int(y) for y in drafts["year"])


def _filters_from_url(options: pd.DataFrame, t: Translator) -> None:
    group = url_state.value("g", DEFAULT_GROUP)
    groups = set(options["unit_group"])
    if group not in groups:
        url_state.notice(t("notice.invalid_group", value=url_state.clip(group)))
        group = DEFAULT_GROUP if DEFAULT_GROUP in groups else sorted(groups)[0]
    st.session_state["g"] = group
    years = _years(options, group)
    raw_year = url_state.value("y")
    if raw_year is None and url_state.values("u"):  # a link to units (an old one, say): their latest year
        found = query("unit_years", units=",".join(url_state.values("u")), group=group, drafts=roles.sees_drafts())
        best = found[found["n_units"] == found["n_units"].max()]
        if not best.empty and int(best["year"].max()) in years:
            st.session_state["y"] = int(best["year"].max())
    if raw_year is not None:
        year = url_state.year(raw_year)
        if year in years:
            st.session_state["y"] = year
        else:
            url_state.notice(
                t("notice.invalid_year", value=url_state.clip(raw_year), group=t(f"group.{group}"), year=years[-1])
            )


def _place_from_url(places: pd.DataFrame, t: Translator) -> None:
    raw = url_state.value("j")
    if raw is None:
        return
    if raw in set(places["jurisdiction_id"]):
        st.session_state["j"] = raw
    else:
        url_state.notice(t("notice.invalid_place", value=url_state.clip(raw)))


def _filters_to_url(options: pd.DataFrame) -> None:
    """Mirror the filters into the URL, leaving defaults out."""
    group = st.session_state["g"]
    wanted = {
        "j": st.session_state["j"] if st.session_state["j"] != home_jurisdiction() else None,
        "lang": st.session_state["lang"] if st.session_state["lang"] != DEFAULT_LANGUAGE else None,
        "g": group if group != DEFAULT_GROUP else None,
        "y": str(st.session_state["y"]) if st.session_state["y"] != _years(options, group)[-1] else None,
    }
    for key, value in wanted.items():
        url_state.write(key, value)


MY_UNIT = "_my_unit"  # not a widget's key: Streamlit keeps it when the page changes


def my_unit(options) -> str | None:
    """The reader's unit, one notion for every page: the unit chosen this session (on the profile,
    Rankings or Criteria, kept by remember_unit), else, until the reader chooses or clears one,
    the first a link's `u` names; None when it is not one of `options` (this page's group and
    year). A page starts from it when its URL names no unit, and writes it to the URL, so that a
    shared link marks the same unit."""
    # chosen, or cleared (None), this session; else the link's
    unit = st.session_state[MY_UNIT] if MY_UNIT in st.session_state else next(iter(url_state.values("u")), None)
    return unit if unit in options else None


def remember_unit(unit: str | None) -> None:
    """Keep the reader's unit for the session (None: the reader cleared it)."""
    st.session_state[MY_UNIT] = unit


def remember_choice(key: str) -> None:
    """A unit picker's on_change: the reader's choice (or clearing it) becomes their unit before
    the rerun reads it."""
    remember_unit(st.session_state.get(key))


def share_link(ctx: Context) -> None:
    """After the page has run (and written its own filters to the URL): the view's address, with
    a copy button, beside the filters."""
    with lazy_popover(
        ctx.t("share.button"), icon=":material/link:", key="share", container=ctx.share_slot, width="stretch"
    ) as share:
        if share.open:
            st.caption(ctx.t("share.caption"))
            st.code(current_url(), language=None, wrap_lines=True)


def lazy_popover(label: str, *, icon: str, key: str, container=st, width: str = "content"):
    """A popover whose content the page draws only while it is open (`.open`): closed, it costs
    the page nothing to build and the browser nothing to lay out, on every rerun."""
    return container.popover(label, icon=icon, key=key, on_change="rerun", width=width)


def lazy_tabs(labels: list[str], *, key: str, default: str | None = None):
    """Tabs whose content the page draws only while open (`.open`), as lazy_popover does for menus:
    the first (or `default`) is open on arrival; the others cost nothing until chosen."""
    return st.tabs(labels, key=key, on_change="rerun", default=default)


def choose_year(year: int) -> None:
    """A button callback (runs before the rerun, so the year widget may still be changed)."""
    st.session_state["y"] = year


def unknown_path(known: list[str]) -> str | None:
    """The address the reader asked for when no page has it ("/xep-hangg"), else None. Streamlit
    would run the main page under an English "Page not found" dialog; dashboard.py gives that
    address a page of ours instead. A nested path ("/a/b") never reaches the script: Streamlit's
    page loads its code relative to it and draws nothing."""
    url = st.context.url
    if not url:  # AppTest, or no browser yet
        return None
    path = urlparse(url).path.strip("/")
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    if base and (path == base or path.startswith(base + "/")):
        path = path[len(base) :].strip("/")
    return None if not path or "/" in path or path in known else path
