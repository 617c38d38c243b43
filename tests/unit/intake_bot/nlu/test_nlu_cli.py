"""The batch CLI as the benchmark runs it: a subprocess, JSON Lines in and out."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from services.intake_bot import nlu as cli
from services.intake_bot.domain.nlu import Understanding

ROOT = Path(__file__).resolve().parents[4]


def _run_cli(stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "services.intake_bot.nlu"],
        input=stdin, capture_output=True, text=True, cwd=ROOT, check=False, timeout=120,
    )  # fmt: skip


def test_the_cli_answers_every_line_in_order() -> None:
    lines = [
        {"text": "早上好"},
        {"text": "我想办低保"},
        {"text": "两千", "expecting": "monthly_income"},
        {"text": "是", "expecting": "confirm"},
        {"text": "身份证号 500236 19480315 7890"},
    ]
    done = _run_cli("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
    assert done.returncode == 0
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert out == [
        {"intent": "greet", "slots": {}},
        {"intent": "apply", "slots": {"program": "dibao"}},
        {"intent": "inform", "slots": {"monthly_income": 2000.0}},
        {"intent": "affirm", "slots": {}},
        {"intent": "inform", "slots": {"id_number": "500236194803157890"}},
    ]
    assert done.stderr == ""


def test_the_cli_skips_blank_lines_and_answers_unreadable_ones() -> None:
    stdin = '{"text": "你好"}\n\n   \nnot json\n[1, 2]\n{"text": 5}\n{"text": "谢谢"}\n'
    done = _run_cli(stdin)
    assert done.returncode == 0
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["intent"] for o in out] == [
        "greet", "out_of_scope", "out_of_scope", "out_of_scope", "thanks",
    ]  # fmt: skip
    assert [o.get("error") for o in out] == [
        None, "invalid_json", "invalid_input", "invalid_input", None,
    ]  # fmt: skip


def test_the_cli_writes_chinese_as_utf8_not_escapes(nlu: Understanding) -> None:
    out = io.StringIO()
    assert cli.run(['{"text": "我叫赵永福"}\n'], out, nlu) == 1
    assert "赵永福" in out.getvalue()


def test_an_expecting_that_is_not_a_string_is_ignored(nlu: Understanding) -> None:
    answered = cli.answer('{"text": "两千", "expecting": 3}', nlu)
    assert answered == {"intent": "out_of_scope", "slots": {}}
