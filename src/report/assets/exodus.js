/*
 * exodus.js - draws an exodus report or the live dashboard from views made
 * by src/report/ (see report.h for their shape). Every string from the
 * data goes into the page through textContent, never as markup; charts are
 * Vega-Lite specifications handed to vega-embed.
 *
 * When every chart has rendered (or failed), document.body gets
 * data-state="ready" (or "error"), for the browser tests.
 */
(function () {
  'use strict';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  var pending = [];
  var failed = false;

  function embed(box, spec) {
    var p = vegaEmbed(box, spec, { actions: false, renderer: 'svg', mode: 'vega-lite' })
      .catch(function (e) {
        failed = true;
        box.textContent = 'This chart could not be drawn: ' + e.message;
        box.className += ' error';
        console.error(e);
      });
    pending.push(p);
    return p;
  }

  function settle() {
    var mine = pending;
    pending = [];
    document.body.setAttribute('data-state', 'rendering');
    return Promise.all(mine).then(function () {
      document.body.setAttribute('data-state', failed ? 'error' : 'ready');
    });
  }

  function card(c) {
    var kind = (c.verdict && c.verdict.kind) || 'insufficient';
    var box = el('div', 'card k-' + kind.replace(/[^a-z-]/g, ''));
    box.appendChild(el('span', 'badge', c.verdict ? c.verdict.label : 'no verdict'));
    box.appendChild(el('p', 'verdict', c.verdict ? c.verdict.text : ''));
    var dl = el('dl', 'items');
    (c.items || []).forEach(function (it) {
      var d = el('div');
      d.appendChild(el('dt', null, it.label));
      d.appendChild(el('dd', null, it.value));
      dl.appendChild(d);
    });
    box.appendChild(dl);
    return box;
  }

  function table(t) {
    var wrap = el('div', 'tablewrap');
    var tab = el('table');
    if (t.title) tab.appendChild(el('caption', null, t.title));
    var head = el('tr');
    (t.columns || []).forEach(function (c, i) {
      head.appendChild(el('th', i > 0 && typeof (t.rows[0] || [])[i] === 'number' ? 'num' : null, c));
    });
    var thead = el('thead');
    thead.appendChild(head);
    tab.appendChild(thead);
    var body = el('tbody');
    (t.rows || []).forEach(function (r) {
      var tr = el('tr');
      r.forEach(function (v) {
        tr.appendChild(el('td', typeof v === 'number' ? 'num' : null, v === null ? '' : v));
      });
      body.appendChild(tr);
    });
    tab.appendChild(body);
    wrap.appendChild(tab);
    return wrap;
  }

  /* Any section of the shared shape: charts, tables, notes. */
  function section(s) {
    var box = el('section', 'sec');
    box.setAttribute('data-section', s.id || '');
    box.appendChild(el('h3', null, s.title));
    if (s.intro) box.appendChild(el('p', 'note', s.intro));
    var charts = el('div', 'charts');
    (s.charts || []).forEach(function (c) {
      var fig = el('figure', c.wide ? 'wide' : null);
      fig.appendChild(el('h4', null, c.title));
      var holder = el('div', 'chart');
      holder.setAttribute('data-chart', c.id || '');
      fig.appendChild(holder);
      if (c.caption) fig.appendChild(el('figcaption', null, c.caption));
      charts.appendChild(fig);
      embed(holder, c.spec);
    });
    box.appendChild(charts);
    (s.tables || []).forEach(function (t) { box.appendChild(table(t)); });
    (s.notes || []).forEach(function (n) { box.appendChild(el('p', 'note', n)); });
    return box;
  }

  function orgView(v, id) {
    var box = el('section', 'org');
    if (id) box.id = id;
    box.appendChild(el('h2', null, v.org));
    if (v.card) box.appendChild(card(v.card));
    (v.sections || []).forEach(function (s) { if (s) box.appendChild(section(s)); });
    return box;
  }

  function provenance(g) {
    var p = document.getElementById('exo-provenance');
    if (!p || !g) return;
    var parts = [];
    if (g.provenance) parts.push(g.provenance);
    if (g.store) parts.push('Store: ' + g.store + '.');
    parts.push('Made by exodus ' + g.exodus + ' with seed ' + g.seed + ', ' +
      g.paths + ' forecast paths and a ' + g.horizon_days + '-day horizon; charts by Vega ' +
      vega.version + ', Vega-Lite ' + vegaLite.version + ' and vega-embed ' +
      vegaEmbed.version + ', inlined.');
    p.textContent = parts.join(' ');
  }

  /* Sections about every organisation at once (the flows). */
  function shared(sections, title) {
    var box = el('section', 'org');
    box.id = 'all-orgs';
    box.appendChild(el('h2', null, title));
    sections.forEach(function (s) { if (s) box.appendChild(section(s)); });
    return box;
  }

  function report(data) {
    var main = document.getElementById('exo-main');
    (data.orgs || []).forEach(function (v, i) { main.appendChild(orgView(v, 'org-' + i)); });
    if (data.sections && data.sections.length)
      main.appendChild(shared(data.sections, 'All organisations'));
    provenance(data.generated);
    return settle();
  }

  /* ---- the live dashboard ---- */

  function getJSON(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body && body.error ? body.error : 'HTTP ' + r.status);
        return body;
      });
    });
  }

  function query(params) {
    return Object.keys(params).filter(function (k) { return params[k]; }).map(function (k) {
      return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]);
    }).join('&');
  }

  function dashboard(data) {
    var controls = document.getElementById('exo-controls');
    var main = document.getElementById('exo-main');
    function field(label, input) {
      var l = el('label', null, label);
      l.appendChild(input);
      controls.appendChild(l);
      return input;
    }
    var pick = field('organisation', el('select'));
    pick.id = 'exo-org';
    var since = field('from', el('input'));
    since.type = 'date';
    since.id = 'exo-since';
    var until = field('to', el('input'));
    until.type = 'date';
    until.id = 'exo-until';
    var scenario = field('runway scenario', el('select'));
    scenario.id = 'exo-scenario';
    var none = el('option', null, 'none');
    none.value = '';
    scenario.appendChild(none);
    (data.scenarios || []).forEach(function (name) {
      var opt = el('option', null, name);
      opt.value = name;
      scenario.appendChild(opt);
    });
    if (data.scenarios && data.scenarios.length) scenario.value = data.scenarios[0];
    var go = el('button', null, 'Show');
    go.id = 'exo-go';
    controls.appendChild(go);

    function show() {
      var org = pick.value;
      if (!org) return Promise.resolve();
      main.textContent = '';
      var status = el('p', 'note', 'Fitting ' + org + '\u2026');
      main.appendChild(status);
      document.body.setAttribute('data-state', 'loading');
      var q = { org: org, since: since.value, until: until.value };
      var range = { since: since.value, until: until.value };
      return Promise.all([
        getJSON('/api/spiral?' + query(q)),
        getJSON('/api/survival?' + query({ org: org, since: since.value })),
        getJSON('/api/flows?' + query(range)),
        scenario.value ? getJSON('/api/runway?' + query({ scenario: scenario.value }))
          : Promise.resolve(null)
      ]).then(function (r) {
        main.textContent = '';
        var v = { org: r[0].org, card: r[0].card, sections: [r[0].section] };
        if (r[1].section) v.sections.push(r[1].section);
        main.appendChild(orgView(v, 'org-0'));
        var more = [];
        if (r[2].section) more.push(r[2].section);
        if (r[3]) more.push(r[3].section);
        if (more.length) main.appendChild(shared(more, 'All organisations'));
        return settle();
      }).catch(function (e) {
        main.textContent = '';
        main.appendChild(el('p', 'error', e.message));
        document.body.setAttribute('data-state', 'error');
      });
    }
    go.addEventListener('click', show);
    scenario.addEventListener('change', show);
    pick.addEventListener('change', show);
    provenance(data.generated);
    return getJSON('/api/orgs').then(function (orgs) {
      orgs.forEach(function (o) {
        var opt = el('option', null, o.name + ' (' + o.departures + ' departures)');
        opt.value = o.name;
        pick.appendChild(opt);
      });
      var start = new URLSearchParams(location.search).get('org');
      if (start) pick.value = start;
      return show();
    }).catch(function (e) {
      main.appendChild(el('p', 'error', e.message));
      document.body.setAttribute('data-state', 'error');
    });
  }

  function start() {
    var node = document.getElementById('exo-data');
    var data = JSON.parse(node.textContent);
    window.exodusData = data;
    if (data.mode === 'live') dashboard(data); else report(data);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
