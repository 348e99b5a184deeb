"""Every label of the tool's results, in every language: one table, ``{id: {"vi": ..., "en": ...}}``.

The headings, column names, verdict words and sentences that ``i18n.label()`` fills in. An
English label that counts is a pair ``(one, other)``, chosen by the argument ``n`` (or the
one ``COUNTED_BY`` names); Vietnamese nouns have one form. ``rule_*`` are the words of a rule
written out (``explain.rule_words``), ``sheet_*`` the xlsx export's sheet names. The
templates name their arguments, the same in every language (``tests/test_catalogue.py``
checks). To add a language, add its key to every entry and to ``i18n.LANGS``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from modelward.messages.catalogue import Template

LABELS: Final[dict[str, dict[str, Template]]] = {
    "ok": {"vi": "hợp lệ", "en": "ok"},
    "catalogue": {"vi": "bộ tiêu chí", "en": "catalogue"},
    "catalogues": {"vi": "các bộ tiêu chí", "en": "catalogues"},
    "ward": {"vi": "phường", "en": "ward"},
    "groups": {"vi": "nhóm", "en": "groups"},
    "criteria": {"vi": "tiêu chí", "en": "criteria"},
    "periods": {"vi": "kỳ", "en": "periods"},
    "n_groups": {"vi": "{n} nhóm", "en": ("{n} group", "{n} groups")},
    "n_criteria": {"vi": "{n} tiêu chí", "en": ("{n} criterion", "{n} criteria")},
    "n_periods": {"vi": "{n} kỳ", "en": ("{n} period", "{n} periods")},
    "files_ok": {"vi": "{n} tệp hợp lệ", "en": ("{n} file valid", "{n} files valid")},
    "files_bad": {
        "vi": "{bad}/{n} tệp có lỗi",
        "en": ("{bad} of {n} file has errors", "{bad} of {n} files have errors"),
    },
    "no_files": {
        "vi": "không tìm thấy tệp YAML nào trong {path}",
        "en": "no YAML files found in {path}",
    },
    "met": {"vi": "Đạt", "en": "Met"},
    "not_met": {"vi": "Chưa đạt", "en": "Not met"},
    "not_applicable": {"vi": "Không áp dụng", "en": "Not applicable"},
    "unknown": {"vi": "Chưa đánh giá", "en": "Not assessed"},
    "period": {"vi": "Kỳ", "en": "Period"},
    "compared_to": {"vi": "so với cùng kỳ", "en": "against the same period of"},
    "no_comparison": {
        "vi": "không có số liệu cùng kỳ",
        "en": "no figures for the same period a year earlier",
    },
    "criterion": {"vi": "Tiêu chí", "en": "Criterion"},
    "status": {"vi": "Kết quả", "en": "Status"},
    "reason": {"vi": "Căn cứ", "en": "Reason"},
    "evidence": {"vi": "Tài liệu", "en": "Evidence"},
    "indicator": {"vi": "Chỉ số", "en": "Indicator"},
    "this_period": {"vi": "Kỳ này", "en": "This period"},
    "previous": {"vi": "Cùng kỳ", "en": "Year before"},
    "change": {"vi": "Thay đổi", "en": "Change"},
    "verdict": {"vi": "Xếp loại", "en": "Verdict"},
    "score": {"vi": "Điểm", "en": "Score"},
    "criteria_met": {
        "vi": "đạt {met}/{applicable} tiêu chí",
        "en": "{met}/{applicable} criteria met",
    },
    "overridden": {"vi": "điều chỉnh thủ công", "en": "overridden"},
    "computed": {"vi": "tính từ số liệu", "en": "computed"},
    "judged": {"vi": "tự đánh giá", "en": "judged"},
    "missing_title": {
        "vi": "Để được xếp loại “{verdict}”, còn thiếu:",
        "en": "To reach “{verdict}”, still missing:",
    },
    "not_assessed_count": {"vi": "{n} chưa đánh giá", "en": "{n} not assessed"},
    "stage": {"vi": "Bước", "en": "Stage"},
    "stage_self": {"vi": "tự đánh giá", "en": "self-assessment"},
    "stage_inspection": {"vi": "kiểm tra", "en": "inspection"},
    "inspector_unrecorded": {"vi": "chưa ghi ai kiểm tra", "en": "inspector not recorded"},
    "inspected_on_unrecorded": {"vi": "chưa ghi ngày kiểm tra", "en": "date not recorded"},
    "provisional": {
        "vi": "tạm tính: còn {n} tiêu chí chưa đánh giá",
        "en": (
            "provisional: {n} criterion not yet assessed",
            "provisional: {n} criteria not yet assessed",
        ),
    },
    "recognised": {
        "vi": "Đã được công nhận (QĐ số {number} ngày {on}{by})",
        "en": "Recognised (Decision {number} of {on}{by})",
    },
    "not_recognised": {
        "vi": "Không được công nhận (QĐ số {number} ngày {on}{by})",
        "en": "Not recognised (Decision {number} of {on}{by})",
    },
    "recognised_below_top": {
        "vi": "lưu ý: kết quả ở bước này là {verdict}, chưa đạt xếp loại cao nhất ({top})",
        "en": "note: the result at this stage is {verdict}, below the top verdict ({top})",
    },
    "no_decision": {
        "vi": "Chưa có quyết định công nhận: chỉ quyết định của cấp có thẩm quyền mới công nhận",
        "en": "No recognition decision yet: only a decision recognises a ward",
    },
    "differences": {
        "vi": "Kết quả kiểm tra khác với tự đánh giá",
        "en": "Where the inspection differs from the self-assessment",
    },
    "no_differences": {
        "vi": "Kết quả kiểm tra trùng với tự đánh giá của phường",
        "en": "The inspection found everything as the ward assessed it",
    },
    "provisional_short": {"vi": "tạm tính", "en": "provisional"},
    "unknown_note": {"vi": "số tiêu chí chưa đánh giá", "en": "criteria not yet assessed"},
    "overridden_note": {
        "vi": "số tiêu chí tính từ số liệu được điều chỉnh thủ công",
        "en": "computed criteria decided by hand",
    },
    "unevidenced_note": {
        "vi": "số tiêu chí tự đánh giá đạt mà không có tài liệu hay ghi chú",
        "en": "judged criteria met with neither evidence nor a note",
    },
    "by_stage": {"vi": "Theo bước đánh giá", "en": "By stage"},
    "unknown_short": {"vi": "Chưa ĐG", "en": "Not assessed"},
    "unevidenced_short": {"vi": "Thiếu TL", "en": "No evidence"},
    "recognised_short": {"vi": "Công nhận", "en": "Recognised"},
    "cycle_left_out": {
        "vi": "Các cột {columns} được lược bớt vì màn hình hẹp (có trong --format markdown, csv, json)",
        "en": "Columns {columns} are left out on a screen this narrow (--format markdown, csv, json keep them)",
    },
    "criterion_or_figure": {"vi": "Tiêu chí, số liệu", "en": "Criterion or figure"},
    "unevidenced": {"vi": "Đạt, thiếu tài liệu", "en": "Met, no evidence"},
    "improved": {"vi": "tốt hơn", "en": "better"},
    "worsened": {"vi": "kém hơn", "en": "worse"},
    "unchanged": {"vi": "không đổi", "en": "unchanged"},
    "not_reported": {"vi": "chưa báo cáo", "en": "not reported"},
    "gained": {"vi": "Đạt thêm", "en": "Gained"},
    "lost": {"vi": "Không còn đạt", "en": "Lost"},
    "same": {"vi": "Không đổi", "en": "Same"},
    "changed": {"vi": "Thay đổi trạng thái", "en": "Status changed"},
    "new": {"vi": "Tiêu chí mới", "en": "New criterion"},
    "dropped": {"vi": "Không còn trong bộ mới", "en": "Dropped"},
    "crosswalk_line": {
        "vi": "So sánh qua bảng chuyển đổi giữa hai phiên bản: {old} → {new}",
        "en": "Compared through the crosswalk between two versions: {old} → {new}",
    },
    "from_ids": {"vi": "trước là {ids}", "en": "was {ids}"},
    "periods_on_catalogues": {
        "vi": "Bộ tiêu chí của từng kỳ: {items}",
        "en": "Catalogue of each period: {items}",
    },
    "catalogue_status_line": {
        "vi": "Bộ tiêu chí {ref}: {status}",
        "en": "Catalogue {ref}: {status}",
    },
    "status_draft": {
        "vi": "bản dự thảo, chưa phải văn bản chính thức",
        "en": "a working draft, not the official text",
    },
    "status_illustrative": {
        "vi": "bộ minh họa, không dùng cho đánh giá thật",
        "en": "illustrative, not for real assessments",
    },
    "status_official": {"vi": "chính thức", "en": "official"},
    "title_col": {"vi": "Tên", "en": "Title"},
    "status_col": {"vi": "Tình trạng", "en": "Status"},
    "found": {"vi": "Tìm thấy ở", "en": "Found"},
    "found_local": {"vi": "{path}", "en": "{path}"},
    "found_shipped": {"vi": "kèm modelward", "en": "shipped with modelward"},
    "short_official": {"vi": "chính thức", "en": "official"},
    "short_draft": {"vi": "dự thảo", "en": "draft"},
    "short_illustrative": {"vi": "minh họa", "en": "illustrative"},
    "found_criteria": {"vi": "--criteria: {path}", "en": "--criteria: {path}"},
    "conflict_line": {
        "vi": "{mark} {reference}: các tệp khác nội dung cùng nhận là bộ tiêu chí này ({paths}); phường nào ghi {reference} sẽ bị báo lỗi: hãy đổi id hoặc version của tệp đã sửa, hoặc xóa bản thừa",
        "en": "{mark} {reference}: files with different content claim this catalogue ({paths}); a ward that names {reference} gets an error: give the edited file an id or version of its own, or delete the extra copy",
    },
    "catalogues_found": {
        "vi": "{n} bộ tiêu chí tìm thấy",
        "en": ("{n} catalogue found", "{n} catalogues found"),
    },
    "sources_legend": {"vi": "Ký hiệu số liệu: {marks}", "en": "Marks on figures: {marks}"},
    "source_article": {"vi": "theo bài báo", "en": "from a press article"},
    "source_derived": {"vi": "suy ra từ số liệu khác", "en": "derived from other figures"},
    "source_estimate": {"vi": "ước tính", "en": "an estimate"},
    "source_illustrative": {
        "vi": "minh họa, không phải số liệu thật",
        "en": "illustrative, not a real figure",
    },
    "criteria_changes": {"vi": "Tiêu chí thay đổi", "en": "Criteria that changed"},
    "no_criteria_changes": {"vi": "Không tiêu chí nào thay đổi", "en": "No criterion changed"},
    "unchanged_count": {
        "vi": "{n} tiêu chí không đổi",
        "en": ("{n} criterion unchanged", "{n} criteria unchanged"),
    },
    "difference": {"vi": "Chênh lệch", "en": "Difference"},
    "better": {"vi": "tốt hơn", "en": "better"},
    "worse": {"vi": "kém hơn", "en": "worse"},
    "spans_differ": {
        "vi": "Lưu ý: hai kỳ dài khác nhau ({a} và {b} tháng), số liệu không so sánh trực tiếp được",
        "en": "Note: the periods differ in length ({a} and {b} months); the figures are not directly comparable",
    },
    "regressed": {
        "vi": "{ward}: có tiêu chí không còn đạt hoặc xếp loại kém hơn",
        "en": "{ward}: a criterion was lost or the verdict is worse",
    },
    "points": {"vi": "điểm %", "en": "pp"},
    "history": {"vi": "Lịch sử đánh giá", "en": "Assessment history"},
    "trend": {"vi": "Xu hướng", "en": "Trend"},
    "vs_year_before": {"vi": "So với năm trước", "en": "Against the year before"},
    "summary": {"vi": "Tổng hợp {n} phường", "en": ("Summary of {n} ward", "Summary of {n} wards")},
    "rank": {"vi": "Hạng", "en": "Rank"},
    "total": {"vi": "Tổng", "en": "Total"},
    "by_verdict": {"vi": "Theo xếp loại", "en": "By verdict"},
    "target_line": {
        "vi": "Tỷ lệ phường “{verdict}”: {share} ({count}/{n}), mục tiêu {target}: {outcome}",
        "en": "Wards at “{verdict}”: {share} ({count} of {n}), target {target}: {outcome}",
    },
    "target_reached": {"vi": "đạt", "en": "reached"},
    "target_missed": {
        "vi": "chưa đạt, cần thêm {more} phường",
        "en": ("not reached, {more} more ward needed", "not reached, {more} more wards needed"),
    },
    "no_period": {"vi": "Không có kỳ {period}", "en": "No period {period}"},
    "left_out": {
        "vi": "{n} tệp có lỗi, không được xếp hạng (lỗi ở trên)",
        "en": (
            "{n} file has errors and is left out of the ranking (errors above)",
            "{n} files have errors and are left out of the ranking (errors above)",
        ),
    },
    "cache_held": {
        "vi": "Bộ nhớ đệm ({folder}) đang bị một tiến trình khác giữ: lần chạy này không dùng nó (kết quả vẫn như vậy, chỉ chậm hơn).",
        "en": "The cache ({folder}) is held by another process: this run goes on without it (the same results, only slower).",
    },
    "jobs_capped": {
        "vi": "--jobs {asked}: máy này có {cores} lõi, chạy {cores} tiến trình",
        "en": (
            "--jobs {asked}: this machine has {cores} core; running {cores} worker process",
            "--jobs {asked}: this machine has {cores} cores; running {cores} worker processes",
        ),
    },
    "latest_periods": {"vi": "kỳ gần nhất của từng phường", "en": "each ward's latest period"},
    "no_area_match": {
        "vi": "Không có phường nào có địa bàn khớp --area {area!r} (không phân biệt hoa thường, dấu).",
        "en": "No ward's area matches --area {area!r} (case and diacritics ignored).",
    },
    "mixed_periods": {
        "vi": "Mỗi phường được xếp theo kỳ gần nhất của mình, không cùng một kỳ ({periods}).",
        "en": "Each ward is ranked on its own latest period, not one period for all ({periods}).",
    },
    "mixed_periods_hint": {
        "vi": "Dùng --period để so cùng kỳ.",
        "en": "Use --period to compare like with like.",
    },
    "groups_left_out": {
        "vi": "Các cột {first}–{last} được lược bớt vì màn hình hẹp; --format markdown hoặc cửa sổ rộng hơn sẽ hiện đủ.",
        "en": "Columns {first}–{last} are left out on a screen this narrow; --format markdown or a wider window shows them.",
    },
    "area_filter": {"vi": "địa bàn “{area}”", "en": "area “{area}”"},
    "by_kind": {"vi": "theo {kind}", "en": "by {kind}"},
    "province": {"vi": "tỉnh", "en": "province"},
    "city": {"vi": "thành phố", "en": "city"},
    "area": {"vi": "Địa bàn", "en": "Area"},
    "areas_title": {"vi": "Theo {kind}, so với mục tiêu", "en": "By {kind}, against the target"},
    "area_none": {"vi": "(không ghi {kind})", "en": "(no {kind} given)"},
    "all_areas": {"vi": "Cả {n} phường", "en": ("{n} ward in all", "All {n} wards")},
    "wards_count": {"vi": "Số phường", "en": "Wards"},
    "share": {"vi": "Tỷ lệ", "en": "Share"},
    "needed": {"vi": "Cần thêm (mục tiêu {target})", "en": "Still needed (target {target})"},
    "missed_title": {"vi": "Tiêu chí bị thiếu nhiều nhất", "en": "Criteria most often missed"},
    "criteria_title": {
        "vi": "Từng tiêu chí trên {n} phường được xếp hạng",
        "en": ("Each criterion for {n} ranked ward", "Each criterion across the {n} ranked wards"),
    },
    "missed": {"vi": "Thiếu", "en": "Missed"},
    "missed_note": {
        "vi": "Thiếu = chưa đạt + chưa đánh giá (tiêu chí áp dụng mà chưa đạt).",
        "en": "Missed = not met + not assessed (applicable and not met).",
    },
    "missed_more": {
        "vi": "… và {n} tiêu chí khác; --format markdown hoặc export hiện đủ.",
        "en": (
            "… and {n} more criterion; --format markdown or an export shows them all.",
            "… and {n} more criteria; --format markdown or an export shows them all.",
        ),
    },
    "columns_left_out": {
        "vi": "Các cột {columns} được lược bớt vì màn hình hẹp; --format markdown sẽ hiện đủ.",
        "en": "Columns {columns} are left out on a screen this narrow; --format markdown shows them.",
    },
    "none_missed": {"vi": "Không tiêu chí nào bị thiếu.", "en": "No criterion is missed."},
    "inputs_digest": {
        "vi": "{n} tệp đầu vào, SHA-256 của danh sách: {digest}",
        "en": (
            "{n} input file, SHA-256 of its list: {digest}",
            "{n} input files, SHA-256 of their list: {digest}",
        ),
    },
    "ranking": {"vi": "Xếp hạng", "en": "Ranking"},
    "province_parent": {"vi": "Bộ Công an", "en": "Ministry of Public Security"},
    "province_unit": {"vi": "Công an tỉnh {province}", "en": "{province} Provincial Police"},
    "province_subject": {
        "vi": "Tổng hợp kết quả đánh giá Công an phường theo tiêu chí “{catalogue}”, {period}",
        "en": "Ward police units assessed against “{catalogue}”, {period}: summary",
    },
    "province_intro": {
        "vi": "Kết quả tổng hợp ({title}) như sau:",
        "en": "The summary ({title}) follows.",
    },
    "province_sec_overview": {"vi": "KẾT QUẢ CHUNG", "en": "OVERALL RESULT"},
    "province_sec_areas": {
        "vi": "THEO {kind}, SO VỚI MỤC TIÊU",
        "en": "BY {kind}, AGAINST THE TARGET",
    },
    "province_sec_proposed": {
        "vi": "CÁC PHƯỜNG ĐỀ NGHỊ CÔNG NHẬN",
        "en": "WARDS PROPOSED FOR RECOGNITION",
    },
    "province_sec_missed": {
        "vi": "TIÊU CHÍ CÒN THIẾU NHIỀU NHẤT",
        "en": "CRITERIA MOST OFTEN MISSED",
    },
    "province_sec_ranking": {"vi": "XẾP HẠNG CÁC PHƯỜNG", "en": "THE WARDS RANKED"},
    "province_by_verdict": {
        "vi": "{n} phường được xếp hạng, theo xếp loại:",
        "en": ("{n} ward ranked, by verdict:", "{n} wards ranked, by verdict:"),
    },
    "province_decision": {"vi": "Đã có quyết định công nhận", "en": "Recognised by a decision"},
    "province_none_proposed": {
        "vi": "Chưa có phường nào đạt “{verdict}” sau kiểm tra.",
        "en": "No ward is at “{verdict}” as inspected.",
    },
    "not_inspected_mark": {"vi": "chưa kiểm tra", "en": "not inspected"},
    "not_inspected_line": {
        "vi": "{n} phường chưa được kiểm tra nên được xếp theo kết quả tự đánh giá "
        "(ghi “chưa kiểm tra” bên tên)",
        "en": (
            "{n} ward has no inspection and is ranked on its self-assessment "
            "(marked “not inspected” beside its name)",
            "{n} wards have no inspection and are ranked on their self-assessment "
            "(marked “not inspected” beside their names)",
        ),
    },
    "province_not_inspected": {
        "vi": "Ngoài ra {n} phường tự đánh giá đạt loại cao nhất nhưng chưa được kiểm tra.",
        "en": (
            "{n} more ward is at the top verdict on its own assessment, not yet inspected.",
            "{n} more wards are at the top verdict on their own assessment, not yet inspected.",
        ),
    },
    "report_col_number": {"vi": "TT", "en": "No."},
    "back_to_summary": {"vi": "Bảng tổng hợp", "en": "The summary"},
    "key_figures": {"vi": "Số liệu chính qua các kỳ", "en": "Key figures period by period"},
    "area_filter_key": {"vi": "Lọc theo địa bàn", "en": "Area filter"},
    "all_wards": {"vi": "tất cả các phường", "en": "every ward"},
    "catalogue_official": {"vi": "chính thức", "en": "official"},
    "catalogue_draft": {"vi": "dự thảo", "en": "draft"},
    "catalogue_illustrative": {"vi": "minh họa", "en": "illustrative"},
    "made_on": {"vi": "Ngày lập", "en": "Made on"},
    "made_at": {"vi": "Lập lúc", "en": "Made at"},
    "target": {"vi": "Mục tiêu", "en": "Target"},
    "target_share": {
        "vi": "Mục tiêu (tỷ lệ phường đạt loại cao nhất)",
        "en": "Target (share at the top verdict)",
    },
    "target_reached_share": {"vi": "Tỷ lệ đã đạt", "en": "Share reached"},
    "target_needed": {"vi": "Số phường cần thêm", "en": "Wards still needed"},
    "needed_short": {"vi": "Cần thêm", "en": "Still needed"},
    "applicable": {"vi": "Áp dụng", "en": "Applicable"},
    "content": {"vi": "Nội dung", "en": "Content"},
    "criteria_sheet": {
        "vi": "Kết quả từng tiêu chí của từng phường",
        "en": "Each ward's status per criterion",
    },
    "overridden_key": {
        "vi": "✎ = điều chỉnh thủ công (có lý do), viền tím",
        "en": "✎ = overridden by hand (with a reason), purple edge",
    },
    "chart_verdicts": {"vi": "Số phường theo xếp loại", "en": "Wards per verdict"},
    "chart_areas": {
        "vi": "Tỷ lệ phường “{verdict}” so với mục tiêu",
        "en": "Share at “{verdict}” against the target",
    },
    "chart_missed": {"vi": "Số phường thiếu từng tiêu chí", "en": "Wards missing each criterion"},
    "inputs_sha256": {
        "vi": "SHA-256 của danh sách tệp đầu vào",
        "en": "SHA-256 of the list of inputs",
    },
    "provenance": {"vi": "Nguồn dữ liệu", "en": "Provenance"},
    "generated": {
        "vi": "Tạo bởi modelward {version} lúc {at}",
        "en": "Made by modelward {version} at {at}",
    },
    "file": {"vi": "Tệp", "en": "File"},
    "kind": {"vi": "Loại", "en": "Kind"},
    "rule": {"vi": "Quy tắc", "en": "Rule"},
    "weight": {"vi": "Trọng số", "en": "Weight"},
    "guidance": {"vi": "Hướng dẫn", "en": "Guidance"},
    "unit": {"vi": "Đơn vị", "en": "Unit"},
    "better_when": {"vi": "Tốt hơn khi", "en": "Better when"},
    "lower": {"vi": "giảm", "en": "lower"},
    "higher": {"vi": "tăng", "en": "higher"},
    "format": {"vi": "Dạng", "en": "Format"},
    "count": {"vi": "số đếm", "en": "count"},
    "number": {"vi": "số", "en": "number"},
    "percent": {"vi": "tỷ lệ", "en": "percent"},
    "condition": {"vi": "Điều kiện", "en": "Condition"},
    "min_share_is": {"vi": "tỷ lệ tiêu chí đạt ≥ {share}", "en": "share of criteria met ≥ {share}"},
    "requires_is": {"vi": "bắt buộc đạt {ids}", "en": "requires {ids}"},
    "otherwise": {"vi": "còn lại", "en": "otherwise"},
    "indicators": {"vi": "Chỉ số", "en": "Indicators"},
    "verdicts": {"vi": "Xếp loại", "en": "Verdicts"},
    "why_not_reported": {"vi": "{what}: chưa báo cáo", "en": "{what}: not reported"},
    "why_not_reported_before": {
        "vi": "{what}: chưa báo cáo kỳ {prev}",
        "en": "{what}: not reported for {prev}",
    },
    "why_zero_denominator": {
        "vi": "{what} là 0: tỷ lệ không xác định",
        "en": "{what} is 0: share undefined",
    },
    "why_other_catalogue": {
        "vi": "kỳ {prev} được chấm theo bộ tiêu chí khác ({catalogue}), không liên kết với bộ này bằng replaces",
        "en": "{prev} is on another catalogue ({catalogue}), not linked to this one by replaces",
    },
    "not_compared_other_catalogue": {
        "vi": "kỳ {prev} được chấm theo bộ tiêu chí khác ({catalogue}), không liên kết với bộ này bằng replaces: không so sánh",
        "en": "{prev} is on another catalogue ({catalogue}), not linked to this one by replaces: not compared",
    },
    "why_no_previous_period": {
        "vi": "không có số liệu {prev} để so sánh",
        "en": "no {prev} figures to compare",
    },
    "why_previous_zero": {
        "vi": "{what} kỳ {prev} là 0: không tính được thay đổi",
        "en": "{what} was 0 in {prev}: change undefined",
    },
    "why_predecessor_missing": {
        "vi": "{what} kỳ {prev}: thiếu số liệu của {wards} (phường trước sắp xếp)",
        "en": "{what} for {prev}: not reported by {wards} (wards merged into this one)",
    },
    "why_not_combined": {
        "vi": "{what}: số liệu của các phường trước sắp xếp không cộng gộp được",
        "en": "{what}: the merged wards' figures do not add up",
    },
    "why_old_missing": {
        "vi": "{what} kỳ {prev}: thiếu số liệu {ids} (các chỉ số của bộ tiêu chí cũ gộp thành chỉ số này)",
        "en": "{what} for {prev}: {ids} not reported (the older catalogue's indicators that became this one)",
    },
    "why_old_not_combined": {
        "vi": "{what}: số liệu {ids} của bộ tiêu chí cũ không cộng gộp được (chỉ số này không ghi combine: sum)",
        "en": "{what}: the older catalogue's {ids} do not add up into it (it does not say combine: sum)",
    },
    "carried_gaps": {
        "vi": "Số liệu kỳ {prev} không chuyển được sang bộ tiêu chí mới",
        "en": "Figures of {prev} that cannot be carried over to the newer catalogue",
    },
    "baseline_combined": {
        "vi": "cùng kỳ {prev} là số liệu cộng gộp của các phường trước sắp xếp: {wards}",
        "en": "the same period of {prev} is the figures of the wards merged into this one, added up: {wards}",
    },
    "baseline_gaps": {
        "vi": "Số liệu cùng kỳ {prev} không cộng gộp được",
        "en": "Figures of {prev} that cannot be combined",
    },
    "combined": {"vi": "cộng gộp", "en": "combined"},
    "criteria_not_combined": {
        "vi": "Tiêu chí không được cộng gộp từ các phường trước sắp xếp: kỳ {prev} không có tiêu chí để so sánh.",
        "en": "Criteria are never combined from the merged wards: {prev} has none to compare.",
    },
    "history_combined": {
        "vi": "Các kỳ đánh dấu “cộng gộp” là số liệu cộng gộp của {wards}, các phường được sắp xếp thành phường này ngày {on}; tiêu chí không được cộng gộp.",
        "en": "Periods marked “combined” are the figures of {wards}, the wards merged into this one on {on}, added up; criteria are never combined.",
    },
    "merged_title": {
        "vi": "Đã sắp xếp vào phường khác trong tổng hợp này (không xếp hạng)",
        "en": "Merged into a ward summarised here (not ranked)",
    },
    "merged_item": {
        "vi": "{name} ({id}) → {into}, từ {on}",
        "en": "{name} ({id}) → {into}, from {on}",
    },
    "combined_rows": {
        "vi": "Cùng kỳ năm trước của các phường sau là số liệu cộng gộp của các phường trước sắp xếp: {wards}",
        "en": "The same period a year earlier is the merged wards' figures added up for: {wards}",
    },
    "merged_into": {"vi": "Sắp xếp vào", "en": "Merged into"},
    "merged_why": {"vi": "Đã sắp xếp vào {into}", "en": "Merged into {into}"},
    "not_ranked_why": {"vi": "Lý do", "en": "Why"},
    "not_ranked_line": {
        "vi": "Không xếp hạng: {n} phường (lý do ở trang “{sheet}”)",
        "en": (
            "Not ranked: {n} ward (why: the sheet “{sheet}”)",
            "Not ranked: {n} wards (why: the sheet “{sheet}”)",
        ),
    },
    "combined_from": {"vi": "Cùng kỳ cộng gộp từ", "en": "Year before combined from"},
    "merged_on": {"vi": "Từ ngày", "en": "From"},
    "why_taken_as": {"vi": "theo quy ước: {status}", "en": "taken as {status}"},
    "why_bounded": {
        "vi": "{what} chỉ được công bố dạng giới hạn: không tính được tỷ lệ, mức thay đổi",
        "en": "{what} is published only as a bound: no exact share or change",
    },
    "why_bound_unknown": {
        "vi": "không đủ để biết có {symbol} {threshold} hay không",
        "en": "not enough to tell whether {symbol} {threshold}",
    },
    "bound_above": {"vi": "trên {figure}", "en": "above {figure}"},
    "bound_at_least": {"vi": "từ {figure} trở lên", "en": "at least {figure}"},
    "bound_below": {"vi": "dưới {figure}", "en": "below {figure}"},
    "bound_at_most": {"vi": "không quá {figure}", "en": "at most {figure}"},
    "why_against": {"vi": "so với cùng kỳ {prev}", "en": "against {prev}"},
    "why_override": {"vi": "điều chỉnh: {reason}", "en": "overridden: {reason}"},
    "why_rule_said": {"vi": "theo số liệu: {status}", "en": "by the figures: {status}"},
    "why_gap_points": {
        "vi": "cách ngưỡng {gap} điểm %",
        "en": "{gap} percentage points from the threshold",
    },
    "why_gap_units": {"vi": "cách ngưỡng {gap}", "en": "{gap} from the threshold"},
    "why_evidence_count": {"vi": "{n} tài liệu", "en": ("{n} document", "{n} documents")},
    "new_header": {
        "vi": "# {name}: hồ sơ tự đánh giá Công an phường kiểu mẫu (modelward)",
        "en": "# {name}: model ward police self-assessment (modelward)",
    },
    "new_howto": {
        "vi": "# Bỏ dấu # ở đầu dòng và điền. Kiểm tra: modelward validate {file} · Chấm điểm: modelward assess {file}",
        "en": "# Remove the leading # and fill in. Check: modelward validate {file} · Score: modelward assess {file}",
    },
    "new_figures": {
        "vi": "số liệu của kỳ (bỏ trống nếu chưa có)",
        "en": "the period's figures (leave out what you do not have)",
    },
    "new_criteria": {
        "vi": 'met (đạt), not_met (chưa đạt), not_applicable (không áp dụng); kèm tài liệu: {{status: met, evidence: ["Nghị quyết số ..."]}}',
        "en": 'met, not_met or not_applicable; with evidence: {{status: met, evidence: ["Resolution no. ..."]}}',
    },
    "new_computed": {
        "vi": "tính từ số liệu, không ghi status (chỉ override: {{status: ..., reason: ...}} khi cần): {ids}",
        "en": "computed from the figures, no status here (only override: {{status: ..., reason: ...}}): {ids}",
    },
    "new_percent": {"vi": '0.95 hoặc "95%"', "en": '0.95 or "95%"'},
    "required_not_reached": {
        "vi": "{ward}: xếp loại “{got}” chưa đạt yêu cầu “{want}”",
        "en": "{ward}: verdict “{got}” is below the required “{want}”",
    },
    "report_nation": {
        "vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "en": "SOCIALIST REPUBLIC OF VIET NAM",
    },
    "report_motto": {
        "vi": "Độc lập - Tự do - Hạnh phúc",
        "en": "Independence - Freedom - Happiness",
    },
    "report_parent": {"vi": "Công an {city}", "en": "{city} Police"},
    "report_unit": {"vi": "Công an {ward}", "en": "{ward} Police"},
    "report_number": {"vi": "Số: {number}", "en": "No.: {number}"},
    "report_place_date": {
        "vi": "{place}, ngày … tháng … năm {year}",
        "en": "{place}, day … month … {year}",
    },
    "report_kind": {"vi": "BÁO CÁO", "en": "REPORT"},
    "report_year": {"vi": "năm {year}", "en": "{year}"},
    "report_subject_self": {
        "vi": "Kết quả tự đánh giá theo tiêu chí “{catalogue}” {period}",
        "en": "Self-assessment against “{catalogue}”, {period}",
    },
    "report_subject_inspection": {
        "vi": "Kết quả đánh giá theo tiêu chí “{catalogue}” {period} (sau kiểm tra)",
        "en": "Assessment against “{catalogue}”, {period} (as inspected)",
    },
    "report_intro_self": {
        "vi": "{unit} báo cáo kết quả tự đánh giá {period} như sau:",
        "en": "{unit} reports its self-assessment for {period} as follows:",
    },
    "report_intro_inspection": {
        "vi": "{unit} báo cáo kết quả đánh giá {period}, đã được kiểm tra, như sau:",
        "en": "{unit} reports its assessment for {period}, as inspected, as follows:",
    },
    "report_sec_profile": {"vi": "ĐẶC ĐIỂM TÌNH HÌNH", "en": "THE WARD"},
    "report_sec_criteria_self": {
        "vi": "KẾT QUẢ TỰ ĐÁNH GIÁ THEO TỪNG TIÊU CHÍ",
        "en": "SELF-ASSESSMENT BY CRITERION",
    },
    "report_sec_criteria_inspection": {
        "vi": "KẾT QUẢ ĐÁNH GIÁ THEO TỪNG TIÊU CHÍ (SAU KIỂM TRA)",
        "en": "ASSESSMENT BY CRITERION (AS INSPECTED)",
    },
    "report_sec_figures": {
        "vi": "SỐ LIỆU SO VỚI CÙNG KỲ {prev}",
        "en": "FIGURES AGAINST THE SAME PERIOD A YEAR EARLIER ({prev})",
    },
    "report_sec_figures_alone": {"vi": "SỐ LIỆU {period}", "en": "FIGURES FOR {period}"},
    "report_no_earlier": {
        "vi": "Không có số liệu cùng kỳ {prev} để so sánh: bảng chỉ có số liệu {period}.",
        "en": "There are no figures for {prev}, the same period a year earlier, to compare with: the table shows {period} only.",
    },
    "report_sec_verdict": {"vi": "TỔNG HỢP, XẾP LOẠI", "en": "RESULT"},
    "report_sec_inspection": {"vi": "KẾT QUẢ KIỂM TRA", "en": "INSPECTION"},
    "report_sec_decision": {"vi": "QUYẾT ĐỊNH CÔNG NHẬN", "en": "RECOGNITION DECISION"},
    "report_sec_catalogue": {"vi": "BỘ TIÊU CHÍ ÁP DỤNG", "en": "CATALOGUE"},
    "report_area": {"vi": "Địa bàn: {area}", "en": "Place: {area}"},
    "report_group": {
        "vi": "{n}. Nhóm {id} — {title}: đạt {met}/{applicable}",
        "en": "{n}. Group {id} — {title}: {met}/{applicable} met",
    },
    "report_col_id": {"vi": "Mã", "en": "No."},
    "report_col_result": {"vi": "Kết quả", "en": "Result"},
    "report_col_evidence": {"vi": "Tài liệu, căn cứ", "en": "Evidence"},
    "report_col_notes": {"vi": "Ghi chú", "en": "Notes"},
    "report_col_change": {"vi": "Tăng, giảm", "en": "Change"},
    "report_col_judgement": {"vi": "Đánh giá", "en": "Assessment"},
    "report_col_content": {"vi": "Nội dung", "en": "Item"},
    "report_col_self": {"vi": "Tự đánh giá", "en": "Self-assessment"},
    "report_col_inspection": {"vi": "Kết quả kiểm tra", "en": "Inspection"},
    "report_down": {"vi": "giảm", "en": "down"},
    "report_up": {"vi": "tăng", "en": "up"},
    "report_change_sentence": {
        "vi": "{what}: {now}, {way} {amount} so với cùng kỳ {prev} ({before}).",
        "en": "{what}: {now}, {way} {amount} on {prev} ({before}).",
    },
    "report_no_figures": {"vi": "Kỳ này không có số liệu.", "en": "No figures for this period."},
    "report_totals": {
        "vi": "Số tiêu chí đạt: {met}/{applicable} (điểm {score}).",
        "en": "Criteria met: {met}/{applicable} (score {score}).",
    },
    "report_verdict": {"vi": "Xếp loại: {verdict}", "en": "Verdict: {verdict}"},
    "report_list_not_met": {
        "vi": "Tiêu chí chưa đạt ({n}): {ids}.",
        "en": "Criteria not met ({n}): {ids}.",
    },
    "report_list_unknown": {
        "vi": "Tiêu chí chưa đánh giá ({n}): {ids}.",
        "en": "Criteria not yet assessed ({n}): {ids}.",
    },
    "report_inspected_by": {
        "vi": "Kiểm tra của {by}, ngày {on}.",
        "en": "Inspected by {by} on {on}.",
    },
    "report_no_differences": {
        "vi": "Kết quả kiểm tra không khác kết quả tự đánh giá.",
        "en": "The inspection found nothing different from the self-assessment.",
    },
    "report_decision": {
        "vi": "Quyết định số {number} ngày {on} của {by}",
        "en": "Decision {number} of {on} by {by}",
    },
    "report_recognised": {"vi": "công nhận", "en": "recognised"},
    "report_not_recognised": {"vi": "không công nhận", "en": "not recognised"},
    "report_catalogue": {
        "vi": "{title} (mã {id}, phiên bản {version}).",
        "en": "{title} (id {id}, version {version}).",
    },
    "report_catalogue_status": {"vi": "Tình trạng: {status}.", "en": "Status: {status}."},
    "report_catalogue_source": {"vi": "Nguồn: {source}", "en": "Source: {source}"},
    "report_recipients": {"vi": "Nơi nhận:", "en": "Recipients:"},
    "report_archive": {"vi": "Lưu: VT.", "en": "File copy."},
    "report_sign_hint": {
        "vi": "(Ký, ghi rõ họ tên, đóng dấu)",
        "en": "(Signature, full name, seal)",
    },
    "yes": {"vi": "có", "en": "yes"},
    "no": {"vi": "không", "en": "no"},
    "profile_location": {"vi": "Vị trí: {value}", "en": "Location: {value}"},
    "profile_area_km2": {"vi": "Diện tích: {value} km²", "en": "Area: {value} km²"},
    "profile_population": {"vi": "Dân số: {value} người", "en": "Population: {value}"},
    "profile_enterprises": {"vi": "Doanh nghiệp: {value}", "en": "Enterprises: {value}"},
    "profile_household_businesses": {
        "vi": "Hộ kinh doanh: {value}",
        "en": "Household businesses: {value}",
    },
    "profile_industrial_zone": {"vi": "Khu công nghiệp: {value}", "en": "Industrial zone: {value}"},
    "profile_workers": {"vi": "{value} công nhân", "en": "{value} workers"},
    "profile_name": {"vi": "{value}", "en": "{value}"},
    "profile_head_of_police": {
        "vi": "Trưởng Công an phường: {value}",
        "en": "Head of the ward police: {value}",
    },
    "profile_rank": {"vi": "cấp bậc {value}", "en": "rank: {value}"},
    "profile_residential_quarter_quoted": {
        "vi": "Khu dân cư tiêu biểu: {value}",
        "en": "Residential quarter: {value}",
    },
    "profile_programme": {"vi": "Chương trình: {value}", "en": "Programme: {value}"},
    "profile_reported_result": {
        "vi": "Kết quả đã công bố năm {year}: {value}",
        "en": "Result reported for {year}: {value}",
    },
    "profile_source": {"vi": "Nguồn: {value}", "en": "Source: {value}"},
    "profile_note": {"vi": "Ghi chú: {value}", "en": "Note: {value}"},
    # -- the words of a rule written out (explain.rule_words)
    "rule_and": {"vi": " và ", "en": " and "},
    "rule_or": {"vi": " hoặc ", "en": " or "},
    "rule_change": {
        "vi": "{what}: thay đổi so với cùng kỳ",
        "en": "{what}: change against a year earlier",
    },
    "rule_if_undefined": {"vi": "không tính được thì {status}", "en": "if undefined, {status}"},
    # -- the xlsx export's sheet names
    "sheet_overview": {"vi": "Tổng quan", "en": "Overview"},
    "sheet_summary": {"vi": "Tổng hợp", "en": "Summary"},
    "sheet_criteria": {"vi": "Tiêu chí", "en": "Criteria"},
    "sheet_counts": {"vi": "Theo tiêu chí", "en": "By criterion"},
    "sheet_sources": {"vi": "Nguồn", "en": "Sources"},
    "sheet_not_ranked": {"vi": "Không xếp hạng", "en": "Not ranked"},
}

COUNTED_BY: Final[dict[str, str]] = {"target_missed": "more", "jobs_capped": "cores"}
"""The argument that chooses between one and other, where it is not ``n``."""
