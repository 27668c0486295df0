"""The README stays true: every command is documented, and its loading lines run."""

from __future__ import annotations

import re

import pytest
from click import Group

from pipeline.cli import cli
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: Group, prefix: list[str]):
    for name, command in group.commands.items():
        if isinstance(command, Group):
            yield from _commands(command, prefix + [name])
        else:
            yield " ".join(prefix + [name])


@pytest.mark.parametrize("command", sorted(_commands(cli, ["fazhi"])))
def test_every_command_appears_in_the_readme(command):
    assert command in README, f"`{command}` is not documented in README.md"


def test_quick_start_is_two_make_commands():
    block = README.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make run", "make test"]


def _loader_lines() -> list[str]:
    block = README.split("### Loading the tables", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    return [line for line in block.strip().splitlines() if line.strip()]


@pytest.mark.slow
def test_readme_loading_lines_read_the_metrics(seed_outputs, monkeypatch):
    monkeypatch.chdir(seed_outputs.parent)
    lines = _loader_lines()
    assert len(lines) == 3
    for line in lines:
        code = line.replace("outputs/", f"{seed_outputs.name}/")
        scope: dict = {}
        exec(code, scope)
        assert len(scope["metrics"]) > 0, line


@pytest.mark.slow
def test_readme_money_per_place_query_counts_each_statistic_once(seed_outputs, monkeypatch):
    """The README's analysis on facts runs on the seed run, and 肇庆's 1075万元, stated in the
    lead and again in the body, is added once (two facts of three rows)."""
    import duckdb

    monkeypatch.chdir(seed_outputs.parent)
    section = README.split("### An example analysis", 1)[1]
    query = section.split('duckdb.sql("""', 1)[1].split('""")', 1)[0]
    rows = duckdb.sql(query.replace("outputs/", f"{seed_outputs.name}/")).fetchall()
    by_place = {place: (wan_yuan, facts, stated) for place, _, wan_yuan, facts, stated in rows}
    assert by_place["广东省肇庆市"] == (1389.1, 2, 3)


def test_readme_names_every_table():
    for table in ("documents", "articles", "sentences", "entities", "metrics", "quarantine", "facts"):
        assert re.search(rf"### `{table}`|### {table}\b", README), table
