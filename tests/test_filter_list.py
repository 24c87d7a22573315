"""The filter list (``jixiao.store.filters.Filters``): each filter is one line, and its SQL, the
in-memory mask a search uses, its command-line option and its parsing are all made from it.

A filter added in a subclass is what adding that line to ``Filters`` does; it is checked here
end to end on the store built from the real reports."""

from __future__ import annotations

from dataclasses import dataclass, fields

import click
import pytest
from click.testing import CliRunner

from jixiao.cli import filter_options
from jixiao.store import Filters, Store
from jixiao.store.filters import CONTAINS, FINDING, Match, filter_field, filter_fields
from jixiao.store.mapping import FILTER_COLUMNS
from jixiao.store.search import search
from jixiao.store.values import explain_empty
from jixiao.store.vectors import filter_index


@dataclass
class WithEvaluator(Filters):
    # The one line (in Filters itself it would sit with the other fields).
    evaluator: str | None = filter_field(
        Match(("evaluator",), CONTAINS, on_findings=False), help="Evaluator, or part of its name."
    )


@pytest.fixture(scope="module")
def store(indexed_store):
    with Store(indexed_store) as s:
        yield s


def test_a_filter_added_in_one_line_works_end_to_end(store):
    reports = {rid: store.record(rid) for rid in store.report_ids()}
    expected = {rid for rid, r in reports.items() if r.evaluator and "事务所" in r.evaluator}
    assert 0 < len(expected) < len(reports)  # the filter has something to leave out
    flt = WithEvaluator(evaluator="事务所", kind="问题")  # with a built-in filter, in the users' words
    assert flt.kind == "problem"

    # reports (SQL), and their findings trimmed to the finding-level filter
    assert set(store.report_ids(flt)) == expected
    assert {f.kind for r in store.records(flt) for f in r.findings} == {"problem"}

    # findings: the SQL condition and the in-memory mask of a search select the same rows
    where, params = flt.findings_where("f")
    by_sql = [i for (i,) in store.conn.execute(f"SELECT f.id FROM findings f WHERE {where} ORDER BY f.id", params)]
    assert by_sql and list(filter_index(store.conn, WithEvaluator).allowed_ids(flt)) == by_sql
    hits = search(store, "资金 管理 问题", flt, top=20)
    assert hits and {h.report_id for h in hits} <= expected and {h.kind for h in hits} == {"problem"}

    # the command-line option, made from the same line
    @click.command()
    def ids(**kw):
        click.echo("\n".join(store.report_ids(WithEvaluator(**{k: v for k, v in kw.items() if v}))))

    command = filter_options(ids, WithEvaluator)
    out = CliRunner().invoke(command, ["--evaluator", "事务所"])
    assert out.exit_code == 0, out.output
    assert set(out.output.split()) == expected
    assert "Evaluator, or part of its name." in CliRunner().invoke(command, ["--help"]).output

    # an empty result says what the store holds for it
    why = explain_empty(store, WithEvaluator(evaluator="没有这家评价机构"))
    assert why and "没有这家评价机构" in why and "事务所" in why


def test_every_filter_has_its_columns_in_the_store(store):
    """The list and the schema agree: a report-level column copied into findings is in both tables."""
    have = {t: {r[1] for r in store.conn.execute(f"PRAGMA table_info({t})")} for t in ("reports", "findings")}
    for name, spec in filter_fields():
        for m in spec.matches:
            tables = ["findings"] if m.level == FINDING else ["reports"] + (["findings"] if m.on_findings else [])
            for table in tables:
                assert set(m.columns) <= have[table], (name, table)
            if m.level != FINDING and m.on_findings:
                assert set(m.columns) <= set(FILTER_COLUMNS), name


def test_every_filter_is_a_field_and_an_option():
    names = [name for name, _ in filter_fields()]
    assert names == [f.name for f in fields(Filters)]
    assert {"adcode", "evaluation_mode", "grade", "place"} <= set(names)

    @click.command()
    def noop(**kw):
        click.echo(repr(sorted(k for k, v in kw.items() if v)))

    out = CliRunner().invoke(filter_options(noop), ["--adcode", "530114", "--evaluation", "自评", "--grade", "优"])
    assert out.output.strip() == "['adcode', 'evaluation_mode', 'grade']"
