package org.voxproof.provenance;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * VoxProof's assertions as read from a manifest: the soft binding (watermark payload and span) and
 * the {@code org.voxproof.consent} assertion. Values are as found; trust them only when the report
 * that carries them is valid.
 */
public record VoxProofAssertions(
    Optional<String> manifestId,
    OptionalLong watermarkPayload,
    OptionalLong watermarkStartMillis,
    OptionalLong watermarkEndMillis,
    Optional<String> consentCommitmentHex,
    Optional<String> licensee,
    Optional<String> purpose,
    Optional<String> ledgerOrigin,
    OptionalLong ledgerIndex,
    Optional<String> assurance) {}
