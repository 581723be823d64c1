// C2SP signed notes and tlog checkpoints, verified with WebCrypto Ed25519.
// SPEC: c2sp.org/signed-note, c2sp.org/tlog-checkpoint.
import { equalBytes, fromBase64, sha256, ProofError } from './merkle.js';

const ED25519 = 0x01;

/** Parses a verifier key `name+hex(keyID)+base64(0x01 ‖ pubkey)`; checks the key ID. */
export async function parseVerifierKey(text) {
  // name+keyid+key: the base64 key may itself contain '+', so split at the first two only.
  const t = String(text).trim();
  const a = t.indexOf('+');
  const b = a < 0 ? -1 : t.indexOf('+', a + 1);
  if (a < 0 || b < 0) throw new ProofError('a verifier key is name+keyid+key');
  const [name, idHex, keyB64] = [t.slice(0, a), t.slice(a + 1, b), t.slice(b + 1)];
  if (!name || /[\s+]/.test(name)) throw new ProofError('bad key name');
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw new ProofError('bad key ID');
  const key = fromBase64(keyB64);
  if (key.length !== 33 || key[0] !== ED25519) throw new ProofError('not an Ed25519 key');
  const id = await keyId(name, key);
  if (toHex4(id) !== idHex) throw new ProofError('the key ID does not match the key');
  return { name, id, publicKey: key.slice(1) };
}

// key ID = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ pubkey)[:4]
async function keyId(name, typedKey) {
  const h = await sha256(new TextEncoder().encode(name), Uint8Array.of(0x0a), typedKey);
  return h.slice(0, 4);
}

function toHex4(b) {
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

/** Splits a note into its signed text and its signature lines [{name, id, signature}]. */
export function parseNote(note) {
  if (typeof note !== 'string' || !note.endsWith('\n')) throw new ProofError('a note ends with a newline');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new ProofError('a note has a blank line before its signatures');
  const text = note.slice(0, split + 1);
  const signatures = note
    .slice(split + 2)
    .split('\n')
    .filter((l) => l.length > 0)
    .map((line) => {
      const m = /^\u2014 (\S+) (\S+)$/.exec(line);
      if (!m) throw new ProofError('bad signature line');
      const raw = fromBase64(m[2]);
      if (raw.length < 5) throw new ProofError('signature too short');
      return { name: m[1], id: raw.slice(0, 4), signature: raw.slice(4) };
    });
  if (signatures.length === 0) throw new ProofError('a note needs a signature');
  return { text, signatures };
}

/** Throws unless `note` carries a valid signature by `key` (from parseVerifierKey). */
export async function verifyNote(note, key) {
  const { text, signatures } = parseNote(note);
  const mine = signatures.filter((s) => s.name === key.name && equalBytes(s.id, key.id));
  if (mine.length === 0) throw new ProofError(`no signature by ${key.name}`);
  const pub = await crypto.subtle.importKey('raw', key.publicKey, { name: 'Ed25519' }, false, ['verify']);
  for (const s of mine) {
    const ok = await crypto.subtle.verify({ name: 'Ed25519' }, pub, s.signature, new TextEncoder().encode(text));
    if (!ok) throw new ProofError(`the signature by ${key.name} does not verify`);
  }
  return text;
}

/** The checkpoint body: {origin, size (BigInt), root (bytes)}; extension lines are kept. */
export function parseCheckpoint(note) {
  const { text } = parseNote(note);
  const lines = text.split('\n');
  if (lines.length < 4 || !lines[0]) throw new ProofError('a checkpoint has origin, size and root');
  if (!/^(0|[1-9][0-9]{0,19})$/.test(lines[1])) throw new ProofError('bad tree size');
  const root = fromBase64(lines[2]);
  if (root.length !== 32) throw new ProofError('the root is not 32 bytes');
  return { origin: lines[0], size: BigInt(lines[1]), root, extensions: lines.slice(3, -1) };
}
