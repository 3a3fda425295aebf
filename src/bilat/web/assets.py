"""The front-end libraries the pages use (graph, timeline, API docs): served from the folder
`make install` fills from package-lock.json (Settings.assets, node_modules/), never from a CDN."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

# URL prefix -> folder inside node_modules, and the files the pages load from it
LIBRARIES = {
    "cytoscape": ("cytoscape/dist", ("cytoscape.min.js",)),
    # vis-timeline's "peer" build, with its two peers: the "standalone" one injects <style>
    # elements, which the pages' CSP (style-src 'self') blocks
    "moment": ("moment/min", ("moment.min.js",)),
    "vis-data": ("vis-data/peer/umd", ("vis-data.min.js",)),
    "vis-timeline": (
        "vis-timeline",
        ("peer/umd/vis-timeline-graph2d.min.js", "styles/vis-timeline-graph2d.min.css"),
    ),
    "swagger-ui": ("swagger-ui-dist", ("swagger-ui-bundle.js", "swagger-ui.css")),
}
# what a page needs installed to draw each of its widgets
WIDGETS = {
    "timeline": ("moment", "vis-data", "vis-timeline"),
    "graph": ("cytoscape",),
    "docs": ("swagger-ui",),
}
MISSING_HINT = "not installed: run `make install` (npm ci from package-lock.json), or set BILAT_ASSETS"


@dataclass(frozen=True)
class Assets:
    root: Path

    def missing(self, name: str) -> list[str]:
        """The files of library `name` that are not installed (relative to the assets folder)."""
        folder, files = LIBRARIES[name]
        return [f"{folder}/{f}" for f in files if not (self.root / folder / f).is_file()]

    def installed(self, name: str) -> bool:
        return not self.missing(name)

    def ready(self, widget: str) -> bool:
        """Whether every library of a widget (timeline, graph, docs) is installed."""
        return all(self.installed(name) for name in WIDGETS[widget])


def mount_assets(app: FastAPI, root: str) -> Assets:
    """Serve each installed library's folder at /assets/<name>/ (only those folders, not all of
    node_modules); the folder is looked for when the app is made."""
    assets = Assets(Path(root))
    for name, (folder, _) in LIBRARIES.items():
        directory = assets.root / folder
        if directory.is_dir():  # a library not installed is a 404, and pages say how to install it
            app.mount(f"/assets/{name}", StaticFiles(directory=str(directory)), name=f"assets-{name}")
    app.state.assets = assets
    return assets
