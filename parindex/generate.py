"""Illustrative criterion-level PAR Index (Chỉ số CCHC) data for Lào Cai, 2019-2024.

Lào Cai published only a few group figures (means, a count at or above 90, each unit's 2021
score band), never per-unit or per-criterion scores. The dashboard still needs criterion-level
data to show how a total is built, so this module writes ILLUSTRATIVE, invented scores for two
invented criteria sets modelled on the eight national areas. Every row it writes is marked
`illustrative`. The invented numbers are nevertheless forced to agree with every published fact
read from `data/published/`: data contradicting the real figures would mislead readers, and the
build rejects it. If the facts cannot be met, the generator raises instead of bending them.

All points are integer hundredths so every sum is exact. A private `random.Random` with a fixed
seed, integer-only draws and a fixed row order (assessment, unit, criteria in display order)
make the files byte-identical on every run.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

SEED = 20221
JURISDICTION = "lao-cai"
PROVENANCE = "illustrative"
SOURCE_ID = "ILL"
FRAMEWORK_IDS = ("ill-2019", "ill-2022")
SURVEY_AREA = "TD"

# Plausible range of a unit's total, and of its latent level (hundredths of a point).
TOTAL_FLOOR, TOTAL_CEIL = 7500, 9900
LEVEL_FLOOR, LEVEL_CEIL = 8000, 9700
# The year whose published bands fix each unit's latent level; other years drift from it.
ANCHOR_YEAR = 2021
# Province-wide movement per year (2022: new, stricter criteria set).
YEAR_SHIFT = {2019: -120, 2020: 70, 2021: 0, 2022: -180, 2023: -60, 2024: 40}
# How readily each area loses points, in percent (survey losses track the unit's overall level).
AREA_DIFFICULTY = {"CDDH": 60, "TC": 170, "TTHC": 100, "TCBM": 70, "CV": 80, "TCC": 110, "CPS": 160}
QUARTER = 25  # appraised points move in steps of 0.25; survey points in hundredths


# --- criteria sets -------------------------------------------------------------------------


@dataclass(frozen=True)
class Sub:
    key: str
    name_vi: str
    name_en: str
    points: tuple[str | None, str | None]  # max points in (ill-2019, ill-2022); None = absent


@dataclass(frozen=True)
class Criterion:
    key: str
    name_vi: str
    name_en: str
    subs: tuple[Sub, ...]


@dataclass(frozen=True)
class Area:
    key: str
    names: tuple[tuple[str, str, str, str], ...]  # per framework: name_vi, name_en, short_vi, short_en
    criteria: tuple[Criterion, ...]


def _same(name_vi: str, name_en: str, short_vi: str, short_en: str) -> tuple:
    return ((name_vi, name_en, short_vi, short_en),) * len(FRAMEWORK_IDS)


AREAS = (
    Area(
        "CDDH",
        _same("Công tác chỉ đạo, điều hành CCHC", "Direction and management of PAR", "Chỉ đạo điều hành", "Direction"),
        (
            Criterion(
                "1",
                "Kế hoạch CCHC năm",
                "Annual PAR plan",
                (
                    Sub("a", "Ban hành kế hoạch CCHC năm đúng thời hạn", "Annual PAR plan issued on time", ("1", "1")),
                    Sub(
                        "b",
                        "Mức độ hoàn thành kế hoạch CCHC năm",
                        "Degree of completion of the annual PAR plan",
                        ("2", "1.5"),
                    ),
                ),
            ),
            Criterion(
                "2",
                "Báo cáo CCHC",
                "PAR reporting",
                (
                    Sub(
                        "a",
                        "Báo cáo CCHC định kỳ đầy đủ, đúng hạn",
                        "Periodic PAR reports complete and on time",
                        ("1", "1"),
                    ),
                ),
            ),
            Criterion(
                "3",
                "Kiểm tra công tác CCHC",
                "Inspection of PAR work",
                (
                    Sub(
                        "a",
                        "Tỷ lệ đơn vị trực thuộc được kiểm tra trong năm",
                        "Share of subordinate units inspected during the year",
                        ("1", "1"),
                    ),
                    Sub(
                        "b",
                        "Xử lý các vấn đề phát hiện qua kiểm tra",
                        "Follow-up of issues found in inspections",
                        ("1", "1"),
                    ),
                ),
            ),
            Criterion(
                "4",
                "Tuyên truyền CCHC",
                "PAR communication",
                (
                    Sub(
                        "a",
                        "Thực hiện kế hoạch tuyên truyền CCHC",
                        "Implementation of the PAR communication plan",
                        ("1", "0.5"),
                    ),
                ),
            ),
            Criterion(
                "5",
                "Sáng kiến, giải pháp mới trong CCHC",
                "Innovation in PAR",
                (
                    Sub(
                        "a",
                        "Có sáng kiến, giải pháp mới được công nhận",
                        "New initiatives or solutions recognised",
                        ("1", "1"),
                    ),
                ),
            ),
        ),
    ),
    Area(
        "TC",
        _same("Cải cách thể chế", "Institutional reform", "Thể chế", "Institutions"),
        (
            Criterion(
                "1",
                "Xây dựng, ban hành văn bản QPPL",
                "Drafting and issuing legal documents",
                (
                    Sub(
                        "a",
                        "Thực hiện đúng quy trình xây dựng văn bản QPPL",
                        "Drafting procedure for legal documents followed",
                        ("1.5", "1.5"),
                    ),
                    Sub(
                        "b",
                        "Tỷ lệ văn bản QPPL ban hành đúng kế hoạch",
                        "Share of legal documents issued as planned",
                        ("1.5", "1"),
                    ),
                ),
            ),
            Criterion(
                "2",
                "Rà soát, hệ thống hóa văn bản QPPL",
                "Review and systematisation of legal documents",
                (
                    Sub(
                        "a",
                        "Rà soát, hệ thống hóa văn bản theo quy định",
                        "Review and systematisation done as required",
                        ("1.5", "1.5"),
                    ),
                    Sub("b", "Xử lý kết quả rà soát văn bản", "Follow-up of review results", ("1", "1")),
                ),
            ),
            Criterion(
                "3",
                "Theo dõi thi hành pháp luật",
                "Monitoring of law enforcement",
                (
                    Sub(
                        "a",
                        "Ban hành kế hoạch theo dõi thi hành pháp luật",
                        "Law enforcement monitoring plan issued",
                        ("1", "1"),
                    ),
                    Sub(
                        "b",
                        "Xử lý kết quả theo dõi thi hành pháp luật",
                        "Follow-up of monitoring results",
                        ("1.5", "1"),
                    ),
                ),
            ),
        ),
    ),
    Area(
        "TTHC",
        _same(
            "Cải cách thủ tục hành chính", "Administrative procedure reform", "Thủ tục hành chính", "Admin. procedures"
        ),
        (
            Criterion(
                "1",
                "Kiểm soát thủ tục hành chính",
                "Control of administrative procedures",
                (
                    Sub(
                        "a",
                        "Công bố, công khai TTHC đúng quy định",
                        "Procedures announced and published as required",
                        ("2", "2"),
                    ),
                    Sub("b", "Rà soát, đơn giản hóa TTHC", "Review and simplification of procedures", ("1.5", "1.5")),
                ),
            ),
            Criterion(
                "2",
                "Thực hiện cơ chế một cửa, một cửa liên thông",
                "One-stop-shop mechanism",
                (
                    Sub(
                        "a",
                        "Tỷ lệ TTHC tiếp nhận tại Trung tâm Phục vụ hành chính công",
                        "Share of procedures received at the Public Administration Service Centre",
                        ("2", "2"),
                    ),
                    Sub(
                        "b",
                        "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn",
                        "Share of procedure files settled on time",
                        ("3", "3"),
                    ),
                    Sub(
                        "c",
                        "Xin lỗi người dân, tổ chức khi giải quyết hồ sơ quá hạn",
                        "Apologies to citizens and organisations for overdue files",
                        ("1", "1"),
                    ),
                ),
            ),
            Criterion(
                "3",
                "Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC",
                "Handling feedback and petitions on procedures",
                (
                    Sub(
                        "a",
                        "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn",
                        "Share of feedback and petitions handled on time",
                        ("2.5", "2"),
                    ),
                ),
            ),
            Criterion(
                "4",
                "Số hóa hồ sơ, kết quả giải quyết TTHC",
                "Digitisation of procedure files and results",
                (
                    Sub("a", "Tỷ lệ hồ sơ TTHC được số hóa", "Share of procedure files digitised", (None, "1.5")),
                    Sub(
                        "b",
                        "Tỷ lệ kết quả giải quyết TTHC được tái sử dụng",
                        "Share of procedure results reused",
                        (None, "1"),
                    ),
                ),
            ),
        ),
    ),
    Area(
        "TCBM",
        _same("Cải cách tổ chức bộ máy", "Organisational reform", "Tổ chức bộ máy", "Organisation"),
        (
            Criterion(
                "1",
                "Sắp xếp tổ chức bộ máy",
                "Restructuring of the organisation",
                (
                    Sub(
                        "a",
                        "Thực hiện quy định về cơ cấu tổ chức",
                        "Compliance with rules on organisational structure",
                        ("2", "2"),
                    ),
                    Sub(
                        "b",
                        "Sắp xếp, tinh gọn đầu mối đơn vị trực thuộc",
                        "Streamlining of subordinate units",
                        ("1.5", "1.5"),
                    ),
                ),
            ),
            Criterion(
                "2",
                "Quản lý biên chế",
                "Staffing management",
                (
                    Sub(
                        "a",
                        "Sử dụng biên chế được giao đúng quy định",
                        "Allocated staff quota used as required",
                        ("1.5", "1.5"),
                    ),
                    Sub("b", "Thực hiện tinh giản biên chế theo lộ trình", "Staff reduction on schedule", ("1", "1")),
                ),
            ),
            Criterion(
                "3",
                "Phân cấp, ủy quyền",
                "Decentralisation and delegation",
                (
                    Sub(
                        "a",
                        "Thực hiện nhiệm vụ được phân cấp, ủy quyền",
                        "Performance of decentralised and delegated tasks",
                        ("1", "0.5"),
                    ),
                ),
            ),
        ),
    ),
    Area(
        "CV",
        _same("Cải cách chế độ công vụ", "Civil service reform", "Công vụ", "Civil service"),
        (
            Criterion(
                "1",
                "Vị trí việc làm",
                "Job positions",
                (
                    Sub(
                        "a",
                        "Bố trí công chức, viên chức theo vị trí việc làm được phê duyệt",
                        "Staff placed according to approved job positions",
                        ("2", "2"),
                    ),
                ),
            ),
            Criterion(
                "2",
                "Tuyển dụng, sử dụng công chức, viên chức",
                "Recruitment and use of staff",
                (
                    Sub(
                        "a",
                        "Tuyển dụng công chức, viên chức đúng quy định",
                        "Staff recruited as required",
                        ("1.5", "1.5"),
                    ),
                    Sub(
                        "b",
                        "Bổ nhiệm lãnh đạo, quản lý đúng quy định",
                        "Managers appointed as required",
                        ("1.5", "1.5"),
                    ),
                ),
            ),
            Criterion(
                "3",
                "Đánh giá, xếp loại công chức, viên chức",
                "Performance appraisal of staff",
                (
                    Sub(
                        "a",
                        "Đánh giá, xếp loại chất lượng đúng quy định",
                        "Staff appraised and rated as required",
                        ("2", "1.5"),
                    ),
                ),
            ),
            Criterion(
                "4",
                "Đào tạo, bồi dưỡng",
                "Training",
                (
                    Sub(
                        "a",
                        "Thực hiện kế hoạch đào tạo, bồi dưỡng",
                        "Implementation of the training plan",
                        ("1.5", "1.5"),
                    ),
                ),
            ),
            Criterion(
                "5",
                "Kỷ luật, kỷ cương hành chính",
                "Administrative discipline",
                (
                    Sub(
                        "a",
                        "Chấp hành kỷ luật, kỷ cương hành chính",
                        "Observance of administrative discipline",
                        ("2", "2"),
                    ),
                    Sub("b", "Không có cán bộ, công chức bị kỷ luật", "No officials disciplined", ("1.5", "1.5")),
                ),
            ),
        ),
    ),
    Area(
        "TCC",
        _same("Cải cách tài chính công", "Public finance reform", "Tài chính công", "Public finance"),
        (
            Criterion(
                "1",
                "Quản lý, sử dụng ngân sách",
                "Budget management",
                (
                    Sub(
                        "a",
                        "Giải ngân vốn đầu tư công đúng tiến độ",
                        "Public investment disbursed on schedule",
                        ("2", "2"),
                    ),
                    Sub("b", "Công khai ngân sách đúng quy định", "Budget published as required", ("1", "1")),
                ),
            ),
            Criterion(
                "2",
                "Cơ chế tự chủ tài chính",
                "Financial autonomy",
                (
                    Sub("a", "Thực hiện quy chế chi tiêu nội bộ", "Internal spending rules applied", ("1.5", "1")),
                    Sub(
                        "b",
                        "Thực hiện cơ chế tự chủ của đơn vị sự nghiệp công lập",
                        "Autonomy of public service units implemented",
                        ("1.5", "1.5"),
                    ),
                ),
            ),
            Criterion(
                "3",
                "Quản lý, sử dụng tài sản công",
                "Management of public assets",
                (
                    Sub(
                        "a",
                        "Quản lý, sử dụng tài sản công đúng quy định",
                        "Public assets managed and used as required",
                        ("2", "1.5"),
                    ),
                ),
            ),
        ),
    ),
    Area(
        "CPS",
        (
            (
                "Hiện đại hóa hành chính, chính phủ điện tử",
                "Administrative modernisation and e-government",
                "Hiện đại hóa",
                "E-government",
            ),
            (
                "Xây dựng chính phủ điện tử, chính phủ số",
                "E-government and digital government",
                "Chính phủ số",
                "Digital government",
            ),
        ),
        (
            Criterion(
                "1",
                "Ứng dụng công nghệ thông tin trong nội bộ",
                "IT in internal operations",
                (
                    Sub(
                        "a",
                        "Tỷ lệ văn bản điện tử gửi, nhận trên môi trường mạng",
                        "Share of documents sent and received electronically",
                        ("2", "2.5"),
                    ),
                    Sub("b", "Sử dụng chữ ký số", "Use of digital signatures", ("1.5", "1.5")),
                    Sub("c", "Bảo đảm an toàn, an ninh thông tin", "Information security assured", ("1.5", "1.5")),
                ),
            ),
            Criterion(
                "2",
                "Cung cấp dịch vụ công trực tuyến",
                "Online public services",
                (
                    Sub(
                        "a",
                        "Tỷ lệ dịch vụ công được cung cấp trực tuyến",
                        "Share of public services provided online",
                        ("4", "3.5"),
                    ),
                    Sub(
                        "b",
                        "Tỷ lệ hồ sơ TTHC nộp trực tuyến",
                        "Share of procedure files submitted online",
                        ("3", "3.5"),
                    ),
                    Sub("c", "Thanh toán trực tuyến phí, lệ phí", "Online payment of fees and charges", (None, "1.5")),
                ),
            ),
            Criterion(
                "3",
                "Hệ thống quản lý chất lượng ISO",
                "ISO quality management system",
                (
                    Sub(
                        "a",
                        "Áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001",
                        "ISO 9001 quality management system applied",
                        ("1.5", None),
                    ),
                    Sub(
                        "b",
                        "Duy trì, cải tiến hệ thống quản lý chất lượng",
                        "Quality management system maintained and improved",
                        ("1.5", None),
                    ),
                ),
            ),
            Criterion(
                "4",
                "Chuyển đổi số",
                "Digital transformation",
                (
                    Sub(
                        "a",
                        "Kết nối, chia sẻ dữ liệu với cơ sở dữ liệu quốc gia",
                        "Data connected and shared with national databases",
                        (None, "2.5"),
                    ),
                    Sub(
                        "b",
                        "Sử dụng nền tảng số dùng chung của tỉnh",
                        "Use of the province's shared digital platforms",
                        (None, "2.5"),
                    ),
                ),
            ),
        ),
    ),
    Area(
        SURVEY_AREA,
        _same(
            "Tác động của CCHC — điều tra xã hội học",
            "Impact of PAR — sociological survey",
            "Tác động (khảo sát)",
            "Impact (survey)",
        ),
        (
            Criterion(
                "1",
                "Khảo sát sự hài lòng của người dân, tổ chức",
                "Survey of citizens and organisations",
                (
                    Sub(
                        "a",
                        "Mức độ hài lòng của người dân, tổ chức",
                        "Satisfaction of citizens and organisations",
                        ("8", "8"),
                    ),
                    Sub(
                        "b",
                        "Đánh giá về tiếp cận dịch vụ hành chính công",
                        "Access to public administrative services",
                        ("4", "3.5"),
                    ),
                ),
            ),
            Criterion(
                "2",
                "Khảo sát lãnh đạo, quản lý",
                "Survey of leaders and managers",
                (
                    Sub(
                        "a",
                        "Đánh giá chất lượng tham mưu, chỉ đạo CCHC",
                        "Quality of PAR advice and direction",
                        ("4", "4"),
                    ),
                    Sub(
                        "b",
                        "Đánh giá chất lượng văn bản do đơn vị tham mưu ban hành",
                        "Quality of the legal documents the unit drafted",
                        ("3", "3"),
                    ),
                    Sub(
                        "c",
                        "Đánh giá về TTHC và công vụ",
                        "Administrative procedures and the civil service",
                        ("3", "2.5"),
                    ),
                ),
            ),
            Criterion(
                "3",
                "Tác động đến phát triển kinh tế - xã hội",
                "Impact on socio-economic development",
                (
                    Sub(
                        "a",
                        "Đánh giá kết quả thực hiện nhiệm vụ kinh tế - xã hội được giao",
                        "Fulfilment of assigned socio-economic tasks",
                        ("5", "4"),
                    ),
                    Sub(
                        "b",
                        "Đánh giá cải thiện môi trường đầu tư, kinh doanh",
                        "Improvement of the investment and business environment",
                        ("3", "3"),
                    ),
                ),
            ),
        ),
    ),
)


@dataclass(frozen=True)
class Node:
    framework_id: str
    criterion_id: str
    parent_id: str
    level: str
    area_key: str
    name_vi: str
    name_en: str
    short_vi: str
    short_en: str
    max_points: int  # hundredths
    sort_order: int

    @property
    def self_assessed(self) -> bool:
        return self.area_key != SURVEY_AREA


def hundredths(value: str | Decimal) -> int:
    scaled = Decimal(value) * 100
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{value} has more than two decimals")
    return int(scaled)


def fmt(value: int) -> str:
    """Non-negative hundredths as a number with exactly two decimals: 8928 -> "89.28"."""
    return f"{value // 100}.{value % 100:02d}"


def criteria_tree(framework_id: str) -> list[Node]:
    """The nodes of one criteria set in display order; every parent is the sum of its children."""
    index = FRAMEWORK_IDS.index(framework_id)
    nodes = []
    for area_order, area in enumerate(AREAS, 1):
        below = []
        criteria = [c for c in area.criteria if any(s.points[index] for s in c.subs)]
        for crit_order, crit in enumerate(criteria, 1):
            crit_id = f"{area.key}.{crit.key}"
            subs = [
                Node(
                    framework_id,
                    f"{crit_id}.{s.key}",
                    crit_id,
                    "sub",
                    area.key,
                    s.name_vi,
                    s.name_en,
                    s.name_vi,
                    s.name_en,
                    hundredths(s.points[index]),
                    order,
                )
                for order, s in enumerate((s for s in crit.subs if s.points[index]), 1)
            ]
            below.append(
                Node(
                    framework_id,
                    crit_id,
                    area.key,
                    "criterion",
                    area.key,
                    crit.name_vi,
                    crit.name_en,
                    crit.name_vi,
                    crit.name_en,
                    sum(s.max_points for s in subs),
                    crit_order,
                )
            )
            below.extend(subs)
        area_max = sum(n.max_points for n in below if n.level == "criterion")
        nodes.append(Node(framework_id, area.key, "", "area", area.key, *area.names[index], area_max, area_order))
        nodes.extend(below)
    return nodes


# --- inputs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Assessment:
    assessment_id: str
    year: int
    group: str
    framework_id: str
    max_total: int


@dataclass(frozen=True)
class Tier:
    order: int
    code: str
    min_points: int | None
    inclusive: bool


Tiers = dict[tuple[int, str], list[Tier]]  # by (year, group), in tier order


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_assessments(data_dir: Path) -> list[Assessment]:
    rows = [
        r
        for r in read_csv(data_dir / "assessments.csv")
        if r["jurisdiction_id"] == JURISDICTION and r["framework_id"] in FRAMEWORK_IDS
    ]
    return sorted(
        (
            Assessment(r["assessment_id"], int(r["year"]), r["group"], r["framework_id"], hundredths(r["max_total"]))
            for r in rows
        ),
        key=lambda a: a.assessment_id,
    )


def active_units(units: list[dict[str, str]], year: int, group: str) -> list[str]:
    return sorted(
        u["unit_id"]
        for u in units
        if u["group"] == group and int(u["first_year"]) <= year and (not u["last_year"] or year <= int(u["last_year"]))
    )


def read_tiers(data_dir: Path) -> Tiers:
    tiers: Tiers = {}
    for r in read_csv(data_dir / "tiers.csv"):
        if r["jurisdiction_id"] == JURISDICTION:
            min_points = hundredths(r["min_points"]) if r["min_points"] else None
            tier = Tier(int(r["tier_order"]), r["code"], min_points, r["min_inclusive"] == "true")
            tiers.setdefault((int(r["year"]), r["group"]), []).append(tier)
    return {key: sorted(ts, key=lambda t: t.order) for key, ts in tiers.items()}


def band_bounds(code: str, tiers: list[Tier]) -> tuple[int, int]:
    """Totals surely in tier `code`, keeping off both thresholds (never 89.00 or 90.00 exactly)."""
    for i, tier in enumerate(tiers):
        if tier.code == code:
            low = 0 if tier.min_points is None else tier.min_points + (0 if tier.inclusive else 1)
            high = 10000 if i == 0 else tiers[i - 1].min_points - 1
            return low, high
    raise ValueError(f"band {code!r} is not a tier code")


def read_bands(data_dir: Path, units: list[dict[str, str]], assessments: list[Assessment]) -> dict[str, dict[str, str]]:
    """Published band code per unit_id, by assessment_id (only where bands were published)."""
    aliases = read_csv(data_dir / "unit_aliases.csv")
    by_year_group = {(a.year, a.group): a for a in assessments}
    bands: dict[str, dict[str, str]] = {}
    for r in read_csv(data_dir / "published" / "laocai_units.csv"):
        assessment = by_year_group.get((int(r["year"]), r["unit_group"]))
        if assessment and r["tier_or_band"]:
            unit_id = match_unit(r["unit_name"], units, aliases, assessment)
            bands.setdefault(assessment.assessment_id, {})[unit_id] = r["tier_or_band"]
    return bands


def match_unit(name: str, units: list[dict[str, str]], aliases: list[dict[str, str]], assessment: Assessment) -> str:
    """The one unit active in the assessment whose canonical name or alias is `name`."""
    found = {u["unit_id"] for u in units if u["name_vi"] == name} | {
        a["unit_id"] for a in aliases if a["alias"] == name
    }
    found &= set(active_units(units, assessment.year, assessment.group))
    if len(found) != 1:
        raise ValueError(f"published unit {name!r} ({assessment.assessment_id}) matches {sorted(found)}")
    return found.pop()


def read_stats(data_dir: Path) -> dict[tuple[int, str], dict[str, Decimal]]:
    stats: dict[tuple[int, str], dict[str, Decimal]] = {}
    for r in read_csv(data_dir / "published" / "laocai_group_stats.csv"):
        stats.setdefault((int(r["year"]), r["unit_group"]), {})[r["stat"]] = Decimal(r["value"])
    return stats


# --- totals --------------------------------------------------------------------------------


def spread(amount: int, weights: list[int], caps: list[int]) -> list[int]:
    """Split `amount` into integer parts roughly proportional to `weights`, part i <= caps[i].

    Largest-remainder rounding; parts that reach their cap pass the excess on to the others.
    """
    if not 0 <= amount <= sum(c for w, c in zip(weights, caps) if w > 0):
        raise ValueError(f"cannot spread {amount} within caps {caps}")
    parts = [0] * len(weights)
    while amount:
        open_ = [i for i, w in enumerate(weights) if w > 0 and parts[i] < caps[i]]
        total = sum(weights[i] for i in open_)
        shares = {i: divmod(amount * weights[i], total) for i in open_}
        for i in open_:
            give = min(shares[i][0], caps[i] - parts[i])
            parts[i] += give
            amount -= give
        for i in sorted(open_, key=lambda i: (-shares[i][1], i)):
            if amount and parts[i] < caps[i]:
                parts[i] += 1
                amount -= 1
    return parts


def fit_totals(raw: dict[str, int], bounds: dict[str, tuple[int, int]], target: int | None) -> dict[str, int]:
    """Clamp each raw total into its bounds, then move them to sum exactly to `target`: each unit
    moves by the same share of its room to move, so none is pushed onto a bound."""
    totals = {u: min(max(raw[u], bounds[u][0]), bounds[u][1]) for u in sorted(raw)}
    if target is None:
        return totals
    low, high = sum(b[0] for b in bounds.values()), sum(b[1] for b in bounds.values())
    if not low <= target <= high:
        raise ValueError(f"the target sum {fmt(target)} is outside the reachable {fmt(low)}..{fmt(high)}")
    gap = target - sum(totals.values())
    room = [bounds[u][1] - t if gap > 0 else t - bounds[u][0] for u, t in totals.items()]
    step = 1 if gap > 0 else -1
    for unit, move in zip(list(totals), spread(abs(gap), room, room)):
        totals[unit] += step * move
    return totals


def total_bounds(
    raw: dict[str, int], bands: dict[str, str], tiers: list[Tier] | None, stats: dict[str, Decimal]
) -> dict[str, tuple[int, int]]:
    """Per unit, the range its total may take: plausible, inside its published band, and on the
    right side of a published 'count at or above' threshold (the best raw totals go above)."""
    bounds = {u: (TOTAL_FLOOR, TOTAL_CEIL) for u in raw}
    for unit, code in bands.items():
        low, high = band_bounds(code, tiers)
        bounds[unit] = (max(bounds[unit][0], low), min(bounds[unit][1], high))
    for stat, count in stats.items():
        if stat.startswith("count_at_or_above_"):
            threshold = hundredths(stat.removeprefix("count_at_or_above_"))
            for i, unit in enumerate(sorted(raw, key=lambda u: (-raw[u], u))):
                low, high = bounds[unit]
                bounds[unit] = (max(low, threshold), high) if i < count else (low, min(high, threshold - 1))
    empty = [u for u, (low, high) in bounds.items() if low > high]
    if empty:
        raise ValueError(f"no total satisfies the published facts for {empty}")
    return bounds


def fit_assessment(
    a: Assessment,
    raw: dict[str, int],
    bands: dict[str, dict[str, str]],
    tiers: Tiers,
    stats: dict[tuple[int, str], dict[str, Decimal]],
) -> dict[str, int]:
    """The raw totals of one assessment's units, moved to meet its published mean, count and bands."""
    facts = stats.get((a.year, a.group), {})
    if facts.get("n_units", len(raw)) != len(raw):
        raise ValueError(f"{a.assessment_id}: {len(raw)} active units, published n_units {facts['n_units']}")
    target = hundredths(facts["mean_total"]) * len(raw) if "mean_total" in facts else None
    try:
        bounds = total_bounds(raw, bands.get(a.assessment_id, {}), tiers.get((a.year, a.group)), facts)
        return fit_totals(raw, bounds, target)
    except ValueError as e:
        raise ValueError(f"{a.assessment_id}: {e}") from e


def latent_levels(
    assessments: list[Assessment],
    units: list[dict[str, str]],
    bands: dict[str, dict[str, str]],
    tiers: Tiers,
    stats: dict[tuple[int, str], dict[str, Decimal]],
    rng: random.Random,
) -> dict[str, int]:
    """Each unit's level: drawn inside its band of the anchor year, then fitted to that year's facts,
    so that the anchor year needs only small corrections and other years follow on from it."""
    levels = {}
    for a in (a for a in assessments if a.year == ANCHOR_YEAR):
        drawn = {}
        for unit in active_units(units, a.year, a.group):
            low, high = LEVEL_FLOOR, LEVEL_CEIL
            if unit in bands.get(a.assessment_id, {}):
                band_low, band_high = band_bounds(bands[a.assessment_id][unit], tiers[(a.year, a.group)])
                low, high = max(low, band_low), min(high, band_high)
            drawn[unit] = rng.randint(low, high)
        levels.update(fit_assessment(a, drawn, bands, tiers, stats))
    return levels


def unit_totals(
    assessments: list[Assessment],
    units: list[dict[str, str]],
    bands: dict[str, dict[str, str]],
    tiers: Tiers,
    stats: dict[tuple[int, str], dict[str, Decimal]],
    rng: random.Random,
) -> dict[str, dict[str, int]]:
    """Total per unit_id, by assessment_id: the unit's level, the year's shift, the unit's own drift
    and some noise, fitted to the published facts. Every unit assessed must exist in the anchor year."""
    levels = latent_levels(assessments, units, bands, tiers, stats, rng)
    span = max(abs(a.year - ANCHOR_YEAR) for a in assessments) or 1
    # up to 0.8 a year, but a trend never leaves the level range (no one runs into 99 or 75)
    drift = {
        unit: rng.randint(max(-80, (LEVEL_FLOOR - level) // span), min(80, (LEVEL_CEIL - level) // span))
        for unit, level in sorted(levels.items())
    }
    totals = {}
    for a in assessments:
        raw = {}
        for unit in active_units(units, a.year, a.group):
            if unit not in levels:
                raise ValueError(f"{a.assessment_id}: {unit} has no level (not active in {ANCHOR_YEAR})")
            noise = rng.randint(-110, 110) + rng.randint(-110, 110)
            raw[unit] = levels[unit] + YEAR_SHIFT[a.year] + drift[unit] * (a.year - ANCHOR_YEAR) + noise
        totals[a.assessment_id] = fit_assessment(a, raw, bands, tiers, stats)
    return totals


# --- criterion points ----------------------------------------------------------------------


def leaf_difficulty(leaves: list[Node], rng: random.Random) -> dict[str, int]:
    """Province-wide difficulty of each appraised leaf: its area's, varied per criterion."""
    return {n.criterion_id: AREA_DIFFICULTY[n.area_key] * rng.randint(60, 140) for n in leaves if n.self_assessed}


def final_points(total: int, leaves: list[Node], difficulty: dict[str, int], rng: random.Random) -> dict[str, int]:
    """Final points per leaf summing to `total`: max minus a loss spread over the leaves.

    The survey leaves lose about their share of the overall loss, so the survey % tracks the
    unit's; appraised leaves lose whole quarter points, more where the difficulty is higher.
    """
    appraised = [n for n in leaves if n.self_assessed]
    survey = [n for n in leaves if not n.self_assessed]
    full = sum(n.max_points for n in leaves)
    loss = full - total
    survey_loss = loss * sum(n.max_points for n in survey) * rng.randint(85, 115) // (100 * full)
    quarters = (loss - survey_loss + QUARTER // 2) // QUARTER
    appraised_loss = spread(
        quarters,
        [n.max_points * difficulty[n.criterion_id] * rng.randint(50, 150) for n in appraised],
        [n.max_points // QUARTER for n in appraised],
    )
    survey_losses = spread(
        loss - quarters * QUARTER, [n.max_points * rng.randint(80, 120) for n in survey], [n.max_points for n in survey]
    )
    points = {n.criterion_id: n.max_points - q * QUARTER for n, q in zip(appraised, appraised_loss)}
    points.update({n.criterion_id: n.max_points - p for n, p in zip(survey, survey_losses)})
    return points


def self_gaps(room: dict[tuple[str, str], int], rng: random.Random) -> dict[tuple[str, str], int]:
    """Quarter points each unit of one year over-scores itself, given its room (quarters the
    appraisal took off): 2-4 units clearly (3-8 points), the others by at most 1.25."""
    candidates = sorted(key for key, r in room.items() if r >= 13)
    over = set(rng.sample(candidates, min(len(candidates), rng.randint(2, 4))))
    if len(over) < 2:
        raise ValueError(f"too few units lost enough points to over-score clearly: {candidates}")
    return {
        key: rng.randint(12, min(32, room[key])) if key in over else rng.randint(0, min(5, room[key]))
        for key in sorted(room)
    }


def self_points(final: dict[str, int], leaves: list[Node], gap: int, rng: random.Random) -> dict[str, int]:
    """Self-assessed points per appraised leaf: the final points plus `gap` quarters taken back."""
    appraised = [n for n in leaves if n.self_assessed]
    room = [(n.max_points - final[n.criterion_id]) // QUARTER for n in appraised]
    extra = spread(gap, [r * rng.randint(1, 4) for r in room], room)
    return {n.criterion_id: final[n.criterion_id] + q * QUARTER for n, q in zip(appraised, extra)}


def unit_points(
    assessments: list[Assessment], totals: dict[str, dict[str, int]], leaves: dict[str, list[Node]], rng: random.Random
) -> dict[tuple[str, str], tuple[dict, dict]]:
    """(final points, self points) per (assessment_id, unit_id); self-scoring is drawn per year."""
    difficulty = {fid: leaf_difficulty(leaves[fid], rng) for fid in FRAMEWORK_IDS}
    points = {}
    for year in sorted({a.year for a in assessments}):
        finals, tree = {}, {}
        for a in (a for a in assessments if a.year == year):
            for unit, total in totals[a.assessment_id].items():
                tree[(a.assessment_id, unit)] = leaves[a.framework_id]
                finals[(a.assessment_id, unit)] = final_points(
                    total, leaves[a.framework_id], difficulty[a.framework_id], rng
                )
        room = {
            key: sum(n.max_points - final[n.criterion_id] for n in tree[key] if n.self_assessed) // QUARTER
            for key, final in finals.items()
        }
        for key, gap in self_gaps(room, rng).items():
            points[key] = (finals[key], self_points(finals[key], tree[key], gap, rng))
    return points


# --- output --------------------------------------------------------------------------------


def framework_rows(assessments: list[Assessment], trees: dict[str, list[Node]]) -> list[list[str]]:
    rows = []
    for fid in FRAMEWORK_IDS:
        used = [a for a in assessments if a.framework_id == fid]
        first, last = min(a.year for a in used), max(a.year for a in used)
        max_total = sum(n.max_points for n in trees[fid] if n.level == "area")
        if {a.max_total for a in used} != {max_total}:
            raise ValueError(f"{fid}: the criteria sum to {fmt(max_total)}, unlike its assessments' max_total")
        note_vi = "Bộ tiêu chí minh họa, không phải bộ tiêu chí thật của tỉnh; mô phỏng 8 lĩnh vực của Chỉ số CCHC"
        note_en = (
            "Illustrative, not the province's real criteria; modelled on the eight areas of the national PAR Index"
        )
        if fid == "ill-2022":
            note_vi += ", theo sự thay đổi bộ tiêu chí quốc gia (QĐ 876/QĐ-BNV)"
            note_en += ", mirroring the change of national framework (QĐ 876/QĐ-BNV)"
        rows.append(
            [
                fid,
                f"Bộ tiêu chí minh họa {first}-{last}",
                f"Illustrative criteria set {first}-{last}",
                str(first),
                str(last),
                fmt(max_total),
                PROVENANCE,
                SOURCE_ID,
                f"{note_vi}.",
                f"{note_en}.",
            ]
        )
    return rows


def criteria_rows(trees: dict[str, list[Node]]) -> list[list[str]]:
    return [
        [
            n.framework_id,
            n.criterion_id,
            n.parent_id,
            n.level,
            n.area_key,
            n.name_vi,
            n.name_en,
            n.short_vi,
            n.short_en,
            fmt(n.max_points),
            "true" if n.self_assessed else "false",
            str(n.sort_order),
        ]
        for fid in FRAMEWORK_IDS
        for n in trees[fid]
    ]


def result_and_score_rows(
    assessments: list[Assessment],
    totals: dict[str, dict[str, int]],
    points: dict[tuple[str, str], tuple[dict, dict]],
    leaves: dict[str, list[Node]],
    bands: dict[str, dict[str, str]],
) -> tuple[list[list[str]], list[list[str]]]:
    results, scores = [], []
    for a in assessments:
        for unit, total in totals[a.assessment_id].items():
            final, own = points[(a.assessment_id, unit)]
            band = bands.get(a.assessment_id, {}).get(unit, "")
            results.append(result_row(a.assessment_id, unit, total, final, own, band))
            scores.extend(score_rows(a.assessment_id, unit, final, own, leaves[a.framework_id]))
    return results, scores


def result_row(assessment_id: str, unit: str, total: int, final: dict, own: dict, band: str = "") -> list[str]:
    """A unit's row of result.csv: its total, self-assessed and appraised points, the survey's
    share (the rest) and its band."""
    appraised = sum(final[c] for c in own)
    return [
        assessment_id,
        unit,
        fmt(total),
        fmt(sum(own.values())),
        fmt(appraised),
        fmt(total - appraised),
        "",
        band,
        "",
        PROVENANCE,
        SOURCE_ID,
        "",
        "",
    ]


def score_rows(assessment_id: str, unit: str, final: dict, own: dict, leaves: list[Node]) -> list[list[str]]:
    """A unit's rows of score.csv: one per criterion, self-assessed points where the unit assesses itself."""
    return [
        [
            assessment_id,
            unit,
            n.criterion_id,
            fmt(own[n.criterion_id]) if n.self_assessed else "",
            fmt(final[n.criterion_id]),
            PROVENANCE,
        ]
        for n in leaves
    ]


def write_csv(path: Path, header: str, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header.split(","))
        writer.writerows(rows)


def write_illustrative(data_dir: Path) -> None:
    """Read the hand-written inputs in `data_dir`; write the illustrative files to `data_dir/illustrative`
    and the 2025 set-up workbooks to `data_dir/setups`."""
    rng = random.Random(SEED)
    assessments = read_assessments(data_dir)
    units = [u for u in read_csv(data_dir / "units.csv") if u["jurisdiction_id"] == JURISDICTION]
    bands = read_bands(data_dir, units, assessments)
    trees = {fid: criteria_tree(fid) for fid in FRAMEWORK_IDS}
    leaves = {fid: [n for n in trees[fid] if n.level == "sub"] for fid in FRAMEWORK_IDS}
    totals = unit_totals(assessments, units, bands, read_tiers(data_dir), read_stats(data_dir), rng)
    points = unit_points(assessments, totals, leaves, rng)
    results, scores = result_and_score_rows(assessments, totals, points, leaves, bands)
    all_units = {u["unit_id"]: u for u in read_csv(data_dir / "units.csv")}
    results_2025, scores_2025 = rows_2025(all_units)
    results, scores = results + results_2025, scores + scores_2025
    setups = data_dir / "setups"
    setups.mkdir(parents=True, exist_ok=True)
    for group in SETUP_GROUPS:
        (setups / f"{YEAR_2025}-{group}.xlsx").write_bytes(setup_workbook_2025(group, all_units))

    out = data_dir / "illustrative"
    out.mkdir(parents=True, exist_ok=True)
    write_csv(
        out / "frameworks.csv",
        "framework_id,name_vi,name_en,first_year,last_year,max_total,provenance,source_id,note_vi,note_en",
        framework_rows(assessments, trees),
    )
    write_csv(
        out / "criteria.csv",
        "framework_id,criterion_id,parent_id,level,area_key,name_vi,name_en,"
        "short_vi,short_en,max_points,self_assessed,sort_order",
        criteria_rows(trees),
    )
    write_csv(
        out / "results.csv",
        "assessment_id,unit_id,total,self_total,appraised,survey,published_rank,"
        "published_tier,derived,provenance,source_id,note_vi,note_en",
        results,
    )
    write_csv(out / "scores.csv", "assessment_id,unit_id,criterion_id,self_points,final_points,provenance", scores)


# --- 2025: the new Lào Cai, set up through the yearly cycle --------------------------------
#
# From 1 July 2025 the new province (old Lào Cai and Yên Bái) assesses 14 specialised agencies and
# 99 communes; no 2025 result was found. What is written here: the year's set-up workbooks
# (data/setups/, the shape an editor fills in, read by the build through the same planner,
# parindex.setups), with ILLUSTRATIVE criteria sets and bands, and the 14 agencies with their
# predecessors in both old provinces; and illustrative results per sub-criterion in
# data/illustrative/. Nothing is written for Yên Bái's own units. A separate generator keeps the
# 2019-2024 rows exactly as they were.

YEAR_2025 = 2025
SEED_2025 = SEED + YEAR_2025
EFFECTIVE_2025 = "2025-07-01"
SETUP_GROUPS = ("department", "commune")
NOT_CONFIRMED = (
    "Tên và sự tồn tại của sở này giả định theo bộ máy chuẩn sau sắp xếp 2025; không có nguồn xác nhận.",
    "Name and existence assumed from the standard set of agencies after the 2025 reorganisation; "
    "not confirmed by a source.",
)
ASSUMED = (
    "Giả định theo bộ máy chuẩn sau sắp xếp 2025; không có nguồn xác nhận.",
    "Assumed from the standard set of agencies after the 2025 reorganisation; not confirmed by a source.",
)
# (old unit, new unit) pairs a source states: old Lào Cai's Sở Tài chính took in Sở Kế hoạch và Đầu tư
ATTESTED_MERGES = {("so-tai-chinh", "so-tai-chinh-2025"), ("so-ke-hoach-dau-tu", "so-tai-chinh-2025")}


@dataclass(frozen=True)
class Agency:
    unit_id: str
    name_vi: str
    name_en: str
    short_vi: str
    attested: bool  # named in data/published/new_laocai_agencies_2025.csv
    predecessors: tuple[str, ...]  # units of old Lào Cai and (yen-bai-...) of old Yên Bái


AGENCIES = (
    Agency(
        "so-noi-vu-2025", "Sở Nội vụ", "Department of Home Affairs", "Nội vụ", True, ("so-noi-vu", "so-lao-dong-tbxh")
    ),
    Agency(
        "so-tai-chinh-2025",
        "Sở Tài chính",
        "Department of Finance",
        "Tài chính",
        True,
        ("so-tai-chinh", "so-ke-hoach-dau-tu", "yen-bai-so-ke-hoach-va-dau-tu"),
    ),
    Agency(
        "so-nong-nghiep-moi-truong-2025",
        "Sở Nông nghiệp và Môi trường",
        "Department of Agriculture and Environment",
        "Nông nghiệp - Môi trường",
        True,
        ("so-nong-nghiep-ptnt", "so-tai-nguyen-moi-truong"),
    ),
    Agency(
        "so-dan-toc-ton-giao-2025",
        "Sở Dân tộc và Tôn giáo",
        "Department of Ethnic and Religious Affairs",
        "Dân tộc - Tôn giáo",
        True,
        ("ban-dan-toc", "yen-bai-ban-dan-toc"),
    ),
    Agency(
        "so-cong-thuong-2025",
        "Sở Công Thương",
        "Department of Industry and Trade",
        "Công Thương",
        True,
        ("so-cong-thuong",),
    ),
    Agency(
        "so-giao-duc-dao-tao-2025",
        "Sở Giáo dục và Đào tạo",
        "Department of Education and Training",
        "Giáo dục - Đào tạo",
        True,
        ("so-giao-duc-dao-tao", "yen-bai-so-giao-duc-va-dao-tao"),
    ),
    Agency(
        "thanh-tra-tinh-2025", "Thanh tra tỉnh", "Provincial Inspectorate", "Thanh tra tỉnh", True, ("thanh-tra-tinh",)
    ),
    Agency(
        "van-phong-ubnd-2025",
        "Văn phòng UBND tỉnh",
        "Provincial People's Committee Office",
        "VP UBND tỉnh",
        False,
        ("van-phong-ubnd", "yen-bai-van-phong-ubnd-tinh"),
    ),
    Agency("so-tu-phap-2025", "Sở Tư pháp", "Department of Justice", "Tư pháp", False, ("so-tu-phap",)),
    Agency(
        "so-xay-dung-2025",
        "Sở Xây dựng",
        "Department of Construction",
        "Xây dựng",
        False,
        ("so-giao-thong-van-tai-xay-dung", "yen-bai-so-giao-thong-van-tai"),
    ),
    Agency(
        "so-khoa-hoc-cong-nghe-2025",
        "Sở Khoa học và Công nghệ",
        "Department of Science and Technology",
        "Khoa học - Công nghệ",
        False,
        ("so-khoa-hoc-cong-nghe", "so-thong-tin-truyen-thong"),
    ),
    Agency("so-y-te-2025", "Sở Y tế", "Department of Health", "Y tế", False, ("so-y-te", "yen-bai-so-y-te")),
    Agency(
        "so-van-hoa-the-thao-du-lich-2025",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Department of Culture, Sports and Tourism",
        "Văn hóa - Thể thao - Du lịch",
        False,
        ("so-van-hoa-the-thao-du-lich",),
    ),
    Agency("so-ngoai-vu-2025", "Sở Ngoại vụ", "Department of Foreign Affairs", "Ngoại vụ", False, ("so-ngoai-vu",)),
)

# Each 2025 set: the 2022 set's sub-criteria with some maxima moved (each change keeps the 100 points).
SET_2025 = {
    "department": (
        "ill-2025-department",
        "Bộ tiêu chí minh họa 2025 - khối sở, ban, ngành",
        "Illustrative criteria set 2025 - departments",
        {("CDDH", "1", "b"): "1", ("CPS", "4", "a"): "3", ("TCBM", "3", "a"): "1", ("TCC", "2", "a"): "0.5"},
    ),
    "commune": (
        "ill-2025-commune",
        "Bộ tiêu chí minh họa 2025 - khối xã, phường",
        "Illustrative criteria set 2025 - communes and wards",
        {("TC", "1", "b"): "0.5", ("TTHC", "2", "b"): "3.5", ("TCC", "2", "b"): "1", ("TTHC", "1", "a"): "2.5"},
    ),
}
BANDS_2025 = (
    (1, "Từ 90 điểm trở lên", "90 and above", 90, "có", 100, "có"),
    (2, "Từ 85 đến dưới 90 điểm", "85 to under 90", 85, "có", 90, "không"),
    (3, "Dưới 85 điểm", "Under 85", 0, "có", 85, "không"),
)


def _roman(n: int) -> str:
    return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")[n - 1]


def criteria_2025(group: str) -> tuple[list[list], list[Node]]:
    """(the Criteria sheet's rows, the leaves with the ids the set-up gives them: I, I.1, I.1.1)."""
    framework_id, _, _, changed = SET_2025[group]
    rows, leaves = [], []
    for a_no, area in enumerate(AREAS, 1):
        area_id, survey = _roman(a_no), "x" if area.key == SURVEY_AREA else None
        name_vi, name_en, short_vi, _ = area.names[1]
        criteria = []
        for crit in area.criteria:
            subs = [(s, changed.get((area.key, crit.key, s.key), s.points[1])) for s in crit.subs]
            subs = [(s, p) for s, p in subs if p]
            if subs:
                criteria.append((crit, subs))
        area_max = sum(hundredths(p) for _, subs in criteria for _, p in subs)
        rows.append([area_id, name_vi, name_en, short_vi, _number(area_max), survey, area.key])
        for c_no, (crit, subs) in enumerate(criteria, 1):
            rows.append(
                [
                    str(c_no),
                    crit.name_vi,
                    crit.name_en,
                    crit.name_vi,
                    _number(sum(hundredths(p) for _, p in subs)),
                    survey,
                    None,
                ]
            )
            for s_no, (sub, p) in enumerate(subs, 1):
                rows.append(
                    [f"{c_no}.{s_no}", sub.name_vi, sub.name_en, sub.name_vi, _number(hundredths(p)), survey, None]
                )
                leaves.append(
                    Node(
                        framework_id,
                        f"{area_id}.{c_no}.{s_no}",
                        f"{area_id}.{c_no}",
                        "sub",
                        area.key,
                        sub.name_vi,
                        sub.name_en,
                        sub.name_vi,
                        sub.name_en,
                        hundredths(p),
                        s_no,
                    )
                )
    if sum(n.max_points for n in leaves) != 10000:
        raise ValueError(f"the 2025 {group} set does not sum to 100")
    return rows, leaves


def _number(value: int) -> int | float:
    """Hundredths as the number a spreadsheet cell holds: 250 -> 2.5, 300 -> 3."""
    return value // 100 if value % 100 == 0 else value / 100


def change_rows_2025(units: dict[str, dict[str, str]]) -> list[list]:
    """The Unit changes sheet: the 14 agencies made, then each predecessor merged into its agency."""
    rows = [
        [
            "thành lập mới",
            a.name_vi,
            None,
            a.unit_id,
            a.name_en,
            a.short_vi,
            "department",
            EFFECTIVE_2025,
            None,
            None,
            None if a.attested else NOT_CONFIRMED[0],
            None if a.attested else NOT_CONFIRMED[1],
        ]
        for a in AGENCIES
    ]
    for a in AGENCIES:
        for old in a.predecessors:
            province_vi, province_en = (
                ("Yên Bái", "Yên Bái")
                if units[old]["jurisdiction_id"] == "yen-bai"
                else ("Lào Cai cũ", "former Lào Cai")
            )
            note_vi = f"{units[old]['name_vi']} ({province_vi}) hợp nhất vào {a.name_vi} tỉnh Lào Cai mới từ 1/7/2025."
            note_en = (
                f"{units[old]['name_en']} ({province_en}) merged into the new Lào Cai's {a.name_en} on 1 July 2025."
            )
            if (old, a.unit_id) in ATTESTED_MERGES:
                note_vi += " Theo kế hoạch sắp xếp các sở của tỉnh Lào Cai cũ (3/1/2025)."
                note_en += " As in former Lào Cai's plan to merge its departments (3 January 2025)."
            else:
                note_vi, note_en = f"{note_vi} {ASSUMED[0]}", f"{note_en} {ASSUMED[1]}"
            rows.append(
                ["hợp nhất", old, a.name_vi, None, None, None, None, EFFECTIVE_2025, None, None, note_vi, note_en]
            )
    return rows


def setup_workbook_2025(group: str, units: dict[str, dict[str, str]]) -> bytes:
    from parindex.importing.setup_workbook import workbook_bytes  # pandas and openpyxl: only when writing

    framework_id, name_vi, name_en, _ = SET_2025[group]
    settings = {
        "Năm": YEAR_2025,
        "Khối": group,
        "Mã bộ tiêu chí": framework_id,
        "Tên bộ tiêu chí": name_vi,
        "Tên tiếng Anh": name_en,
        "Tổng điểm tối đa": 100,
        "Dùng lại bộ tiêu chí": None,
        "Quyết định": None,
        "Nguồn số liệu": PROVENANCE,
    }
    changes = change_rows_2025(units) if group == "department" else []
    return workbook_bytes(settings, criteria_2025(group)[0], [list(b) for b in BANDS_2025], changes)


def rows_2025(units: dict[str, dict[str, str]]) -> tuple[list[list[str]], list[list[str]]]:
    """Illustrative 2025 results and scores of the 14 agencies and the 99 communes (own seed)."""
    rng = random.Random(SEED_2025)
    members = {
        "department": [a.unit_id for a in AGENCIES],
        "commune": sorted(
            u
            for u, r in units.items()
            if r["jurisdiction_id"] == JURISDICTION and r["group"] == "commune" and r["first_year"] == str(YEAR_2025)
        ),
    }
    if len(members["commune"]) != 99:
        raise ValueError(f"{len(members['commune'])} communes from 2025, not 99")
    leaves = {g: criteria_2025(g)[1] for g in SETUP_GROUPS}
    finals, tree = {}, {}
    for group in SETUP_GROUPS:
        difficulty = leaf_difficulty(leaves[group], rng)
        for unit in members[group]:
            total = min(max(rng.randint(LEVEL_FLOOR, LEVEL_CEIL) + rng.randint(-150, 150), TOTAL_FLOOR), TOTAL_CEIL)
            tree[(group, unit)] = leaves[group]
            finals[(group, unit)] = final_points(total, leaves[group], difficulty, rng)
    room = {
        key: sum(n.max_points - final[n.criterion_id] for n in tree[key] if n.self_assessed) // QUARTER
        for key, final in finals.items()
    }
    results, scores = [], []
    for (group, unit), gap in self_gaps(room, rng).items():
        final, own = finals[(group, unit)], self_points(finals[(group, unit)], tree[(group, unit)], gap, rng)
        assessment_id = f"{JURISDICTION}-{YEAR_2025}-{group}"  # the id a year's set-up gives
        results.append(result_row(assessment_id, unit, sum(final.values()), final, own))
        scores.extend(score_rows(assessment_id, unit, final, own, tree[(group, unit)]))
    return results, scores
