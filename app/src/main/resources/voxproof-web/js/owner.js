// The owner's page (/owner): with the owner secret, the consent, every use of the voice,
// revocation, erasure, and the signed receipts to download.
import { api, ApiError } from './api.js';
import { bindSecret, forget } from './credentials.js';
import { $, alertError, clear, definitions, download, el, jwsPayload, show, status } from './ui.js';

const state = { secret: null, enrollment: null };
let readSecret;

function fail(e) {
  alertError(e instanceof ApiError ? e.describe() : `Something went wrong: ${e.message || e}`);
}

/** The enrolment id an owner secret belongs to: vxo_<enrolment id>_<random>. */
export function enrollmentOf(secret) {
  const m = /^vxo_(enr-[0-9a-f]{24})_[A-Za-z0-9_-]{43}$/.exec(secret);
  return m ? m[1] : null;
}

function init() {
  readSecret = bindSecret($('owner-secret'), $('remember'), 'ownerSecret');
  $('signin').addEventListener('submit', (ev) => {
    ev.preventDefault();
    signIn(readSecret());
  });
  $('signout').addEventListener('click', signOut);
  confirmable('revoke', revoke);
  confirmable('erase', erase);
}

function confirmable(name, action) {
  const open = (yes) => {
    show($(`${name}-confirm`), yes);
    (yes ? $(`${name}-yes`) : $(name)).focus();
  };
  $(name).addEventListener('click', () => open(true));
  $(`${name}-no`).addEventListener('click', () => open(false));
  $(`${name}-yes`).addEventListener('click', async () => {
    show($(`${name}-confirm`), false);
    await action();
  });
}

async function signIn(secret) {
  alertError('');
  const id = enrollmentOf(secret);
  if (!id) {
    alertError('That is not an owner secret: it starts with vxo_ and is 76 characters long.');
    return;
  }
  state.secret = secret;
  try {
    await load(id);
    $('signout').hidden = false;
    status('Your voice is shown below.');
    $('h-overview').focus();
  } catch (e) {
    fail(e);
  }
}

function signOut() {
  forget('ownerSecret');
  state.secret = state.enrollment = null;
  $('owner-secret').value = '';
  $('remember').checked = false;
  $('signout').hidden = true;
  for (const id of ['overview', 'uses-section', 'actions']) show($(id), false);
  status('The secret is forgotten on this page.');
  $('owner-secret').focus();
}

async function load(id) {
  const e = (await api(`/v1/enrollments/${id}`, { secret: state.secret })).body;
  state.enrollment = e;
  let consent = null;
  if (e.consentId) {
    consent = (await api(`/v1/consents/${encodeURIComponent(e.consentId)}`, { secret: state.secret })).body;
  }
  const facts = clear($('overview-facts'));
  facts.append(
    definitions([
      ['Enrolment', e.id],
      ['Enrolment status', e.status],
      ['Consent', e.consentId],
      ['Consent status', consent && consent.status],
      ['Voice', e.voiceId],
      ['Purposes', consent && Array.isArray(consent.purposes) ? consent.purposes.join(', ') : null],
      ['Valid until', consent && consent.expiresAt],
    ]),
  );
  $('h-overview').tabIndex = -1;
  show($('overview'));
  if (e.voiceId) await loadUses(e.voiceId);
  else show($('uses-section'), false);
  show($('actions'), Boolean(e.consentId));
}

async function loadUses(voiceId) {
  const r = (await api(`/v1/voices/${encodeURIComponent(voiceId)}/uses`, { secret: state.secret })).body;
  const body = clear($('uses'));
  for (const u of r.uses || []) {
    body.append(
      el('tr', {},
        el('td', {}, el('time', { datetime: u.time }, u.time)),
        el('td', {}, u.licensee ?? ''),
        el('td', {}, u.purpose ?? '—'),
        el('td', {}, el('code', {}, u.manifestId ?? '')),
        el('td', {}, u.ledgerIndex === undefined || u.ledgerIndex === null ? '' : el('a', { href: `/ledger?index=${u.ledgerIndex}` }, String(u.ledgerIndex)))),
    );
  }
  const any = (r.uses || []).length > 0;
  show($('uses-table'), any);
  show($('uses-empty'), !any);
  show($('uses-section'));
}

async function revoke() {
  alertError('');
  const e = state.enrollment;
  try {
    const r = await api(`/v1/consents/${encodeURIComponent(e.consentId)}/revoke`, { method: 'POST', secret: state.secret });
    addReceipt(r.body.receipt, `receipt-${e.consentId}-revoked.jws`);
    status('Your consent is revoked. The receipt is below.');
    await load(e.id);
  } catch (err) {
    fail(err);
  }
}

async function erase() {
  alertError('');
  const e = state.enrollment;
  try {
    const r = await api(`/v1/voices/${encodeURIComponent(e.voiceId)}`, { method: 'DELETE', secret: state.secret });
    addReceipt(r.body.receipt, `receipt-${e.voiceId}-erased.jws`);
    status('Your voice is erased. The receipt is below.');
    show($('actions'), false);
    show($('uses-section'), false);
  } catch (err) {
    fail(err);
  }
}

function list(values) {
  return Array.isArray(values) ? values.join(', ') : null;
}

function addReceipt(jws, name) {
  let claims = {};
  try {
    claims = jwsPayload(jws);
  } catch (e) {
    claims = {};
  }
  const button = el('button', { type: 'button', class: 'download' }, `Download the ${claims.action || ''} receipt`);
  button.addEventListener('click', () => download(jws, name, 'application/jose'));
  const when = claims.iat ? new Date(claims.iat * 1000).toISOString() : null;
  $('receipts').append(
    el('li', { dataset: { action: claims.action || '' } },
      definitions([
        ['Action', claims.action],
        ['Time', when],
        ['Consent', claims.consent_id ?? list(claims.consent_ids)],
        ['Voice', claims.voice_id],
        ['Ledger entry', claims.ledger_index ?? list(claims.ledger_indexes)],
      ]),
      button),
  );
  show($('receipts-section'));
  button.focus();
}

init();
