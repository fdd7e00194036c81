"""Backup: every assessment (drafts too) as one XLSX workbook or one folder of CSV files, in the
import's own shape, and restore: those files read back through the same import path.

Each assessment has two tables: its results (Mã đơn vị, Tên đơn vị, Tổng điểm, ... one row per
unit) and, where it has them, its scores per criterion in the long shape. A manifest lists them
with the year, group, jurisdiction, status and decision; the units and jurisdictions that imports
created have their own tables. What a backup does not hold: what data/ defines (its units,
criteria sets, tiers) and the import log.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from parindex import cells
from parindex.importing import stored
from parindex.importing.messages import ImportProblem, ImportRefused
from parindex.importing.plan import Options, plan, snapshot
from parindex.importing.setup import SetupOptions, setup_from_grids
from parindex.importing.setup_workbook import CHANGES, CRITERIA, SETTINGS, TIERS, stored_sheets
from parindex.importing.sheet import Grid, read_grids

RESULT_HEADINGS = {
    "unit_id": "Mã đơn vị",
    "name_vi": "Tên đơn vị",
    "total": "Tổng điểm",
    "self_total": "Điểm tự đánh giá",
    "appraised": "Điểm thẩm định",
    "survey": "Điểm điều tra XHH",
    "published_rank": "Xếp hạng",
    "published_tier": "Xếp loại",
    "provenance": "Nguồn số liệu",
    "derived": "derived",
    "note_vi": "note vi",
    "note_en": "note en",
    "source_id": "source id",
}
SCORE_HEADINGS = {
    "unit_id": "Mã đơn vị",
    "criterion_id": "Mã tiêu chí",
    "final_points": "Điểm",
    "self_points": "Điểm tự đánh giá",
    "provenance": "Nguồn số liệu",
}
MANIFEST = "manifest"
SETUPS = "thiet-lap"  # the years editors set up, each as the set-up workbook's four sheets (S01-...)
SETUP_SHEETS = {SETTINGS: "thong-tin", CRITERIA: "tieu-chi", TIERS: "xep-loai", CHANGES: "thay-doi"}
CREATED = {"don-vi": "backup_units", "dia-phuong": "backup_places"}  # what imports created (data/ and
# set-ups define the rest): restored before the results; {sheet: parindex/sql/stored file}


def tables(db_path: Path) -> dict[str, pd.DataFrame]:
    """{name: frame}: the manifest, then each assessment's results (A01) and scores (A01-diem)."""
    db = stored.read(
        db_path,
        {
            "assessment": "backup_assessments",
            "result": "backup_results",
            "score": "backup_scores",
            "setup": "backup_setups",
            **CREATED,
        },
    )
    out = {
        MANIFEST: db["assessment"].assign(sheet=[f"A{i:02d}" for i in range(1, len(db["assessment"]) + 1)]),
        **{name: db[name] for name in CREATED},
    }
    setups = db["setup"].assign(sheet=[f"S{i:02d}" for i in range(1, len(db["setup"]) + 1)])
    if not setups.empty:
        out[SETUPS] = setups.drop(columns="import_id")
    for import_id, sheet in zip(setups["import_id"], setups["sheet"]):
        for name, frame in stored_sheets(db_path, int(import_id)).items():
            out[f"{sheet}-{SETUP_SHEETS[name]}"] = frame
    for _, a in out[MANIFEST].iterrows():
        results = db["result"][db["result"]["assessment_id"] == a["assessment_id"]]
        out[a["sheet"]] = results[list(RESULT_HEADINGS)].rename(columns=RESULT_HEADINGS)
        scores = db["score"][db["score"]["assessment_id"] == a["assessment_id"]]
        if not scores.empty:
            out[f"{a['sheet']}-diem"] = scores[list(SCORE_HEADINGS)].rename(columns=SCORE_HEADINGS)
    return out


def to_xlsx(db_path: Path) -> bytes:
    """The backup as one workbook: text is text (parindex.cells), so a unit name such as '=1+2'
    is never a formula and reads back as it was written."""
    return cells.xlsx_bytes(tables(db_path))


def to_folder(db_path: Path, folder: Path) -> None:
    """The backup as CSV files; a text a spreadsheet would run as a formula starts with an
    apostrophe (parindex.cells), which restore takes off again."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in tables(db_path).items():
        (folder / f"{name}.csv").write_bytes(cells.csv_bytes(frame))


def restore(source: Path, db_path: Path, editor: str, data_dir: Path | None = None) -> int:
    """Read a backup (an .xlsx file or a folder of CSV files) into db_path through the import path;
    every assessment is replaced by the backup's. Returns the number of assessments."""
    grids = _grids(source)
    _restore_setups(source.name, grids, db_path, editor, data_dir)
    manifest = _manifest(grids.pop(MANIFEST))
    created = {name: _frame(grids.pop(name)) for name in CREATED if name in grids}
    data = source.read_bytes() if source.is_file() else b"".join(p.read_bytes() for p in sorted(source.glob("*.csv")))

    def change():
        db = snapshot(db_path)
        sources = set(stored.read(db_path, {"s": "source_ids"})["s"]["source_id"])
        import_id = int(max(db["import_log"]["import_id"], default=0)) + 1
        units, places = created.get("don-vi", pd.DataFrame()), created.get("dia-phuong", pd.DataFrame())
        if not units.empty:  # known to the plans below, written with the results
            units = units.assign(first_year=pd.to_numeric(units["first_year"]).astype(object), last_year=None)
            db["unit"] = pd.concat(
                [db["unit"], units[~units["unit_id"].isin(db["unit"]["unit_id"])]], ignore_index=True
            )
        if not places.empty:
            db["jurisdiction"] = pd.concat([db["jurisdiction"], places], ignore_index=True)
        frames, problems = [], []
        for entry in manifest:
            options = Options.restoring(entry)
            done = plan(source.name, [grids[entry["sheet"]]], options, db)
            if f"{entry['sheet']}-diem" in grids and done.ok:
                scores = plan(source.name, [grids[f"{entry['sheet']}-diem"]], options, db)
                problems += scores.problems
                if scores.ok:
                    done.frames["score"] = scores.frames["score"]
            problems += done.problems
            if done.ok:
                kept = {
                    k: entry[k] for k in ("decision_no", "decision_date", "n_units", "ranking", "note_vi", "note_en")
                }
                if entry["source_id"] in sources:  # the announcement it came from, not "a restore"
                    kept["source_id"] = entry["source_id"]
                done.frames["assessment"] = done.frames["assessment"].assign(**kept)
                results = done.frames["result"]  # a source of an earlier import: this restore's own
                own = done.frames["source"]["source_id"].iat[0]
                done.frames["result"] = results.assign(
                    source_id=[s if s in sources else own for s in results["source_id"]]
                )
                frames.append(done.frames)
        if problems:
            raise ImportRefused(problems)
        batch = {
            name: pd.concat([f[name] for f in frames], ignore_index=True).assign(import_id=import_id)
            for name in frames[0]
        }
        batch["source"] = batch["source"].drop_duplicates("source_id")
        for name, frame in (("unit", units), ("jurisdiction", places)):
            if not frame.empty:
                batch[name] = pd.concat(
                    [batch[name], frame.assign(import_id=import_id, _file=source.name, _row=None)], ignore_index=True
                ).drop_duplicates(f"{name}_id", keep="last")
        return batch, {
            "import_id": import_id,
            "imported_at": datetime.now(UTC).replace(tzinfo=None),
            "editor": editor,
            "action": "restore",
            "file_name": source.name,
            "sha256": hashlib.sha256(data).hexdigest(),
            "rows": sum(len(f["result"]) for f in frames),
            "status": "mixed",
        }

    from parindex.importing.commit import rebuild

    rebuild(db_path, data_dir, change, source.name)
    return len(manifest)


def _restore_setups(file_name: str, grids: dict[str, Grid], db_path: Path, editor: str, data_dir: Path | None) -> None:
    """The years set up by editors, first (their criteria and bands are what the results are read by)."""
    if SETUPS not in grids:
        return
    for entry in _manifest(grids.pop(SETUPS)):
        sheets = [Grid(name, grids.pop(f"{entry['sheet']}-{suffix}").rows) for name, suffix in SETUP_SHEETS.items()]
        options = SetupOptions.restoring(entry)
        setup_from_grids(file_name, lambda sheets=sheets: sheets, options, db_path, editor, data_dir)


def _grids(source: Path) -> dict[str, Grid]:
    if source.is_dir():  # written by to_folder: its apostrophes (parindex.cells) come off
        grids = {p.stem: read_grids(p.name, p.read_bytes())[0] for p in sorted(source.glob("*.csv"))}
        for grid in grids.values():
            grid.rows = [[cells.restored(v) for v in row] for row in grid.rows]
        return grids
    return {grid.sheet: grid for grid in read_grids(source.name, source.read_bytes())}


def _frame(grid: Grid) -> pd.DataFrame:
    header = [str(h) for h in grid.rows[0]] if grid.rows else []
    return pd.DataFrame([r for r in grid.rows[1:] if any(v is not None for v in r)], columns=header, dtype=object)


def _manifest(grid: Grid) -> list[dict]:
    header = [str(h) for h in grid.rows[0]]
    entries = []
    for row in grid.rows[1:]:
        if any(v is not None for v in row):
            entry = dict(zip(header, row))
            entries.append(
                {k: (None if v is None or (isinstance(v, float) and pd.isna(v)) else v) for k, v in entry.items()}
            )
    if not entries:
        raise ImportRefused([ImportProblem(None, None, "no_rows")])
    return entries
