// The detector page (/detect): upload a file with a platform, police or operator key; show the
// verdict, the waveform with the watermarked stretches and the per-second scores (police and
// operator views), and offer the signed evidence bundle.
import { api, ApiError } from './api.js';
import { bindSecret } from './credentials.js';
import { $, alertError, clear, definitions, download, el, show, status } from './ui.js';
import { drawScores, drawWaveform } from './waveform.js';

const VERDICTS = {
  'verified-synthetic': 'Made by this service, intact, with its manifest and ledger record.',
  'synthetic-manifest-stripped': 'Made by this service: the watermark is there, but the manifest was removed (re-encoded or stripped).',
  tampered: 'It carries our manifest, but the audio was changed after signing.',
  'foreign-c2pa': 'It carries a C2PA manifest from someone else.',
  'suspected-synthetic': 'No provenance of ours, but the audio looks synthetic.',
  'no-provenance-found': 'No watermark or manifest of this service was found.',
};

let readKey;
let evidence = null;

function init() {
  readKey = bindSecret($('api-key'), $('remember'), 'apiKey');
  $('detect-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    examine();
  });
  $('download-evidence').addEventListener('click', () => {
    if (evidence) download(evidence.text, evidence.name, 'application/jose');
  });
}

async function examine() {
  alertError('');
  const file = $('file').files[0];
  const key = readKey();
  if (!file || !key) return;
  const basis = $('legal-basis').value.trim();
  const headers = basis ? { 'X-VoxProof-Legal-Basis': basis } : {};
  const query = $('evidence').checked ? '?evidence=true' : '';
  status(`Examining ${file.name}…`);
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const r = await api(`/v1/detect${query}`, {
      method: 'POST',
      secret: key,
      body: bytes,
      contentType: 'application/octet-stream',
      headers,
    });
    await showReport(r.body, file, bytes);
    status(`Verdict for ${file.name}: ${r.body.verdict}.`);
    $('h-report').focus();
  } catch (e) {
    show($('report'), false);
    alertError(e instanceof ApiError ? e.describe() : `Something went wrong: ${e.message || e}`);
  }
}

async function showReport(report, file, bytes) {
  $('verdict').textContent = report.verdict;
  $('verdict').dataset.verdict = report.verdict;
  $('verdict-explained').textContent = VERDICTS[report.verdict] || '';
  const reasons = clear($('reasons'));
  for (const r of report.reasons || []) reasons.append(el('li', {}, r));
  const wm = report.watermark || {};
  const mf = report.manifest || {};
  const lg = report.ledger || {};
  clear($('facts')).append(
    definitions([
      ['Confidence', report.confidence ? report.confidence.level : null],
      ['Watermark', wm.found ? `found, payload ${wm.payload}` : 'not found'],
      ['False-alarm probability', wm.pFalseAlarm],
      ['Manifest', mf.present ? `${mf.valid ? 'valid' : 'not valid'}${mf.signer ? `, signed by ${mf.signer}` : ''}` : 'none'],
      ['Manifest codes', Array.isArray(mf.codes) && mf.codes.length ? mf.codes.join(', ') : null],
      ['Ledger entry', lg.index === undefined || lg.index === null ? null : el('a', { href: `/ledger?index=${lg.index}` }, String(lg.index))],
      ['Manifest id', lg.manifestId],
      ['Consent now', report.consent ? report.consent.status : null],
      ['Consent id', report.consent ? report.consent.id : null],
      ['Licensee', report.licensee ?? report.licenseePseudonym],
      ['Duration', report.durationSeconds !== undefined ? `${report.durationSeconds.toFixed(2)} s` : null],
    ]),
  );
  const segments = Array.isArray(wm.segments) ? wm.segments : [];
  const scores = Array.isArray(wm.perSecondScores) ? wm.perSecondScores : [];
  const segList = clear($('segments'));
  for (const s of segments) {
    segList.append(el('li', {}, `${(s.startMs / 1000).toFixed(2)} s – ${(s.endMs / 1000).toFixed(2)} s`));
  }
  show($('segments-box'), segments.length > 0);
  const table = clear($('scores-table'));
  scores.forEach((s, i) => table.append(el('tr', {}, el('th', { scope: 'row' }, `${i}–${i + 1} s`), el('td', {}, Number(s).toFixed(3)))));
  show($('scores-box'), scores.length > 0);
  $('raw').textContent = JSON.stringify({ ...report, evidence: report.evidence ? '(see the download)' : undefined }, null, 2);
  evidence = report.evidence ? { text: report.evidence, name: `evidence-${file.name.replace(/[^A-Za-z0-9._-]/g, '_')}.jws` } : null;
  show($('download-evidence'), Boolean(evidence));
  show($('evidence-help'), Boolean(evidence));
  show($('report'));
  $('h-report').tabIndex = -1;
  await drawFigure(report, segments, scores, bytes);
}

async function drawFigure(report, segments, scores, bytes) {
  let samples = null;
  let durationMs = (report.durationSeconds || 0) * 1000;
  try {
    const audio = await new OfflineAudioContext(1, 1, 44100).decodeAudioData(bytes.slice().buffer);
    samples = audio.getChannelData(0);
    durationMs = audio.duration * 1000 || durationMs;
  } catch (e) {
    samples = null; // a format this browser cannot decode: the marks and scores are still drawn
  }
  drawWaveform($('waveform'), samples, Math.max(1, durationMs), segments);
  const marked = segments.map((s) => `${(s.startMs / 1000).toFixed(1)}–${(s.endMs / 1000).toFixed(1)} s`).join(', ');
  $('waveform').setAttribute(
    'aria-label',
    `Waveform of ${(durationMs / 1000).toFixed(1)} s` + (segments.length ? `, watermark found in ${marked}` : ''),
  );
  show($('scores'), scores.length > 0);
  if (scores.length) drawScores($('scores'), scores, segments);
  $('waveform-caption').textContent =
    (samples ? 'Waveform' : 'The browser cannot decode this format; the time axis') +
    (segments.length ? '; shaded: where the watermark was found' : '') +
    (scores.length ? '. Below: the watermark score of each second (table below).' : '.');
}

init();
