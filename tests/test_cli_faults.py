"""Injected faults at the CLI: every input is accounted for once, and no fault ends in a traceback."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from copydesk.cli import main

PROSE = "The harbour reopened on {n}, officials said, after the storm passed the coast."


def _records(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def test_empty_blank_binary_and_good_files_each_give_one_record(tmp_path: Path, capsys) -> None:
    """Empty and blank files give empty articles, a binary file an error record, in input order."""
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_blank.txt").write_bytes(b"  \n\r\n\t\n")
    (tmp_path / "c_binary.dat").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "d_good.txt").write_text(PROSE.format(n="Monday"), "utf-8")
    assert main(["clean", str(tmp_path), "-q"]) == 1
    records = _records(capsys.readouterr().out)
    ids = [str(r["id"]) for r in records]
    assert ids == [
        str(tmp_path / n) for n in ("a_empty.txt", "b_blank.txt", "c_binary.dat", "d_good.txt")
    ]
    assert records[0]["article"]["body"] == ""  # type: ignore[index]
    assert records[1]["article"]["body"] == ""  # type: ignore[index]
    assert records[2]["error"]["type"] == "BinaryInput"  # type: ignore[index]
    assert records[3]["article"]["body"].startswith("The harbour")  # type: ignore[index]


def test_malformed_jsonl_lines_are_error_records(tmp_path: Path, capsys) -> None:
    """Broken JSON, a non-object and a record without text each cost one error record."""
    src = tmp_path / "docs.jsonl.gz"
    lines = [
        json.dumps({"id": "ok1", "text": PROSE.format(n="Monday")}),
        '{"id": "broken", "text": ',
        "[1, 2, 3]",
        json.dumps({"id": "notext", "body": "x"}),
        json.dumps({"id": "ok2", "text": PROSE.format(n="Tuesday")}),
    ]
    src.write_bytes(gzip.compress("\n".join(lines).encode()))
    assert main(["clean", str(src), "-q", "--jobs", "1"]) == 1
    records = _records(capsys.readouterr().out)
    assert len(records) == len(lines)
    assert [("error" in r) for r in records] == [False, True, True, True, False]


def test_a_directory_of_thousands_of_files(tmp_path: Path, capsys) -> None:
    """3,000 files in nested folders come out once each, in sorted path order."""
    names = []
    for n in range(3000):
        folder = tmp_path / f"d{n % 7}"
        folder.mkdir(exist_ok=True)
        path = folder / f"{n:05d}.txt"
        path.write_text(PROSE.format(n=f"day {n}"), "utf-8")
        names.append(str(path))
    assert main(["clean", str(tmp_path), "-q", "--jobs", "2", "--format", "jsonl"]) == 0
    ids = [r["id"] for r in _records(capsys.readouterr().out)]
    assert ids == sorted(names)


def test_disk_full_is_one_clean_line(tmp_path: Path, capsys) -> None:
    """Writing to a full disk (/dev/full) exits 1 with one line naming the output; no traceback."""
    if not os.path.exists("/dev/full"):
        pytest.skip("this system has no /dev/full to simulate a full disk")
    (tmp_path / "a.txt").write_text(PROSE.format(n="Monday"), "utf-8")
    assert main(["clean", str(tmp_path / "a.txt"), "-q", "-o", "/dev/full"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("copydesk: cannot write /dev/full: No space left on device")
    assert "Traceback" not in err


@pytest.mark.parametrize("option", ["-o", "--output-dir"])
def test_unwritable_output_path_is_one_clean_line(tmp_path: Path, capsys, option: str) -> None:
    """An output path under a plain file is refused with one line, exit 1 or 2, no traceback."""
    blocker = tmp_path / "a.txt"
    blocker.write_text(PROSE.format(n="Monday"), "utf-8")
    code = main(["clean", str(blocker), "-q", option, str(blocker / "out")])
    err = capsys.readouterr().err
    assert code in (1, 2)
    assert err.startswith("copydesk: cannot write")
    assert "Traceback" not in err


def test_unreadable_file_is_an_error_record(tmp_path: Path, capsys) -> None:
    """A file the process may not read is an error record and the run goes on."""
    if os.geteuid() == 0:
        pytest.skip("root reads any file: permissions cannot be tested as root")
    locked = tmp_path / "a_locked.txt"
    locked.write_text(PROSE.format(n="Monday"), "utf-8")
    locked.chmod(0)
    (tmp_path / "b_ok.txt").write_text(PROSE.format(n="Tuesday"), "utf-8")
    assert main(["clean", str(tmp_path), "-q"]) == 1
    records = _records(capsys.readouterr().out)
    assert "error" in records[0]
    assert "article" in records[1]


# The report of issue 17: a lone surrogate in a JSONL text or a carried field stopped the run.
SURROGATE_JSONL = (
    '{"id":"s","text":"lone \\ud800 here","note":"\\udcff"}\n'
    '{"id":"after","text":"ok","\\ud800":["\\udfff"]}\n'
    '{"id":"id \\udc80","text":"fine"}\n'
)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "text"])
def test_lone_surrogates_cost_no_record_in_any_format(tmp_path: Path, capsys, fmt: str) -> None:
    """Surrogates in a text, a carried field or an id: every record written, as UTF-8."""
    src = tmp_path / "s.jsonl"
    src.write_text(SURROGATE_JSONL, "utf-8")
    out = tmp_path / f"out.{fmt}"
    assert main(["clean", str(src), "-q", "-o", str(out), "--format", fmt]) == 0
    text = out.read_bytes().decode("utf-8")
    if fmt == "jsonl":
        records = [json.loads(line) for line in text.split("\n")[:-1]]
    elif fmt == "json":
        records = json.loads(text)
    else:
        assert text.count("==> ") == 3
        assert "==> id \\udc80 <==" in text
        return
    assert [r["id"] for r in records] == ["s", "after", "id \udc80"]
    assert records[0]["note"] == "\udcff"
    assert records[1]["\ud800"] == ["\udfff"]


def test_lone_surrogates_resume_and_output_dir(tmp_path: Path) -> None:
    """--resume over such an output redoes nothing; --output-dir leaves no temporary file."""
    src = tmp_path / "s.jsonl"
    src.write_text(SURROGATE_JSONL, "utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-q", "-o", str(out)]) == 0
    first = out.read_bytes()
    assert main(["clean", str(src), "-q", "-o", str(out), "--resume"]) == 0
    assert out.read_bytes() == first
    assert first.count(b"\n") == 3
    folder = tmp_path / "dir"
    assert main(["clean", str(src), "-q", "--output-dir", str(folder)]) == 0
    assert os.listdir(folder) == ["s.jsonl"]
    assert (folder / "s.jsonl").read_bytes() == first
