package org.voxproof.policy;

import java.util.regex.Pattern;

/** Identifier checks shared by the fact records: short printable tokens, no prose. */
final class Ids {
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,128}");

  private Ids() {}

  static String require(String s, String what) {
    if (s == null || !TOKEN.matcher(s).matches()) {
      throw new IllegalArgumentException(
          what + " must be 1..128 printable ASCII characters without spaces");
    }
    return s;
  }
}
