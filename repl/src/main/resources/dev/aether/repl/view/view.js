// aether live view: draws the frames /events sends (graph, scope, spectrum, cpu) and writes what it drew into
// data attributes, so a test (or a curious student) can read the page back. Read-only; no framework.
'use strict';
(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const limit = Number(new URLSearchParams(location.search).get('frames') || 0);  // N frames, then stop (snapshots)
  const status = document.getElementById('status');
  let received = 0;

  function el(name, attrs, text) {
    const e = document.createElementNS(SVG, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function fmtHz(hz) { return hz >= 1000 ? (hz / 1000).toFixed(hz >= 10000 ? 0 : 1).replace(/\.0$/, '') + 'k' : String(Math.round(hz)); }

  // ---- spectrum: dB over log frequency
  function drawSpectrum(s) {
    const svg = document.getElementById('spectrum');
    clear(svg);
    const W = 800, H = 300, L = 52, R = 12, T = 12, B = 42, FLOOR = -96;
    const x = hz => L + (W - L - R) * Math.log(hz / s.loHz) / Math.log(s.hiHz / s.loHz);
    const y = db => T + (H - T - B) * (0 - Math.max(FLOOR, Math.min(0, db))) / -FLOOR;
    for (let db = 0; db >= FLOOR; db -= 24) {
      svg.appendChild(el('line', { x1: L, x2: W - R, y1: y(db), y2: y(db), class: 'axis' }));
      svg.appendChild(el('text', { x: L - 6, y: y(db) + 4, 'text-anchor': 'end' }, String(db)));
    }
    for (const hz of [20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000]) {
      if (hz < s.loHz || hz > s.hiHz) continue;
      svg.appendChild(el('line', { x1: x(hz), x2: x(hz), y1: T, y2: H - B, class: 'axis' }));
      svg.appendChild(el('text', { x: x(hz), y: H - B + 16, 'text-anchor': 'middle' }, fmtHz(hz)));
    }
    svg.appendChild(el('text', { x: (L + W - R) / 2, y: H - 6, 'text-anchor': 'middle' }, 'frequency (Hz, log scale)'));
    svg.appendChild(el('text', { x: 14, y: (T + H - B) / 2, transform: `rotate(-90 14 ${(T + H - B) / 2})`,
      'text-anchor': 'middle' }, 'level (dB)'));
    let pts = `${x(s.hz[0])},${y(FLOOR)}`, best = 0;
    for (let i = 0; i < s.hz.length; i++) {
      pts += ` ${x(s.hz[i]).toFixed(1)},${y(s.db[i]).toFixed(1)}`;
      if (s.db[i] > s.db[best]) best = i;
    }
    pts += ` ${x(s.hz[s.hz.length - 1])},${y(FLOOR)}`;
    svg.appendChild(el('polygon', { points: pts, class: 'spectrum' }));
    const px = x(s.peakHz);
    svg.appendChild(el('line', { x1: px, x2: px, y1: T, y2: H - B, class: 'peak' }));
    const label = `peak ${Math.round(s.peakHz)} Hz, ${s.peakDb.toFixed(1)} dB`;
    svg.appendChild(el('text', { x: px + (px > W - 220 ? -6 : 6), y: T + 14, class: 'peak-label',
      'text-anchor': px > W - 220 ? 'end' : 'start', id: 'peak-label' }, label));
    svg.dataset.peakHz = s.peakHz.toFixed(2);          // the loudest bin, from the server's FFT
    svg.dataset.peakDb = s.peakDb.toFixed(1);
    svg.dataset.binHz = s.binHz.toFixed(3);
    svg.dataset.drawnPeakHz = s.hz[best].toFixed(1);   // the highest point this page drew
    svg.dataset.drawnPeakX = x(s.hz[best]).toFixed(1);
  }

  // ---- scope: amplitude over time
  function drawScope(sc) {
    const svg = document.getElementById('scope');
    clear(svg);
    const W = 800, H = 260, L = 40, R = 12, T = 12, B = 34;
    const y = v => T + (H - T - B) * (1 - Math.max(-1, Math.min(1, v))) / 2;
    for (const v of [1, 0.5, 0, -0.5, -1]) {
      svg.appendChild(el('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'axis' }));
      svg.appendChild(el('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
    }
    const n = sc.points.length;
    let pts = '';
    for (let i = 0; i < n; i++) pts += `${(L + (W - L - R) * i / Math.max(1, n - 1)).toFixed(1)},${y(sc.points[i]).toFixed(1)} `;
    svg.appendChild(el('polyline', { points: pts, class: 'trace' }));
    svg.appendChild(el('text', { x: L, y: H - 10 }, '0 ms'));
    svg.appendChild(el('text', { x: W - R, y: H - 10, 'text-anchor': 'end' }, `${sc.millis.toFixed(1)} ms`));
    svg.appendChild(el('text', { x: (L + W - R) / 2, y: H - 10, 'text-anchor': 'middle' }, 'time; amplitude, full scale ±1'));
    svg.dataset.millis = sc.millis.toFixed(2);
  }

  function noAudio(frame) {
    for (const id of ['scope', 'spectrum']) {
      const svg = document.getElementById(id);
      clear(svg);
      svg.appendChild(el('text', { x: 20, y: 40 }, frame.listening ? 'listening…' : 'nothing is rendering'));
    }
  }

  // ---- graph: nodes in columns by depth, connections as curves, the edited slot highlighted
  function drawGraph(g, edited, fresh) {
    const svg = document.getElementById('graph');
    clear(svg);
    const slotOf = {}, firstOfSlot = {};
    for (const s of g.slots) {
      for (const n of s.nodes) slotOf[n] = s.name;
      if (s.nodes.length && s.name) firstOfSlot[s.nodes[0]] = s.name;
    }
    const depth = {}, column = [];
    for (const n of g.nodes) {
      let d = 0;
      for (const e of g.edges) if (e.to === n.label && depth[e.from] !== undefined) d = Math.max(d, depth[e.from] + 1);
      depth[n.label] = d;
      (column[d] = column[d] || []).push(n);
    }
    const BW = 180, BH = 34, CW = 220, RH = 58, PAD = 24, pos = {};
    let rows = 1;
    column.forEach((nodes, d) => nodes.forEach((n, i) => { pos[n.label] = { x: PAD + d * CW, y: PAD + i * RH }; rows = Math.max(rows, i + 1); }));
    const W = Math.max(800, PAD * 2 + column.length * CW), H = PAD * 2 + rows * RH;
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    for (const e of g.edges) {
      const a = pos[e.from], b = pos[e.to];
      if (!a || !b) continue;
      const x1 = a.x + BW, y1 = a.y + BH / 2, x2 = b.x, y2 = b.y + BH / 2, mx = (x1 + x2) / 2;
      const path = el('path', { d: `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`, class: 'edge' });
      path.appendChild(el('title', {}, `${e.from}.${e.fromPort} → ${e.to}.${e.toPort}`));
      svg.appendChild(path);
    }
    for (const n of g.nodes) {
      const p = pos[n.label];
      const classes = ['node'];
      if (edited && slotOf[n.label] === edited) classes.push('edited');   // the slot defined last...
      if (edited && slotOf[n.label] === edited && fresh) classes.push('fresh');   // ... in the last 10 s
      if (n.faulted) classes.push('faulted');
      if (n.label === g.master) classes.push('master');
      const box = el('g', { class: classes.join(' '), 'data-label': n.label, 'data-slot': slotOf[n.label] || '' });
      box.appendChild(el('rect', { x: p.x, y: p.y, width: BW, height: BH, rx: 6 }));
      box.appendChild(el('text', { x: p.x + 8, y: p.y + 22 }, n.label + (n.faulted ? ' (faulted)' : '')));
      if (firstOfSlot[n.label]) box.appendChild(el('text', { x: p.x, y: p.y - 5, class: 'slot-name' }, `"${firstOfSlot[n.label]}"`));
      svg.appendChild(box);
    }
    svg.dataset.nodes = g.nodes.map(n => n.label).join('|');
    svg.dataset.slots = g.slots.filter(s => s.name).map(s => s.name).join('|');
    const list = document.getElementById('slots');
    clear(list);
    for (const s of g.slots) {
      const li = document.createElement('li');
      li.dataset.slot = s.name || '';
      li.dataset.nodes = s.nodes.join('|');
      li.textContent = `${s.name ? '"' + s.name + '"' : 'play()'}: ${s.nodes.join(' → ') || '(waiting)'}`;
      if (edited && s.name === edited) li.className = fresh ? 'edited fresh' : 'edited';
      list.appendChild(li);
    }
  }

  // ---- cpu: the :cpu figures
  function drawCpu(c) {
    const dl = document.getElementById('cpu');
    clear(dl);
    const rows = [['load', `${c.loadPercent.toFixed(1)} % of the block deadline`],
      ['peak load', `${c.peakLoadPercent.toFixed(1)} %`], ['xruns', String(c.xruns)], ['late blocks', String(c.lateBlocks)],
      ['worst stall', `${c.worstStallMs.toFixed(2)} ms`], ['block', `${c.blockMs.toFixed(2)} ms`], ['driver', c.driver]];
    if (c.timing) rows.push(['timing', c.timing]);
    for (const [k, v] of rows) {
      const dt = document.createElement('dt'), dd = document.createElement('dd');
      dt.textContent = k;
      dd.textContent = v;
      dl.appendChild(dt);
      dl.appendChild(dd);
    }
    dl.dataset.loadPercent = String(c.loadPercent);
    dl.dataset.peakLoadPercent = String(c.peakLoadPercent);
    dl.dataset.xruns = String(c.xruns);
    dl.dataset.lateBlocks = String(c.lateBlocks);
  }

  function update(frame) {
    const edited = frame.edited ? frame.edited.slot : null, fresh = frame.edited && frame.edited.agoMillis < 10000;
    if (frame.spectrum && frame.scope) { drawSpectrum(frame.spectrum); drawScope(frame.scope); } else noAudio(frame);
    drawGraph(frame.graph, edited, fresh);
    drawCpu(frame.cpu);
    const e = document.getElementById('edited');
    e.dataset.slot = frame.edited ? frame.edited.slot : '';
    e.textContent = frame.edited ? `edited: "${frame.edited.slot}", ${Math.round(frame.edited.agoMillis / 1000)} s ago` : '';
    status.dataset.state = 'live';
    status.textContent = `live · frame ${frame.seq} · ${(frame.sampleRate / 1000).toFixed(1)} kHz`;
    document.body.dataset.frames = String(received);
  }

  const events = new EventSource('events' + (limit > 0 ? `?frames=${limit}` : ''));
  events.onmessage = m => { received++; update(JSON.parse(m.data)); };
  events.onerror = () => {
    if (limit > 0 && received >= limit) {                // a snapshot of N frames: done
      events.close();
      status.dataset.state = 'done';
      status.textContent = `stopped after ${received} frames (reload to watch again)`;
      document.body.dataset.done = 'true';
      return;
    }
    status.dataset.state = 'lost';
    status.textContent = 'lost the console: retrying (is :view still running? at most 8 pages may watch)';
  };
})();
