"""Remembered choices, kept in the library's settings table.

- ``ignored:{report_id}``: the findings the clerk chose to ignore in that report, as
  ``[rule, node_id, excerpt]`` triples (an ignore survives edits elsewhere in the report and
  lapses by itself when the offending text changes);
- ``disabled_rules``: rule ids switched off for every report.
"""

from __future__ import annotations

from typing import Any, Protocol

from models.checks.model import Finding

DISABLED_KEY = "disabled_rules"

IgnoreKey = tuple[str, "int | None", str]


class SettingsStore(Protocol):
    def get_setting(self, key: str, default: Any = None) -> Any: ...
    def set_setting(self, key: str, value: Any) -> None: ...


def ignored_key(report_id: int) -> str:
    return f"ignored:{report_id}"


def load_ignored(store: SettingsStore, report_id: int) -> set[IgnoreKey]:
    """The ignored triples; anything malformed in the stored value is skipped, not fatal."""
    raw = store.get_setting(ignored_key(report_id), [])
    result: set[IgnoreKey] = set()
    for item in raw if isinstance(raw, list) else []:
        if (
            isinstance(item, list)
            and len(item) == 3
            and isinstance(item[0], str)
            and (item[1] is None or isinstance(item[1], int))
            and isinstance(item[2], str)
        ):
            result.add((item[0], item[1], item[2]))
    return result


def _save_ignored(store: SettingsStore, report_id: int, keys: set[IgnoreKey]) -> None:
    ordered = sorted(keys, key=lambda k: (k[0], -1 if k[1] is None else k[1], k[2]))
    store.set_setting(ignored_key(report_id), [list(k) for k in ordered])


def ignore_finding(store: SettingsStore, report_id: int, finding: Finding) -> None:
    keys = load_ignored(store, report_id)
    keys.add(finding.ignore_key)
    _save_ignored(store, report_id, keys)


def unignore_finding(store: SettingsStore, report_id: int, key: IgnoreKey) -> None:
    keys = load_ignored(store, report_id)
    keys.discard(key)
    _save_ignored(store, report_id, keys)


def clear_ignored(store: SettingsStore, report_id: int) -> None:
    store.set_setting(ignored_key(report_id), [])


def load_disabled(store: SettingsStore) -> set[str]:
    raw = store.get_setting(DISABLED_KEY, [])
    return {item for item in raw if isinstance(item, str)} if isinstance(raw, list) else set()


def set_rule_enabled(store: SettingsStore, rule_id: str, enabled: bool) -> None:
    disabled = load_disabled(store)
    if enabled:
        disabled.discard(rule_id)
    else:
        disabled.add(rule_id)
    store.set_setting(DISABLED_KEY, sorted(disabled))
