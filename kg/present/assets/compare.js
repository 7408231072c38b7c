/* kg compare page. Reads the JSON block #kc-data and shows it as a table whose rows
 * sort (click a header) and filter (text, type), whose place columns filter and sort,
 * and whose cells open the sentences behind them. Every name and sentence comes from
 * reports, so it is only ever set as textContent, never as markup. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kc-data").textContent);
  var state = { sortCol: -1, sortDir: 1, rowFilter: "", type: "", colFilter: "", colOrder: "name", open: null };
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function norm(s) { return String(s).normalize("NFKC").toLowerCase().replace(/\s+/g, ""); }

  function visibleColumns() {
    var cols = [];
    data.columns.forEach(function (c, i) {
      if (i < data.fixed || !state.colFilter || norm(c.label).indexOf(state.colFilter) >= 0) { cols.push(i); }
    });
    var fixed = cols.filter(function (i) { return i < data.fixed; });
    var rest = cols.filter(function (i) { return i >= data.fixed; });
    if (state.colOrder === "count") {
      rest.sort(function (a, b) { return (data.columns[b].count - data.columns[a].count) || (a - b); });
    }
    return fixed.concat(rest);
  }

  function rowMatches(row) {
    if (state.type && row.type !== state.type) { return false; }
    if (!state.rowFilter) { return true; }
    return row.cells.some(function (c, i) {
      return i < data.fixed && norm(c.t).indexOf(state.rowFilter) >= 0;
    });
  }

  function compareCells(a, b) {
    var x = a.v, y = b.v;
    if (typeof x === "number" && typeof y === "number") { return x - y; }
    return String(x).localeCompare(String(y), "zh");
  }

  function visibleRows() {
    var rows = [];
    data.rows.forEach(function (r, i) { if (rowMatches(r)) { rows.push(i); } });
    if (state.sortCol >= 0) {
      rows.sort(function (a, b) {
        return state.sortDir * compareCells(data.rows[a].cells[state.sortCol], data.rows[b].cells[state.sortCol]) || (a - b);
      });
    }
    return rows;
  }

  function render() {
    var cols = visibleColumns();
    var head = $("kc-head");
    head.textContent = "";
    cols.forEach(function (i) {
      var th = el("th", null, data.columns[i].label);
      th.dataset.col = String(i);
      th.scope = "col";
      if (i === state.sortCol) { th.setAttribute("aria-sort", state.sortDir > 0 ? "ascending" : "descending"); }
      th.addEventListener("click", function () {
        if (state.sortCol === i) { state.sortDir = -state.sortDir; } else { state.sortCol = i; state.sortDir = data.columns[i].num ? -1 : 1; }
        render();
      });
      head.appendChild(th);
    });
    var body = $("kc-body");
    body.textContent = "";
    var rows = visibleRows();
    rows.forEach(function (ri) {
      var row = data.rows[ri];
      var tr = el("tr");
      tr.dataset.row = String(ri);
      if (state.open && state.open[0] === ri) { tr.className = "kc-open"; }
      cols.forEach(function (ci) {
        var cell = row.cells[ci];
        var td = el(ci === 0 ? "th" : "td", null, cell.t);
        if (ci === 0) { td.scope = "row"; }
        if (data.columns[ci].num) { td.classList.add("kc-num"); }
        if (cell.c) { td.classList.add("kc-" + cell.c); }
        if (cell.s && cell.s.length) {
          td.classList.add("kc-has");
          td.tabIndex = 0;
          td.title = cell.s.length + " 句原文";
          td.addEventListener("click", function () { openCell(ri, ci); });
          td.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { openCell(ri, ci); } });
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    $("kc-empty").hidden = rows.length > 0;
    $("kc-status").textContent = rows.length + " / " + data.rows.length + " 行";
    window.kgCompare.rows = rows.length;
    window.kgCompare.columns = cols.length;
  }

  function openCell(ri, ci) {
    var row = data.rows[ri], cell = row.cells[ci];
    state.open = [ri, ci];
    var panel = $("kc-panel-body");
    panel.textContent = "";
    panel.appendChild(el("h2", null, row.cells[0].t + " · " + data.columns[ci].label));
    if (cell.t) { panel.appendChild(el("p", null, cell.t)); }
    if (cell.d) { panel.appendChild(el("p", "kc-meta", cell.d)); }
    var list = el("ul");
    cell.s.forEach(function (si) {
      var s = data.sentences[si];
      var li = el("li");
      li.appendChild(el("div", "kc-meta", s.report + (s.year ? " · " + s.year : "") + " · " + s.place));
      var p = el("p", "kc-sentence");
      p.style.margin = "0";
      s.text.forEach(function (piece, k) { p.appendChild(k % 2 ? el("mark", null, piece) : document.createTextNode(piece)); });
      li.appendChild(p);
      list.appendChild(li);
    });
    panel.appendChild(list);
    $("kc-panel").hidden = false;
    render();
  }

  function reset() {
    state.sortCol = -1; state.sortDir = 1; state.rowFilter = ""; state.type = ""; state.colFilter = ""; state.colOrder = "name";
    $("kc-row-filter").value = ""; $("kc-type").value = ""; $("kc-col-filter").value = ""; $("kc-col-order").value = "name";
    render();
  }

  document.title = data.title;
  $("kc-note").textContent = data.note || "";
  data.types.forEach(function (t) {
    var o = el("option", null, t);
    o.value = t;
    $("kc-type").appendChild(o);
  });
  $("kc-col-tools").hidden = data.fixed >= data.columns.length && data.by !== "place";
  $("kc-row-filter").addEventListener("input", function (e) { state.rowFilter = norm(e.target.value); render(); });
  $("kc-type").addEventListener("change", function (e) { state.type = e.target.value; render(); });
  $("kc-col-filter").addEventListener("input", function (e) { state.colFilter = norm(e.target.value); render(); });
  $("kc-col-order").addEventListener("change", function (e) { state.colOrder = e.target.value; render(); });
  $("kc-reset").addEventListener("click", reset);
  $("kc-panel-close").addEventListener("click", function () { $("kc-panel").hidden = true; state.open = null; render(); });
  window.kgCompare = { state: state, render: render, openCell: openCell, ready: false };
  render();
  window.kgCompare.ready = true;
}());
