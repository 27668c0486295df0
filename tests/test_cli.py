"""The command line: exit codes and messages for user mistakes, and a real run (slow)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("args, message", [
    (["run", "no/such/dir"], "Error: No such file or directory: no/such/dir"),
    (["run", "seeds", "--date", "2021-13-01"], "is not a calendar date (month must be in 1..12)"),
    (["run", "seeds", "--date", "2021-02-29"], "is not a calendar date (day is out of range for month)"),
    (["run", "seeds", "--date", "yesterday"], "is not a date in the form YYYY-MM-DD"),
    (["run", "seeds", "--workers", "0"], "Invalid value for '--workers'"),
    (["run", "--bogus"], "No such option"),
])
def test_user_mistakes_exit_2_with_one_message(args, message):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_no_model_offline_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("FAZHI_PKUSEG_MODEL", str(tmp_path / "not-a-model"))
    result = CliRunner().invoke(cli, ["run", str(ROOT / "seeds"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "is not a pkuseg model directory" in result.output
    assert not (tmp_path / "out" / "documents").exists()


def test_offline_without_cache_says_how_to_fix(tmp_path, monkeypatch):
    from pipeline.errors import ModelError
    from pipeline.nlp.models import resolve_pkuseg_model

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("FAZHI_PKUSEG_MODEL", raising=False)
    with pytest.raises(ModelError, match="fazhi models fetch"):
        resolve_pkuseg_model(fetch=False)


def test_bad_wheel_is_refused(tmp_path):
    from pipeline.errors import ModelError
    from pipeline.nlp.models import fetch_pkuseg_model

    wheel = tmp_path / "pkuseg-0.0.25-cp37-cp37m-manylinux1_x86_64.whl"
    wheel.write_bytes(b"not a wheel")
    with pytest.raises(ModelError, match="refusing to use it"):
        fetch_pkuseg_model(tmp_path / "model", wheel=wheel)
    assert not (tmp_path / "model").exists()


def test_every_command_has_help_with_an_example():
    from click import Group

    def walk(group, prefix):
        for name, command in group.commands.items():
            yield prefix + [name], command
            if isinstance(command, Group):
                yield from walk(command, prefix + [name])

    for path, command in walk(cli, []):
        result = CliRunner().invoke(cli, path + ["--help"])
        assert result.exit_code == 0, path
        assert "Example" in result.output, path


def _fazhi(*args, cwd=ROOT, env=None):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, **(env or {})})


@pytest.mark.slow
def test_run_summary_and_exit_codes(tmp_path, nlp):
    good = tmp_path / "in"
    good.mkdir()
    (good / "page.txt").write_text((ROOT / "seeds" / "000_151922b201effb69.txt").read_text("utf-8"), "utf-8")
    done = _fazhi("run", str(good), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith("1 documents, 9 articles,")
    assert "0 quarantined" in done.stdout
    (good / "empty.txt").write_bytes(b"")
    done = _fazhi("run", str(good), "--out", str(tmp_path / "out"), "--quiet")
    assert done.returncode == 0 and done.stdout == ""
    done = _fazhi("run", str(good), "--out", str(tmp_path / "out"), "--strict")
    assert done.returncode == 1
    assert "1 quarantined" in done.stdout
    info = json.loads((tmp_path / "out" / "run.json").read_text())
    for stage, counts in info["stages"].items():
        if {"in", "out", "quarantined"} <= counts.keys() and stage not in ("write",):
            assert counts["in"] == counts["out"] + counts["quarantined"], stage
