"""``jixiao serve``: the store in a browser, as a Datasette plugin shipped inside jixiao.

The plugin (entry point ``datasette``: ``jixiao = "jixiao.store.web"``) adds jixiao's own
pages to Datasette; Datasette's stock views of the same file — tables, facets, SQL,
CSV/JSON — stay where they are (``/<database>``).  ``jixiao serve --db jixiao.db`` starts
Datasette with it; a Datasette user with jixiao installed gets the same pages from
``datasette serve jixiao.db``.

Stable URLs (each has a Python function behind it in :mod:`jixiao.store.web.pages`):

==========================================  ==================================================
``/search?q=…&province=…&years=…&kind=…``   hybrid search (``.json``: the same as JSON)
``/findings/{finding_id}``                  a finding on its page, its words boxed
``/findings/{finding_id}/evidence.png``     that page image (``?page=N`` for a span that runs on)
``/findings/{finding_id}/similar``          the same issue in other reports (``.json``)
``/reports/{report_id}``                    the report (``.json``: its record, contract v2)
``/reports/{report_id}/evidence/{key}``     a field (``score.total`` …), ``indicator-N``,
                                            ``figure-N`` or ``check-N`` on its page (``.png``)
``/compare?by=…&level=…&metric=…``          comparison table and chart
                                            (``&format=xlsx|csv|json`` downloads it)
``/status``                                 what the store holds, import errors
==========================================  ==================================================

Read-only: pages read through Datasette's read-only connections (``mode=ro``), and nothing
here writes.  Bad parameters answer 400 with the reason, unknown ids 404, never a traceback.

Settings (Datasette plugin configuration, ``plugins: jixiao:`` in ``metadata.yml``, or the
options of ``jixiao serve``): ``database`` — which attached database is the store (default:
the first that has jixiao's tables); ``sources`` — folders where the reports' files are looked
for when they are no longer where they were imported from; ``home`` — ``true`` makes ``/``
open the search page (``jixiao serve`` sets it).
"""

from __future__ import annotations

import asyncio
import json
import sys
import traceback
import urllib.parse
from pathlib import Path
from typing import Any, Callable

from datasette import hookimpl
from datasette.utils.asgi import Forbidden, Response

from . import pages

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
PLUGIN = "jixiao"
_STORE_TABLES = {"reports", "findings", "documents", "evidence"}


def _config(datasette) -> dict[str, Any]:
    return datasette.plugin_config(PLUGIN) or {}


async def _store_database(datasette):
    """The Datasette database that is the jixiao store."""
    name = _config(datasette).get("database")
    if name:
        return datasette.get_database(name)
    cached = getattr(datasette, "_jixiao_database", None)
    if cached and cached in datasette.databases:
        return datasette.databases[cached]
    for db_name, db in datasette.databases.items():
        if db_name == "_internal" or db.is_memory:
            continue
        if _STORE_TABLES <= set(await db.table_names()):
            datasette._jixiao_database = db_name
            return db
    raise pages.NotFound(
        "no jixiao store is open here: start with `jixiao serve --db jixiao.db` (or `datasette serve jixiao.db`)"
    )


def _static_base(datasette) -> str:
    from datasette.plugins import get_plugins

    for p in get_plugins():
        if p.get("static_path") and Path(p["static_path"]).resolve() == STATIC:
            return datasette.urls.path(f"/-/static-plugins/{p['name']}/")
    return datasette.urls.path("/-/static-plugins/jixiao/")


async def _run(datasette, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(store, *args)`` in Datasette's SQL thread over its read-only connection."""
    db = await _store_database(datasette)

    def call(conn):
        saved = conn.row_factory
        conn.row_factory = None  # the library reads plain tuples
        try:
            return fn(pages.StoreView(conn, db.path), *args, **kwargs)
        finally:
            conn.row_factory = saved

    return await db.execute_fn(call)


def _params(request) -> dict[str, str]:
    return {k: request.args.get(k) for k in request.args.keys()}


def _json(data: Any, status: int = 200) -> Response:
    return Response(
        json.dumps(data, ensure_ascii=False, default=str, indent=1),
        status=status,
        content_type="application/json; charset=utf-8",
    )


async def _page(datasette, request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    db_name = getattr(datasette, "_jixiao_database", None)
    ctx = {
        "jx_static": _static_base(datasette),
        "jx_db": db_name,
        "jx_request_path": request.path,
        "jx_query": urllib.parse.urlencode,
        **context,
    }
    html = await datasette.render_template([f"jixiao/{template}"], ctx, request=request)
    return Response.html(html, status=status)


async def _error(datasette, request, status: int, message: str, as_json: bool) -> Response:
    if as_json:
        return _json({"ok": False, "status": status, "error": message}, status)
    title = {400: "请求有误", 404: "没有找到", 500: "出错了"}.get(status, "出错了")
    return await _page(datasette, request, "error.html", {"status": status, "title": title, "message": message}, status)


def _view(fn):
    """Wrap a view: 400 for bad parameters, 404 for unknown ids, 500 (logged) for anything else."""

    async def view(datasette, request):
        as_json = request.path.endswith(".json") or request.args.get("_format") == "json"
        try:
            await _allowed(datasette, request)
            return await fn(datasette, request)
        except Forbidden:
            raise  # Datasette answers it (and an auth plugin offers its login page)
        except pages.BadRequest as exc:
            return await _error(datasette, request, 400, str(exc), as_json)
        except (pages.NotFound, KeyError) as exc:
            msg = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
            return await _error(datasette, request, 404, msg, as_json)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # never a traceback in the browser; the log has it
            traceback.print_exc(file=sys.stderr)
            return await _error(datasette, request, 500, f"内部错误：{type(exc).__name__}（详情见服务器日志）", as_json)

    view.__name__ = fn.__name__
    return view


async def _allowed(datasette, request) -> None:
    """Datasette's permissions hold for jixiao's pages too: ``view-instance`` and ``view-database``
    of the store (so an ``allow`` block or an authentication plugin protects them)."""
    db = await _store_database(datasette)
    await datasette.ensure_permissions(request.actor, ["view-instance", ("view-database", db.name)])


def _roots(datasette) -> list[str]:
    value = _config(datasette).get("sources") or []
    return [value] if isinstance(value, str) else list(value)


# ----------------------------------------------------------------------------- views
@_view
async def search_view(datasette, request):
    data = await _run(datasette, pages.search_page, _params(request))
    if request.url_vars.get("format") == "json":
        return _json({k: v for k, v in data.items() if k != "form"})
    return await _page(datasette, request, "search.html", data)


@_view
async def similar_view(datasette, request):
    data = await _run(datasette, pages.similar_page, request.url_vars["finding_id"], _params(request))
    if request.url_vars.get("format") == "json":
        return _json({k: v for k, v in data.items() if k != "form"})
    return await _page(datasette, request, "similar.html", data)


@_view
async def report_view(datasette, request):
    data = await _run(datasette, pages.report_page, request.url_vars["report_id"])
    if request.url_vars.get("format") == "json":
        return _json(data["record"])
    return await _page(datasette, request, "report.html", data)


@_view
async def finding_view(datasette, request):
    data = await _run(
        datasette, pages.finding_page, request.url_vars["finding_id"], _params(request), roots=_roots(datasette)
    )
    if request.url_vars.get("format") == "json":
        return _json(data)
    return await _page(datasette, request, "evidence.html", data)


@_view
async def evidence_view(datasette, request):
    rid, key = request.url_vars["report_id"], request.url_vars["key"]
    if request.url_vars.get("png"):
        return await _png(datasette, request, lambda store: pages.report_evidence_target(store, rid, key))
    data = await _run(datasette, pages.evidence_page, rid, key, _params(request), roots=_roots(datasette))
    return await _page(datasette, request, "evidence.html", data)


@_view
async def finding_png_view(datasette, request):
    fid = request.url_vars["finding_id"]
    return await _png(datasette, request, lambda store: pages._finding_target(store, fid))


async def _png(datasette, request, target_of) -> Response:
    params, roots = _params(request), _roots(datasette)
    image = await _run(datasette, lambda store: pages.evidence_png(store, target_of(store), params, roots=roots))
    return Response(
        image.png,
        content_type="image/png",
        headers={
            "Cache-Control": "private, max-age=3600",
            "X-Jixiao-Page": str(image.page),
            "X-Jixiao-Scale": repr(image.scale),
            "X-Jixiao-Boxes": str(len(image.boxes)),
            "X-Jixiao-Method": image.method,
        },
    )


@_view
async def compare_view(datasette, request):
    params = _params(request)
    fmt = (params.get("format") or "").strip()
    if fmt in ("xlsx", "csv"):
        body, name, ctype = await _run(datasette, pages.compare_file, params, fmt)
        quoted = urllib.parse.quote(name)
        return Response(
            body,
            content_type=ctype,
            headers={"Content-Disposition": f"attachment; filename=\"{name}\"; filename*=UTF-8''{quoted}"},
        )
    if fmt not in ("", "html", "json"):
        raise pages.BadRequest(f"format must be html, json, xlsx or csv, not {fmt!r}")
    data = await _run(datasette, pages.compare_page, params)
    if fmt == "json":
        return _json(data["comparison"])
    return await _page(datasette, request, "compare.html", data)


@_view
async def compare_chart_view(datasette, request):
    png = await _run(datasette, pages.compare_chart, _params(request))
    return Response(png, content_type="image/png", headers={"Cache-Control": "private, max-age=600"})


@_view
async def status_view(datasette, request):
    data = await _run(datasette, pages.status_page, _params(request))
    if request.url_vars.get("format") == "json":
        return _json(data)
    return await _page(datasette, request, "status.html", data)


async def home_view(datasette, request):
    return Response.redirect(datasette.urls.path("/search"))


# ----------------------------------------------------------------------------- hooks
@hookimpl
def register_routes(datasette):
    routes = [
        (r"^/search(\.(?P<format>json))?$", search_view),
        (r"^/findings/(?P<finding_id>[^/]+?)/evidence\.png$", finding_png_view),
        (r"^/findings/(?P<finding_id>[^/]+?)/similar(\.(?P<format>json))?$", similar_view),
        (r"^/findings/(?P<finding_id>[^/]+?)(\.(?P<format>json))?$", finding_view),
        (r"^/reports/(?P<report_id>[^/]+?)/evidence/(?P<key>[^/]+?)(?P<png>\.png)?$", evidence_view),
        (r"^/reports/(?P<report_id>[^/]+?)(\.(?P<format>json))?$", report_view),
        (r"^/compare/chart\.png$", compare_chart_view),
        (r"^/compare$", compare_view),
        (r"^/status(\.(?P<format>json))?$", status_view),
    ]
    if datasette is not None and _config(datasette).get("home"):
        routes.append((r"^/$", home_view))
    return routes


@hookimpl
def menu_links(datasette, actor, request):
    return [
        {"href": datasette.urls.path("/search"), "label": "jixiao 检索"},
        {"href": datasette.urls.path("/compare"), "label": "jixiao 对比"},
        {"href": datasette.urls.path("/status"), "label": "jixiao 入库状态"},
    ]


@hookimpl
def prepare_jinja2_environment(env, datasette):
    env.filters["jx_num"] = _num
    env.filters["jx_years"] = lambda ys: "、".join(str(y) for y in (ys or [])) or "—"


def _num(v: Any) -> str:
    if v is None or v == "":
        return "—"
    if isinstance(v, float):
        return f"{v:.2f}".rstrip("0").rstrip(".") if not v.is_integer() else str(int(v))
    return str(v)


__all__ = ["register_routes", "menu_links", "prepare_jinja2_environment"]
