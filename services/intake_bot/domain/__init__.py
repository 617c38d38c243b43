"""Pure intake rules (no I/O): reference numbers now; understanding and dialog follow."""

from services.intake_bot.domain.reference import reference_number

__all__ = ["reference_number"]
