// RFC 9162 Merkle tree hashing and inclusion-proof verification with WebCrypto SHA-256: the same
// rules as the ledger module's MerkleVerifier, so the browser checks the server's proofs itself.

export class ProofError extends Error {}

/** SHA-256 of the concatenation of byte arrays. */
export async function sha256(...parts) {
  const n = parts.reduce((a, p) => a + p.length, 0);
  const all = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
}

// SPEC: RFC 9162 §2.1.1: leaf = SHA-256(0x00 ‖ data), node = SHA-256(0x01 ‖ left ‖ right).
export const leafHash = (data) => sha256(Uint8Array.of(0), data);
export const nodeHash = (left, right) => sha256(Uint8Array.of(1), left, right);

/** Canonical (padded, standard alphabet) base64 → bytes; anything else throws ProofError. */
export function fromBase64(text) {
  if (typeof text !== 'string' || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) {
    throw new ProofError('not base64');
  }
  const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  if (toBase64(bytes) !== text) throw new ProofError('not canonical base64');
  return bytes;
}

export function toBase64(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function toHex(bytes) {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

const U64_MAX = (1n << 64n) - 1n;

function u64(x, name) {
  const v = typeof x === 'bigint' ? x : BigInt(x);
  if (v < 0n || v > U64_MAX) throw new ProofError(`${name} out of range`);
  return v;
}

/**
 * The root that `proof` (array of 32-byte hashes) leads to from leaf `index` in a tree of `size`
 * leaves. SPEC: RFC 9162 §2.1.3.2 (steps 1–6), indices as unsigned 64-bit BigInts.
 */
export async function rootFromInclusionProof(index, size, leaf, proof) {
  const leafIndex = u64(index, 'index');
  const treeSize = u64(size, 'size');
  if (leafIndex >= treeSize) throw new ProofError('index not below the tree size');
  if (!(leaf instanceof Uint8Array) || leaf.length !== 32) throw new ProofError('leaf hash is not 32 bytes');
  let fn = leafIndex;
  let sn = treeSize - 1n;
  let r = leaf;
  for (const p of proof) {
    if (!(p instanceof Uint8Array) || p.length !== 32) throw new ProofError('proof hash is not 32 bytes');
    if (sn === 0n) throw new ProofError('proof too long');
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) throw new ProofError('proof too short');
  return r;
}

/** Throws ProofError unless `proof` shows `leaf` at `index` in the tree of `size` with `root`. */
export async function verifyInclusion(index, size, leaf, proof, root) {
  const computed = await rootFromInclusionProof(index, size, leaf, proof);
  if (!equalBytes(computed, root)) throw new ProofError('the proof leads to another root');
  return computed;
}

/**
 * Throws ProofError unless `proof` shows that the tree of `size1` leaves with `root1` is a prefix
 * of the tree of `size2` leaves with `root2` (the log only grew). SPEC: RFC 9162 §2.1.4.2; as the
 * ledger module, a proof from size 0 is refused, and equal sizes need an empty proof and equal roots.
 */
export async function verifyConsistency(size1, size2, proof, root1, root2) {
  const m = u64(size1, 'size1');
  const n = u64(size2, 'size2');
  if (m === 0n) throw new ProofError('no consistency proof from an empty tree');
  if (m > n) throw new ProofError('the first tree is larger than the second');
  if (m === n) {
    if (proof.length !== 0) throw new ProofError('equal sizes need an empty proof');
    if (!equalBytes(root1, root2)) throw new ProofError('equal sizes but different roots');
    return;
  }
  if (proof.length === 0) throw new ProofError('empty proof');
  for (const h of [root1, root2, ...proof]) {
    if (!(h instanceof Uint8Array) || h.length !== 32) throw new ProofError('hash is not 32 bytes');
  }
  const path = (m & (m - 1n)) === 0n ? [root1, ...proof] : [...proof]; // step 2: size1 a power of 2
  let fn = m - 1n;
  let sn = n - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0n) throw new ProofError('proof too long');
    if ((fn & 1n) === 1n || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) throw new ProofError('proof too short');
  if (!equalBytes(fr, root1)) throw new ProofError('the proof does not lead to the first root');
  if (!equalBytes(sr, root2)) throw new ProofError('the proof does not lead to the second root');
}
