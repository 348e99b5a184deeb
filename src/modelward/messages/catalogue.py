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
    # -- reading the file
    "utf16": {
        "vi": 'không phải UTF-8: tệp đang ở dạng UTF-16 ("Unicode" trong Notepad); hãy lưu lại dạng UTF-8',
        "en": 'not UTF-8: the file is UTF-16 ("Unicode" in Notepad); save it as UTF-8',
    },
    "not_utf8": {
        "vi": "không phải UTF-8: byte {byte} ở đây không thuộc ký tự UTF-8 nào; hãy lưu tệp dạng UTF-8 (không đọc các bảng mã cũ TCVN3, VNI, Windows-1258)",
        "en": "not UTF-8: byte {byte} here is not part of a UTF-8 character; save the file as UTF-8 (legacy Vietnamese encodings such as TCVN3, VNI or Windows-1258 are not read)",
    },
    "nul_character": {
        "vi": "có ký tự NUL: đây không phải tệp văn bản",
        "en": "contains a NUL character: this is not a text file",
    },
    "line_break_character": {
        "vi": "có ký tự ẩn {code} ({name}) ở đây; YAML coi nó là xuống dòng còn trình soạn thảo thì không: hãy xóa nó",
        "en": "the invisible character {code} ({name}) is here; YAML would count it as a new line and editors do not: delete it",
    },
    "file_empty": {
        "vi": "tệp trống: cần một bộ tiêu chí hoặc một hồ sơ phường",
        "en": "the file is empty: expected a catalogue or a ward file",
    },
    "too_deep": {
        "vi": "lồng nhau quá {depth} cấp: bộ tiêu chí hay hồ sơ phường không cần nhiều như vậy (có dấu ngoặc nào chưa đóng?)",
        "en": "nested more than {depth} levels deep: a catalogue or ward file needs far fewer (is a bracket left open?)",
    },
    "file_too_big": {
        "vi": "tệp dài {size} byte, vượt giới hạn {limit}; nếu tệp thật sự lớn như vậy, hãy nâng giới hạn bằng --max-size",
        "en": "file is {size} bytes, over the limit of {limit}; raise it with --max-size if the file is really meant to be this big",
    },
    "file_over_limit": {
        "vi": "tệp lớn hơn giới hạn {limit}; nếu tệp thật sự lớn như vậy, hãy nâng giới hạn bằng --max-size",
        "en": "file is larger than the limit of {limit}; raise it with --max-size if the file is really meant to be this big",
    },
    "is_a_folder": {
        "vi": "là một thư mục, cần một tệp YAML",
        "en": "is a folder, expected a YAML file",
    },
    "no_such_file": {"vi": "không có tệp này", "en": "no such file"},
    "permission_denied": {
        "vi": "không đọc được tệp: không có quyền",
        "en": "cannot read the file: permission denied",
    },
    "cannot_read": {"vi": "không đọc được tệp: {reason}", "en": "cannot read the file: {reason}"},
    "not_a_regular_file": {
        "vi": "không phải một tệp thường (là một đường ống hay socket)",
        "en": "is not a regular file (a pipe or a socket)",
    },
    # -- what a file is, and its catalogue
    "top_not_mapping": {
        "vi": "đầu tệp phải là các cặp khóa: giá trị (bộ tiêu chí hoặc hồ sơ phường), {got}",
        "en": "expected a mapping at the top (a catalogue or a ward file), {got}",
    },
    "catalogue_top_not_mapping": {
        "vi": "đầu bộ tiêu chí phải là các cặp khóa: giá trị, {got}",
        "en": "expected a catalogue mapping at the top, {got}",
    },
    "ward_top_not_mapping": {
        "vi": "đầu hồ sơ phường phải là các cặp khóa: giá trị, {got}",
        "en": "expected a ward mapping at the top, {got}",
    },
    "unknown_file_kind": {
        "vi": "không rõ đây là tệp gì: bộ tiêu chí có groups và verdicts, hồ sơ phường có name và periods",
        "en": "cannot tell what this file is: a catalogue has groups and verdicts, a ward file has name and periods",
    },
    "catalogue_has_errors": {
        "vi": "bộ tiêu chí {path} của tệp này có lỗi (xem ở trên)",
        "en": "its catalogue {path} has errors (listed above)",
    },
    "catalogue_name_empty": {
        "vi": "cần tên tệp của bộ tiêu chí, ví dụ {example}",
        "en": "expected the catalogue's file name, such as {example}",
    },
    "catalogue_not_found": {
        "vi": "không tìm thấy bộ tiêu chí: {path}",
        "en": "catalogue not found: {path}",
    },
    "catalogue_is_folder": {
        "vi": "bộ tiêu chí là một thư mục: {path}",
        "en": "catalogue is a folder: {path}",
    },
    "catalogue_unreadable": {
        "vi": "không đọc được bộ tiêu chí ({reason}): {path}",
        "en": "catalogue cannot be read ({reason}): {path}",
    },
    "did_you_mean_path": {"vi": "; có phải là {path}?", "en": "; did you mean {path}?"},
    "no_catalogue_found": {
        "vi": "không thấy criteria.yaml trong thư mục của hồ sơ hay thư mục cha; hãy chỉ ra bằng --criteria TỆP hoặc khóa catalogue",
        "en": "no criteria.yaml in the ward file's folder or any parent folder; name one with --criteria FILE or the ward's catalogue key",
    },
    # -- a merged ward's predecessors
    "formed_from_itself": {
        "vi": "{ward} chính là phường này: một phường không thể hình thành từ chính nó",
        "en": "{ward} is this ward itself: a ward is not formed from itself",
    },
    "predecessor_missing": {
        "vi": "không tìm thấy phường trước sắp xếp {ward}: không có tệp phường nào mang id {ward} trong {folder}",
        "en": "predecessor {ward} not found: no ward file with id {ward} in {folder}",
    },
    "predecessor_missing_given": {
        "vi": "không tìm thấy phường trước sắp xếp {ward}: không có tệp phường nào mang id {ward} trong {folder} hay trong các tệp được chỉ định",
        "en": "predecessor {ward} not found: no ward file with id {ward} in {folder} or among the files given",
    },
    "predecessor_other_id": {
        "vi": "không tìm thấy phường trước sắp xếp {ward}: {path} là hồ sơ của phường {other}",
        "en": "predecessor {ward} not found: {path} is ward {other}",
    },
    "predecessor_has_errors": {
        "vi": "hồ sơ phường trước sắp xếp {ward} ({path}) có lỗi (liệt kê ở trên)",
        "en": "predecessor {ward} ({path}) has errors (listed above)",
    },
    # -- YAML syntax (libyaml's words, each by its own id; an unknown one is quoted)
    "yaml_syntax": {"vi": "lỗi cú pháp YAML: {problem}", "en": "YAML syntax: {problem}"},
    "yaml_context": {
        "vi": " ({context}, bắt đầu ở dòng {line})",
        "en": " ({context} at line {line})",
    },
    "yaml_while_next_token": {
        "vi": "khi tìm mục tiếp theo",
        "en": "while scanning for the next token",
    },
    "yaml_while_block_mapping": {
        "vi": "trong khối các cặp khóa: giá trị",
        "en": "while parsing a block mapping",
    },
    "yaml_while_flow_mapping": {
        "vi": "trong cặp ngoặc {{ }}",
        "en": "while parsing a flow mapping",
    },
    "yaml_while_flow_sequence": {
        "vi": "trong cặp ngoặc [ ]",
        "en": "while parsing a flow sequence",
    },
    "yaml_while_block_scalar": {
        "vi": "trong đoạn văn bản nhiều dòng",
        "en": "while scanning a block scalar",
    },
    "yaml_while_block_collection": {
        "vi": "trong một danh sách",
        "en": "while parsing a block collection",
    },
    "yaml_while_quoted_scalar": {
        "vi": "trong chuỗi đặt trong dấu nháy",
        "en": "while scanning a quoted scalar",
    },
    "yaml_while_simple_key": {"vi": "khi đọc một khóa", "en": "while scanning a simple key"},
    "yaml_while_plain_scalar": {"vi": "khi đọc một giá trị", "en": "while scanning a plain scalar"},
    "yaml_while_block_node": {"vi": "khi đọc một giá trị", "en": "while parsing a block node"},
    "yaml_while_flow_node": {"vi": "khi đọc một giá trị", "en": "while parsing a flow node"},
    "yaml_while_anchor": {"vi": "khi đọc một điểm neo (&)", "en": "while scanning an anchor"},
    "yaml_while_alias": {"vi": "khi đọc một bí danh (*)", "en": "while scanning an alias"},
    "yaml_cannot_start_token": {
        "vi": "gặp ký tự không thể mở đầu một mục",
        "en": "found character that cannot start any token",
    },
    "yaml_mapping_values": {
        "vi": "không được có dấu hai chấm ở đây",
        "en": "mapping values are not allowed here",
    },
    "yaml_expected_key": {"vi": "không thấy khóa ở chỗ cần có", "en": "did not find expected key"},
    "yaml_expected_colon": {"vi": "thiếu dấu hai chấm", "en": "could not find expected ':'"},
    "yaml_expected_comma_or_brace": {
        "vi": "thiếu dấu ',' hoặc '}}'",
        "en": "did not find expected ',' or '}}'",
    },
    "yaml_expected_comma_or_bracket": {
        "vi": "thiếu dấu ',' hoặc ']'",
        "en": "did not find expected ',' or ']'",
    },
    "yaml_expected_dash": {
        "vi": "thiếu dấu '-' của mục danh sách",
        "en": "did not find expected '-' indicator",
    },
    "yaml_tab_indent": {
        "vi": "gặp ký tự Tab ở chỗ cần dấu cách thụt lề",
        "en": "found a tab character where an indentation space is expected",
    },
    "yaml_unclosed_quote": {
        "vi": "hết tệp mà chuỗi trong dấu nháy chưa đóng",
        "en": "found unexpected end of stream",
    },
    "yaml_other": {"vi": "trình đọc YAML báo: {text}", "en": "{text}"},
    "yaml_cannot_be_read": {"vi": "không đọc được", "en": "cannot be read"},
    "tab_indent_hint": {
        "vi": "; ở đây thụt lề bằng phím Tab: YAML chỉ thụt lề bằng dấu cách",
        "en": "; a tab is used to indent here: YAML indents with spaces only",
    },
    "invisible_here": {
        "vi": "; có ký tự ẩn {code} ({name}) ở đây: hãy xóa nó",
        "en": "; the invisible character {code} ({name}) is here: delete it",
    },
    "control_character": {
        "vi": "YAML không cho phép ký tự ẩn {code}; hãy xóa nó",
        "en": "the invisible character {code} is not allowed in a YAML file; delete it",
    },
    "second_document": {
        "vi": "một tài liệu thứ hai bắt đầu ở đây (---), nhưng mỗi tệp modelward chỉ chứa một: hãy xóa dòng --- hoặc tách tệp",
        "en": "a second document starts here (---), but a modelward file holds one: remove the --- line, or split the file",
    },
    "no_space_after_colon": {
        "vi": "thiếu dấu cách sau dấu hai chấm trong {written!r}: hãy viết {fixed!r}",
        "en": "no space after the colon in {written!r}: write {fixed!r}",
    },
    "second_colon": {
        "vi": "dòng này có dấu ': ' thứ hai, nằm trong giá trị của {key}: nếu dấu hai chấm là một phần của nội dung, hãy đặt nội dung trong dấu ngoặc kép: {fixed}",
        "en": "a second ': ' on this line, inside the value of {key}: if the colon is part of the text, put the text in quotes: {fixed}",
    },
    # -- what the walk refuses
    "repeated_key": {
        "vi": "khóa {key!r} bị lặp lại (lần đầu ở dòng {first}); trình đọc YAML thông thường sẽ lặng lẽ chỉ giữ lần cuối",
        "en": "key {key!r} is repeated (first at line {first}); a plain YAML reader would silently keep only the last one",
    },
    "invisible_in_key": {
        "vi": "khóa {key!r} chứa ký tự ẩn {code} ({name}): hãy gõ lại khóa",
        "en": "the key {key!r} holds the invisible character {code} ({name}): retype the key",
    },
    "key_not_plain": {
        "vi": "khóa phải là một giá trị đơn, không phải danh sách hay các cặp khóa: giá trị",
        "en": "a key must be a plain value, not a list or mapping",
    },
    "merge_key": {
        "vi": "không hỗ trợ khóa gộp (<<): hãy viết đủ các khóa",
        "en": "merge keys (<<) are not supported: write the keys out",
    },
    "tag_not_allowed": {
        "vi": "không chấp nhận thẻ YAML {tag}",
        "en": "YAML tag {tag} is not allowed here",
    },
    "alias_bomb": {
        "vi": "quá nhiều bí danh (alias): điểm neo ở đây bị lặp lại nhiều đến mức tệp sẽ phình ra vượt xa kích thước thật",
        "en": "too many aliases: the anchor here is repeated so often that the file would expand far beyond its size",
    },
    "alias_loop": {
        "vi": "giá trị này chứa bí danh trỏ về chính nó (*tên bên trong &tên): sẽ không bao giờ dừng",
        "en": "this value holds an alias to itself (*name inside &name): it would never end",
    },
    "not_a_real_date": {
        "vi": "{written} không phải ngày có thật{reason}",
        "en": "{written} is not a real date{reason}",
    },
    "date_reason": {"vi": " ({reason})", "en": " ({reason})"},
    "date_day_out_of_range": {
        "vi": "tháng không có ngày này",
        "en": "day is out of range for month",
    },
    "date_unit_range": {
        "vi": "{unit} phải từ {low} đến {high}",
        "en": "{unit} must be in {low}..{high}",
    },
    "unit_year": {"vi": "năm", "en": "year"},
    "unit_month": {"vi": "tháng", "en": "month"},
    "unit_day": {"vi": "ngày", "en": "day"},
    "unit_hour": {"vi": "giờ", "en": "hour"},
    "unit_minute": {"vi": "phút", "en": "minute"},
    "unit_second": {"vi": "giây", "en": "second"},
    "cannot_be_read_as": {
        "vi": "{written!r} không đọc được thành {tag}",
        "en": "{written!r} cannot be read as {tag}",
    },
    "yaml_octal": {
        "vi": "YAML 1.1 đọc {written} thành {value} (số bát phân): hãy viết {fixed}, hoặc đặt trong dấu nháy nếu là chữ: '{written}'",
        "en": "YAML 1.1 reads {written} as {value} (an octal number): write {fixed}, or quote it if it is text: '{written}'",
    },
    "yaml_base60": {
        "vi": "YAML 1.1 đọc {written} thành {value} (số cơ số 60): hãy viết đúng con số, hoặc đặt trong dấu nháy nếu là chữ: '{written}'",
        "en": "YAML 1.1 reads {written} as {value} (a base-60 number): write the number you mean, or quote it if it is text: '{written}'",
    },
    # -- the invisible characters, by name
    "char_nbsp": {
        "vi": "dấu cách không ngắt dòng, thường do dán từ Word hay trang web",
        "en": "a non-breaking space, as pasted from Word or a web page",
    },
    "char_soft_hyphen": {"vi": "dấu gạch nối mềm", "en": "a soft hyphen"},
    "char_zwsp": {"vi": "dấu cách không độ rộng", "en": "a zero-width space"},
    "char_zwnj": {"vi": "ký tự ngăn nối không độ rộng", "en": "a zero-width non-joiner"},
    "char_zwj": {"vi": "ký tự nối không độ rộng", "en": "a zero-width joiner"},
    "char_figure_space": {"vi": "dấu cách rộng bằng chữ số", "en": "a figure space"},
    "char_narrow_nbsp": {"vi": "dấu cách hẹp không ngắt dòng", "en": "a narrow non-breaking space"},
    "char_word_joiner": {"vi": "ký tự nối từ", "en": "a word joiner"},
    "char_ideographic_space": {
        "vi": "dấu cách toàn khổ của chữ Trung, Nhật, Hàn",
        "en": "an ideographic space",
    },
    "char_bom": {"vi": "ký tự BOM đánh dấu thứ tự byte", "en": "a byte-order mark"},
    "char_line_separator": {"vi": "ký tự ngắt dòng", "en": "a line separator"},
    "char_paragraph_separator": {"vi": "ký tự ngắt đoạn", "en": "a paragraph separator"},
    "char_nel": {"vi": "ký tự xuống dòng NEL", "en": "a next-line character (NEL)"},
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
