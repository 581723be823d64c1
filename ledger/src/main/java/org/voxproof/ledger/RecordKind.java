package org.voxproof.ledger;

/** What a ledger record attests. Audit events are records too. */
public enum RecordKind {
  /** A synthesized file: manifest id, watermark payload, audio and manifest hashes. */
  SYNTHESIS(1),
  /** A consent was revoked (subject: the consent commitment). */
  REVOCATION(2),
  /** A voice was erased: its consent salt is destroyed, the commitment can no longer be linked. */
  ERASURE(3),
  /** The police resolved a file's licensee and consent (detail: hash of the case reference). */
  POLICE_ACCESS(4);

  private final int code;

  RecordKind(int code) {
    this.code = code;
  }

  /** The byte that encodes this kind. */
  public int code() {
    return code;
  }

  public static RecordKind fromCode(int code) {
    for (RecordKind k : values()) {
      if (k.code == code) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown record kind " + code);
  }
}
