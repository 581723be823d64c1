package org.voxproof.policy.internal;

import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.voxproof.policy.Action;
import org.voxproof.policy.Principal;
import org.voxproof.policy.RequestContext;
import org.voxproof.policy.Resource;

/** Builds the Cedar entities, uids and context for a request (see voxproof.cedarschema). */
final class CedarEntities {
  private static final String NS = "VoxProof::";

  private CedarEntities() {}

  static EntityUID principalUid(Principal p) {
    return uid(p.kind().cedarType(), p.id());
  }

  static EntityUID actionUid(Action a) {
    return uid("Action", a.cedarId());
  }

  static EntityUID resourceUid(Resource r) {
    return uid(r.getClass().getSimpleName(), r.id());
  }

  static Map<String, Value> context(RequestContext c) {
    Map<String, Value> m = new HashMap<>();
    m.put("purpose", new PrimString(c.purpose()));
    m.put("language", new PrimString(c.language()));
    m.put("legalBasisRecorded", new PrimBool(c.legalBasisRecorded()));
    return m;
  }

  /** The principal, the resource and the entities the resource refers to (owner, voice). */
  static Set<Entity> of(Principal p, Resource r) {
    Map<EntityUID, Entity> all = new LinkedHashMap<>();
    EntityUID pu = principalUid(p);
    all.put(pu, new Entity(pu, tenantAttr(p.tenant()), Set.of()));
    if (r instanceof Resource.Consent c) {
      putConsent(all, c);
    } else if (r instanceof Resource.Voice v) {
      putVoice(all, v.id(), v.tenant(), v.ownerId());
    } else {
      put(all, resourceUid(r), tenantAttr(r.tenant()));
    }
    return Set.copyOf(all.values());
  }

  private static void putConsent(Map<EntityUID, Entity> all, Resource.Consent c) {
    EntityUID voice = putVoice(all, c.voiceId(), c.tenant(), c.ownerId());
    Map<String, Value> a = tenantAttr(c.tenant());
    a.put("owner", uid("Owner", c.ownerId()));
    a.put("voice", voice);
    a.put("purposes", strings(c.purposes()));
    a.put("languages", strings(c.languages()));
    a.put("assurance", new PrimString(c.assurance().code()));
    put(all, resourceUid(c), a);
  }

  private static EntityUID putVoice(
      Map<EntityUID, Entity> all, String voiceId, String tenant, String ownerId) {
    EntityUID owner = uid("Owner", ownerId);
    put(all, owner, tenantAttr(tenant));
    Map<String, Value> a = tenantAttr(tenant);
    a.put("owner", owner);
    EntityUID voice = uid("Voice", voiceId);
    put(all, voice, a);
    return voice;
  }

  private static void put(Map<EntityUID, Entity> all, EntityUID uid, Map<String, Value> attrs) {
    all.putIfAbsent(uid, new Entity(uid, attrs, Set.of()));
  }

  private static Map<String, Value> tenantAttr(String tenant) {
    Map<String, Value> m = new HashMap<>();
    m.put("tenant", new PrimString(tenant));
    return m;
  }

  private static CedarList strings(Set<String> values) {
    CedarList l = new CedarList();
    values.stream().sorted().forEach(v -> l.add(new PrimString(v)));
    return l;
  }

  private static EntityUID uid(String type, String id) {
    return EntityTypeName.parse(NS + type)
        .orElseThrow(() -> new IllegalStateException("bad Cedar type " + type))
        .of(id);
  }
}
