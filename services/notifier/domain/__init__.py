"""Pure notifier rules: what a resident is told about a determination. No I/O here."""

from services.notifier.domain.notice import Notice, render_notice

__all__ = ["Notice", "render_notice"]
