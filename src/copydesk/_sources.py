"""Where batch documents come from: files, directories, globs, stdin, JSONL (optionally gzipped).

Every source yields :class:`Record` values in a stable order, one per document. A document
that cannot be read (missing path, oversize input, malformed JSONL line) still yields a record,
carrying an ``error`` instead of ``raw``, so that nothing is dropped silently. Reading is
streaming: a JSONL file is read line by line with a bounded line length, never whole.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import re
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
#: The longest id (its JSON text) that an oversize JSONL line keeps; a longer one is dropped.
_MAX_ID_BYTES = 1024
# What the id scanner stops at: outside a string, a quote or structure; inside, a quote or a
# backslash. One character each, so the scan is linear and jumps over long strings at C speed.
_STRUCTURE_RE = re.compile(rb'["{}\[\],:]')
_IN_STRING_RE = re.compile(rb'["\\]')


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
    #: Standard input in ``auto`` mode: JSONL when its first non-blank line is a JSON object.
    sniff: bool = False


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
            yield _Source(STDIN, "stdin", kind, sniff=input_format == "auto")
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
    missing = text_field not in obj
    text = obj.pop(text_field, None)
    if not isinstance(text, str):
        if missing:
            found = ", ".join(sorted(obj)) or "none"
            message = f"no field {text_field!r} (other fields: {found})"
        else:
            message = f"field {text_field!r} is {_json_type(text)}, not a string"
        return Record(
            doc_id,
            fields=obj,
            source=source.rel,
            kind="jsonl",
            error=("MalformedRecord", message),
            nbytes=len(line),
        )
    return Record(doc_id, text, obj, source.rel, "jsonl", None, len(line))


def _json_type(value: object) -> str:
    """How JSON names the type of ``value``, with its article.

    >>> _json_type(123), _json_type(None), _json_type([1]), _json_type(1.5)
    ('an int', 'null', 'an array', 'a float')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    names: dict[type, str] = {dict: "object", list: "array"}
    name = names.get(type(value), type(value).__name__)
    return f"an {name}" if name[0] in "aeiou" else f"a {name}"


class IdScanner:
    r"""Finds the value of one top-level key in a JSON object read in pieces.

    An oversize JSONL line is never held whole; it is fed here piece by piece while it is
    skipped, so that its error record keeps the line's own id. Strings are jumped over with
    a search for the next quote or backslash; memory is bounded by ``_MAX_ID_BYTES``.

    >>> scan = IdScanner("id")
    >>> for piece in (b'{"text": "a long \\"text\\"', b'", "id": "doc-', b'7", "n": 1}'):
    ...     scan.feed(piece)
    >>> scan.value()
    'doc-7'
    """

    def __init__(self, key: str) -> None:
        self.key = key
        self.depth = 0
        self.in_string = False
        self.escaped = False  # the previous byte was a backslash inside a string
        self.expect_key = False  # at depth 1, the next string is a key
        self.token = bytearray()  # the key being read, or the wanted value's JSON text
        self.reading: str | None = None  # "key" or "value" while bytes go to ``token``
        self.capture = False  # the key just read is the wanted one
        self.found: bytes | None = None
        self.overflow = False

    def _keep(self, data: bytes) -> None:
        if self.reading is not None and not self.overflow:
            self.token += data
            if len(self.token) > _MAX_ID_BYTES:
                self.overflow = True

    def _end_value(self) -> None:
        if self.reading == "value" and not self.overflow and self.found is None:
            self.found = bytes(self.token)
        self.reading = None
        self.capture = False
        self.overflow = False
        self.token.clear()

    def feed(self, data: bytes) -> None:
        """Read the next piece of the line."""
        pos, end = 0, len(data)
        while pos < end and self.found is None:
            if self.in_string:
                if self.escaped:
                    self._keep(data[pos : pos + 1])
                    self.escaped = False
                    pos += 1
                    continue
                ch, pos = self._next(_IN_STRING_RE, data, pos)
                if not ch:
                    return
                if ch == b"\\":
                    self._keep(ch)
                    self.escaped = True
                    continue
                self.in_string = False
                if self.reading == "key":
                    self.capture = self._is_key(bytes(self.token))
                    self.reading = None
                    self.token.clear()
                else:
                    self._keep(ch)
                continue
            ch, pos = self._next(_STRUCTURE_RE, data, pos)
            if not ch:
                return
            self._structure(ch)

    def _next(self, pattern: re.Pattern[bytes], data: bytes, pos: int) -> tuple[bytes, int]:
        """Keep what precedes ``pattern``'s next match from ``pos``; return the matched byte
        and the position after it, or ``b""`` when the piece ends first (all of it kept)."""
        m = pattern.search(data, pos)
        stop = len(data) if m is None else m.start()
        self._keep(data[pos:stop])
        return (b"", stop) if m is None else (data[stop : stop + 1], stop + 1)

    def _structure(self, ch: bytes) -> None:
        if ch == b'"':
            self.in_string = True
            if self.depth == 1 and self.expect_key:
                self.expect_key = False
                self.reading = "key"
            else:
                self._keep(ch)
        elif ch in b"{[":
            self._keep(ch)
            self.depth += 1
            if self.depth == 1:
                self.expect_key = ch == b"{"
        elif ch in b"}]":
            if self.depth == 1:
                self._end_value()
            else:
                self._keep(ch)
            self.depth -= 1
        elif ch == b":" and self.depth == 1:
            if self.capture:
                self.reading = "value"
                self.token.clear()
        elif ch == b"," and self.depth == 1:
            self._end_value()
            self.expect_key = True
        else:
            self._keep(ch)

    def _is_key(self, raw: bytes) -> bool:
        try:
            return bool(json.loads(b'"' + raw + b'"') == self.key)
        except ValueError:
            return False

    def value(self) -> Any:
        """The key's value when it was found and is a usable id (a string or a number)."""
        if self.found is None:
            return None
        try:
            value = json.loads(self.found)
        except ValueError:
            return None
        return None if value is None or isinstance(value, (bool, list, dict)) else value


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
                scanner = IdScanner(id_field)
                scanner.feed(line)
                while line and not line.endswith(b"\n"):
                    line = f.readline(_DRAIN)
                    size += len(line)
                    scanner.feed(line)
                message = f"line of {size:,} bytes is over the limit of {max_bytes:,} bytes"
                doc_id = scanner.value()
                if doc_id is None:
                    doc_id = f"{source.display}:{lineno}"
                record = _error(source, doc_id, ("InputTooLarge", message), size)
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
        if source.sniff:
            stream, is_jsonl = sniff_jsonl(stream, max_bytes)
            if is_jsonl:
                source = attrs.evolve(source, kind="jsonl")
        if source.error is not None:
            yield _error(source, source.display, source.error)
        elif skip_source is not None and skip_source(source.rel, source.kind):
            continue
        elif source.kind == "jsonl":
            yield from _read_jsonl(source, max_bytes, stream, text_field, id_field)
        else:
            yield _read_text(source, max_bytes, stream)


class _Replay(io.RawIOBase):
    """A binary stream that gives back ``head`` first, then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self.head = memoryview(head)
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def sniff_jsonl(stream: IO[bytes], max_bytes: int) -> tuple[IO[bytes], bool]:
    """Whether ``stream`` holds JSONL (its first non-blank line is a JSON object), and a
    stream that reads the same bytes again.

    >>> stream, is_jsonl = sniff_jsonl(io.BytesIO(b'\\n{"id": 1, "text": "Hi"}\\n'), 100)
    >>> is_jsonl, stream.read()
    (True, b'\\n{"id": 1, "text": "Hi"}\\n')
    >>> sniff_jsonl(io.BytesIO(b'{ Braces } open this story.\\n'), 100)[1]
    False
    """
    head = bytearray()
    line = b""
    while len(head) <= max_bytes:
        line = stream.readline(max_bytes + 1 - len(head))
        head += line
        if not line or line.strip():
            break
    is_jsonl = False
    if line.lstrip().startswith(b"{"):
        try:
            is_jsonl = isinstance(json.loads(line), dict)
        except ValueError:
            is_jsonl = False
    return cast(IO[bytes], io.BufferedReader(_Replay(bytes(head), stream))), is_jsonl


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
