"""Pure notifier rules: what a resident is told about a determination, an outreach suggestion
or a caseworker's request for more information, in the chat and by text message. No I/O here."""

from services.notifier.domain.notice import (
    Notice,
    render_information_request,
    render_notice,
    render_outreach,
)

__all__ = ["Notice", "render_information_request", "render_notice", "render_outreach"]
