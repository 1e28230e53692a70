"""Where batch documents come from: files, directories, globs, stdin, JSONL (optionally gzipped).

Every source yields :class:`Record` values in a stable order, one per document. A document
that cannot be read (missing path, oversize input, malformed JSONL line) still yields a record,
carrying an ``error`` instead of ``raw``, so that nothing is dropped silently. Reading is
streaming: a JSONL file is read line by line with a bounded line length, never whole.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Any, Literal, cast

import attrs

__all__ = [
    "DEFAULT_MAX_BYTES",
    "STDIN",
    "InputFormat",
    "Record",
    "iter_records",
    "total_bytes",
]

#: Default limit on one document (a text file, or one JSONL line): 20 MB.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: The id (and display name) of a document read from standard input.
STDIN = "<stdin>"
InputFormat = Literal["auto", "text", "jsonl"]
SourceKind = Literal["text", "jsonl"]
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
_DRAIN = 1 << 20  # bytes read at a time while skipping the rest of an oversize JSONL line


@attrs.frozen(slots=True)
class Record:
    """One input document: its id, raw text or bytes, and the fields carried through.

    ``source`` is the path of the input file relative to the input root (what an output
    directory mirrors); ``kind`` says whether it came from a plain-text or a JSONL file.
    ``error`` is ``(type, message)`` when the document could not be read; ``raw`` is then
    ``None``. ``nbytes`` is how many input bytes the record consumed (for progress).
    """

    id: Any
    raw: str | bytes | None = None
    fields: Mapping[str, Any] = attrs.field(factory=dict)
    source: str = ""
    kind: SourceKind = "text"
    error: tuple[str, str] | None = None
    nbytes: int = 0


@attrs.frozen(slots=True)
class _Source:
    """One file (or stdin) to read, or an input that failed before any file was found."""

    display: str
    rel: str
    kind: SourceKind
    error: tuple[str, str] | None = None


def _kind(name: str, input_format: InputFormat) -> SourceKind:
    if input_format == "auto":
        return "jsonl" if name.lower().endswith(_JSONL_SUFFIXES) else "text"
    return input_format


def _os_error(exc: OSError) -> tuple[str, str]:
    return type(exc).__name__, exc.strerror or str(exc)


def _walk(top: str) -> Iterator[tuple[str, tuple[str, str] | None]]:
    """Yield the files under ``top`` (sorted, hidden names skipped), or errors on directories."""
    try:
        with os.scandir(top) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield top, _os_error(exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        else:
            yield entry.path, None


def _glob_root(pattern: str) -> str:
    """The leading directories of ``pattern`` that hold no glob magic."""
    parts = pattern.split(os.sep)
    fixed = []
    for part in parts[:-1]:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return os.sep.join(fixed) or "."


def _sources(inputs: Iterable[str], input_format: InputFormat) -> Iterator[_Source]:
    for arg in inputs:
        if arg == "-":
            kind: SourceKind = "jsonl" if input_format == "jsonl" else "text"
            yield _Source(STDIN, "stdin", kind)
            continue
        found: Iterator[tuple[str, tuple[str, str] | None, str]]
        if os.path.isdir(arg):
            found = ((path, err, arg) for path, err in _walk(arg))
        elif os.path.lexists(arg) or not glob.has_magic(arg):
            found = iter([(arg, None, os.path.dirname(arg))])
        else:
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                yield _Source(
                    arg, arg, "text", ("FileNotFoundError", "no file matches the pattern")
                )
                continue
            root = _glob_root(arg)
            found = (
                (path, err, root)
                for match in matches
                for path, err in (_walk(match) if os.path.isdir(match) else [(match, None)])
            )
        for path, err, root in found:
            rel = os.path.relpath(path, root) if root else path
            yield _Source(path, rel, _kind(path, input_format), err)


def _error(source: _Source, doc_id: Any, error: tuple[str, str], nbytes: int = 0) -> Record:
    return Record(doc_id, source=source.rel, kind=source.kind, error=error, nbytes=nbytes)


def _read_text(source: _Source, max_bytes: int, stdin: IO[bytes]) -> Record:
    """Read one plain-text document, refusing more than ``max_bytes``."""
    try:
        if source.display == STDIN:
            data = stdin.read(max_bytes + 1)
            size = len(data)
        else:
            size = os.path.getsize(source.display)
            if size > max_bytes:
                data = b""
            else:
                with open(source.display, "rb") as f:
                    data = f.read(max_bytes + 1)
                size = len(data)
    except OSError as exc:
        return _error(source, source.display, _os_error(exc))
    if size > max_bytes:
        message = f"{size:,} bytes is over the limit of {max_bytes:,} bytes per document"
        return _error(source, source.display, ("InputTooLarge", message), size)
    return Record(source.display, data, source=source.rel, kind="text", nbytes=size)


def _parse_line(
    source: _Source, line: bytes, lineno: int, text_field: str, id_field: str
) -> Record:
    """Turn one JSONL line into a record: the text field becomes ``raw``, the rest is carried."""
    fallback_id = f"{source.display}:{lineno}"
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        return _error(source, fallback_id, (type(exc).__name__, str(exc)), len(line))
    if not isinstance(obj, dict):
        message = f"line {lineno} is a JSON {type(obj).__name__}, not an object"
        return _error(source, fallback_id, ("MalformedRecord", message), len(line))
    doc_id = obj.pop(id_field, None)
    if doc_id is None or isinstance(doc_id, (bool, list, dict)):
        doc_id = fallback_id
    text = obj.pop(text_field, None)
    if not isinstance(text, str):
        found = ", ".join(sorted(obj)) or "none"
        message = f"no string field {text_field!r} (other fields: {found})"
        return Record(
            doc_id,
            fields=obj,
            source=source.rel,
            kind="jsonl",
            error=("MalformedRecord", message),
            nbytes=len(line),
        )
    return Record(doc_id, text, obj, source.rel, "jsonl", None, len(line))


def _read_jsonl(
    source: _Source, max_bytes: int, stdin: IO[bytes], text_field: str, id_field: str
) -> Iterator[Record]:
    """Stream the records of one JSONL (or JSONL.gz) source, one line at a time."""
    lineno = 0
    try:
        if source.display == STDIN:
            f: IO[bytes] = stdin
        elif source.display.lower().endswith(".gz"):
            f = cast(IO[bytes], gzip.open(source.display, "rb"))  # noqa: SIM115 - closed below
        else:
            f = open(source.display, "rb")  # noqa: SIM115 - closed below, also on errors
    except OSError as exc:
        yield _error(source, source.display, _os_error(exc))
        return
    # A GzipFile's compressed stream: progress counts compressed bytes, as total_bytes does.
    compressed = getattr(f, "fileobj", None)
    counted = 0
    try:
        while line := f.readline(max_bytes + 1):
            lineno += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                size = len(line)
                while line and not line.endswith(b"\n"):
                    line = f.readline(_DRAIN)
                    size += len(line)
                message = f"line of {size:,} bytes is over the limit of {max_bytes:,} bytes"
                record = _error(
                    source, f"{source.display}:{lineno}", ("InputTooLarge", message), size
                )
            elif line.strip():
                record = _parse_line(source, line, lineno, text_field, id_field)
            else:
                continue
            if compressed is not None:
                position = compressed.tell()
                record = attrs.evolve(record, nbytes=position - counted)
                counted = position
            yield record
    except (OSError, EOFError) as exc:  # a truncated or corrupt .gz, a failing disk
        error = (type(exc).__name__, str(exc) or "unexpected end of file")
        yield _error(source, f"{source.display}:{lineno + 1}", error)
    finally:
        if f is not stdin:
            f.close()


def iter_records(
    inputs: Iterable[str],
    *,
    input_format: InputFormat = "auto",
    text_field: str = "text",
    id_field: str = "id",
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: IO[bytes] | None = None,
    skip_source: Callable[[str, SourceKind], bool] | None = None,
) -> Iterator[Record]:
    """Yield one :class:`Record` per document found in ``inputs``, in input order.

    ``inputs`` are files, directories (walked recursively, sorted, hidden names skipped), glob
    patterns, or ``"-"`` for standard input. A plain-text file is one document whose id is its
    path; a JSONL file (``*.jsonl``, ``*.jsonl.gz``, or every input when ``input_format`` is
    ``"jsonl"``) is one document per non-blank line, whose id is its ``id_field`` (else
    ``"PATH:LINE"``). ``skip_source(rel, kind)`` lets a resumed run skip finished files.

    >>> [(r.id, r.error) for r in iter_records(["no/such/file.txt"])]
    [('no/such/file.txt', ('FileNotFoundError', 'No such file or directory'))]
    """
    stream = stdin if stdin is not None else sys.stdin.buffer
    for source in _sources(inputs, input_format):
        if source.error is not None:
            yield _error(source, source.display, source.error)
        elif skip_source is not None and skip_source(source.rel, source.kind):
            continue
        elif source.kind == "jsonl":
            yield from _read_jsonl(source, max_bytes, stream, text_field, id_field)
        else:
            yield _read_text(source, max_bytes, stream)


def total_bytes(inputs: Iterable[str], *, input_format: InputFormat = "auto") -> int | None:
    """The summed size of every input file, or None when one is stdin (for an ETA)."""
    total = 0
    for source in _sources(inputs, input_format):
        if source.display == STDIN:
            return None
        try:
            total += os.path.getsize(source.display)
        except OSError:
            continue
    return total
