package org.voxproof.consent.token;

import java.util.Objects;

/**
 * Where a token's status lives. SPEC: draft-ietf-oauth-status-list §6.1 ({@code
 * status.status_list}): {@code idx} into the Status List Token at {@code uri}.
 *
 * @param uri the status list's URI ({@code <issuer>/v1/status-lists/<n>})
 * @param index the token's index in that list
 */
public record StatusReference(String uri, long index) {
  public StatusReference {
    Objects.requireNonNull(uri, "uri");
    if (uri.isEmpty() || uri.length() > 2048) {
      throw new IllegalArgumentException("status uri must be 1..2048 characters");
    }
    if (index < 0) {
      throw new IllegalArgumentException("status index must be >= 0");
    }
  }
}
