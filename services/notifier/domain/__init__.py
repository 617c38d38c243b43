"""Pure notifier rules: what a resident is told about a determination or an outreach
suggestion, in the chat and by text message. No I/O here."""

from services.notifier.domain.notice import Notice, render_notice, render_outreach

__all__ = ["Notice", "render_notice", "render_outreach"]
