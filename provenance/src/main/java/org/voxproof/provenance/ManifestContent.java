package org.voxproof.provenance;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What a VoxProof manifest says about one synthesized file. Holds identifiers, hashes and
 * commitments only: no names, no audio, no personal data.
 *
 * @param manifestId the manifest id (also the manifest's {@code urn:c2pa:} label)
 * @param title the file's title ({@code dc:title}); optional
 * @param engine the synthesis engine (C2PA {@code softwareAgent} name)
 * @param modelId the engine's model or voice model id
 * @param watermarkPayload the 32-bit watermark payload (the soft binding value)
 * @param watermarkStartMillis start of the watermarked span, ms from the start of the audio
 * @param watermarkEndMillis end of the watermarked span
 * @param consentCommitment salted SHA-256 commitment to the consent record (32 bytes)
 * @param licensee licensee pseudonym (keyed hash of the licensee id), never its name
 * @param purpose the purpose the consent allows, e.g. {@code customer-service}
 * @param ledgerOrigin the ledger's origin (log identity)
 * @param ledgerIndex the ledger index, when known before signing (normally absent)
 * @param assurance {@code basic} or {@code high}
 */
public record ManifestContent(
    UUID manifestId,
    Optional<String> title,
    String engine,
    String modelId,
    long watermarkPayload,
    long watermarkStartMillis,
    long watermarkEndMillis,
    byte[] consentCommitment,
    String licensee,
    String purpose,
    String ledgerOrigin,
    OptionalLong ledgerIndex,
    String assurance) {

  public ManifestContent {
    Objects.requireNonNull(manifestId, "manifestId");
    Objects.requireNonNull(title, "title");
    requireText(engine, "engine");
    requireText(modelId, "modelId");
    requireText(licensee, "licensee");
    requireText(purpose, "purpose");
    requireText(ledgerOrigin, "ledgerOrigin");
    Objects.requireNonNull(ledgerIndex, "ledgerIndex");
    if (watermarkPayload < 0 || watermarkPayload > 0xffffffffL) {
      throw new IllegalArgumentException("watermark payload must be 32 bits");
    }
    if (watermarkStartMillis < 0 || watermarkEndMillis < watermarkStartMillis) {
      throw new IllegalArgumentException("bad watermark timespan");
    }
    if (consentCommitment == null || consentCommitment.length != 32) {
      throw new IllegalArgumentException("consent commitment must be 32 bytes");
    }
    consentCommitment = consentCommitment.clone();
    if (!"basic".equals(assurance) && !"high".equals(assurance)) {
      throw new IllegalArgumentException("assurance must be basic or high");
    }
  }

  private static void requireText(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
  }

  @Override
  public byte[] consentCommitment() {
    return consentCommitment.clone();
  }

  /** The payload as 8 lowercase hex digits. */
  public String watermarkPayloadHex() {
    return java.util.HexFormat.of().toHexDigits((int) watermarkPayload);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ManifestContent m
        && m.manifestId.equals(manifestId)
        && m.title.equals(title)
        && m.engine.equals(engine)
        && m.modelId.equals(modelId)
        && m.watermarkPayload == watermarkPayload
        && m.watermarkStartMillis == watermarkStartMillis
        && m.watermarkEndMillis == watermarkEndMillis
        && java.util.Arrays.equals(m.consentCommitment, consentCommitment)
        && m.licensee.equals(licensee)
        && m.purpose.equals(purpose)
        && m.ledgerOrigin.equals(ledgerOrigin)
        && m.ledgerIndex.equals(ledgerIndex)
        && m.assurance.equals(assurance);
  }

  @Override
  public int hashCode() {
    return manifestId.hashCode();
  }

  @Override
  public String toString() {
    return "ManifestContent["
        + manifestId
        + ", "
        + engine
        + "/"
        + modelId
        + ", payload "
        + watermarkPayloadHex()
        + ", "
        + purpose
        + ", "
        + ledgerOrigin
        + ", "
        + assurance
        + "]";
  }
}
