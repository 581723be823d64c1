package org.voxproof.detector.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.voxproof.http.Problems;
import org.voxproof.http.auth.BearerAuth;
import org.voxproof.http.auth.Principal;
import org.voxproof.http.auth.Role;

/**
 * Who asks for a detection, and so what the answer may hold (DESIGN.md "What the detector tells
 * whom"): a platform key gets the verdict, a coarse confidence, the consent status and the licensee
 * pseudonym; an operator key also the numbers (pFalseAlarm, per-second scores, segments); a police
 * key must state a legal basis ({@value #LEGAL_BASIS_HEADER} header or {@code ?legalBasis=}) and
 * then also learns the licensee's identity and the consent id, and its access is logged in the
 * ledger with a hash of the reference ({@link #legalBasisHash}).
 *
 * @param principal the authenticated API client
 * @param audience the view it gets
 * @param legalBasisHash for police: SHA-256 of the stated reference (the reference itself is never
 *     stored or logged)
 */
record Caller(Principal principal, Audience audience, Optional<byte[]> legalBasisHash) {
  static final String LEGAL_BASIS_HEADER = "X-VoxProof-Legal-Basis";
  private static final String KEY = "voxproof.detector.caller";
  private static final int MAX_BASIS = 256;

  /** The three views. */
  enum Audience {
    PLATFORM,
    OPERATOR,
    POLICE;

    /** Police and operators see the numbers; platforms only the levels. */
    boolean investigator() {
      return this != PLATFORM;
    }
  }

  /**
   * A handler (after {@code BearerAuth.require(PLATFORM, POLICE, OPERATOR)}) that fixes the
   * caller's view; a police request without a legal basis is refused with 400 {@code
   * legal_basis_required}, one with an unusable one with 400 {@code legal_basis_invalid}.
   */
  static Handler<RoutingContext> resolve() {
    return ctx -> {
      Principal p = BearerAuth.principal(ctx).orElseThrow();
      Audience a =
          p.role() == Role.POLICE
              ? Audience.POLICE
              : p.role() == Role.OPERATOR ? Audience.OPERATOR : Audience.PLATFORM;
      Optional<byte[]> hash = Optional.empty();
      if (a == Audience.POLICE) {
        String basis = ctx.request().getHeader(LEGAL_BASIS_HEADER);
        if (basis == null) {
          basis = ctx.queryParams().get("legalBasis");
        }
        if (basis == null || basis.isBlank()) {
          Problems.refuse(
              ctx,
              400,
              "legal_basis_required",
              "Legal basis required",
              List.of("legal_basis_required"));
          return;
        }
        if (!usable(basis)) {
          Problems.refuse(
              ctx,
              400,
              "legal_basis_invalid",
              "Unusable legal basis",
              List.of("legal_basis_invalid"));
          return;
        }
        hash = Optional.of(legalBasisHash(basis.strip()));
      }
      ctx.put(KEY, new Caller(p, a, hash));
      ctx.next();
    };
  }

  static Caller of(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  /**
   * SHA-256 over a domain tag and the reference's UTF-8 bytes: what the police access record holds.
   * Whoever holds the reference can recompute it; the ledger never holds the reference.
   */
  static byte[] legalBasisHash(String basis) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update("voxproof/legal-basis/v1\n".getBytes(StandardCharsets.US_ASCII));
      return md.digest(basis.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean usable(String basis) {
    if (basis.length() > MAX_BASIS) {
      return false;
    }
    return basis.codePoints().noneMatch(Character::isISOControl);
  }
}
