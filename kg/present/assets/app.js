/* kg graph page.
 *
 * Reads the graph from the JSON block #kg-data and draws it with vis-network
 * (physics off: positions come from kg.present.page). Every piece of report text is put
 * into the page with textContent, as a vis-network plain-text tooltip or with the
 * canvas's fillText, never as HTML, because names and sentences come from untrusted
 * documents. Node labels are drawn by this script, not by vis-network: the most
 * important nodes first (data rank), each only where it overlaps no other label, at
 * one size on screen whatever the zoom, so the full view is readable and zooming in
 * shows more. Every filter change fits the view to the nodes it leaves.
 * window.kgView exposes the network and a few helpers for tests and debugging.
 */
(function () {
  "use strict";

  performance.mark("kg:start");
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  performance.mark("kg:parsed");
  var kinds = {};
  data.kinds.forEach(function (k) { kinds[k.key] = k; });
  var byId = new Map();
  data.nodes.forEach(function (n) { byId.set(n.id, n); });
  var edgeById = new Map();
  data.edges.forEach(function (e) { edgeById.set(e.id, e); });
  // Large graphs skip what costs most per frame: node borders, edges while dragging or
  // zooming, and relation labels and arrowheads except on the selected node's edges
  // (see emphasise).
  var big = data.edges.length > 3000 || data.nodes.length > 1500;

  // ------------------------------------------------------------------ helpers

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function norm(s) {
    return String(s).normalize("NFKC").replace(/[\s《》“”"'「」『』〈〉]/g, "").toLowerCase();
  }

  function isEntity(n) { return n.kind !== "report" && n.kind !== "place"; }

  function kindLabel(n) { return kinds[n.kind] ? kinds[n.kind].label : n.kind; }

  function short(s, limit) { return s.length > limit ? s.slice(0, limit - 1) + "…" : s; }

  function status(text) { document.getElementById("kg-status").textContent = text; }

  function relLabel(e) { return data.rels[e.rel] ? data.rels[e.rel].label : e.rel; }

  function reportName(id) {
    var r = id === undefined || id === null ? null : byId.get(id);
    return r ? r.title || r.label : "";
  }

  var focusIds = data.focus || [];
  var focusSet = new Set(focusIds);

  // Size of a node on the canvas (vis-network's "size": a dot's radius, half a square's side).
  function nodeSize(n) {
    return n.kind === "report" ? 16 : n.kind === "place" ? 14 : Math.min(48, 7 + 5 * Math.sqrt(n.mentions || 1));
  }

  function firstSentence(n) {
    return n.sentences && n.sentences.length ? short(n.sentences[0].text.join(""), 120) : "";
  }

  // ------------------------------------------------------------------ state and filters

  var state = { kinds: {}, report: "", place: "", implicit: true };
  data.kinds.forEach(function (k) { state.kinds[k.key] = k.key !== "place"; });

  function nodeVisible(n) {
    if (!state.kinds[n.kind]) return false;
    if (state.report !== "") {
      var r = Number(state.report);
      if (n.kind === "report" && n.id !== r) return false;
      if (isEntity(n) && n.reports.indexOf(r) < 0) return false;
      if (n.kind === "place" && byId.get(r).places.indexOf(n.id) < 0) return false;
    }
    if (state.place !== "" && n.places.indexOf(Number(state.place)) < 0) return false;
    return true;
  }

  function edgeVisible(e, shown) {
    return shown.has(e.from) && shown.has(e.to) && (state.implicit || !e.implicit);
  }

  var visible = new Set(data.nodes.filter(nodeVisible).map(function (n) { return n.id; }));
  var edgeShown = data.edges.map(function (e) { return edgeVisible(e, visible); });

  // Show what the filters select, count it, and fit the view to it (unless options.fit
  // is false), so that what the counts say is what the canvas shows.
  function applyFilters(options) {
    var nodeChanges = [];
    var next = new Set();
    data.nodes.forEach(function (n) {
      var show = nodeVisible(n);
      if (show) next.add(n.id);
      if (show !== visible.has(n.id)) nodeChanges.push({ id: n.id, hidden: !show });
    });
    var edgeChanges = [];
    var shownEdges = 0;
    data.edges.forEach(function (e) {
      var show = edgeVisible(e, next);
      if (show) shownEdges++;
      if (show !== edgeShown[e.id]) edgeChanges.push({ id: e.id, hidden: !show });
      edgeShown[e.id] = show;
    });
    visible = next;
    nodes.update(nodeChanges);
    edges.update(edgeChanges);
    var entities = 0;
    next.forEach(function (id) { if (isEntity(byId.get(id))) entities++; });
    document.getElementById("kg-counts").textContent =
      "显示 " + next.size + " / " + data.nodes.length + " 个节点（实体 " + entities + "），" +
      shownEdges + " / " + data.edges.length + " 条边";
    document.getElementById("kg-empty").hidden = next.size > 0;
    if (current && current.node && !visible.has(current.id)) closePanel();
    labelVersion++;
    if (!options || options.fit !== false) fitVisible();
  }

  // ------------------------------------------------------------------ vis-network

  function nodeTitle(n) {
    var lines = [n.label, kindLabel(n)];
    if (isEntity(n)) {
      lines[1] += " · 提及 " + n.mentions + " 次";
      if (n.itemCount !== null && n.itemCount !== undefined) lines.push("项数：" + n.itemCount);
      if (n.sentences.length) lines.push(firstSentence(n));
    } else if (n.kind === "report") {
      if (n.title) lines.push(n.title);
      lines.push("提及实体 " + n.entities + " 个");
    }
    return lines.join("\n");
  }

  var IMPLICIT = "（主语隐含：报告发布机构）";
  var FURNITURE = "（网页栏目，非正文句子）";

  function edgeTitle(e) {
    var text = byId.get(e.from).label + " —" + relLabel(e) + "→ " + byId.get(e.to).label;
    if (e.implicit) text += IMPLICIT;
    if (e.evidence && e.evidence.length) text += "\n" + short(e.evidence[0].text.join(""), 120);
    return text;
  }

  // Per-item options are merged one item at a time by vis-network, which is slow for
  // thousands of items: colours and shapes live in groups and edge defaults, and an
  // item carries only what differs.
  var groups = {};
  data.kinds.forEach(function (k) {
    groups[k.key] = { shape: k.shape, color: { background: k.color, border: "#333", highlight: { background: k.color, border: "#000" }, hover: { background: k.color, border: "#000" } } };
  });
  // The node kg viz --focus names keeps a thick red border, selected or not.
  var FOCUS_BORDER = "#d62728";
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var item = {
      id: n.id, group: n.kind, x: n.x, y: n.y, size: nodeSize(n),
      hidden: !visible.has(n.id), title: nodeTitle(n)
    };
    if (focusSet.has(n.id)) {
      var bg = kinds[n.kind].color;
      item.borderWidth = 3;
      item.borderWidthSelected = 4;
      item.color = {
        background: bg, border: FOCUS_BORDER,
        highlight: { background: bg, border: FOCUS_BORDER }, hover: { background: bg, border: FOCUS_BORDER }
      };
    }
    return item;
  }));
  var SECONDARY = { color: "#bbb", highlight: "#888", hover: "#888" };
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var item = { id: e.id, from: e.from, to: e.to, hidden: !edgeShown[e.id], title: edgeTitle(e) };
    if (e.kind === "relation") {
      if (!big) item.label = relLabel(e);
      if (e.implicit) item.dashes = [7, 5];
    } else {
      item.dashes = true;
      item.width = 0.6;
      item.color = SECONDARY;
      if (e.kind === "mentions") item.arrows = { to: { enabled: false } };
    }
    return item;
  }));

  performance.mark("kg:datasets");
  var network = new vis.Network(document.getElementById("kg-network"), { nodes: nodes, edges: edges }, {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 7 },
    interaction: {
      hover: true, tooltipDelay: 120, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
      multiselect: false, navigationButtons: false, keyboard: false
    },
    groups: groups,
    nodes: { borderWidth: big ? 0 : 1, font: { size: 14, color: "#222", strokeWidth: 3, strokeColor: "#fafafa" } },
    edges: {
      smooth: false, selectionWidth: 2, width: 1.6, color: { color: "#666", highlight: "#d62728", hover: "#d62728" },
      arrows: { to: { enabled: !big, scaleFactor: 0.5 } },
      font: { size: 11, color: "#444", strokeWidth: 3, strokeColor: "#fafafa", align: "middle" }
    }
  });

  performance.mark("kg:network");

  // ------------------------------------------------------------------ view: fit and labels

  var container = document.getElementById("kg-network");
  // Room kept around the fitted nodes, in screen pixels: half a label on the sides, a label below.
  var PAD = { x: 70, top: 24, bottom: 36 };
  var MAX_FIT_SCALE = 1.5;

  // The part of the canvas the side panel leaves free (the panel lies over its right side).
  function freeWidth() {
    var panel = document.getElementById("kg-panel");
    return Math.max(container.clientWidth - (panel.hidden ? 0 : panel.offsetWidth), 1);
  }

  // Zoom and move so that every visible node, its border and the room for its label lie
  // in the free part of the canvas.
  function fitVisible() {
    var ids = Array.from(visible);
    if (!ids.length) return;
    var pos = network.getPositions(ids);
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    ids.forEach(function (id) {
      var p = pos[id], r = nodeSize(byId.get(id)) + 4;
      minX = Math.min(minX, p.x - r); maxX = Math.max(maxX, p.x + r);
      minY = Math.min(minY, p.y - r); maxY = Math.max(maxY, p.y + r);
    });
    var w = freeWidth(), h = container.clientHeight;
    var scale = Math.min(
      (w - 2 * PAD.x) / Math.max(maxX - minX, 1), (h - PAD.top - PAD.bottom) / Math.max(maxY - minY, 1), MAX_FIT_SCALE
    );
    if (!(scale > 0.001)) scale = 0.001;  // a canvas too small for the padding
    // vis-network's view position is the canvas point drawn at the centre of the whole canvas.
    var dx = container.clientWidth / 2 - w / 2;
    var dy = h / 2 - (PAD.top + (h - PAD.top - PAD.bottom) / 2);
    network.moveTo({
      position: { x: (minX + maxX) / 2 + dx / scale, y: (minY + maxY) / 2 + dy / scale },
      scale: scale, animation: false
    });
  }

  var LABEL_PX = 12, LABEL_MAX = 600;
  var LABEL_FONT = LABEL_PX + 'px system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
  var measurer = document.createElement("canvas").getContext("2d");
  measurer.font = LABEL_FONT;
  var labelWidths = new Map();
  var byRank = data.nodes.slice().sort(function (a, b) { return a.rank - b.rank; }).map(function (n) { return n.id; });
  var labelled = [], labelKey = "", labelVersion = 0;

  function labelText(n) { return short(n.label, 24); }

  function labelWidth(n) {
    var w = labelWidths.get(n.id);
    if (w === undefined) { w = Math.ceil(measurer.measureText(labelText(n)).width); labelWidths.set(n.id, w); }
    return w;
  }

  // Which labels to draw in the current view, as boxes in screen pixels: the selected and
  // focus nodes, then the others by rank, each where it overlaps no label nor labelled
  // node already placed and fits in the free part of the canvas. Cached per view.
  function placeLabels() {
    var scale = network.getScale(), at = network.getViewPosition();
    var w = freeWidth(), h = container.clientHeight;
    var key = [scale, at.x, at.y, w, h, labelVersion].join();
    if (key === labelKey) return labelled;
    labelKey = key;
    var CELL = 64, grid = new Map(), boxes = [], seen = new Set();
    function cells(b, visit) {
      for (var i = Math.floor(b.x / CELL); i <= Math.floor((b.x + b.w) / CELL); i++) {
        for (var j = Math.floor(b.y / CELL); j <= Math.floor((b.y + b.h) / CELL); j++) {
          if (visit(i + ":" + j)) return true;
        }
      }
      return false;
    }
    function blocked(b) {
      return cells(b, function (k) {
        return (grid.get(k) || []).some(function (o) {
          return b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h;
        });
      });
    }
    function take(b) {
      cells(b, function (k) { if (!grid.has(k)) grid.set(k, []); grid.get(k).push(b); return false; });
    }
    var order = network.getSelectedNodes().concat(focusIds, byRank);
    for (var i = 0; i < order.length && boxes.length < LABEL_MAX; i++) {
      var id = order[i];
      if (seen.has(id) || !visible.has(id)) continue;
      seen.add(id);
      var n = byId.get(id), p = network.canvasToDOM(network.getPosition(id)), r = nodeSize(n) * scale;
      var bw = labelWidth(n) + 4, bh = LABEL_PX + 4;
      var box = { id: id, x: p.x - bw / 2, y: p.y + r + 2, w: bw, h: bh };
      if (box.x < 0 || box.y < 0 || box.x + bw > w || box.y + bh > h || blocked(box)) continue;
      take(box);
      take({ x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r });  // later labels keep off this node
      boxes.push(box);
    }
    labelled = boxes;
    return boxes;
  }

  network.on("afterDrawing", function (ctx) {
    var boxes = placeLabels();
    var ratio = (network.canvas && network.canvas.pixelRatio) || window.devicePixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = LABEL_FONT;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "#fafafa";
    ctx.fillStyle = "#222";
    boxes.forEach(function (b) {
      var text = labelText(byId.get(b.id));
      ctx.strokeText(text, b.x + b.w / 2, b.y + 2);
      ctx.fillText(text, b.x + b.w / 2, b.y + 2);
    });
    ctx.restore();
  });
  network.on("dragging", function (params) { if (params.nodes.length) labelVersion++; });

  // ------------------------------------------------------------------ side panel

  var current = null;

  function nodeButton(id) {
    var n = byId.get(id);
    var b = el("button", n.label, "kg-link");
    b.type = "button";
    b.addEventListener("click", function () { focusNode(id); });
    return b;
  }

  function sentence(segments, from, furniture) {
    var q = el("blockquote", null, furniture ? "kg-furniture" : null);
    if (from) q.appendChild(el("span", from, "kg-from"));
    segments.forEach(function (piece, i) {
      if (piece) q.appendChild(i % 2 ? el("mark", piece) : document.createTextNode(piece));
    });
    return q;
  }

  function typeLine(n) {
    var line = el("div", null, "kg-type");
    var sw = el("span", null, "kg-swatch " + kinds[n.kind].shape);
    sw.style.background = kinds[n.kind].color;
    line.appendChild(sw);
    line.appendChild(el("span", kindLabel(n)));
    return line;
  }

  function openNode(n) {
    var body = el("div");
    body.appendChild(el("h2", n.label));
    body.appendChild(typeLine(n));
    if (isEntity(n)) {
      var others = n.names.filter(function (x) { return x !== n.label; });
      if (n.itemCount !== null && n.itemCount !== undefined) body.appendChild(el("p", "项数：" + n.itemCount));
      if (n.scope !== null && n.scope !== undefined) {
        var p = el("p", "所属地区：");
        p.appendChild(nodeButton(n.scope));
        body.appendChild(p);
      }
      body.appendChild(el("h3", "其他名称（" + others.length + "）"));
      var ul = el("ul", null, "kg-names");
      others.forEach(function (x) { ul.appendChild(el("li", x)); });
      if (!others.length) ul.appendChild(el("li", "无"));
      body.appendChild(ul);
      body.appendChild(el("h3", "提及它的报告（" + n.reports.length + "）"));
      var rl = el("ul", null, "kg-reports");
      n.reports.forEach(function (r) { var li = el("li"); li.appendChild(nodeButton(r)); rl.appendChild(li); });
      body.appendChild(rl);
      body.appendChild(el("h3", "原文句子（" + n.sentences.length + "）"));
      var box = el("div", null, "kg-sentences");
      n.sentences.forEach(function (s) {
        box.appendChild(sentence(s.text, reportName(s.report) + (s.furniture ? FURNITURE : ""), s.furniture));
      });
      body.appendChild(box);
    } else if (n.kind === "report") {
      if (n.title) body.appendChild(el("p", n.title));
      body.appendChild(el("p", "编号：" + n.label + (n.year ? "　年度：" + n.year : "")));
      if (n.place !== null && n.place !== undefined) {
        var pl = el("p", "地区：");
        pl.appendChild(nodeButton(n.place));
        body.appendChild(pl);
      }
      body.appendChild(el("p", "提及实体 " + n.entities + " 个"));
    } else {
      if (n.level) body.appendChild(el("p", "级别：" + n.level));
      if (n.parent !== null && n.parent !== undefined) {
        var pa = el("p", "位于：");
        pa.appendChild(nodeButton(n.parent));
        body.appendChild(pa);
      }
    }
    body.appendChild(el("p", n.iri, "kg-iri"));
    showPanel(body, { node: true, id: n.id });
  }

  function openEdge(e) {
    var body = el("div");
    body.appendChild(el("h2", relLabel(e) + "（" + e.rel + "）"));
    if (e.implicit) body.appendChild(el("p", "主语隐含：句子没有写出主语，关系记在报告发布机构名下（图中画作虚线）。", "kg-hint"));
    var line = el("p", null, "kg-edge-ends");
    line.appendChild(nodeButton(e.from));
    line.appendChild(el("span", " —" + relLabel(e) + "→ "));
    line.appendChild(nodeButton(e.to));
    body.appendChild(line);
    if (e.evidence) {
      body.appendChild(el("h3", "证据（" + e.evidence.length + "）"));
      var box = el("div", null, "kg-sentences");
      e.evidence.forEach(function (ev) {
        box.appendChild(sentence(
          ev.text, reportName(ev.report) + (ev.implicit ? IMPLICIT : "") + (ev.furniture ? FURNITURE : ""), ev.furniture
        ));
      });
      body.appendChild(box);
    }
    showPanel(body, { node: false, id: e.id });
  }

  function showPanel(body, what) {
    var holder = document.getElementById("kg-panel-body");
    holder.replaceChildren(body);
    document.getElementById("kg-panel").hidden = false;
    current = what;
    network.redraw();  // no label under the panel
  }

  function closePanel() {
    document.getElementById("kg-panel").hidden = true;
    document.getElementById("kg-panel-body").replaceChildren();
    current = null;
    network.redraw();
  }

  // ------------------------------------------------------------------ search and focus

  var nameIndex = [];
  data.nodes.forEach(function (n) {
    n.names.forEach(function (name) { nameIndex.push([norm(name), n.id]); });
  });

  function rank(a, b) {
    var va = visible.has(a) ? 0 : 1, vb = visible.has(b) ? 0 : 1;
    if (va !== vb) return va - vb;
    var ea = isEntity(byId.get(a)) ? 0 : 1, eb = isEntity(byId.get(b)) ? 0 : 1;
    if (ea !== eb) return ea - eb;
    return (byId.get(b).mentions || 0) - (byId.get(a).mentions || 0) || a - b;
  }

  function search(query) {
    var q = norm(query);
    if (!q) return [];
    var exact = new Set(), partial = new Set();
    nameIndex.forEach(function (pair) {
      if (pair[0] === q) exact.add(pair[1]);
      else if (pair[0].indexOf(q) >= 0) partial.add(pair[1]);
    });
    var hits = Array.from(exact.size ? exact : partial);
    return hits.sort(rank);
  }

  function focusNode(id) {
    var n = byId.get(id);
    if (!visible.has(id)) {
      resetFilters();
      if (!state.kinds[n.kind]) { state.kinds[n.kind] = true; syncControls(); applyFilters(); }
      status("已重置筛选以显示「" + short(n.label, 30) + "」");
    }
    network.selectNodes([id]);
    emphasise([id]);
    openNode(n);
    // The panel covers the right of the canvas: centre the node in what stays visible.
    var panel = document.getElementById("kg-panel");
    network.focus(id, {
      scale: Math.max(network.getScale(), 1.2),
      offset: { x: -panel.offsetWidth / 2, y: 0 },
      animation: { duration: 350, easingFunction: "easeInOutQuad" }
    });
  }

  var lastQuery = "", lastHits = [], hitIndex = 0;
  document.getElementById("kg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var query = document.getElementById("kg-search").value;
    if (query !== lastQuery) { lastQuery = query; lastHits = search(query); hitIndex = 0; }
    else if (lastHits.length) hitIndex = (hitIndex + 1) % lastHits.length;
    if (!lastHits.length) { status("没有找到「" + short(query, 30) + "」"); return; }
    status(lastHits.length > 1 ? "第 " + (hitIndex + 1) + " / " + lastHits.length + " 个匹配（再按回车看下一个）" : "找到 1 个匹配");
    focusNode(lastHits[hitIndex]);
  });

  var datalist = document.getElementById("kg-names");
  var seen = new Set();
  data.nodes.forEach(function (n) {
    if (!isEntity(n)) return;
    n.names.forEach(function (name) {
      if (seen.has(name) || seen.size >= 5000) return;
      seen.add(name);
      var opt = document.createElement("option");
      opt.value = name;
      datalist.appendChild(opt);
    });
  });

  // ------------------------------------------------------------------ controls

  var legend = document.getElementById("kg-legend");
  data.kinds.forEach(function (k) {
    var count = data.nodes.filter(function (n) { return n.kind === k.key; }).length;
    if (!count && (k.key === "report" || k.key === "place")) return;
    var li = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.dataset.kind = k.key;
    box.checked = state.kinds[k.key];
    box.addEventListener("change", function () { state.kinds[k.key] = box.checked; applyFilters(); });
    var sw = el("span", null, "kg-swatch " + k.shape);
    sw.style.background = k.color;
    label.appendChild(box);
    label.appendChild(sw);
    label.appendChild(el("span", k.key === "report" ? "报告（提及）" : k.label));
    label.appendChild(el("span", String(count), "kg-count"));
    li.appendChild(label);
    legend.appendChild(li);
  });

  if (big) {
    document.getElementById("kg-legend-hint").textContent =
      "节点大小＝被提及次数。图较大：关系名和箭头只画在选中节点的连线上，悬停任一连线可看关系。";
  }

  function fillSelect(select, kind) {
    data.nodes.filter(function (n) { return n.kind === kind; })
      .sort(function (a, b) { return a.label < b.label ? -1 : a.label > b.label ? 1 : a.id - b.id; })
      .forEach(function (n) {
        var opt = el("option", kind === "report" && n.title ? n.label + " " + short(n.title, 24) : n.label);
        opt.value = String(n.id);
        select.appendChild(opt);
      });
    select.addEventListener("change", function () { state[kind] = select.value; applyFilters(); });
  }
  var implicitBox = document.getElementById("kg-implicit");
  implicitBox.addEventListener("change", function () { state.implicit = implicitBox.checked; applyFilters(); });
  document.getElementById("kg-implicit-count").textContent =
    String(data.edges.filter(function (e) { return e.implicit; }).length);

  fillSelect(document.getElementById("kg-report"), "report");
  fillSelect(document.getElementById("kg-place"), "place");

  function syncControls() {
    legend.querySelectorAll("input[data-kind]").forEach(function (box) { box.checked = !!state.kinds[box.dataset.kind]; });
    document.getElementById("kg-report").value = state.report;
    document.getElementById("kg-place").value = state.place;
    implicitBox.checked = state.implicit;
  }

  function resetFilters() {
    data.kinds.forEach(function (k) { state.kinds[k.key] = k.key !== "place"; });
    state.report = "";
    state.place = "";
    state.implicit = true;
    syncControls();
    applyFilters();
  }
  document.getElementById("kg-reset").addEventListener("click", resetFilters);
  document.getElementById("kg-panel-close").addEventListener("click", closePanel);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") closePanel(); });

  // In a large graph, edge labels and arrowheads each cost about a tenth of every frame
  // (vis-network lays out a label's text even when it is too small to draw), so they
  // are drawn only where the reader is looking: on the edges of the selected node.
  var emphasised = [];
  function emphasise(nodeIds) {
    if (!big) return;
    var on = [];
    nodeIds.forEach(function (id) {
      network.getConnectedEdges(id).forEach(function (e) { if (edgeById.get(e).kind !== "mentions") on.push(e); });
    });
    var updates = emphasised.map(function (e) { return { id: e, label: "", arrows: { to: { enabled: false } } }; });
    on.forEach(function (e) {
      var edge = edgeById.get(e);
      updates.push({ id: e, label: edge.kind === "relation" ? relLabel(edge) : "", arrows: { to: { enabled: true, scaleFactor: 0.5 } } });
    });
    emphasised = on;
    if (updates.length) edges.update(updates);
  }
  network.on("select", function (params) { labelVersion++; emphasise(params.nodes); });

  network.on("click", function (params) {
    if (params.nodes.length) openNode(byId.get(params.nodes[0]));
    else if (params.edges.length) openEdge(edgeById.get(params.edges[0]));
    else closePanel();
  });

  // ------------------------------------------------------------------ start

  var view = {
    network: network, nodes: nodes, edges: edges, data: data, ready: false, readyAt: null,
    visibleNodeIds: function () { return Array.from(visible).sort(function (a, b) { return a - b; }); },
    search: search, focusNode: focusNode, applyFilters: applyFilters, state: state, fit: fitVisible,
    // Labels drawn now: [{id, x, y, w, h}] in screen pixels of the canvas.
    labels: function () { return placeLabels().map(function (b) { return { id: b.id, x: b.x, y: b.y, w: b.w, h: b.h }; }); },
    freeWidth: freeWidth,
    openNode: function (id) { openNode(byId.get(id)); },
    openEdge: function (id) { openEdge(edgeById.get(id)); }
  };
  window.kgView = view;
  network.once("afterDrawing", function () {
    // Ready once the first frame is drawn and the event loop is free again.
    performance.mark("kg:drawn");
    setTimeout(function () {
      view.ready = true;
      view.readyAt = performance.now();
      document.body.dataset.ready = "1";
    }, 0);
  });
  applyFilters({ fit: false });
  if (focusIds.length) {  // kg viz --focus: that node selected, its panel open
    network.selectNodes(focusIds);
    emphasise(focusIds);
    openNode(byId.get(focusIds[0]));
  }
  fitVisible();
})();
