"""The ``copydesk`` command: a thin shell that parses, calls the library, and formats.

Library errors become one clean line on stderr; exit codes: 0 all good, 1 some inputs
failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from copydesk import __version__
from copydesk.article import Article
from copydesk.clean import clean_article

__all__ = ["build_parser", "main", "run"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``copydesk`` command."""
    parser = argparse.ArgumentParser(
        prog="copydesk",
        description="Turn raw scraped news-article text into a clean, typed article.",
    )
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    clean = sub.add_parser("clean", help="clean documents and print the articles")
    clean.add_argument(
        "inputs", nargs="+", metavar="FILE", help="text files to clean ('-' for stdin)"
    )
    clean.add_argument(
        "--format",
        choices=("jsonl", "json", "text"),
        default="jsonl",
        help="jsonl: one Article per line (default); json: indented; text: title and body",
    )
    return parser


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def _format(article: Article, doc_id: str, fmt: str) -> str:
    if fmt == "text":
        return article.to_text() + "\n"
    import json

    record = {"id": doc_id, **article.to_dict()}
    return json.dumps(record, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv``; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    failed = 0
    for name in args.inputs:
        try:
            data = _read(name)
        except OSError as exc:
            print(f"copydesk: cannot read {name}: {exc.strerror or exc}", file=sys.stderr)
            failed += 1
            continue
        sys.stdout.write(_format(clean_article(data), name, args.format))
    return 1 if failed else 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
