package org.voxproof.http.auth;

import java.util.Locale;

/**
 * Who a bearer secret speaks for. API keys carry one of the first four or {@link #SERVICE}; the
 * consent service resolves owner secrets and single-use invitations to {@link #OWNER} and {@link
 * #INVITEE}.
 */
public enum Role {
  LICENSEE,
  PLATFORM,
  POLICE,
  OPERATOR,
  /** A voice owner, by the owner secret returned once at redemption. */
  OWNER,
  /** The holder of a single-use invitation; only for redeeming it. */
  INVITEE,
  /**
   * Another VoxProof node of a scaled-out deployment ({@code serve --only}): only the internal
   * routes under {@code /internal/v1/} accept it, and no public route does.
   */
  SERVICE;

  /** The lowercase name used on the command line and in JSON. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a lowercase wire name; throws {@link IllegalArgumentException} for anything else. */
  public static Role parse(String wire) {
    for (Role r : values()) {
      if (r.wire().equals(wire)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role: " + wire);
  }

  /** True for the roles an API key may have (licensee, platform, police, operator, service). */
  public boolean isApiKeyRole() {
    return this != OWNER && this != INVITEE;
  }
}
