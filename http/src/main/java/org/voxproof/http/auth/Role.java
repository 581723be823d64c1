package org.voxproof.http.auth;

import java.util.Locale;

/**
 * Who a bearer secret speaks for. API keys carry one of the first four; the consent service
 * resolves owner secrets and single-use invitations to the last two.
 */
public enum Role {
  LICENSEE,
  PLATFORM,
  POLICE,
  OPERATOR,
  /** A voice owner, by the owner secret returned once at redemption. */
  OWNER,
  /** The holder of a single-use invitation; only for redeeming it. */
  INVITEE;

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

  /** True for the roles an API key may have (licensee, platform, police, operator). */
  public boolean isApiKeyRole() {
    return this != OWNER && this != INVITEE;
  }
}
