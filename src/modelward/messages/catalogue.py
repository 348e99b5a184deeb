"""Every message the tool says, in every language: one table, ``{id: {"vi": ..., "en": ...}}``.

The id is the message's stable code (JSON output shows it as ``"code"``); the templates name
their arguments, the same in every language (``tests/test_catalogue.py`` checks). A template
whose id starts with ``_`` is a part worded inside another message (a ``got`` phrase, a
place); one that starts with a space or ``;`` is a hint added after a message.
To add a language, add its key to every entry and to ``i18n.LANGS``.
"""

from __future__ import annotations

from typing import Final

Template = str | tuple[str, str]
"""A template, or a pair (one, other) chosen by the argument ``n``."""

MESSAGES: Final[dict[str, dict[str, Template]]] = {
    # -- what a file gave instead (the ``got`` argument of many messages)
    "got_value": {"vi": "nhưng ghi {value}", "en": "got {value}"},
    "got_nothing": {"vi": "nhưng để trống", "en": "got nothing"},
    "got_list": {"vi": "nhưng là một danh sách", "en": "got a list"},
    "got_mapping": {"vi": "nhưng là các cặp khóa: giá trị", "en": "got a mapping"},
    # -- keys
    "unknown_key": {"vi": "khóa {key!r} không hợp lệ", "en": "unknown key {key!r}"},
    "did_you_mean": {
        "vi": " (có phải là {suggestion!r}?)",
        "en": " (did you mean {suggestion!r}?)",
    },
    "expected_one_of": {"vi": "; các khóa hợp lệ: {allowed}", "en": "; expected one of: {allowed}"},
    "indented_too_little": {
        "vi": " ({key} phải nằm {place}: có phải thụt lề thiếu?)",
        "en": " ({key} belongs {place}: is it indented too little?)",
    },
    "place_period": {
        "vi": "trong một kỳ (periods: 2024: ...)",
        "en": "under a period (periods: 2024: ...)",
    },
    "place_criterion": {
        "vi": "trong một tiêu chí (criteria: C01: ...)",
        "en": "under a criterion (criteria: C01: ...)",
    },
    "place_area": {"vi": "trong area", "en": "under area"},
    "place_group_criterion": {
        "vi": "trong một tiêu chí của nhóm",
        "en": "under a criterion of a group",
    },
    "missing_key": {"vi": "thiếu khóa bắt buộc {key!r}", "en": "missing required key {key!r}"},
    "missing_items": {
        "vi": "cần ít nhất {n} mục",
        "en": ("expected at least {n} item", "expected at least {n} items"),
    },
    "too_many_items": {
        "vi": "tối đa {n} mục",
        "en": ("expected at most {n} item", "expected at most {n} items"),
    },
    # -- values of the wrong kind
    "expected_status": {
        "vi": "cần met (đạt), not_met (chưa đạt) hoặc not_applicable (không áp dụng), {got}",
        "en": "expected met, not_met or not_applicable, {got}",
    },
    "expected_choice": {"vi": "cần {choices}, {got}", "en": "expected {choices}, {got}"},
    "expected_language": {
        "vi": "cần mã ngôn ngữ như vi hoặc en, {got}",
        "en": "expected a language code such as vi or en, {got}",
    },
    "expected_slug": {
        "vi": "cần mã gồm chữ thường, chữ số và dấu gạch ngang (như tao-xuyen), {got}",
        "en": "expected an id of lowercase letters, digits and hyphens (like tao-xuyen), {got}",
    },
    "expected_id": {
        "vi": "cần mã gồm chữ cái, chữ số, '_', '-' hoặc '.', {got}",
        "en": "expected an id of letters, digits, '_', '-' or '.', {got}",
    },
    "expected_text": {"vi": "cần văn bản, {got}", "en": "expected text, {got}"},
    "expected_number": {"vi": "cần một con số, {got}", "en": "expected a number, {got}"},
    "expected_finite_number": {
        "vi": "cần một con số hữu hạn, {got}",
        "en": "expected a finite number, {got}",
    },
    "must_be_greater": {
        "vi": "phải lớn hơn {bound}, {got}",
        "en": "must be greater than {bound}, {got}",
    },
    "must_be_at_least": {
        "vi": "tối thiểu là {bound}, {got}",
        "en": "must be at least {bound}, {got}",
    },
    "must_be_at_most": {"vi": "tối đa là {bound}, {got}", "en": "must be at most {bound}, {got}"},
    "must_not_be_empty": {"vi": "không được để trống", "en": "must not be empty"},
    # -- the assessment cycle (FORMAT.md section 9): warnings, and errors with --require-evidence
    "warning": {"vi": "cảnh báo: {text}", "en": "warning: {text}"},
    "no_evidence": {
        "vi": "{criterion} được ghi đạt nhưng không có tài liệu chứng minh hay ghi chú: "
        "hãy ghi tài liệu làm căn cứ (evidence) hoặc ghi chú (note)",
        "en": "{criterion} is marked met with neither evidence nor a note: "
        "give the documents it rests on (evidence) or a note",
    },
    "no_evidence_many": {
        "vi": "{n} tiêu chí được ghi đạt nhưng không có tài liệu chứng minh hay ghi chú: "
        "{criteria}",
        "en": "{n} criteria are marked met with neither evidence nor a note: {criteria}",
    },
    "recognised_below_top": {
        "vi": "quyết định {number} công nhận kỳ này, nhưng kết quả ở bước {stage} là xếp loại "
        "{verdict!r}, không phải {top!r}",
        "en": "decision {number} recognises this period, but its result at the {stage} stage "
        "is verdict {verdict!r}, not {top!r}",
    },
    "_stage_self": {"vi": "tự đánh giá", "en": "self"},
    "_stage_inspection": {"vi": "kiểm tra", "en": "inspection"},
    "expected_bool": {
        "vi": "cần true (có) hoặc false (không), {got}",
        "en": "expected true or false, {got}",
    },
    "expected_mapping": {
        "vi": "cần các cặp khóa: giá trị, {got}",
        "en": "expected a mapping (key: value), {got}",
    },
    "expected_list": {"vi": "cần một danh sách, {got}", "en": "expected a list, {got}"},
    "expected_date": {
        "vi": "cần ngày dạng 2025-01-15, {got}",
        "en": "expected a date such as 2025-01-15, {got}",
    },
    "expected_rule": {"vi": "cần một quy tắc, {got}", "en": "expected a rule, {got}"},
    "invalid_value": {"vi": "giá trị không hợp lệ ({detail})", "en": "{detail}"},
    # -- hints added after a message
    "yaml_reads_bool": {
        "vi": " (YAML đọc {written} thành {value})",
        "en": " (YAML reads {written} as {value})",
    },
    "yaml_reads_bool_quote": {
        "vi": " (YAML đọc {written} thành {value}; hãy đặt trong dấu nháy: '{written}')",
        "en": " (YAML reads {written} as {value}; write it quoted: '{written}')",
    },
    "curly_quotes": {
        "vi": " (với YAML, dấu nháy cong là chữ: hãy dùng dấu nháy thẳng \" hoặc ')",
        "en": " (curly quotes are text to YAML: use straight quotes \" or ')",
    },
}
