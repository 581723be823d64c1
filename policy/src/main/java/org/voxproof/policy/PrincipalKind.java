package org.voxproof.policy;

/** The kinds of caller, each a Cedar entity type in the {@code VoxProof} namespace. */
public enum PrincipalKind {
  /** A licensee's API client (a bank's, a clinic's). */
  LICENSEE("Licensee"),
  /** An operator admin. */
  OPERATOR("Operator"),
  /** A voice owner, authenticated by the owner secret. */
  OWNER("Owner"),
  /** A platform uploading files for detection. */
  PLATFORM("Platform"),
  /** The police or an auditor. */
  POLICE("Police");

  private final String cedarType;

  PrincipalKind(String cedarType) {
    this.cedarType = cedarType;
  }

  /** The Cedar entity type name without namespace, e.g. {@code Licensee}. */
  public String cedarType() {
    return cedarType;
  }
}
