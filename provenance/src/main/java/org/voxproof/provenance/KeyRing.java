package org.voxproof.provenance;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.voxproof.provenance.internal.Certs;
import org.voxproof.provenance.internal.Certs.Profile;
import org.voxproof.provenance.internal.Crypto;
import org.voxproof.provenance.internal.KeyStoreBackend;
import org.voxproof.provenance.internal.RetiredCerts;
import org.voxproof.provenance.internal.Secrets;
import org.voxproof.provenance.internal.WrappedKey;

/**
 * The operator's keys. On first use it creates, in the data directory (or on a PKCS#11 token): a
 * root CA, an intermediate CA, a C2PA claim-signing leaf (EC P-256), an evidence-signing leaf, a
 * token-signing key (ES256) and the ledger checkpoint key (Ed25519). Every key has a certificate
 * under the intermediate, so a verifier needs only the root ({@link #trustAnchorPem()}).
 *
 * <p>{@link #rotate()} makes new signing keys; retired certificates stay in {@code
 * retired-certificates.pem} so that evidence made before a rotation still verifies. The checkpoint
 * key is the ledger's identity and is not rotated.
 *
 * <pre>{@code
 * KeyRing ring = KeyRing.builder().dataDirectory(dir).open();
 * SigningCredential c2pa = ring.c2paSigner();
 * }</pre>
 */
public final class KeyRing {
  static final String ROOT = "root-ca";
  static final String INTERMEDIATE = "intermediate-ca";
  static final String C2PA = "c2pa-signer-";
  static final String EVIDENCE = "evidence-signer-";
  static final String TOKEN = "token-signer-";
  static final String CHECKPOINT = "ledger-checkpoint";
  static final String KEYSTORE_FILE = "keyring.p12";
  static final String WATERMARK = "watermark-";
  static final String WATERMARK_DIR = "watermark-keys";

  /** A SunPKCS11 configuration file: when set, the key ring lives on that token. */
  public static final String PKCS11_CONFIG_ENV = "VOXPROOF_PKCS11_CONFIG";

  /** The token's user PIN, with {@link #PKCS11_CONFIG_ENV}. */
  public static final String PKCS11_PIN_ENV = "VOXPROOF_PKCS11_PIN";

  private final KeyStoreBackend store;
  private final Path dir;
  private final String org;
  private int generation;

  private KeyRing(KeyStoreBackend store, Path dir, String org, int generation) {
    this.store = store;
    this.dir = dir;
    this.org = org;
    this.generation = generation;
  }

  public static Builder builder() {
    return new Builder();
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
        if (create) {
          Files.createDirectories(dir);
        }
        KeyStoreBackend s = backend();
        if (!s.contains(ROOT)) {
          if (!create) {
            throw new KeyRingException("no key ring in " + dir);
          }
          try (FileChannel ch = lockChannel(dir);
              FileLock l = ch.lock()) {
            s = backend(); // another process may have created it meanwhile
            if (!s.contains(ROOT)) {
              new KeyRing(s, dir, org, 0).createAll();
            }
          }
        }
        return new KeyRing(s, dir, org, currentGeneration(s));
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
      return KeyStoreBackend.pkcs12(dir.resolve(KEYSTORE_FILE), pw, create);
    }
  }

  private static FileChannel lockChannel(Path dir) throws IOException {
    return FileChannel.open(
        dir.resolve("keyring.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  private static int currentGeneration(KeyStoreBackend s) throws GeneralSecurityException {
    int g = 0;
    for (String a : s.aliases()) {
      if (a.startsWith(C2PA)) {
        g = Math.max(g, Integer.parseInt(a.substring(C2PA.length())));
      }
    }
    if (g == 0) {
      throw new GeneralSecurityException("key ring has no C2PA signing key");
    }
    return g;
  }

  private void createAll() throws GeneralSecurityException, IOException {
    KeyPair root = Crypto.newP256(store.provider());
    X509Certificate rootCert =
        Certs.selfSignedRoot(root.getPublic(), root.getPrivate(), store.provider(), org);
    store.put(ROOT, root.getPrivate(), List.of(rootCert));
    KeyPair inter = Crypto.newP256(store.provider());
    X509Certificate interCert =
        Certs.issue(
            inter.getPublic(),
            Profile.INTERMEDIATE,
            0,
            org,
            rootCert,
            root.getPrivate(),
            store.provider());
    store.put(INTERMEDIATE, inter.getPrivate(), List.of(interCert, rootCert));
    KeyPair cp = Crypto.newEd25519();
    X509Certificate cpCert = issueLeaf(cp.getPublic(), Profile.CHECKPOINT, 0);
    if (store.isHardware()) {
      // SunPKCS11 has no EdDSA: the software key is kept wrapped by an AES key on the token.
      WrappedKey.wrap(store, dir, cp.getPrivate(), cpCert);
    } else {
      store.put(CHECKPOINT, cp.getPrivate(), chainOf(cpCert));
    }
    newSigningKeys(1);
    newWatermarkSecret(1);
    store.save();
  }

  private void newWatermarkSecret(int gen) throws GeneralSecurityException, IOException {
    byte[] secret = Crypto.randomBytes(32);
    if (store.isHardware()) {
      WrappedKey.wrapSecret(store, dir.resolve(WATERMARK_DIR).resolve(WATERMARK + gen), secret);
    } else {
      store.putSecretBytes(WATERMARK + gen, secret);
    }
  }

  private List<Integer> watermarkGenerations() throws GeneralSecurityException, IOException {
    List<Integer> gens = new ArrayList<>();
    if (store.isHardware()) {
      Path d = dir.resolve(WATERMARK_DIR);
      if (Files.isDirectory(d)) {
        try (var files = Files.list(d)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            String n = f.getFileName().toString();
            if (n.matches(WATERMARK + "[0-9]+")) {
              gens.add(Integer.parseInt(n.substring(WATERMARK.length())));
            }
          }
        }
      }
    } else {
      for (String a : store.aliases()) {
        if (a.matches(WATERMARK + "[0-9]+")) {
          gens.add(Integer.parseInt(a.substring(WATERMARK.length())));
        }
      }
    }
    gens.sort(java.util.Comparator.reverseOrder());
    return gens;
  }

  /**
   * The watermark keys: the current one first, then retired ones (newest first), for detection to
   * try in turn. Created on first use in a key ring that predates them.
   */
  public List<WatermarkSecret> watermarkSecrets() throws KeyRingException {
    try {
      List<Integer> gens = watermarkGenerations();
      if (gens.isEmpty()) {
        try (FileChannel ch = lockChannel(dir);
            FileLock l = ch.lock()) {
          newWatermarkSecret(generation);
          store.save();
        }
        gens = watermarkGenerations();
      }
      List<WatermarkSecret> out = new ArrayList<>();
      for (int g : gens) {
        byte[] secret =
            store.isHardware()
                ? WrappedKey.unwrapSecret(store, dir.resolve(WATERMARK_DIR).resolve(WATERMARK + g))
                : store.secretBytes(WATERMARK + g);
        out.add(new WatermarkSecret(watermarkKeyId(secret), secret));
      }
      return out;
    } catch (GeneralSecurityException | IOException e) {
      throw new KeyRingException("cannot read watermark keys: " + e.getMessage(), e);
    }
  }

  private static String watermarkKeyId(byte[] secret) throws GeneralSecurityException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update("voxproof watermark key id\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return "wm-" + HexFormat.of().formatHex(md.digest(secret), 0, 8);
  }

  /** A watermark secret (32 bytes) and its key id; {@link #toString()} hides the secret. */
  public record WatermarkSecret(String keyId, byte[] secret) {
    public WatermarkSecret {
      Objects.requireNonNull(keyId);
      secret = secret.clone();
    }

    @Override
    public byte[] secret() {
      return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof WatermarkSecret w
          && w.keyId.equals(keyId)
          && MessageDigest.isEqual(w.secret, secret);
    }

    @Override
    public int hashCode() {
      return keyId.hashCode();
    }

    @Override
    public String toString() {
      return "WatermarkSecret[" + keyId + ", secret=<hidden>]";
    }
  }

  private void newSigningKeys(int gen) throws GeneralSecurityException {
    KeyPair c2pa = Crypto.newP256(store.provider());
    store.put(
        C2PA + gen,
        c2pa.getPrivate(),
        chainOf(issueLeaf(c2pa.getPublic(), Profile.C2PA_SIGNER, gen)));
    KeyPair ev = Crypto.newP256(store.provider());
    store.put(
        EVIDENCE + gen,
        ev.getPrivate(),
        chainOf(issueLeaf(ev.getPublic(), Profile.EVIDENCE_SIGNER, gen)));
    KeyPair tok = Crypto.newP256(store.provider());
    store.put(
        TOKEN + gen,
        tok.getPrivate(),
        chainOf(issueLeaf(tok.getPublic(), Profile.TOKEN_SIGNER, gen)));
  }

  private X509Certificate issueLeaf(PublicKey key, Profile p, int gen)
      throws GeneralSecurityException {
    List<X509Certificate> ic = store.chain(INTERMEDIATE);
    return Certs.issue(
        key, p, gen, org, ic.get(0), store.privateKey(INTERMEDIATE), store.provider());
  }

  private List<X509Certificate> chainOf(X509Certificate leaf) throws GeneralSecurityException {
    List<X509Certificate> c = new ArrayList<>();
    c.add(leaf);
    c.addAll(store.chain(INTERMEDIATE));
    return c;
  }

  /**
   * Makes new C2PA, evidence and token signing keys. The retired keys' private halves are deleted;
   * their certificates are kept for verification.
   */
  public synchronized void rotate() throws KeyRingException {
    try (FileChannel ch = lockChannel(dir);
        FileLock l = ch.lock()) {
      int next = generation + 1;
      newSigningKeys(next);
      newWatermarkSecret(next); // retired watermark keys stay: detection tries them all
      List<X509Certificate> retired = new ArrayList<>();
      for (String prefix : List.of(C2PA, EVIDENCE, TOKEN)) {
        retired.add(store.chain(prefix + generation).get(0));
      }
      RetiredCerts.append(dir, retired);
      for (String prefix : List.of(C2PA, EVIDENCE, TOKEN)) {
        store.delete(prefix + generation);
      }
      store.save();
      generation = next;
    } catch (GeneralSecurityException | IOException e) {
      throw new KeyRingException("key rotation failed: " + e.getMessage(), e);
    }
  }

  /** The generation of the current signing keys (1 after creation, +1 per rotation). */
  public int generation() {
    return generation;
  }

  public boolean isHardwareBacked() {
    return store.isHardware();
  }

  /** The operator root CA certificate: the one trust anchor verifiers need. */
  public X509Certificate rootCertificate() throws KeyRingException {
    try {
      return store.chain(ROOT).get(0);
    } catch (GeneralSecurityException e) {
      throw new KeyRingException("no root certificate", e);
    }
  }

  /** {@link #rootCertificate()} as PEM. */
  public String trustAnchorPem() throws KeyRingException {
    return Certs.toPem(List.of(rootCertificate()));
  }

  /** The current C2PA claim signer (leaf + intermediate). */
  public SigningCredential c2paSigner() throws KeyRingException {
    return credential(C2PA + generation);
  }

  /** The current evidence-bundle signer (leaf + intermediate). */
  public SigningCredential evidenceSigner() throws KeyRingException {
    return credential(EVIDENCE + generation);
  }

  /** The current consent-token signer (ES256). */
  public SigningCredential tokenSigner() throws KeyRingException {
    return credential(TOKEN + generation);
  }

  /** The current token key for JOSE libraries, with its key id. */
  public TokenSigningKey tokenSigningKey() throws KeyRingException {
    try {
      X509Certificate c = store.chain(TOKEN + generation).get(0);
      return new TokenSigningKey(
          keyId(c.getPublicKey()), store.rawPrivateKey(TOKEN + generation), c.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new KeyRingException("no token signing key", e);
    }
  }

  /** Token verification keys by key id: the current one first, then retired ones. */
  public Map<String, PublicKey> tokenVerificationKeys() throws KeyRingException {
    Map<String, PublicKey> out = new LinkedHashMap<>();
    PublicKey cur = tokenSigningKey().publicKey();
    out.put(keyId(cur), cur);
    for (X509Certificate c : retiredCertificates()) {
      if (c.getSubjectX500Principal().getName().contains("Token Signer")) {
        out.put(keyId(c.getPublicKey()), c.getPublicKey());
      }
    }
    return out;
  }

  /** Certificates of signing keys retired by {@link #rotate()}, verified against the root. */
  public List<X509Certificate> retiredCertificates() throws KeyRingException {
    try {
      return RetiredCerts.read(dir, store.chain(INTERMEDIATE).get(0));
    } catch (GeneralSecurityException | IOException e) {
      throw new KeyRingException("cannot read retired certificates: " + e.getMessage(), e);
    }
  }

  /** The ledger's Ed25519 checkpoint key pair, as plain JCA keys for the ledger module. */
  public KeyPair ledgerCheckpointKey() throws KeyRingException {
    try {
      if (store.isHardware()) {
        return WrappedKey.unwrap(store, dir);
      }
      PrivateKey k = store.rawPrivateKey(CHECKPOINT);
      return new KeyPair(store.chain(CHECKPOINT).get(0).getPublicKey(), k);
    } catch (GeneralSecurityException | IOException e) {
      throw new KeyRingException("no ledger checkpoint key: " + e.getMessage(), e);
    }
  }

  private SigningCredential credential(String alias) throws KeyRingException {
    try {
      List<X509Certificate> chain = store.chain(alias);
      return new SigningCredential(
          store.privateKey(alias), store.provider(), chain.subList(0, chain.size() - 1));
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

  @Override
  public String toString() {
    return "KeyRing[" + store + ", generation " + generation + "]";
  }

  /** A token signing key with its id; {@link #toString()} never shows the private key. */
  public record TokenSigningKey(String keyId, PrivateKey privateKey, PublicKey publicKey) {
    @Override
    public String toString() {
      return "TokenSigningKey[" + keyId + "]";
    }
  }
}
