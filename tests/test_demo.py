"""The synthetic national data (at its small test scale; the national scale is the benchmark's)
and the jurisdiction filter it brings."""

from __future__ import annotations

import filecmp

import duckdb

from parindex.bench import open_page
from parindex.demo import SCALES, write_demo

SMALL = SCALES["small"]


def test_the_demo_is_deterministic(tmp_path):
    first, second = write_demo(SMALL, tmp_path / "a"), write_demo(SMALL, tmp_path / "b")
    for name in ("units.csv", "tiers.csv", "illustrative/results.csv", "illustrative/scores.csv"):
        assert filecmp.cmp(first / name, second / name, shallow=False), name


def test_the_demo_has_its_shape_is_marked_illustrative_and_keeps_the_published_facts(demo_small_db):
    with duckdb.connect(str(demo_small_db), read_only=True) as con:
        demo = "FROM score JOIN assessment USING (assessment_id) WHERE jurisdiction_id LIKE 'demo-%'"
        n_subs = con.execute(
            "SELECT count(*) FROM criterion WHERE framework_id = 'demo-90' AND level = 'sub'"
        ).fetchone()[0]
        assert n_subs == 90
        units = SMALL.departments + SMALL.communes
        assert con.execute(f"SELECT count(*) {demo}").fetchone()[0] == SMALL.provinces * units * SMALL.years * 90
        assert con.execute(f"SELECT DISTINCT score.provenance {demo}").fetchall() == [("illustrative",)]
        assert con.execute("""SELECT DISTINCT r.provenance, s.provenance FROM result r JOIN assessment a
                              USING (assessment_id) JOIN source s ON s.source_id = r.source_id
                              WHERE a.jurisdiction_id LIKE 'demo-%'""").fetchall() == [("illustrative", "illustrative")]
        # The embedded data is all there: the 2021 department mean still reads 89,28.
        mean = con.execute("""SELECT round(avg(total), 2) FROM standing WHERE jurisdiction_id = 'lao-cai'
                              AND unit_group = 'department' AND year = 2021""").fetchone()[0]
        assert float(mean) == 89.28


def test_the_jurisdiction_filter_appears_only_with_more_than_one_province(demo_small_db, fixture_db, use_db):
    use_db(fixture_db)  # one province (the embedded data now has two: Lào Cai and Yên Bái until 2024)
    assert "Tỉnh" not in [s.label for s in open_page("overview", {}).selectbox]
    use_db(demo_small_db)
    at = open_page("overview", {})
    place = next(s for s in at.selectbox if s.label == "Tỉnh")
    assert (place.value, len(place.options)) == (
        "lao-cai",
        4,
    )  # and Yên Bái (until 2024)  # the home province first, left out of the URL
    assert "j" not in at.query_params


def test_a_chosen_province_shows_its_own_units_and_stays_in_the_address(demo_small_db, use_db):
    use_db(demo_small_db)
    at = open_page("rankings", {"j": "demo-02", "g": "commune"})
    assert at.title[0].value.startswith("Bảng xếp hạng — Xã, phường")
    assert all("tỉnh minh họa 02" in name for name in at.dataframe[0].value.iloc[:, 1])
    assert at.query_params["j"] == "demo-02"
    assert "minh họa" in at.warning[0].value  # illustrative data says so


def test_an_unknown_province_falls_back_with_a_notice(demo_small_db, use_db):
    use_db(demo_small_db)
    at = open_page("overview", {"j": "ha-noi"})
    assert not at.exception
    assert any("«ha-noi»" in i.value for i in at.info)
    assert next(s for s in at.selectbox if s.label == "Tỉnh").value == "lao-cai"


def test_the_methodology_page_shows_the_chosen_provinces_tiers(demo_small_db, use_db):
    use_db(demo_small_db)
    shown = lambda at: "\n".join(d.value.to_string() for d in at.dataframe)  # noqa: E731
    assert "Xuất sắc" in shown(open_page("methodology", {"j": "demo-01"}))  # the invented provinces' tiers
    assert "Xuất sắc" not in shown(open_page("methodology", {}))  # Lào Cai's own
