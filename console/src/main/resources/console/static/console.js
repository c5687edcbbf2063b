// newspipe console: live updates over server-sent events, charts with uPlot. Every value from the server is put
// into the page with textContent (never as HTML).
(function () {
  'use strict';

  function text(id, value) {
    var el = document.getElementById(id);
    if (el) { el.textContent = value; }
  }

  function number(n, digits) {
    return Number(n).toLocaleString('en', { maximumFractionDigits: digits === undefined ? 1 : digits });
  }

  function row(cells, classes) {
    var tr = document.createElement('tr');
    cells.forEach(function (c, i) {
      var td = document.createElement('td');
      td.textContent = c;
      if (classes && classes[i]) { td.className = classes[i]; }
      tr.appendChild(td);
    });
    return tr;
  }

  function fill(tableId, rows) {
    var table = document.getElementById(tableId);
    if (!table) { return; }
    var body = table.tBodies[0];
    while (body.firstChild) { body.removeChild(body.firstChild); }
    rows.forEach(function (r) { body.appendChild(r); });
  }

  var sparks = {};

  function spark(hop) {
    var box = document.querySelector('#hop-' + hop.id + ' .spark');
    if (!box || typeof uPlot === 'undefined') { return; }
    var data = [hop.times, hop.rates];
    if (!sparks[hop.id]) {
      sparks[hop.id] = new uPlot({
        width: 110, height: 32, cursor: { show: false }, legend: { show: false }, select: { show: false },
        axes: [{ show: false }, { show: false }], scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
        series: [{}, { stroke: '#2f8f63', fill: 'rgba(79,178,134,0.15)', width: 1.5, points: { show: false } }]
      }, data, box);
    } else {
      sparks[hop.id].setData(data);
    }
  }

  function overview(s) {
    s.hops.forEach(function (h) {
      var el = document.querySelector('#hop-' + h.id + ' .rate');
      if (el) { el.textContent = number(h.ratePerSecond) + ' ' + h.unit; }
      spark(h);
    });
    fill('hops', s.hops.map(function (h) { return row([h.name, number(h.ratePerSecond) + ' ' + h.unit, number(h.total, 0)], [null, 'num', 'num']); }));
    var nodes = { ingest: 'node-ingest', kafka: 'node-kafka', enrich: 'node-enrich', sink: 'node-sink', postgresql: 'node-postgresql' };
    s.stages.forEach(function (st) {
      var node = document.getElementById(nodes[st.stage]);
      if (node) {
        node.classList.remove('UP', 'DOWN', 'UNKNOWN');
        node.classList.add(st.status);
        node.querySelector('.status').textContent = st.status;
        node.title = st.detail;
      }
    });
    fill('stages', s.stages.map(function (st) { return row([st.stage, st.status, st.detail], [null, 'status-' + st.status, null]); }));
    fill('lags', s.lags.map(function (l) { return row([l.stage, l.topic, number(l.records, 0), number(l.seconds) + ' s'], [null, null, 'num', 'num']); }));
    fill('dead-letter-counts', s.deadLetters.map(function (d) { return row([d.stage, d.reason, number(d.count, 0)], [null, null, 'num']); }));
    var problems = document.getElementById('problems');
    if (problems) {
      while (problems.firstChild) { problems.removeChild(problems.firstChild); }
      s.problems.forEach(function (p) { var li = document.createElement('li'); li.textContent = p; problems.appendChild(li); });
    }
  }

  function onSnapshot(s) {
    text('live-articles', number(s.articles, 0));
    text('live-dead-letters', number(s.deadLetters.reduce(function (a, d) { return a + d.count; }, 0), 0));
    if (document.getElementById('flow')) { overview(s); }
    document.body.setAttribute('data-sampled-at', String(s.time));
  }

  if (window.EventSource) {
    var events = new EventSource('/events');
    events.addEventListener('flow', function (e) { onSnapshot(JSON.parse(e.data)); });
    events.onopen = function () { var d = document.getElementById('live-dot'); if (d) { d.classList.add('on'); } };
    events.onerror = function () { var d = document.getElementById('live-dot'); if (d) { d.classList.remove('on'); } };
    // leaving the page: give the connection back at once rather than when the server next writes to it
    window.addEventListener('pagehide', function () { events.close(); });
  }

  var palette = ['#2f6fb0', '#d0453a', '#2f8f63', '#b7791f', '#7b4fb0', '#1f9bb7', '#b04f8a', '#5b6678', '#8fa31f', '#b0602f'];

  function topicsChart() {
    var box = document.getElementById('topics-chart');
    if (!box) { return; }
    var source = box.getAttribute('data-source');
    fetch('/api/topics' + (source ? '?source=' + encodeURIComponent(source) : ''))
      .then(function (r) { return r.json(); })
      .then(function (t) {
        var labels = Object.keys(t.shares);
        text('topics-note', t.articles + ' article(s), ' + t.times.length + ' ' + t.bucket + '(s), ' + labels.length + ' topic(s)');
        var data = [t.times].concat(labels.map(function (l) { return t.shares[l].map(function (v) { return v * 100; }); }));
        var series = [{}].concat(labels.map(function (l, i) {
          return { label: l, stroke: palette[i % palette.length], width: 2, points: { show: t.times.length < 60 },
                   value: function (u, v) { return v == null ? '–' : number(v) + ' %'; } };
        }));
        // one period alone: a window around it rather than the chart library's default of years
        var half = { minute: 1800, hour: 43200, day: 604800 }[t.bucket] || 3600;
        var x = t.times.length === 1 ? { time: true, range: [t.times[0] - half, t.times[0] + half] } : { time: true };
        new uPlot({ width: Math.max(600, box.clientWidth - 20), height: 380, series: series,
                    scales: { x: x, y: { range: [0, 100] } },
                    axes: [{}, { label: 'share of articles (%)' }] }, data, box);
        box.setAttribute('data-rendered', 'true');
      })
      .catch(function (e) { text('topics-note', 'cannot load the topics: ' + e); });
  }

  topicsChart();
}());
