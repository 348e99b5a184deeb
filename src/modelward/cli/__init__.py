"""The command line: the click group, ``main``, and the one place errors become exit codes.

Only click is imported at start-up; pydantic, rich and the core load inside the commands
that need them, so ``--help`` and ``--version`` stay instant. The commands live one family
to a module (``files``, ``ward``, ``batch``, ``catalogue``); the options they share in
``options``; what they print in ``printing``.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from typing import Any

import click

from modelward import __version__
from modelward.cli import batch, catalogue, files, ward
from modelward.cli.options import LANG_KEY, lang_option, language
from modelward.cli.printing import say
from modelward.errors import ExitCode, Finished, ModelwardError, Problem, UsageError
from modelward.messages import Message, commandline

# modelward's models use no pydantic plugin; looking for them reads the metadata of every
# installed package, a sixth of a single-ward assess. A user who has one can still set it.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


_STDOUT_FAULTS = {
    errno.ENOSPC: "stdout_full",
    errno.EDQUOT: "stdout_full",
    errno.EFBIG: "stdout_too_large",
    errno.EIO: "stdout_io_error",
    errno.EBADF: "stdout_closed",
}
"""What writing to stdout can fail with, and the message that says it."""


class _Closed(io.RawIOBase):
    """Stands in for a closed stdout: the first write fails (and is said), the rest are dropped."""

    failed = False

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if not self.failed:
            self.failed = True
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        return len(data)


def _stdout_to_null() -> None:
    """Point stdout at the null device, so the flush at exit cannot fail a second time."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stdout, for the rest of the process
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


class _Context(click.Context):
    """A context whose help is written in the chosen language."""

    formatter_class = commandline.HelpFormatter


class _Group(click.Group):
    """The group: every error a command raises becomes its exit code here, and only here.

    It also chooses the language click speaks in before click parses anything (``--lang``
    anywhere on the line, else ``MODELWARD_LANG``), so that help and usage errors are
    in it too.
    """

    context_class = _Context

    def main(self, args: Any = None, *posargs: Any, **kwargs: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        commandline.install(language(commandline.scan(argv, os.environ) or "vi") or "vi")
        return super().main(argv, *posargs, **kwargs)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        cmd.context_class = _Context  # its help, too, in the chosen language
        super().add_command(cmd, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Each command's one-line summary is cut from its help: cut it from the translation.
        english = {name: cmd.help for name, cmd in self.commands.items()}
        try:
            for cmd in self.commands.values():
                cmd.help = commandline.help_text(cmd.help) if cmd.help else cmd.help
            super().format_commands(ctx, formatter)
        finally:
            for name, cmd in self.commands.items():
                cmd.help = english[name]

    def invoke(self, ctx: click.Context) -> Any:
        if sys.stdout is None:  # started with stdout closed (`>&-`): said if anything is written
            sys.stdout = io.TextIOWrapper(io.BufferedWriter(_Closed()), encoding="utf-8")
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # here, not at exit: a full disk or a gone reader is ours to say
        except UsageError as exc:
            # click words and prints usage errors, under the command's usage line, exit 2;
            # the option at fault is named the way click names it.
            name = ctx.invoked_subcommand
            command = self.get_command(ctx, name) if name is not None else None
            where = _Context(command, info_name=name, parent=ctx) if command else ctx
            from modelward.messages import word

            message = word(exc.message, ctx.meta.get(LANG_KEY) or commandline.language())
            if exc.param_hint is not None:
                hint = commandline.placeholder(exc.param_hint)
                raise click.BadParameter(message, where, param_hint=hint) from None
            raise click.UsageError(message, where) from None
        except ModelwardError as exc:
            lang = ctx.meta.get(LANG_KEY) or commandline.language()
            for problem in exc.problems:
                say(problem, lang)
            if isinstance(exc, Finished):
                click.echo(exc.reason, err=True)
            ctx.exit(int(exc.exit_code))
        except KeyboardInterrupt:
            say(Problem("modelward", Message("interrupted")), commandline.language())
            ctx.exit(int(ExitCode.INTERRUPTED))
        except BrokenPipeError:
            # The reader went away (`| head`): not an error worth a message.
            _stdout_to_null()
            sys.stderr.close()
            ctx.exit(int(ExitCode.OK))
        except OSError as exc:
            # Files are read and written behind our own errors: an OSError that gets here
            # is stdout refusing what we print (`> /dev/full`, a closed stdout).
            if exc.errno not in _STDOUT_FAULTS:
                raise
            _stdout_to_null()
            lang = ctx.meta.get(LANG_KEY) or commandline.language()
            say(Problem("modelward", Message(_STDOUT_FAULTS[exc.errno])), lang)
            ctx.exit(int(ExitCode.BAD_INPUT))
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            # A bug of ours, not the user's input: say so in one line, keep the traceback
            # for whoever debugs it (MODELWARD_DEBUG=1).
            if os.environ.get("MODELWARD_DEBUG"):
                raise
            error = f"{type(exc).__name__}: {exc}"
            lang = ctx.meta.get(LANG_KEY) or commandline.language()
            say(Problem("modelward", Message("internal_error", error=error)), lang)
            ctx.exit(int(ExitCode.BAD_INPUT))


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        words = commandline.gettext("%(prog)s, version %(version)s")
        click.echo(words % {"prog": "modelward", "version": __version__})
        ctx.exit()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and exit.",
)
@lang_option
def main(lang: str) -> None:
    """Assess ward police units against the model-ward criteria.

    Validate catalogue and ward files, score one ward, compare two periods,
    and rank many wards. Vietnamese by default; --lang en or MODELWARD_LANG=en
    for English.
    """


for command in (
    batch.export,
    batch.summary,
    catalogue.criteria_command,
    catalogue.schema,
    files.new,
    files.validate,
    ward.assess,
    ward.compare,
    ward.history,
    ward.report,
):
    main.add_command(command)
