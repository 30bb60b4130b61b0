"""Schedule expressions for `schedule` triggers, spelled as AWS EventBridge spells them.

EventBridge fires the tick every minute; these objects say when a trigger is next
due, so the API can validate an expression at creation and store `next_run_at`.

- `rate(<n> <unit>)`: unit minute|minutes|hour|hours|day|days, n >= 1, the singular
  only with n == 1 and the plural only with n > 1 (as AWS requires); at most 365 days.
  A rate schedule fires at `floor_to_minute(anchor) + k * period` for k = 1, 2, ...:
  rate(5 minutes) anchored at 10:02:30 fires 10:07, 10:12, ... Without an anchor it
  counts from the Unix epoch, so rate(1 hour) fires on the hour, rate(1 day) at 00:00.
- `cron(<minute> <hour> <day-of-month> <month> <day-of-week>)`: the 5 standard fields,
  evaluated in UTC by croniter (`cron(0 8 * * 1-5)`: 08:00 on weekdays). When both day
  fields are restricted either may match, as in standard cron. AWS's 6-field form
  (with a year, and `?`-required day fields numbered 1-7 from Sunday) is not accepted:
  its day-of-week numbers differ from standard cron, so translating it silently
  would shift schedules by a day.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone


MAX_EXPRESSION_LENGTH = 256
MAX_RATE = timedelta(days=365)
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
MINUTE = timedelta(minutes=1)

_UNITS = {"minute": timedelta(minutes=1), "hour": timedelta(hours=1), "day": timedelta(days=1)}
_RATE = re.compile(r"rate\(([^()]*)\)")
_RATE_BODY = re.compile(r"\s*([0-9]+)\s+([a-z]+)\s*")
_CRON = re.compile(r"cron\(([^()]*)\)")
# croniter extensions whose result is not a fixed schedule: H (hashed), R (random).
_NON_DETERMINISTIC = re.compile(r"(?<![A-Za-z])[HhRr](?![A-Za-z])")
_CRON_FIELDS = "minute hour day-of-month month day-of-week"


class ScheduleError(ValueError):
    """An expression that cannot be a trigger's schedule; the message says why."""


@dataclass(frozen=True)
class Schedule:
    expression: str

    def next_after(self, moment: datetime, anchor: datetime | None = None) -> datetime:
        """The first firing strictly after `moment`: UTC, aware, a whole minute."""
        raise NotImplementedError


@dataclass(frozen=True)
class RateSchedule(Schedule):
    period: timedelta
    anchor: datetime | None = None

    def next_after(self, moment: datetime, anchor: datetime | None = None) -> datetime:
        """`anchor` (here, else the one given to parse, else the epoch) starts the count."""
        moment = _as_utc(moment, "moment")
        if anchor is None:
            anchor = self.anchor if self.anchor is not None else EPOCH
        start = _floor_minute(_as_utc(anchor, "anchor"))
        periods_elapsed = max(0, (moment - start) // self.period)  # an anchor ahead of moment: 0
        return start + (periods_elapsed + 1) * self.period


@dataclass(frozen=True)
class CronSchedule(Schedule):
    fields: str

    def next_after(self, moment: datetime, anchor: datetime | None = None) -> datetime:
        """Cron firings do not depend on an anchor; it is accepted and ignored.
        croniter returns whole minutes strictly after `moment`, seconds and all."""
        from croniter import croniter  # ~50 ms to import: only when a schedule is read

        return croniter(self.fields, _as_utc(moment, "moment")).get_next(datetime)


def parse(expression: str, anchor: datetime | None = None) -> Schedule:
    """`rate(...)` or `cron(...)` as a Schedule; ScheduleError naming what is wrong."""
    if not isinstance(expression, str):
        raise ScheduleError("A schedule expression must be a string")
    if len(expression) > MAX_EXPRESSION_LENGTH:
        raise ScheduleError(f"A schedule expression is at most {MAX_EXPRESSION_LENGTH} characters, "
                            f"this one has {len(expression)}")
    text = expression.strip()
    if anchor is not None:
        anchor = _as_utc(anchor, "anchor")
    if match := _RATE.fullmatch(text):
        return RateSchedule(text, _parse_rate(match.group(1)), anchor)
    if match := _CRON.fullmatch(text):
        return CronSchedule(text, _parse_cron(match.group(1)))
    raise ScheduleError(f"Schedule {text!r} is neither rate(<n> <unit>) nor cron(<{_CRON_FIELDS}>), "
                        "e.g. rate(5 minutes) or cron(0 8 * * 1-5)")


def _parse_rate(body: str) -> timedelta:
    match = _RATE_BODY.fullmatch(body)
    if not match:
        raise ScheduleError(f"rate({body}) must be rate(<n> <unit>) with a whole number n >= 1 and a unit "
                            "of minute(s), hour(s) or day(s), e.g. rate(5 minutes)")
    count, unit = int(match.group(1)), match.group(2)
    singular = unit.removesuffix("s")
    if singular not in _UNITS:
        raise ScheduleError(f"rate() unit {unit!r} is not one of minute(s), hour(s), day(s)")
    if count < 1:
        raise ScheduleError(f"rate() needs a number of at least 1, got {count}")
    if count == 1 and unit != singular:
        raise ScheduleError(f"rate(1 {unit}) must use the singular unit: rate(1 {singular})")
    if count > 1 and unit == singular:
        raise ScheduleError(f"rate({count} {unit}) must use the plural unit: rate({count} {singular}s)")
    if count > MAX_RATE // _UNITS[singular]:
        raise ScheduleError(f"rate({count} {unit}) is longer than {MAX_RATE.days} days; use cron() instead")
    return count * _UNITS[singular]


def _parse_cron(body: str) -> str:
    fields = body.split()
    if len(fields) != 5:
        extra = (" (AWS's 6-field form with a year, and a seconds field, are not supported)"
                 if len(fields) > 5 else "")
        raise ScheduleError(f"cron() takes 5 fields ({_CRON_FIELDS}), got {len(fields)}{extra}")
    fields_text = " ".join(fields)
    if _NON_DETERMINISTIC.search(fields_text):
        raise ScheduleError(f"cron({fields_text}) uses H or R (hashed/random); give fixed values")
    try:
        from croniter import croniter

        croniter(fields_text, EPOCH).get_next(datetime)  # also finds dates that never come, e.g. 30 2
    except ValueError as error:  # croniter's errors are ValueErrors
        raise ScheduleError(f"cron({fields_text}) is not a valid schedule: {error}") from None
    return fields_text


def _as_utc(value: datetime, name: str) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got {value!r}")
    return value.astimezone(timezone.utc)


def _floor_minute(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0)
