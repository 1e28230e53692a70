"""The CLI's --engine options: what a cluster run refuses before it starts one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.cli import main

from .strategies_learn import SCOPED_RULES, SCOPED_TEXT


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "parquet", "-o", "x.parquet"], "--format parquet needs --engine"),
        (["--engine", "ray"], "give --output-dir DIR"),
        (["--engine", "dask", "--output-dir", "{out}", "--format", "json"], "parquet or jsonl"),
        (
            ["--engine", "dask", "--output-dir", "{out}", "--resume"],
            "--resume works with the local",
        ),
        (["--engine", "ray", "--output-dir", "{full}"], "is not empty"),
        (["--address", "tcp://nowhere:1", "--output-dir", "{out}"], "--address needs --engine"),
    ],
)
def test_unusable_engine_options_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """Each bad combination is exit code 2 and one line naming the fix, before any engine starts."""
    doc = tmp_path / "a.jsonl"
    doc.write_text('{"id": 1, "text": "Some text."}\n', "utf-8")
    full = tmp_path / "full"
    full.mkdir()
    (full / "old.parquet").write_bytes(b"")
    argv = [a.format(out=tmp_path / "out", full=full) for a in argv]
    assert main(["clean", str(doc), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_stdin_and_mixed_inputs_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An engine run reads files its workers can reach: not '-', and not Parquet mixed with JSONL."""
    (tmp_path / "a.jsonl").write_text("{}\n", "utf-8")
    (tmp_path / "b.parquet").write_bytes(b"")
    out = str(tmp_path / "out")
    assert main(["clean", "-", "--engine", "dask", "--output-dir", out]) == 2
    assert "not '-'" in capsys.readouterr().err
    assert main(["clean", str(tmp_path), "--engine", "dask", "--output-dir", out]) == 2
    assert "not both" in capsys.readouterr().err


def test_local_engine_is_the_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--engine local is what a plain run does (negative case: no cluster, same output)."""
    doc = tmp_path / "a.jsonl"
    doc.write_text('{"id": 1, "text": "Rain expected\\n\\nHeavy rain on Sunday."}\n', "utf-8")
    assert main(["clean", str(doc), "-q"]) == 0
    plain = capsys.readouterr().out
    assert main(["clean", str(doc), "-q", "--engine", "local"]) == 0
    assert capsys.readouterr().out == plain


def test_engine_jobs_carry_the_site_field(tmp_path: Path) -> None:
    """`--site-field` reaches the engines' file tasks and Parquet batches: a rule scoped to
    one site fires on that site's records only."""
    from copydesk._engines import Job

    rules, text = SCOPED_RULES, SCOPED_TEXT
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(
            json.dumps({"id": i, "text": text, "site": site}) + "\n"
            for i, site in enumerate(["a.example", "b.example"])
        ),
        "utf-8",
    )
    job = Job(inputs=(str(src),), output_dir=str(tmp_path / "out"), rules=rules, site_field="site")
    rows = [row for chunk in job.file_cleaner().rows(str(src), "jsonl") for row in chunk]
    assert ["tip line" in row["body"] for row in rows] == [False, True]
    assert job.clean_kwargs()["site_column"] == "site"
