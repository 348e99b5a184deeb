"""Issue 19: faults of the machine around the files, and text in files that would act on the reader.

One test (or a few) per row of the issue's table. Permission cases run as root too: the
tool is run under ``setpriv`` without the capabilities that let root read any file, so the
kernel refuses the open as it would for a user (skipped, saying so, where ``setpriv`` is
missing and the tests run as root).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

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
            "full vi": subprocess.Popen(
                args, stdout=full, stderr=subprocess.PIPE, env=child_env(MODELWARD_LANG="vi")
            ),
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
    assert done["full vi"] == (
        1,
        "modelward: không ghi được ra đầu ra chuẩn (stdout): ổ đĩa đã đầy\n",
    )
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
    time.sleep(0.1)  # into the scoring
    proc.send_signal(signum)
    assert finished(proc) == (code, f"modelward: stopped by {signal.Signals(signum).name}\n")
    time.sleep(0.1)
    assert not [
        w
        for w in workers
        if Path(f"/proc/{w}").exists() and "zombie" not in Path(f"/proc/{w}/status").read_text()
    ]
