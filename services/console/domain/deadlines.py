"""The legal time limits of a case and how much of them is left.

《最低生活保障审核确认办法》(民发〔2021〕57号): the township investigates within 3 working days
of accepting an application (Art. 15), and the whole process ends within 30 working days, 45 in
special cases (Art. 22). Counting starts the working day after the day the application was
received, in Chongqing's local date. The limits and their citations are data, so a change of
rule is an edit here, visible in review, and the console can show the article next to the date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from .calendar import WorkCalendar
from .timestamps import local_date, require_aware

Stage = Literal["investigation", "decision"]


@dataclass(frozen=True, slots=True)
class TimeLimit:
    working_days: int
    citation: str


INVESTIGATION_LIMIT = TimeLimit(3, "民发〔2021〕57号 第十五条")
DECISION_LIMIT = TimeLimit(30, "民发〔2021〕57号 第二十二条")
SPECIAL_DECISION_LIMIT = TimeLimit(45, "民发〔2021〕57号 第二十二条")


@dataclass(frozen=True, slots=True)
class Countdown:
    """Where a case stands against its limits on ``today`` (a local date).

    ``*_days_left`` are working days from today to the due date: 0 on the due date itself,
    negative once working days have passed beyond it. ``overdue`` compares dates, so it is
    already true on a Saturday after a Friday due date, when no working day has yet passed.
    """

    today: date
    stage: Stage
    investigation_days_left: int
    decision_days_left: int
    overdue: bool

    @property
    def days_left(self) -> int:
        """Working days left in the current stage."""
        if self.stage == "investigation":
            return self.investigation_days_left
        return self.decision_days_left


@dataclass(frozen=True, slots=True)
class Deadlines:
    received_on: date
    investigation_due: date
    decision_due: date
    special: bool
    investigation_citation: str
    decision_citation: str
    calendar: WorkCalendar = field(repr=False, compare=False)

    @property
    def approximate(self) -> bool:
        """True when a year between receipt and the decision due date is not in the holiday
        data, so the dates were counted Monday–Friday only and need a human check."""
        return not self.calendar.covers_range(self.received_on, self.decision_due)

    @property
    def assumed(self) -> bool:
        """True when the dates rest on a year whose holidays are marked as an assumption."""
        years = range(self.received_on.year, self.decision_due.year + 1)
        return any(year in self.calendar.assumed_years for year in years)

    def countdown(self, now: datetime, *, investigated: bool = False) -> Countdown:
        """The countdown at ``now``.

        Until the console records the investigation as done (``investigated``), the 3-day
        investigation limit is the one that applies, so a case past it is overdue even though
        the 30-day limit is still far away; afterwards only the decision limit counts.
        """
        today = local_date(require_aware(now, "now"))
        stage: Stage = "decision" if investigated else "investigation"
        due = self.decision_due if investigated else self.investigation_due
        return Countdown(
            today=today,
            stage=stage,
            investigation_days_left=self.calendar.working_days_between(
                today, self.investigation_due
            ),
            decision_days_left=self.calendar.working_days_between(today, self.decision_due),
            overdue=today > due,
        )


def deadlines_for(
    received_at: datetime, calendar: WorkCalendar, special: bool = False
) -> Deadlines:
    """The due dates of a case received at ``received_at`` (offset-aware).

    ``special`` is the "special circumstances" extension of Art. 22: 45 working days instead of
    30. The article does not list the circumstances, so it is the county's call, recorded with
    the case, never inferred here.
    """
    received_on = local_date(require_aware(received_at, "received_at"))
    decision = SPECIAL_DECISION_LIMIT if special else DECISION_LIMIT
    return Deadlines(
        received_on=received_on,
        investigation_due=calendar.add_working_days(received_on, INVESTIGATION_LIMIT.working_days),
        decision_due=calendar.add_working_days(received_on, decision.working_days),
        special=special,
        investigation_citation=INVESTIGATION_LIMIT.citation,
        decision_citation=decision.citation,
        calendar=calendar,
    )
