package org.voxproof.policy;

/** What a principal wants to do: each a Cedar action {@code VoxProof::Action::"<id>"}. */
public enum Action {
  SYNTHESIZE("synthesize", Resource.Consent.class),
  ENROL("enrol", Resource.Tenant.class),
  READ_CONSENT("readConsent", Resource.Consent.class),
  REVOKE_CONSENT("revokeConsent", Resource.Consent.class),
  ERASE_VOICE("eraseVoice", Resource.Voice.class),
  READ_USES("readUses", Resource.Voice.class),
  DETECT("detect", Resource.Evidence.class),
  READ_EVIDENCE("readEvidence", Resource.Evidence.class),
  RESOLVE_IDENTITY("resolveIdentity", Resource.Evidence.class),
  MANAGE_CLIENTS("manageClients", Resource.Tenant.class),
  MANAGE_POLICY("managePolicy", Resource.Tenant.class);

  private final String cedarId;
  private final Class<? extends Resource> resourceType;

  Action(String cedarId, Class<? extends Resource> resourceType) {
    this.cedarId = cedarId;
    this.resourceType = resourceType;
  }

  /** The kind of resource this action applies to (the schema's {@code appliesTo}). */
  public Class<? extends Resource> resourceType() {
    return resourceType;
  }

  /** The Cedar action id, e.g. {@code synthesize}. */
  public String cedarId() {
    return cedarId;
  }
}
