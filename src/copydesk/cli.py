"""The ``copydesk`` command: a thin shell that parses, calls the library, and formats.

Expected failures become one clean line on stderr, never a traceback. Exit codes: 0 when every
record was cleaned, 1 when some records failed, 2 for usage errors, 130 after Ctrl-C, 141 when
the reader of the output went away (``| head``).
"""

from __future__ import annotations

import argparse
import difflib
import glob
import os
import re
import shutil
import sys
from collections.abc import Generator, Iterator, Sequence
from contextlib import ExitStack
from typing import IO

from copydesk import __version__, batch, learn
from copydesk._explain import DEFAULT_WIDTH, explain
from copydesk._lazy import lazy_re
from copydesk._progress import ProgressBar, Stats
from copydesk._writers import DirWriter, JsonArrayWriter, JsonlWriter, TextWriter, Writer
from copydesk.errors import PipelineError, RecordError, RulesError
from copydesk.limits import DEFAULT_MAX_CHARS, LIMIT_RULE
from copydesk.pipeline import Pipeline
from copydesk.rules import Rules

__all__ = ["build_parser", "main", "run"]

# A size such as "20MB", "512k" or "1000": digits, an optional unit (B, k/KB, M/MB, G/GB).
_SIZE_RE = lazy_re(r"(\d{1,15})\s{0,3}([kmg]?)i?b?", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


class UsageError(Exception):
    """A bad combination of options or an unusable option value (exit code 2)."""


def _size(text: str) -> int:
    match = _SIZE_RE.fullmatch(text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size; write e.g. 20MB, 512k or 1000")
    return int(match[1]) * _UNITS[match[2].lower()]


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return value


def _pipeline_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--skip",
        action="append",
        default=[],
        metavar="NAME",
        help="leave out a step, or switch off a rule, by name (repeatable; see 'copydesk steps')",
    )
    common.add_argument("--rules", metavar="FILE", help="load extra rules from a TOML file")
    return common


def _input_options(command: argparse.ArgumentParser) -> None:
    inp = command.add_argument_group("input")
    inp.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="auto (default): *.jsonl and *.jsonl.gz are JSONL, anything else is one document",
    )
    inp.add_argument("--text-field", default="text", metavar="NAME", help="JSONL text field")
    inp.add_argument(
        "--id-field", default="id", metavar="NAME", help="JSONL id field (else PATH:LINE)"
    )
    inp.add_argument(
        "--max-bytes",
        type=_size,
        default=batch.DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help="larger documents become error records (default: 20MB)",
    )
    inp.add_argument(
        "--site-field",
        metavar="NAME",
        help="JSONL field naming a document's site, for learning and for site-scoped rules "
        "(else a url field's host)",
    )


def _run_options(command: argparse.ArgumentParser) -> None:
    run_ = command.add_argument_group("run")
    run_.add_argument(
        "-j", "--jobs", type=_positive, metavar="N", help="worker processes (default: CPUs)"
    )
    run_.add_argument(
        "--chunk-size",
        type=_positive,
        default=batch.DEFAULT_CHUNKSIZE,
        metavar="N",
        help=f"documents sent to a worker at a time (default: {batch.DEFAULT_CHUNKSIZE})",
    )
    run_.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary on stderr"
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``copydesk`` command."""
    parser = argparse.ArgumentParser(
        prog="copydesk",
        description="Turn raw scraped news-article text into clean, typed articles.",
    )
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = _pipeline_options()

    clean = sub.add_parser(
        "clean",
        parents=[common],
        help="clean documents (files, directories, globs, JSONL, '-' for stdin)",
        description="Clean many documents; write one output record per input record, in order.",
    )
    clean.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, glob or '-'")
    out = clean.add_argument_group("output")
    out.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    out.add_argument(
        "--output-dir", metavar="DIR", help="write one cleaned file per input file under DIR"
    )
    out.add_argument(
        "--format",
        choices=("jsonl", "json", "text", "parquet"),
        default="jsonl",
        help="jsonl: one record per line (default); json: one indented array; text: title and "
        "body; parquet: Parquet shards (with --engine)",
    )
    out.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run into the same --output FILE or --output-dir",
    )
    _input_options(clean)
    _run_options(clean)
    cluster = clean.add_argument_group("cluster")
    cluster.add_argument(
        "--engine",
        choices=("local", "ray", "dask"),
        default="local",
        help="local: this machine's process pool (default); ray or dask: hand the run to that "
        "engine, writing shards to --output-dir (needs the copydesk[ray] or [dask] extra)",
    )
    cluster.add_argument(
        "--address",
        metavar="ADDR",
        help="the cluster to run on (ray.init / dask Client address); default: start a local "
        "one with --jobs workers",
    )
    clean.add_argument(
        "--learn",
        action="store_true",
        help="first learn the batch's repeated boilerplate (as 'copydesk learn'), then clean",
    )

    learn = sub.add_parser(
        "learn",
        help="learn each site's repeated boilerplate lines from a batch, as a rules file",
        description="Find lines that recur across a site's documents; write them as TOML rules.",
    )
    learn.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory or glob")
    learn.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    learn.add_argument(
        "--min-docs", type=_positive, default=3, metavar="N", help="least documents (default: 3)"
    )
    learn.add_argument(
        "--min-share",
        type=float,
        default=0.3,
        metavar="X",
        help="least share of a site's documents, 0 to 1 (default: 0.3)",
    )
    _input_options(learn)
    _run_options(learn)

    explain = sub.add_parser(
        "explain",
        parents=[common],
        help="show what was removed or extracted from one document, and by which rule",
        description="Show one document's fields, then its text in order: the body, and every "
        "line that left it marked in place with the rule that moved it.",
    )
    explain.add_argument("file", metavar="FILE", help="a plain-text document, or '-' for stdin")
    explain.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the output (auto: only on a terminal, and not when NO_COLOR is set)",
    )
    sub.add_parser(
        "steps",
        help="list the pipeline's steps and rules (the names --skip takes)",
        description="List the default pipeline's steps in order, each with the rules it owns.",
    )
    return parser


#: Error types of a record whose whole input could not be read: said on stderr, one line
#: each, whatever the output format.
_READ_ERRORS = frozenset(
    ("FileNotFoundError", "PermissionError", "IsADirectoryError", "NotADirectoryError", "OSError")
)


def _plain(error: tuple[str, str]) -> str:
    """A read error in a person's words: "no such file", "permission denied"."""
    if error[0] == "FileNotFoundError":
        return "no such file" if "pattern" not in error[1] else error[1]
    message = error[1]
    return message[:1].lower() + message[1:]


def _missing(inputs: Sequence[str]) -> list[str]:
    """The inputs that name no file, directory or glob match (``-`` is always there)."""
    return [
        arg
        for arg in inputs
        if arg != "-"
        and not os.path.lexists(arg)
        and not (glob.has_magic(arg) and glob.glob(arg, recursive=True))
    ]


def _fail(message: str) -> int:
    print(f"copydesk: {message}", file=sys.stderr)
    return 2


def _configure(args: argparse.Namespace) -> tuple[Pipeline, object | None]:
    """The pipeline and rules that the options ask for; UsageError when they are unusable."""
    try:
        pipeline = batch.make_pipeline(args.skip)
    except PipelineError as exc:
        raise UsageError(f"--skip: {exc}") from None
    if args.rules is None:
        return pipeline, None
    try:
        return pipeline, batch.load_rules_file(args.rules)
    except (RulesError, OSError) as exc:
        raise UsageError(f"--rules {args.rules}: {exc}") from None


def _is_tty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _explain(args: argparse.Namespace) -> int:
    pipeline, rules = _configure(args)
    try:
        if args.file == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(args.file, "rb") as f:
                data = f.read()
    except OSError as exc:
        raise UsageError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    binary = batch.binary_error(data)
    if binary is not None:
        raise UsageError(f"{args.file}: {binary[1]}")
    color = args.color == "always" or (
        args.color == "auto" and _is_tty(sys.stdout) and not os.environ.get("NO_COLOR")
    )
    width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    print(explain(data, pipeline=pipeline, rules=rules, name=args.file, color=color, width=width))
    return 0


def _steps() -> int:
    from copydesk.default import DEFAULT

    for step in DEFAULT.steps:
        print(step.name)
        for rule in step.rules:
            print(f"    {rule}")
    return 0


def _peek(it: Iterator[batch.Result]) -> tuple[bool, Iterator[batch.Result]]:
    """Whether ``it`` yields more than one result, and the same results again."""
    head = [r for _, r in zip(range(2), it, strict=False)]
    return len(head) > 1, _chain(head, it)


def _chain(head: list[batch.Result], it: Iterator[batch.Result]) -> Iterator[batch.Result]:
    yield from head
    yield from it


def _open_output(args: argparse.Namespace, stack: ExitStack) -> IO[bytes]:
    if args.output is None or args.output == "-":
        sys.stdout.flush()
        return sys.stdout.buffer
    try:
        return stack.enter_context(open(args.output, "ab" if args.resume else "wb"))
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None


def _check_clean_options(args: argparse.Namespace) -> None:
    if args.output_dir and args.output:
        raise UsageError("use either --output or --output-dir, not both")
    if args.resume and not args.output_dir:
        if args.output in (None, "-"):
            raise UsageError("--resume needs --output FILE or --output-dir DIR")
        if args.format != "jsonl":
            raise UsageError("--resume into a single file needs --format jsonl")


def _learn(args: argparse.Namespace, **options: object) -> Rules:
    """The rules learned from the inputs (a first pass over them)."""
    if "-" in args.inputs:
        raise UsageError("learning reads the inputs twice; it cannot read standard input")
    missing = _missing(args.inputs)
    if missing:
        raise UsageError(f"{missing[0]}: no such file")
    records = batch.iter_records(
        args.inputs,
        input_format=args.input_format,
        text_field=args.text_field,
        id_field=args.id_field,
        max_bytes=args.max_bytes,
    )
    jobs = batch.default_jobs() if args.jobs is None else args.jobs
    learned = learn.learn_from_records(
        records, site_field=args.site_field, jobs=jobs, chunksize=args.chunk_size, **options
    )
    if not args.quiet:
        print(f"copydesk: learned {len(learned)} rules", file=sys.stderr)
    return learned


def _learn_command(args: argparse.Namespace) -> int:
    if not 0 <= args.min_share <= 1:
        raise UsageError(f"--min-share {args.min_share} must be between 0 and 1")
    text = learn.rules_to_toml(_learn(args, min_docs=args.min_docs, min_share=args.min_share))
    if args.output is None or args.output == "-":
        sys.stdout.write(text)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    return 0


def _clean(args: argparse.Namespace) -> int:
    if args.engine != "local" or args.address is not None:
        from copydesk._cluster import run_on_engine

        pipeline, rules = _configure(args)
        return run_on_engine(args, pipeline, rules, UsageError)
    if args.format == "parquet":
        raise UsageError("--format parquet needs --engine ray or --engine dask")
    _check_clean_options(args)
    pipeline, rules = _configure(args)
    if args.learn:
        rules = learn.with_learned(_learn(args), rules)
    dir_writer = DirWriter(args.output_dir, args.format) if args.output_dir else None
    done = None
    if args.resume and dir_writer is None:
        try:
            done = batch.completed_ids(args.output)
        except (RecordError, OSError) as exc:
            raise UsageError(f"--resume: {exc}") from None
    records = batch.iter_records(
        args.inputs,
        input_format=args.input_format,
        text_field=args.text_field,
        id_field=args.id_field,
        max_bytes=args.max_bytes,
        skip_source=dir_writer.done if dir_writer is not None and args.resume else None,
    )
    if done:
        records = batch.skip_completed(records, done)
    show_progress = not args.quiet and _is_tty(sys.stderr)
    total = (
        batch.total_bytes(args.inputs, input_format=args.input_format) if show_progress else None
    )
    bar = ProgressBar(sys.stderr, total_bytes=total) if show_progress else None
    stats = Stats()
    engine: Generator[batch.Result, None, None] = batch.clean_records(
        records,
        pipeline=pipeline,
        rules=rules,
        jobs=args.jobs,
        chunksize=args.chunk_size,
        site_field=args.site_field,
    )
    results: Iterator[batch.Result] = engine
    try:
        return _run_clean(args, engine, results, dir_writer, bar, stats)
    except BrokenPipeError:
        _quiet_closed_pipe()
        return 141
    except OSError as exc:  # disk full, output folder unwritable: say so, never a traceback
        if bar is not None:
            bar.close()
        where = args.output_dir or args.output or "standard output"
        hint = "; fix it and rerun with --resume" if args.output or args.output_dir else ""
        print(
            f"copydesk: cannot write {where}: {exc.strerror or exc} "
            f"(after {stats.docs:,} records){hint}",
            file=sys.stderr,
        )
        return 1


class _Notes:
    """Lines for a person on stderr during a run: read errors, and warnings said once."""

    def __init__(self, args: argparse.Namespace, bar: ProgressBar | None) -> None:
        self.auto = args.input_format == "auto"
        self.bar = bar
        self.said: set[str] = set()

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.close()
        print(f"copydesk: {message}", file=sys.stderr)

    def once(self, key: str, message: str) -> None:
        if key not in self.said:
            self.said.add(key)
            self.say(message)

    def check(self, result: batch.Result) -> None:
        record = result.record
        if self.auto and record.kind == "jsonl" and record.source == "stdin":
            self.once(
                "stdin-jsonl",
                "standard input looks like JSONL (its first line is a JSON object): "
                "reading one document per line; use --input-format text to read it whole",
            )
        if result.article is not None and result.article.get("truncated"):
            self.once(
                "truncated",
                f"{record.id}: cut to its first {DEFAULT_MAX_CHARS:,} characters "
                f"(the rest is the {LIMIT_RULE} ledger edit); later cuts are counted in the "
                "summary",
            )


def _run_clean(
    args: argparse.Namespace,
    engine: Generator[batch.Result, None, None],
    results: Iterator[batch.Result],
    dir_writer: DirWriter | None,
    bar: ProgressBar | None,
    stats: Stats,
) -> int:
    """Write every result; the part of ``clean`` that can meet an output error."""
    with ExitStack() as stack:
        stack.callback(engine.close)  # stops the worker pool on every way out
        writer: Writer
        if dir_writer is not None:
            writer = dir_writer
        else:
            stream = _open_output(args, stack)
            if args.format == "jsonl":
                writer = JsonlWriter(stream)
            elif args.format == "json":
                writer = JsonArrayWriter(stream)
            else:
                several, results = _peek(results)
                writer = TextWriter(stream, headers=several)
        errors_on_stderr = dir_writer is not None or args.format == "text"
        notes = _Notes(args, bar)
        try:
            for result in results:
                writer.write(result)
                stats.add(result)
                if result.error is not None and result.error[0] in _READ_ERRORS:
                    notes.say(f"{result.record.id}: {_plain(result.error)}")
                elif result.error is not None and errors_on_stderr:
                    notes.say(f"{result.record.id}: {': '.join(result.error)}")
                notes.check(result)
                if bar is not None:
                    bar.update(stats)
            writer.close()
        except KeyboardInterrupt:
            writer.abort()
            if bar is not None:
                bar.close()
            hint = "; rerun with --resume to continue" if args.output or args.output_dir else ""
            print(f"\ncopydesk: interrupted after {stats.docs:,} records{hint}", file=sys.stderr)
            return 130
        except BrokenPipeError:
            _quiet_closed_pipe()
            return 141
        finally:
            if bar is not None:
                bar.close()
    if not args.quiet:
        sys.stderr.write(stats.summary())
    return 1 if stats.errors else 0


def _quiet_closed_pipe() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv``; return the exit code."""
    parser = build_parser()
    try:
        args, extra = parser.parse_known_args(argv)
        if extra:
            _unrecognized(parser, args, extra)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    try:
        if args.command == "clean":
            return _clean(args)
        if args.command == "learn":
            return _learn_command(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "steps":
            return _steps()
    except UsageError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        print("\ncopydesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _quiet_closed_pipe()
        return 141
    parser.print_help(sys.stderr)
    return 2


def _subparser(parser: argparse.ArgumentParser, name: str | None) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and name in action.choices:
            found: argparse.ArgumentParser = action.choices[name]
            return found
    return parser


def _unrecognized(
    parser: argparse.ArgumentParser, args: argparse.Namespace, extra: list[str]
) -> None:
    """Exit 2 with the usage of the command that was given, and the option meant, if any."""
    command = _subparser(parser, args.command)
    message = f"unrecognized arguments: {' '.join(extra)}"
    options = [o for action in command._actions for o in action.option_strings]
    for arg in extra:
        if arg.startswith("-"):
            close = difflib.get_close_matches(arg.split("=", 1)[0], options, n=1, cutoff=0.6)
            if close:
                message += f" (did you mean {close[0]}?)"
                break
    command.error(message)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
