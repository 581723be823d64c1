package org.voxproof.consent.token;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.voxproof.policy.Assurance;

/**
 * What a consent token asserts: the claims of one token, without the issuer. Carries identifiers,
 * hashes and a commitment only — never a name or audio. Times have second precision (JWT
 * NumericDate).
 *
 * @param tokenId {@code jti}: random, unique per token
 * @param consentId the consent record
 * @param voiceId {@code sub}: the consented voice
 * @param ownerId the voice owner's opaque id (never a name)
 * @param licensee {@code aud}: the licensee organisation the voice is licensed to
 * @param purposes the purposes consented to (lowercase tokens, e.g. {@code customer_service})
 * @param languages BCP 47 tags the voice may be synthesized in
 * @param maxCharacters the longest text one synthesis request may carry
 * @param assurance {@code basic} or {@code high} (DESIGN.md "Assurance")
 * @param evidenceSha256 lowercase hex SHA-256 of the consent evidence
 * @param commitment the salted commitment to the consent (32 bytes) that manifests and the ledger
 *     carry
 * @param issuedAt {@code iat}
 * @param notBefore {@code nbf}
 * @param expiresAt {@code exp}
 * @param status {@code status.status_list}
 */
@SuppressWarnings("ArrayRecordComponent") // commitment is copied in and out
public record ConsentGrant(
    String tokenId,
    String consentId,
    String voiceId,
    String ownerId,
    String licensee,
    Set<String> purposes,
    Set<String> languages,
    int maxCharacters,
    Assurance assurance,
    String evidenceSha256,
    byte[] commitment,
    Instant issuedAt,
    Instant notBefore,
    Instant expiresAt,
    StatusReference status) {

  /** Identifiers: printable ASCII without spaces. */
  static final Pattern ID = Pattern.compile("[\\x21-\\x7e]{1,128}");

  /** The licensee organisation: printable ASCII, spaces allowed. */
  static final Pattern LICENSEE = Pattern.compile("[\\x20-\\x7e]{1,128}");

  /** A purpose: a lowercase token. */
  public static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

  /** A BCP 47 language tag (the shape, not the registry). */
  public static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");

  private static final Pattern HEX256 = Pattern.compile("[0-9a-f]{64}");

  /** Longest text a consent may allow per request. */
  public static final int MAX_CHARACTERS_LIMIT = 1_000_000;

  public ConsentGrant {
    require(ID, tokenId, "tokenId");
    require(ID, consentId, "consentId");
    require(ID, voiceId, "voiceId");
    require(ID, ownerId, "ownerId");
    require(LICENSEE, licensee, "licensee");
    purposes = tokens(purposes, PURPOSE, "purpose");
    languages = tokens(languages, LANGUAGE, "language");
    if (maxCharacters < 1 || maxCharacters > MAX_CHARACTERS_LIMIT) {
      throw new IllegalArgumentException("maxCharacters must be 1.." + MAX_CHARACTERS_LIMIT);
    }
    Objects.requireNonNull(assurance, "assurance");
    require(HEX256, evidenceSha256, "evidenceSha256");
    Objects.requireNonNull(commitment, "commitment");
    if (commitment.length != 32) {
      throw new IllegalArgumentException("commitment must be 32 bytes");
    }
    commitment = commitment.clone();
    issuedAt = seconds(issuedAt, "issuedAt");
    notBefore = seconds(notBefore, "notBefore");
    expiresAt = seconds(expiresAt, "expiresAt");
    if (!expiresAt.isAfter(notBefore) || expiresAt.isBefore(issuedAt)) {
      throw new IllegalArgumentException("expiresAt must be after notBefore and issuedAt");
    }
    Objects.requireNonNull(status, "status");
  }

  private static void require(Pattern p, String s, String what) {
    if (s == null || !p.matcher(s).matches()) {
      throw new IllegalArgumentException(what + " is malformed");
    }
  }

  private static Set<String> tokens(Set<String> in, Pattern p, String what) {
    Objects.requireNonNull(in, what + "s");
    if (in.isEmpty() || in.size() > 16) {
      throw new IllegalArgumentException(what + "s: 1 to 16 expected");
    }
    for (String s : in) {
      require(p, s, what);
    }
    return java.util.Collections.unmodifiableSet(new TreeSet<>(in));
  }

  private static Instant seconds(Instant t, String what) {
    Objects.requireNonNull(t, what);
    return Instant.ofEpochSecond(t.getEpochSecond());
  }

  @Override
  public byte[] commitment() {
    return commitment.clone();
  }

  /** The commitment in lowercase hex (as the token carries it). */
  public String commitmentHex() {
    return HexFormat.of().formatHex(commitment);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConsentGrant g
        && tokenId.equals(g.tokenId)
        && consentId.equals(g.consentId)
        && voiceId.equals(g.voiceId)
        && ownerId.equals(g.ownerId)
        && licensee.equals(g.licensee)
        && purposes.equals(g.purposes)
        && languages.equals(g.languages)
        && maxCharacters == g.maxCharacters
        && assurance == g.assurance
        && evidenceSha256.equals(g.evidenceSha256)
        && Arrays.equals(commitment, g.commitment)
        && issuedAt.equals(g.issuedAt)
        && notBefore.equals(g.notBefore)
        && expiresAt.equals(g.expiresAt)
        && status.equals(g.status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tokenId, consentId, voiceId, expiresAt);
  }

  @Override
  public String toString() {
    return "ConsentGrant[" + consentId + ", voice " + voiceId + ", jti " + tokenId + "]";
  }
}
