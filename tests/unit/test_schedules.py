"""Schedule expressions: which parse, what they say is wrong, and when they fire next."""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pytest

from chalicelib import schedules
from chalicelib.schedules import CronSchedule, RateSchedule, ScheduleError


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


@pytest.mark.parametrize("expression, period", [
    ("rate(1 minute)", timedelta(minutes=1)),
    ("rate(5 minutes)", timedelta(minutes=5)),
    ("rate(1 hour)", timedelta(hours=1)),
    ("rate(12 hours)", timedelta(hours=12)),
    ("rate(1 day)", timedelta(days=1)),
    ("rate(365 days)", timedelta(days=365)),
    ("  rate( 90 minutes )  ", timedelta(minutes=90)),
])
def test_valid_rates(expression, period):
    schedule = schedules.parse(expression)
    assert isinstance(schedule, RateSchedule)
    assert schedule.period == period


@pytest.mark.parametrize("expression, message", [
    ("rate(0 minutes)", "at least 1"),
    ("rate(1 minutes)", "singular unit: rate\\(1 minute\\)"),
    ("rate(5 minute)", "plural unit: rate\\(5 minutes\\)"),
    ("rate(2 weeks)", "unit 'weeks' is not one of"),
    ("rate(5 seconds)", "unit 'seconds' is not one of"),
    ("rate(-5 minutes)", "whole number n >= 1"),
    ("rate(1.5 hours)", "whole number n >= 1"),
    ("rate(five minutes)", "whole number n >= 1"),
    ("rate(5)", "whole number n >= 1"),
    ("rate(5 Minutes)", "whole number n >= 1"),
    ("rate()", "whole number n >= 1"),
    ("rate(366 days)", "longer than 365 days"),
    ("rate(99999999999999999999999 days)", "longer than 365 days"),
])
def test_invalid_rates_say_what_is_wrong(expression, message):
    with pytest.raises(ScheduleError, match=message):
        schedules.parse(expression)


@pytest.mark.parametrize("expression, fields", [
    ("cron(0 8 * * 1-5)", "0 8 * * 1-5"),
    ("cron(*/15 * * * *)", "*/15 * * * *"),
    ("cron(0  0 1 *  *)", "0 0 1 * *"),
    ("cron(30 6 * * MON-FRI)", "30 6 * * MON-FRI"),
    ("cron(0 0 29 2 *)", "0 0 29 2 *"),
])
def test_valid_crons(expression, fields):
    schedule = schedules.parse(expression)
    assert isinstance(schedule, CronSchedule)
    assert schedule.fields == fields


@pytest.mark.parametrize("expression, message", [
    ("cron()", "takes 5 fields .*got 0"),
    ("cron(0 8 * *)", "takes 5 fields .*got 4"),
    ("cron(0 8 * * ? *)", "got 6 \\(AWS's 6-field form"),
    ("cron(* * * * * *)", "got 6 .*seconds field"),
    ("cron(0 0 1 1 * 2030 5)", "got 7"),
    ("cron(61 * * * *)", "not a valid schedule"),
    ("cron(*/0 * * * *)", "not a valid schedule"),
    ("cron(a b c d e)", "not a valid schedule"),
    ("cron(0 0 30 2 *)", "not a valid schedule"),
    ("cron(H * * * *)", "hashed/random"),
    ("cron(R 0 * * *)", "hashed/random"),
    ("cron(@hourly)", "takes 5 fields"),
])
def test_invalid_crons_say_what_is_wrong(expression, message):
    with pytest.raises(ScheduleError, match=message):
        schedules.parse(expression)


@pytest.mark.parametrize("expression", ["", "every 5 minutes", "Rate(5 minutes)", "cron 0 8 * * *",
                                        "at(2026-01-01T00:00:00)", "rate(5 minutes) cron(* * * * *)"])
def test_other_forms_are_refused(expression):
    with pytest.raises(ScheduleError, match="neither rate"):
        schedules.parse(expression)


def test_expressions_longer_than_256_characters_are_refused():
    padded = "cron(0 8 * * " + "1," * 200 + "1)"
    with pytest.raises(ScheduleError, match="at most 256 characters"):
        schedules.parse(padded)
    schedules.parse("rate(5 minutes)" + " " * (256 - len("rate(5 minutes)")))


def test_non_string_is_refused():
    with pytest.raises(ScheduleError, match="string"):
        schedules.parse(None)


def test_schedule_error_is_a_value_error():
    assert issubclass(ScheduleError, ValueError)


# rate: counted from the anchor's minute


def test_rate_counts_from_the_anchor_floored_to_the_minute():
    schedule = schedules.parse("rate(5 minutes)", anchor=utc(2026, 3, 1, 10, 2, 30))
    assert schedule.next_after(utc(2026, 3, 1, 10, 2, 30)) == utc(2026, 3, 1, 10, 7)
    assert schedule.next_after(utc(2026, 3, 1, 10, 6, 59)) == utc(2026, 3, 1, 10, 7)
    assert schedule.next_after(utc(2026, 3, 1, 10, 7)) == utc(2026, 3, 1, 10, 12)
    assert schedule.next_after(utc(2026, 3, 1, 10, 7, 0, 1)) == utc(2026, 3, 1, 10, 12)


def test_rate_anchor_given_to_next_after_overrides_the_parsed_one():
    schedule = schedules.parse("rate(5 minutes)", anchor=utc(2026, 3, 1, 10, 2))
    assert schedule.next_after(utc(2026, 3, 1, 10, 3), anchor=utc(2026, 3, 1, 10, 1)) == utc(2026, 3, 1, 10, 6)


def test_rate_without_anchor_counts_from_the_epoch():
    assert schedules.parse("rate(1 hour)").next_after(utc(2026, 3, 1, 10, 2)) == utc(2026, 3, 1, 11)
    assert schedules.parse("rate(1 day)").next_after(utc(2026, 3, 1, 10, 2)) == utc(2026, 3, 2)
    assert schedules.parse("rate(15 minutes)").next_after(utc(2026, 3, 1, 10, 2)) == utc(2026, 3, 1, 10, 15)


def test_rate_with_an_anchor_ahead_of_the_moment_fires_one_period_after_the_anchor():
    schedule = schedules.parse("rate(1 hour)", anchor=utc(2026, 3, 1, 12, 30))
    assert schedule.next_after(utc(2026, 3, 1, 10)) == utc(2026, 3, 1, 13, 30)


def test_rate_crosses_hour_day_month_and_year_boundaries():
    schedule = schedules.parse("rate(7 minutes)", anchor=utc(2026, 12, 31, 23, 50))
    assert schedule.next_after(utc(2026, 12, 31, 23, 55)) == utc(2026, 12, 31, 23, 57)
    assert schedule.next_after(utc(2026, 12, 31, 23, 57)) == utc(2027, 1, 1, 0, 4)
    daily = schedules.parse("rate(1 day)", anchor=utc(2028, 2, 28, 9, 15))
    assert daily.next_after(utc(2028, 2, 28, 9, 15)) == utc(2028, 2, 29, 9, 15)  # leap day
    assert daily.next_after(utc(2028, 2, 29, 9, 15)) == utc(2028, 3, 1, 9, 15)


# cron: UTC, strictly after, whole minutes


def test_cron_weekdays_at_eight():
    schedule = schedules.parse("cron(0 8 * * 1-5)")
    friday_evening = utc(2026, 3, 6, 17)
    assert schedule.next_after(friday_evening) == utc(2026, 3, 9, 8)  # Monday
    assert schedule.next_after(utc(2026, 3, 9, 7, 59, 59)) == utc(2026, 3, 9, 8)
    assert schedule.next_after(utc(2026, 3, 9, 8)) == utc(2026, 3, 10, 8)


def test_cron_is_strictly_after_and_on_whole_minutes():
    schedule = schedules.parse("cron(* * * * *)")
    assert schedule.next_after(utc(2026, 3, 1, 10, 3)) == utc(2026, 3, 1, 10, 4)
    assert schedule.next_after(utc(2026, 3, 1, 10, 2, 30, 500)) == utc(2026, 3, 1, 10, 3)
    daily = schedules.parse("cron(2 10 * * *)")
    assert daily.next_after(utc(2026, 3, 1, 10, 2, 0, 1)) == utc(2026, 3, 2, 10, 2)


def test_cron_crosses_hour_and_day_boundaries():
    quarter = schedules.parse("cron(*/15 * * * *)")
    assert quarter.next_after(utc(2026, 3, 1, 10, 50)) == utc(2026, 3, 1, 11)
    assert quarter.next_after(utc(2026, 12, 31, 23, 45)) == utc(2027, 1, 1)
    monthly = schedules.parse("cron(0 0 1 * *)")
    assert monthly.next_after(utc(2026, 1, 31, 12)) == utc(2026, 2, 1)


def test_cron_is_utc_with_no_daylight_saving_shift():
    """Europe and the US change clocks on these dates; a UTC schedule does not move."""
    schedule = schedules.parse("cron(30 1 * * *)")
    for day in (datetime(2026, 3, 8), datetime(2026, 3, 29), datetime(2026, 10, 25), datetime(2026, 11, 1)):
        fired = schedule.next_after(day.replace(tzinfo=timezone.utc))
        assert fired == day.replace(hour=1, minute=30, tzinfo=timezone.utc)
        assert fired.utcoffset() == timedelta(0)


def test_moments_in_other_time_zones_are_converted_to_utc():
    tokyo = timezone(timedelta(hours=9))
    schedule = schedules.parse("cron(0 8 * * *)")
    fired = schedule.next_after(datetime(2026, 3, 1, 16, 0, tzinfo=tokyo))  # 07:00 UTC
    assert fired == utc(2026, 3, 1, 8) and fired.tzinfo == timezone.utc


@pytest.mark.parametrize("expression", ["rate(5 minutes)", "cron(0 8 * * *)"])
def test_naive_moments_are_refused(expression):
    with pytest.raises(ValueError, match="timezone-aware"):
        schedules.parse(expression).next_after(datetime(2026, 3, 1, 10))


def test_naive_anchor_is_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        schedules.parse("rate(5 minutes)", anchor=datetime(2026, 3, 1, 10))


@pytest.mark.parametrize("expression", ["rate(1 minute)", "rate(7 minutes)", "rate(3 hours)", "rate(2 days)",
                                        "cron(* * * * *)", "cron(*/7 * * * *)", "cron(0 8 * * 1-5)",
                                        "cron(0 0 29 2 *)", "cron(5 4 L * *)"])
def test_next_after_is_strictly_increasing_whole_minutes_in_utc(expression):
    schedule = schedules.parse(expression, anchor=utc(2026, 1, 1, 3, 4, 5))
    rng = random.Random(expression)
    moment = utc(2026, 1, 1) + timedelta(seconds=rng.randrange(86_400))
    previous = moment
    for _ in range(50):
        fired = schedule.next_after(moment)
        assert fired > moment and fired > previous
        assert fired.second == 0 and fired.microsecond == 0 and fired.utcoffset() == timedelta(0)
        previous = fired
        moment = fired if rng.random() < 0.5 else fired + timedelta(seconds=rng.randrange(1, 60))
    assert previous > utc(2026, 1, 1)
