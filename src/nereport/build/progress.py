"""What a build tells the person running it: a tqdm bar on a terminal (one line per report
in a log, so CI stays calm), then a summary table of every report."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from nereport.build.tasks import Status

# tqdm, once a build has reports to run: a build that finds everything up to date (and must
# answer in a blink) does without it.
_tqdm: Any = None


@dataclass
class Outcome:
    id: str
    status: Status
    detail: str = ""
    seconds: float = 0.0


def say(text: str) -> None:
    if _tqdm is None:
        print(text, file=sys.stderr, flush=True)
    else:
        _tqdm.write(text, file=sys.stderr)  # above the bar, which is redrawn below


class Progress:
    """A bar redrawn in place on a terminal; elsewhere one line per finished report."""

    def __init__(self, total: int):
        """Call with interrupts deferred: tqdm makes its lock on first use, and a Ctrl-C that
        cuts that in half leaves tqdm broken (an AttributeError instead of a clean
        interrupt)."""
        global _tqdm
        from tqdm import tqdm

        tqdm.get_lock()
        _tqdm = tqdm
        self.total, self.done = total, 0
        self.bar = tqdm(
            total=total,
            unit="report",
            file=sys.stderr,
            disable=not sys.stderr.isatty(),
            dynamic_ncols=True,
        )

    def update(self, outcome: Outcome, reason: str) -> None:
        self.done += 1
        line = f"{outcome.status:6s} {outcome.id} ({outcome.seconds:.1f} s; {reason})"
        if self.bar.disable:
            say(f"[{self.done}/{self.total}] {line}")
        else:
            self.bar.set_postfix_str(outcome.id, refresh=False)
            self.bar.update()
            if outcome.status == Status.FAILED:
                say(line)
        if outcome.detail:
            say(f"    {outcome.detail}")

    def close(self) -> None:
        self.bar.close()


def summary(outcomes: list[Outcome]) -> None:
    """A table of every report and what happened to it, then the counts."""
    if not outcomes:
        return
    width = max(len(o.id) for o in outcomes)
    say(f"\n{'report':{width}s}  {'status':11s}  {'time':>6s}  detail")
    for o in sorted(outcomes, key=lambda o: o.id):
        seconds = f"{o.seconds:5.1f}s" if o.seconds else ""
        say(f"{o.id:{width}s}  {o.status:11s}  {seconds:>6s}  {o.detail}")
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    say("summary: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
