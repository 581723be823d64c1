package org.voxproof.http.clients;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.voxproof.http.auth.Role;

/**
 * An API client as stored: who holds a key, never the key.
 *
 * @param id the random client id (16 hex digits), also part of its key
 * @param name a unique, operator-chosen name
 * @param role what its key may do
 * @param organisation the organisation it acts for
 * @param created when it was created
 * @param expires when its key stops working
 * @param revoked when it was revoked, or null
 * @param rotated when its key was last replaced, or null
 */
public record ApiClient(
    String id,
    String name,
    Role role,
    String organisation,
    Instant created,
    Instant expires,
    Instant revoked,
    Instant rotated) {

  public ApiClient {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(expires, "expires");
  }

  /**
   * Whether its key is accepted at {@code now}: {@code active}, {@code expired} or {@code revoked}.
   */
  public String status(Instant now) {
    if (revoked != null) {
      return "revoked";
    }
    return now.isBefore(expires) ? "active" : "expired";
  }

  /** The JSON shape {@code voxproof admin} prints (never a key or its hash). */
  public Map<String, Object> toJson(Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("role", role.wire());
    m.put("organisation", organisation);
    m.put("status", status(now));
    m.put("created", created.toString());
    m.put("expires", expires.toString());
    m.put("revoked", revoked == null ? null : revoked.toString());
    m.put("rotated", rotated == null ? null : rotated.toString());
    return m;
  }
}
