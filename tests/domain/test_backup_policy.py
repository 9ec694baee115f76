"""The rolling-backup rules: names that read back, and which backups are let go."""
from datetime import datetime, timedelta

from csp_desktop.domain import backup_policy as policy
from tests.conftest import known

T0 = datetime(2026, 11, 20, 9, 30, 5)


def named(stem, minutes, reason=policy.OPENING):
    return policy.parse(policy.new_name(stem, reason, T0 + timedelta(minutes=minutes), set()))


def test_a_name_reads_back_with_register_date_time_and_reason():
    name = policy.new_name("safer_glanhafren 2026", policy.IMPORT, T0.replace(microsecond=123), set())
    assert name == "safer_glanhafren 2026_2026-11-20_09-30-05_import.cspreg"
    parsed = known(policy.parse(name))
    assert (parsed.stem, parsed.made_at, parsed.reason) == ("safer_glanhafren 2026", T0, policy.IMPORT)


def test_a_second_backup_in_the_same_second_gets_its_own_name():
    first = policy.new_name("r", policy.MATRIX, T0, set())
    second = policy.new_name("r", policy.MATRIX, T0, {first})
    assert second != first and known(policy.parse(second)).n == 2
    assert policy.of_register("r", [first, second])[0].file_name == second


def test_other_files_and_other_registers_are_not_ours():
    names = ["r_2026-11-20_09-30-05_opening.cspreg", "r.cspreg", "r_2026-13-40_09-30-05_opening.cspreg",
             "rr_2026-11-20_09-30-05_opening.cspreg", "r_2026-11-20_09-30-05_opening.cspreg.part", "notes.txt"]
    assert [b.file_name for b in policy.of_register("r", names)] == [names[0]]


def test_count_keeps_the_newest_and_every_upgrade_backup():
    rolling = [named("r", m) for m in range(15)]
    upgrades = [named("r", -100 - m, policy.UPGRADE) for m in range(3)]
    pruned = policy.to_prune(rolling + upgrades, {}, keep=10, max_bytes=None)
    assert sorted(pruned, key=lambda b: b.made_at) == rolling[:5]
    assert not set(upgrades) & set(pruned)


def test_size_cap_prunes_oldest_first_but_keeps_the_newest():
    backups = [named("r", m) for m in range(5)]
    sizes = {b.file_name: 400 for b in backups}
    pruned = policy.to_prune(backups, sizes, keep=10, max_bytes=1000)
    assert sorted(pruned, key=lambda b: b.made_at) == backups[:3]
    huge = policy.to_prune(backups, {b.file_name: 10_000 for b in backups}, keep=10, max_bytes=1000)
    assert sorted(huge, key=lambda b: b.made_at) == backups[:4]


def test_once_a_day_and_just_now():
    made = [named("r", 0)]
    assert policy.made_today(made, policy.OPENING, T0 + timedelta(hours=5))
    assert not policy.made_today(made, policy.OPENING, T0 + timedelta(days=1))
    assert not policy.made_today(made, policy.IMPORT, T0)
    assert policy.made_just_now(made, policy.OPENING, T0 + timedelta(seconds=30))
    assert not policy.made_just_now(made, policy.OPENING, T0 + timedelta(minutes=5))
