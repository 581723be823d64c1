// The consent page (/consent/{enrollmentId}#invitation=...): redeem the invitation, record
// reference samples and the spoken consent with the microphone, upload them as WAV, show the
// challenge window and the checks the API reports.
import { api, ApiError } from './api.js';
import { recall, remember } from './credentials.js';
import { Recorder } from './recorder.js';
import { $, alertError, clear, el, show, status } from './ui.js';

const SAMPLE_TEXTS = [
  'The quick brown fox jumps over the lazy dog while the farmer watches from the gate.',
  'Every morning I walk to the station and buy a newspaper and a cup of coffee.',
  'Please call me back tomorrow afternoon, I would like to talk about the garden.',
];

// Every check the consent API names (docs/consent.md), in the order a person reads them.
export const CHECKS = [
  ['expired', 'Recorded within the time window'],
  ['quality', 'Recording quality: length, level, clipping, background noise'],
  ['phrase_mismatch', 'The statement was spoken as shown'],
  ['replay', 'A new recording, not a replay of an earlier one'],
  ['synthetic', 'A live voice, not a synthetic one'],
  ['speaker_mismatch', 'The same voice as the reference samples'],
];
const EXTRA = { assurance: 'The assurance level this service requires' };

const state = { id: null, invitation: null, secret: null, samples: 0, seconds: 0, timer: null };

function enrollmentPath(suffix = '') {
  return `/v1/enrollments/${encodeURIComponent(state.id)}${suffix}`;
}

function fail(e) {
  alertError(e instanceof ApiError ? e.describe() : `Something went wrong: ${e.message || e}`);
}

function init() {
  const m = /^\/consent\/([^/]+)$/.exec(location.pathname);
  state.id = m ? decodeURIComponent(m[1]) : '';
  $('enrollment-id').textContent = state.id;
  // The invitation travels in the fragment (never sent to a server); take it and drop it from
  // the address bar and history.
  const fragment = new URLSearchParams(location.hash.slice(1));
  state.invitation = fragment.get('invitation');
  if (location.hash) history.replaceState(null, '', location.pathname);
  show($('invitation-box'), Boolean(state.invitation));
  if (!state.invitation) status('No invitation in this link. If you accepted it already, enter your owner secret.');
  const remembered = recall('ownerSecret');
  if (remembered) $('resume-secret').value = remembered;
  $('accept').addEventListener('click', accept);
  $('copy-secret').addEventListener('click', copySecret);
  $('secret-saved').addEventListener('click', () => {
    if ($('remember-secret').checked) remember('ownerSecret', state.secret);
    $('owner-secret-shown').value = ''; // shown once: gone from the page now
    show($('secret-box'), false);
    startSamples();
  });
  $('resume-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    resume($('resume-secret').value.trim());
  });
  $('sample-record').addEventListener('click', () => record('sample'));
  $('sample-stop').addEventListener('click', () => stopSample());
  $('to-consent').addEventListener('click', () => {
    show($('step-consent'));
    $('challenge').focus();
  });
  $('challenge').addEventListener('click', challenge);
  $('consent-record').addEventListener('click', () => record('consent'));
  $('consent-stop').addEventListener('click', () => stopConsent());
  $('sample-text').textContent = SAMPLE_TEXTS[0];
}

async function accept() {
  alertError('');
  $('accept').disabled = true;
  try {
    const r = await api(enrollmentPath('/owner'), { method: 'POST', secret: state.invitation });
    state.secret = r.body.ownerSecret;
    state.invitation = null;
    show($('invitation-box'), false);
    show($('resume-form'), false);
    $('owner-secret-shown').value = state.secret;
    show($('secret-box'));
    $('remember-secret').checked = false;
    $('owner-secret-shown').focus();
    $('owner-secret-shown').select();
    status('Invitation accepted. Save your owner secret now.');
  } catch (e) {
    $('accept').disabled = false;
    fail(e);
  }
}

async function copySecret() {
  try {
    await navigator.clipboard.writeText(state.secret);
    status('Owner secret copied to the clipboard.');
  } catch (e) {
    $('owner-secret-shown').select();
    status('Copying is not allowed here: the secret is selected, copy it with the keyboard.');
  }
}

async function resume(secret) {
  alertError('');
  if (!secret) return;
  try {
    const r = await api(enrollmentPath(), { secret });
    state.secret = secret;
    show($('invitation-box'), false);
    show($('resume-form'), false);
    if (r.body.status === 'consented' || r.body.status === 'closed') {
      show($('step-consent'));
      showResult(r.body, r.body.status === 'closed' ? 'This consent was revoked or erased.' : null);
    } else {
      startSamples();
      // Samples recorded in an earlier visit count too: the API says so (409 samples_missing) if
      // there are not enough.
      $('to-consent').disabled = false;
    }
  } catch (e) {
    fail(e);
  }
}

function startSamples() {
  show($('step-samples'));
  $('sample-record').focus();
  status('Record your reference samples.');
}

const recorders = {};

async function record(kind) {
  alertError('');
  const rec = new Recorder();
  $(`${kind}-record`).disabled = true;
  try {
    await rec.start((level, seconds) => {
      $(`${kind}-level`).value = Math.min(1, level * 4);
      $(`${kind}-time`).textContent = `${seconds.toFixed(1)} s`;
    });
  } catch (e) {
    $(`${kind}-record`).disabled = false;
    alertError(`The microphone could not be used (${e.name || e}). Allow this page to use it and try again.`);
    return;
  }
  recorders[kind] = rec;
  $(`${kind}-stop`).disabled = false;
  $(`${kind}-stop`).focus();
  status('Recording… press “Stop” when you have finished.');
}

async function stopRecording(kind) {
  const rec = recorders[kind];
  recorders[kind] = null;
  $(`${kind}-stop`).disabled = true;
  $(`${kind}-level`).value = 0;
  const out = await rec.stop();
  $(`${kind}-record`).disabled = false;
  return out;
}

async function stopSample() {
  const { wav, seconds } = await stopRecording('sample');
  status(`Uploading a sample of ${seconds.toFixed(1)} s…`);
  try {
    const r = await api(enrollmentPath('/samples'), {
      method: 'POST',
      secret: state.secret,
      body: wav,
      contentType: 'audio/wav',
    });
    state.samples += 1;
    state.seconds += r.body.durationSeconds;
    $('sample-list').append(
      el('li', { dataset: { sample: r.body.sampleId } }, `Sample ${state.samples}: ${r.body.durationSeconds.toFixed(1)} s — accepted`),
    );
    $('sample-total').textContent = state.seconds.toFixed(1);
    $('sample-text').textContent = SAMPLE_TEXTS[state.samples % SAMPLE_TEXTS.length];
    const enough = state.seconds >= 8;
    $('to-consent').disabled = !enough;
    status(enough ? 'Enough samples. Continue to the consent statement, or record more.' : 'Sample accepted. Record another.');
  } catch (e) {
    $('sample-list').append(el('li', { class: 'refused' }, `Sample refused — ${e instanceof ApiError ? e.describe() : e}`));
    fail(e);
  }
  $('sample-record').focus();
}

async function challenge() {
  alertError('');
  try {
    const r = await api(enrollmentPath('/challenge'), { method: 'POST', secret: state.secret });
    $('phrase').textContent = r.body.phrase;
    show($('challenge-box'));
    show($('checks-box'), false);
    startCountdown(r.body.expiresAt, r.headers.get('Date'));
    $('consent-record').disabled = false;
    $('consent-record').focus();
    status('Your consent statement is shown. Start recording and read it aloud.');
  } catch (e) {
    fail(e);
  }
}

// The window is measured against the server's own clock (its Date header), so a wrong clock on
// this computer does not shorten or lengthen it.
function startCountdown(expiresAt, serverDate) {
  clearInterval(state.timer);
  const serverNow = Date.parse(serverDate || '') || Date.now();
  const windowMs = Math.max(0, Date.parse(expiresAt) - serverNow);
  const end = performance.now() + windowMs;
  const bar = $('countdown-bar');
  bar.max = Math.max(1, windowMs / 1000);
  const announced = new Set();
  const tick = () => {
    const left = Math.max(0, Math.ceil((end - performance.now()) / 1000));
    $('countdown').textContent = String(left);
    bar.value = left;
    for (const mark of [60, 30, 10]) {
      if (left <= mark && left > 0 && !announced.has(mark) && windowMs / 1000 > mark) {
        announced.add(mark);
        $('countdown-announce').textContent = `${left} seconds left.`;
      }
    }
    if (left === 0) {
      clearInterval(state.timer);
      $('countdown-announce').textContent = 'Time is up. Ask for a new consent statement.';
      if (!recorders.consent) $('consent-record').disabled = true;
    }
  };
  tick();
  state.timer = setInterval(tick, 250);
}

async function stopConsent() {
  const { wav, seconds } = await stopRecording('consent');
  clearInterval(state.timer);
  $('consent-record').disabled = true; // a challenge answers once
  status(`Sending your recording (${seconds.toFixed(1)} s); the checks take a few seconds…`);
  try {
    const r = await api(enrollmentPath('/consent'), {
      method: 'POST',
      secret: state.secret,
      body: wav,
      contentType: 'audio/wav',
    });
    showChecks([]);
    showResult(r.body, null);
  } catch (e) {
    if (e instanceof ApiError && e.status === 422) {
      // The statement is used up (a challenge answers once): take it away until a new one comes.
      show($('challenge-box'), false);
      $('phrase').textContent = '';
      showChecks(e.reasons);
      alertError(`Your consent was not accepted: ${failedText(e.reasons)}. Ask for a new statement and record again.`);
    } else {
      fail(e);
    }
    $('challenge').focus();
  }
}

function failedText(reasons) {
  const names = Object.fromEntries(CHECKS);
  return reasons.map((r) => names[r] || EXTRA[r] || r).join('; ');
}

function showChecks(failed) {
  const list = clear($('checks'));
  const known = new Set(CHECKS.map(([k]) => k));
  const rows = CHECKS.map(([k, label]) => [k, label, failed.includes(k)]);
  for (const r of failed) if (!known.has(r)) rows.push([r, EXTRA[r] || r, true]);
  for (const [key, label, bad] of rows) {
    list.append(
      el('li', { id: `check-${key}`, class: bad ? 'failed' : 'passed', dataset: { check: key, result: bad ? 'failed' : 'passed' } },
        el('span', { class: 'mark', 'aria-hidden': 'true' }, bad ? '✗' : '✓'), ' ', el('strong', {}, bad ? 'Failed: ' : 'Passed: '), label),
    );
  }
  show($('checks-box'));
}

function showResult(body, note) {
  $('result-consent').textContent = body.consentId || '';
  $('result-voice').textContent = body.voiceId || '';
  show($('challenge-box'), false);
  $('challenge').disabled = true;
  show($('result'));
  status(note || 'Consent recorded.');
  $('result').querySelector('a').focus();
}

init();
