"""The caseworker console (issue 6): queues of review tasks, handoffs from the chat and
preliminary determinations awaiting confirmation, worked against the legal time limits.

The rules live in ``services.console.domain`` (pure, no I/O); adapters and the web layer build on
its public API.
"""
