"""Where batch results go: a JSONL or JSON stream, plain text, or a directory mirroring the input.

Streams are written record by record and flushed, so an interrupted run leaves at most one
partial last line (which ``--resume`` cuts off). Files in an output directory are written to a
temporary name and renamed into place, so a file that exists is complete.
"""

from __future__ import annotations

import os
import tempfile
from typing import IO, Any, Protocol

from copydesk._jsontext import dumps, utf8_text
from copydesk.batch import Result

__all__ = [
    "DirWriter",
    "JsonArrayWriter",
    "JsonlWriter",
    "TextWriter",
    "Writer",
    "article_text",
    "write_atomic",
]


class Writer(Protocol):
    """Something that takes results in order and is closed (or aborted) at the end."""

    def write(self, result: Result) -> None: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...


# Every writer encodes what it writes through copydesk._jsontext: a lone surrogate in an id, a
# carried field or a message (json.loads makes one from "\\ud800") is escaped, never a
# UnicodeEncodeError that stops the run.


def _json_line(result: Result) -> bytes:
    return (dumps(result.to_record()) + "\n").encode("utf-8")


def article_text(article: dict[str, Any]) -> str:
    """The clean title and body of an article dict, as :meth:`copydesk.Article.to_text`."""
    title, body = article.get("title"), article.get("body", "")
    if title:
        return f"{title}\n\n{body}" if body else str(title)
    return str(body)


def _text_bytes(text: str) -> bytes:
    return utf8_text(text).encode("utf-8")


class JsonlWriter:
    """One JSON record per line (errors included), flushed after every record."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream

    def write(self, result: Result) -> None:
        self.stream.write(_json_line(result))
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()

    def abort(self) -> None:
        self.stream.flush()


class JsonArrayWriter:
    """One indented JSON array of records, written as the records come."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.count = 0

    def write(self, result: Result) -> None:
        text = dumps(result.to_record(), indent=2)
        self.stream.write((",\n" if self.count else "[\n").encode() + text.encode("utf-8"))
        self.stream.flush()
        self.count += 1

    def close(self) -> None:
        self.stream.write(b"\n]\n" if self.count else b"[]\n")
        self.stream.flush()

    def abort(self) -> None:
        self.stream.flush()


class TextWriter:
    """Clean title and body per document; with several documents, a ``==> id <==`` header each."""

    def __init__(self, stream: IO[bytes], *, headers: bool) -> None:
        self.stream = stream
        self.headers = headers
        self.count = 0

    def write(self, result: Result) -> None:
        if result.article is None:
            return  # errors are reported on stderr by the caller
        head = f"==> {result.record.id} <==\n" if self.headers else ""
        sep = "\n" if self.count else ""
        self.stream.write(_text_bytes(f"{sep}{head}{article_text(result.article)}\n"))
        self.stream.flush()
        self.count += 1

    def close(self) -> None:
        self.stream.flush()

    def abort(self) -> None:
        self.stream.flush()


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: str, data: bytes, *, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place."""
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _safe_rel(rel: str) -> str:
    rel = os.path.normpath(rel)
    if os.path.isabs(rel) or rel.split(os.sep, 1)[0] == os.pardir:
        return os.path.basename(rel)
    return rel


class DirWriter:
    """One cleaned file per input file under ``root``, mirroring the input tree.

    A plain-text input ``a/b.txt`` becomes ``root/a/b.txt`` (``fmt="text"``) or
    ``root/a/b.txt.json``; a JSONL input ``c.jsonl[.gz]`` becomes ``root/c.jsonl`` with one
    output record per line, renamed into place once its last record is written.
    """

    def __init__(self, root: str, fmt: str) -> None:
        self.root = root
        self.fmt = fmt
        self.mode = _file_mode()
        self._open: tuple[str, str, IO[bytes]] | None = None  # (target, temp path, file)

    def target(self, rel: str, kind: str) -> str:
        """The output path for the input file at ``rel`` (relative to its input root)."""
        rel = _safe_rel(rel)
        if kind == "jsonl":
            return os.path.join(self.root, rel[:-3] if rel.lower().endswith(".gz") else rel)
        return os.path.join(self.root, rel if self.fmt == "text" else rel + ".json")

    def done(self, rel: str, kind: str) -> bool:
        """True when the output for this input file is already complete (for ``--resume``)."""
        return os.path.exists(self.target(rel, kind))

    def write(self, result: Result) -> None:
        record = result.record
        path = self.target(record.source, record.kind)
        if record.kind == "jsonl":
            self._jsonl(path).write(_json_line(result))
            return
        self._finish()
        if result.article is None:
            return  # errors are reported on stderr by the caller
        if self.fmt == "text":
            data = _text_bytes(article_text(result.article) + "\n")
        else:
            indent = 2 if self.fmt == "json" else None
            data = (dumps(result.to_record(), indent=indent) + "\n").encode("utf-8")
        write_atomic(path, data, mode=self.mode)

    def _jsonl(self, path: str) -> IO[bytes]:
        if self._open is not None and self._open[0] == path:
            return self._open[2]
        self._finish()
        folder = os.path.dirname(path) or "."
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
        f = os.fdopen(fd, "wb")
        self._open = (path, tmp, f)
        return f

    def _finish(self) -> None:
        if self._open is not None:
            path, tmp, f = self._open
            self._open = None
            f.close()
            os.chmod(tmp, self.mode)
            os.replace(tmp, path)

    def close(self) -> None:
        self._finish()

    def abort(self) -> None:
        """Drop the half-written JSONL file, so that a resumed run redoes that input."""
        if self._open is not None:
            _, tmp, f = self._open
            self._open = None
            f.close()
            os.unlink(tmp)
