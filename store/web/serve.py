"""Start Datasette with jixiao's pages over one store (what ``jixiao serve`` runs).

::

    from jixiao.store.web.serve import datasette_app, run

    ds = datasette_app("jixiao.db")          # a datasette.app.Datasette with the jixiao plugin
    run("jixiao.db", host="127.0.0.1", port=8001)

The store is opened by Datasette read-only (``mode=ro`` connections); the server binds to
127.0.0.1 unless told otherwise.  Anyone who can reach the port can read the whole store:
before binding to another address put authentication in front (README, "jixiao serve").
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any, Sequence

TITLE = "绩效 jixiao"


def ensure_registered() -> None:
    """Register the plugin with Datasette when its entry point is not installed (a source checkout)."""
    from datasette.plugins import pm

    from . import __name__ as plugin_name
    import importlib

    module = importlib.import_module(plugin_name)
    if not pm.is_registered(module):
        pm.register(module, name="jixiao")


def datasette_app(
    db: str | Path, *, sources: Sequence[str | Path] = (), home: bool = True, settings: dict[str, Any] | None = None
):
    """A :class:`datasette.app.Datasette` serving ``db`` with jixiao's pages.

    ``sources``: folders where the reports' files are looked for when they are no longer where
    they were imported from (the page images need the PDF); ``home``: ``/`` opens the search page.
    """
    from datasette.app import Datasette

    ensure_registered()
    plugin = {"home": bool(home), "sources": [str(Path(s).resolve()) for s in sources]}
    kwargs: dict[str, Any] = {"settings": settings or {}}
    params = inspect.signature(Datasette.__init__).parameters
    if "config" in params and "metadata" in params and "plugins" not in params:  # Datasette 1.0: settings in config
        kwargs["config"] = {"plugins": {"jixiao": plugin}}
        kwargs["metadata"] = {"title": TITLE}
    else:
        kwargs["metadata"] = {"title": TITLE, "plugins": {"jixiao": plugin}}
    return Datasette([str(db)], **kwargs)


def run(
    db: str | Path, *, host: str = "127.0.0.1", port: int = 8001, sources: Sequence[str | Path] = (), announce=print
) -> None:
    """Serve ``db`` until interrupted."""
    import uvicorn

    ds = datasette_app(db, sources=sources)
    name = next(iter(n for n in ds.databases if n != "_internal"), "")
    shown = "127.0.0.1" if host in ("127.0.0.1", "localhost") else host
    announce(
        f"jixiao: serving {db} at http://{shown}:{port}/ (search /search, compare /compare, status /status; "
        f"Datasette's tables at /{name}); Ctrl-C stops"
    )
    # A long query URL (10,000 Chinese characters are 90 kB percent-encoded) reaches the app and is
    # answered 400 with the reason, rather than being cut off by the HTTP parser.
    uvicorn.run(
        ds.app(), host=host, port=port, log_level="warning", lifespan="on", h11_max_incomplete_event_size=256 * 1024
    )


__all__ = ["datasette_app", "run", "ensure_registered"]
