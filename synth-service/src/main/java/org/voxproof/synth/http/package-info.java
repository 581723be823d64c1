/**
 * The HTTP surface of synth-service: {@code POST /v1/synthesize} ({@link
 * org.voxproof.synth.http.SynthRoutes}) on the shared {@code http} module — licensee
 * authentication, the consent token checked by consent-service's verifier, the {@link
 * org.voxproof.synth.Synthesizer} on a worker pool, and every refusal as problem+json.
 */
package org.voxproof.synth.http;
