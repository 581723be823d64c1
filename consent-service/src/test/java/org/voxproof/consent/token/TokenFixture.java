package org.voxproof.consent.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.voxproof.policy.Assurance;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.TokenKeys;

/** A key ring, an issuer, a mutable in-memory status list and a settable clock for token tests. */
final class TokenFixture {
  static final String ISSUER = "https://consent.example";
  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  final KeyRing ring;
  final TokenKeys keys;
  final ConsentTokenIssuer issuer;
  final AtomicReference<StatusList> list = new AtomicReference<>(StatusList.empty(1, 1024));
  final MutableClock clock = new MutableClock(NOW);

  private TokenFixture(KeyRing ring) throws Exception {
    this.ring = ring;
    this.keys = ring.tokenKeys();
    this.issuer = ConsentTokenIssuer.create(ISSUER, ring);
  }

  static TokenFixture create() throws Exception {
    Path dir = Files.createTempDirectory("capi-tokens");
    dir.toFile().deleteOnExit();
    return new TokenFixture(
        KeyRing.builder().dataDirectory(dir).password("test-password".toCharArray()).open());
  }

  StatusSource statusSource() {
    return (uri, idx) -> {
      if (!uri.equals(issuer.statusListUri(1))) {
        throw new InvalidTokenException("no such list");
      }
      StatusList l = list.get();
      if (idx >= l.size()) {
        throw new InvalidTokenException("status index outside the list");
      }
      return l.status(idx);
    };
  }

  ConsentVerifier verifier() {
    return ConsentVerifier.builder()
        .issuer(ISSUER)
        .keys(TokenKeySource.of(ring))
        .statusSource(statusSource())
        .clock(clock)
        .build();
  }

  static ConsentGrant grant(long idx) {
    return grant(idx, "Acme Bank", NOW, NOW.plus(Duration.ofDays(30)));
  }

  static ConsentGrant grant(long idx, String licensee, Instant nbf, Instant exp) {
    return new ConsentGrant(
        "jti-" + idx,
        "cns_" + idx,
        "vox_" + idx,
        "own_" + idx,
        licensee,
        Set.of("customer_service", "notifications"),
        Set.of("en"),
        2000,
        Assurance.BASIC,
        "ab".repeat(32),
        new byte[32],
        nbf,
        nbf,
        exp,
        new StatusReference(ISSUER + "/v1/status-lists/1", idx));
  }

  static ConsentGrant withStatus(ConsentGrant g, StatusReference status) {
    return new ConsentGrant(
        g.tokenId(),
        g.consentId(),
        g.voiceId(),
        g.ownerId(),
        g.licensee(),
        g.purposes(),
        g.languages(),
        g.maxCharacters(),
        g.assurance(),
        g.evidenceSha256(),
        g.commitment(),
        g.issuedAt(),
        g.notBefore(),
        g.expiresAt(),
        status);
  }

  String token(long idx) throws Exception {
    return issuer.issue(grant(idx));
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
