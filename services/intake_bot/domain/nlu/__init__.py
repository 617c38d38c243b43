"""The intake bot's language understanding (NLU contract v1, ``docs/sources/nlu/SPEC.md``).

``load_understanding()`` returns the process's ``Understanding``; its ``parse(text, expecting)``
returns a ``Parse`` (``services.intake_bot.domain.understanding``).
"""

from .understand import Understanding, load_understanding

__all__ = ["Understanding", "load_understanding"]
