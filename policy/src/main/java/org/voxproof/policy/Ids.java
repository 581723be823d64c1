package org.voxproof.policy;

import java.util.regex.Pattern;

/** Identifier checks shared by the fact records: short printable tokens, no prose. */
final class Ids {
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,128}");
  private static final Pattern NAME =
      Pattern.compile("[\\x21-\\x7e]([\\x20-\\x7e]{0,126}[\\x21-\\x7e])?");

  private Ids() {}

  static String require(String s, String what) {
    if (s == null || !TOKEN.matcher(s).matches()) {
      throw new IllegalArgumentException(
          what + " must be 1..128 printable ASCII characters without spaces");
    }
    return s;
  }

  /** A tenant (organisation): printable ASCII, inner spaces allowed, 1..128 characters. */
  static String requireTenant(String s, String what) {
    if (s == null || !NAME.matcher(s).matches()) {
      throw new IllegalArgumentException(
          what + " must be 1..128 printable ASCII characters, no leading or trailing space");
    }
    return s;
  }
}
