package org.voxproof.provenance;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.provenance.internal.Certs;
import org.voxproof.provenance.internal.Certs.Profile;
import org.voxproof.provenance.internal.KeyStoreBackend;
import org.voxproof.provenance.internal.RingStore;
import org.voxproof.provenance.internal.Secrets;
import org.voxproof.provenance.internal.TrustAnchorFile;
import org.voxproof.watermark.WatermarkKey;

/**
 * The operator's keys, handed out as primitives: no caller ever holds private key bytes, and a ring
 * on a PKCS#11 token (HSM) serves the same calls. On first use it creates, in the data directory
 * (or on the token), a root CA, an intermediate CA and under it a C2PA claim-signing leaf, an
 * evidence-signing leaf, a consent-token key (all EC P-256) and the ledger checkpoint key
 * (Ed25519), plus a watermark key. Certificate issuance and rotation happen only here.
 *
 * <p>The root certificate is also written to {@code trust-anchor.pem} beside the ring, so that
 * read-only commands read it with {@link #trustAnchors(Path)} without opening the ring.
 *
 * <pre>{@code
 * try (KeyRing ring = KeyRing.builder().dataDirectory(dir).open()) {
 *   ManifestSigner signer = ManifestSigner.builder().keyRing(ring).build();
 *   NoteSigner checkpoints = ring.checkpointSigner(origin);
 * }
 * }</pre>
 */
public final class KeyRing implements AutoCloseable {
  /** A SunPKCS11 configuration file: when set, the key ring lives on that token. */
  public static final String PKCS11_CONFIG_ENV = "VOXPROOF_PKCS11_CONFIG";

  /** The token's user PIN, with {@link #PKCS11_CONFIG_ENV}. */
  public static final String PKCS11_PIN_ENV = "VOXPROOF_PKCS11_PIN";

  /** The file beside the ring that holds the root certificate (PEM, mode 0644). */
  public static final String TRUST_ANCHOR_FILE = TrustAnchorFile.FILE;

  private RingStore store; // replaced by rotate(), guarded by this
  private int generation;
  private Primitives cache; // this generation's primitives, made on first use

  private KeyRing(RingStore store) throws GeneralSecurityException {
    this.store = store;
    this.generation = store.generation();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The trust anchors of the ring in {@code dataDir}, from {@code trust-anchor.pem} alone: no key
   * store, password or token is touched, so this is fast and works while {@code serve} runs. A data
   * directory made before that file existed gets it by opening the ring once (this method does so).
   */
  public static List<X509Certificate> trustAnchors(Path dataDir) throws KeyRingException {
    java.util.Optional<List<X509Certificate>> pem;
    try {
      pem = TrustAnchorFile.read(dataDir);
    } catch (IOException | ProvenanceException e) {
      throw new KeyRingException("cannot read the trust anchor: " + e.getMessage(), e);
    }
    if (pem.isPresent()) {
      return pem.get();
    }
    if (!java.nio.file.Files.exists(dataDir.resolve(RingStore.KEYSTORE_FILE))
        && System.getenv(PKCS11_CONFIG_ENV) == null) {
      throw new KeyRingException("no key ring in " + dataDir);
    }
    try (KeyRing ring = builder().dataDirectory(dataDir).existingOnly().open()) {
      return List.of(ring.rootCertificate()); // opening wrote the file for next time
    }
  }

  /** {@link #trustAnchors(Path)} as PEM text, as {@code voxproof keys export-trust} prints it. */
  public static String trustAnchorPem(Path dataDir) throws KeyRingException {
    return Certs.toPem(trustAnchors(dataDir));
  }

  /** Whether {@code dataDir} holds a key ring (or its trust anchor, for a ring on a token). */
  public static boolean exists(Path dataDir) {
    return java.nio.file.Files.exists(dataDir.resolve(TRUST_ANCHOR_FILE))
        || java.nio.file.Files.exists(dataDir.resolve(RingStore.KEYSTORE_FILE));
  }

  /**
   * Options for opening a key ring; defaults: PKCS#12 in the data directory, created if missing.
   */
  public static final class Builder {
    private Path dir = Path.of("voxproof-data");
    private char[] password;
    private Path pkcs11Config;
    private char[] pin;
    private String org = "VoxProof Operator";
    private boolean create = true;

    private Builder() {}

    public Builder dataDirectory(Path d) {
      this.dir = Objects.requireNonNull(d);
      return this;
    }

    /** The PKCS#12 password; default from {@code VOXPROOF_KEYSTORE_PASSWORD} or the data dir. */
    public Builder password(char[] pw) {
      this.password = pw.clone();
      return this;
    }

    /** Keep the keys on a PKCS#11 token (SunPKCS11 configuration file and user PIN). */
    public Builder pkcs11(Path configFile, char[] userPin) {
      this.pkcs11Config = Objects.requireNonNull(configFile);
      this.pin = userPin.clone();
      return this;
    }

    /** The organisation named in the operator's certificates. */
    public Builder organization(String o) {
      this.org = Objects.requireNonNull(o);
      return this;
    }

    /** Fail instead of creating keys when none exist yet. */
    public Builder existingOnly() {
      this.create = false;
      return this;
    }

    public KeyRing open() throws KeyRingException {
      try {
        return new KeyRing(RingStore.open(dir, org, create, this::backend));
      } catch (GeneralSecurityException | IOException e) {
        throw new KeyRingException("cannot open key ring: " + e.getMessage(), e);
      }
    }

    private KeyStoreBackend backend() throws GeneralSecurityException, IOException {
      String envConfig = System.getenv(PKCS11_CONFIG_ENV);
      if (pkcs11Config == null && password == null && envConfig != null && !envConfig.isEmpty()) {
        String envPin = System.getenv(PKCS11_PIN_ENV);
        if (envPin == null) {
          throw new KeyStoreException(PKCS11_PIN_ENV + " is not set");
        }
        return KeyStoreBackend.pkcs11(Path.of(envConfig), envPin.toCharArray());
      }
      if (pkcs11Config != null) {
        return KeyStoreBackend.pkcs11(pkcs11Config, pin);
      }
      char[] pw =
          password != null
              ? password
              : Secrets.keystorePassword(dir, System.getenv(Secrets.PASSWORD_ENV));
      return KeyStoreBackend.pkcs12(dir.resolve(RingStore.KEYSTORE_FILE), pw, create);
    }
  }

  /** The primitives of one generation, made once and reused (keys are decrypted once). */
  private static final class Primitives {
    SigningCredential c2pa;
    SigningCredential evidence;
    TokenKeys tokens;
    WatermarkKeys watermarks;
    DataKeys data;
  }

  private synchronized Primitives primitives() {
    if (cache == null) {
      cache = new Primitives();
    }
    return cache;
  }

  /** The generation of the current signing keys (1 after creation, +1 per rotation). */
  public synchronized int generation() {
    return generation;
  }

  public synchronized boolean isHardwareBacked() {
    return store.isHardware();
  }

  /** The operator root CA certificate: the one trust anchor verifiers need. */
  public synchronized X509Certificate rootCertificate() throws KeyRingException {
    try {
      return store.root();
    } catch (GeneralSecurityException e) {
      throw new KeyRingException("no root certificate", e);
    }
  }

  /** {@link #rootCertificate()} as PEM (what {@code trust-anchor.pem} holds). */
  public String trustAnchorPem() throws KeyRingException {
    return Certs.toPem(List.of(rootCertificate()));
  }

  /** The current C2PA claim-signing credential (leaf + intermediate). */
  public synchronized SigningCredential c2paSigner() throws KeyRingException {
    Primitives p = primitives();
    if (p.c2pa == null) {
      p.c2pa = credential(RingStore.C2PA + generation);
    }
    return p.c2pa;
  }

  /** The current evidence-bundle signing credential (leaf + intermediate). */
  public synchronized SigningCredential evidenceSigner() throws KeyRingException {
    Primitives p = primitives();
    if (p.evidence == null) {
      p.evidence = credential(RingStore.EVIDENCE + generation);
    }
    return p.evidence;
  }

  /** The consent-token keys: a JWS signer (current key) and verifiers by {@code kid}. */
  public synchronized TokenKeys tokenKeys() throws KeyRingException {
    Primitives p = primitives();
    if (p.tokens == null) {
      try {
        p.tokens =
            new TokenKeys(
                credential(RingStore.TOKEN + generation), store.retiredKeys(Profile.TOKEN_SIGNER));
      } catch (GeneralSecurityException | IOException | ProvenanceException e) {
        throw new KeyRingException("cannot load token keys: " + e.getMessage(), e);
      }
    }
    return p.tokens;
  }

  /**
   * The ledger's checkpoint key as a C2SP signed-note signer under {@code keyName} (the log's
   * origin). Ed25519; on a token ring the key is kept wrapped by an AES key on the token.
   */
  public synchronized NoteSigner checkpointSigner(String keyName) throws KeyRingException {
    try {
      KeyPair kp = store.checkpointKey();
      return Ed25519NoteKeys.fromPrivateKey(keyName, kp.getPrivate());
    } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
      throw new KeyRingException("no ledger checkpoint key: " + e.getMessage(), e);
    }
  }

  /**
   * The watermark keys: the current one first, then retired ones (newest first), for detection to
   * try in turn. Created on first use in a key ring that predates them.
   */
  public synchronized WatermarkKeys watermarkKeys() throws KeyRingException {
    Primitives p = primitives();
    if (p.watermarks == null) {
      try {
        List<WatermarkKey> keys = store.watermarks().keys();
        if (keys.isEmpty()) {
          store = store.withWatermarkKey();
          keys = store.watermarks().keys();
        }
        p.watermarks = new WatermarkKeys(keys);
      } catch (GeneralSecurityException | IOException e) {
        throw new KeyRingException("cannot read watermark keys: " + e.getMessage(), e);
      }
    }
    return p.watermarks;
  }

  /**
   * Envelope encryption of personal data: per-owner data keys wrapped by the operator's data
   * wrapping key (AES-256, created on first use; on a token it never leaves the token). Not rotated
   * by {@link #rotate()}: wrapped owner keys stay readable.
   */
  public synchronized DataKeys dataKeys() throws KeyRingException {
    Primitives p = primitives();
    if (p.data == null) {
      try {
        var k = store.dataWrappingKey();
        if (k.isEmpty()) {
          store = store.withDataWrappingKey();
          k = store.dataWrappingKey();
        }
        p.data = new DataKeys(k.orElseThrow(), store.tokenProvider());
      } catch (GeneralSecurityException | IOException e) {
        throw new KeyRingException("cannot read the data wrapping key: " + e.getMessage(), e);
      }
    }
    return p.data;
  }

  /** Certificates of signing keys retired by {@link #rotate()}, verified against the root. */
  public synchronized List<X509Certificate> retiredCertificates() throws KeyRingException {
    try {
      return store.retired();
    } catch (GeneralSecurityException | IOException e) {
      throw new KeyRingException("cannot read retired certificates: " + e.getMessage(), e);
    }
  }

  /**
   * Makes new C2PA, evidence and token signing keys and a new watermark key. The retired keys'
   * private halves are deleted; their certificates (and the old watermark keys) are kept for
   * verification and detection. Primitives handed out before keep working with the old keys.
   */
  public synchronized void rotate() throws KeyRingException {
    try {
      store = store.rotate();
      generation = store.generation();
      cache = null;
    } catch (GeneralSecurityException | IOException e) {
      throw new KeyRingException("key rotation failed: " + e.getMessage(), e);
    }
  }

  private SigningCredential credential(String alias) throws KeyRingException {
    try {
      return new SigningCredential(
          store.privateKey(alias), store.tokenProvider(), store.chainWithoutRoot(alias));
    } catch (GeneralSecurityException e) {
      throw new KeyRingException("no key " + alias, e);
    } catch (ProvenanceException e) {
      throw new KeyRingException(e.getMessage(), e);
    }
  }

  /** A short key id: hex of the first 16 bytes of SHA-256 over the SubjectPublicKeyInfo. */
  public static String keyId(PublicKey key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Forgets the key store password (or PIN); primitives handed out before keep working. */
  @Override
  public synchronized void close() {
    store.close();
  }

  @Override
  public synchronized String toString() {
    return "KeyRing[" + store + ", generation " + generation + "]";
  }
}
