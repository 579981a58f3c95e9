// tcpcheck explorer: one page over the JSON API (see the README, "Exploring a path"). Plain JavaScript, no library.
'use strict';

const $ = (id) => document.getElementById(id);
let config = null;   // /api/config
let view = null;     // the current /api/state answer
let findJob = null;  // the search being polled
let comparing = null; // the variant compared with, kept up to date as the path is stepped
let latest = 0;       // the number of the latest request for a state: only its answer is shown
let wanted = null;    // the step the keys have asked for, ahead of the page while answers are on their way

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('data-')) e.setAttribute(k, v);
    else if (k === 'onclick') e.addEventListener('click', v);
    else e[k] = v;
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

async function call(method, url, body) {
  const r = await fetch(url, { method, body, headers: body ? { 'Content-Type': 'application/json' } : {} });
  let answer;
  try {
    answer = await r.json();
  } catch (e) {
    throw new Error(method + ' ' + url + ': ' + r.status + ' ' + r.statusText);
  }
  if (!r.ok) throw new Error(answer.error || (r.status + ' ' + r.statusText));
  return answer;
}

function showError(e) {
  const box = $('error');
  if (e) {
    box.textContent = e.message || String(e);
    box.hidden = false;
  } else {
    box.hidden = true;
  }
}

/** Loads and shows the state a query names; push adds it to the browser's history (so that Back works). */
async function go(query, push) {
  const mine = ++latest;
  try {
    const v = await call('GET', '/api/state?' + query);
    if (mine !== latest) return; // a later step was asked for meanwhile (a key held down)
    render(v, push);
    showError(null);
  } catch (e) {
    if (mine !== latest) return;
    wanted = null;
    showError(e);
  }
}

function withAt(at) {
  const q = new URLSearchParams(view.query);
  q.set('at', at);
  return q.toString();
}

async function take(index) {
  const mine = ++latest;
  try {
    const v = await call('GET', '/api/step?' + view.query + '&action=' + index);
    if (mine !== latest) return;
    render(v, true);
    showError(null);
  } catch (e) {
    showError(e);
  }
}

function render(v, push) {
  view = v;
  if (wanted === v.at) wanted = null;
  const url = '?' + v.query;
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  $('variant-id').textContent = v.variant.id;
  $('variant-description').textContent = '— ' + v.variant.description;
  $('parameters').textContent = Object.entries(v.parameters).map(([k, x]) => k + '=' + x).join('  ');
  const q = new URLSearchParams(v.query);
  $('opened').textContent = q.get('property')
    ? 'A counterexample of ' + q.get('property') + ' (' + v.length + ' actions)' : 'A path of ' + v.length + ' actions';
  $('restart-variant').value = v.variant.id;
  renderTimeline(v);
  renderEndpoints(v);
  renderNetwork(v);
  renderActions(v);
  renderProperties(v);
  $('chart-svg').innerHTML = v.chart; // drawn by the server (SequenceChart.svg), every text escaped there
  const svg = $('chart-svg').querySelector('svg');
  if (svg && !svg.hasAttribute('viewBox')) {
    svg.setAttribute('viewBox', '0 0 ' + svg.getAttribute('width') + ' ' + svg.getAttribute('height'));
  }
  const box = $('chart-svg');
  box.scrollTop = box.scrollHeight;
  fillCompareSelect();
  if (comparing && comparing !== v.variant.id) {
    compare();
  } else {
    comparing = null;
    $('compare-result').replaceChildren();
    delete $('compare-result').dataset.other;
  }
  document.body.dataset.query = v.query;
  document.body.dataset.at = v.at;
  document.body.dataset.renders = String(Number(document.body.dataset.renders) + 1);
}

function renderTimeline(v) {
  $('position').textContent = 'step ' + v.at + ' of ' + v.length;
  $('first').disabled = $('back').disabled = v.at === 0;
  $('forward').disabled = $('last').disabled = v.at === v.length;
  $('jump').max = v.length;
  $('jump').value = v.at;
  const brokeAt = new Set(v.properties.filter((p) => p.step !== null).map((p) => p.step));
  const items = [el('li', { 'data-step': 0, class: v.at === 0 ? 'current' : null, title: 'the initial state',
    onclick: () => go(withAt(0), true) }, '0 · initial state')];
  for (const s of v.steps) {
    const cls = [s.step === v.at ? 'current' : '', s.step > v.at ? 'ahead' : '', brokeAt.has(s.step) ? 'broke' : '']
      .join(' ').trim();
    items.push(el('li', { 'data-step': s.step, class: cls || null, title: s.action,
      onclick: () => go(withAt(s.step), true) }, s.step + ' · ' + s.action));
  }
  $('steps').replaceChildren(...items);
}

function fieldRows(endpoints, compareWith) {
  const rows = [];
  const [a, b] = endpoints;
  for (let i = 0; i < a.fields.length; i++) {
    const cells = [el('td', { class: 'label' }, a.fields[i].label)];
    for (const e of [a, b]) {
      const f = e.fields[i];
      let cls = f.changed ? 'changed' : null;
      if (compareWith) {
        const other = compareWith[e === a ? 0 : 1].fields[i];
        cls = other.value !== f.value ? 'differs' : null;
      }
      cells.push(el('td', { class: cls, 'data-field': e.name + '.' + f.key }, f.value));
    }
    rows.push(el('tr', { 'data-key': a.fields[i].key }, ...cells));
  }
  return rows;
}

function renderEndpoints(v) {
  $('fields').replaceChildren(...fieldRows(v.endpoints));
  const notes = [];
  if (v.atBoundary) notes.push('This state is at the capacity bound: the checker checks it but does not explore it.');
  if (v.aborted) notes.push('An endpoint gave up or crashed on this path (an abort).');
  if (v.terminal) notes.push('No action is enabled: the behaviour ends here.');
  $('flags').textContent = notes.join(' ');
}

function segmentTable(segments) {
  if (segments.length === 0) return el('p', { class: 'empty' }, 'nothing in flight');
  const head = el('tr', {}, ...['segment', 'flags', 'SEQ', 'ACK', 'data', 'age', 'conn', ''].map((h) => el('th', {}, h)));
  const rows = segments.map((s) => el('tr', { class: [s.old ? 'old' : '', s.fresh ? 'fresh' : ''].join(' ').trim() || null,
    'data-old': s.old ? 'true' : 'false' },
  el('td', {}, s.text), el('td', {}, s.flags), el('td', {}, s.seq), el('td', {}, s.ack === null ? '–' : s.ack),
  el('td', {}, s.data ? 'unit ' + s.unit : '–'), el('td', {}, s.age), el('td', {}, s.connection),
  el('td', {}, s.old ? el('span', { class: 'badge old' }, 'old duplicate') : null,
    s.fresh ? el('span', { class: 'badge next' }, 'just sent') : null)));
  return el('table', { class: 'segments' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

function networkNodes(network) {
  const nodes = network.directions.map((d) => el('div', { class: 'direction', 'data-toward': d.toward },
    el('h3', {}, (d.toward === 'B' ? 'A → B' : 'B → A') + ' (' + d.segments.length + ' in flight)'),
    segmentTable(d.segments)));
  return nodes;
}

function renderNetwork(v) {
  $('directions').replaceChildren(...networkNodes(v.network));
  $('budgets').textContent = 'Adversary: ' + v.network.budgets.map((b) =>
    b.name + ' ' + (b.of - b.used) + ' left of ' + b.symbol + ' = ' + b.of).join(', ');
}

function renderActions(v) {
  const items = v.enabled.map((a) => el('li', {},
    el('button', { type: 'button', class: a.onPath ? 'on-path' : null, 'data-index': a.index, 'data-kind': a.kind,
      title: a.onPath ? 'the path\'s next step' : 'take this action (a branch when it is not the path\'s next step)',
      onclick: () => take(a.index) }, a.description, a.onPath ? el('span', { class: 'badge next' }, 'next on the path') : null)));
  $('enabled').replaceChildren(...(items.length ? items : [el('li', { class: 'empty' },
    v.atBoundary ? 'none: the state is at the capacity bound' : 'none: the behaviour ends here')]));
  $('disabled').replaceChildren(...v.disabled.map((d) => el('li', {},
    el('span', { class: 'what' }, d.action), ': ', el('span', { class: 'why' }, d.reason))));
}

function renderProperties(v) {
  $('property-rows').replaceChildren(...v.properties.map((p) => {
    const cls = [p.status.startsWith('violated') ? 'violated' : p.status === 'goal reached' ? 'reached' : 'holds',
      p.counterexample ? 'counterexample' : ''].join(' ');
    return el('tr', { class: cls, 'data-property': p.name, title: p.description },
      el('td', { class: 'name' }, p.name),
      el('td', { class: 'status' }, p.status + (p.step !== null ? ' at step ' + p.step : '')),
      el('td', { class: 'detail' }, p.detail));
  }));
  $('broke').replaceChildren(...v.broke.map((b) => el('div', { class: 'broke', 'data-property': b.property },
    el('h3', {}, 'What broke: ' + b.headline),
    el('p', { class: 'rule' }, 'The rule: ' + b.rule + '.'),
    el('ul', {}, ...b.why.map((w) => el('li', {}, w))),
    el('p', { class: 'judgement' }, b.judgement))));
}

function fillCompareSelect() {
  const sel = $('compare-variant');
  const keep = sel.value;
  const options = config.variants.filter((x) => x.id !== view.variant.id)
    .map((x) => el('option', { value: x.id, title: x.description }, x.id));
  sel.replaceChildren(...options);
  if (keep && keep !== view.variant.id) sel.value = keep;
  describeCompareVariant();
}

function describeCompareVariant() {
  const x = config.variants.find((y) => y.id === $('compare-variant').value);
  $('compare-description').textContent = x ? x.id + ': ' + x.description : '';
}

async function compare() {
  try {
    const other = comparing || $('compare-variant').value;
    const c = await call('GET', '/api/compare?' + view.query + '&other=' + encodeURIComponent(other));
    comparing = other;
    renderCompare(c);
    showError(null);
  } catch (e) {
    showError(e);
  }
}

function sideBySide(side, c, title) {
  const table = (endpoints, against) => el('table', { class: 'fields' },
    el('thead', {}, el('tr', {}, el('th', {}), el('th', {}, 'A'), el('th', {}, 'B'))),
    el('tbody', {}, ...fieldRows(endpoints, against)));
  return el('div', { class: 'side', 'data-step': side.step },
    el('h4', {}, title + ' (step ' + side.step + ')'),
    el('div', { class: 'side-by-side' },
      el('div', { 'data-variant': c.variant.id }, el('h4', {}, c.variant.id), table(side.endpoints, side.otherEndpoints),
        ...networkNodes(side.network)),
      el('div', { 'data-variant': c.other.id }, el('h4', {}, c.other.id), table(side.otherEndpoints, side.endpoints),
        ...networkNodes(side.otherNetwork))));
}

function renderCompare(c) {
  const summary = [];
  summary.push(el('p', {}, el('strong', {}, c.other.id), ': ' + c.other.description));
  summary.push(el('p', { class: 'compare-summary' }, 'Replayed ' + c.replayed + ' of ' + c.steps + ' steps on ' +
    c.other.id + '. ' + (c.firstDifference === null ? 'The two states are the same at every step.'
    : 'The first step where the two differ: step ' + c.firstDifference + '.') + (c.stopped ? ' Stopped: ' + c.stopped + '.' : '')));
  const head = el('tr', {}, el('th', {}, 'step'), el('th', {}, 'action'), el('th', {}, 'A ' + c.variant.id),
    el('th', {}, 'B ' + c.variant.id), el('th', {}, 'A ' + c.other.id), el('th', {}, 'B ' + c.other.id),
    el('th', { title: 'endpoints, network and budgets' }, 'whole state'));
  const rows = c.rows.map((r) => el('tr', { class: r.step === c.firstDifference ? 'first-difference' : null,
    'data-step': r.step, 'data-same': r.same ? 'true' : 'false' },
  el('td', {}, r.step), el('td', {}, r.action),
  el('td', { class: r.a !== r.otherA ? 'differs' : null }, r.a), el('td', { class: r.b !== r.otherB ? 'differs' : null }, r.b),
  el('td', { class: r.a !== r.otherA ? 'differs' : null, 'data-field': 'otherA' }, r.otherA === null ? 'not possible' : r.otherA),
  el('td', { class: r.b !== r.otherB ? 'differs' : null, 'data-field': 'otherB' }, r.otherB === null ? 'not possible' : r.otherB),
  el('td', { class: r.same ? null : 'hint' }, r.same ? 'the same' : 'differs')));
  const parts = [...summary, el('table', { class: 'compare-rows' }, el('thead', {}, head), el('tbody', {}, ...rows))];
  if (c.atDifference) parts.push(sideBySide(c.atDifference, c, 'Where they first differ'));
  if (c.atEnd && (!c.atDifference || c.atEnd.step !== c.atDifference.step)) {
    parts.push(sideBySide(c.atEnd, c, 'The last step replayed'));
  }
  parts.push(el('p', {}, el('button', { type: 'button', id: 'continue-other', onclick: () => go(c.otherQuery, true) },
    'Continue on ' + c.other.id + ' from step ' + c.replayed), ' ',
  el('button', { type: 'button', id: 'stop-comparing', onclick: () => {
    comparing = null;
    $('compare-result').replaceChildren();
    delete $('compare-result').dataset.other;
  } }, 'Stop comparing')));
  const result = $('compare-result');
  result.replaceChildren(...parts);
  result.dataset.other = c.other.id;
  result.dataset.at = c.steps;
  result.dataset.firstDifference = c.firstDifference === null ? '' : c.firstDifference;
}

async function find() {
  const target = $('find-target').value;
  try {
    findJob = await call('POST', '/api/find?' + view.query + '&target=' + encodeURIComponent(target));
    showError(null);
    pollFind();
  } catch (e) {
    showError(e);
  }
}

async function pollFind() {
  if (!findJob) return;
  const job = findJob;
  let j;
  try {
    j = await call('GET', '/api/find/' + job.id);
  } catch (e) {
    if (findJob === job) {
      findJob = null;
      showError(e);
    }
    return;
  }
  if (!findJob || j.id !== findJob.id) return;
  const section = $('find');
  section.dataset.status = j.status;
  const running = j.status === 'running' || j.status === 'cancelling';
  $('find-cancel').hidden = !running;
  $('find-button').disabled = running;
  $('find-progress').textContent = running
    ? j.target + ': ' + j.transitions.toLocaleString('en') + ' transitions' +
      (j.depth ? ', depth ' + j.depth : '') + ', ' + j.seconds.toFixed(1) + ' s'
    : j.message + ' (' + j.seconds.toFixed(1) + ' s)';
  if (running) {
    setTimeout(pollFind, 250);
    return;
  }
  findJob = null;
  if (j.status === 'found') await go(j.query, true);
}

async function cancelFind() {
  if (findJob) {
    try {
      await call('POST', '/api/find/' + findJob.id + '/cancel');
    } catch (e) {
      showError(e);
    }
  }
}

async function openFile(file) {
  try {
    const text = await file.text();
    const opened = await call('POST', '/api/counterexample', text);
    showWarning(opened.warning);
    await go(opened.query, true);
  } catch (e) {
    showError(e);
  } finally {
    $('file').value = '';
  }
}

function showWarning(w) {
  $('warning').textContent = w || '';
  $('warning').hidden = !w;
}

function setUp() {
  for (const x of config.variants) {
    $('restart-variant').append(el('option', { value: x.id, title: x.description }, x.id));
  }
  for (const t of config.targets) {
    $('find-target').append(el('option', { value: t }, t.startsWith('witness: ') ? t : 'violate ' + t));
  }
  $('first').addEventListener('click', () => go(withAt(0), true));
  $('back').addEventListener('click', () => go(withAt(view.at - 1), true));
  $('forward').addEventListener('click', () => go(withAt(view.at + 1), true));
  $('last').addEventListener('click', () => go(withAt(view.length), true));
  $('jump').addEventListener('change', () => go(withAt($('jump').value), true));
  $('restart').addEventListener('click', () => {
    // The initial state of the chosen variant, with the parameters in force.
    const q = new URLSearchParams(view.query);
    for (const k of ['path', 'at', 'property']) q.delete(k);
    q.set('variant', $('restart-variant').value);
    go(q.toString(), true);
  });
  $('compare-button').addEventListener('click', () => { comparing = null; compare(); });
  $('compare-variant').addEventListener('change', describeCompareVariant);
  $('find-button').addEventListener('click', find);
  $('find-cancel').addEventListener('click', cancelFind);
  $('file').addEventListener('change', () => { if ($('file').files.length) openFile($('file').files[0]); });
  window.addEventListener('popstate', () => go(location.search.substring(1), false));
  document.addEventListener('keydown', (e) => {
    if (!view || e.target.closest('input, select, textarea') || e.altKey || e.ctrlKey || e.metaKey) return;
    const from = wanted === null ? view.at : wanted;
    if (e.key === 'ArrowRight' && from < view.length) wanted = from + 1;
    else if (e.key === 'ArrowLeft' && from > 0) wanted = from - 1;
    else return;
    go(withAt(wanted), true);
  });
}

async function main() {
  try {
    config = await call('GET', '/api/config');
  } catch (e) {
    showError(e);
    return;
  }
  setUp();
  const query = location.search.length > 1 ? location.search.substring(1) : config.opening.query;
  if (query === config.opening.query) showWarning(config.opening.warning);
  await go(query, false);
}

main();
