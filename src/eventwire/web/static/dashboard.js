// eventwire dashboard: draws the charts from the JSON the server put in the page (#data), with plotly.js
// served by the app. No request leaves the machine.
var eventwire = (function () {
  "use strict";
  function data() { return JSON.parse(document.getElementById("data").textContent); }
  var QUAD_COLOURS = { 1: "#85c1e9", 2: "#2e86c1", 3: "#f1948a", 4: "#c0392b" };
  var CONFIG = { displaylogo: false, responsive: true, topojsonURL: "/static/topojson/" };

  function dyad() {
    var d = data(), periods = d.series.map(function (r) { return r.period; });
    var keys = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];
    var traces = keys.map(function (key, i) {
      return { type: "bar", name: d.quads[i + 1], x: periods, y: d.series.map(function (r) { return r[key]; }),
               marker: { color: QUAD_COLOURS[i + 1] }, customdata: d.series.map(function (r) { return r.link; }) };
    });
    traces.push({ type: "scatter", mode: "lines+markers", name: "mean Goldstein", yaxis: "y2", x: periods,
                  y: d.series.map(function (r) { return r.goldstein; }), line: { color: "#1d232a" },
                  customdata: d.series.map(function (r) { return r.link; }) });
    var layout = { barmode: "stack", margin: { t: 10 }, legend: { orientation: "h" },
                   yaxis: { title: { text: "events" } },
                   yaxis2: { title: { text: "Goldstein" }, overlaying: "y", side: "right", range: [-10, 10] } };
    var div = document.getElementById("dyad-chart");
    Plotly.newPlot(div, traces, layout, CONFIG).then(function () {
      div.on("plotly_click", function (ev) {
        if (ev.points.length && ev.points[0].customdata) { window.location.href = ev.points[0].customdata; }
      });
    });
  }

  function colour(goldstein) {
    var t = Math.max(-10, Math.min(10, goldstein)) / 10;
    return t < 0 ? "rgba(192,57,43," + (0.35 + 0.65 * -t) + ")" : "rgba(46,134,193," + (0.35 + 0.65 * t) + ")";
  }

  function network() {
    var d = data(), max = Math.max.apply(null, d.edges.map(function (e) { return e.events; }).concat([1]));
    var traces = d.edges.map(function (e) {
      return { type: "scatter", mode: "lines", hoverinfo: "text", showlegend: false,
               x: [e.xy[0][0], e.xy[1][0]], y: [e.xy[0][1], e.xy[1][1]],
               text: e.source + " → " + e.target + ": " + e.events + " events, mean Goldstein " + e.goldstein,
               line: { width: 1 + 7 * e.events / max, color: colour(e.goldstein) },
               customdata: ["/events?source=" + e.source + "&target=" + e.target] };
    });
    traces.push({ type: "scatter", mode: "markers+text", showlegend: false, textposition: "top center",
                  x: d.nodes.map(function (n) { return n.x; }), y: d.nodes.map(function (n) { return n.y; }),
                  text: d.nodes.map(function (n) { return n.name; }),
                  customdata: d.nodes.map(function (n) { return "/events?actor=" + n.name; }),
                  marker: { size: 12, color: "#1d3557" } });
    var axis = { visible: false, range: [-1.25, 1.25] };
    var div = document.getElementById("network-chart");
    Plotly.newPlot(div, traces, { xaxis: axis, yaxis: axis, margin: { t: 10, l: 10, r: 10, b: 10 }, hovermode: "closest" },
                   CONFIG).then(function () {
      div.on("plotly_click", function (ev) {
        if (ev.points.length && ev.points[0].customdata) { window.location.href = ev.points[0].customdata; }
      });
    });
  }

  function map() {
    var d = data();
    var trace = { type: "choropleth", locationmode: "ISO-3", locations: d.countries.map(function (c) { return c.actor; }),
                  z: d.countries.map(function (c) { return c.events; }), colorscale: "YlOrRd",
                  text: d.countries.map(function (c) { return c.actor + ": " + c.events + " events"; }),
                  customdata: d.countries.map(function (c) { return "/events?actor=" + c.actor; }),
                  colorbar: { title: { text: "events" } } };
    var div = document.getElementById("map-chart");
    Plotly.newPlot(div, [trace], { geo: { projection: { type: "natural earth", rotation: { lon: 0 } }, lonaxis: { range: [-180, 180] },
                     showframe: false, showcountries: true, countrycolor: "#bbb" }, margin: { t: 10 } },
                   CONFIG).then(function () {
      div.on("plotly_click", function (ev) {
        if (ev.points.length && ev.points[0].customdata) { window.location.href = ev.points[0].customdata; }
      });
    });
  }

  return { dyad: dyad, network: network, map: map };
})();
