package org.voxproof.provenance.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.CipherParameters;

/**
 * The work a signer's certificate chain costs, done once per chain and reused for every file it
 * signed: parsing, the C2PA profile check, the leaf's key in Bouncy Castle's form (so that its
 * precomputed multiples are kept) and the PKIX validation against a set of anchors. A PKIX result
 * is reused until the next time any certificate of the chain becomes valid or expires, the only way
 * its answer can change. One bounded cache (least recently used out) serves every verifier, keyed
 * by the chain and the verifier's anchors, so a verifier made per request loses nothing.
 * Thread-safe.
 */
public final class ChainCache {
  private static final int MAX_ENTRIES = 512;

  /** Chains larger than this (real ones are 1-3 KB) are validated but never kept. */
  private static final int MAX_CACHED_CHAIN_BYTES = 16 * 1024;

  private static final Map<String, Chain> ENTRIES =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Chain> e) {
          return size() > MAX_ENTRIES;
        }
      };

  private final List<X509Certificate> anchors; // null: trust not checked
  private final String anchorsId;

  /** A view of the cache for these anchors ({@code null}: trust is not checked). */
  public ChainCache(List<X509Certificate> anchors) {
    this.anchors = anchors == null ? null : List.copyOf(anchors);
    List<byte[]> ders = new ArrayList<>();
    if (anchors != null) {
      for (X509Certificate a : anchors) {
        try {
          ders.add(a.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
          throw new IllegalArgumentException("unencodable trust anchor", e);
        }
      }
    }
    this.anchorsId = (anchors == null ? "-" : id(ders)) + "/";
  }

  /** One chain: parsed certificates, or why they did not parse, and what follows from them. */
  public static final class Chain {
    final List<X509Certificate> certs;
    final String profileError; // null: the leaf fits the C2PA profile
    final CipherParameters key; // null when keyError is set
    final GeneralSecurityException keyError;
    private String trustError;
    private long trustUntil = Long.MIN_VALUE; // trustError holds until this time (ms)

    private Chain(List<X509Certificate> certs) {
      this.certs = List.copyOf(certs);
      this.profileError = CertProfile.check(certs.get(0));
      CipherParameters k = null;
      GeneralSecurityException err = null;
      try {
        k = Sig.publicKey(certs.get(0).getPublicKey());
      } catch (GeneralSecurityException | RuntimeException e) {
        err = e instanceof GeneralSecurityException g ? g : new GeneralSecurityException(e);
      }
      this.key = k;
      this.keyError = err;
    }

    public X509Certificate leaf() {
      return certs.get(0);
    }
  }

  /** The chain of these DER certificates (leaf first); throws if one does not parse. */
  public Chain chain(List<byte[]> ders) throws CertificateException {
    String id = anchorsId + id(ders);
    synchronized (ENTRIES) {
      Chain c = ENTRIES.get(id);
      if (c != null) {
        return c;
      }
    }
    List<X509Certificate> certs = new ArrayList<>();
    for (byte[] der : ders) {
      certs.add(Certs.parse(der));
    }
    Chain c = new Chain(certs);
    if (ders.stream().mapToLong(d -> d.length).sum() <= MAX_CACHED_CHAIN_BYTES) {
      synchronized (ENTRIES) {
        ENTRIES.put(id, c);
      }
    }
    return c;
  }

  /** Null when the chain leads to an anchor now (PKIX), else why not; cached as described. */
  public String trustError(Chain c) {
    long now = System.currentTimeMillis();
    synchronized (c) {
      if (now < c.trustUntil) {
        return c.trustError;
      }
    }
    String err = CertProfile.chainsTo(c.certs, anchors, new Date(now));
    long until = nextValidityChange(c.certs, now);
    synchronized (c) {
      c.trustError = err;
      c.trustUntil = until;
    }
    return err;
  }

  /** The first notBefore or notAfter of the chain after {@code now}. */
  private static long nextValidityChange(List<X509Certificate> certs, long now) {
    long next = Long.MAX_VALUE;
    for (X509Certificate x : certs) {
      for (long t : new long[] {x.getNotBefore().getTime(), x.getNotAfter().getTime() + 1}) {
        if (t > now && t < next) {
          next = t;
        }
      }
    }
    return next;
  }

  private static String id(List<byte[]> ders) {
    MessageDigest md = ManifestBuilder.sha256();
    for (byte[] d : ders) {
      md.update((byte) (d.length >>> 24));
      md.update((byte) (d.length >>> 16));
      md.update((byte) (d.length >>> 8));
      md.update((byte) d.length);
      md.update(d);
    }
    return java.util.HexFormat.of().formatHex(md.digest());
  }
}
