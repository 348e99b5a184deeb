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
    "link_nowhere": {
        "vi": "là liên kết tới {target!r}, nhưng nơi đó không có tệp: hãy sửa hoặc xóa liên kết",
        "en": "is a link to {target!r}, where there is no file: mend or delete the link",
    },
    "permission_denied": {
        "vi": "không đọc được tệp: không có quyền",
        "en": "cannot read the file: permission denied",
    },
    "cannot_read": {"vi": "không đọc được tệp: {reason}", "en": "cannot read the file: {reason}"},
    "not_a_regular_file": {
        "vi": "không phải một tệp thường (là một đường ống hay socket)",
        "en": "is not a regular file (a pipe or a socket)",
    },
    "link_loops": {
        "vi": "không đọc được tệp: liên kết (symlink) này vòng lại chính nó",
        "en": "cannot read the file: the link loops back on itself",
    },
    # -- writing the output: devices, read-only files, a full disk, stdout, signals
    "output_not_regular": {
        "vi": "không phải một tệp thường: không ghi vào đó",
        "en": "is not a regular file: refusing to write to it",
    },
    "output_read_only": {
        "vi": "là tệp chỉ cho đọc: không ghi đè (--force để ghi đè)",
        "en": "is read-only: not replaced (--force replaces it)",
    },
    "disk_full": {"vi": "không ghi được: ổ đĩa đã đầy", "en": "cannot write: the disk is full"},
    "stdout_full": {
        "vi": "không ghi được ra đầu ra chuẩn (stdout): ổ đĩa đã đầy",
        "en": "cannot write to standard output: the disk is full",
    },
    "stdout_too_large": {
        "vi": "không ghi được ra đầu ra chuẩn (stdout): tệp quá lớn",
        "en": "cannot write to standard output: the file is too large",
    },
    "stdout_io_error": {
        "vi": "không ghi được ra đầu ra chuẩn (stdout): lỗi đọc ghi thiết bị",
        "en": "cannot write to standard output: input/output error",
    },
    "stdout_closed": {
        "vi": "không ghi được ra đầu ra chuẩn (stdout): đầu ra đã bị đóng",
        "en": "cannot write to standard output: it is closed",
    },
    "stopped_by_signal": {"vi": "đã dừng do tín hiệu {signal}", "en": "stopped by {signal}"},
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
    "catalogue_not_read": {
        "vi": "không đọc được bộ tiêu chí {path} của tệp này (lý do ở trên)",
        "en": "its catalogue {path} could not be read (why is said above)",
    },
    "catalogue_name_empty": {
        "vi": "cần tên tệp của bộ tiêu chí, ví dụ {example}",
        "en": "expected the catalogue's file name, such as {example}",
    },
    "catalogue_not_found": {
        "vi": "không tìm thấy bộ tiêu chí: {written!r}, tính từ thư mục của hồ sơ này, là {path}: không có tệp đó",
        "en": "catalogue not found: {written!r}, from this file's folder, is {path}: no such file",
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
    "none": {"vi": "không có", "en": "none"},
    "two_files_claim": {
        "vi": "hai tệp khác nhau cùng nhận là bộ tiêu chí {reference}: {first} và {second}",
        "en": "two different files claim catalogue {reference}: {first} and {second}",
    },
    "criteria_is_other": {
        "vi": "--criteria {criteria} là bộ tiêu chí {given}, không phải {named} ghi ở đây: bỏ --criteria, hoặc ghi đúng bộ tiêu chí đó",
        "en": "--criteria {criteria} is catalogue {given}, not {named} named here: leave out --criteria, or name the catalogue it is",
    },
    "no_catalogue_named": {
        "vi": "không tìm thấy bộ tiêu chí {reference} cạnh hồ sơ (criteria.yaml, catalogues/) hay kèm modelward; các bộ đã biết: {known}",
        "en": "no catalogue {reference} found beside the ward file (criteria.yaml, catalogues/) or shipped with modelward; known: {known}",
    },
    "named_catalogue_has_errors": {
        "vi": "bộ tiêu chí {path} có lỗi",
        "en": "catalogue {path} has errors",
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
    "yaml_while_tag": {"vi": "khi đọc một thẻ (!)", "en": "while scanning a tag"},
    "yaml_while_node": {"vi": "khi đọc một giá trị", "en": "while parsing a node"},
    "yaml_while_directive": {"vi": "khi đọc một chỉ thị (%)", "en": "while scanning a directive"},
    "yaml_while_tag_directive": {
        "vi": "khi đọc chỉ thị %TAG",
        "en": "while scanning a tag directive",
    },
    "yaml_expected_bang": {
        "vi": "thiếu dấu ! của tên viết tắt thẻ YAML",
        "en": "did not find expected '!'",
    },
    "yaml_tab_violates_indent": {
        "vi": "gặp ký tự Tab làm sai thụt lề",
        "en": "found a tab character that violates indentation",
    },
    "yaml_expected_hex": {
        "vi": "sau \\x, \\u hoặc \\U trong dấu nháy kép cần các chữ số thập lục phân (0–9, A–F)",
        "en": "did not find expected hexdecimal number",
    },
    "yaml_expected_document_start": {
        "vi": "thiếu dòng --- mở đầu tài liệu",
        "en": "did not find expected <document start>",
    },
    "yaml_expected_line_break": {
        "vi": "sau dấu này chỉ được có chú thích (#) hoặc xuống dòng",
        "en": "did not find expected comment or line break",
    },
    "yaml_expected_node": {
        "vi": "thiếu giá trị ở chỗ cần có",
        "en": "did not find expected node content",
    },
    "yaml_expected_name": {
        "vi": "sau & hoặc * cần một tên gồm chữ hoặc số",
        "en": "did not find expected alphabetic or numeric character",
    },
    "yaml_unknown_escape": {
        "vi": "ký tự sau dấu \\ trong dấu nháy kép không hợp lệ (muốn viết dấu \\ thì viết \\\\, hoặc dùng dấu nháy đơn)",
        "en": "found unknown escape character",
    },
    "yaml_indentation_zero": {
        "vi": "số chỉ thụt lề sau | hoặc > không được bằng 0",
        "en": "found an indentation indicator equal to 0",
    },
    "yaml_expected_tag_uri": {
        "vi": "thẻ YAML (sau dấu !) không đúng dạng",
        "en": "did not find expected tag URI",
    },
    "yaml_undefined_tag_handle": {
        "vi": "thẻ YAML dùng một tiền tố (!…!) chưa được khai báo",
        "en": "found undefined tag handle",
    },
    "yaml_dash_not_allowed": {
        "vi": "không được mở mục danh sách (-) ở đây",
        "en": "block sequence entries are not allowed in this context",
    },
    "yaml_unexpected_colon": {
        "vi": "gặp dấu hai chấm không đúng chỗ",
        "en": "found unexpected ':'",
    },
    "yaml_expected_space": {
        "vi": "cần dấu cách hoặc xuống dòng sau thẻ YAML",
        "en": "did not find expected whitespace or line break",
    },
    "yaml_key_not_allowed": {
        "vi": "không được có khóa (?) ở đây",
        "en": "mapping keys are not allowed in this context",
    },
    "yaml_expected_directive": {
        "vi": "sau dấu % ở đầu dòng cần tên một chỉ thị (YAML hoặc TAG)",
        "en": "could not find expected directive name",
    },
    "yaml_unknown_directive": {
        "vi": "chỉ thị không được biết (chỉ có %YAML và %TAG)",
        "en": "found unknown directive name",
    },
    "yaml_bad_unicode_escape": {
        "vi": "mã ký tự Unicode sau \\u hoặc \\U không hợp lệ",
        "en": "found invalid Unicode character escape code",
    },
    "yaml_unexpected_document_indicator": {
        "vi": "gặp dấu --- hoặc ... (ranh giới tài liệu) bên trong một chuỗi",
        "en": "found unexpected document indicator",
    },
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
    # -- figures
    "count_thousands": {
        "vi": "{indicator} là số đếm: {got!r} là {fix} nếu dấu chấm (phẩy) phân cách hàng nghìn; hãy viết {fix}",
        "en": "{indicator} is a count: {got!r} is {fix} if the separator groups thousands; write {fix}",
    },
    "count_with_dot": {
        "vi": "{indicator} là số đếm: hãy viết số nguyên, không có dấu chấm — {fix}, nhưng ghi {got}",
        "en": "{indicator} is a count: write a whole number without a dot — {fix}, got {got}",
    },
    "count_not_whole": {
        "vi": "{indicator} là số đếm: số đếm là số nguyên, nhưng ghi {got}",
        "en": "{indicator} is a count: a count is a whole number, got {got}",
    },
    "percent_for_number": {
        "vi": "{indicator} là {kind}, không phải tỷ lệ: viết con số không kèm dấu %: {fix}",
        "en": "{indicator} is a {kind}, not a percent: write the number without '%': {fix}",
    },
    "comma_split_figure": {
        "vi": "{indicator}: trong {{ }} dấu phẩy ngăn cách các mục, nên con số bị cắt đôi; hãy viết {fix}, với dấu chấm thập phân",
        "en": "{indicator}: a comma inside {{ }} separates entries, so the figure is cut in two; write {fix}, with a decimal point",
    },
    "comma_in_braces": {
        "vi": " (trong {{ }}, YAML đọc {written} thành {read} và khóa trống {keys})",
        "en": " (inside {{ }}, YAML reads {written} as {read} and the blank key {keys})",
    },
    "share_over_100": {
        "vi": "tỷ lệ không thể quá 100%, {got}",
        "en": "a share cannot be over 100%, {got}",
    },
    "too_many_digits": {
        "vi": "cần một con số mà phường có thể báo cáo được, nhưng ghi một số có {digits} chữ số",
        "en": "expected a number a ward can report, got one of {digits} digits",
    },
    "figure_too_small": {
        "vi": "cần một con số mà phường có thể báo cáo được, nhưng ghi {got}: khác 0 mà nhỏ hơn 0,000000000000001 (một phần triệu tỷ)",
        "en": "expected a number a ward can report, got {got}: not 0, yet below 0.000000000000001 (10⁻¹⁵)",
    },
    "negative_figure": {
        "vi": "số liệu không bao giờ âm, nhưng ghi {got}",
        "en": "figures are never negative, got {got}",
    },
    "bare_percent": {
        "vi": "{indicator} là tỷ lệ: viết dạng phân số ({fraction}) hoặc kèm dấu phần trăm ('{fix}'), không viết trơn {got}",
        "en": "{indicator} is a percent: write the share as a fraction ({fraction}) or with a percent sign ('{fix}'), not a bare {got}",
    },
    "number_in_quotes": {
        "vi": " (số đặt trong dấu nháy là chữ: hãy viết {fix} không có dấu nháy)",
        "en": " (a number in quotes is text: write {fix} without quotes)",
    },
    "number_written_out": {
        "vi": " (hãy viết đầy đủ con số: {fix})",
        "en": " (write the number out: {fix})",
    },
    "part_over_whole": {
        "vi": "{part} ({part_value}) lớn hơn {whole} ({whole_value}): tỷ lệ {share} sẽ vượt quá 100%",
        "en": "{part} ({part_value}) is more than {whole} ({whole_value}): {share} would be over 100%",
    },
    "bound_below_zero": {
        "vi": "không số liệu nào dưới 0: số liệu không bao giờ âm",
        "en": "no figure lies below 0: figures are never negative",
    },
    "bound_above_100": {"vi": "không tỷ lệ nào trên 100%", "en": "a share cannot lie above 100%"},
    "bound_needs_value": {
        "vi": "ghi giới hạn (bound) thì phải có value: số liệu nằm ngoài giá trị đó",
        "en": "a bound needs a value: the figure lies beyond it",
    },
    "ratio_with_part": {
        "vi": "{indicator} được tính ({numerator} / {denominator}) mà kỳ này đã ghi {given}: chỉ ghi {indicator}, hoặc ghi {numerator} và {denominator}, không ghi cả hai",
        "en": "{indicator} is derived ({numerator} / {denominator}) and {given} is given in this period: give either {indicator} or {numerator} and {denominator}, not both",
    },
    # -- criteria of a ward
    "did_you_mean_status": {"vi": " (có phải là {fix}?)", "en": " (did you mean {fix}?)"},
    "computed_needs_override": {
        "vi": "{criterion} được tính từ số liệu theo quy tắc: muốn tự quyết định, hãy viết {criterion}: {fix}, ghi lý do bằng lời thay cho ...",
        "en": "{criterion} is computed from its rule: to decide it by hand, write {criterion}: {fix}, with the reason in words in place of ...",
    },
    "reason_in_words": {
        "vi": "hãy ghi lý do bằng lời, {got}",
        "en": "give the reason in words, {got}",
    },
    "judged_not_override": {
        "vi": "{criterion} là tiêu chí tự đánh giá: ghi status, không dùng override",
        "en": "{criterion} is judged, not computed: give its status, not an override",
    },
    "status_and_override": {
        "vi": "chỉ ghi status (tiêu chí tự đánh giá) hoặc override (tiêu chí tính từ số liệu), không ghi cả hai",
        "en": "give either status (a judged criterion) or override (a computed one), not both",
    },
    "no_criterion_in": {
        "vi": "bộ tiêu chí {catalogue} không có tiêu chí {id!r}",
        "en": "no criterion {id!r} in catalogue {catalogue}",
    },
    "no_indicator_in": {
        "vi": "bộ tiêu chí {catalogue} không có chỉ số {id!r}",
        "en": "no indicator {id!r} in catalogue {catalogue}",
    },
    "no_criterion_here": {
        "vi": "bộ tiêu chí này không có tiêu chí {id!r}",
        "en": "no criterion {id!r} in this catalogue",
    },
    "no_indicator_here": {
        "vi": "bộ tiêu chí này không có chỉ số {id!r}",
        "en": "no indicator {id!r} in this catalogue",
    },
    # -- periods
    "expected_period": {
        "vi": "cần năm (2024), quý (2025-Q1), nửa năm (2025-H1), khoảng tháng (2025-01..2025-02) hoặc khoảng ngày (2023-12-15..2024-12-14), {got}",
        "en": "expected a year (2024), a quarter (2025-Q1), a half (2025-H1), a month span (2025-01..2025-02) or a span of days (2023-12-15..2024-12-14), {got}",
    },
    "year_out_of_range": {
        "vi": "năm {year} trong {key!r} nằm ngoài khoảng {low}..{high}",
        "en": "year {year} in {key!r} is out of range {low}..{high}",
    },
    "not_a_month": {
        "vi": "tháng {month} trong {key!r} không phải một tháng (01..12)",
        "en": "month {month} in {key!r} is not a month (01..12)",
    },
    "not_a_day": {
        "vi": "{date} trong {key!r} không phải ngày có thật (tháng đó có {days} ngày)",
        "en": "{date} in {key!r} is not a date (that month has {days} days)",
    },
    "span_backwards": {
        "vi": "khoảng {key!r} kết thúc trước khi bắt đầu",
        "en": "span {key!r} ends before it starts",
    },
    "span_too_long": {
        "vi": "khoảng {key!r} dài hơn một năm; hãy dùng các năm trọn vẹn",
        "en": "span {key!r} is longer than a year; use whole years instead",
    },
    "same_span": {
        "vi": "kỳ {period!r} trùng khoảng thời gian với kỳ {other!r}",
        "en": "period {period!r} is the same span as {other!r}",
    },
    # -- a catalogue's own consistency
    "kind_indicator": {"vi": "chỉ số", "en": "indicator"},
    "kind_group": {"vi": "nhóm", "en": "group"},
    "kind_criterion": {"vi": "tiêu chí", "en": "criterion"},
    "kind_verdict": {"vi": "xếp loại", "en": "verdict"},
    "kind_count": {"vi": "số đếm", "en": "count"},
    "kind_number": {"vi": "số", "en": "number"},
    "kind_percent": {"vi": "tỷ lệ", "en": "percent"},
    "id_used": {
        "vi": "mã {kind} {id!r} đã được dùng ở {at}",
        "en": "{kind} id {id!r} is already used at {at}",
    },
    "ratio_cycle": {
        "vi": "các chỉ số tính bằng ratio tham chiếu lẫn nhau thành vòng: {cycle}",
        "en": "ratio indicators refer to each other in a cycle: {cycle}",
    },
    "ratio_itself": {
        "vi": "ratio của một chỉ số không được dùng chính chỉ số đó",
        "en": "a ratio cannot use itself",
    },
    "ratio_combine": {
        "vi": "tỷ lệ của các phường đã sáp nhập luôn được tính từ tổng các thành phần: combine chỉ dùng cho số hoặc tỷ lệ nhập trực tiếp",
        "en": "a ratio of merged wards is always worked out from its parts added up: combine is for a number or a percent",
    },
    "not_old_criterion": {
        "vi": "{id!r} không phải là tiêu chí của {catalogue}, bộ tiêu chí mà bộ này thay thế",
        "en": "{id!r} is not a criterion of {catalogue}, the catalogue this one replaces",
    },
    "not_old_indicator": {
        "vi": "{id!r} không phải là chỉ số của {catalogue}, bộ tiêu chí mà bộ này thay thế",
        "en": "{id!r} is not an indicator of {catalogue}, the catalogue this one replaces",
    },
    "old_catalogue_not_found": {
        "vi": "không tìm thấy {reference} cạnh tệp này (criteria.yaml, catalogues/) hay kèm modelward: chưa kiểm tra được các mã cũ của bảng chuyển đổi; muốn so sánh một phường giữa hai phiên bản thì cần có bộ đó",
        "en": "{reference} is not found beside this file (criteria.yaml, catalogues/) or shipped with modelward: the crosswalk's old ids are not checked; comparing a ward across the two versions needs it",
    },
    "old_catalogue_has_errors": {
        "vi": "bộ tiêu chí {reference} ({path}) có lỗi, hãy kiểm tra nó bằng validate: chưa kiểm tra được các mã cũ của bảng chuyển đổi",
        "en": "{reference} ({path}) has errors of its own (validate it): the crosswalk's old ids are not checked",
    },
    "old_catalogue_ambiguous": {
        "vi": "{problem}: chưa kiểm tra được các mã cũ của bảng chuyển đổi",
        "en": "{problem}: the crosswalk's old ids are not checked",
    },
    "replaces_itself": {
        "vi": "bộ tiêu chí không thể thay thế chính nó",
        "en": "a catalogue cannot replace itself",
    },
    "last_verdict_condition": {
        "vi": "xếp loại cuối ({verdict}) là xếp loại còn lại khi không xếp loại nào khác thỏa: không ghi min_share hay requires",
        "en": "the last verdict ({verdict}) is the one left when no other holds: it takes no min_share and no requires",
    },
    "verdict_order": {
        "vi": "các xếp loại ghi từ cao xuống thấp: min_share {share} của {verdict!r} thấp hơn min_share {next_share} của xếp loại sau nó, {next!r}: hãy sắp lại thứ tự hoặc sửa ngưỡng",
        "en": "verdicts go best first: min_share {share} of {verdict!r} is below min_share {next_share} of the verdict after it, {next!r}: reorder them or fix the threshold",
    },
    "verdict_unreachable": {
        "vi": "xếp loại {verdict!r} không có điều kiện nên các xếp loại sau nó không bao giờ được xét tới: hãy ghi min_share hoặc requires cho nó, hoặc chuyển nó xuống cuối",
        "en": "verdict {verdict!r} has no condition, so the verdicts after it can never be reached: give it min_share or requires, or make it the last",
    },
    "one_operand": {
        "vi": "một phép so sánh cần đúng một số liệu để so (value hoặc change), {given}",
        "en": "a comparison needs exactly one operand (value or change), {given}",
    },
    "one_operator": {
        "vi": "một phép so sánh cần đúng một ngưỡng (at_least, at_most, above hoặc below), {given}",
        "en": "a comparison needs exactly one operator (at_least, at_most, above or below), {given}",
    },
    "given_none": {"vi": "nhưng không ghi cái nào", "en": "got none"},
    "given_these": {"vi": "nhưng ghi cả {names}", "en": "got {names}"},
    "named_twice": {"vi": "{ids} được ghi nhiều lần", "en": "{ids} is named more than once"},
    "expected_reference": {
        "vi": "cần ghi bộ tiêu chí dạng ID@VERSION (cand-model-ward@2024), {got}",
        "en": "expected a catalogue as ID@VERSION (cand-model-ward@2024), {got}",
    },
    # -- commands: periods and stages asked for
    "no_periods": {
        "vi": "tệp phường chưa có kỳ đánh giá nào",
        "en": "the ward file has no periods to assess",
    },
    "no_such_period": {
        "vi": "{ward} không có kỳ {period} (các kỳ có: {have})",
        "en": "{ward} has no period {period} (it has: {have})",
    },
    "no_such_stage": {
        "vi": "kỳ {period} của {ward} không có bước {stage}: chỉ có bước tự đánh giá (self)",
        "en": "period {period} of {ward} has no {stage}: it has the self stage only",
    },
    "site_is_file": {
        "vi": "{folder} là một tệp, không phải thư mục",
        "en": "{folder} is a file, not a folder",
    },
    "site_holds_input": {
        "vi": "{folder} chứa tệp đầu vào {path}: hãy ghi trang web vào thư mục khác",
        "en": "{folder} holds the input file {path}: write the site to another folder",
    },
    "site_not_empty": {
        "vi": "{folder} không trống và không phải trang web do modelward ghi: hãy chọn thư mục mới hoặc thư mục trống",
        "en": "{folder} is not empty and not a site modelward wrote: name a new or empty folder",
    },
    "site_holds_others": {
        "vi": "{folder} có {n} mục không do modelward ghi ({names}): không xóa chúng; hãy dời chúng đi hoặc chọn thư mục khác",
        "en": (
            "{folder} holds {n} thing modelward did not write ({names}): it is not deleted; move it away or name another folder",
            "{folder} holds {n} things modelward did not write ({names}): they are not deleted; move them away or name another folder",
        ),
    },
    "compare_periods": {
        "vi": "compare nhận một hoặc hai kỳ: FROM [TO]",
        "en": "compare takes one or two periods: FROM [TO]",
    },
    "no_year_before": {
        "vi": "{ward} không có kỳ {before}, cùng kỳ năm trước của {after}: hãy ghi cả hai kỳ, compare WARD FROM TO",
        "en": "{ward} has no {before}, the same period a year before {after}: name both periods, compare WARD FROM TO",
    },
    "no_such_verdict": {
        "vi": "bộ tiêu chí {catalogue} không có xếp loại {verdict!r}; chọn một trong: {ids}",
        "en": "no verdict {verdict!r} in catalogue {catalogue}; choose from: {ids}",
    },
    "versions_differ": {
        "vi": "kỳ {before} và kỳ {after} được đánh giá theo hai phiên bản bộ tiêu chí khác nhau ({first} và {second}); chưa thể so sánh cho đến khi có bảng đối chiếu giữa hai phiên bản",
        "en": "periods {before} and {after} were assessed against different catalogue versions ({first} and {second}); they cannot be compared until a crosswalk between the versions exists",
    },
    "compare_older_first": {
        "vi": "kỳ {before} chấm theo {older}, bộ thay thế {newer} của kỳ {after}: hãy đặt phiên bản cũ trước ({after} {before})",
        "en": "period {before} is on {older}, which replaces {newer} of period {after}: compare the earlier version first ({after} {before})",
    },
    "no_crosswalk": {
        "vi": "kỳ {before} và kỳ {after} được chấm theo {older} và {newer}, không bộ nào thay thế (replaces) bộ kia: không thể so sánh",
        "en": "periods {before} and {after} are scored on {older} and {newer}, and neither replaces the other: they cannot be compared",
    },
    # -- commands: files to write and read
    "stopped_writing": {
        "vi": "đã dừng do tín hiệu {signal}: chưa ghi gì, tệp cũ (nếu có) vẫn nguyên",
        "en": "stopped by {signal}: not written, any previous file is as it was",
    },
    "internal_error": {
        "vi": "lỗi nội bộ ({error}); xin báo lại kèm tệp đầu vào gây ra lỗi (MODELWARD_DEBUG=1 hiện chi tiết)",
        "en": "internal error ({error}); please report it with the input that caused it (MODELWARD_DEBUG=1 shows the details)",
    },
    "interrupted": {"vi": "đã dừng (Ctrl-C)", "en": "interrupted"},
    "cannot_write_here": {
        "vi": "không ghi được vào đây: {reason}",
        "en": "cannot write here: {reason}",
    },
    "cannot_write": {"vi": "không ghi được: {reason}", "en": "cannot write: {reason}"},
    "os_no_folder": {"vi": "không có thư mục này", "en": "No such file or directory"},
    "os_permission": {"vi": "không có quyền", "en": "Permission denied"},
    "os_read_only": {"vi": "ổ đĩa chỉ cho đọc", "en": "Read-only file system"},
    "os_disk_full": {"vi": "ổ đĩa đã đầy", "en": "No space left on device"},
    "os_is_folder": {"vi": "đây là một thư mục", "en": "Is a directory"},
    "os_not_a_folder": {"vi": "một phần của đường dẫn không phải thư mục", "en": "Not a directory"},
    "never_overwritten": {
        "vi": "đã có tệp này; không bao giờ ghi đè",
        "en": "already exists; it is never overwritten",
    },
    "output_is_input": {
        "vi": "là một trong các tệp đầu vào: không ghi đè lên nó",
        "en": "is one of the input files: refusing to overwrite it",
    },
    "stdout_disk_full": {
        "vi": "không ghi được ra đầu ra chuẩn (stdout): ổ đĩa đã đầy",
        "en": "cannot write to standard output: the disk is full",
    },
    "no_such_folder": {"vi": "không có thư mục này", "en": "no such folder"},
    "no_yaml_here": {"vi": "không có tệp YAML nào ở đây", "en": "no YAML files here"},
    "no_wards": {"vi": "không có tệp phường nào để tổng hợp", "en": "no ward files to summarise"},
    "none_ranked": {
        "vi": "{n} tệp có lỗi, không còn phường nào để xếp hạng (lỗi ở trên)",
        "en": (
            "{n} file has errors, no ward is left to rank (errors above)",
            "{n} files have errors, no ward is left to rank (errors above)",
        ),
    },
    "ward_twice": {
        "vi": "mã phường {ward!r} đã có trong {earlier}: mỗi phường chỉ được xếp hạng một lần; hãy xóa bản sao hoặc đặt cho nó một mã riêng",
        "en": "ward id {ward!r} is already in {earlier}: a ward is ranked once; remove the copy or give it its own id",
    },
    "different_catalogues": {
        "vi": "các phường được chấm theo những bộ tiêu chí khác nhau{when}, mà một bản tổng hợp chỉ xếp hạng các phường cùng một bộ: ",
        "en": "the wards are scored on different catalogues{when}, and a summary ranks wards on one catalogue: ",
    },
    "in_period": {"vi": " trong kỳ {period}", "en": " in {period}"},
    "in_latest_periods": {
        "vi": " (kỳ gần nhất của mỗi phường)",
        "en": " (each ward's latest period)",
    },
    "catalogue_wards": {"vi": "{catalogue}: {wards}", "en": "{catalogue}: {wards}"},
    "catalogue_wards_next": {"vi": "; {catalogue}: {wards}", "en": "; {catalogue}: {wards}"},
    "wards_and_more": {
        "vi": "{wards} và {n} phường khác",
        "en": ("{wards} and {n} more", "{wards} and {n} more"),
    },
    "different_catalogues_period": {
        "vi": ". Hãy tổng hợp với --period {period}: trong kỳ đó mọi phường có kỳ này đều chấm theo {catalogue}",
        "en": ". Summarise them with --period {period}: in that period every ward that has it is on {catalogue}",
    },
    "different_catalogues_apart": {
        "vi": ". Hoặc tổng hợp riêng các phường của từng bộ tiêu chí (chỉ đưa vào tệp của các phường đó)",
        "en": ". Or summarise each catalogue's wards on their own (give only their files)",
    },
    "catalogue_copies_differ": {
        "vi": "các phường dùng những tệp bộ tiêu chí khác nhau nhưng cùng mã và phiên bản ({catalogue}: {files}): hãy tổng hợp riêng các phường của từng bộ, đặt phiên bản mới cho tệp đã sửa, hoặc chấm tất cả theo một trong các tệp ấy bằng cách ghi đường dẫn của nó sau --criteria (ghi mã@phiên bản thì không phân biệt được các bản này)",
        "en": "the wards use catalogue files that differ but share an id and version ({catalogue}: {files}): summarise each catalogue's wards separately, give the edited one its own version, or score them all on one of these files by giving its path to --criteria (an ID@VERSION cannot tell the copies apart)",
    },
    # -- new
    "no_periods_key": {
        "vi": "chưa có khóa periods: hãy thêm `periods:` vào tệp trước",
        "en": "no periods key: add `periods:` to the file first",
    },
    "periods_inline": {
        "vi": "periods được viết trên một dòng ({{...}}): hãy tự thêm kỳ bằng tay",
        "en": "periods is written inline ({{...}}): add the period by hand",
    },
    "has_period": {"vi": "tệp đã có kỳ {period}", "en": "the file already has period {period}"},
    "periods_not_mapping": {
        "vi": "periods phải là các cặp khóa kỳ: giá trị",
        "en": "periods must be a mapping of period keys",
    },
    "new_exists": {
        "vi": "{file} đã có và không bao giờ bị ghi đè; muốn thêm một kỳ vào tệp, chỉ ghi --period",
        "en": "{file} already exists and is never overwritten; to add a period to it, give --period only",
    },
    "new_exists_period": {
        "vi": "{file} đã có: hãy ghi kỳ cần thêm bằng --period",
        "en": "{file} already exists: name the period to add with --period",
    },
    "new_catalogue_not_here": {
        "vi": "cảnh báo: tệp ghi bộ tiêu chí là {reference} (không phải đường dẫn, để tệp "
        "gửi đi nơi khác vẫn dùng được), nhưng từ thư mục của tệp không tìm thấy {reference}: "
        "tệp chỉ hợp lệ khi có một bản sao của {given} ở {copy} "
        "(mkdir -p {folder} && cp {given} {copy})",
        "en": "warning: the file names its catalogue {reference} (not a path, so that it "
        "keeps working when mailed), but {reference} is not found from the file's folder: it "
        "validates once a copy of {given} is at {copy} "
        "(mkdir -p {folder} && cp {given} {copy})",
    },
    "new_catalogue_other": {
        "vi": "cảnh báo: tệp ghi bộ tiêu chí là {reference}, nhưng từ thư mục của tệp, "
        "{reference} là {found}, không phải {given}: tệp sẽ được chấm theo {found}",
        "en": "warning: the file names its catalogue {reference}, but from the file's folder "
        "{reference} is {found}, not {given}: the file will be scored on {found}",
    },
    "new_needs_id_name": {
        "vi": "tệp phường mới cần --id và --name",
        "en": "a new ward file needs --id and --name",
    },
    "new_bad_id": {
        "vi": "{id!r}: hãy dùng chữ thường, chữ số và dấu gạch ngang, như tao-xuyen",
        "en": "{id!r}: use lowercase letters, digits and hyphens, like tao-xuyen",
    },
    # -- options
    "expected_lang": {
        "vi": "cần vi hoặc en, nhưng ghi {got!r}",
        "en": "expected vi or en, got {got!r}",
    },
    "expected_share": {
        "vi": "cần một tỷ lệ như 0.3 hoặc 30%, nhưng ghi {got!r}",
        "en": "expected a share such as 0.3 or 30%, got {got!r}",
    },
    "share_not_percent": {
        "vi": "tỷ lệ là số từ 0 đến 1: {percent}% thì viết {fix}",
        "en": "a share is from 0 to 1: for {percent}% write {fix}",
    },
    "share_out_of_range": {
        "vi": "tỷ lệ là số từ 0 đến 1 (0% đến 100%), nhưng ghi {got}",
        "en": "a share is from 0 to 1 (0% to 100%), got {got}",
    },
    "not_this_format": {
        "vi": "lệnh này không ghi tệp {suffix}, chỉ ghi {written}; `modelward export` ghi bảng tổng hợp nhiều phường dạng .xlsx hoặc .csv",
        "en": "this command does not write {suffix} files, only {written}; `modelward export` writes the summary of many wards as .xlsx or .csv",
    },
    "no_catalogue_listed": {
        "vi": "không tìm thấy bộ tiêu chí {reference}; modelward criteria --list liệt kê các bộ đã biết",
        "en": "no catalogue {reference} found; modelward criteria --list shows those known",
    },
    "unknown_format": {
        "vi": "không biết dạng tệp từ tên {name!r}: hãy dùng tên tệp .csv, .json, .md, .xlsx, .html hoặc .docx, một thư mục kết thúc bằng / cho một trang web, hoặc --format",
        "en": "cannot tell the format from {name!r}: use a .csv, .json, .md, .xlsx, .html or .docx file name, a folder ending in / for a site, or --format",
    },
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
    "inspection_unrecorded": {
        "vi": "phần kiểm tra không ghi {missing}: các báo cáo sẽ ghi là chưa ghi nhận; "
        "hãy ghi bổ sung",
        "en": (
            "the inspection does not say {missing}: outputs will say it is not recorded; add it",
            "the inspection does not say {missing}: outputs will say they are not recorded; "
            "add them",
        ),
    },
    "_inspection_by": {"vi": "ai kiểm tra (by)", "en": "who inspected (by)"},
    "_inspection_on": {"vi": "ngày kiểm tra (on)", "en": "when (on)"},
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
    "date_write": {"vi": "; hãy viết {fix}", "en": "; write {fix}"},
    "expected_rule": {"vi": "cần một quy tắc, {got}", "en": "expected a rule, {got}"},
    "invalid_value": {"vi": "giá trị không hợp lệ ({detail})", "en": "{detail}"},
    # -- the command line of report
    "report_extension": {
        "vi": "{path}: báo cáo được ghi ra tệp .docx, .html hoặc .md; hãy đặt tên tệp như vậy",
        "en": "{path}: the report is written as .docx, .html or .md; name the file so",
    },
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
