"""Tests of the copydesk command, in-process through main(argv) and as a subprocess."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import copydesk
from copydesk import DEFAULT
from copydesk.cli import build_parser, main

from .strategies_batch import make_doc, write_jsonl

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample_article.txt"


def _lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def _docs(tmp_path: Path, n: int = 3) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for i in range(n):
        (folder / ("sub" if i % 2 else "") / f"d{i}.txt").write_text(make_doc(i), "utf-8")
    return folder


# -- clean ------------------------------------------------------------------------------


def test_clean_writes_one_jsonl_record_per_document(tmp_path: Path, capsys) -> None:
    """clean DIR prints one record per file, in sorted order, with the Article inside."""
    folder = _docs(tmp_path)
    assert main(["clean", str(folder), "-q"]) == 0
    out = _lines(capsys.readouterr().out)
    assert [r["id"] for r in out] == [str(folder / n) for n in ("d0.txt", "d2.txt", "sub/d1.txt")]
    assert all(r["article"]["body"] for r in out)


def test_missing_input_is_an_error_record_and_exit_1(tmp_path: Path, capsys) -> None:
    """An unreadable input yields an error record, the others are cleaned, exit code 1."""
    assert main(["clean", str(SAMPLE), str(tmp_path / "nope.txt"), "--jobs", "1"]) == 1
    captured = capsys.readouterr()
    out = _lines(captured.out)
    assert out[1]["error"]["type"] == "FileNotFoundError"
    assert "article" in out[0]
    assert "1 error in" in captured.err
    assert "Traceback" not in captured.err


def test_jsonl_input_carries_fields(tmp_path: Path, capsys) -> None:
    """JSONL records keep their other fields; malformed lines become error records."""
    path = tmp_path / "dump.jsonl"
    ids = write_jsonl(path, 3)
    with path.open("a") as f:
        f.write("{broken\n")
    assert main(["clean", str(path), "-q"]) == 1
    out = _lines(capsys.readouterr().out)
    assert [r["id"] for r in out] == [*ids, f"{path}:4"]
    assert out[0]["url"] == "https://news.example/0"
    assert out[3]["error"]["type"] == "JSONDecodeError"


def test_stdin_is_read_with_dash(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """'-' reads one document from stdin."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(make_doc(5).encode())))
    assert main(["clean", "-", "-q", "--format", "text"]) == 0
    assert "The meeting, number 5" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("json", lambda out: [r["id"] for r in json.loads(out)] == ["A", "B"]),
        ("text", lambda out: out.count("==> ") == 2 and '"article"' not in out),
        ("jsonl", lambda out: len(out.splitlines()) == 2),
    ],
)
def test_output_formats(tmp_path: Path, capsys, fmt: str, check) -> None:
    """--format json is one array, text is title and body with headers, jsonl one line each."""
    path = tmp_path / "two.jsonl"
    path.write_text(
        "".join(json.dumps({"id": k, "text": make_doc(i)}) + "\n" for i, k in enumerate("AB")),
        "utf-8",
    )
    assert main(["clean", str(path), "-q", "--format", fmt]) == 0
    assert check(capsys.readouterr().out)


def test_output_dir_mirrors_the_tree(tmp_path: Path) -> None:
    """--output-dir writes one cleaned file per input at the same relative path."""
    folder = _docs(tmp_path)
    out = tmp_path / "out"
    assert main(["clean", str(folder), "--output-dir", str(out), "--format", "text", "-q"]) == 0
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert files == ["d0.txt", "d2.txt", "sub/d1.txt"]
    assert "Councillors in" in (out / "sub" / "d1.txt").read_text("utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--skip", "no.such.step"], "valid names: repair.mojibake"),
        (["--resume"], "--resume needs --output FILE"),
        (["-o", "x.jsonl", "--output-dir", "d"], "either --output or --output-dir"),
        (["-o", "x.json", "--format", "json", "--resume"], "needs --format jsonl"),
        (["--jobs", "0"], "at least 1"),
        (["--max-bytes", "lots"], "is not a size"),
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, argv: list[str], message: str
) -> None:
    """Bad options exit 2 with a one-line message, no traceback."""
    monkeypatch.chdir(tmp_path)
    assert main(["clean", str(SAMPLE), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_skip_removes_the_step(capsys) -> None:
    """--skip switches a step off (its rule vanishes from the ledger)."""
    assert main(["clean", str(SAMPLE), "-q"]) == 0
    assert "tidy.glued_sentences" in capsys.readouterr().out
    assert main(["clean", str(SAMPLE), "-q", "--skip", "tidy.glued_sentences"]) == 0
    assert "tidy.glued_sentences" not in capsys.readouterr().out


@pytest.mark.parametrize(("size", "code"), [("100", 1), ("20MB", 0)])
def test_max_bytes(capsys, size: str, code: int) -> None:
    """--max-bytes turns larger documents into InputTooLarge error records."""
    assert main(["clean", str(SAMPLE), "-q", "--max-bytes", size]) == code
    assert ("InputTooLarge" in capsys.readouterr().out) == (code == 1)


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """The bar appears when stderr is a TTY, and never with --quiet."""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["clean", str(SAMPLE)]) == 0
    assert "docs/s" in capsys.readouterr().err
    assert main(["clean", str(SAMPLE), "-q"]) == 0
    assert capsys.readouterr().err == ""


def test_resume_completes_a_cut_output(tmp_path: Path, capsys) -> None:
    """--resume cuts a partial line, skips finished ids and writes the rest exactly once."""
    path = tmp_path / "in.jsonl"
    ids = write_jsonl(path, 30)
    full, out = tmp_path / "full.jsonl", tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-q", "-o", str(full)]) == 0
    data = full.read_bytes()
    cut = data.index(b"\n", len(data) // 2) + 40  # ten-odd records and a partial one
    out.write_bytes(data[:cut])
    assert main(["clean", str(path), "-q", "-o", str(out), "--resume"]) == 0
    assert [r["id"] for r in _lines(out.read_text("utf-8"))] == ids
    assert out.read_bytes() == data


def test_resume_into_an_output_dir_skips_done_files(tmp_path: Path) -> None:
    """With --output-dir, --resume leaves finished files alone and writes the missing ones."""
    folder = _docs(tmp_path)
    out = tmp_path / "out"
    assert main(["clean", str(folder), "--output-dir", str(out), "-q"]) == 0
    (out / "d2.txt.json").unlink()
    (out / "d0.txt.json").write_text("kept", "utf-8")
    assert main(["clean", str(folder), "--output-dir", str(out), "-q", "--resume"]) == 0
    assert (out / "d0.txt.json").read_text("utf-8") == "kept"
    assert json.loads((out / "d2.txt.json").read_text("utf-8"))["id"] == str(folder / "d2.txt")


# -- what a newcomer meets (issue 16) ----------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize("where", ["nope.txt", "no/such/dir", "*.nothing"])
def test_learn_on_a_missing_input_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, where: str
) -> None:
    """learn on a path that does not exist exits 2 naming it, and writes no rules file."""
    monkeypatch.chdir(tmp_path)
    assert main(["learn", where, "-o", "learned.toml"]) == 2
    assert capsys.readouterr().err == f"copydesk: {where}: no such file\n"
    assert not (tmp_path / "learned.toml").exists()


def test_learn_on_an_existing_input_still_learns(tmp_path: Path, capsys) -> None:
    """Negative case: an existing input is learned from (exit 0, a rules file written)."""
    folder = _docs(tmp_path)
    assert main(["learn", str(folder), "-o", str(tmp_path / "r.toml"), "-q"]) == 0
    assert (tmp_path / "r.toml").exists()


def test_explain_refuses_binary_as_clean_does(tmp_path: Path, capsys) -> None:
    """explain on a binary file fails with the message clean gives it, and prints no page."""
    path = tmp_path / "some.bin"
    path.write_bytes(bytes(range(256)) * 8)
    assert main(["explain", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        captured.err == f"copydesk: {path}: the file holds NUL bytes: it looks binary, not text\n"
    )
    assert main(["clean", str(path), "-q"]) == 1
    assert "it looks binary" in capsys.readouterr().out


def test_explain_reads_utf16_with_nul_bytes(tmp_path: Path, capsys) -> None:
    """Negative case: UTF-16 text (NUL bytes after a BOM) is text, and explain shows it."""
    path = tmp_path / "wide.txt"
    path.write_bytes("Storm closes port\n\nThe port closed on Monday.".encode("utf-16"))
    assert main(["explain", str(path)]) == 0
    assert "utf-16" in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["jsonl", "text"])
def test_clean_on_a_missing_file_says_so_in_one_plain_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, fmt: str
) -> None:
    """clean nope.txt prints "copydesk: nope.txt: no such file" on stderr and exits non-zero,
    in every output format; the error record is still written for the machine."""
    monkeypatch.chdir(tmp_path)
    assert main(["clean", "nope.txt", "--format", fmt]) == 1
    captured = capsys.readouterr()
    err = captured.err.splitlines()
    assert err[0] == "copydesk: nope.txt: no such file"
    assert err.count("copydesk: nope.txt: no such file") == 1
    assert "docs/s" not in captured.err
    if fmt == "jsonl":
        assert _lines(captured.out)[0]["error"]["type"] == "FileNotFoundError"


def test_jsonl_on_stdin_is_read_as_jsonl_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """JSONL piped to 'clean -' gives one record per line, with the line's id, and one note
    naming --input-format on stderr."""
    path = tmp_path / "x.jsonl"
    ids = write_jsonl(path, 3)
    _stdin(monkeypatch, path.read_bytes())
    assert main(["clean", "-"]) == 0
    captured = capsys.readouterr()
    assert [r["id"] for r in _lines(captured.out)] == ids
    assert captured.err.count("--input-format") == 1
    _stdin(monkeypatch, path.read_bytes())
    assert main(["clean", "-", "--input-format", "text", "-q"]) == 0
    captured = capsys.readouterr()
    assert [r["id"] for r in _lines(captured.out)] == ["<stdin>"]
    assert captured.err == ""


def test_plain_text_on_stdin_is_one_document_without_a_note(
    monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """Negative case: text whose first line is not a JSON object stays one document."""
    _stdin(monkeypatch, b"{Update} Storm closes port\n\n" + make_doc(1).encode())
    assert main(["clean", "-"]) == 0
    captured = capsys.readouterr()
    assert [r["id"] for r in _lines(captured.out)] == ["<stdin>"]
    assert "--input-format" not in captured.err


def test_a_text_field_of_another_type_is_named(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """{"text": 123} is an error record saying that the field is an int."""
    _stdin(monkeypatch, b'{"id": "n", "text": 123}\n')
    assert main(["clean", "-", "-q"]) == 1
    (record,) = _lines(capsys.readouterr().out)
    assert record["id"] == "n"
    assert record["error"]["message"] == "field 'text' is an int, not a string"


def test_oversize_jsonl_record_keeps_its_id(tmp_path: Path, capsys) -> None:
    """A JSONL record over --max-bytes is an error record with its own id, not PATH:LINE."""
    path = tmp_path / "huge.jsonl"
    path.write_text(
        json.dumps({"id": "small", "text": "Short."}) + "\n"
        + json.dumps({"text": "x" * 5000, "id": "huge-one"}) + "\n",
        "utf-8",
    )  # fmt: skip
    assert main(["clean", str(path), "--max-bytes", "1000", "-q"]) == 1
    out = _lines(capsys.readouterr().out)
    assert [r["id"] for r in out] == ["small", "huge-one"]
    assert out[1]["error"]["type"] == "InputTooLarge"


def test_truncated_documents_are_warned_once_and_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """A document cut to max_chars gives one warning on stderr however many are cut, and the
    summary counts them; an uncut run mentions no cut."""
    import copydesk.clean

    monkeypatch.setitem(copydesk.clean.clean_article.__kwdefaults__, "max_chars", 300)
    monkeypatch.setattr(copydesk.cli, "DEFAULT_MAX_CHARS", 300)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"d{i}.txt").write_text(make_doc(i) * 3, "utf-8")
    (folder / "short.txt").write_text("Short\n\nA short one.", "utf-8")
    assert main(["clean", str(folder), "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    assert [r["article"]["truncated"] for r in _lines(captured.out)] == [True, True, True, False]
    warnings = [line for line in captured.err.splitlines() if "cut to its first" in line]
    assert warnings == [
        f"copydesk: {folder / 'd0.txt'}: cut to its first 300 characters (the rest is the "
        "limit.max_chars ledger edit); later cuts are counted in the summary"
    ]
    assert "4 documents, 4 cleaned, 0 errors, 3 truncated in" in captured.err
    assert main(["clean", str(folder / "short.txt"), "--jobs", "1"]) == 0
    assert "cut" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "usage", "hint"),
    [
        (["explain", "a", "b"], "usage: copydesk explain", None),
        (["clean", "--fromat", "json", "x.txt"], "usage: copydesk clean", "--format"),
        (["clean", "x.txt", "--max-bites=10"], "usage: copydesk clean", "--max-bytes"),
        (["learn", "x.txt", "--min-dosc", "3"], "usage: copydesk learn", "--min-docs"),
        (["clean", "x.txt", "--zzzzzz"], "usage: copydesk clean", None),
    ],
)
def test_a_bad_argument_shows_the_subcommand_usage_and_a_close_match(
    capsys, argv: list[str], usage: str, hint: str | None
) -> None:
    """An unknown argument prints the subcommand's usage, not the top-level one, and names
    the option that was probably meant (none when nothing is close)."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(usage)
    assert "COMMAND ..." not in err
    if hint is None:
        assert "did you mean" not in err
    else:
        assert f"(did you mean {hint}?)" in err


def test_summary_of_a_quick_run_has_no_rates_and_says_1_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """A run shorter than a second shows no docs/s or MB/s; one error is "1 error"."""
    monkeypatch.chdir(tmp_path)
    assert main(["clean", str(SAMPLE), "nope.txt"]) == 1
    (summary,) = [
        line for line in capsys.readouterr().err.splitlines() if line.startswith("copydesk: 2 ")
    ]
    assert re.fullmatch(r"copydesk: 2 documents, 1 cleaned, 1 error in \d+\.\d s", summary)


# -- explain, steps, version ------------------------------------------------------------


def test_explain_shows_rules_without_colour_when_piped(capsys) -> None:
    """explain lists each edit with its rule; no ANSI codes when stdout is not a TTY."""
    assert main(["explain", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "[tidy.glued_sentences]" in out
    assert "\x1b[" not in out
    assert main(["explain", str(SAMPLE), "--color", "always"]) == 0
    assert "\x1b[" in capsys.readouterr().out


def test_explain_missing_file_exits_2(tmp_path: Path, capsys) -> None:
    """explain on a missing file is a usage error with one line."""
    assert main(["explain", str(tmp_path / "none.txt")]) == 2
    assert capsys.readouterr().err.startswith("copydesk: cannot read")


def test_steps_lists_every_step_and_rule(capsys) -> None:
    """steps prints DEFAULT.names in order, and every rule name."""
    assert main(["steps"]) == 0
    out = capsys.readouterr().out.split()
    assert [n for n in out if n in DEFAULT.names] == list(DEFAULT.names)
    assert set(DEFAULT.rule_names) <= set(out)


@pytest.mark.parametrize(("argv", "code"), [(["--version"], 0), ([], 2), (["bogus"], 2)])
def test_version_and_bad_commands(capsys, argv: list[str], code: int) -> None:
    """--version exits 0 with the version; no command or a bad one exits 2."""
    assert main(argv) == code
    if code == 0:
        assert copydesk.__version__ in capsys.readouterr().out


def test_rules_file_is_loaded(tmp_path: Path, capsys) -> None:
    """--rules FILE applies a user rule (named in the ledger); a malformed file exits 2."""
    bad = tmp_path / "bad.toml"
    bad.write_text("this is [not toml", "utf-8")
    assert main(["clean", str(SAMPLE), "-q", "--rules", str(bad)]) == 2
    assert "--rules" in capsys.readouterr().err
    house = tmp_path / "house.toml"
    house.write_text(
        '[[rule]]\nname = "house_ferry_line"\ncategory = "promo"\n'
        "patterns = ['the service will now be run by .{0,200}']\nmatch = \"line\"\n"
        "max_chars = 400\n",
        "utf-8",
    )
    assert main(["clean", str(SAMPLE), "-q"]) == 0
    plain = json.loads(capsys.readouterr().out)["article"]
    assert main(["clean", str(SAMPLE), "-q", "--rules", str(house)]) == 0
    ruled = json.loads(capsys.readouterr().out)["article"]
    assert any(p.startswith("The service will now") for p in plain["paragraphs"])
    assert not any(p.startswith("The service will now") for p in ruled["paragraphs"])
    assert "strip.house_ferry_line" in {e["rule"] for e in ruled["edits"]}


# -- documentation ----------------------------------------------------------------------


def _parsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    found = {"copydesk": parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


def test_every_command_and_option_is_documented() -> None:
    """docs/cli.md names every command and every option of the real parsers."""
    doc = (ROOT / "docs" / "cli.md").read_text("utf-8")
    parsers = _parsers()
    assert {"clean", "explain", "steps"} <= set(parsers)
    for name, parser in parsers.items():
        if name != "copydesk":
            assert f"`copydesk {name}" in doc, name
        for action in parser._actions:
            for option in action.option_strings:
                assert re.search(rf"`{re.escape(option)}[ `]", doc), f"{name} {option}"


# -- the real command, as a subprocess --------------------------------------------------

PKG_PATH = str(Path(copydesk.__file__).resolve().parent.parent)


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "copydesk", *args]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [PKG_PATH, env.get("PYTHONPATH")]))
    env.pop("NO_COLOR", None)
    return env


def test_command_runs_as_a_subprocess() -> None:
    """python -m copydesk cleans the bundled example with exit code 0."""
    proc = subprocess.run(
        _command("clean", str(SAMPLE), "--format", "text"),
        capture_output=True, text=True, env=_env(), timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "The service will now be run by a cooperative" in proc.stdout
    assert "1 document, 1 cleaned, 0 errors" in proc.stderr


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """Closing the reading end (like `| head`) stops the run without a traceback."""
    path = tmp_path / "many.jsonl"
    write_jsonl(path, 3000)
    proc = subprocess.Popen(
        _command("clean", str(path), "--jobs", "1"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(),
    )  # fmt: skip
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert err == ""


def _start(args: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        _command(*args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env(),
        start_new_session=True,
    )  # fmt: skip


def _wait_for_lines(path: Path, n: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        time.sleep(0.01)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_interrupted_run_resumes_with_every_record_exactly_once(
    tmp_path: Path, sig: signal.Signals
) -> None:
    """A run killed (SIGKILL) or interrupted (Ctrl-C) mid-way and resumed has each id once."""
    path, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = write_jsonl(path, 1500)
    args = ["clean", str(path), "-o", str(out), "--jobs", "2", "--chunk-size", "16"]
    proc = _start(args)
    _wait_for_lines(out, 100, proc)
    os.killpg(proc.pid, sig)
    code = proc.wait(timeout=60)
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    done = out.read_bytes().count(b"\n")
    if done >= len(ids):
        pytest.skip("the run finished before it could be interrupted")
    if sig == signal.SIGINT:
        assert code == 130
        assert "interrupted after" in err
        assert "--resume" in err
        assert "Traceback" not in err
    resumed = subprocess.run(
        _command(*args, "--resume", "-q"), capture_output=True, env=_env(), timeout=120,
        check=False,
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    records = _lines(out.read_text("utf-8"))
    assert [r["id"] for r in records] == ids
    assert all("article" in r for r in records)
