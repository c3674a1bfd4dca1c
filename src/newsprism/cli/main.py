"""The ``newsprism`` command: a thin layer over :mod:`newsprism.pipeline`.

Exit codes: 0 success; 1 some inputs were rejected (everything else was processed); 2 usage error
(bad option, unknown story id); 3 any other failure (store, report).
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from newsprism import __version__, pipeline
from newsprism.cli.logs import configure
from newsprism.cli.progress import progress
from newsprism.errors import NewsprismError, UsageError
from newsprism.model import Report

log = logging.getLogger("newsprism")

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_FAILURE = 0, 1, 2, 3
FORMATS = ("json", "md", "html", "csv")
DEFAULT_DB = "newsprism.db"

db_option = click.option(
    "--db",
    "db",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="SQLite database that keeps articles, stories and results.",
)


def _formats(value: str) -> tuple[str, ...]:
    chosen = tuple(f.strip() for f in value.split(",") if f.strip())
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)} (comma-separated)")
    return chosen


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newsprism")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors; no progress bar.")
@click.option("--json", "json_logs", is_flag=True, help="Log as JSON lines on stderr (for scripts).")
@click.option("-v", "--verbose", is_flag=True, help="Debug logging.")
@click.pass_context
def cli(ctx: click.Context, quiet: bool, json_logs: bool, verbose: bool) -> None:
    """Compare how many outlets cover one news story, with evidence for every statement.

    \b
    Example:
        newsprism analyze articles/ --out out/
        newsprism demo
    """
    configure(quiet=quiet, as_json=json_logs, verbose=verbose)
    ctx.obj = {"quiet": quiet or json_logs}


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(path_type=Path))
@click.option(
    "--format", "formats", default="json,md,html", show_default=True, callback=lambda c, p, v: _formats(v)
)
@db_option
@click.option(
    "--engine",
    "engine_name",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where stories are analysed: local processes, or Ray (pip install 'newsprism[ray]').",
)
@click.option(
    "--address",
    default=None,
    help="Ray cluster to join (ray://HEAD:10001, auto); without it a local Ray instance starts.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes or Ray actors [default: CPUs, at most one per story; 1 = in process].",
)
@click.pass_context
def analyze(
    ctx: click.Context,
    paths: Sequence[str],
    out_dir: Path,
    formats: tuple[str, ...],
    db: Path,
    engine_name: str,
    address: str | None,
    workers: int | None,
) -> None:
    """Read articles (files, folders, - for stdin), group them into stories and write the report.

    \b
    Example:
        newsprism analyze ../shared/corpus/seeds --out out/
        newsprism analyze feed.xml crawl.warc.gz --format json,csv --db news.db
        newsprism analyze crawl.warc.gz --engine ray --address ray://head:10001
    """
    from newsprism.engine import open_engine

    quiet = ctx.obj["quiet"]
    with (
        open_engine(engine_name, workers=workers, address=address) as engine,
        progress("reading", quiet) as tick,
        progress("analysing stories", quiet, unit=" stories") as story_tick,
    ):
        run = pipeline.run_analysis(paths, db, on_item=tick, on_story=story_tick, engine=engine)
    _write(run.report, out_dir, formats)
    _finish(run.ingest)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.pass_context
def ingest(ctx: click.Context, paths: Sequence[str], db: Path) -> None:
    """Add articles to the database and put the new ones into stories.

    Incremental: new articles join the stories of the last 7 days or open new ones; stories
    that gain articles lose their stored analysis. `newsprism rebuild` regroups everything in batch.

    \b
    Example:
        newsprism ingest more-articles/ --db news.db
    """
    from newsprism.store import Store

    with Store(db) as store, progress("reading", ctx.obj["quiet"]) as tick:
        summary = pipeline.ingest(store, paths, on_item=tick)
        stories = pipeline.regroup(store)
    log.info("%d stories in %s", len(stories), db, extra={"count": len(stories)})
    _finish(summary)


@cli.command()
@db_option
def rebuild(db: Path) -> None:
    """Recompute stories and analysis results from the stored articles.

    \b
    Example:
        newsprism rebuild --db news.db
    """
    from newsprism.store import Store

    with Store(_existing(db)) as store:
        stories = pipeline.rebuild(store)
    log.info("rebuilt %d stories in %s", len(stories), db, extra={"count": len(stories)})


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def stories(db: Path, as_json: bool) -> None:
    """List the stories in the database.

    \b
    Example:
        newsprism stories --db news.db
    """
    import json

    from newsprism.store import Store

    with Store(_existing(db)) as store:
        rows = [{"id": s.id, "articles": len(s.article_ids), "title": s.title} for s in store.stories()]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(f"{row['id']}  {row['articles']:>3} articles  {row['title']}")


@cli.command()
@click.argument("story_ids", nargs=-1, required=True)
@db_option
@click.option("--format", "formats", default="md", show_default=True, callback=lambda c, p, v: _formats(v))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    help="Write report.* files here; without it, one md/json/html format prints to stdout.",
)
def report(story_ids: Sequence[str], db: Path, formats: tuple[str, ...], out_dir: Path | None) -> None:
    """Write the report of one or more stories.

    \b
    Example:
        newsprism report s_1a2b3c4d5e6f --format md
        newsprism report s_1a2b3c4d5e6f --format html,csv --out out/
    """
    from newsprism.report import render_html, render_markdown
    from newsprism.store import Store

    with Store(_existing(db)) as store:
        result = pipeline.report_for(store, story_ids=story_ids)
    if out_dir is not None:
        _write(result, out_dir, formats)
        return
    if len(formats) != 1 or formats[0] == "csv":
        raise UsageError("printing to stdout takes one of md, json, html; use --out for csv or several")
    renderers: dict[str, Callable[[Report], str]] = {
        "md": render_markdown,
        "html": render_html,
        "json": lambda r: r.to_json(),
    }
    click.echo(renderers[formats[0]](result))


@cli.command()
@click.option(
    "--out", "out_dir", default="newsprism-demo", show_default=True, type=click.Path(path_type=Path)
)
@click.option(
    "--db", "db", default=None, type=click.Path(dir_okay=False, path_type=Path), help="Keep a database."
)
@click.pass_context
def demo(ctx: click.Context, out_dir: Path, db: Path | None) -> None:
    """Run the whole analysis on the fictional demo corpus bundled with newsprism.

    \b
    Example:
        newsprism demo --out demo-report/
    """
    from newsprism.demo import demo_paths

    paths = [str(p) for p in demo_paths()]
    quiet = ctx.obj["quiet"]
    with (
        progress("reading", quiet) as tick,
        progress("analysing stories", quiet, unit=" stories") as story_tick,
    ):
        run = pipeline.run_analysis(paths, db, on_item=tick, on_story=story_tick)
    written = _write(run.report, out_dir, ("json", "md", "html", "csv"))
    for story in run.report.stories:
        click.echo(f"{story.id}  {len(story.article_ids):>2} articles  {story.title}")
    click.echo(f"report: {written[0].parent}/report.html")
    _finish(run.ingest)


@cli.command()
@click.argument("report_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def validate(report_file: Path) -> None:
    """Check a report.json against the newsprism.report/1 contract and its evidence offsets.

    \b
    Example:
        newsprism validate out/report.json
    """
    import json

    from newsprism.report import validate_report

    validate_report(json.loads(report_file.read_text(encoding="utf-8")))
    click.echo(f"{report_file}: valid newsprism.report/1")


_PASS_THROUGH = {"ignore_unknown_options": True, "help_option_names": []}


@cli.group(name="eval")
def evaluate() -> None:
    """Measure newsprism on the real annotated corpus (../shared/corpus by default).

    \b
    Example:
        newsprism eval stories --corpus ../shared/corpus
        newsprism eval pages --set fundus --limit 50
        newsprism eval quotes --split dev
        newsprism eval entities
        newsprism eval stance --limit 200
    """


# Each evaluation is its own module with an argparse ``main``; the CLI forwards the arguments untouched.
_EVALUATIONS = {
    "stories": (
        "newsprism.eval.stories",
        "B-cubed of story clustering (batch, stream) on ECB+, NewsWCL50, UCI and NeuS, beside TF-IDF",
    ),
    "pages": ("newsprism.eval.pagedump", "Token F1 of cleaning on naive text dumps of real pages"),
    "quotes": (
        "newsprism.eval.quotes",
        "Direct quotes, attributions and speakers on PolNeAR, beside textacy",
    ),
    "entities": ("newsprism.eval.entities", "Entity mention recall and merging on ECB+ and NewsWCL50"),
    "summary": ("newsprism.eval.summary", "ROUGE of the cited summary on NeuS, beside lead baselines"),
    "alignment": (
        "newsprism.eval.alignment",
        "Precision and recall of cross-article alignments on NewsWCL50 coreference chains",
    ),
    "stance": (
        "newsprism.eval.stance",
        "Discrepancy detection on FNC-1 headline/body pairs: disagree against agree, beside refuting words",
    ),
}


def _add_evaluation(name: str, module: str, summary: str) -> None:
    def run(args: tuple[str, ...]) -> None:
        sys.exit(importlib.import_module(module).main(list(args)))

    example = f"newsprism eval {name} --corpus ../shared/corpus"
    run.__doc__ = f"{summary} (--help for options).\n\n\b\nExample:\n    {example}"
    command = click.argument("args", nargs=-1, type=click.UNPROCESSED)(run)
    evaluate.command(name=name, context_settings=_PASS_THROUGH, add_help_option=False)(command)


for _name, (_module, _summary) in _EVALUATIONS.items():
    _add_evaluation(_name, _module, _summary)


def _existing(db: Path) -> Path:
    if not db.exists():
        raise UsageError(f"no database at {db} (create one with `newsprism ingest PATHS --db {db}`)")
    return db


def _write(result: Report, out_dir: Path, formats: Sequence[str]) -> list[Path]:
    from newsprism.report import write_report

    written = write_report(result, out_dir, formats=tuple(formats))
    for path in written:
        log.info("wrote %s", path)
    return written


def _finish(summary: pipeline.IngestSummary) -> None:
    log.info(
        "%d articles (%d new, %d already stored), %d rejected",
        len(summary.article_ids),
        summary.added,
        summary.already_stored,
        len(summary.rejections),
    )
    if summary.rejections:
        # Each rejection was already logged as one line naming the file and the reason.
        sys.exit(EXIT_REJECTED)


def main(argv: Sequence[str] | None = None) -> Any:
    try:
        return cli.main(
            args=list(argv) if argv is not None else None, prog_name="newsprism", standalone_mode=True
        )
    except UsageError as error:
        click.echo(f"newsprism: error: {error}", err=True)
        sys.exit(EXIT_USAGE)
    except NewsprismError as error:
        click.echo(f"newsprism: error: {error}", err=True)
        sys.exit(EXIT_FAILURE)


if __name__ == "__main__":
    main()
