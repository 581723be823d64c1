package org.voxproof.synth;

import java.util.regex.Pattern;
import org.voxproof.consent.token.ConsentGrant;

/**
 * The request checks that give 400: text present, not too long, no control characters; a sane
 * language tag; a purpose of the consent tokens' form (it goes into the manifest and the ledger).
 */
final class RequestChecks {
  // SPEC: RFC 5646 §2.1 (simplified): primary language subtag and up to 7 further subtags.
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,7}");

  private RequestChecks() {}

  static void check(SynthesisRequest r, int maxChars) throws InvalidSynthesisRequestException {
    String t = r.text();
    if (t.isBlank()) {
      throw new InvalidSynthesisRequestException("text_empty", "the text is empty");
    }
    long chars = t.codePointCount(0, t.length());
    if (chars > maxChars) {
      throw new InvalidSynthesisRequestException(
          "text_too_long", "the text has " + chars + " characters; at most " + maxChars);
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
        throw new InvalidSynthesisRequestException(
            "text_invalid", "the text has control characters");
      }
    }
    if (!LANGUAGE.matcher(r.language()).matches()) {
      throw new InvalidSynthesisRequestException("language_invalid", "not a BCP 47 language tag");
    }
    if (!ConsentGrant.PURPOSE.matcher(r.purpose()).matches()) {
      throw new InvalidSynthesisRequestException(
          "purpose_invalid", "a purpose is a lowercase token (a-z, 0-9, '_', '.', '-')");
    }
  }
}
