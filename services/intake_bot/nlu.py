"""The NLU batch interface (contract v1): JSON Lines of messages in, one parse per line out.

    .venv/bin/python -m services.intake_bot.nlu < in.jsonl > out.jsonl

Each input line is ``{"text": "…", "expecting": "<slot> | confirm"}`` (``expecting``
optional); each output line is ``{"intent": "…", "slots": {…}}``, in input order. Blank lines
are not inputs and get no answer (as in the eligibility batch CLI). A line that is not a JSON
object with a string ``text`` is still answered, so the output stays aligned with the input:
``{"intent": "out_of_scope", "slots": {}, "error": "invalid_json" | "invalid_input"}``. An
``expecting`` the contract does not know is ignored. The exit status is 0.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from services.intake_bot.domain.nlu import Understanding, load_understanding


def answer(line: str, understanding: Understanding) -> dict[str, Any]:
    """The output object for one input line (never raises for bad input)."""
    try:
        payload = json.loads(line)
    except json.JSONDecodeError:
        return _unreadable("invalid_json")
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
        return _unreadable("invalid_input")
    expecting = payload.get("expecting")
    parse = understanding.parse(payload["text"], expecting if isinstance(expecting, str) else None)
    return parse.to_dict()


def _unreadable(code: str) -> dict[str, Any]:
    return {"intent": "out_of_scope", "slots": {}, "error": code}


def run(lines: Iterable[str], out: TextIO, understanding: Understanding) -> int:
    """Answer every non-blank line; return how many were answered."""
    answered = 0
    for line in lines:
        if not line.strip():
            continue
        out.write(json.dumps(answer(line, understanding), ensure_ascii=False) + "\n")
        answered += 1
    return answered


def main(stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    run(stdin, stdout, load_understanding())
    stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
