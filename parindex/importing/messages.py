"""Import problems in both languages, printed as `row N, column X: reason`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# code: (Vietnamese, English); {placeholders} are filled from the problem's values.
MESSAGES: dict[str, tuple[str, str]] = {
    "empty_file": ("tệp rỗng, không có dữ liệu", "the file is empty"),
    "too_large": (
        "tệp quá lớn ({size} MB; tối đa {limit} MB)",
        "the file is too large ({size} MB; at most {limit} MB)",
    ),
    "too_many_rows": ("quá nhiều dòng (hơn {limit})", "too many rows (more than {limit})"),
    "not_xlsx": (
        "không phải tệp Excel .xlsx đọc được (hãy lưu lại dưới dạng .xlsx)",
        "not a readable Excel .xlsx file (save it as .xlsx)",
    ),
    "old_xls": (
        "tệp .xls cũ không được hỗ trợ; hãy lưu lại dưới dạng .xlsx",
        "old .xls files are not supported; save it as .xlsx",
    ),
    "not_utf8": (
        "tệp CSV không ở mã UTF-8 (hãy lưu dạng «CSV UTF-8»)",
        'the CSV file is not UTF-8 (save it as "CSV UTF-8")',
    ),
    "unknown_type": ("chỉ nhận tệp .xlsx hoặc .csv", "only .xlsx and .csv files are accepted"),
    "no_header": (
        "không tìm thấy dòng tiêu đề có cột tên đơn vị (Tên đơn vị / Đơn vị) trong trang tính nào",
        "no sheet has a header row with a unit column (Tên đơn vị / Đơn vị)",
    ),
    "no_scores": (
        "không có cột điểm (Tổng điểm, điểm theo tiêu chí, ...)",
        "there is no score column (Tổng điểm, scores per criterion, ...)",
    ),
    "no_rows": ("không có dòng dữ liệu nào dưới dòng tiêu đề", "there are no data rows under the header"),
    "formula": (
        "ô chứa công thức ({formula}) chưa có giá trị tính sẵn; hãy dán dưới dạng giá trị",
        "the cell holds a formula ({formula}) without a computed value; paste it as values",
    ),
    "not_number": ("«{value}» không phải là số", "'{value}' is not a number"),
    "negative": ("{value} là số âm", "{value} is negative"),
    "above_max": ("{value} vượt quá điểm tối đa {maximum}", "{value} is above the maximum of {maximum}"),
    "not_rank": (
        "«{value}» không phải là thứ hạng (số nguyên dương)",
        "'{value}' is not a rank (a whole number from 1)",
    ),
    "unknown_unit": (
        "không có đơn vị «{value}» trong {group} của {place_vi}{suggest_vi}",
        "no unit '{value}' among the {group_en} of {place_en}{suggest_en}",
    ),
    "formula_name": (
        "tên đơn vị «{value}» bắt đầu bằng =, +, - hoặc @, bảng tính sẽ hiểu là công thức; hãy sửa tên",
        "the unit name '{value}' begins with =, +, - or @, which spreadsheets run as a formula; correct the name",
    ),
    "unknown_unit_id": (
        "không có mã đơn vị «{value}» trong {group} của {place_vi}; để trống cột này để nhận đơn vị theo tên",
        "no unit code '{value}' among the {group_en} of {place_en}; leave this column empty to match units by name",
    ),
    "unit_id_elsewhere": (
        "mã đơn vị «{value}» là của {unit} ({owner_group}, {owner_vi}), không thuộc {group} của {place_vi}",
        "the unit code '{value}' is {unit} ({owner_group_en}, {owner_en}), not one of the {group_en} of {place_en}",
    ),
    "no_jurisdiction": (
        "hãy chọn địa phương (--jurisdiction); địa phương có đơn vị của khối này: {places}",
        "choose the jurisdiction (--jurisdiction); those with units of the group: {places}",
    ),
    "ambiguous_unit": ("«{value}» có thể là nhiều đơn vị: {units}", "'{value}' could be several units: {units}"),
    "duplicate_unit": ("đơn vị «{value}» đã có ở dòng {first}", "unit '{value}' already appears in row {first}"),
    "duplicate_score": (
        "điểm của {unit}, tiêu chí {criterion} đã có ở dòng {first}",
        "{unit}'s score for {criterion} already appears in row {first}",
    ),
    "unknown_criterion": (
        "không có tiêu chí «{value}» trong bộ tiêu chí {framework}",
        "no criterion '{value}' in criteria set {framework}",
    ),
    "not_leaf": (
        "điểm được nhập theo tiêu chí thành phần; «{value}» là {level}",
        "scores are given per sub-criterion; '{value}' is a {level_en}",
    ),
    "no_framework": (
        "năm {year} chưa được thiết lập bộ tiêu chí, chưa nhập được điểm theo tiêu chí: hãy thiết lập năm "
        "trước (Quản trị → Thiết lập năm, hoặc python -m parindex setup-year)",
        "{year} has no criteria set, so scores per criterion cannot be imported: set the year up first "
        "(Editors → Set up a year, or python -m parindex setup-year)",
    ),
    "sum_mismatch": (
        "tổng điểm {total} khác tổng điểm các tiêu chí ({leaves})",
        "the total {total} is not the sum of the criterion scores ({leaves})",
    ),
    "parts_mismatch": (
        "tổng điểm {total} khác điểm thẩm định + điều tra XHH ({parts})",
        "the total {total} is not appraised + survey points ({parts})",
    ),
    "missing_unit": ("thiếu tên đơn vị", "the unit name is missing"),
    "missing_total": ("thiếu tổng điểm của {unit}", "{unit} has no total"),
    "wrong_year": (
        "tiêu đề ghi năm {found}, nhưng đang nhập năm {year}",
        "the title says {found}, but the import is for {year}",
    ),
    "exists": (
        "đã có kết quả năm {year} của {group}; chọn «Ghi đè» (--replace) để thay thế",
        "results for {year} ({group_en}) already exist; choose Replace (--replace) to overwrite them",
    ),
    "unknown_jurisdiction": (
        "không có địa phương «{value}»; chọn «Tạo đơn vị mới» (--create-units) để tạo",
        "no jurisdiction '{value}'; choose Create units (--create-units) to create it",
    ),
    "bad_choice": ("«{value}» không phải một trong: {allowed}", "'{value}' is not one of: {allowed}"),
    # The build's checks across the whole dataset (parindex.dataset, parindex.facts): their
    # problems carry these codes; one without a code is shown as "check" with its English reason.
    "not_member": (
        "«{value}» không thuộc {group} của {place_vi}",
        "'{value}' is not one of the {group_en} of {place_en}",
    ),
    "outside": ("{value} nằm ngoài khoảng từ 0 đến {maximum}", "{value} is outside 0 to {maximum}"),
    "outside_criterion": (
        "{value} nằm ngoài khoảng từ 0 đến {maximum} (điểm tối đa của tiêu chí {criterion})",
        "{value} is outside 0 to {maximum} (the maximum of criterion {criterion})",
    ),
    "unknown_tier": (
        "«{value}» không phải là một xếp loại của {group} năm {year}",
        "'{value}' is not a tier of the {group_en} in {year}",
    ),
    "survey_self": (
        "tiêu chí {criterion} được chấm qua điều tra XHH, không có điểm tự đánh giá ({value})",
        "criterion {criterion} is survey-based and has no self-assessment ({value})",
    ),
    "no_result": (
        "có điểm theo tiêu chí của «{value}» nhưng không có dòng kết quả của đơn vị này",
        "'{value}' has criterion scores but no result row",
    ),
    "fact_total": (
        "{value} trái với số liệu đã công bố: năm {year}, {unit} được công bố {published} điểm ({fact_vi})",
        "{value} contradicts a published figure: in {year}, {unit} was published with {published} points ({fact_en})",
    ),
    "fact_rank": (
        "trái với số liệu đã công bố: năm {year}, {unit} được công bố xếp hạng {published}, dữ liệu "
        "cho hạng {stored} ({fact_vi})",
        "contradicts a published figure: in {year}, {unit} was "
        "published at rank {published}, the data gives {stored} ({fact_en})",
    ),
    "fact_tier": (
        "trái với số liệu đã công bố: năm {year}, {unit} được công bố xếp loại «{published}», dữ liệu "
        "cho «{stored}» ({fact_vi})",
        "contradicts a published figure: in {year}, {unit} was published "
        "in the tier '{published}', the data gives '{stored}' ({fact_en})",
    ),
    "fact_max": (
        "trái với số liệu đã công bố: năm {year}, điểm tối đa được công bố là {published}, dữ liệu là "
        "{stored} ({fact_vi})",
        "contradicts a published figure: the maximum in {year} was published "
        "as {published}, the data has {stored} ({fact_en})",
    ),
    "fact_missing": (
        "thiếu kết quả của {unit}: kết quả năm {year} của đơn vị này đã được công bố ({fact_vi})",
        "{unit} is missing: its {year} result was published ({fact_en})",
    ),
    "fact_stat": (
        "trái với số liệu đã công bố: {stat} của {group} năm {year} được công bố là {published}, "
        "tính từ dữ liệu là {stored} ({fact_vi})",
        "contradicts a published figure: {stat} of the "
        "{group_en} in {year} was published as {published}, the data gives {stored} ({fact_en})",
    ),
    "check": ("kiểm tra dữ liệu: {reason}", "data check: {reason}"),
    "published_fact": ("trái với số liệu đã công bố: {reason}", "contradicts a published figure: {reason}"),
    "no_assessment": ("không có kết quả đánh giá «{value}»", "no assessment '{value}'"),
    # setting up a year (parindex.importing.setup)
    "setup_nothing": (
        "tệp không có trang Bộ tiêu chí, Xếp loại hay Thay đổi đơn vị nào đọc được",
        "the file has no readable Criteria, Tiers or Unit changes sheet",
    ),
    "setup_no_header": (
        "không tìm thấy dòng tiêu đề (cần các cột: {columns})",
        "no header row found (the columns needed: {columns})",
    ),
    "setup_missing_column": ("thiếu cột «{column}»", "the column '{column}' is missing"),
    "setup_required": ("cần có giá trị", "a value is required"),
    "setup_bad_code": (
        "«{code}» không phải mã tiêu chí (I, II…; 1, 1.1, 1.1.1…)",
        "'{code}' is not a criterion code (I, II…; 1, 1.1, 1.1.1…)",
    ),
    "setup_too_deep": (
        "«{code}» sâu hơn ba cấp (lĩnh vực, tiêu chí, tiêu chí thành phần)",
        "'{code}' is deeper than three levels (area, criterion, sub-criterion)",
    ),
    "setup_duplicate_code": ("mã «{code}» đã có ở dòng {first}", "the code '{code}' already appears in row {first}"),
    "setup_no_parent": (
        "«{code}» không có mục cấp trên «{parent}» trong bộ tiêu chí",
        "'{code}' has no parent '{parent}' in the criteria set",
    ),
    "setup_no_children": (
        "{level} «{code}» không có tiêu chí thành phần nào",
        "{level_en} '{code}' has no sub-criteria",
    ),
    "setup_area_key": (
        "lĩnh vực «{code}» có cùng mã so sánh «{key}» với lĩnh vực ở dòng {first}",
        "area '{code}' has the same comparison key '{key}' as the area in row {first}",
    ),
    "setup_sum": (
        "điểm tối đa {value} khác tổng điểm tối đa của các mục con ({sum})",
        "the maximum {value} is not the sum of its parts' maxima ({sum})",
    ),
    "setup_total": (
        "tổng điểm tối đa {value} khác tổng điểm tối đa các lĩnh vực ({sum})",
        "the stated maximum total {value} is not the sum of the areas' maxima ({sum})",
    ),
    "setup_positive": ("điểm tối đa phải lớn hơn 0 (đang là {value})", "a maximum must be above 0 (it is {value})"),
    "setup_yes_no": ("«{value}» không phải có/không", "'{value}' is not yes or no"),
    "setup_reuse_unknown": (
        "không có bộ tiêu chí «{value}» để dùng lại",
        "there is no criteria set '{value}' to reuse",
    ),
    "setup_reuse_and_rows": (
        "đã chọn dùng lại bộ tiêu chí «{value}» nhưng trang Bộ tiêu chí cũng có tiêu chí",
        "the criteria set '{value}' is reused, but the Criteria sheet lists criteria too",
    ),
    "setup_framework_taken": ("mã bộ tiêu chí «{value}» đã được dùng", "the criteria set id '{value}' is taken"),
    "setup_year_mismatch": (
        "tệp ghi {found}, nhưng đang thiết lập {expected}",
        "the file says {found}, but the set-up is for {expected}",
    ),
    "setup_exists": (
        "năm {year} của {group} đã được thiết lập hoặc đã có kết quả; chọn «Ghi đè» (--replace) để thay",
        "{year} ({group_en}) is already set up or has results; choose Replace (--replace) to redo it",
    ),
    "setup_tier_order": ("thứ tự «{value}» đã có ở dòng {first}", "the order '{value}' already appears in row {first}"),
    "setup_tier_bounds": (
        "cận dưới {lower} lớn hơn cận trên {upper}",
        "the lower bound {lower} is above the upper bound {upper}",
    ),
    "setup_tier_range": ("{value} nằm ngoài 0 đến {maximum}", "{value} is outside 0 to {maximum}"),
    "setup_tier_gap": (
        "khoảng trống giữa «{label}» (từ {lower}) và «{next}» (đến {upper})",
        "a gap between '{label}' (from {lower}) and '{next}' (up to {upper})",
    ),
    "setup_tier_overlap": (
        "«{label}» (từ {lower}) chồng lên «{next}» (đến {upper})",
        "'{label}' (from {lower}) overlaps '{next}' (up to {upper})",
    ),
    "setup_tier_top": (
        "mức cao nhất phải đến điểm tối đa {maximum} (hoặc để trống)",
        "the top tier must reach the maximum {maximum} (or be left open)",
    ),
    "setup_tier_bottom": (
        "mức thấp nhất phải bắt đầu từ 0 (hoặc để trống)",
        "the lowest tier must start at 0 (or be left open)",
    ),
    "setup_kind": ("«{value}» không phải loại thay đổi ({allowed})", "'{value}' is not a kind of change ({allowed})"),
    "setup_unit_unknown": (
        "không có đơn vị «{value}» ở {place}{suggest_vi}",
        "no unit '{value}' in {place}{suggest_en}",
    ),
    "setup_successor_unknown": (
        "«{value}» chưa có: hãy thêm một dòng «Thành lập mới» cho đơn vị này",
        "'{value}' does not exist: add a 'new' row for it first",
    ),
    "setup_name_taken": (
        "tên «{value}» đã được một đơn vị của {group} dùng",
        "the name '{value}' is already used among the {group_en}",
    ),
    "setup_ended_twice": (
        "đơn vị «{value}» đã kết thúc ở dòng {first}",
        "the unit '{value}' already ends in row {first}",
    ),
    "setup_ended_before": (
        "đơn vị «{value}» đã kết thúc năm {year} ({kind})",
        "the unit '{value}' already ended in {year} ({kind_en})",
    ),
    "setup_cycle": (
        "«{value}» quay về chính nó qua các thay đổi đơn vị",
        "'{value}' leads back to itself through the unit changes",
    ),
    "setup_date": ("«{value}» không phải ngày (ngày/tháng/năm)", "'{value}' is not a date (day/month/year)"),
    "setup_date_year": ("ngày hiệu lực {value} không thuộc năm {year}", "the effective date {value} is not in {year}"),
    "setup_group": ("«{value}» không phải khối đơn vị ({allowed})", "'{value}' is not a group of units ({allowed})"),
    "setup_same_group": ("đơn vị «{value}» đã thuộc {group}", "the unit '{value}' is already among the {group_en}"),
    "setup_id_taken": ("mã đơn vị «{value}» đã được dùng", "the unit id '{value}' is already used"),
    "setup_bad_id": (
        "mã đơn vị «{value}» chỉ gồm chữ thường không dấu, số và gạch nối",
        "the unit id '{value}' may hold only lower-case ASCII letters, digits and hyphens",
    ),
}

_DECIMAL = re.compile(r"^(-?\d+)\.(\d+)$")
_NUMBERS = {"value", "maximum", "total", "leaves", "parts", "sum", "lower", "upper", "published", "stored"}
GROUPS_VI = {
    "department": "khối sở, ban, ngành",
    "district": "khối huyện, thị xã, thành phố",
    "commune": "khối xã, phường",
    "province": "các tỉnh",
}


@dataclass(frozen=True)
class ImportProblem:
    row: int | None  # the row as the file numbers it (1 = its first line)
    column: str | None  # the column as the file names it: its letter, and its heading where known
    code: str
    values: dict = field(default_factory=dict, hash=False, compare=False)
    sheet: str | None = None  # the workbook's sheet, where the file has several that mean different things

    def reason(self, lang: str) -> str:
        vi, en = MESSAGES[self.code]
        if lang != "vi":
            return en.format(**self.values)
        # numbers the Vietnamese way: 95,5 (values are the file's own text otherwise)
        return vi.format(
            **{
                k: _DECIMAL.sub(r"\1,\2", v) if k in _NUMBERS and isinstance(v, str) else v
                for k, v in self.values.items()
            }
        )

    def text(self, lang: str) -> str:
        row = "-" if self.row is None else str(self.row)
        column = self.column or "-"
        if lang == "vi":
            sheet = f"trang «{self.sheet}», " if self.sheet else ""
            return f"{sheet}dòng {row}, cột {column}: {self.reason('vi')}"
        sheet = f"sheet '{self.sheet}', " if self.sheet else ""
        return f"{sheet}row {row}, column {column}: {self.reason('en')}"

    def __str__(self) -> str:
        return f"{self.text('vi')} | {self.text('en')}"


class ImportRefused(Exception):
    def __init__(self, problems: list[ImportProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems[:50]))


def group_values(group: str) -> dict:
    return {"group": GROUPS_VI.get(group, group), "group_en": f"{group}s"}
