package org.voxproof.consent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsentVerifierTest {
  private static TokenFixture fx;
  private ConsentVerifier verifier;

  @BeforeAll
  static void ring() throws Exception {
    fx = TokenFixture.create();
  }

  @BeforeEach
  void fresh() {
    fx.list.set(StatusList.empty(1, 1024));
    verifier = fx.verifier();
  }

  @Test
  void verify_issuedToken_returnsItsClaims() throws Exception {
    VerifiedConsent v = verifier.verify(fx.token(7), "Acme Bank");
    assertThat(v.consentId()).isEqualTo("cns_7");
    assertThat(v.voiceId()).isEqualTo("vox_7");
    assertThat(v.licensee()).isEqualTo("Acme Bank");
    assertThat(v.purposes()).containsExactly("customer_service", "notifications");
    assertThat(v.languages()).containsExactly("en");
    assertThat(v.maxCharacters()).isEqualTo(2000);
    assertThat(v.grant()).isEqualTo(TokenFixture.grant(7));
    assertThat(v.issuer()).isEqualTo(TokenFixture.ISSUER);
    assertThat(v.toString()).doesNotContain("Acme");
  }

  @Test
  void verify_sameTokenAgain_servedFromCacheAndStillChecked() throws Exception {
    String t = fx.token(8);
    VerifiedConsent first = verifier.verify(t, "Acme Bank");
    assertThat(verifier.verify(t, "Acme Bank")).isSameAs(first);
    assertThatThrownBy(() -> verifier.verify(t, "Other Corp"))
        .isInstanceOf(OutOfScopeException.class);
  }

  @Test
  void verify_revokedAfterFirstSight_consentRevoked() throws Exception {
    String t = fx.token(9);
    verifier.verify(t, "Acme Bank");
    fx.list.set(fx.list.get().with(9, StatusList.INVALID));
    assertThatThrownBy(() -> verifier.verify(t, "Acme Bank"))
        .isInstanceOf(ConsentRevokedException.class)
        .extracting(e -> ((ConsentRevokedException) e).code())
        .isEqualTo("consent_revoked");
  }

  @Test
  void verify_suspended_consentRevoked() throws Exception {
    fx.list.set(StatusList.empty(2, 1024).with(10, StatusList.SUSPENDED));
    assertThatThrownBy(() -> verifier.verify(fx.token(10), "Acme Bank"))
        .isInstanceOf(ConsentRevokedException.class);
  }

  @Test
  void verify_wrongAudience_outOfScope() throws Exception {
    assertThatThrownBy(() -> verifier.verify(fx.token(11), "Other Corp"))
        .isInstanceOf(OutOfScopeException.class)
        .hasMessage("the token is for another licensee");
  }

  @Test
  void verify_expired_consentExpired() throws Exception {
    String t =
        fx.issuer.issue(
            TokenFixture.grant(
                12,
                "Acme Bank",
                fx.clock.instant().minus(Duration.ofDays(2)),
                fx.clock.instant().minus(Duration.ofDays(1))));
    assertThatThrownBy(() -> verifier.verify(t, "Acme Bank"))
        .isInstanceOf(ConsentExpiredException.class);
  }

  @Test
  void verify_expiresWhileCached_consentExpired() throws Exception {
    Instant now = fx.clock.instant();
    String t = fx.issuer.issue(TokenFixture.grant(13, "Acme Bank", now, now.plusSeconds(60)));
    verifier.verify(t, "Acme Bank");
    fx.clock.advance(Duration.ofSeconds(91)); // exp + 30 s skew passed
    assertThatThrownBy(() -> verifier.verify(t, "Acme Bank"))
        .isInstanceOf(ConsentExpiredException.class);
  }

  @Test
  void verify_notYetValidBeyondSkew_invalidToken() throws Exception {
    Instant later = fx.clock.instant().plus(Duration.ofMinutes(5));
    String t =
        fx.issuer.issue(TokenFixture.grant(14, "Acme Bank", later, later.plus(Duration.ofDays(1))));
    assertThatThrownBy(() -> verifier.verify(t, "Acme Bank"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the token is not valid yet");
  }

  @Test
  void verify_notYetValidWithinSkew_accepted() throws Exception {
    Instant soon = fx.clock.instant().plusSeconds(20);
    String t =
        fx.issuer.issue(TokenFixture.grant(15, "Acme Bank", soon, soon.plus(Duration.ofDays(1))));
    assertThat(verifier.verify(t, "Acme Bank").consentId()).isEqualTo("cns_15");
  }

  @Test
  void verify_otherIssuer_invalidToken() throws Exception {
    String t =
        ConsentTokenIssuer.create("https://evil.example", fx.ring).issue(TokenFixture.grant(16));
    assertThatThrownBy(() -> verifier.verify(t, "Acme Bank"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("issuer not accepted");
  }

  @Test
  void verify_statusListOfAnotherHost_invalidToken() throws Exception {
    ConsentGrant foreign =
        TokenFixture.withStatus(
            TokenFixture.grant(17),
            new StatusReference("https://169.254.169.254/v1/status-lists/1", 17));
    String t = fx.issuer.issue(foreign);
    assertThatThrownBy(() -> verifier.verify(t, "Acme Bank"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("status uri");
  }

  @Test
  void verify_nullOrGarbage_invalidToken() {
    assertThatThrownBy(() -> verifier.verify(null, "Acme Bank"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("no token");
    assertThatThrownBy(() -> verifier.verify("a.b.c", "Acme Bank"))
        .isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(() -> verifier.verify("x".repeat(9000), "Acme Bank"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("longer than");
  }

  @Test
  void verify_statusIndexOutsideList_invalidToken() throws Exception {
    assertThatThrownBy(() -> verifier.verify(fx.token(5000), "Acme Bank"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("status index outside the list");
  }
}
