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
    /* vega-embed's and vega-tooltip's default styles would be inline
     * <style> elements, which the pages' policy refuses: report.css
     * carries them instead. Nor does the policy let Vega compile the
     * charts' expressions with new Function ('unsafe-eval'): they are
     * parsed to syntax trees and evaluated by vega-interpreter. */
    var p = vegaEmbed(box, spec, {
      actions: false, renderer: 'svg', mode: 'vega-lite',
      defaultStyle: false, tooltip: { disableDefaultStyle: true },
      ast: true, expr: vega.expressionInterpreter
    })
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

  /* ---- the spiral answer: written from exo_spiral_json's numbers ---- */

  var KIND_CODE = {
    'insufficient data': 'insufficient', 'inconclusive': 'inconclusive',
    'no evidence of contagion': 'no-contagion',
    'self-exciting but subcritical': 'subcritical',
    'near-critical': 'near-critical', 'supercritical': 'supercritical'
  };
  var MONTH_DAYS = 30.4375;

  function fix(x, d) { return x === null || x === undefined ? 'unbounded' : Number(x).toFixed(d); }
  function sig(x) { return x === null || x === undefined ? '\u2013' : Number(x).toPrecision(3); }
  function interval(a) { return fix(a[0], 2) + '\u2013' + fix(a[1], 2); }
  function plural(k, one, many) { return k + ' ' + (k === 1 ? one : many); }

  function perTime(a) { return a.time_unit === 'day' ? ' per month' : ' per unit'; }
  function rate(a, r) { return sig(r * (a.time_unit === 'day' ? MONTH_DAYS : 1)); }

  function baselineText(a) {
    var b = a.baseline, segs = b.hawkes_segments || [];
    var per = b.per_head ? ' per head' : '';
    if (b.kind === 'constant') return 'a constant rate' + per;
    if (b.kind === 'regimes') return 'piecewise' + per + ' at the dates given (' + segs.length + ' regimes)';
    if (segs.length <= 1 && (b.segments || []).length > 1)
      return 'a constant rate' + per + " (the Hawkes model's best penalised fit)";
    if (segs.length <= 1) return 'a constant rate' + per + ' (no change chosen by modified BIC)';
    return 'a rate' + per + ' that changes ' + plural(segs.length - 1, 'time', 'times') +
      ' (trend chosen by modified BIC)';
  }

  function nText(a) {
    if (a.n === null || a.n === undefined) return 'no estimate';
    var t = fix(a.n, 2) + ' (' + Math.round(100 * a.level) + '% CI ' + interval(a.n_interval);
    if (a.imputations > 1) t += '; combined over ' + a.imputations + ' imputations of the dates within their precision';
    return t + ')';
  }

  function forecastText(a, noun) {
    var f = a.forecast;
    return fix(f.median, 0) + ' ' + noun + ' in the next ' + f.horizon + ' days (median; mean ' +
      fix(f.mean, 1) + '; 80%: ' + fix(f.interval80[0], 0) + '\u2013' + fix(f.interval80[1], 0) +
      ', 95%: ' + fix(f.interval95[0], 0) + '\u2013' + fix(f.interval95[1], 0) + ')';
  }

  function spiralCard(v) {
    var a = v.spiral, items = [];
    items.push({ label: 'branching ratio n', value: nText(a) });
    if (a.test)
      items.push({ label: 'test of no contagion beyond the baseline',
        value: 'p = ' + sig(a.test.p) + ' (' + a.test.method + ')' });
    items.push({ label: 'baseline', value: baselineText(a) });
    if (v.recent)
      items.push({ label: 'departures in the 12 months to ' + v.recent.to,
        value: v.recent.departures + ' (from ' + v.recent.from + ')' });
    items.push({ label: 'departures in the window',
      value: a.events + ' since ' + (a.window.start || a.window.start_time) });
    if (v.team) {
      items.push({ label: 'founders remaining', value: v.team.founders
        ? v.team.founders_remaining + ' of ' + v.team.founders : 'none recorded' });
      if (v.team.execs)
        items.push({ label: 'executives remaining',
          value: v.team.execs_remaining + ' of ' + v.team.execs });
    }
    if (a.forecast) items.push({ label: 'expected departures', value: forecastText(a, 'departures') });
    (v.items || []).forEach(function (it) { items.push(it); });
    var text = a.verdict.text + (a.verdict.decide ? ' What would decide it: ' + a.verdict.decide + '.' : '');
    return card({ verdict: { kind: KIND_CODE[a.verdict.kind] || 'insufficient',
      label: a.verdict.kind, text: text }, items: items });
  }

  /* The numbers behind the verdict, one row each. */
  function spiralTable(a) {
    var rows = [];
    var p = a.precision;
    rows.push(['window', (a.window.start || a.window.start_time) + ' .. ' +
      (a.window.end || a.window.end_time) + ': ' + a.window.rule]);
    var counted = a.events + ' (dated to the day ' + p.day + ', month ' + p.month + ', year ' + p.year + ')';
    if (a.reports_folded) counted += '; ' + plural(a.reports_folded, 'repeated report', 'repeated reports') + ' counted once';
    if (a.leaves_left_out) counted += '; ' + plural(a.leaves_left_out, 'leave of absence', 'leaves of absence') + ' left out';
    rows.push(['departures', counted]);
    rows.push(['trend only', (a.baseline.segments || []).map(function (g) {
      return rate(a, g.rate) + perTime(a) + ' from ' + (g.start || g.start_time) + ' (' + g.events + ')';
    }).join(', ')]);
    if (a.fit) {
      var f = a.fit;
      rows.push(['branching ratio n', nText(a)]);
      if (a.n_range && a.imputations > 1)
        rows.push(['n across imputations', interval(a.n_range)]);
      if (f.at_boundary) rows.push(['excitation', 'none: the trend-only fit is the maximum']);
      else {
        var hl = f.half_life;
        rows.push(['excitation', 'jump ' + rate(a, f.alpha) + perTime(a) + ', decay ' + rate(a, f.beta) +
          perTime(a) + ' (half-life ' + (a.time_unit === 'day' && hl >= MONTH_DAYS
            ? sig(hl / MONTH_DAYS) + ' months' : sig(hl) + (a.time_unit === 'day' ? ' days' : ' units')) + ')']);
      }
      rows.push(['test', 'p = ' + sig(a.test.p) + ' (' + a.test.method +
        (a.test.replicates ? ', ' + a.test.used + ' of ' + a.test.replicates + ' replicates' : '') +
        '; LR ' + sig(f.lr) + ')']);
      if (a.constant_baseline)
        rows.push(['with a constant rate', 'n = ' + fix(a.constant_baseline.n, 2) + ', LR ' +
          sig(a.constant_baseline.lr) + ', p = ' + sig(a.constant_baseline.lr_p_mixture) +
          ' (mixture): the reading a trend can fool']);
      rows.push(['goodness of fit', 'KS p = ' + sig(a.goodness_of_fit.ks_p_hawkes) + ' (Hawkes), ' +
        sig(a.goodness_of_fit.ks_p_trend) + ' (trend only)']);
      var votes = a.verdicts_by_imputation || {};
      var keys = Object.keys(votes);
      if (a.imputations > 1 && keys.length)
        rows.push(['verdicts of the imputations', keys.map(function (k) { return votes[k] + ' ' + k; }).join(', ')]);
    } else {
      rows.push(['fit', 'none: ' + (a.no_fit || '')]);
    }
    if (a.forecast) rows.push(['forecast', forecastText(a, 'departures') + ', parameters drawn']);
    return { title: 'The evidence', columns: ['quantity', 'estimate'], rows: rows };
  }

  function orgView(v, id) {
    var box = el('section', 'org');
    if (id) box.id = id;
    box.appendChild(el('h2', null, v.org));
    if (v.spiral) box.appendChild(spiralCard(v));
    (v.sections || []).forEach(function (s) {
      if (!s) return;
      var sec = section(s);
      if (s.id === 'spiral' && v.spiral) sec.insertBefore(table(spiralTable(v.spiral)), sec.querySelector('.note'));
      box.appendChild(sec);
    });
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
      /* The page's address keeps what is shown, for a link or a reload. */
      var here = new URLSearchParams();
      Object.keys(q).forEach(function (k) { if (q[k]) here.set(k, q[k]); });
      if (scenario.value) here.set('scenario', scenario.value);
      history.replaceState(null, '', '?' + here.toString());
      return Promise.all([
        getJSON('/api/spiral?' + query(q)),
        getJSON('/api/survival?' + query({ org: org, since: since.value })),
        getJSON('/api/flows?' + query(range)),
        scenario.value ? getJSON('/api/runway?' + query({ scenario: scenario.value }))
          : Promise.resolve(null)
      ]).then(function (r) {
        main.textContent = '';
        var v = { org: r[0].org, spiral: r[0].spiral, recent: r[0].recent, team: r[0].team,
          sections: [r[0].section] };
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
      var start = new URLSearchParams(location.search);
      if (start.get('org')) pick.value = start.get('org');
      if (start.get('since')) since.value = start.get('since');
      if (start.get('until')) until.value = start.get('until');
      if (start.has('scenario')) scenario.value = start.get('scenario');
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
