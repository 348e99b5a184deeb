"""output.write_atomic in one process: whole or not at all, whatever fails and wherever."""

from __future__ import annotations

import os
import signal
import stat
import threading
from pathlib import Path

import pytest

from modelward.errors import InputError, Interrupted
from modelward.output import writing as output


def temp_files(folder: Path) -> list[str]:
    """What a write leaves behind when it goes wrong: ``.NAME.XXXX.tmp`` files."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """An earlier export that must survive a failed write untouched."""
    path = tmp_path / "tong-hop.csv"
    path.write_bytes(b"id,name\nprevious,export\n")
    return path


def test_writes_a_new_file_with_the_usual_permissions(tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    output.write_atomic(path, "{}\n")
    assert path.read_text(encoding="utf-8") == "{}\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask  # not mkstemp's private 0600
    assert temp_files(tmp_path) == []


def test_replaces_a_file_and_keeps_its_permissions(previous: Path) -> None:
    previous.chmod(0o640)
    output.write_atomic(previous, b"id,name\nnew,export\n")
    assert previous.read_bytes() == b"id,name\nnew,export\n"
    assert stat.S_IMODE(previous.stat().st_mode) == 0o640


def test_writes_through_a_symbolic_link(previous: Path) -> None:
    link = previous.parent / "latest.csv"
    link.symlink_to(previous.name)
    output.write_atomic(link, "fresh\n")
    assert link.is_symlink()
    assert previous.read_text(encoding="utf-8") == "fresh\n"
    assert temp_files(previous.parent) == []


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_failed_write_leaves_the_previous_file(
    previous: Path, step: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if step == "write":
        monkeypatch.setattr(output, "_slow_write_pause", lambda: 0.001)  # write in two halves
        monkeypatch.setattr(output.time, "sleep", fail)
    else:
        monkeypatch.setattr(output.os, step, fail)
    with pytest.raises(InputError) as caught:
        output.write_atomic(previous, "x" * 10_000)
    assert str(caught.value) == f"{previous}: cannot write: the disk is full"
    assert previous.read_bytes() == b"id,name\nprevious,export\n"
    assert temp_files(previous.parent) == []


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, SystemExit])
def test_an_interrupted_write_leaves_the_previous_file(
    previous: Path, interruption: type[BaseException], monkeypatch: pytest.MonkeyPatch
) -> None:
    def stop(*args: object) -> None:
        raise interruption()

    monkeypatch.setattr(output.os, "fsync", stop)
    with pytest.raises(interruption):
        output.write_atomic(previous, "new\n")
    assert previous.read_bytes() == b"id,name\nprevious,export\n"
    assert temp_files(previous.parent) == []


def test_a_folder_that_cannot_be_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root a read-only folder is still writable: refuse the temporary file instead.
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output.tempfile, "mkstemp", refuse)
    with pytest.raises(InputError) as caught:
        output.write_atomic(tmp_path / "out.csv", "x")
    assert str(caught.value) == f"{tmp_path / 'out.csv'}: cannot write here: Permission denied"


def test_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        output.write_atomic(tmp_path / "nowhere" / "out.csv", "x")
    assert str(caught.value) == (
        f"{tmp_path / 'nowhere' / 'out.csv'}: cannot write here: No such file or directory"
    )


def test_signal_handlers_are_restored(previous: Path) -> None:
    before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)}
    output.write_atomic(previous, "new\n")
    with pytest.raises(InputError):
        output.write_atomic(previous.parent / "nowhere" / "x", "new\n")
    assert {s: signal.getsignal(s) for s in before} == before


def test_sigterm_during_the_write_raises_and_cleans_up(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The handler write_atomic installs for SIGTERM, called as the signal would call it (the
    real signal is sent to a real export in tests/test_hardening.py)."""
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        pytest.skip("SIGTERM has a handler here; write_atomic leaves such a handler alone")

    def deliver(*args: object) -> None:
        handler = signal.getsignal(signal.SIGTERM)
        assert callable(handler), "no SIGTERM handler while the temporary file exists"
        handler(signal.SIGTERM, None)

    monkeypatch.setattr(output.os, "fsync", deliver)
    with pytest.raises(Interrupted) as caught:
        output.write_atomic(previous, "new\n")
    assert caught.value.exit_code == 143
    assert str(caught.value) == (
        f"{previous}: stopped by SIGTERM: not written, any previous file is as it was"
    )
    assert previous.read_bytes() == b"id,name\nprevious,export\n"
    assert temp_files(previous.parent) == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_works_outside_the_main_thread(tmp_path: Path) -> None:
    # Signal handlers can only be set in the main thread: elsewhere the write goes without.
    errors: list[BaseException] = []

    def run() -> None:
        try:
            output.write_atomic(tmp_path / "t.txt", "from a thread\n")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert errors == []
    assert (tmp_path / "t.txt").read_text(encoding="utf-8") == "from a thread\n"


def test_emit_refuses_to_write_an_input(previous: Path) -> None:
    with pytest.raises(InputError, match="is one of the input files"):
        output.emit("x", previous, [previous])
    assert previous.read_bytes() == b"id,name\nprevious,export\n"
    link = previous.parent / "alias.csv"
    link.symlink_to(previous.name)
    with pytest.raises(InputError, match="is one of the input files"):
        output.emit("x", link, [previous])  # the same file by another name
