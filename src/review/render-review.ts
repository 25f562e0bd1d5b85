/**
 * The review page: one self-contained HTML file per document (no network, no CDN — styles, script and data
 * inline) showing the minutes with every record's span highlighted where it came from, and a panel of the
 * records by type and item. Every piece of source text is escaped; the document's JSON is embedded with
 * "<" escaped, so a hostile minutes file cannot close the script element or inject markup.
 *
 * Colours follow the Okabe–Ito palette (told apart by colour-blind readers), and each type also has its own
 * underline style and a letter badge at each record's start, so colour is never the only cue.
 */
import type { MinutesDocument } from '../schema/minutes.js';

export const RECORD_TYPES = [
  { key: 'witnesses', label: 'Witnesses', letter: 'W', colour: '#E69F00', line: 'solid' },
  { key: 'declarations', label: 'Declarations', letter: 'D', colour: '#56B4E9', line: 'double' },
  { key: 'discussionPoints', label: 'Discussion points', letter: 'P', colour: '#009E73', line: 'dotted' },
  { key: 'resolutions', label: 'Resolutions', letter: 'R', colour: '#F0E442', line: 'solid' },
  { key: 'recommendations', label: 'Recommendations', letter: 'C', colour: '#0072B2', line: 'dashed' },
  { key: 'actions', label: 'Actions', letter: 'A', colour: '#D55E00', line: 'wavy' },
  { key: 'attendance', label: 'Attendance', letter: 'T', colour: '#CC79A7', line: 'dotted' },
  { key: 'votes', label: 'Votes', letter: 'V', colour: '#999999', line: 'dashed' },
] as const;
type TypeKey = (typeof RECORD_TYPES)[number]['key'];

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

interface Mark {
  id: string;
  type: TypeKey;
  start: number;
  end: number;
}

function recordLabel(type: TypeKey, r: Record<string, unknown>): string {
  switch (type) {
    case 'witnesses':
      return [r.name, r.role].filter(Boolean).join(', ');
    case 'declarations':
      return `${r.member}: ${r.text}`;
    case 'attendance':
      return `${String(r.status).replace('_', ' ')}: ${r.name}${r.role && r.role !== r.name ? ` (${r.role})` : ''}`;
    case 'votes':
      return [r.method, r.for !== null && `${r.for} for`, r.against !== null && `${r.against} against`, r.mover && `moved by ${r.mover}`, r.seconder && `seconded by ${r.seconder}`].filter(Boolean).join(', ') || 'vote';
    default:
      return String(r.text ?? '');
  }
}

/** The source text cut at every span boundary; each piece knows which records cover it. */
function highlightedText(text: string, marks: Mark[], warnings: MinutesDocument['warnings']): string {
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const warningsAt = new Map<number, MinutesDocument['warnings']>();
  for (const w of warnings) {
    if (!w.span) continue;
    cuts.add(w.span.start);
    warningsAt.set(w.span.start, [...(warningsAt.get(w.span.start) ?? []), w]);
  }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const starts = new Map<number, Mark[]>();
  for (const m of marks) starts.set(m.start, [...(starts.get(m.start) ?? []), m]);
  const out: string[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    for (const w of warningsAt.get(from) ?? []) out.push(`<span class="warning" role="note" title="${escapeHtml(w.code)}">⚠ ${escapeHtml(w.code)}: ${escapeHtml(w.message)}</span>`);
    for (const m of starts.get(from) ?? []) {
      const type = RECORD_TYPES.find((t) => t.key === m.type)!;
      out.push(`<span class="badge t-${m.type}" data-record="${m.id}" aria-hidden="true">${type.letter}</span>`);
    }
    const covering = marks.filter((m) => m.start <= from && m.end >= to && m.end > m.start);
    const piece = escapeHtml(text.slice(from, to));
    if (!covering.length) out.push(piece);
    else {
      const types = [...new Set(covering.map((m) => m.type))];
      out.push(`<span class="hl ${types.map((t) => `t-${t}`).join(' ')}" data-records="${covering.map((m) => m.id).join(' ')}">${piece}</span>`);
    }
  }
  return out.join('');
}

function chart(document: MinutesDocument): string {
  const rows = (document.items.length ? document.items : [{ id: null, number: null, title: 'Whole text' }]).map((item) => {
    const counts = RECORD_TYPES.map((t) => (document[t.key] as { item: string | null }[]).filter((r) => (item.id === null ? true : r.item === item.id)).length);
    const label = [item.number, item.title].filter(Boolean).join(' ') || 'item';
    return { label: label.length > 18 ? `${label.slice(0, 17)}…` : label, counts };
  });
  const max = Math.max(1, ...rows.map((r) => r.counts.reduce((a, b) => a + b, 0)));
  const rowHeight = 22;
  const width = 320;
  const bars = rows
    .map((row, i) => {
      let x = 0;
      const segs = row.counts
        .map((n, k) => {
          if (!n) return '';
          const w = (n / max) * (width - 150);
          const seg = `<rect x="${150 + x}" y="${i * rowHeight + 4}" width="${w}" height="${rowHeight - 8}" fill="${RECORD_TYPES[k].colour}"><title>${RECORD_TYPES[k].label}: ${n}</title></rect>`;
          x += w;
          return seg;
        })
        .join('');
      return `<text x="0" y="${i * rowHeight + 16}" font-size="11">${escapeHtml(row.label)}</text>${segs}<text x="${154 + x}" y="${i * rowHeight + 16}" font-size="11">${row.counts.reduce((a, b) => a + b, 0)}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="Records per item" viewBox="0 0 ${width + 30} ${rows.length * rowHeight}" width="100%">${bars}</svg>`;
}

/** Records the model is less sure of than this are marked for checking (confidence is calibrated). */
const DOUBTFUL = 0.6;

export function reviewPage(document: MinutesDocument, text: string): string {
  const marks: Mark[] = [];
  for (const t of RECORD_TYPES) {
    for (const r of document[t.key] as { id: string; span: { start: number; end: number } }[]) marks.push({ id: r.id, type: t.key, start: r.span.start, end: r.span.end });
  }
  const itemName = (id: string | null) => {
    const item = document.items.find((i) => i.id === id);
    return item ? [item.number, item.title].filter(Boolean).join(' ') : 'No item';
  };
  const panel = RECORD_TYPES.map((t) => {
    const records = document[t.key] as ({ id: string; item: string | null } & Record<string, unknown>)[];
    const byItem = new Map<string | null, typeof records>();
    for (const r of records) byItem.set(r.item, [...(byItem.get(r.item) ?? []), r]);
    const groups = [...byItem]
      .map(([item, list]) => {
        const entries = list
          .map((r) => {
            const extra =
              t.key === 'actions'
                ? `<span class="meta">${(r.owners as { text: string }[]).length ? `Owners: ${escapeHtml((r.owners as { text: string }[]).map((o) => o.text).join('; '))}` : 'No owner named'}${r.due ? ` · due ${escapeHtml(String(r.due))}` : ''}</span>`
                : '';
            // How sure the model is, and why: a clerk reviews the doubtful records first.
            const confidence = typeof r.confidence === 'number' ? r.confidence : 1;
            const doubtful = confidence < DOUBTFUL;
            const why = Array.isArray(r.evidence) && r.evidence.length ? ` · why: ${escapeHtml((r.evidence as string[]).join(', '))}` : '';
            const sure = `<span class="meta${doubtful ? ' doubt' : ''}">${doubtful ? 'check: ' : ''}confidence ${confidence.toFixed(2)}${why}</span>`;
            return `<li><button type="button" class="record t-${t.key}${doubtful ? ' doubtful' : ''}" data-record="${r.id}"><span class="badge t-${t.key}" aria-hidden="true">${t.letter}</span> ${escapeHtml(recordLabel(t.key, r).slice(0, 300))}${extra}${sure}</button></li>`;
          })
          .join('');
        return `<h4>${escapeHtml(itemName(item))}</h4><ul>${entries}</ul>`;
      })
      .join('');
    return `<section class="group" data-type="${t.key}"><h3><span class="badge t-${t.key}" aria-hidden="true">${t.letter}</span> ${t.label} (${records.length})</h3>${groups || '<p class="none">None.</p>'}</section>`;
  }).join('');
  const filters = RECORD_TYPES.map((t) => `<label><input type="checkbox" checked data-filter="${t.key}"> <span class="badge t-${t.key}" aria-hidden="true">${t.letter}</span> ${t.label}</label>`).join('');
  const m = document.meeting;
  const title = m.title ?? m.committee ?? document.source.name ?? 'Minutes';
  const typeStyles = RECORD_TYPES.map(
    (t) => `.hl.t-${t.key}{background:${t.colour}33;text-decoration:underline ${t.line} ${t.colour};text-decoration-thickness:2px;text-underline-offset:3px}
.badge.t-${t.key}{background:${t.colour}}
body.hide-${t.key} .hl.t-${t.key}{background:none;text-decoration:none}
body.hide-${t.key} .badge.t-${t.key}[data-record]{display:none}
body.hide-${t.key} .group[data-type="${t.key}"]{display:none}`,
  ).join('\n');
  // The document's JSON, with "<" escaped so that no text in it can end the script element.
  const json = JSON.stringify(document).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)} — committee-minutes review</title>
<style>
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#111;background:#fff}
header{padding:12px 16px;border-bottom:1px solid #ddd;background:#f7f7f7}
header h1{font-size:18px;margin:0 0 4px}
header p{margin:0;color:#444}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(280px,2fr);gap:0;min-height:80vh}
#source{padding:16px;white-space:pre-wrap;word-wrap:break-word;font:14px/1.6 ui-monospace,Menlo,Consolas,monospace;border-right:1px solid #ddd}
#panel{padding:12px 16px;overflow:auto;max-height:100vh;position:sticky;top:0}
.hl{cursor:pointer;border-radius:2px}
.hl.selected{outline:3px solid #000;outline-offset:1px}
.hl.flash{animation:flash 1.2s ease-out 1}
@keyframes flash{0%{background:#000;color:#fff}100%{}}
.badge{display:inline-block;min-width:1.3em;padding:0 3px;margin-right:2px;border-radius:3px;font:bold 11px/1.4 system-ui,sans-serif;color:#000;text-align:center;vertical-align:1px}
.warning{display:inline-block;margin:2px 0;padding:0 4px;border:2px dashed #b00;color:#b00;font:12px system-ui,sans-serif}
.filters{display:flex;flex-wrap:wrap;gap:6px 12px;margin:8px 0 12px}
.filters label{white-space:nowrap;cursor:pointer}
.group h3{font-size:15px;margin:16px 0 4px}
.group h4{font-size:13px;margin:8px 0 2px;color:#444}
.group ul{list-style:none;margin:0;padding:0}
button.record{display:block;width:100%;text-align:left;margin:2px 0;padding:6px 8px;border:1px solid #ccc;border-radius:4px;background:#fff;font:13px/1.4 system-ui,sans-serif;cursor:pointer}
button.record:hover{background:#f3f3f3}
button.record:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #0072B2;outline-offset:2px}
button.record.selected{border:2px solid #000;background:#eef}
.meta{display:block;color:#444;font-size:12px;margin-top:2px}
.meta.doubt{color:#8a3b00;font-weight:600}
.record.doubtful{border-left:3px dashed #8a3b00}
.toolbar{display:flex;gap:8px;flex-wrap:wrap}
.toolbar button{padding:6px 10px;font:13px system-ui,sans-serif}
.none{color:#666;margin:0}
${typeStyles}
@media (max-width:800px){main{grid-template-columns:1fr}#source{border-right:none;border-bottom:1px solid #ddd}#panel{position:static;max-height:none}}
@media print{.toolbar,.filters{display:none}main{grid-template-columns:1fr}#panel{position:static;max-height:none}.hl.selected{outline:none}}
</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p>${[m.committee && `Committee: ${escapeHtml(m.committee)}`, m.date && `Date: ${escapeHtml(m.date)}`, m.item && `Item: ${escapeHtml(m.item)}`, `Source: ${escapeHtml(document.source.name ?? 'unnamed')}`, `Grammar: ${escapeHtml(document.grammar)}`].filter(Boolean).join(' · ')}${document.truncated ? ' · <strong>The published text is cut short.</strong>' : ''}</p>
</header>
<main>
<article id="source" aria-label="The minutes, with each record highlighted where it came from">${highlightedText(text, marks, document.warnings)}</article>
<aside id="panel" aria-label="Records">
<div class="toolbar"><button type="button" id="download">Download JSON</button><button type="button" id="print" onclick="window.print()">Print</button></div>
<div class="filters" role="group" aria-label="Show record types">${filters}</div>
<details open><summary>Records per item</summary>${chart(document)}</details>
${document.warnings.length ? `<section class="group"><h3>Warnings (${document.warnings.length})</h3><ul>${document.warnings.map((w) => `<li class="warning">${escapeHtml(w.code)}${w.line ? ` (line ${w.line})` : ''}: ${escapeHtml(w.message)}</li>`).join('')}</ul></section>` : ''}
${panel}
</aside>
</main>
<script type="application/json" id="document-json">${json}</script>
<script>
(function () {
  var source = document.getElementById('source');
  function select(id, from) {
    document.querySelectorAll('.selected').forEach(function (el) { el.classList.remove('selected'); });
    var pieces = source.querySelectorAll('.hl');
    var first = null;
    pieces.forEach(function (el) {
      if ((' ' + el.getAttribute('data-records') + ' ').indexOf(' ' + id + ' ') >= 0) {
        el.classList.add('selected');
        if (!first) first = el;
      }
    });
    var button = document.querySelector('button.record[data-record="' + id + '"]');
    if (button) button.classList.add('selected');
    if (from === 'panel' && first) {
      first.scrollIntoView({ block: 'center' });
      first.classList.remove('flash');
      void first.offsetWidth;
      first.classList.add('flash');
    }
    if (from === 'text' && button) button.scrollIntoView({ block: 'nearest' });
  }
  document.querySelectorAll('button.record').forEach(function (b) {
    b.addEventListener('click', function () { select(b.getAttribute('data-record'), 'panel'); });
  });
  source.addEventListener('click', function (e) {
    var el = e.target.closest ? e.target.closest('.hl') : null;
    if (!el) return;
    var ids = el.getAttribute('data-records').split(' ');
    select(ids[ids.length - 1], 'text');
  });
  document.querySelectorAll('input[data-filter]').forEach(function (box) {
    box.addEventListener('change', function () { document.body.classList.toggle('hide-' + box.getAttribute('data-filter'), !box.checked); });
  });
  document.getElementById('download').addEventListener('click', function () {
    var blob = new Blob([document.getElementById('document-json').textContent], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = ${JSON.stringify(`${(document.source.name ?? 'minutes').split('/').pop()}.json`).replace(/</g, '\\u003c')};
    a.click();
  });
})();
</script>
</body>
</html>
`;
}

/** The index of several review pages: one row per document, sortable by any column. */
export function reviewIndex(rows: { file: string; name: string; document: MinutesDocument | null; error: string | null }[]): string {
  const head = ['Document', 'Committee', 'Date', ...RECORD_TYPES.map((t) => t.label), 'Warnings', 'Error'];
  const body = rows
    .map((r) => {
      const d = r.document;
      const cells = [
        d ? `<a href="${escapeHtml(encodeURI(r.file))}">${escapeHtml(r.name)}</a>` : escapeHtml(r.name),
        escapeHtml(d?.meeting.committee ?? ''),
        escapeHtml(d?.meeting.date ?? ''),
        ...RECORD_TYPES.map((t) => (d ? String((d[t.key] as unknown[]).length) : '')),
        d ? String(d.warnings.length) : '',
        escapeHtml(r.error ?? ''),
      ];
      return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>committee-minutes review — index</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:16px}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left}th{background:#f3f3f3}th button{all:unset;cursor:pointer;font-weight:bold}th button:focus-visible{outline:3px solid #0072B2}td:nth-child(n+4):not(:last-child){text-align:right}@media (max-width:800px){table{font-size:12px}}</style>
</head><body>
<h1>Review index (${rows.length} documents)</h1>
<table id="index"><thead><tr>${head.map((h, i) => `<th><button type="button" data-column="${i}">${escapeHtml(h)}</button></th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody></table>
<script>
(function () {
  var tbody = document.querySelector('#index tbody');
  var direction = {};
  document.querySelectorAll('th button').forEach(function (b) {
    b.addEventListener('click', function () {
      var c = +b.getAttribute('data-column');
      direction[c] = -(direction[c] || -1);
      var rows = Array.prototype.slice.call(tbody.rows);
      rows.sort(function (x, y) {
        var a = x.cells[c].textContent, z = y.cells[c].textContent;
        var n = parseFloat(a) - parseFloat(z);
        return direction[c] * (isNaN(n) ? a.localeCompare(z) : n);
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
    });
  });
})();
</script>
</body></html>
`;
}
