"""Everything the console domain raises on purpose. Each says what the caller should do::

    ConsoleError                    base: catch this to catch everything below
    ├── CalendarDataError           the holiday data is malformed: an operator fixes the file
    ├── InvalidTimestamp            a naive datetime or a timestamp without an offset was given:
    │                               a programming error (local dates need the offset)
    ├── InvalidCase(code, detail)   an event or a stored record cannot become a Case: dead-letter
    │                               or skip it (``detail`` never quotes personal data)
    ├── InvalidUser                 a user record breaks the role/district rules: fix the record
    ├── CaseStateError(case_id)     the transition does not fit the case's state: refresh the
    │   │                           queue and show the reason
    │   ├── CaseAlreadyClaimed      someone else holds it (``claimed_by``)
    │   ├── NotClaimedByYou         release or decide without holding the claim
    │   └── CaseClosed              decided or closed already: nothing more can happen to it
    ├── AccessDenied                the user may not see or act on this case (district, role)
    └── InvalidDecision(code)       the caseworker's decision cannot be built as given (unknown
                                    program, negative amount, empty reason …): show the form again

Errors carry machine ``code``s; the Chinese text shown for them is in ``catalogue``.
"""

from __future__ import annotations


class ConsoleError(Exception):
    """Base of every error raised by the console domain."""


class CalendarDataError(ConsoleError):
    """The working-day data (``holidays.yaml`` or a mapping like it) is malformed."""


class InvalidTimestamp(ConsoleError, ValueError):
    """A datetime without a UTC offset: the local date in Chongqing would be a guess."""


class InvalidCase(ConsoleError):
    """A payload or record that cannot be made into a Case. ``code`` is stable, snake_case."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


class InvalidUser(ConsoleError, ValueError):
    """A caseworker without a (canonical) district, or a supervisor tied to one."""


class CaseStateError(ConsoleError):
    """A claim, release or decision that the case's current state does not allow."""

    code = "case_state"

    def __init__(self, case_id: str, detail: str) -> None:
        super().__init__(f"{case_id}: {detail}")
        self.case_id = case_id
        self.detail = detail


class CaseAlreadyClaimed(CaseStateError):
    """Another user holds the claim; ``claimed_by`` says who."""

    code = "case_already_claimed"

    def __init__(self, case_id: str, claimed_by: str) -> None:
        super().__init__(case_id, f"already claimed by {claimed_by}")
        self.claimed_by = claimed_by


class NotClaimedByYou(CaseStateError):
    """The user does not hold the claim they tried to release or decide under."""

    code = "not_claimed_by_you"


class CaseClosed(CaseStateError):
    """The case is decided or closed; it can no longer be claimed, released or decided."""

    code = "case_closed"


class AccessDenied(ConsoleError):
    """The user's role or district does not allow this on this case."""

    code = "access_denied"


class InvalidDecision(ConsoleError):
    """The decision as given cannot become a final determination. ``code`` is stable."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail
