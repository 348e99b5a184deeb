"""Issue 19: faults of the machine around the files, and text in files that would act on the reader.

One test (or a few) per row of the issue's table, and a hypothesis fuzz test of hostile
text through every output format (``MODELWARD_FUZZ_EXAMPLES=500`` for a longer run).
Permission cases run as root too: the tool is run under ``setpriv`` without the
capabilities that let root read any file, so the kernel refuses the open as it would for a
user (skipped, saying so, where ``setpriv`` is missing and the tests run as root); a
read-only output is read from its mode; a full disk is a file-size limit (EFBIG).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import os
import re
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modelward.cli import main
from tests.conftest import CATALOGUE, SAMPLE


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample catalogue and ward in a folder of their own, as the working folder."""
    shutil.copy(CATALOGUE, tmp_path / "criteria.yaml")
    (tmp_path / "wards").mkdir()
    shutil.copy(SAMPLE, tmp_path / "wards" / "tao-xuyen.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def copy_ward(project: Path, ward_id: str, folder: str = "wards") -> Path:
    """The sample ward under another id (a ward is ranked once per id)."""
    text = SAMPLE.read_text(encoding="utf-8").replace("id: tao-xuyen", f"id: {ward_id}", 1)
    (project / folder).mkdir(exist_ok=True)
    path = project / folder / f"{ward_id}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a child process: no colour, English, the test's own cache."""
    out = dict(os.environ)
    out.update({"NO_COLOR": "1", "MODELWARD_LANG": "en", **extra})
    return out


def tool(*args: str) -> list[str]:
    return [sys.executable, "-m", "modelward", *args]


# ---------------------------------------------------------------------------- input files


def unblock_after(fifo: Path, seconds: float) -> threading.Thread:
    """Open the pipe for writing after a while: a reader stuck on it gets an empty file, and
    the test fails on the message instead of waiting for ever."""

    def write() -> None:
        time.sleep(seconds)
        with contextlib.suppress(OSError):
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "wards/pipe.yaml"],
        ["assess", "wards/pipe.yaml"],
        ["criteria", "--criteria", "wards/pipe.yaml"],
    ],
)
def test_a_fifo_is_refused_at_once(project: Path, runner: CliRunner, args: list[str]) -> None:
    fifo = project / "wards" / "pipe.yaml"
    os.mkfifo(fifo)
    unblock_after(fifo, 5)
    start = time.monotonic()
    result = runner.invoke(main, [*args, "--lang", "en"])
    assert time.monotonic() - start < 4
    assert result.exit_code == 1, result.output
    assert "wards/pipe.yaml: is not a regular file (a pipe or a socket)" in result.stderr


def test_a_fifo_among_wards_is_left_out_and_the_rest_ranked(
    project: Path, runner: CliRunner
) -> None:
    fifo = project / "wards" / "pipe.yaml"
    os.mkfifo(fifo)
    unblock_after(fifo, 5)
    result = runner.invoke(
        main,
        ["summary", "wards/pipe.yaml", "wards/tao-xuyen.yaml", "--lang", "en", "--format", "json"],
    )
    assert result.exit_code == 1
    assert "wards/pipe.yaml: is not a regular file (a pipe or a socket)" in result.stderr
    assert '"id": "tao-xuyen"' in result.stdout


def without_root_powers() -> list[str]:
    """The prefix that runs a command with the kernel's file permissions applied to it."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip(
            "running as root without setpriv: root reads any file, so nothing is unreadable"
        )
    drop = "-dac_override,-dac_read_search"
    return [setpriv, "--inh-caps", drop, "--bounding-set", drop]


def test_an_unreadable_file_named_is_reported_and_the_rest_ranked(project: Path) -> None:
    unreadable = copy_ward(project, "khoa")
    unreadable.chmod(0)
    run = subprocess.run(
        [
            *without_root_powers(),
            *tool("summary", "wards/khoa.yaml", "wards/tao-xuyen.yaml", "--format", "csv"),
        ],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=60,
    )
    assert run.returncode == 1, run.stderr
    assert run.stderr.splitlines()[0] == "wards/khoa.yaml: cannot read the file: permission denied"
    assert "tao-xuyen" in run.stdout
    assert "Usage" not in run.stderr


# ---------------------------------------------------------------------------- stdout


def finished(proc: subprocess.Popen[bytes]) -> tuple[int, str]:
    """A child's exit code and stderr, its pipes closed."""
    assert proc.stderr is not None
    with proc.stderr:
        err = proc.stderr.read().decode()
    return proc.wait(60), err


def closed_stdout() -> None:  # pragma: no cover - runs in the child
    os.close(1)


def test_stdout_full_closed_or_gone(project: Path) -> None:
    # Started together: each is a whole interpreter, and the machine has cores to share.
    args = tool("summary", "wards/tao-xuyen.yaml")
    with open("/dev/full", "w") as full:
        runs = {
            "full": subprocess.Popen(args, stdout=full, stderr=subprocess.PIPE, env=child_env()),
            "closed": subprocess.Popen(
                args, stdout=None, stderr=subprocess.PIPE, env=child_env(), preexec_fn=closed_stdout
            ),
            "pipe": subprocess.Popen(
                args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env()
            ),
        }
        assert runs["pipe"].stdout is not None
        runs["pipe"].stdout.close()  # the reader is gone before anything is written
        done = {name: finished(proc) for name, proc in runs.items()}
    assert done["full"] == (1, "modelward: cannot write to standard output: the disk is full\n")
    assert done["closed"] == (1, "modelward: cannot write to standard output: it is closed\n")
    assert done["pipe"] == (0, "")


# ---------------------------------------------------------------------------- --jobs and signals


def test_jobs_are_capped_at_the_cores(project: Path, runner: CliRunner) -> None:
    cores = len(os.sched_getaffinity(0))
    result = runner.invoke(main, ["summary", "wards", "--jobs", "100000", "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    worker = "worker process" if cores == 1 else "worker processes"
    core = "core" if cores == 1 else "cores"
    assert (
        result.stderr
        == f"--jobs 100000: this machine has {cores} {core}; running {cores} {worker}\n"
    )
    within = runner.invoke(main, ["summary", "wards", "--jobs", str(cores), "--lang", "en"])
    assert within.stderr == ""


def children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_during_parallel_scoring_ends_the_workers_quietly(
    project: Path, signum: int, code: int
) -> None:
    if not Path(f"/proc/{os.getpid()}/task").exists():  # pragma: no cover - not Linux
        pytest.skip("no /proc to see the worker processes in")
    text = SAMPLE.read_text(encoding="utf-8")
    many = project / "many"
    many.mkdir()
    for n in range(300):
        (many / f"w{n:04d}.yaml").write_text(
            text.replace("id: tao-xuyen", f"id: w{n:04d}", 1), encoding="utf-8"
        )
    proc = subprocess.Popen(
        tool("summary", "many", "--criteria", "criteria.yaml", "--no-cache", "--jobs", "2"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=child_env(),
    )
    deadline = time.monotonic() + 30
    while len(children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    workers = children(proc.pid)
    assert len(workers) == 2, "the workers never started"
    proc.send_signal(signum)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:  # pragma: no cover - the failure this test is about
        for worker in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(worker), signal.SIGKILL)
        proc.kill()
        proc.communicate()
        pytest.fail("a worker outlived the main process, holding its stderr open")
    assert (proc.returncode, err.decode()) == (
        code,
        f"modelward: stopped by {signal.Signals(signum).name}\n",
    )
    time.sleep(0.1)
    assert not [
        w
        for w in workers
        if Path(f"/proc/{w}").exists() and "zombie" not in Path(f"/proc/{w}/status").read_text()
    ]


# ---------------------------------------------------------------------------- text that acts

UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
    "\ud800-\udfff]"
)
"""What no output may carry raw: control characters but the line feed, bidi marks,
separators, undecodable bytes."""


def hostile_ward(
    folder: Path,
    ward_id: str,
    name: str,
    *,
    city: str = "TP Thanh Hóa",
    note: str = "ghi chú",
    file_name: str | None = None,
) -> Path:
    """The sample ward with its id, name, city and a criterion's note replaced (JSON strings
    are YAML strings, so any character can be written)."""
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("id: tao-xuyen", f"id: {ward_id}", 1)
    text = text.replace('name: "Phường Tào Xuyên"', f"name: {json.dumps(name)}", 1)
    text = text.replace('city: "TP Thanh Hóa"', f"city: {json.dumps(city)}", 1)
    text = re.sub(r"(?m)^(\s+note: ).*$", lambda m: m[1] + json.dumps(note), text)
    text = text.replace("catalogue: ../criteria.yaml\n", "")
    folder.mkdir(exist_ok=True)
    path = folder / (file_name if file_name is not None else f"{ward_id}.yaml")
    path.write_text(text, encoding="utf-8")
    return path


FORMULAS = [
    '=HYPERLINK("http://x.example","bấm")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "\tlead",
]


def test_csv_defuses_formulas_and_starts_with_a_bom(project: Path, runner: CliRunner) -> None:
    for n, name in enumerate(FORMULAS):
        hostile_ward(project / "hostile", f"f{n}", name)
    out = project / "s.csv"
    result = runner.invoke(
        main, ["export", "hostile", "--criteria", "criteria.yaml", "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))}
    for n, name in enumerate(FORMULAS):
        cell = rows[f"f{n}"]["name"]
        assert cell.startswith("'"), cell
        assert cell[1:] == name.replace("\t", "\\t")


def test_escape_sequences_never_reach_the_terminal(project: Path, runner: CliRunner) -> None:
    osc = "\x1b]0;pwned\x07\x1b]52;c;ZWNobyBoaQ==\x07\x1b]8;;http://x.example\x1b\\link\x1b[2J"
    hostile_ward(project / "wards", "esc", "Phường " + osc, city="TP " + osc + "\u202e", note=osc)
    ward = "wards/esc.yaml"
    for args in (
        ["summary", "wards"],
        ["summary", "wards", "--by", "city"],
        ["assess", ward],
        ["assess", ward, "--format", "markdown"],
    ):
        result = runner.invoke(main, [*args, "--lang", "en"])
        assert result.exit_code == 0, (args, result.stderr)
        assert not UNSAFE.search(result.stdout), args
        assert "\\x1b" in result.stdout, args
    shown = runner.invoke(main, ["assess", ward, "--format", "json"])
    assert json.loads(shown.stdout)["ward"]["name"] == "Phường " + osc  # JSON keeps the data
    assert "\x1b" not in shown.stdout


def test_escape_sequences_in_file_names_and_keys_are_shown_escaped(
    project: Path, runner: CliRunner
) -> None:
    path = hostile_ward(project / "wards", "keyed", "Phường", file_name="\x1b]0;x\x07.yaml")
    text = path.read_text(encoding="utf-8").replace("unit:", '"\\e]52;c;aGk=\\a": 1\nunit:', 1)
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["validate", "wards", "--lang", "en"])
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr + result.stdout
    assert "wards/\\x1b]0;x\\x07.yaml:" in result.stderr
    assert "\\x1b]52;c;aGk=\\x07" in result.stderr


def test_markdown_keeps_html_and_carriage_returns_as_text(project: Path, runner: CliRunner) -> None:
    names = [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "a\rb|c\rd",
        "![x](http://x.example/p.png)",
    ]
    for n, name in enumerate(names):
        hostile_ward(project / "hostile", f"m{n}", name)
    out = project / "s.md"
    result = runner.invoke(
        main, ["export", "hostile", "--criteria", "criteria.yaml", "-o", str(out), "--lang", "en"]
    )
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "<script" not in text
    assert "<img" not in text
    assert "![x](" not in text  # an image a viewer would load
    assert "\r" not in text
    assert "&lt;script>alert(1)&lt;/script>" in text
    ward_rows = [line for line in text.splitlines() if "| Jan–Feb 2025 |" in line]
    assert len(ward_rows) == len(names)  # a carriage return adds no row
    assert all(line.endswith(" |") for line in ward_rows)


def test_a_control_character_is_exported_to_xlsx(project: Path, runner: CliRunner) -> None:
    hostile_ward(project / "hostile", "ctl", "Phường\x1b[31m đỏ\x07")
    out = project / "s.xlsx"
    result = runner.invoke(
        main, ["export", "hostile", "--criteria", "criteria.yaml", "-o", str(out), "--lang", "en"]
    )
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(out)
    values = {c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row}
    assert "Phường\\x1b[31m đỏ\\x07" in values


def test_a_file_name_not_utf8_is_shown_with_its_bytes_escaped(
    project: Path, runner: CliRunner
) -> None:
    name = os.fsdecode(b"ph\xb0\xf4ng.yaml")  # a Windows-1258 name, copied from an old disk
    hostile_ward(project / "hostile", "latin", "Phường", file_name=name)
    for ext in ("csv", "json", "md", "html", "xlsx"):
        out = project / f"s.{ext}"
        result = runner.invoke(
            main, ["export", "hostile", "--criteria", "criteria.yaml", "-o", str(out)]
        )
        assert result.exit_code == 0, (ext, result.stderr)
        if ext == "xlsx":
            cells = [
                c.value for row in openpyxl.load_workbook(out)["Nguồn"].iter_rows() for c in row
            ]
            assert "hostile/ph\\xb0\\xf4ng.yaml" in cells
        elif ext == "json":
            doc = json.loads(out.read_bytes().decode("utf-8"))
            assert doc["wards"][0]["path"] == f"hostile/{name}"  # the data, kept
        elif ext == "csv":
            assert "hostile/ph\\xb0\\xf4ng.yaml" in out.read_bytes().decode("utf-8")
        else:  # the page names its inputs by one digest (of the names' bytes): whole UTF-8
            assert "Phường" in out.read_bytes().decode("utf-8")
    # No --criteria: the sample's 2023 names the pilot, so the file's catalogues are found
    # as it names them (criteria.yaml nearest, the pilot shipped).
    shown = runner.invoke(main, ["validate", "hostile", "--lang", "en"])
    assert shown.exit_code == 0
    assert shown.stdout.startswith("ok: hostile/ph\\xb0\\xf4ng.yaml (ward latin:")


# ---------------------------------------------------------------------------- where -o points


def test_a_pipe_or_device_as_output_is_written_through(project: Path, runner: CliRunner) -> None:
    fifo = project / "pipe.json"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = runner.invoke(main, ["summary", "wards", "-o", str(fifo), "--format", "json"])
    reader.join(10)
    assert result.exit_code == 0, result.stderr
    assert json.loads(got[0])["wards"][0]["id"] == "tao-xuyen"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still the pipe, never replaced by a file


def test_a_device_node_as_output_is_never_replaced(project: Path, runner: CliRunner) -> None:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    null, full = project / "null.csv", project / "full.csv"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # as /dev/null
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # as /dev/full
    result = runner.invoke(main, ["export", "wards", "-o", str(null)])
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(main, ["export", "wards", "-o", str(full), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr == f"{full}: cannot write: the disk is full\n"
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert stat.S_ISCHR(full.lstat().st_mode)
    assert not list(project.glob(".*.tmp"))


def test_a_read_only_output_is_refused_unless_forced(project: Path, runner: CliRunner) -> None:
    out = project / "s.json"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o444)  # read by its mode: the same as root and as a user
    for args in (["export", "wards", "-o", str(out)], ["summary", "wards", "-o", str(out)]):
        result = runner.invoke(main, [*args, "--lang", "en"])
        assert result.exit_code == 1
        assert result.stderr == f"{out}: is read-only: not replaced (--force replaces it)\n"
        assert out.read_text(encoding="utf-8") == "old\n"
    vi = runner.invoke(main, ["export", "wards", "-o", str(out)])
    assert vi.stderr == f"{out}: là tệp chỉ cho đọc: không ghi đè (--force để ghi đè)\n"
    forced = runner.invoke(main, ["export", "wards", "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["wards"][0]["id"] == "tao-xuyen"
    assert stat.S_IMODE(out.stat().st_mode) == 0o444  # replaced, its mode kept


def full_disk_at(limit: int) -> None:  # pragma: no cover - runs in the child
    """No file may grow past ``limit`` bytes: writes fail as on a full disk (EFBIG)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_full_disk_while_writing_xlsx_leaves_the_old_file_and_no_traceback(project: Path) -> None:
    out = project / "s.xlsx"
    out.write_bytes(b"old workbook")
    for n in range(6):
        copy_ward(project, f"w{n}")
    run = subprocess.run(
        tool("export", "wards", "-o", str(out), "--no-cache"),
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=60,
        preexec_fn=functools.partial(full_disk_at, 1500),
    )
    assert run.returncode == 1
    assert run.stderr == f"{out}: cannot write: File too large\n"
    assert out.read_bytes() == b"old workbook"
    assert not list(project.glob(".s.xlsx.*"))


# ---------------------------------------------------------------------------- the fuzz test

FRAGMENTS = [
    "=",
    "+",
    "-",
    "@",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "</td></tr><tr><td>",
    "[x](javascript:alert(1))",
    "![p](http://x.example/p.png)",
    "|",
    "\\",
    "&amp;",
    '"',
    "'",
    "\x1b]0;title\x07",
    "\x1b[31m",
    "\x1b]8;;http://x.example\x1b\\",
    "\x1b]52;c;aGk=\x07",
    "Phường Tào Xuyên",
    " ",
]
hostile_text = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.characters(min_codepoint=0, max_codepoint=0x9F).filter(lambda c: not c.isalnum()),
        st.sampled_from(
            ["\u061c", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028"]
        ),
    ),
    min_size=1,
    max_size=8,
).map("".join)
hostile_file_name = st.binary(min_size=1, max_size=6).map(
    lambda b: os.fsdecode(b"w" + b.replace(b"/", b"_").replace(b"\x00", b"_") + b".yaml")
)

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "div", "table",
    "thead", "tbody", "tr", "th", "td", "span", "abbr", "ul", "li",
}  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def check_html(data: bytes) -> None:
    text = data.decode("utf-8")
    assert not UNSAFE.search(text)
    parser = _Tags()
    parser.feed(text)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS, tag
        assert not [name for name, _ in attrs if name.startswith("on")], (tag, attrs)


def check_markdown(text: str) -> None:
    assert not UNSAFE.search(text)
    assert not re.search(r"<(?!br>)[A-Za-z/!?]", text)  # no HTML but our line breaks
    assert not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", text)  # no link, no image
    for line in text.splitlines():
        if line.startswith("| "):
            assert line.endswith(" |"), line  # one table row per line


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copy(CATALOGUE, folder / "criteria.yaml")
    return folder


@settings(
    max_examples=int(os.environ.get("MODELWARD_FUZZ_EXAMPLES", "12")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=hostile_text, city=hostile_text, note=hostile_text, file_name=hostile_file_name)
def test_fuzz_hostile_text_through_every_format(
    fuzz_folder: Path, name: str, city: str, note: str, file_name: str
) -> None:
    from modelward.batch.summarise import summarise
    from modelward.loading.lineage import load_formed
    from modelward.output.documents import assessment
    from modelward.output.drawers.html import to_html
    from modelward.output.drawers.markdown import to_markdown
    from modelward.output.drawers.terminal import to_text
    from modelward.output.formats import ExportFormat
    from modelward.output.layouts.assess import assess_blocks
    from modelward.output.layouts.summary import summary_blocks
    from modelward.output.provenance import Provenance
    from modelward.output.safe import json_safe, visible
    from modelward.scoring import assess

    folder = fuzz_folder / "wards"
    shutil.rmtree(folder, ignore_errors=True)
    ward_file = hostile_ward(folder, "fuzz", name, city=city, note=note, file_name=file_name)
    summary = summarise(
        (folder,),
        period=None,
        criteria=fuzz_folder / "criteria.yaml",
        area=None,
        target=None,
        max_bytes=1 << 20,
        jobs=1,
        use_cache=False,
        on_failed=lambda failed: pytest.fail(str(failed.problems)),
        progress=lambda outcomes, total: outcomes,
    )
    provenance = Provenance.of(summary)
    out = {f: b"".join(f.to_exporter().chunks(summary, "vi", provenance)) for f in ExportFormat}

    doc = json.loads(out[ExportFormat.JSON].decode("utf-8"))
    assert doc["wards"][0]["name"] == name  # JSON keeps the data
    assert not UNSAFE.search(out[ExportFormat.JSON].decode("utf-8"))

    raw_csv = out[ExportFormat.CSV].decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw_csv.removeprefix("\ufeff"))))
    assert len(rows) == 1
    for value in rows[0].values():
        assert not UNSAFE.search(value), value
    formula = name.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert rows[0]["name"] == ("'" if formula else "") + visible(name)

    book = openpyxl.load_workbook(io.BytesIO(out[ExportFormat.XLSX]))
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                assert not (isinstance(value, str) and UNSAFE.search(value)), value

    check_html(out[ExportFormat.HTML])
    check_markdown(out[ExportFormat.MARKDOWN].decode("utf-8"))
    assert not UNSAFE.search(to_text(summary_blocks(summary, "en"), to_file=True))

    ward, lineage = load_formed(ward_file, None, 1 << 20)
    result = assess(
        ward.catalogue.model, ward.periods, ward.figures, max(ward.periods), lineage=lineage
    )
    blocks = assess_blocks(result, ward.model, "en")
    assert not UNSAFE.search(to_text(blocks, to_file=True))
    check_markdown(to_markdown(blocks))
    check_html(to_html(blocks, "assess", "en").encode("utf-8"))
    shown = json_safe(json.dumps(assessment(result, ward.model, "en"), ensure_ascii=False))
    assert not UNSAFE.search(shown)
    assert json.loads(shown)["ward"]["name"] == name


# ---------------------------------------------------------------------------- discovery, the cache


def test_a_looping_link_in_a_folder_is_reported_and_every_other_file_read(
    project: Path, runner: CliRunner
) -> None:
    for n in range(6):
        copy_ward(project, f"w{n}")
    (project / "wards" / "a-loop.yaml").symlink_to("a-loop.yaml")  # listed before the wards
    (project / "wards" / "m-loop.yml").symlink_to("m-loop.yml")  # and among them
    (project / "wards" / "folder.yaml").symlink_to(project / "wards")  # a folder: not followed
    result = runner.invoke(main, ["summary", "wards", "--format", "json", "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "wards/a-loop.yaml: cannot read the file: the link loops back on itself",
        "wards/m-loop.yml: cannot read the file: the link loops back on itself",
    ]
    ranked = {w["id"] for w in json.loads(result.stdout)["wards"]}
    assert ranked == {"tao-xuyen", *(f"w{n}" for n in range(6))}
    checked = runner.invoke(main, ["validate", "wards", "--lang", "en"])
    assert checked.exit_code == 1
    assert checked.stdout.count("ok: ") == 7


def test_a_link_pointing_nowhere_in_a_folder_is_reported_and_every_other_file_read(
    project: Path, runner: CliRunner
) -> None:
    for n in range(3):
        copy_ward(project, f"w{n}")
    (project / "wards" / "gone.yaml").symlink_to("moved-away.yaml")
    result = runner.invoke(main, ["summary", "wards", "--format", "json", "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "wards/gone.yaml: is a link to 'moved-away.yaml', where there is no file: "
        "mend or delete the link"
    )
    ranked = {w["id"] for w in json.loads(result.stdout)["wards"]}
    assert ranked == {"tao-xuyen", *(f"w{n}" for n in range(3))}
    vi = runner.invoke(main, ["validate", "wards"])
    assert vi.exit_code == 1
    assert "wards/gone.yaml: là liên kết tới 'moved-away.yaml'" in vi.stderr


def cache_file(cache_dir: Path) -> Path:
    from modelward.batch.cache.store import WardCache

    return WardCache(cache_dir).file


def test_a_cache_held_by_another_writer_is_waited_for_briefly_then_gone_without(
    project: Path, runner: CliRunner, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from modelward.batch.cache import store

    monkeypatch.setattr(store, "LOCK_WAIT", 0.2)
    for n in range(4):
        copy_ward(project, f"w{n}")
    assert runner.invoke(main, ["summary", "wards"]).exit_code == 0  # the cache made
    for n in range(4, 8):
        copy_ward(project, f"w{n}")  # new wards: entries to write
    other = sqlite3.connect(cache_file(cache_dir), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another writer, holding it
    try:
        start = time.monotonic()
        result = runner.invoke(main, ["summary", "wards", "--format", "json", "--lang", "en"])
        took = time.monotonic() - start
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 0, result.stderr
    folder = cache_file(cache_dir).parent
    assert result.stderr == (
        f"The cache ({folder}) is held by another process: this run goes on without it "
        "(the same results, only slower).\n"
    )
    assert len(json.loads(result.stdout)["wards"]) == 9
    assert took < 5
    vi = runner.invoke(main, ["summary", "wards"])
    assert vi.exit_code == 0
    assert "Bộ nhớ đệm" not in vi.stderr  # let go: the next run uses it again


def test_a_cache_table_of_the_wrong_shape_is_rebuilt(
    project: Path, runner: CliRunner, cache_dir: Path
) -> None:
    path = cache_file(cache_dir)
    path.parent.mkdir(parents=True)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE wards (id INTEGER, sha TEXT, data BLOB)")
    db.commit()
    db.close()
    assert runner.invoke(main, ["summary", "wards"]).exit_code == 0
    db = sqlite3.connect(path)
    try:
        shape = [(row[1], row[5]) for row in db.execute("PRAGMA table_info(wards)")]
        entries = db.execute("SELECT count(*) FROM wards").fetchone()[0]
    finally:
        db.close()
    assert shape == [("sha256", 1), ("entry", 0)]
    assert entries == 1  # filled: the next run is served from it


def test_hostile_text_in_the_report_and_the_site(project: Path, runner: CliRunner) -> None:
    from docx import Document

    osc = "\x1b]0;pwned\x07<script>x</script>\u202e\x0c"
    hostile_ward(project / "r", "r1", "Phường " + osc, city="TP " + osc, note="note " + osc)
    for ext in ("docx", "html", "md"):
        out = project / f"report.{ext}"
        result = runner.invoke(
            main, ["report", "r/r1.yaml", "--criteria", "criteria.yaml", "-o", str(out)]
        )
        assert result.exit_code == 0, (ext, result.stderr)
        if ext == "docx":
            doc = Document(str(out))
            cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
            text = "\n".join([*(p.text for p in doc.paragraphs), *cells])
            assert "\\x1b]0;pwned\\x07" in text
        else:
            text = out.read_text(encoding="utf-8")
            assert "<script>x" not in text
        assert not UNSAFE.search(text), ext
    result = runner.invoke(main, ["export", "r", "--criteria", "criteria.yaml", "-o", "site/"])
    assert result.exit_code == 0, result.stderr
    pages = list((project / "site").rglob("*.html"))
    assert len(pages) == 2
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not UNSAFE.search(text), page
        assert "<script>x" not in text


def test_a_cache_taken_while_workers_run_is_said_once(
    project: Path, runner: CliRunner, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from modelward.batch.cache import store

    monkeypatch.setattr(store, "LOCK_WAIT", 0.2)
    monkeypatch.setattr(store.WardCache, "held_by_another", lambda self: False)  # free at start
    for n in range(5):
        copy_ward(project, f"w{n}")
    assert runner.invoke(main, ["summary", "wards"]).exit_code == 0  # the cache made
    for n in range(5, 9):
        copy_ward(project, f"w{n}")
    other = sqlite3.connect(cache_file(cache_dir), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # taken once the run has begun: each worker finds it held
    try:
        result = runner.invoke(main, ["summary", "wards", "--jobs", "2", "--lang", "en"])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("is held by another process") == 1
