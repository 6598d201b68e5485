"""The ``nereport`` command: datasets, describe, cite, export, list, params, build."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from nereport.errors import InputError, NereportError, ParameterError


def _print_json(obj: object) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def cmd_datasets(args: argparse.Namespace) -> int:
    from nereport.data import registry
    from nereport.data.catalog import dataset_summary

    summaries = [dataset_summary(ds) for ds in registry().values()]
    if args.json:
        _print_json(summaries)
        return 0
    for s in summaries:
        cov = s["coverage"]
        years = "-".join(map(str, cov["years"])) if "years" in cov else "n/a"
        print(f"{s['name']}: {s['title']}")
        columns = [c["name"] + (f" [{c['unit']}]" if c["unit"] else "") for c in s["columns"]]
        print(f"  columns:  {', '.join(columns)}")
        print(
            f"  coverage: {cov['rows']} rows; years {years}; "
            f"regions {', '.join(cov.get('regions', [])) or 'n/a'}"
        )
        for src in s["sources"]:
            print(f"  source:   {src['publisher']}, {src['title']} [{src['release']}]")
        print()
    return 0


def cmd_describe(args: argparse.Namespace) -> int:
    from nereport.data import registry
    from nereport.data.catalog import describe

    declared = registry()
    names = list(declared) if args.all else [args.name]
    if not args.all and not args.name:
        raise ParameterError("describe: give a dataset NAME or --all")
    if args.output:
        from nereport.paths import write_atomic

        out = Path(args.output)
        index = ["# nereport data dictionary", ""]
        from nereport.data.package import Refused, dataset_jsonld

        refused = []
        try:
            for name in names:
                write_atomic(out / f"{name}.md", describe(name).encode())
                index.append(f"- [{name}]({name}.md): {declared[name].title}")
                try:  # schema.org Dataset, only where licence, provenance and description are known
                    jsonld = json.dumps(dataset_jsonld(name), ensure_ascii=False, indent=2) + "\n"
                    write_atomic(out / f"{name}.jsonld", jsonld.encode())
                except Refused as exc:
                    refused.append(f"- {exc}")
            if refused:
                index += ["", "## No schema.org description (something it needs is missing)", ""]
                index += refused
            write_atomic(out / "README.md", ("\n".join(index) + "\n").encode())
        except OSError as exc:
            raise InputError(
                f"describe --output: cannot write to {out}: {exc.strerror or exc}; choose a "
                "folder you can write to"
            ) from None
        print(f"wrote {len(names)} dataset pages to {out}/")
    else:
        print("\n".join(describe(name) for name in names), end="")
    return 0


def cmd_cite(args: argparse.Namespace) -> int:
    from nereport.data.citation import dataset_citation

    print(dataset_citation(args.name).text(), end="")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from nereport.data.package import write_package

    path = write_package(Path(args.dir))
    print(f"wrote the data package {path} (`frictionless validate {path}` checks it)")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from nereport.build.matrix import matrix

    out_dir = Path(args.out)
    entries = [r.as_dict(out_dir) for r in matrix(Path(args.matrix) if args.matrix else None)]
    if args.json:
        _print_json(entries)
    else:
        for e in entries:
            params = " ".join(f"{k}={v}" for k, v in e["params"].items())
            print(f"{e['id']:28s} {e['notebook']:26s} {params}")
    return 0


def cmd_params(args: argparse.Namespace) -> int:
    from nereport.report.params import schema

    params = [p.as_dict() for p in schema(args.topic)]
    if args.json:
        _print_json(params)
        return 0
    for p in params:
        rule = ", ".join(map(str, p["allowed"])) if "allowed" in p else f"{p['min']} to {p['max']}"
        print(
            f"{p['name']:12s} {p['type']:4s} default {p['default']!s:10s} {p['help']} "
            f"(allowed: {rule})"
        )
    return 0


# Dask's address forms: [scheme://]host:port (docs/distributed.md)
_SCHEDULER = re.compile(r"(?:(?:tcp|tls|ws|wss|ucx)://)?(?:\[[0-9A-Fa-f:.]+\]|[\w.-]+):\d{1,5}")


def check_scheduler(address: str) -> None:
    """``local``, or a Dask scheduler's address; anything else is refused before any work."""
    if address != "local" and not _SCHEDULER.fullmatch(address):
        raise InputError(
            f"--scheduler: {address!r} is not a Dask scheduler address (allowed: 'local', or "
            "[tcp|tls|ws|wss|ucx://]HOST:PORT, e.g. tcp://10.0.0.5:8786)"
        )


def cmd_build(args: argparse.Namespace) -> int:
    from nereport.build import Report, build, matrix
    from nereport.build.safety import interrupt_on_signals
    from nereport.report.params import parse_cli_params, resolve

    if args.cell_timeout < 1:
        raise ParameterError(
            f"--cell-timeout: {args.cell_timeout} is not a positive number of seconds"
        )
    if args.jobs is not None and args.jobs < 1:
        raise ParameterError(f"--jobs: {args.jobs} is not a positive number of workers")
    if not args.out.strip():
        raise InputError(
            f"--out: {args.out!r} names no folder (it would be the current one): give the "
            "output folder, e.g. --out reports"
        )
    if args.scheduler is not None:
        check_scheduler(args.scheduler)
    if args.param and not args.report:
        raise ParameterError("--param needs --report TOPIC")
    if args.report:
        given = parse_cli_params(args.param or [])
        reports = [Report(args.report, resolve(args.report, given))]
    else:
        reports = matrix(Path(args.matrix) if args.matrix else None)
    interrupt_on_signals()  # SIGTERM and SIGHUP clean up as Ctrl-C does
    result = build(
        reports,
        out_dir=Path(args.out),
        jobs=args.jobs,
        force=args.force,
        dry_run=args.dry_run,
        cell_timeout=args.cell_timeout,
        index=not args.report,
        scheduler=args.scheduler,
    )
    return 0 if result.ok else 1


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nereport",
        description="Datasets and reports on the "
        "revitalization of Northeast China's old industrial bases.",
    )
    p.add_argument("--version", action="version", version=_version())
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("datasets", help="list every dataset with columns, coverage and sources")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_datasets)
    s = sub.add_parser("describe", help="the data dictionary of a dataset (Markdown)")
    s.add_argument("name", nargs="?")
    s.add_argument("--all", action="store_true", help="every dataset")
    s.add_argument("--output", help="write one Markdown file per dataset into this folder")
    s.set_defaults(func=cmd_describe)
    s = sub.add_parser("cite", help="how to cite a dataset: its publications, and as processed")
    s.add_argument("name")
    s.set_defaults(func=cmd_cite)
    s = sub.add_parser("export", help="write the datasets as a Frictionless data package")
    s.add_argument("dir", help="the folder to write datapackage.json and data/*.csv into")
    s.set_defaults(func=cmd_export)
    s = sub.add_parser("list", help="the reports of the matrix (notebooks/matrix.toml)")
    s.add_argument("--json", action="store_true")
    s.add_argument("--out", default="reports")
    s.add_argument(
        "--matrix", default=None, help="the report matrix file (default: notebooks/matrix.toml)"
    )
    s.set_defaults(func=cmd_list)
    s = sub.add_parser("params", help="the parameter schema of a report")
    s.add_argument("topic")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_params)
    s = sub.add_parser("build", help="build reports (the whole matrix by default)")
    s.add_argument("--report", metavar="TOPIC", help="build one ad-hoc report of this topic")
    s.add_argument("--param", action="append", metavar="NAME=VALUE", help="report parameter")
    s.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="reports at work at once, a PDF being printed included: as many cores (default: CPUs)",
    )
    s.add_argument("--force", action="store_true", help="rebuild even if up to date")
    s.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="build on this Dask scheduler (tcp://host:8786), or 'local' for a LocalCluster "
        "of --jobs workers (docs/distributed.md)",
    )
    s.add_argument("--dry-run", action="store_true", help="say what would be rebuilt and why")
    s.add_argument("--out", default="reports", help="output folder (default: reports)")
    s.add_argument("--cell-timeout", type=int, default=300, help="seconds per cell")
    s.add_argument(
        "--matrix", default=None, help="the report matrix file (default: notebooks/matrix.toml)"
    )
    s.set_defaults(func=cmd_build)
    return p


def _version() -> str:
    from nereport import __version__

    return f"nereport {__version__}"


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
        return args.func(args)
    except (ParameterError, InputError) as exc:
        print(f"nereport: error: {exc}", file=sys.stderr)
        return 2
    except NereportError as exc:
        print(f"nereport: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(
            "nereport: interrupted; finished reports are kept, and the next build does the rest",
            file=sys.stderr,
        )
        return 130


if __name__ == "__main__":
    sys.exit(main())
