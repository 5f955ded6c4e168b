// app.js — the sitrep map page: who held which place on the slider's date,
// what happened around it, and who said so.
//
// Plain ES module, no build step. d3-geo, d3-array and topojson-client are
// classic scripts from /vendor/ (the server maps those names to files in
// node_modules), loaded before this module, so `d3` and `topojson` are
// globals. Every string that comes from the store is put into the page with
// textContent, never as HTML.

const SVG = 'http://www.w3.org/2000/svg';
const FIRST_DAY = '2011-03-01';
const LAST_DAY = '2019-12-31';
const MAX_EVENTS = 3000;          // events drawn at most (pages of 1000)
const LIST_LIMIT = 400;           // rows in the event list

// ISO 3166-2 governorates the filter offers (DESIGN.md).
const GOVERNORATES = [
  ['SY-DI', 'Damascus'], ['SY-RD', 'Rif Dimashq'], ['SY-HL', 'Aleppo'], ['SY-ID', 'Idlib'],
  ['SY-HM', 'Hama'], ['SY-HI', 'Homs'], ['SY-LA', 'Latakia'], ['SY-TA', 'Tartus'],
  ['SY-DR', 'Daraa'], ['SY-SU', 'Suwayda'], ['SY-QU', 'Quneitra'], ['SY-DY', 'Deir ez-Zor'],
  ['SY-RA', 'Raqqa'], ['SY-HA', 'Hasakah'], ['IQ-NI', 'Nineveh (Iraq)'], ['IQ-AN', 'Anbar (Iraq)'],
];
// ACLED event types and their sub-event types (DESIGN.md).
const EVENT_TYPES = {
  'Battles': ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': ['Air/drone strike', 'Shelling/artillery/missile attack',
    'Suicide bomb', 'Remote explosive/landmine/IED', 'Chemical weapon', 'Grenade'],
  'Violence against civilians': ['Attack', 'Abduction/forced disappearance'],
  'Strategic developments': ['Agreement', 'Arrests', 'Disrupted weapons use',
    'Headquarters or base established', 'Looting/property destruction',
    'Non-violent transfer of territory', 'Siege imposed', 'Siege broken', 'Other'],
  'Protests': [], 'Riots': [],
};
// Neighbours named on the map, at the places a reader expects the name.
const COUNTRY_LABELS = [
  ['SYRIA', 38.6, 35.0, true], ['TURKEY', 37.2, 37.75], ['IRAQ', 42.0, 33.4],
  ['JORDAN', 37.0, 31.4], ['LEBANON', 35.55, 33.75], ['ISRAEL', 34.85, 31.2],
  ['CYPRUS', 33.1, 35.0], ['SAUDI ARABIA', 40.5, 30.3], ['EGYPT', 33.5, 30.4], ['IRAN', 46.5, 34.5],
];

const $ = (s) => document.querySelector(s);
const state = {
  date: null,
  legend: { sides: [], event_types: [] },
  control: [],        // GeoJSON features of /api/control
  events: [],         // rows of /api/events
  selected: null,     // {kind: 'place', name} | {kind: 'event', id}
  zoom: { k: 1, x: 0, y: 0 },
  projection: null,
  controlAbort: null,
  eventsAbort: null,
  playing: null,
};

// ---- Small helpers -------------------------------------------------------

function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const kid of kids.flat()) {
    if (kid == null || kid === false) continue;
    e.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return e;
}

function svgEl(tag, attrs = {}) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) e.setAttribute(k, v);
  return e;
}

function dayIndex(iso) { return Math.round(Date.parse(iso + 'T00:00:00Z') / 86400000); }
function isoOf(index) { return new Date(index * 86400000).toISOString().slice(0, 10); }
function addDays(iso, n) { return isoOf(dayIndex(iso) + n); }

let statusTimer = null;
function status(msg, isError = false) {
  const s = $('#status');
  s.textContent = msg;
  s.classList.toggle('error', isError);
  s.classList.add('show');
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => s.classList.remove('show'), isError ? 6000 : 1500);
}

async function api(path, params = {}, signal) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, v);
  const url = q.toString() ? `${path}?${q}` : path;
  const res = await fetch(url, { signal });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = new Error(body.error || `${res.status} ${res.statusText}`);
    err.status = res.status;
    throw err;
  }
  return body;
}

function sideInfo(side) {
  return state.legend.sides.find((s) => s.key === side) ||
    { key: side || 'unknown', label: side || 'Unknown', colour: '#9e9e9e' };
}
function typeColour(type) {
  const t = state.legend.event_types.find((s) => s.key === type);
  return t ? t.colour : '#9e9e9e';
}
function fatalitiesText(f) {
  if (!f) return null;
  if (f.low === f.high) return `${f.best} killed`;
  return `${f.low}–${f.high} killed (best ${f.best})`;
}
function eventRadius(ev) {
  const f = ev.fatalities ? Math.max(0, ev.fatalities.best) : 0;
  return Math.min(20, 3 + Math.sqrt(f) * 1.1);
}
function actorText(a) {
  if (!a) return null;
  return a.name ? `${a.name} (${sideInfo(a.side).label})` : sideInfo(a.side).label;
}

// ---- Map -----------------------------------------------------------------

const layers = {};

async function initMap() {
  const svg = $('#map');
  // The viewBox is the map area's size when the page opens; later resizes
  // scale the whole drawing (preserveAspectRatio), which keeps it simple.
  const box = $('#map-wrap').getBoundingClientRect();
  const W = Math.max(400, Math.round(box.width)), H = Math.max(300, Math.round(box.height));
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  const root = svgEl('g', { id: 'zoom' });
  svg.append(root);
  for (const name of ['countries', 'countryLabels', 'halos', 'events', 'places', 'placeLabels']) {
    layers[name] = svgEl('g', { class: name });
    root.append(layers[name]);
  }
  // Syria fills the view, with the edges of its neighbours around it.
  state.projection = d3.geoMercator().fitExtent([[30, 30], [W - 30, H - 30]],
    { type: 'MultiPoint', coordinates: [[35.0, 31.9], [42.8, 37.7]] });
  const path = d3.geoPath(state.projection);
  try {
    const topo = await fetch('/vendor/countries-50m.json').then((r) => {
      if (!r.ok) throw new Error('borders not found: run scripts/setup.sh');
      return r.json();
    });
    const features = topojson.feature(topo, topo.objects.countries).features;
    for (const f of features) {
      const [[x0, y0], [x1, y1]] = d3.geoBounds(f);
      if (x1 < 20 || x0 > 60 || y1 < 20 || y0 > 50) continue; // far away
      const name = f.properties && f.properties.name;
      const p = svgEl('path', { d: path(f), class: 'country' + (name === 'Syria' ? ' syria' : '') });
      const t = svgEl('title'); t.textContent = name || ''; p.append(t);
      layers.countries.append(p);
    }
  } catch (e) {
    status(`Map borders: ${e.message}`, true);
  }
  for (const [name, lon, lat, big] of COUNTRY_LABELS) {
    const [x, y] = state.projection([lon, lat]);
    const t = svgEl('text', { x, y, class: 'country-label' + (big ? ' syria' : '') });
    t.textContent = name;
    layers.countryLabels.append(t);
  }
  installZoom(svg, root);
}

// Wheel zooms around the pointer, drag pans; markers keep their screen size.
function installZoom(svg, root) {
  const z = state.zoom;
  const apply = () => {
    root.setAttribute('transform', `translate(${z.x},${z.y}) scale(${z.k})`);
    resizeMarkers();
  };
  const toSvg = (ev) => {
    const pt = svg.createSVGPoint();
    pt.x = ev.clientX; pt.y = ev.clientY;
    return pt.matrixTransform(svg.getScreenCTM().inverse());
  };
  svg.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const p = toSvg(ev);
    const k = Math.min(40, Math.max(1, z.k * Math.exp(-ev.deltaY * 0.0015)));
    z.x = p.x - (p.x - z.x) * (k / z.k);
    z.y = p.y - (p.y - z.y) * (k / z.k);
    z.k = k;
    if (k === 1) { z.x = 0; z.y = 0; }
    apply();
  }, { passive: false });
  let drag = null;
  svg.addEventListener('pointerdown', (ev) => {
    drag = { start: toSvg(ev), x: z.x, y: z.y, moved: false };
  });
  svg.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    const p = toSvg(ev);
    const dx = p.x - drag.start.x, dy = p.y - drag.start.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) { drag.moved = true; svg.setPointerCapture(ev.pointerId); svg.classList.add('dragging'); }
    z.x = drag.x + dx; z.y = drag.y + dy;
    root.setAttribute('transform', `translate(${z.x},${z.y}) scale(${z.k})`);
  });
  const end = (ev) => {
    if (drag && drag.moved) {
      svg.classList.remove('dragging');
      // A drag is not a click on whatever it ended over.
      svg.addEventListener('click', (e) => e.stopPropagation(), { capture: true, once: true });
      if (svg.hasPointerCapture(ev.pointerId)) svg.releasePointerCapture(ev.pointerId);
    }
    drag = null;
  };
  svg.addEventListener('dblclick', () => { z.k = 1; z.x = 0; z.y = 0; apply(); });
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);
}

function resizeMarkers() {
  const k = state.zoom.k;
  for (const c of layers.halos.children) c.setAttribute('r', 16 / k);
  for (const m of layers.places.children) {
    const s = (m.dataset.unknown ? 6 : 10) / k;
    if (m.tagName === 'rect') {
      m.setAttribute('x', m.dataset.x - s / 2); m.setAttribute('y', m.dataset.y - s / 2);
      m.setAttribute('width', s); m.setAttribute('height', s);
    } else m.setAttribute('r', s / 2);
  }
  for (const c of layers.events.children) c.setAttribute('r', c.dataset.r / k);
  const showLabels = labelsVisible();
  for (const t of layers.placeLabels.children) {
    t.setAttribute('x', +t.dataset.x + 8 / k); t.setAttribute('y', +t.dataset.y + 4 / k);
    t.setAttribute('font-size', 11 / k);
    t.style.display = showLabels ? '' : 'none';
  }
}

function labelsVisible() {
  const held = state.control.filter((f) => f.properties.holder_side).length;
  return held <= 60 || state.zoom.k >= 3;
}

function drawControl() {
  const k = state.zoom.k;
  const sideFilter = $('#f-side').value;
  layers.halos.replaceChildren();
  layers.places.replaceChildren();
  layers.placeLabels.replaceChildren();
  // Unknown holders first, so known ones are drawn over them.
  const sorted = [...state.control].sort((a, b) =>
    (a.properties.holder_side ? 1 : 0) - (b.properties.holder_side ? 1 : 0));
  for (const f of sorted) {
    const p = f.properties;
    const xy = state.projection(f.geometry.coordinates);
    if (!xy) continue;
    const [x, y] = xy;
    const info = sideInfo(p.holder_side);
    const dim = sideFilter && p.holder_side !== sideFilter;
    let marker;
    if (p.holder_side) {
      layers.halos.append(svgEl('circle', { cx: x, cy: y, r: 16 / k, fill: info.colour,
        'fill-opacity': dim ? 0.05 : 0.22, class: 'halo' }));
      marker = svgEl('rect', { x: x - 5 / k, y: y - 5 / k, width: 10 / k, height: 10 / k,
        fill: info.colour, class: 'place' + (p.status === 'besieged' ? ' besieged' : ''),
        opacity: dim ? 0.25 : 1 });
    } else {
      marker = svgEl('circle', { cx: x, cy: y, r: 3 / k, class: 'place unknown' });
      marker.dataset.unknown = '1';
    }
    marker.dataset.x = x; marker.dataset.y = y;
    marker.dataset.place = p.name;
    marker.setAttribute('aria-label', p.name);
    const title = svgEl('title');
    title.textContent = p.holder_side
      ? `${p.name}: ${info.label}${p.status === 'besieged' ? ' (besieged)' : ''} since ${p.since}`
      : `${p.name}: holder unknown on ${state.date}`;
    marker.append(title);
    marker.addEventListener('click', (ev) => { ev.stopPropagation(); openPlace(p.name); });
    if (state.selected && state.selected.kind === 'place' &&
        state.selected.name.toLowerCase() === p.name.toLowerCase()) marker.classList.add('selected');
    layers.places.append(marker);
    if (p.holder_side) {
      const t = svgEl('text', { x: x + 8 / k, y: y + 4 / k, class: 'place-label', 'font-size': 11 / k });
      t.dataset.x = x; t.dataset.y = y;
      t.textContent = p.name;
      layers.placeLabels.append(t);
    }
  }
  resizeMarkers();
  drawSummary();
  drawLegend();
  const names = [...new Set(state.control.map((f) => f.properties.name))].sort();
  $('#place-names').replaceChildren(...names.map((n) => el('option', { value: n })));
}

function drawEvents() {
  const k = state.zoom.k;
  layers.events.replaceChildren();
  const placed = state.events.filter((e) => e.place && e.place.lat != null && e.place.lon != null);
  placed.sort((a, b) => eventRadius(b) - eventRadius(a)); // small ones on top
  for (const ev of placed) {
    const xy = state.projection([ev.place.lon, ev.place.lat]);
    if (!xy) continue;
    const r = eventRadius(ev);
    const c = svgEl('circle', { cx: xy[0], cy: xy[1], r: r / k, fill: typeColour(ev.event_type),
      class: 'event' + (state.selected && state.selected.kind === 'event' && state.selected.id === ev.id ? ' selected' : '') });
    c.dataset.r = r;
    c.dataset.event = ev.id;
    const t = svgEl('title');
    t.textContent = `${ev.date || 'undated'} ${ev.sub_event_type} — ${ev.place.name}` +
      (ev.fatalities ? `, ${fatalitiesText(ev.fatalities)}` : '');
    c.append(t);
    c.addEventListener('click', (e) => { e.stopPropagation(); openEvent(ev.id); });
    layers.events.append(c);
  }
  drawEventList();
  drawLegend();
}

function drawSummary() {
  const counts = new Map();
  for (const f of state.control) {
    const s = f.properties.holder_side;
    if (s) counts.set(s, (counts.get(s) || 0) + 1);
  }
  const parts = [...counts.entries()].sort((a, b) => b[1] - a[1])
    .map(([s, n]) => el('span', {}, el('span', { class: 'swatch', style: `background:${sideInfo(s).colour}` }),
      ` ${sideInfo(s).label} ${n}  `));
  $('#summary').replaceChildren(
    el('strong', {}, state.date), ' — places by holder: ',
    ...(parts.length ? parts : ['no control known yet on this date']),
  );
}

function drawLegend() {
  const held = new Map();
  for (const f of state.control) {
    const s = f.properties.holder_side;
    if (s) held.set(s, (held.get(s) || 0) + 1);
  }
  const types = new Map();
  for (const e of state.events) types.set(e.event_type, (types.get(e.event_type) || 0) + 1);
  // Only what is on the map now, so the legend stays small.
  const sideItems = state.legend.sides.filter((s) => held.has(s.key)).map((s) => el('li', {},
    el('span', { class: 'swatch', style: `background:${s.colour}` }), `${s.label} (${held.get(s.key)})`));
  const typeItems = state.legend.event_types.filter((t) => types.has(t.key)).map((t) => el('li', {},
    el('span', { class: 'swatch round', style: `background:${t.colour}` }), `${t.label} (${types.get(t.key)})`));
  if (!sideItems.length) sideItems.push(el('li', {}, 'no holder known on this date'));
  if (!typeItems.length) typeItems.push(el('li', {}, 'no events in this window'));
  $('#legend').replaceChildren(
    el('h3', {}, 'Place held by (square)'), el('ul', {}, sideItems),
    el('h3', {}, 'Events (circle, area ~ fatalities)'), el('ul', {}, typeItems),
    el('div', { style: 'color:#666;margin-top:4px' }, 'dashed ring: holder not known on this date'),
  );
}

function drawEventList() {
  const list = $('#event-list');
  const rows = state.events.slice(0, LIST_LIMIT).map((ev) => {
    const li = el('li', { 'data-event': ev.id, class: state.selected && state.selected.kind === 'event' && state.selected.id === ev.id ? 'selected' : null,
      onclick: () => openEvent(ev.id) },
      el('span', { class: 'swatch round', style: `background:${typeColour(ev.event_type)};margin-top:4px` }),
      el('div', {},
        el('div', {}, el('strong', {}, ev.sub_event_type), ' — ', ev.place ? ev.place.name : 'no place',
          ev.fatalities ? ` · ${fatalitiesText(ev.fatalities)}` : ''),
        el('div', { class: 'when' }, `${ev.date || 'undated'} · `,
          [actorText(ev.actor1), actorText(ev.actor2)].filter(Boolean).join(' vs ') || 'actors unknown',
          ev.outlets && ev.outlets.length ? ` · ${ev.outlets.join(', ')}` : '')));
    return li;
  });
  list.replaceChildren(...rows);
  const more = state.events.length > LIST_LIMIT ? ` (first ${LIST_LIMIT} of ${state.events.length})` : '';
  $('#event-count').textContent = `${state.events.length}${more}`;
}

// ---- Loading ---------------------------------------------------------------

function eventParams() {
  const w = $('#f-window').value;
  const p = {
    type: $('#f-type').value, side: $('#f-side').value, admin1: $('#f-admin1').value,
    outlet: $('#f-outlet').value, q: $('#f-q').value.trim(),
  };
  if (w !== 'all') {
    p.from = addDays(state.date, -(Number(w) - 1));
    p.to = state.date;
  }
  return p;
}

async function loadControl() {
  if (state.controlAbort) state.controlAbort.abort();
  const ac = new AbortController();
  state.controlAbort = ac;
  try {
    const fc = await api('/api/control', { date: state.date, admin1: $('#f-admin1').value }, ac.signal);
    if (ac.signal.aborted) return;
    state.control = fc.features;
    drawControl();
    document.body.dataset.controlDate = fc.date; // the date the map shows
  } catch (e) {
    if (e.name !== 'AbortError') status(`Control: ${e.message}`, true);
  }
}

async function loadEvents() {
  if (state.eventsAbort) state.eventsAbort.abort();
  const ac = new AbortController();
  state.eventsAbort = ac;
  try {
    const params = { ...eventParams(), limit: 1000 };
    let rows = [], offset = 0;
    for (;;) {
      const page = await api('/api/events', { ...params, offset }, ac.signal);
      rows = rows.concat(page.events);
      if (page.next_offset == null || rows.length >= MAX_EVENTS) break;
      offset = page.next_offset;
    }
    if (ac.signal.aborted) return;
    state.events = rows;
    drawEvents();
  } catch (e) {
    if (e.name !== 'AbortError') status(`Events: ${e.message}`, true);
  }
}

let reloadTimer = null;
function setDate(iso, { immediate = false } = {}) {
  state.date = iso;
  $('#date').value = iso;
  $('#slider').value = dayIndex(iso) - dayIndex(FIRST_DAY);
  saveHash();
  clearTimeout(reloadTimer);
  const go = () => {
    loadControl();
    loadEvents();
    if (state.selected && state.selected.kind === 'place') openPlace(state.selected.name, { quiet: true });
  };
  if (immediate) go(); else reloadTimer = setTimeout(go, 120);
}

function saveHash() {
  const h = new URLSearchParams({ date: state.date });
  if (state.selected && state.selected.kind === 'place') h.set('place', state.selected.name);
  if (state.selected && state.selected.kind === 'event') h.set('event', state.selected.id);
  history.replaceState(null, '', `#${h}`);
}

// ---- Detail panel ------------------------------------------------------------

function sourceBlock(report, claims) {
  return el('div', { class: 'source' },
    el('div', {},
      el('span', { class: 'who' }, report.outlet || 'unknown outlet'),
      report.published ? el('span', { class: 'meta' }, ` · published ${report.published}`) : null,
      report.contradicted ? el('span', { class: 'contradicted' }, ' · contradicted by another outlet') : null),
    report.title ? el('div', { class: 'meta' }, report.title) : null,
    el('blockquote', {}, report.evidence && report.evidence.text ? `“${report.evidence.text}”` : '(no sentence kept)'),
    ...claims.map((c) => el('div', { class: 'meta' }, 'claim: ',
      c.claimant || 'no claimant named', c.fatalities ? ` — ${fatalitiesText(c.fatalities)}` : '')),
    el('div', { class: 'meta' }, `${report.doc_id || ''}${report.article != null ? ` #${report.article}` : ''}`,
      safeUrl(report.url) ? [' · ', el('a', { href: safeUrl(report.url), target: '_blank', rel: 'noopener noreferrer' }, 'link')] : null));
}

// A report's URL comes from the input documents: only http(s) links become
// hrefs, so a "javascript:" or "data:" URL in a crafted input is never a link.
function safeUrl(u) {
  if (typeof u !== 'string') return null;
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

// The reports of one event, each with its claims.
function sourcesOf(detail) {
  const reports = detail.report_list || [];
  return reports.map((r) => sourceBlock(r, (detail.claims || []).filter((c) => c.report === r.id)));
}

function highlight() {
  for (const m of document.querySelectorAll('.place.selected, .event.selected, #event-list li.selected'))
    m.classList.remove('selected');
  const s = state.selected;
  if (!s) return;
  if (s.kind === 'place') {
    for (const m of layers.places.children)
      if (m.dataset.place.toLowerCase() === s.name.toLowerCase()) m.classList.add('selected');
  } else {
    for (const m of document.querySelectorAll(`[data-event="${s.id}"]`)) m.classList.add('selected');
  }
}

async function openEvent(id) {
  state.selected = { kind: 'event', id };
  saveHash();
  highlight();
  const panel = $('#detail');
  panel.dataset.kind = 'event';
  try {
    const d = await api(`/api/events/${id}`);
    const info = [
      ['Date', `${d.date || 'undated'}${d.date_precision && d.date_precision !== 'day' ? ` (${d.date_precision})` : ''}`],
      ['Type', `${d.event_type} — ${d.sub_event_type}`],
      ['Actor 1', actorText(d.actor1) || '—'],
      ['Actor 2', actorText(d.actor2) || '—'],
      ['Place', d.place ? `${d.place.name}${d.place.admin1_code ? ` (${d.place.admin1_code})` : ''}${d.place.precision ? `, ${d.place.precision}` : ''}` : '—'],
      ['Fatalities', fatalitiesText(d.fatalities) || 'none reported'],
      ['Certainty', d.certainty],
      ['Reports', `${d.reports} from ${d.sources} outlet${d.sources === 1 ? '' : 's'}`],
    ];
    panel.replaceChildren(
      el('h2', {}, `${d.sub_event_type} — ${d.place ? d.place.name : 'no place'}`),
      el('dl', { class: 'kv' }, info.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
      d.place ? el('button', { type: 'button', onclick: () => openPlace(d.place.name) }, `Open ${d.place.name}`) : null,
      el('h3', {}, `Claims and sources (${(d.claims || []).length} claims)`),
      ...sourcesOf(d),
    );
  } catch (e) {
    panel.replaceChildren(el('p', {}, `Event ${id}: ${e.message}`));
  }
}

async function openPlace(name, { quiet = false } = {}) {
  state.selected = { kind: 'place', name };
  saveHash();
  highlight();
  const panel = $('#detail');
  panel.dataset.kind = 'place';
  const date = state.date;
  const here = state.control.filter((f) => f.properties.name.toLowerCase() === name.toLowerCase());
  let tl;
  try {
    tl = await api('/api/timeline', { place: name });
  } catch (e) {
    if (quiet && e.status === 404) return;
    panel.replaceChildren(el('h2', {}, name),
      el('p', {}, e.status === 404 ? 'No control evidence for this place in the store.' : e.message));
    return;
  }
  if (state.date !== date) return; // the slider moved meanwhile; a newer call follows
  const blocks = [];
  for (const t of tl.timelines) {
    const p = t.place;
    const ctl = here.find((f) => f.properties.place_id === p.id) || here[0];
    const holder = ctl && ctl.properties.holder_side;
    const info = sideInfo(holder);
    blocks.push(
      el('h2', {}, p.name, el('span', { class: 'meta', style: 'font-weight:normal;color:#666' },
        ` ${p.admin1_code || ''} ${p.country || ''}`)),
      el('div', { class: 'holder-line' }, `Holder on ${date}: `,
        holder ? el('span', { class: 'holder', 'data-side': holder },
          el('span', { class: 'swatch', style: `background:${info.colour}` }),
          `${info.label}${ctl.properties.status === 'besieged' ? ' (besieged)' : ''}`)
          : el('span', { class: 'holder', 'data-side': '' }, 'not known on this date'),
        holder && ctl.properties.since ? ` since ${ctl.properties.since}` : ''),
      el('h3', {}, 'Control timeline'),
    );
    for (const period of t.periods) {
      const pi = sideInfo(period.holder_side);
      const current = period.from <= date && (!period.to || date < period.to);
      const sources = [];
      for (const id of period.evidence) {
        const d = tl.evidence[String(id)];
        if (!d) continue;
        sources.push(el('div', { class: 'meta', style: 'margin-top:4px' },
          el('a', { href: '#', onclick: (e) => { e.preventDefault(); openEvent(id); } },
            `${d.date || 'undated'} ${d.sub_event_type}`),
          ` — ${d.reports} report${d.reports === 1 ? '' : 's'}`));
        sources.push(...sourcesOf(d));
      }
      blocks.push(el('div', { class: 'period' + (current ? ' current' : ''), style: `border-left-color:${pi.colour}` },
        el('div', {}, el('strong', {}, pi.label), period.status === 'besieged' ? ' (besieged)' : '',
          ` from ${period.from}${period.to ? ` to ${period.to}` : ' on'}`, current ? ' ← on the map date' : ''),
        ...sources));
    }
  }
  panel.replaceChildren(...blocks);
}

// ---- Controls -----------------------------------------------------------------

function fillFilters(outlets) {
  const type = $('#f-type');
  for (const [family, subs] of Object.entries(EVENT_TYPES)) {
    const g = el('optgroup', { label: family }, el('option', { value: family }, `${family} (all)`),
      subs.map((s) => el('option', { value: s }, s)));
    type.append(g);
  }
  $('#f-side').append(...state.legend.sides.map((s) => el('option', { value: s.key }, s.label)));
  $('#f-admin1').append(...GOVERNORATES.map(([code, name]) => el('option', { value: code }, `${name} (${code})`)));
  $('#f-outlet').append(...outlets.filter((o) => o.outlet !== '(unknown)')
    .map((o) => el('option', { value: o.outlet }, `${o.outlet} (${o.reports})`)));
}

function play() {
  const btn = $('#play');
  if (state.playing) {
    clearInterval(state.playing); state.playing = null; btn.textContent = '▶';
    return;
  }
  btn.textContent = '❚❚';
  state.playing = setInterval(() => {
    const next = addDays(state.date, 7);
    if (next > LAST_DAY) { play(); return; }
    setDate(next, { immediate: true });
  }, 400);
}

async function main() {
  const slider = $('#slider');
  slider.max = dayIndex(LAST_DAY) - dayIndex(FIRST_DAY);
  $('#date').min = FIRST_DAY;
  $('#date').max = LAST_DAY;
  const [legend, outlets, latest] = await Promise.all([
    api('/api/legend'),
    api('/api/outlets').catch(() => ({ outlets: [] })),
    api('/api/events', { limit: 1 }).catch(() => ({ events: [] })),
  ]);
  state.legend = legend;
  fillFilters(outlets.outlets);
  await initMap();

  slider.addEventListener('input', () => setDate(isoOf(dayIndex(FIRST_DAY) + Number(slider.value))));
  $('#date').addEventListener('change', () => {
    const v = $('#date').value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) setDate(v < FIRST_DAY ? FIRST_DAY : v > LAST_DAY ? LAST_DAY : v);
  });
  $('#play').addEventListener('click', play);
  for (const id of ['#f-type', '#f-side', '#f-outlet', '#f-window'])
    $(id).addEventListener('change', () => { loadEvents(); if (id === '#f-side') drawControl(); });
  $('#f-admin1').addEventListener('change', () => { loadControl(); loadEvents(); });
  let qTimer = null;
  $('#f-q').addEventListener('input', () => { clearTimeout(qTimer); qTimer = setTimeout(loadEvents, 300); });
  $('#filters').addEventListener('submit', (e) => e.preventDefault());
  const find = $('#find-place');
  const openFound = () => {
    const v = find.value.trim();
    if (v) openPlace(v);
  };
  find.addEventListener('change', openFound);
  find.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); openFound(); } });

  const hash = new URLSearchParams(location.hash.slice(1));
  const newest = latest.events.length && latest.events[0].date;
  let start = hash.get('date') || newest || '2017-06-15';
  // The hash is typed by people: a malformed or impossible day (2017-02-30)
  // would make isoOf() throw; out-of-range days are clamped like the input's.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(Date.parse(start + 'T00:00:00Z')) ||
      isoOf(dayIndex(start)) !== start) start = '2017-06-15';
  if (start < FIRST_DAY) start = FIRST_DAY;
  if (start > LAST_DAY) start = LAST_DAY;
  setDate(start, { immediate: true });
  if (hash.get('place')) openPlace(hash.get('place'));
  else if (hash.get('event') && /^\d+$/.test(hash.get('event'))) openEvent(Number(hash.get('event')));
  document.body.dataset.ready = '1';
}

main().catch((e) => status(`sitrep: ${e.message}`, true));
