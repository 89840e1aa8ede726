"""The README's Quick start commands are the ones CI runs, and they don't fight over one folder.

CI (.ci/run) must run the README's test command word for word, so a reader who copies it gets
everything the tests need (axe-core included) and the run CI trusts; and the serve and test
commands keep separate virtualenvs, both ignored by git.
"""
from __future__ import annotations

import re
import tomllib

from tests.support import ROOT

README = (ROOT / "README.md").read_text("utf-8")
CI = (ROOT / ".ci" / "run").read_text("utf-8")


def quick_start() -> tuple[str, str]:
    """(serve command, test command): the first two sh blocks under "## Quick start"."""
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)\n```", section, re.S)
    assert len(blocks) >= 2, "Quick start should show the serve command, then the test command"
    return blocks[0].strip(), blocks[1].strip()


def venv_of(command: str) -> str:
    made = re.search(r"python3 -m venv (\S+)", command)
    assert made, command
    assert f". {made[1]}/bin/activate" in command, f"{command} should activate the virtualenv it makes"
    return made[1]


def test_ci_runs_the_readme_test_command_for_both_backends() -> None:
    _, test_command = quick_start()
    assigned = re.findall(r"^TEST_COMMAND='([^'\n]*)'$", CI, re.M)
    assert assigned == [test_command], "TEST_COMMAND in .ci/run must be the README's test command"
    runs = re.findall(r'sh -c "\$TEST_COMMAND"', CI)
    assert len(runs) == 2, "one run on SQLite, one on PostgreSQL + Redis"
    outside = "\n".join(line for line in CI.splitlines() if not line.startswith(("TEST_COMMAND=", "#")))
    for step in ("pytest ", "pip install", "npm install", "venv"):
        assert step not in outside, f".ci/run does '{step}' outside the README's command"


def test_the_test_command_installs_what_the_tests_need() -> None:
    _, test_command = quick_start()
    assert 'pip install -e ".[test]"' in test_command
    assert re.search(r"npm install [^&]*axe-core", test_command), "the accessibility tests need axe-core"
    assert "--prefix ." in test_command  # into ./node_modules, where the accessibility test looks
    accessibility = (ROOT / "tests" / "e2e" / "test_accessibility.py").read_text("utf-8")
    assert '"node_modules/axe-core/axe.min.js"' in accessibility
    assert test_command.endswith("python -m pytest")


def test_serve_and_test_commands_use_separate_ignored_virtualenvs() -> None:
    serve, test_command = quick_start()
    serve_venv, test_venv = venv_of(serve), venv_of(test_command)
    assert serve_venv != test_venv
    ignored = set((ROOT / ".gitignore").read_text("utf-8").split())
    for folder in (serve_venv, test_venv, "node_modules"):
        assert {f"{folder}/", f"/{folder}/"} & ignored, f"{folder}/ should be in .gitignore"


def test_the_test_command_runs_the_lint_and_type_gates_before_the_tests() -> None:
    _, test_command = quick_start()
    steps = [step.strip() for step in test_command.split("&&")]
    assert "ruff check ." in steps, "the ruff gate (rules in pyproject.toml) must run in CI"
    assert "mypy" in steps, "the mypy --strict gate (configured in pyproject.toml) must run in CI"
    assert steps.index("ruff check .") < steps.index("python -m pytest")
    assert steps.index("mypy") < steps.index("python -m pytest")
    assert steps.index('pip install -e ".[test]"') < steps.index("ruff check ."), "the gates' tools come from the test extra"


def test_the_gates_keep_the_rules_issue_12_asked_for() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]
    assert {"ARG", "RUF", "SIM", "PT", "ASYNC", "C90"} <= set(config["ruff"]["lint"]["select"])
    assert config["ruff"]["lint"]["mccabe"]["max-complexity"] == 12
    assert config["mypy"]["strict"] is True
    assert set(config["mypy"]["files"]) == {"server", "moderation"}
