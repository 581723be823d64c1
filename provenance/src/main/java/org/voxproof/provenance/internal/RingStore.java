package org.voxproof.provenance.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.voxproof.provenance.internal.Certs.Profile;

/**
 * The key ring's storage layout, certificate issuance and rotation: which alias holds which key,
 * how a new ring is made, how a generation is retired. {@code KeyRing} is the facade over it.
 */
public final class RingStore {
  static final String ROOT = "root-ca";
  static final String INTERMEDIATE = "intermediate-ca";
  public static final String C2PA = "c2pa-signer-";
  public static final String EVIDENCE = "evidence-signer-";
  public static final String TOKEN = "token-signer-";
  static final String CHECKPOINT = "ledger-checkpoint";
  static final String DATA_WRAP = "data-wrapping-key";
  public static final String KEYSTORE_FILE = "keyring.p12";
  static final String LOCK_FILE = "keyring.lock";

  /** Opens a backend (PKCS#12 file or PKCS#11 token); called again under the creation lock. */
  public interface BackendFactory {
    KeyStoreBackend open() throws GeneralSecurityException, IOException;
  }

  private final KeyStoreBackend store;
  private final Path dir;
  private final String org;
  private final BackendFactory backends;
  private final WatermarkStore watermarks;

  private RingStore(KeyStoreBackend store, Path dir, String org, BackendFactory backends) {
    this.store = store;
    this.dir = dir;
    this.org = org;
    this.backends = backends;
    this.watermarks = new WatermarkStore(store, dir);
  }

  /** Opens the ring in {@code dir}, creating every key first when {@code create} and none exist. */
  public static RingStore open(Path dir, String org, boolean create, BackendFactory backends)
      throws GeneralSecurityException, IOException {
    if (create) {
      Files.createDirectories(dir, FileModes.DIR_0700);
    }
    KeyStoreBackend s = backends.open();
    if (!s.contains(ROOT)) {
      if (!create) {
        throw new GeneralSecurityException("no key ring in " + dir);
      }
      try (FileChannel ch = lock(dir);
          FileLock l = ch.lock()) {
        s = backends.open(); // another process may have created it meanwhile
        if (!s.contains(ROOT)) {
          new RingStore(s, dir, org, backends).createAll();
        }
      }
    }
    RingStore r = new RingStore(s, dir, org, backends);
    r.generation(); // fails early on a ring without signing keys
    TrustAnchorFile.ensure(dir, r.root());
    return r;
  }

  static FileChannel lock(Path dir) throws IOException {
    return FileChannel.open(
        dir.resolve(LOCK_FILE),
        java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
        FileModes.FILE_0600);
  }

  public boolean isHardware() {
    return store.isHardware();
  }

  /** The token's provider, which signs with its keys; null for software keys. */
  public java.security.Provider tokenProvider() {
    return store.tokenProvider();
  }

  /** The highest generation of C2PA signing key present. */
  public int generation() throws GeneralSecurityException {
    int g = 0;
    for (String a : store.aliases()) {
      if (a.startsWith(C2PA)) {
        g = Math.max(g, Integer.parseInt(a.substring(C2PA.length())));
      }
    }
    if (g == 0) {
      throw new GeneralSecurityException("key ring has no C2PA signing key");
    }
    return g;
  }

  public X509Certificate root() throws GeneralSecurityException {
    return store.chain(ROOT).get(0);
  }

  public PrivateKey privateKey(String alias) throws GeneralSecurityException {
    return store.privateKey(alias);
  }

  /** The chain of {@code alias} without the root: leaf, intermediate. */
  public List<X509Certificate> chainWithoutRoot(String alias) throws GeneralSecurityException {
    List<X509Certificate> c = store.chain(alias);
    return c.subList(0, c.size() - 1);
  }

  /** The Ed25519 checkpoint key pair (software; on a token, kept wrapped by an AES key there). */
  public KeyPair checkpointKey() throws GeneralSecurityException, IOException {
    if (store.isHardware()) {
      return WrappedKey.unwrap(store, dir);
    }
    return new KeyPair(store.chain(CHECKPOINT).get(0).getPublicKey(), store.privateKey(CHECKPOINT));
  }

  public WatermarkStore watermarks() {
    return watermarks;
  }

  /** Certificates of retired signing keys that the intermediate issued. */
  public List<X509Certificate> retired() throws GeneralSecurityException, IOException {
    return RetiredCerts.read(dir, store.chain(INTERMEDIATE).get(0));
  }

  /** Public keys of retired certificates of one profile, newest first. */
  public List<PublicKey> retiredKeys(Profile p) throws GeneralSecurityException, IOException {
    List<PublicKey> out = new ArrayList<>();
    for (X509Certificate c : retired()) {
      if (Certs.profileOf(c) == p) {
        out.add(0, c.getPublicKey());
      }
    }
    return out;
  }

  private void createAll() throws GeneralSecurityException, IOException {
    KeyPair root = Crypto.newP256(store.provider());
    X509Certificate rootCert =
        CertIssuer.selfSignedRoot(root.getPublic(), root.getPrivate(), store.provider(), org);
    store.put(ROOT, root.getPrivate(), List.of(rootCert));
    KeyPair inter = Crypto.newP256(store.provider());
    X509Certificate interCert =
        CertIssuer.issue(
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
    watermarks.create(1);
    store.save();
  }

  private void newSigningKeys(int gen) throws GeneralSecurityException {
    for (Profile p : List.of(Profile.C2PA_SIGNER, Profile.EVIDENCE_SIGNER, Profile.TOKEN_SIGNER)) {
      KeyPair k = Crypto.newP256(store.provider());
      store.put(alias(p) + gen, k.getPrivate(), chainOf(issueLeaf(k.getPublic(), p, gen)));
    }
  }

  private static String alias(Profile p) {
    return switch (p) {
      case C2PA_SIGNER -> C2PA;
      case EVIDENCE_SIGNER -> EVIDENCE;
      case TOKEN_SIGNER -> TOKEN;
      default -> throw new IllegalArgumentException(p.name());
    };
  }

  private X509Certificate issueLeaf(PublicKey key, Profile p, int gen)
      throws GeneralSecurityException {
    List<X509Certificate> ic = store.chain(INTERMEDIATE);
    return CertIssuer.issue(
        key, p, gen, org, ic.get(0), store.privateKey(INTERMEDIATE), store.provider());
  }

  private List<X509Certificate> chainOf(X509Certificate leaf) throws GeneralSecurityException {
    List<X509Certificate> c = new ArrayList<>();
    c.add(leaf);
    c.addAll(store.chain(INTERMEDIATE));
    return c;
  }

  /**
   * Makes the next generation of the C2PA, evidence and token keys and a new watermark key; deletes
   * the current generation's private keys after appending their certificates to the retired file.
   * Works on the ring as stored (re-read under the lock, so concurrent rotations never lose keys);
   * returns the store as it now is.
   */
  public RingStore rotate() throws GeneralSecurityException, IOException {
    try (FileChannel ch = lock(dir);
        FileLock l = ch.lock()) {
      RingStore r = new RingStore(backends.open(), dir, org, backends);
      int from = r.generation();
      int next = from + 1;
      r.newSigningKeys(next);
      r.watermarks.create(next); // retired watermark keys stay: detection tries them all
      List<X509Certificate> retired = new ArrayList<>();
      for (String prefix : List.of(C2PA, EVIDENCE, TOKEN)) {
        retired.add(r.store.chain(prefix + from).get(0));
      }
      RetiredCerts.append(dir, retired);
      for (String prefix : List.of(C2PA, EVIDENCE, TOKEN)) {
        r.store.delete(prefix + from);
      }
      r.store.save();
      return r;
    }
  }

  /** Creates a watermark key in a ring that predates them; returns the store as it now is. */
  public RingStore withWatermarkKey() throws GeneralSecurityException, IOException {
    try (FileChannel ch = lock(dir);
        FileLock l = ch.lock()) {
      RingStore r = new RingStore(backends.open(), dir, org, backends);
      if (r.watermarks.generations().isEmpty()) {
        r.watermarks.create(r.generation());
        r.store.save();
      }
      return r;
    }
  }

  /** The AES-256 key that wraps owners' data keys, if this ring has one yet. */
  public java.util.Optional<javax.crypto.SecretKey> dataWrappingKey()
      throws GeneralSecurityException {
    return store.contains(DATA_WRAP)
        ? java.util.Optional.of(store.secretKey(DATA_WRAP))
        : java.util.Optional.empty();
  }

  /**
   * Creates the data wrapping key (AES-256; generated on the token when there is one, where it
   * stays) unless it exists; returns the store as it now is.
   */
  public RingStore withDataWrappingKey() throws GeneralSecurityException, IOException {
    try (FileChannel ch = lock(dir);
        FileLock l = ch.lock()) {
      RingStore r = new RingStore(backends.open(), dir, org, backends);
      if (!r.store.contains(DATA_WRAP)) {
        if (r.store.isHardware()) {
          javax.crypto.KeyGenerator g =
              javax.crypto.KeyGenerator.getInstance("AES", r.store.provider());
          g.init(256);
          r.store.putSecret(DATA_WRAP, new java.security.KeyStore.SecretKeyEntry(g.generateKey()));
        } else {
          r.store.putSecretBytes(DATA_WRAP, Crypto.randomBytes(32));
        }
        r.store.save();
      }
      return r;
    }
  }

  public void close() {
    store.close();
  }

  @Override
  public String toString() {
    return store.toString();
  }
}
