package org.voxproof.synth;

import java.util.Objects;
import java.util.Optional;
import org.voxproof.policy.Principal;

/**
 * One synthesis request from an authenticated licensee client. {@link #toString()} never prints the
 * text.
 *
 * @param client the authenticated API client (kind, id, tenant)
 * @param text what to say
 * @param language the text's language (BCP 47)
 * @param purpose the purpose asked for
 * @param format the output format
 * @param jurisdiction the jurisdiction profile to apply (empty: the rules' default)
 */
public record SynthesisRequest(
    Principal client,
    String text,
    String language,
    String purpose,
    OutputFormat format,
    Optional<String> jurisdiction) {
  public SynthesisRequest {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
  }

  @Override
  public String toString() {
    return "SynthesisRequest["
        + client.id()
        + ", "
        + text.length()
        + " chars, "
        + language
        + ", "
        + purpose
        + ", "
        + format.formatName()
        + "]";
  }
}
