/**
 * Consent-gated synthesis: the {@link org.voxproof.synth.Synthesizer} facade runs policy, engine,
 * loudness normalisation, watermark, encoding, C2PA signing and the ledger append, and releases
 * nothing unless every step succeeded.
 */
package org.voxproof.synth;
