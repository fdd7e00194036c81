"""The fixture dataset with a draft: the 2022 department results before their announcement.

An editor previews them (marked DỰ THẢO); an anonymous viewer must never see any of them."""

from __future__ import annotations

import copy

from fixture_data import TABLES

DRAFT_YEAR = 2022


def draft_overrides() -> dict[str, list[dict]]:
    tables = copy.deepcopy({k: TABLES[k] for k in ("assessments", "tiers", "results")})
    tables["assessments"].append(
        {
            **tables["assessments"][2],
            "assessment_id": "x-2022",
            "year": DRAFT_YEAR,
            "framework_id": "",
            "n_units": 3,
            "status": "draft",
            "decision_no": "",
            "note_vi": "",
            "note_en": "",
        }
    )
    tables["tiers"] += [
        {**tier, "year": DRAFT_YEAR}
        for tier in TABLES["tiers"]
        if tier["year"] == 2021 and tier["group"] == "department"
    ]
    tables["results"] += [
        {**tables["results"][0], "assessment_id": "x-2022", "unit_id": uid, "total": total, "published_tier": ""}
        for uid, total in (("alpha", "93.00"), ("beta", "87.50"), ("gamma", "81.25"))
    ]
    return tables
