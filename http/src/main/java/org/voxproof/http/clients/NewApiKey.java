package org.voxproof.http.clients;

import java.util.Objects;

/**
 * A key just issued: shown once to whoever created or rotated the client, never stored.
 *
 * @param client the client the key belongs to
 * @param key the bearer secret ({@code vxk_<id>_<43 base64url chars>})
 */
public record NewApiKey(ApiClient client, String key) {
  public NewApiKey {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(key, "key");
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "NewApiKey[" + client.id() + " " + client.name() + "]";
  }
}
