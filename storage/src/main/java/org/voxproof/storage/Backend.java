package org.voxproof.storage;

/** Which database a {@link Storage} runs on. */
public enum Backend {
  /** SQLite in WAL mode, one file under the data directory: the embedded default. */
  SQLITE,
  /** PostgreSQL: production. */
  POSTGRES
}
