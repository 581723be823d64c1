// The ledger page (/ledger): the latest checkpoint, the recent entries, and inclusion proofs
// checked here with WebCrypto (RFC 9162 hashing), plus the checkpoint's Ed25519 signature
// against a verifier key the person supplies.
import { api, ApiError } from './api.js';
import { equalBytes, fromBase64, leafHash, ProofError, toBase64, toHex, verifyConsistency, verifyInclusion } from './merkle.js';
import { parseCheckpoint, parseVerifierKey, verifyNote } from './signed-note.js';
import { $, alertError, clear, definitions, el, show, status } from './ui.js';

const RECENT = 10;
const state = { note: null, checkpoint: null };

function fail(e) {
  alertError(e instanceof ApiError ? e.describe() : `Something went wrong: ${e.message || e}`);
}

function init() {
  const saved = sessionStorage.getItem('voxproof.vkey');
  if (saved) $('vkey').value = saved;
  $('refresh').addEventListener('click', () => refresh());
  $('key-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    checkSignature();
  });
  $('proof-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = $('proof-index').value.trim();
    if (/^[0-9]+$/.test(v)) checkEntry(BigInt(v), $('proof-result'));
    else alertError('An entry index is a whole number.');
  });
  const asked = new URLSearchParams(location.search).get('index');
  refresh().then(() => {
    if (asked && /^[0-9]+$/.test(asked)) {
      $('proof-index').value = asked;
      checkEntry(BigInt(asked), $('proof-result'));
    }
  });
}

async function refresh() {
  alertError('');
  try {
    const r = await api('/v1/ledger/checkpoint', { expect: 'text' });
    state.note = r.body;
    state.checkpoint = parseCheckpoint(r.body);
    const cp = state.checkpoint;
    $('checkpoint-text').textContent = r.body;
    clear($('checkpoint-facts')).append(
      definitions([
        ['Log', cp.origin],
        ['Entries', cp.size.toString()],
        ['Root hash (hex)', el('code', {}, toHex(cp.root))],
      ]),
    );
    $('signature-result').textContent = '';
    await checkConsistency(cp);
    await loadEntries(cp.size);
    status(`Checkpoint of ${cp.size} entries loaded.`);
  } catch (e) {
    fail(e);
  }
}

// The last checkpoint this tab saw (public data: origin, size, root), to prove on every load that
// the log only grew since: an RFC 9162 consistency proof from that size to the new one.
const SEEN = 'voxproof.ledger.seen';

async function checkConsistency(cp) {
  const out = $('consistency-result');
  let seen = null;
  try {
    seen = JSON.parse(sessionStorage.getItem(SEEN) || 'null');
  } catch (e) {
    seen = null;
  }
  out.className = 'result';
  delete out.dataset.result;
  if (seen && seen.origin === cp.origin && /^[0-9]+$/.test(seen.size)) {
    const before = BigInt(seen.size);
    try {
      const oldRoot = fromBase64(seen.root);
      let hashes = [];
      if (before > 0n && before < cp.size) {
        const p = (await api(`/v1/ledger/proofs/consistency?from=${before}&to=${cp.size}`)).body;
        if (BigInt(p.from) !== before || BigInt(p.to) !== cp.size) throw new ProofError('the proof is for other sizes');
        hashes = p.hashes.map(fromBase64);
      }
      if (before > cp.size) throw new ProofError(`the log shrank from ${before} to ${cp.size} entries`);
      if (before > 0n) await verifyConsistency(before, cp.size, hashes, oldRoot, cp.root);
      out.textContent =
        before === cp.size
          ? `Unchanged since you last looked (${cp.size} entries).`
          : `The log only grew since you last looked: ${before} → ${cp.size} entries (consistency proof checked).`;
      out.classList.add('ok');
      out.dataset.result = 'consistent';
    } catch (e) {
      out.textContent = `WARNING: this checkpoint is not an extension of the one you saw before (${seen.size} entries): ${e instanceof ApiError ? e.describe() : e.message}`;
      out.classList.add('bad');
      out.dataset.result = 'inconsistent';
      return; // keep the earlier checkpoint as the reference
    }
  }
  sessionStorage.setItem(SEEN, JSON.stringify({ origin: cp.origin, size: cp.size.toString(), root: toBase64(cp.root) }));
}

async function loadEntries(size) {
  const body = clear($('entries'));
  show($('entries-empty'), size === 0n);
  show($('entries-table'), size > 0n);
  const first = size > BigInt(RECENT) ? size - BigInt(RECENT) : 0n;
  for (let i = size - 1n; i >= first && i >= 0n; i--) {
    const e = (await api(`/v1/ledger/entries/${i}`)).body;
    const cell = el('td', {});
    const button = el('button', { type: 'button', 'aria-label': `Check the inclusion of entry ${i}` }, 'Check');
    button.addEventListener('click', () => checkEntry(i, cell, button));
    cell.append(button);
    const rec = e.record || {};
    body.append(
      el('tr', { dataset: { index: String(i) } },
        el('td', {}, String(e.index)),
        el('td', {}, rec.kind || ''),
        el('td', {}, el('code', {}, rec.id || '')),
        el('td', {}, rec.time ? el('time', { datetime: rec.time }, rec.time) : ''),
        cell),
    );
    if (i === 0n) break;
  }
}

async function checkSignature() {
  const out = $('signature-result');
  out.className = 'result';
  try {
    if (!state.note) throw new ProofError('no checkpoint loaded');
    const key = await parseVerifierKey($('vkey').value);
    await verifyNote(state.note, key);
    const cp = state.checkpoint;
    if (cp.origin !== key.name) throw new ProofError(`the key is for ${key.name}, the checkpoint is ${cp.origin}`);
    sessionStorage.setItem('voxproof.vkey', $('vkey').value.trim());
    out.textContent = `Signature valid: ${key.name} signed this checkpoint of ${cp.size} entries.`;
    out.classList.add('ok');
    out.dataset.result = 'valid';
  } catch (e) {
    out.textContent = `Signature NOT verified: ${e.message}`;
    out.classList.add('bad');
    out.dataset.result = 'invalid';
  }
}

/**
 * Checks entry `index` against the loaded checkpoint: the leaf hash recomputed from the entry's
 * bytes, then the server's inclusion proof hashed up to the checkpoint's root.
 */
export async function checkEntry(index, target, button) {
  alertError('');
  const steps = [];
  let ok = false;
  try {
    const cp = state.checkpoint;
    if (!cp) throw new ProofError('no checkpoint loaded');
    if (index >= cp.size) throw new ProofError(`entry ${index} is not under the checkpoint (${cp.size} entries)`);
    const entry = (await api(`/v1/ledger/entries/${index}`)).body;
    const leaf = await leafHash(fromBase64(entry.data));
    if (!equalBytes(leaf, fromBase64(entry.leafHash))) throw new ProofError("the entry's bytes do not hash to its leaf hash");
    steps.push(`Leaf hash recomputed from the entry: ${toBase64(leaf)}`);
    const p = (await api(`/v1/ledger/proofs/inclusion?index=${index}&size=${cp.size}`)).body;
    if (BigInt(p.treeSize) !== cp.size || BigInt(p.index) !== index) throw new ProofError('the proof is for another entry or tree');
    await verifyInclusion(index, cp.size, leaf, p.hashes.map(fromBase64), cp.root);
    steps.push(`Inclusion proof of ${p.hashes.length} hashes leads to the checkpoint's root`);
    ok = true;
  } catch (e) {
    steps.push(e instanceof ApiError ? e.describe() : e.message);
  }
  const out = el('div', { class: `result ${ok ? 'ok' : 'bad'}`, dataset: { result: ok ? 'included' : 'failed', index: String(index) } },
    el('strong', {}, ok ? `Entry ${index} is in the log.` : `Entry ${index} could NOT be verified.`),
    el('ul', {}, ...steps.map((s) => el('li', {}, s))));
  if (button) button.remove();
  clear(target).append(out);
}

init();
