"""Small pieces of the Chinese text a generated scenario carries: counts, horizons, its source."""

from __future__ import annotations

from dataclasses import fields

from .spec import Spec

DIGITS = "零一二三四五六七八九十"
QUARTERS_ZH = ("", "第一季度", "第二季度", "第三季度", "第四季度")


def count(n: int) -> str:
    """A count as a sentence says it: 两, 三, ... 十, then digits (两个村, 12 个村)."""
    if n == 2:
        return "两"
    return DIGITS[n] if 0 < n <= 10 else str(n)


def period(year: int, quarter: int | None, whole: str = "") -> str:
    """2026 年 (or 2026 年全年, given whole="全年"), 2026 年第二季度."""
    return f"{year} 年" + (QUARTERS_ZH[quarter] if quarter else whole)


def period_en(year: int, quarter: int | None) -> str:
    return f"Q{quarter} {year}" if quarter else f"the whole of {year}"


def command(spec: Spec) -> str:
    """The command that writes this scenario again: every size given, defaults or not."""
    words = ["rotasched generate", spec.kind]
    for f in fields(spec):
        value = getattr(spec, f.name)
        if value is not None and f.name != "seed":
            words.append(f"--{f.name.replace('_', '-')} {value}")
    words.append(f"--seed {spec.seed}")
    return " ".join(words)
