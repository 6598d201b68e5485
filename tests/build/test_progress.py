"""What a build prints: a line per report in a log, then the summary table."""

from __future__ import annotations

from nereport.build.progress import Outcome, Progress, summary


def test_a_log_gets_one_line_per_report_and_the_details(capsys) -> None:
    progress = Progress(2)
    progress.update(Outcome("economy/jilin", "built", seconds=1.25), "never built")
    progress.update(Outcome("policy/jilin", "failed", "cell 3: boom"), "--force")
    progress.close()
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "[1/2] built  economy/jilin (1.2 s; never built)",
        "[2/2] failed policy/jilin (0.0 s; --force)",
        "    cell 3: boom",
    ]


def test_summary_table_and_counts(capsys) -> None:
    summary(
        [
            Outcome("policy/jilin", "up to date"),
            Outcome("economy/jilin", "built", seconds=2.0),
            Outcome("economy/liaoning", "built", seconds=3.0),
        ]
    )
    err = capsys.readouterr().err
    rows = [line.split()[:2] for line in err.splitlines()[2:5]]
    assert rows == [
        ["economy/jilin", "built"],
        ["economy/liaoning", "built"],
        ["policy/jilin", "up"],
    ]
    assert err.rstrip().endswith("summary: 2 built, 1 up to date")
