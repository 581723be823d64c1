package org.voxproof.policy;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an action is about; each variant is a Cedar entity type in the {@code VoxProof} namespace.
 */
public sealed interface Resource {
  /** The resource's identifier. */
  String id();

  /** The tenant (licensee organisation) the resource belongs to. */
  String tenant();

  /** A licensee organisation (target of enrolment and admin actions). */
  record Tenant(String id) implements Resource {
    public Tenant {
      Ids.requireTenant(id, "tenant id");
    }

    @Override
    public String tenant() {
      return id;
    }
  }

  /** A voice, owned by one owner, enrolled under one tenant. */
  record Voice(String id, String tenant, String ownerId) implements Resource {
    public Voice {
      Ids.require(id, "voice id");
      Ids.requireTenant(tenant, "tenant");
      Ids.require(ownerId, "owner id");
    }
  }

  /**
   * A verified consent's facts: who gave it to whom, for which voice, purposes and languages, and
   * how strongly its checks were backed.
   */
  record Consent(
      String id,
      String tenant,
      String ownerId,
      String voiceId,
      Set<String> purposes,
      Set<String> languages,
      Assurance assurance)
      implements Resource {
    public Consent {
      Ids.require(id, "consent id");
      Ids.requireTenant(tenant, "tenant");
      Ids.require(ownerId, "owner id");
      Ids.require(voiceId, "voice id");
      purposes = tokens(purposes, "purpose");
      languages = tokens(languages, "language");
      Objects.requireNonNull(assurance, "assurance");
    }

    private static Set<String> tokens(Set<String> in, String what) {
      Objects.requireNonNull(in, what + "s");
      TreeSet<String> out = new TreeSet<>();
      for (String s : in) {
        out.add(Ids.require(s, what));
      }
      return Set.copyOf(out);
    }
  }

  /** A detection result or evidence bundle. */
  record Evidence(String id, String tenant) implements Resource {
    public Evidence {
      Ids.require(id, "evidence id");
      Ids.requireTenant(tenant, "tenant");
    }
  }
}
