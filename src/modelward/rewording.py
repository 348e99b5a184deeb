"""Problems in Vietnamese: the loader words its messages in English, these rules reword them.

Messages are reworded phrase by phrase, so a hint added to any message ("did you mean …",
"YAML reads yes as true …") is reworded wherever it stands. Ids, keys and values quoted
from the file are kept as written. A phrase no rule knows stays in English rather than
being guessed at; the tests list the messages officers meet most and check each is fully
reworded.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_GOT = "nhưng ghi"

_UNITS = {
    "year": "năm",
    "month": "tháng",
    "day": "ngày",
    "hour": "giờ",
    "minute": "phút",
    "second": "giây",
}


def _unit_range(match: re.Match[str]) -> str:
    unit, low, high = match.groups()
    return f"({_UNITS[unit]} phải từ {low} đến {high})"


# The names the loader gives the characters it calls invisible (loading.characters: INVISIBLE and
# LINE_BREAKS); a name not listed here stays as written.
_INVISIBLE = {
    "a non-breaking space, as pasted from Word or a web page": "dấu cách không ngắt dòng, thường do dán từ Word hay trang web",
    "a soft hyphen": "dấu gạch nối mềm",
    "a zero-width space": "dấu cách không độ rộng",
    "a zero-width non-joiner": "ký tự ngăn nối không độ rộng",
    "a zero-width joiner": "ký tự nối không độ rộng",
    "a figure space": "dấu cách rộng bằng chữ số",
    "a narrow non-breaking space": "dấu cách hẹp không ngắt dòng",
    "a word joiner": "ký tự nối từ",
    "an ideographic space": "dấu cách toàn khổ của chữ Trung, Nhật, Hàn",
    "a byte-order mark": "ký tự BOM đánh dấu thứ tự byte",
    "a line separator": "ký tự ngắt dòng",
    "a paragraph separator": "ký tự ngắt đoạn",
    "a next-line character (NEL)": "ký tự xuống dòng NEL",
}


def _invisible(template: str) -> Callable[[re.Match[str]], str]:
    """A rule's replacement that also rewords the character's name (the second group)."""

    def reword(match: re.Match[str]) -> str:
        groups = list(match.groups())
        groups[1] = _INVISIBLE.get(groups[1], groups[1])
        return template.format(*groups)

    return reword


# What each kind of catalogue id names, as i18n labels it.
_KINDS = {"indicator": "chỉ số", "group": "nhóm", "criterion": "tiêu chí", "verdict": "xếp loại"}


def _already_used(match: re.Match[str]) -> str:
    kind, ident, where = match.groups()
    return f"mã {_KINDS[kind]} '{ident}' đã được dùng ở {where}"


def _one_comparison(match: re.Match[str]) -> str:
    what, keys, got = match.groups()
    what = "một ngưỡng" if what == "operator" else "một số liệu để so"
    keys = keys.replace(" or ", " hoặc ")
    got = (
        "nhưng không ghi cái nào"
        if got == "none"
        else "nhưng ghi cả " + got.replace(" and ", " và ")
    )
    return f"một phép so sánh cần đúng {what} ({keys}), {got}"


_RULES: list[tuple[str, str | Callable[[re.Match[str]], str]]] = [
    # -- reading the file
    (
        r"^not UTF-8: the file is UTF-16 \(\"Unicode\" in Notepad\); save it as UTF-8$",
        'không phải UTF-8: tệp đang ở dạng UTF-16 ("Unicode" trong Notepad); hãy lưu lại dạng UTF-8',
    ),
    (
        r"^not UTF-8: byte (0x[0-9A-F]{2}) here is not part of a UTF-8 character; ",
        r"không phải UTF-8: byte \1 ở đây không thuộc ký tự UTF-8 nào; ",
    ),
    (
        r"save the file as UTF-8 \(legacy Vietnamese encodings such as TCVN3, VNI or Windows-1258 are not read\)",
        "hãy lưu tệp dạng UTF-8 (không đọc các bảng mã cũ TCVN3, VNI, Windows-1258)",
    ),
    (
        r"^contains a NUL character: this is not a text file$",
        "có ký tự NUL: đây không phải tệp văn bản",
    ),
    (
        r"^file is ([\d,]+) bytes, over the limit of ([\d,]+); raise it with --max-size if the file is really meant to be this big$",
        r"tệp dài \1 byte, vượt giới hạn \2; nếu tệp thật sự lớn như vậy, hãy nâng giới hạn bằng --max-size",
    ),
    (
        r"^file is larger than the limit of ([\d,]+); raise it with --max-size if the file is really meant to be this big$",
        r"tệp lớn hơn giới hạn \1; nếu tệp thật sự lớn như vậy, hãy nâng giới hạn bằng --max-size",
    ),
    (r"^is a folder, expected a YAML file$", "là một thư mục, cần một tệp YAML"),
    (r"^no such file$", "không có tệp này"),
    (r"^cannot read the file: permission denied$", "không đọc được tệp: không có quyền"),
    (
        r"^the file is empty: expected a catalogue or a ward file$",
        "tệp trống: cần một bộ tiêu chí hoặc một hồ sơ phường",
    ),
    (
        r"^nested more than (\d+) levels deep: a catalogue or ward file needs far fewer \(is a bracket left open\?\)$",
        r"lồng nhau quá \1 cấp: bộ tiêu chí hay hồ sơ phường không cần nhiều như vậy (có dấu ngoặc nào chưa đóng?)",
    ),
    # -- YAML syntax
    (r"^YAML syntax: ", "lỗi cú pháp YAML: "),
    (
        r"no space after the colon in '([^']*)': write '([^']*)'",
        r"thiếu dấu cách sau dấu hai chấm trong '\1': hãy viết '\2'",
    ),
    (
        r"a second ': ' on this line, inside the value of (.*?): if the colon is part of the "
        r"text, put the text in quotes: ",
        r"dòng này có dấu ': ' thứ hai, nằm trong giá trị của \1: nếu dấu hai chấm là một "
        "phần của nội dung, hãy đặt nội dung trong dấu ngoặc kép: ",
    ),
    (
        r"; a tab is used to indent here: YAML indents with spaces only",
        "; ở đây thụt lề bằng phím Tab: YAML chỉ thụt lề bằng dấu cách",
    ),
    (r"found character that cannot start any token", "gặp ký tự không thể mở đầu một mục"),
    (r"mapping values are not allowed here", "không được có dấu hai chấm ở đây"),
    (r"did not find expected key", "không thấy khóa ở chỗ cần có"),
    (r"could not find expected ':'", "thiếu dấu hai chấm"),
    (r"\(while (?:scanning|parsing) [a-z ]+ at line (\d+)\)", r"(phần bắt đầu ở dòng \1)"),
    (
        r"key '(.*?)' is repeated \(first at line (\d+)\); a plain YAML reader would silently keep only the last one",
        r"khóa '\1' bị lặp lại (lần đầu ở dòng \2); trình đọc YAML thông thường sẽ lặng lẽ chỉ giữ lần cuối",
    ),
    # -- keys
    (r"unknown key '(.*?)'", r"khóa '\1' không hợp lệ"),
    (r" \(did you mean '(.*?)'\?\)", r" (có phải là '\1'?)"),
    (r"; expected one of: ", "; các khóa hợp lệ: "),
    (
        r" \((\w+) belongs under a period \(periods: 2024: \.\.\.\): is it indented too little\?\)",
        r" (\1 phải nằm trong một kỳ (periods: 2024: ...): có phải thụt lề thiếu?)",
    ),
    (r"missing required key '(.*?)'", r"thiếu khóa bắt buộc '\1'"),
    # -- statuses and values
    (
        r"^expected met, not_met or not_applicable, got ",
        f"cần met (đạt), not_met (chưa đạt) hoặc not_applicable (không áp dụng), {_GOT} ",
    ),
    (
        r" \(YAML reads (\S+) as (true|false); write it quoted: '(.*?)'\)",
        r" (YAML đọc \1 thành \2; hãy đặt trong dấu nháy: '\3')",
    ),
    (r" \(YAML reads (\S+) as (true|false)\)", r" (YAML đọc \1 thành \2)"),
    (
        r" \(curly quotes are text to YAML: use straight quotes \" or '\)",
        " (với YAML, dấu nháy cong là chữ: hãy dùng dấu nháy thẳng \" hoặc ')",
    ),
    (r"^expected a finite number, got ", f"cần một con số hữu hạn, {_GOT} "),
    (r"^expected a number, got ", f"cần một con số, {_GOT} "),
    (
        r" \(a number in quotes is text: write (\S+) without quotes\)",
        r" (số đặt trong dấu nháy là chữ: hãy viết \1 không có dấu nháy)",
    ),
    (r" \(use a decimal point: (\S+)\)", r" (dùng dấu chấm thập phân: \1)"),
    (r" \(write the number out: (\S+)\)", r" (hãy viết đầy đủ con số: \1)"),
    (r"^figures are never negative, got ", f"số liệu không bao giờ âm, {_GOT} "),
    (r"^(\w+) is a count: expected a whole number, got ", rf"\1 là số đếm: cần số nguyên, {_GOT} "),
    (
        r"^(\w+) is a count: write a whole number without a dot — (\d+)",
        r"\1 là số đếm: hãy viết số nguyên, không có dấu chấm — \2",
    ),
    (
        r", or (\d+) if the dot separates thousands$",
        r", hoặc \1 nếu dấu chấm là dấu phân cách hàng nghìn",
    ),
    (
        r" \(if the dot separates thousands, write (\d+)\)$",
        r" (nếu dấu chấm là dấu phân cách hàng nghìn, hãy viết \1)",
    ),
    (
        r"^(\w+) is a count, not a percent: write the number without '%'$",
        r"\1 là số đếm, không phải tỷ lệ: viết con số không kèm dấu %",
    ),
    (
        r"^(\w+) is a percent: write the share as a fraction \((\S+)\) or with a percent sign \('(.*?)'\), not a bare (\S+)$",
        r"\1 là tỷ lệ: viết dạng phân số (\2) hoặc kèm dấu phần trăm ('\3'), không viết trơn \4",
    ),
    (r"^a share cannot be over 100%, got ", f"tỷ lệ không thể quá 100%, {_GOT} "),
    (
        r"^(\w+) \((\S+)\) is more than (\w+) \((\S+)\): (\w+) would be over 100%$",
        r"\1 (\2) lớn hơn \3 (\4): tỷ lệ \5 sẽ vượt quá 100%",
    ),
    (
        r"^expected an id of lowercase letters, digits and hyphens \(like tao-xuyen\), got ",
        f"cần mã gồm chữ thường, chữ số và dấu gạch ngang (như tao-xuyen), {_GOT} ",
    ),
    (
        r"^expected an id of letters, digits, '_', '-' or '\.', got ",
        f"cần mã gồm chữ cái, chữ số, '_', '-' hoặc '.', {_GOT} ",
    ),
    (r"^expected text, got ", f"cần văn bản, {_GOT} "),
    (
        r"^expected a language code such as vi or en, got ",
        f"cần mã ngôn ngữ như vi hoặc en, {_GOT} ",
    ),
    (r"^expected at least (\d+) items$", r"cần ít nhất \1 mục"),
    (r"^expected at most (\d+) items$", r"tối đa \1 mục"),
    (
        r"^expected a number a ward can report, got one of (\d+) digits$",
        r"cần một con số mà phường có thể báo cáo được, nhưng ghi một số có \1 chữ số",
    ),
    (r"^expected a mapping \(key: value\), got ", f"cần các cặp khóa: giá trị, {_GOT} "),
    (r"^expected a list, got ", f"cần một danh sách, {_GOT} "),
    (r"^expected a date such as 2025-01-15, got ", f"cần ngày dạng 2025-01-15, {_GOT} "),
    (r"^must not be empty$", "không được để trống"),
    (
        r"^expected a mapping at the top \(a catalogue or a ward file\), got ",
        f"đầu tệp phải là các cặp khóa: giá trị (bộ tiêu chí hoặc hồ sơ phường), {_GOT} ",
    ),
    (
        r"^expected a catalogue mapping at the top, got ",
        f"đầu bộ tiêu chí phải là các cặp khóa: giá trị, {_GOT} ",
    ),
    (
        r"^expected a ward mapping at the top, got ",
        f"đầu hồ sơ phường phải là các cặp khóa: giá trị, {_GOT} ",
    ),
    (
        r"^cannot tell what this file is: a catalogue has groups and verdicts, a ward file has name and periods$",
        "không rõ đây là tệp gì: bộ tiêu chí có groups và verdicts, hồ sơ phường có name và periods",
    ),
    # -- a ward against its catalogue
    (
        r"^(\w+) is computed from its rule: to decide it by hand, write override: ",
        r"\1 được tính từ số liệu theo quy tắc: muốn tự quyết định, hãy viết override: ",
    ),
    (
        r"^(\w+) is judged, not computed: give its status, not an override$",
        r"\1 là tiêu chí tự đánh giá: ghi status, không dùng override",
    ),
    (
        r"^give either status \(a judged criterion\) or override \(a computed one\), not both$",
        "chỉ ghi status (tiêu chí tự đánh giá) hoặc override (tiêu chí tính từ số liệu), không ghi cả hai",
    ),
    (
        r"^(\w+) is derived \((\w+) / (\w+)\): give (\w+) and (\w+) instead$",
        r"\1 được tính (\2 / \3): hãy ghi \4 và \5",
    ),
    (
        r"^(\w+) is derived \((\w+) / (\w+)\) and (\w+) is given in this period: give either (\w+) or (\w+) and (\w+), not both$",
        r"\1 được tính (\2 / \3) mà kỳ này đã ghi \4: chỉ ghi \5, hoặc ghi \6 và \7, không ghi cả hai",
    ),
    (
        r"^a bound needs a value: the figure lies beyond it$",
        "ghi giới hạn (bound) thì phải có value: số liệu nằm ngoài giá trị đó",
    ),
    (
        r"^no figure lies below 0: figures are never negative$",
        "không số liệu nào dưới 0: số liệu không bao giờ âm",
    ),
    (r"^a share cannot lie above 100%$", "không tỷ lệ nào trên 100%"),
    (r"^a catalogue cannot replace itself$", "bộ tiêu chí không thể thay thế chính nó"),
    (
        r"^two different files claim catalogue (\S+): (.+) and (.+)$",
        r"hai tệp khác nhau cùng nhận là bộ tiêu chí \1: \2 và \3",
    ),
    (
        r"^--criteria (.+) is catalogue (\S+), not (\S+) named here: leave out --criteria, or name the catalogue it is$",
        r"--criteria \1 là bộ tiêu chí \2, không phải \3 ghi ở đây: bỏ --criteria, hoặc ghi đúng bộ tiêu chí đó",
    ),
    (
        r"^no catalogue (\S+) found beside the ward file \(criteria\.yaml, catalogues/\) or shipped with modelward; known: (.*)$",
        r"không tìm thấy bộ tiêu chí \1 cạnh hồ sơ (criteria.yaml, catalogues/) hay kèm modelward; các bộ đã biết: \2",
    ),
    (
        r"^expected a catalogue as ID@VERSION \(cand-model-ward@2024\), got ",
        f"cần ghi bộ tiêu chí dạng ID@VERSION (cand-model-ward@2024), {_GOT} ",
    ),
    (
        r"^no catalogue (\S+) found; modelward criteria --list shows those known$",
        r"không tìm thấy bộ tiêu chí \1; modelward criteria --list liệt kê các bộ đã biết",
    ),
    (r"^catalogue (.+) has errors$", r"bộ tiêu chí \1 có lỗi"),
    (r"^no criterion '(.*?)' in catalogue (\S+)", r"bộ tiêu chí \2 không có tiêu chí '\1'"),
    (r"^no indicator '(.*?)' in catalogue (\S+)", r"bộ tiêu chí \2 không có chỉ số '\1'"),
    (r"^no criterion '(.*?)' in this catalogue", r"bộ tiêu chí này không có tiêu chí '\1'"),
    (r"^no indicator '(.*?)' in this catalogue", r"bộ tiêu chí này không có chỉ số '\1'"),
    (r"^catalogue not found: ", "không tìm thấy bộ tiêu chí: "),
    (
        r"^catalogue is a folder: (.*?); did you mean (.*?)\?$",
        r"bộ tiêu chí là một thư mục: \1; có phải là \2?",
    ),
    (
        r"^its catalogue (.*) has errors \(listed above\)$",
        r"bộ tiêu chí \1 của tệp này có lỗi (xem ở trên)",
    ),
    (
        r"^no criteria\.yaml in the ward file's folder or any parent folder; name one with --criteria FILE or the ward's catalogue key$",
        "không thấy criteria.yaml trong thư mục của hồ sơ hay thư mục cha; hãy chỉ ra bằng --criteria TỆP hoặc khóa catalogue",
    ),
    # -- periods
    (
        r"^expected a year \(2024\), a quarter \(2025-Q1\), a half \(2025-H1\), a month span \(2025-01\.\.2025-02\) or a span of days \(2023-12-15\.\.2024-12-14\), got ",
        f"cần năm (2024), quý (2025-Q1), nửa năm (2025-H1), khoảng tháng (2025-01..2025-02) hoặc khoảng ngày (2023-12-15..2024-12-14), {_GOT} ",
    ),
    (
        r"^(\d{4}-\d{2}-\d{2}) in '(.*?)' is not a date \(that month has (\d+) days\)$",
        r"\1 trong '\2' không phải ngày có thật (tháng đó có \3 ngày)",
    ),
    (
        r"^month (\d+) in '(.*?)' is not a month \(01\.\.12\)$",
        r"tháng \1 trong '\2' không phải một tháng (01..12)",
    ),
    (
        r"^year (\d+) in '(.*?)' is out of range (\d+)\.\.(\d+)$",
        r"năm \1 trong '\2' nằm ngoài khoảng \3..\4",
    ),
    (r"^span '(.*?)' ends before it starts$", r"khoảng '\1' kết thúc trước khi bắt đầu"),
    (
        r"^span '(.*?)' is longer than a year; use whole years instead$",
        r"khoảng '\1' dài hơn một năm; hãy dùng các năm trọn vẹn",
    ),
    (
        r"^period '(.*?)' is the same span as '(.*?)'$",
        r"kỳ '\1' trùng khoảng thời gian với kỳ '\2'",
    ),
    (r"^(.*) is not a real date \((.*)\)$", r"\1 không phải ngày có thật (\2)"),
    (r"\(day is out of range for month\)", "(tháng không có ngày này)"),
    (r"\((year|month|day|hour|minute|second) must be in (\d+)\.\.(\d+)\)", _unit_range),
    (r"^must be greater than (\S+), got ", rf"phải lớn hơn \1, {_GOT} "),
    (r"^must be at most (\S+), got ", rf"tối đa là \1, {_GOT} "),
    (r"^must be at least (\S+), got ", rf"tối thiểu là \1, {_GOT} "),
    (r"^expected ([a-z_]+(?:, [a-z_]+)*) or ([a-z_]+), got ", rf"cần \1 hoặc \2, {_GOT} "),
    (
        r"^the last verdict \((.*?)\) is the one left when no other holds: it takes no min_share and no requires$",
        r"xếp loại cuối (\1) là xếp loại còn lại khi không xếp loại nào khác thỏa: không ghi min_share hay requires",
    ),
    # -- a catalogue's own consistency
    (
        r"^(indicator|group|criterion|verdict) id '(.*?)' is already used at (\S+)$",
        _already_used,
    ),
    (
        r"^ratio indicators refer to each other in a cycle: ",
        "các chỉ số tính bằng ratio tham chiếu lẫn nhau thành vòng: ",
    ),
    (r"^a ratio cannot use itself$", "ratio của một chỉ số không được dùng chính chỉ số đó"),
    (
        r"^a ratio of merged wards is always worked out from its parts added up: combine is for a number or a percent$",
        "tỷ lệ của các phường đã sáp nhập luôn được tính từ tổng các thành phần: combine chỉ dùng cho số hoặc tỷ lệ nhập trực tiếp",
    ),
    (r"^(.*) is named more than once$", r"\1 được ghi nhiều lần"),
    # -- a merged ward's predecessors (loading/lineage.py)
    (
        r"^(\S+) is this ward itself: a ward is not formed from itself$",
        r"\1 chính là phường này: một phường không thể hình thành từ chính nó",
    ),
    (
        r"^predecessor (\S+) not found: no ward file with id \S+ in (.*?)( or among the files given)?$",
        lambda m: (
            f"không tìm thấy phường trước sắp xếp {m.group(1)}: không có tệp phường nào mang id "
            f"{m.group(1)} trong {m.group(2)}"
            + (" hay trong các tệp được chỉ định" if m.group(3) else "")
        ),
    ),
    (
        r"^predecessor (\S+) not found: (.*) is ward (\S+)$",
        r"không tìm thấy phường trước sắp xếp \1: \2 là hồ sơ của phường \3",
    ),
    (
        r"^predecessor (\S+) \((.*)\) has errors \(listed above\)$",
        r"hồ sơ phường trước sắp xếp \1 (\2) có lỗi (liệt kê ở trên)",
    ),
    (
        r"^a comparison needs exactly one (operator|operand) \((.*?)\), got (none|\w+(?: and \w+)+)$",
        _one_comparison,
    ),
    (r"^expected a rule, got ", f"cần một quy tắc, {_GOT} "),
    (
        r"^verdict '(.*?)' has no condition, so the verdicts after it can never be reached: give it min_share or requires, or make it the last$",
        r"xếp loại '\1' không có điều kiện nên các xếp loại sau nó không bao giờ được xét tới: hãy ghi min_share hoặc requires cho nó, hoặc chuyển nó xuống cuối",
    ),
    (
        r"^expected the catalogue's file name, such as (\S+)$",
        r"cần tên tệp của bộ tiêu chí, ví dụ \1",
    ),
    # -- refused content
    (r"^YAML tag (\S+) is not allowed here$", r"không chấp nhận thẻ YAML \1"),
    (
        r"^too many aliases: the anchor here is repeated so often that the file would expand far beyond its size$",
        "quá nhiều bí danh (alias): điểm neo ở đây bị lặp lại nhiều đến mức tệp sẽ phình ra vượt xa kích thước thật",
    ),
    (
        r"^this value holds an alias to itself \(\*name inside &name\): it would never end$",
        "giá trị này chứa bí danh trỏ về chính nó (*tên bên trong &tên): sẽ không bao giờ dừng",
    ),
    (
        r"^merge keys \(<<\) are not supported: write the keys out$",
        "không hỗ trợ khóa gộp (<<): hãy viết đủ các khóa",
    ),
    (
        r"^YAML 1\.1 reads (\S+) as (\S+) \(an octal number\): write (\S+), or quote it if it is text: '(.*)'$",
        r"YAML 1.1 đọc \1 thành \2 (số bát phân): hãy viết \3, hoặc đặt trong dấu nháy nếu là chữ: '\4'",
    ),
    (
        r"^YAML 1\.1 reads (\S+) as (\S+) \(a base-60 number\): write the number you mean, or quote it if it is text: '(.*)'$",
        r"YAML 1.1 đọc \1 thành \2 (số cơ số 60): hãy viết đúng con số, hoặc đặt trong dấu nháy nếu là chữ: '\3'",
    ),
    # -- invisible characters and other slips of the keyboard
    (
        r"the invisible character (U\+[0-9A-F]+) \((.*?)\) is here; YAML would count it as a new line and editors do not: delete it",
        _invisible(
            "có ký tự ẩn {} ({}) ở đây; YAML coi nó là xuống dòng còn trình soạn thảo thì không: hãy xóa nó"
        ),
    ),
    (
        r"the invisible character (U\+[0-9A-F]+) \((.*?)\) is here: delete it",
        _invisible("có ký tự ẩn {} ({}) ở đây: hãy xóa nó"),
    ),
    (
        r"^the key '(.*?)' holds the invisible character (U\+[0-9A-F]+) \((.*?)\): retype the key$",
        lambda m: (
            f"khóa '{m[1]}' chứa ký tự ẩn {m[2]} ({_INVISIBLE.get(m[3], m[3])}): hãy gõ lại khóa"
        ),
    ),
    (
        r"the invisible character (U\+[0-9A-F]+) is not allowed in a YAML file; delete it",
        r"YAML không cho phép ký tự ẩn \1; hãy xóa nó",
    ),
    (
        r"found a tab character where an indentation space is expected",
        "gặp ký tự Tab ở chỗ cần dấu cách thụt lề",
    ),
    (r"did not find expected ',' or '\}'", "thiếu dấu ',' hoặc '}'"),
    (
        r"a second document starts here \(---\), but a modelward file holds one: remove the --- line, or split the file",
        "một tài liệu thứ hai bắt đầu ở đây (---), nhưng mỗi tệp modelward chỉ chứa một: hãy xóa dòng --- hoặc tách tệp",
    ),
    # -- commands: files to write, wards to rank, periods to compare
    (r"^the ward file has no periods to assess$", "tệp phường chưa có kỳ đánh giá nào"),
    (r"^no YAML files here$", "không có tệp YAML nào ở đây"),
    (r"^no ward files to summarise$", "không có tệp phường nào để tổng hợp"),
    (
        r"^is one of the input files: refusing to overwrite it$",
        "là một trong các tệp đầu vào: không ghi đè lên nó",
    ),
    (
        r"^cannot write here: No such file or directory$",
        "không ghi được vào đây: không có thư mục này",
    ),
    (r"^cannot write here: Permission denied$", "không ghi được vào đây: không có quyền"),
    (r"^cannot write here: Read-only file system$", "không ghi được vào đây: ổ đĩa chỉ cho đọc"),
    (r"^cannot write here: (.*)$", r"không ghi được vào đây: \1"),
    (r"^cannot write: File too large$", "không ghi được: tệp quá lớn"),
    (r"^cannot write: (.*)$", r"không ghi được: \1"),
    (r"^the file already has period (\S+)$", r"tệp đã có kỳ \1"),
    (
        r"^ward id '([^']*)' is already in (.*): a ward is ranked once; remove the copy or give it its own id$",
        r"mã phường '\1' đã có trong \2: mỗi phường chỉ được xếp hạng một lần; "
        "hãy xóa bản sao hoặc đặt cho nó một mã riêng",
    ),
    (
        r"^the wards use different catalogues \((.*)\): summarise each catalogue's wards separately, or name one with --criteria$",
        r"các phường dùng những bộ tiêu chí khác nhau (\1): hãy tổng hợp riêng các phường "
        "của từng bộ tiêu chí, hoặc chỉ định một bộ bằng --criteria",
    ),
    (
        r"^the wards use catalogue files that differ but share an id and version \((.*)\): summarise each catalogue's wards separately, give the edited one its own version, or name one with --criteria$",
        r"các phường dùng những tệp bộ tiêu chí khác nhau nhưng cùng mã và phiên bản (\1): "
        "hãy tổng hợp riêng các phường của từng bộ, đặt phiên bản mới cho tệp đã sửa, "
        "hoặc chỉ định một bộ bằng --criteria",
    ),
    (
        r"^periods (\S+) and (\S+) were assessed against different catalogue versions \((.*) and (.*)\); they cannot be compared until a crosswalk between the versions exists$",
        r"kỳ \1 và kỳ \2 được đánh giá theo hai phiên bản bộ tiêu chí khác nhau (\3 và \4); "
        "chưa thể so sánh cho đến khi có bảng đối chiếu giữa hai phiên bản",
    ),
    (
        r"^periods (\S+) and (\S+) are scored on (\S+) and (\S+), and neither replaces the other: they cannot be compared$",
        r"kỳ \1 và kỳ \2 được chấm theo \3 và \4, không bộ nào thay thế (replaces) bộ kia: không thể so sánh",
    ),
    (
        r"^period (\S+) is on (\S+), which replaces (\S+) of period (\S+): compare the earlier version first \((\S+) (\S+)\)$",
        r"kỳ \1 chấm theo \2, bộ thay thế \3 của kỳ \4: hãy đặt phiên bản cũ trước (\5 \6)",
    ),
    # -- what was written, last: every rule above that ends in "got " has run by now
    (rf"{_GOT} nothing$", "nhưng để trống"),
    (rf"{_GOT} a list$", "nhưng là một danh sách"),
    (rf"{_GOT} a mapping$", "nhưng là các cặp khóa: giá trị"),
]

_COMPILED = [(re.compile(pattern), replacement) for pattern, replacement in _RULES]


def vietnamese(message: str) -> str:
    """A problem's message in Vietnamese, as far as the rules know its phrases."""
    for pattern, replacement in _COMPILED:
        message = pattern.sub(replacement, message)
    return message
