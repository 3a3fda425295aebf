// The pair dossier's timeline (vis-timeline) and network (cytoscape), drawn from the page's JSON
// twin. Without JavaScript, or without the libraries, the page's lists and tables say the same.
// Titles and names are untrusted: they are put in as text (textContent), never as HTML.
"use strict";

var KIND_COLOURS = { organization: "#1f5f8b", person: "#b7791f", city: "#6b46c1", region: "#6b46c1" };

function factLink(id) {
  return "/facts/" + encodeURIComponent(id);
}

function toDate(value) {
  // "2024", "2024-11" or "2024-11-05" -> a Date at the start of that period (UTC)
  var parts = String(value).split("-").map(Number);
  return new Date(Date.UTC(parts[0], (parts[1] || 1) - 1, parts[2] || 1));
}

function drawTimeline(el, dossier) {
  if (!window.vis || !window.vis.Timeline) {
    el.textContent = "vis-timeline is not installed: run `make install`.";
    return;
  }
  var items = dossier.timeline.map(function (f) {
    var content = document.createElement("a");
    content.href = factLink(f.id);
    content.textContent = f.title || f.id;
    content.className = "tl-" + f.type;
    return { id: f.id, content: content, start: toDate(f.date), title: f.kind.replace(/_/g, " ") + (f.status ? " · " + f.status : ""), className: "tl-" + f.type };
  });
  var timeline = new window.vis.Timeline(el, new window.vis.DataSet(items), {
    stack: true,
    maxHeight: 420,
    zoomable: true,
  });
  timeline.on("select", function (props) {
    if (props.items.length) window.location.href = factLink(props.items[0]);
  });
  el.setAttribute("data-items", String(items.length));
  el.setAttribute("data-ready", "1");
}

function drawNetwork(el, dossier) {
  if (typeof window.cytoscape !== "function") {
    el.textContent = "cytoscape is not installed: run `make install`.";
    return;
  }
  var nodes = dossier.network.nodes;
  var most = Math.max.apply(null, nodes.map(function (n) { return n.facts; }).concat([1]));
  var elements = nodes.map(function (n) {
    return { data: { id: n.id, label: n.name, kind: n.kind, size: 18 + 30 * Math.sqrt(n.facts / most) } };
  }).concat(dossier.network.edges.map(function (e) {
    return { data: { id: e.source + "|" + e.target, source: e.source, target: e.target, width: Math.min(1 + e.facts, 8) } };
  }));
  // cytoscape adds a <style> for its container unless an element with this id exists; the
  // CSP blocks inline styles, and bilat.css has the rule (.__________cytoscape_container)
  if (!document.getElementById("__________cytoscape_stylesheet")) {
    var marker = document.createElement("meta");
    marker.id = "__________cytoscape_stylesheet";
    document.head.appendChild(marker);
  }
  var cy = window.cytoscape({
    container: el,
    elements: elements,
    style: [
      { selector: "node", style: {
        label: "data(label)", width: "data(size)", height: "data(size)", "font-size": 10,
        "text-wrap": "ellipsis", "text-max-width": 140, "text-valign": "bottom", color: "#1d2329",
        "background-color": function (n) { return KIND_COLOURS[n.data("kind")] || "#667380"; },
      } },
      { selector: "edge", style: { width: "data(width)", "line-color": "#b8c4cf", "curve-style": "haystack", opacity: 0.8 } },
    ],
    layout: { name: nodes.length > 1 ? "cose" : "grid", animate: false, randomize: false, nodeRepulsion: 9000 },
    wheelSensitivity: 0.3,
  });
  cy.on("tap", "node", function (event) {
    window.location.href = "/actors/" + encodeURIComponent(event.target.id());
  });
  el.setAttribute("data-nodes", String(cy.nodes().length));
  el.setAttribute("data-ready", "1");
}

document.addEventListener("DOMContentLoaded", function () {
  var timeline = document.getElementById("timeline");
  var network = document.getElementById("network");
  var source = (timeline || network) && (timeline || network).getAttribute("data-src");
  if (!source) return;
  fetch(source, { headers: { accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) throw new Error("the dossier could not be read (" + response.status + ")");
      return response.json();
    })
    .then(function (dossier) {
      if (timeline) drawTimeline(timeline, dossier);
      if (network) drawNetwork(network, dossier);
    })
    .catch(function (error) {
      [timeline, network].forEach(function (el) {
        if (el) el.textContent = String(error.message || error) + " - reload the page.";
      });
    });
});
