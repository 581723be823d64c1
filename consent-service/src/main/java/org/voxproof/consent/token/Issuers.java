package org.voxproof.consent.token;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/** The issuer identifier (the consent service's base URL) and the URIs derived from it. */
final class Issuers {
  private static final java.util.regex.Pattern LIST_NUMBER =
      java.util.regex.Pattern.compile("[1-9][0-9]{0,8}");

  private Issuers() {}

  /** An http(s) URL without query, fragment or trailing slash. */
  static String check(String issuer) {
    Objects.requireNonNull(issuer, "issuer");
    try {
      URI u = new URI(issuer);
      if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme()))
          || u.getHost() == null
          || u.getQuery() != null
          || u.getFragment() != null
          || u.getUserInfo() != null
          || issuer.endsWith("/")) {
        throw new IllegalArgumentException(
            "issuer must be an http(s) URL without user, query, fragment or trailing slash");
      }
      return issuer;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("issuer is not a URI", e);
    }
  }

  static String statusListUri(String issuer, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("status lists are numbered from 1");
    }
    return issuer + ConsentClaims.STATUS_LIST_PATH + n;
  }

  /** The list number of a status-list URI of {@code issuer}, or empty for any other URI. */
  static Optional<Integer> listNumber(String issuer, String uri) {
    String prefix = issuer + ConsentClaims.STATUS_LIST_PATH;
    if (!uri.startsWith(prefix)) {
      return Optional.empty();
    }
    String n = uri.substring(prefix.length());
    if (!LIST_NUMBER.matcher(n).matches()) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(n));
  }
}
