"""Labels in Vietnamese and English, catalogue texts in the chosen language, numbers per language."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from modelward.periods import Period

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
DEFAULT_LANG: Lang = "vi"

MINUS = "\u2212"  # the typographic minus sign: "−58,3%"

_LABELS: dict[str, tuple[str, str]] = {
    # key: (vi, en)
    "ok": ("hợp lệ", "ok"),
    "catalogue": ("bộ tiêu chí", "catalogue"),
    "ward": ("phường", "ward"),
    "groups": ("nhóm", "groups"),
    "criteria": ("tiêu chí", "criteria"),
    "periods": ("kỳ", "periods"),
    "files_ok": ("{n} tệp hợp lệ", "{n} files valid"),
    "files_bad": ("{bad}/{n} tệp có lỗi", "{bad} of {n} files have errors"),
    "no_files": ("không tìm thấy tệp YAML nào trong {path}", "no YAML files found in {path}"),
    # statuses
    "met": ("Đạt", "Met"),
    "not_met": ("Chưa đạt", "Not met"),
    "not_applicable": ("Không áp dụng", "Not applicable"),
    "unknown": ("Chưa đánh giá", "Not assessed"),
    # assess
    "period": ("Kỳ", "Period"),
    "compared_to": ("so với cùng kỳ", "against the same period of"),
    "no_comparison": ("không có số liệu cùng kỳ", "no figures for the same period a year earlier"),
    "criterion": ("Tiêu chí", "Criterion"),
    "status": ("Kết quả", "Status"),
    "reason": ("Căn cứ", "Reason"),
    "evidence": ("Tài liệu", "Evidence"),
    "indicator": ("Chỉ số", "Indicator"),
    "this_period": ("Kỳ này", "This period"),
    "previous": ("Cùng kỳ", "Year before"),
    "change": ("Thay đổi", "Change"),
    "verdict": ("Xếp loại", "Verdict"),
    "score": ("Điểm", "Score"),
    "criteria_met": ("đạt {met}/{applicable} tiêu chí", "{met}/{applicable} criteria met"),
    "overridden": ("điều chỉnh thủ công", "overridden"),
    "computed": ("tính từ số liệu", "computed"),
    "judged": ("tự đánh giá", "judged"),
    "missing_title": (
        "Để được xếp loại “{verdict}”, còn thiếu:",
        "To reach “{verdict}”, still missing:",
    ),
    "not_assessed_count": ("{n} chưa đánh giá", "{n} not assessed"),
    # the assessment cycle (FORMAT.md section 9)
    "stage": ("Bước", "Stage"),
    "stage_self": ("tự đánh giá", "self-assessment"),
    "stage_inspection": ("kiểm tra", "inspection"),
    "provisional": (
        "tạm tính: còn {n} tiêu chí chưa đánh giá",
        "provisional: {n} criteria not yet assessed",
    ),
    "recognised": (
        "Đã được công nhận (QĐ số {number} ngày {on}{by})",
        "Recognised (Decision {number} of {on}{by})",
    ),
    "not_recognised": (
        "Không được công nhận (QĐ số {number} ngày {on}{by})",
        "Not recognised (Decision {number} of {on}{by})",
    ),
    "recognised_below_top": (
        "lưu ý: kết quả ở bước này là {verdict}, chưa đạt xếp loại cao nhất ({top})",
        "note: the result at this stage is {verdict}, below the top verdict ({top})",
    ),
    "no_decision": (
        "Chưa có quyết định công nhận: chỉ quyết định của cấp có thẩm quyền mới công nhận",
        "No recognition decision yet: only a decision recognises a ward",
    ),
    "differences": (
        "Kết quả kiểm tra khác với tự đánh giá",
        "Where the inspection differs from the self-assessment",
    ),
    "no_differences": (
        "Kết quả kiểm tra trùng với tự đánh giá của phường",
        "The inspection found everything as the ward assessed it",
    ),
    "provisional_short": ("tạm tính", "provisional"),
    "unknown_note": ("số tiêu chí chưa đánh giá", "criteria not yet assessed"),
    "overridden_note": (
        "số tiêu chí tính từ số liệu được điều chỉnh thủ công",
        "computed criteria decided by hand",
    ),
    "unevidenced_note": (
        "số tiêu chí tự đánh giá đạt mà không có tài liệu hay ghi chú",
        "judged criteria met with neither evidence nor a note",
    ),
    "by_stage": ("Theo bước đánh giá", "By stage"),
    "unknown_short": ("Chưa ĐG", "Not assessed"),
    "unevidenced_short": ("Thiếu TL", "No evidence"),
    "recognised_short": ("Công nhận", "Recognised"),
    "cycle_left_out": (
        "Các cột {columns} được lược bớt vì màn hình hẹp (có trong --format markdown, csv, json)",
        "Columns {columns} are left out on a screen this narrow (--format markdown, csv, json keep them)",
    ),
    "criterion_or_figure": ("Tiêu chí, số liệu", "Criterion or figure"),
    "unevidenced": ("Đạt, thiếu tài liệu", "Met, no evidence"),
    "improved": ("tốt hơn", "better"),
    "worsened": ("kém hơn", "worse"),
    "unchanged": ("không đổi", "unchanged"),
    "not_reported": ("chưa báo cáo", "not reported"),
    # compare
    "gained": ("Đạt thêm", "Gained"),
    "lost": ("Không còn đạt", "Lost"),
    "same": ("Không đổi", "Same"),
    "changed": ("Thay đổi trạng thái", "Status changed"),
    "new": ("Tiêu chí mới", "New criterion"),
    "dropped": ("Không còn trong bộ mới", "Dropped"),
    "crosswalk_line": (
        "So sánh qua bảng chuyển đổi giữa hai phiên bản: {old} → {new}",
        "Compared through the crosswalk between two versions: {old} → {new}",
    ),
    "from_ids": ("trước là {ids}", "was {ids}"),
    "catalogue_status_line": ("Bộ tiêu chí {ref}: {status}", "Catalogue {ref}: {status}"),
    "status_draft": (
        "bản dự thảo, chưa phải văn bản chính thức",
        "a working draft, not the official text",
    ),
    "status_illustrative": (
        "bộ minh họa, không dùng cho đánh giá thật",
        "illustrative, not for real assessments",
    ),
    "status_official": ("chính thức", "official"),
    "title_col": ("Tên", "Title"),
    "status_col": ("Tình trạng", "Status"),
    "found": ("Tìm thấy ở", "Found"),
    "found_local": ("{path}", "{path}"),
    "found_shipped": ("kèm modelward", "shipped with modelward"),
    "short_official": ("chính thức", "official"),
    "short_draft": ("dự thảo", "draft"),
    "short_illustrative": ("minh họa", "illustrative"),
    "found_criteria": ("--criteria: {path}", "--criteria: {path}"),
    "catalogues_found": ("{n} bộ tiêu chí tìm thấy", "{n} catalogues found"),
    "sources_legend": ("Ký hiệu số liệu: {marks}", "Marks on figures: {marks}"),
    "source_article": ("theo bài báo", "from a press article"),
    "source_derived": ("suy ra từ số liệu khác", "derived from other figures"),
    "source_estimate": ("ước tính", "an estimate"),
    "source_illustrative": ("minh họa, không phải số liệu thật", "illustrative, not a real figure"),
    "criteria_changes": ("Tiêu chí thay đổi", "Criteria that changed"),
    "no_criteria_changes": ("Không tiêu chí nào thay đổi", "No criterion changed"),
    "unchanged_count": ("{n} tiêu chí không đổi", "{n} criteria unchanged"),
    "difference": ("Chênh lệch", "Difference"),
    "better": ("tốt hơn", "better"),
    "worse": ("kém hơn", "worse"),
    "spans_differ": (
        "Lưu ý: hai kỳ dài khác nhau ({a} và {b} tháng), số liệu không so sánh trực tiếp được",
        "Note: the periods differ in length ({a} and {b} months); the figures are not directly comparable",
    ),
    "regressed": (
        "{ward}: có tiêu chí không còn đạt hoặc xếp loại kém hơn",
        "{ward}: a criterion was lost or the verdict is worse",
    ),
    "points": ("điểm", "points"),
    # history
    "history": ("Lịch sử đánh giá", "Assessment history"),
    "trend": ("Xu hướng", "Trend"),
    "vs_year_before": ("So với năm trước", "Against the year before"),
    # summary
    "summary": ("Tổng hợp {n} phường", "Summary of {n} wards"),
    "rank": ("Hạng", "Rank"),
    "total": ("Tổng", "Total"),
    "by_verdict": ("Theo xếp loại", "By verdict"),
    "target_line": (
        "Tỷ lệ phường “{verdict}”: {share} ({count}/{n}), mục tiêu {target}: {outcome}",
        "Wards at “{verdict}”: {share} ({count} of {n}), target {target}: {outcome}",
    ),
    "target_reached": ("đạt", "reached"),
    "target_missed": ("chưa đạt, cần thêm {more} phường", "not reached, {more} more wards needed"),
    "no_period": ("Không có kỳ {period}", "No period {period}"),
    "left_out": (
        "{n} tệp có lỗi, không được xếp hạng (lỗi ở trên)",
        "{n} files have errors and are left out of the ranking (errors above)",
    ),
    "cache_held": (
        "Bộ nhớ đệm ({folder}) đang bị một tiến trình khác giữ: lần chạy này không dùng nó "
        "(kết quả vẫn như vậy, chỉ chậm hơn).",
        "The cache ({folder}) is held by another process: this run goes on without it "
        "(the same results, only slower).",
    ),
    "jobs_capped": (
        "--jobs {asked}: máy này có {cores} lõi, chạy {cores} tiến trình",
        "--jobs {asked}: this machine has {cores} cores; running {cores} worker processes",
    ),
    "latest_periods": ("kỳ gần nhất của từng phường", "each ward's latest period"),
    "no_area_match": (
        "Không có phường nào có địa bàn khớp --area {area!r} (không phân biệt hoa thường, dấu).",
        "No ward's area matches --area {area!r} (case and diacritics ignored).",
    ),
    "mixed_periods": (
        "Mỗi phường được xếp theo kỳ gần nhất của mình, không cùng một kỳ ({periods}); "
        "dùng --period để so cùng kỳ.",
        "Each ward is ranked on its own latest period, not one period for all ({periods}); "
        "use --period to compare like with like.",
    ),
    "groups_left_out": (
        "Các cột {first}–{last} được lược bớt vì màn hình hẹp; "
        "--format markdown hoặc cửa sổ rộng hơn sẽ hiện đủ.",
        "Columns {first}–{last} are left out on a screen this narrow; "
        "--format markdown or a wider window shows them.",
    ),
    "area_filter": ("địa bàn “{area}”", "area “{area}”"),
    "by_kind": ("theo {kind}", "by {kind}"),
    "province": ("tỉnh", "province"),
    "city": ("thành phố", "city"),
    "area": ("Địa bàn", "Area"),
    "areas_title": ("Theo {kind}, so với mục tiêu", "By {kind}, against the target"),
    "area_none": ("(không ghi {kind})", "(no {kind} given)"),
    "all_areas": ("Cả {n} phường", "All {n} wards"),
    "wards_count": ("Số phường", "Wards"),
    "share": ("Tỷ lệ", "Share"),
    "needed": ("Cần thêm (mục tiêu {target})", "Still needed (target {target})"),
    "missed_title": ("Tiêu chí bị thiếu nhiều nhất", "Criteria most often missed"),
    "criteria_title": (
        "Từng tiêu chí trên {n} phường được xếp hạng",
        "Each criterion across the {n} ranked wards",
    ),
    "missed": ("Thiếu", "Missed"),
    "missed_note": (
        "Thiếu = chưa đạt + chưa đánh giá (tiêu chí áp dụng mà chưa đạt).",
        "Missed = not met + not assessed (applicable and not met).",
    ),
    "missed_more": (
        "… và {n} tiêu chí khác; --format markdown hoặc export hiện đủ.",
        "… and {n} more criteria; --format markdown or an export shows them all.",
    ),
    "columns_left_out": (
        "Các cột {columns} được lược bớt vì màn hình hẹp; --format markdown sẽ hiện đủ.",
        "Columns {columns} are left out on a screen this narrow; --format markdown shows them.",
    ),
    "none_missed": ("Không tiêu chí nào bị thiếu.", "No criterion is missed."),
    "inputs_digest": (
        "{n} tệp đầu vào, SHA-256 của danh sách: {digest} (đủ từng tệp: --format json)",
        "{n} input files, SHA-256 of their list: {digest} (each file: --format json)",
    ),
    "ranking": ("Xếp hạng", "Ranking"),
    "province_parent": ("Bộ Công an", "Ministry of Public Security"),
    "province_unit": ("Công an tỉnh {province}", "{province} Provincial Police"),
    "province_subject": (
        "Tổng hợp kết quả đánh giá Công an phường theo tiêu chí “{catalogue}”, {period}",
        "Ward police units assessed against “{catalogue}”, {period}: summary",
    ),
    "province_intro": ("Kết quả tổng hợp ({title}) như sau:", "The summary ({title}) follows."),
    "province_sec_overview": ("KẾT QUẢ CHUNG", "OVERALL RESULT"),
    "province_sec_areas": ("THEO {kind}, SO VỚI MỤC TIÊU", "BY {kind}, AGAINST THE TARGET"),
    "province_sec_proposed": ("CÁC PHƯỜNG ĐỀ NGHỊ CÔNG NHẬN", "WARDS PROPOSED FOR RECOGNITION"),
    "province_sec_missed": ("TIÊU CHÍ CÒN THIẾU NHIỀU NHẤT", "CRITERIA MOST OFTEN MISSED"),
    "province_sec_ranking": ("XẾP HẠNG CÁC PHƯỜNG", "THE WARDS RANKED"),
    "province_by_verdict": (
        "{n} phường được xếp hạng, theo xếp loại:",
        "{n} wards ranked, by verdict:",
    ),
    "province_decision": ("Đã có quyết định công nhận", "Recognised by a decision"),
    "province_none_proposed": (
        "Chưa có phường nào đạt “{verdict}” sau kiểm tra.",
        "No ward is at “{verdict}” as inspected.",
    ),
    "province_not_inspected": (
        "Ngoài ra {n} phường tự đánh giá đạt loại cao nhất nhưng chưa được kiểm tra.",
        "{n} more wards are at the top verdict on their own assessment, not yet inspected.",
    ),
    "report_col_number": ("TT", "No."),
    "back_to_summary": ("Bảng tổng hợp", "The summary"),
    "key_figures": ("Số liệu chính qua các kỳ", "Key figures period by period"),
    "area_filter_key": ("Lọc theo địa bàn", "Area filter"),
    "all_wards": ("tất cả các phường", "every ward"),
    "catalogue_official": ("chính thức", "official"),
    "catalogue_draft": ("dự thảo", "draft"),
    "catalogue_illustrative": ("minh họa", "illustrative"),
    "made_on": ("Ngày lập", "Made on"),
    "made_at": ("Lập lúc", "Made at"),
    "target": ("Mục tiêu", "Target"),
    "target_share": (
        "Mục tiêu (tỷ lệ phường đạt loại cao nhất)",
        "Target (share at the top verdict)",
    ),
    "target_reached_share": ("Tỷ lệ đã đạt", "Share reached"),
    "target_needed": ("Số phường cần thêm", "Wards still needed"),
    "needed_short": ("Cần thêm", "Still needed"),
    "applicable": ("Áp dụng", "Applicable"),
    "content": ("Nội dung", "Content"),
    "criteria_sheet": ("Kết quả từng tiêu chí của từng phường", "Each ward's status per criterion"),
    "overridden_key": (
        "✎ = điều chỉnh thủ công (có lý do), viền tím",
        "✎ = overridden by hand (with a reason), purple edge",
    ),
    "chart_verdicts": ("Số phường theo xếp loại", "Wards per verdict"),
    "chart_areas": (
        "Tỷ lệ phường “{verdict}” so với mục tiêu",
        "Share at “{verdict}” against the target",
    ),
    "chart_missed": ("Số phường thiếu từng tiêu chí", "Wards missing each criterion"),
    "inputs_sha256": ("SHA-256 của danh sách tệp đầu vào", "SHA-256 of the list of inputs"),
    "provenance": ("Nguồn dữ liệu", "Provenance"),
    "generated": ("Tạo bởi modelward {version} lúc {at}", "Made by modelward {version} at {at}"),
    "file": ("Tệp", "File"),
    # criteria
    "kind": ("Loại", "Kind"),
    "rule": ("Quy tắc", "Rule"),
    "weight": ("Trọng số", "Weight"),
    "guidance": ("Hướng dẫn", "Guidance"),
    "unit": ("Đơn vị", "Unit"),
    "better_when": ("Tốt hơn khi", "Better when"),
    "lower": ("giảm", "lower"),
    "higher": ("tăng", "higher"),
    "format": ("Dạng", "Format"),
    "count": ("số đếm", "count"),
    "number": ("số", "number"),
    "percent": ("tỷ lệ", "percent"),
    "condition": ("Điều kiện", "Condition"),
    "min_share_is": ("tỷ lệ tiêu chí đạt ≥ {share}", "share of criteria met ≥ {share}"),
    "requires_is": ("bắt buộc đạt {ids}", "requires {ids}"),
    "otherwise": ("còn lại", "otherwise"),
    "indicators": ("Chỉ số", "Indicators"),
    "verdicts": ("Xếp loại", "Verdicts"),
    # reasons (explain.py)
    "why_not_reported": ("{what}: chưa báo cáo", "{what}: not reported"),
    "why_not_reported_before": (
        "{what}: chưa báo cáo kỳ {prev}",
        "{what}: not reported for {prev}",
    ),
    "why_zero_denominator": ("{what} là 0: tỷ lệ không xác định", "{what} is 0: share undefined"),
    "why_no_previous_period": (
        "không có số liệu {prev} để so sánh",
        "no {prev} figures to compare",
    ),
    "why_previous_zero": (
        "{what} kỳ {prev} là 0: không tính được thay đổi",
        "{what} was 0 in {prev}: change undefined",
    ),
    "why_predecessor_missing": (
        "{what} kỳ {prev}: thiếu số liệu của {wards} (phường trước sắp xếp)",
        "{what} for {prev}: not reported by {wards} (wards merged into this one)",
    ),
    "why_not_combined": (
        "{what}: số liệu của các phường trước sắp xếp không cộng gộp được",
        "{what}: the merged wards' figures do not add up",
    ),
    # wards that merged (FORMAT.md section 10)
    "baseline_combined": (
        "cùng kỳ {prev} là số liệu cộng gộp của các phường trước sắp xếp: {wards}",
        "the same period of {prev} is the figures of the wards merged into this one, added up: {wards}",
    ),
    "baseline_gaps": (
        "Số liệu cùng kỳ {prev} không cộng gộp được",
        "Figures of {prev} that cannot be combined",
    ),
    "combined": ("cộng gộp", "combined"),
    "criteria_not_combined": (
        "Tiêu chí không được cộng gộp từ các phường trước sắp xếp: kỳ {prev} không có tiêu chí để so sánh.",
        "Criteria are never combined from the merged wards: {prev} has none to compare.",
    ),
    "history_combined": (
        "Các kỳ đánh dấu “cộng gộp” là số liệu cộng gộp của {wards}, các phường được sắp xếp thành phường này ngày {on}; tiêu chí không được cộng gộp.",
        "Periods marked “combined” are the figures of {wards}, the wards merged into this one on {on}, added up; criteria are never combined.",
    ),
    "merged_title": (
        "Đã sắp xếp vào phường khác trong tổng hợp này (không xếp hạng)",
        "Merged into a ward summarised here (not ranked)",
    ),
    "merged_item": ("{name} ({id}) → {into}, từ {on}", "{name} ({id}) → {into}, from {on}"),
    "combined_rows": (
        "Cùng kỳ năm trước của các phường sau là số liệu cộng gộp của các phường trước sắp xếp: {wards}",
        "The same period a year earlier is the merged wards' figures added up for: {wards}",
    ),
    "merged_into": ("Sắp xếp vào", "Merged into"),
    "combined_from": ("Cùng kỳ cộng gộp từ", "Year before combined from"),
    "merged_on": ("Từ ngày", "From"),
    "why_taken_as": ("theo quy ước: {status}", "taken as {status}"),
    "why_bounded": (
        "{what} chỉ được công bố dạng giới hạn: không tính được tỷ lệ, mức thay đổi",
        "{what} is published only as a bound: no exact share or change",
    ),
    "why_bound_unknown": (
        "không đủ để biết có {symbol} {threshold} hay không",
        "not enough to tell whether {symbol} {threshold}",
    ),
    "bound_above": ("trên {figure}", "above {figure}"),
    "bound_at_least": ("từ {figure} trở lên", "at least {figure}"),
    "bound_below": ("dưới {figure}", "below {figure}"),
    "bound_at_most": ("không quá {figure}", "at most {figure}"),
    "why_against": ("so với cùng kỳ {prev}", "against {prev}"),
    "why_override": ("điều chỉnh: {reason}", "overridden: {reason}"),
    "why_rule_said": ("theo số liệu: {status}", "by the figures: {status}"),
    "why_gap_points": ("cách ngưỡng {gap} điểm %", "{gap} percentage points from the threshold"),
    "why_gap_units": ("cách ngưỡng {gap}", "{gap} from the threshold"),
    "why_evidence_count": ("{n} tài liệu", "{n} documents"),
    # new ward files (scaffold.py)
    "new_header": (
        "# {name}: hồ sơ tự đánh giá Công an phường kiểu mẫu (modelward)",
        "# {name}: model ward police self-assessment (modelward)",
    ),
    "new_howto": (
        "# Bỏ dấu # ở đầu dòng và điền. Kiểm tra: modelward validate {file} · Chấm điểm: modelward assess {file}",
        "# Remove the leading # and fill in. Check: modelward validate {file} · Score: modelward assess {file}",
    ),
    "new_figures": (
        "số liệu của kỳ (bỏ trống nếu chưa có)",
        "the period's figures (leave out what you do not have)",
    ),
    "new_criteria": (
        "met (đạt), not_met (chưa đạt), not_applicable (không áp dụng); "
        'kèm tài liệu: {{status: met, evidence: ["Nghị quyết số ..."]}}',
        "met, not_met or not_applicable; "
        'with evidence: {{status: met, evidence: ["Resolution no. ..."]}}',
    ),
    "new_computed": (
        "tính từ số liệu, không ghi status (chỉ override: {{status: ..., reason: ...}} khi cần): {ids}",
        "computed from the figures, no status here (only override: {{status: ..., reason: ...}}): {ids}",
    ),
    "new_percent": ('0.95 hoặc "95%"', '0.95 or "95%"'),
    "required_not_reached": (
        "{ward}: xếp loại “{got}” chưa đạt yêu cầu “{want}”",
        "{ward}: verdict “{got}” is below the required “{want}”",
    ),
    # report (report.py, paper.py): the administrative document of Decree 30/2020/NĐ-CP
    "report_nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "report_motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "report_parent": ("Công an {city}", "{city} Police"),
    "report_unit": ("Công an {ward}", "{ward} Police"),
    "report_number": ("Số: {number}", "No.: {number}"),
    "report_place_date": (
        "{place}, ngày … tháng … năm {year}",
        "{place}, day … month … {year}",
    ),
    "report_kind": ("BÁO CÁO", "REPORT"),
    "report_year": ("năm {year}", "{year}"),
    "report_subject_self": (
        "Kết quả tự đánh giá theo tiêu chí “{catalogue}” {period}",
        "Self-assessment against “{catalogue}”, {period}",
    ),
    "report_subject_inspection": (
        "Kết quả đánh giá theo tiêu chí “{catalogue}” {period} (sau kiểm tra)",
        "Assessment against “{catalogue}”, {period} (as inspected)",
    ),
    "report_intro_self": (
        "{unit} báo cáo kết quả tự đánh giá {period} như sau:",
        "{unit} reports its self-assessment for {period} as follows:",
    ),
    "report_intro_inspection": (
        "{unit} báo cáo kết quả đánh giá {period}, đã được kiểm tra, như sau:",
        "{unit} reports its assessment for {period}, as inspected, as follows:",
    ),
    "report_sec_profile": ("ĐẶC ĐIỂM TÌNH HÌNH", "THE WARD"),
    "report_sec_criteria_self": (
        "KẾT QUẢ TỰ ĐÁNH GIÁ THEO TỪNG TIÊU CHÍ",
        "SELF-ASSESSMENT BY CRITERION",
    ),
    "report_sec_criteria_inspection": (
        "KẾT QUẢ ĐÁNH GIÁ THEO TỪNG TIÊU CHÍ (SAU KIỂM TRA)",
        "ASSESSMENT BY CRITERION (AS INSPECTED)",
    ),
    "report_sec_figures": (
        "SỐ LIỆU SO VỚI CÙNG KỲ {prev}",
        "FIGURES AGAINST THE SAME PERIOD A YEAR EARLIER ({prev})",
    ),
    "report_sec_verdict": ("TỔNG HỢP, XẾP LOẠI", "RESULT"),
    "report_sec_inspection": ("KẾT QUẢ KIỂM TRA", "INSPECTION"),
    "report_sec_decision": ("QUYẾT ĐỊNH CÔNG NHẬN", "RECOGNITION DECISION"),
    "report_sec_catalogue": ("BỘ TIÊU CHÍ ÁP DỤNG", "CATALOGUE"),
    "report_area": ("Địa bàn: {area}", "Place: {area}"),
    "report_group": (
        "{n}. Nhóm {id} — {title}: đạt {met}/{applicable}",
        "{n}. Group {id} — {title}: {met}/{applicable} met",
    ),
    "report_col_id": ("Mã", "No."),
    "report_col_result": ("Kết quả", "Result"),
    "report_col_evidence": ("Tài liệu, căn cứ", "Evidence"),
    "report_col_notes": ("Ghi chú", "Notes"),
    "report_col_change": ("Tăng, giảm", "Change"),
    "report_col_judgement": ("Đánh giá", "Assessment"),
    "report_col_content": ("Nội dung", "Item"),
    "report_col_self": ("Tự đánh giá", "Self-assessment"),
    "report_col_inspection": ("Kết quả kiểm tra", "Inspection"),
    "report_down": ("giảm", "down"),
    "report_up": ("tăng", "up"),
    "report_change_sentence": (
        "{what}: {now}, {way} {amount} so với cùng kỳ {prev} ({before}).",
        "{what}: {now}, {way} {amount} on {prev} ({before}).",
    ),
    "report_no_figures": ("Kỳ này không có số liệu.", "No figures for this period."),
    "report_totals": (
        "Số tiêu chí đạt: {met}/{applicable} (điểm {score}).",
        "Criteria met: {met}/{applicable} (score {score}).",
    ),
    "report_verdict": ("Xếp loại: {verdict}", "Verdict: {verdict}"),
    "report_list_not_met": ("Tiêu chí chưa đạt ({n}): {ids}.", "Criteria not met ({n}): {ids}."),
    "report_list_unknown": (
        "Tiêu chí chưa đánh giá ({n}): {ids}.",
        "Criteria not yet assessed ({n}): {ids}.",
    ),
    "report_inspected_by": ("Kiểm tra của {by}, ngày {on}.", "Inspected by {by} on {on}."),
    "report_no_differences": (
        "Kết quả kiểm tra không khác kết quả tự đánh giá.",
        "The inspection found nothing different from the self-assessment.",
    ),
    "report_decision": (
        "Quyết định số {number} ngày {on} của {by}",
        "Decision {number} of {on} by {by}",
    ),
    "report_recognised": ("công nhận", "recognised"),
    "report_not_recognised": ("không công nhận", "not recognised"),
    "report_catalogue": (
        "{title} (mã {id}, phiên bản {version}).",
        "{title} (id {id}, version {version}).",
    ),
    "report_catalogue_status": ("Tình trạng: {status}.", "Status: {status}."),
    "report_catalogue_source": ("Nguồn: {source}", "Source: {source}"),
    "report_recipients": ("Nơi nhận:", "Recipients:"),
    "report_archive": ("Lưu: VT.", "File copy."),
    "report_sign_hint": ("(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name, seal)"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "profile_location": ("Vị trí: {value}", "Location: {value}"),
    "profile_area_km2": ("Diện tích: {value} km²", "Area: {value} km²"),
    "profile_population": ("Dân số: {value} người", "Population: {value}"),
    "profile_enterprises": ("Doanh nghiệp: {value}", "Enterprises: {value}"),
    "profile_household_businesses": ("Hộ kinh doanh: {value}", "Household businesses: {value}"),
    "profile_industrial_zone": ("Khu công nghiệp: {value}", "Industrial zone: {value}"),
    "profile_workers": ("{value} công nhân", "{value} workers"),
    "profile_name": ("{value}", "{value}"),
    "profile_head_of_police": (
        "Trưởng Công an phường: {value}",
        "Head of the ward police: {value}",
    ),
    "profile_rank": ("cấp bậc {value}", "rank: {value}"),
    "profile_residential_quarter_quoted": (
        "Khu dân cư tiêu biểu: {value}",
        "Residential quarter: {value}",
    ),
    "profile_programme": ("Chương trình: {value}", "Programme: {value}"),
    "profile_source": ("Nguồn: {value}", "Source: {value}"),
    "profile_note": ("Ghi chú: {value}", "Note: {value}"),
}


_ONE_EN: dict[str, tuple[str, str]] = {
    "provisional": ("n", "provisional: {n} criterion not yet assessed"),
    "summary": ("n", "Summary of {n} ward"),
    "province_not_inspected": (
        "n",
        "{n} more ward is at the top verdict on its own assessment, not yet inspected.",
    ),
    "all_areas": ("n", "{n} ward in all"),
    "unchanged_count": ("n", "{n} criterion unchanged"),
    "province_by_verdict": ("n", "{n} ward ranked, by verdict:"),
    "files_bad": ("n", "{bad} of {n} file has errors"),
    "catalogues_found": ("n", "{n} catalogue found"),
    "criteria_title": ("n", "Each criterion for {n} ranked ward"),
    "missed_more": (
        "n",
        "… and {n} more criterion; --format markdown or an export shows them all.",
    ),
    "why_evidence_count": ("n", "{n} document"),
    "inputs_digest": (
        "n",
        "{n} input file, SHA-256 of its list: {digest} (each file: --format json)",
    ),
    "target_missed": ("more", "not reached, {more} more ward needed"),
    "files_ok": ("n", "{n} file valid"),
    "jobs_capped": (
        "cores",
        "--jobs {asked}: this machine has {cores} core; running {cores} worker process",
    ),
    "left_out": ("n", "{n} file has errors and is left out of the ranking (errors above)"),
}
"""English labels whose count may be one, and their singular: Vietnamese nouns have none."""


def label(key: str, lang: Lang, **values: object) -> str:
    """The interface text for a key in the chosen language, with values filled in."""
    vi, en = _LABELS[key]
    text = vi if lang == "vi" else en
    if lang == "en" and key in _ONE_EN:
        count, singular = _ONE_EN[key]
        if values.get(count) == 1:
            text = singular
    return text.format(**values)


def text(value: str | Mapping[str, str] | None, lang: Lang) -> str:
    """A catalogue text in the chosen language, falling back to the other, then to any."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    for candidate in (lang, *(other for other in LANGS if other != lang)):
        if candidate in value:
            return value[candidate]
    return next(iter(value.values()), "")


def _decimal(value: float | Fraction | Decimal) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(repr(float(value)))


def rounded(value: float | Fraction | Decimal, decimals: int) -> Decimal:
    """Rounded half away from zero, as people round: 6.25 to one decimal is 6.3."""
    return _decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number(
    value: float | Fraction | Decimal, lang: Lang, decimals: int = 0, *, trim: bool = False
) -> str:
    """A number in the language's style: ``12.000`` and ``58,3`` in vi, ``12,000`` and ``58.3`` in en.

    ``trim`` drops trailing zeros after the decimal mark (``75,50`` is ``75,5``). Negative
    numbers take the typographic minus sign; a number that rounds to zero takes none.
    """
    d = rounded(value, decimals)
    if trim and decimals:
        d = d.normalize() if d != d.to_integral() else d.quantize(Decimal(1))
        places = max(0, -d.as_tuple().exponent)  # type: ignore[operator]
    else:
        places = decimals
    formatted = f"{abs(d):,.{places}f}"
    if lang == "vi":
        formatted = formatted.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return (MINUS if d < 0 else "") + formatted


def percent(
    fraction: float | Fraction | Decimal,
    lang: Lang,
    decimals: int = 1,
    *,
    signed: bool = False,
    trim: bool = False,
) -> str:
    """A fraction as a percent: ``-0.5833`` is ``−58,3%`` in vi and ``−58.3%`` in en."""
    hundred = _decimal(fraction) * 100
    shown = number(hundred, lang, decimals, trim=trim)
    if signed and rounded(hundred, decimals) > 0:
        shown = "+" + shown
    return shown + "%"


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_QUARTERS_VI = ("I", "II", "III", "IV")


def period_label(start: int, end: int, lang: Lang) -> str:
    """A period as reports write it: ``quý I/2025``, ``tháng 1–2/2025``; ``Q1 2025``, ``Jan–Feb 2025``.

    ``start`` and ``end`` are month indexes (year × 12 + month − 1), both inclusive.
    """
    sy, sm = divmod(start, 12)
    ey, em = divmod(end, 12)
    months = end - start + 1
    if sy == ey and sm == 0 and months == 12:
        return str(sy)
    if sy == ey and months == 3 and sm % 3 == 0:
        q = sm // 3
        return f"quý {_QUARTERS_VI[q]}/{sy}" if lang == "vi" else f"Q{q + 1} {sy}"
    if sy == ey and months == 6 and sm in (0, 6):
        if lang == "vi":
            return f"6 tháng {'đầu' if sm == 0 else 'cuối'} năm {sy}"
        return f"H{1 if sm == 0 else 2} {sy}"
    if lang == "vi":
        if months == 1:
            return f"tháng {sm + 1}/{sy}"
        if sy == ey:
            return f"tháng {sm + 1}–{em + 1}/{sy}"
        return f"tháng {sm + 1}/{sy}–{em + 1}/{ey}"
    if months == 1:
        return f"{_MONTHS_EN[sm]} {sy}"
    if sy == ey:
        return f"{_MONTHS_EN[sm]}–{_MONTHS_EN[em]} {sy}"
    return f"{_MONTHS_EN[sm]} {sy}–{_MONTHS_EN[em]} {ey}"


def span_label(first: date, last: date, lang: Lang) -> str:
    """A span of days as reports write it: ``15/12/2023–14/12/2024``, ``15 Dec 2023 – 14 Dec 2024``."""
    if lang == "vi":
        return f"{first.day:02d}/{first.month:02d}/{first.year}–{last.day:02d}/{last.month:02d}/{last.year}"
    return (
        f"{first.day} {_MONTHS_EN[first.month - 1]} {first.year} – "
        f"{last.day} {_MONTHS_EN[last.month - 1]} {last.year}"
    )


def date_text(day: date, lang: Lang) -> str:
    """A date as reports write it: ``01/07/2025``, ``1 Jul 2025``."""
    if lang == "vi":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def when_words(moment: datetime, lang: Lang) -> str:
    """A moment in the computer's own time zone, as people write it: ``30/11/2026 09:47``."""
    local = moment.astimezone()
    return f"{date_text(local.date(), lang)} {local.hour:02d}:{local.minute:02d}"


def period_text(period: Period, lang: Lang) -> str:
    """A period as reports write it: whole months by their name (``quý I/2025``), a span of
    days by its dates (``15/12/2023–14/12/2024``)."""
    if period.whole_months:
        return period_label(period.start, period.end, lang)
    return span_label(period.first_day, period.last_day, lang)
