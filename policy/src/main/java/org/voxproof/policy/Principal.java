package org.voxproof.policy;

import java.util.Objects;

/**
 * Who asks: a kind, an identifier (API client id, owner id) and the tenant (organisation) the
 * credential belongs to. Identifiers only, never names.
 */
public record Principal(PrincipalKind kind, String id, String tenant) {
  public Principal {
    Objects.requireNonNull(kind, "kind");
    Ids.require(id, "principal id");
    Ids.requireTenant(tenant, "tenant");
  }

  public static Principal licensee(String clientId, String tenant) {
    return new Principal(PrincipalKind.LICENSEE, clientId, tenant);
  }

  public static Principal owner(String ownerId, String tenant) {
    return new Principal(PrincipalKind.OWNER, ownerId, tenant);
  }

  public static Principal operator(String clientId, String tenant) {
    return new Principal(PrincipalKind.OPERATOR, clientId, tenant);
  }

  public static Principal platform(String clientId, String tenant) {
    return new Principal(PrincipalKind.PLATFORM, clientId, tenant);
  }

  public static Principal police(String clientId, String tenant) {
    return new Principal(PrincipalKind.POLICE, clientId, tenant);
  }
}
