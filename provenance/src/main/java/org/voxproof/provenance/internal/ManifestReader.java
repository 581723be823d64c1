package org.voxproof.provenance.internal;

import static org.voxproof.provenance.ValidationStatus.*;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voxproof.provenance.ManifestReport;
import org.voxproof.provenance.ValidationStatus;
import org.voxproof.provenance.VoxProofAssertions;
import org.voxproof.provenance.internal.Cbor.CborException;
import org.voxproof.provenance.internal.Containers.FormatException;
import org.voxproof.provenance.internal.Containers.Located;
import org.voxproof.provenance.internal.Jumbf.Box;
import org.voxproof.provenance.internal.Jumbf.JumbfException;

/**
 * Reads and validates the active manifest of a file in the order c2pa-rs does: signer trust, claim
 * signature, assertion hashes, hard binding. Never throws on hostile input: problems become failure
 * codes.
 */
public final class ManifestReader {
  /** The largest manifest store read (a store with thumbnails is a few MB at most). */
  public static final int MAX_STORE_BYTES = 64 << 20;

  private final boolean checkTrust;
  private final ChainCache chains;
  private final List<ValidationStatus> out = new ArrayList<>();

  private ManifestReader(boolean checkTrust, ChainCache chains) {
    this.checkTrust = checkTrust;
    this.chains = chains;
  }

  /** Validates {@code file}; {@code anchors == null} skips the trust check. */
  public static ManifestReport read(byte[] file, List<X509Certificate> anchors) {
    try {
      return read(Source.of(file), anchors != null, new ChainCache(anchors));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // not thrown by an in-memory source
    }
  }

  /**
   * Validates the file in {@code src}, with {@code chains} holding the trust anchors (and the work
   * done for signers seen before); only I/O errors of the source escape.
   */
  public static ManifestReport read(Source src, boolean checkTrust, ChainCache chains)
      throws IOException {
    return new ManifestReader(checkTrust, chains).run(src);
  }

  /** Parses the manifest store only (for fuzzing and inspection); throws on malformed input. */
  public static Box parseStore(byte[] store) throws JumbfException {
    return Jumbf.parseStore(store);
  }

  private ManifestReport run(Source file) throws IOException {
    Optional<Located> loc;
    try {
      loc = Containers.find(file);
    } catch (FormatException e) {
      return ManifestReport.none();
    }
    if (loc.isEmpty()) {
      return ManifestReport.none();
    }
    if (loc.get().damaged()) {
      return damaged(loc.get().damage());
    }
    if (loc.get().length() > MAX_STORE_BYTES) {
      return damaged("manifest store larger than " + (MAX_STORE_BYTES >> 20) + " MiB");
    }
    byte[] store = file.bytes(loc.get().offset(), loc.get().length());
    Box manifest;
    try {
      Box root = Jumbf.parseStore(store);
      List<Box> manifests =
          root.children().stream().filter(b -> Jumbf.MANIFEST.equals(b.typeFourCc())).toList();
      if (manifests.isEmpty()) {
        throw new JumbfException("no manifest in store");
      }
      manifest = manifests.get(manifests.size() - 1); // SPEC: C2PA 2.2 §11.1.4 active = last
    } catch (JumbfException e) {
      return damaged(e.getMessage());
    }
    String base = "self#jumbf=/c2pa/" + manifest.label() + "/";
    Optional<Box> claimBox =
        manifest.children().stream().filter(b -> Jumbf.CLAIM.equals(b.typeFourCc())).findFirst();
    Optional<byte[]> claimBytes = claimBox.flatMap(b -> b.content("cbor")).map(Box::payload);
    if (claimBytes.isEmpty()) {
      return finish(
          true, manifest.label(), "", fail(CLAIM_MISSING, base, "no claim"), Optional.empty());
    }
    Map<?, ?> claim;
    try {
      if (!(Cbor.decode(claimBytes.get()) instanceof Map<?, ?> m)) {
        throw new CborException("claim is not a map");
      }
      claim = m;
    } catch (CborException e) {
      return finish(
          true,
          manifest.label(),
          "",
          fail(CLAIM_MALFORMED, base + claimBox.get().label(), e.getMessage()),
          Optional.empty());
    }
    String signer = checkSignature(manifest, base, claimBytes.get());
    String alg = claim.get("alg") instanceof String s ? s : "sha256";
    List<Box> hardBindings = new ArrayList<>();
    for (String list : List.of("created_assertions", "gathered_assertions", "assertions")) {
      if (claim.get(list) instanceof List<?> uris) {
        for (Object u : uris) {
          checkHashedUri(manifest, base, u, alg).ifPresent(hardBindings::add);
        }
      }
    }
    if (hardBindings.isEmpty()) {
      out.add(fail(HARD_BINDINGS_MISSING, base, "no hard binding"));
    }
    for (Box hb : hardBindings) {
      checkDataHash(file, hb, base, alg);
    }
    return finish(true, manifest.label(), signer, null, Optional.of(VoxProofReader.read(manifest)));
  }

  /**
   * A store that is there but cannot be read: present and invalid, never absent. c2pa-rs fails such
   * a file as an invalid asset; its code for errors without a code of their own is {@code
   * general.error}.
   */
  private ManifestReport damaged(String why) {
    return finish(
        true, "", "", fail(GENERAL_ERROR, "", "manifest store damaged: " + why), Optional.empty());
  }

  private ManifestReport finish(
      boolean present,
      String label,
      String signer,
      ValidationStatus extra,
      Optional<VoxProofAssertions> vp) {
    if (extra != null) {
      out.add(extra);
    }
    boolean failed =
        out.stream().anyMatch(s -> !s.success() && !SIGNING_CREDENTIAL_UNTRUSTED.equals(s.code()));
    boolean trusted = out.stream().anyMatch(s -> SIGNING_CREDENTIAL_TRUSTED.equals(s.code()));
    String state =
        failed ? ManifestReport.INVALID : trusted ? ManifestReport.TRUSTED : ManifestReport.VALID;
    return new ManifestReport(present, state, label, signer, out, vp);
  }

  private String checkSignature(Box manifest, String base, byte[] claimBytes) {
    String url = base + "c2pa.signature";
    Optional<byte[]> sigBytes =
        manifest.children().stream()
            .filter(b -> Jumbf.SIGNATURE.equals(b.typeFourCc()))
            .findFirst()
            .flatMap(b -> b.content("cbor"))
            .map(Box::payload);
    if (sigBytes.isEmpty()) {
      out.add(fail(CLAIM_SIGNATURE_MISSING, url, "no claim signature"));
      return "";
    }
    Cose.Sign1 s;
    ChainCache.Chain chain;
    try {
      s = Cose.parse(sigBytes.get());
      chain = chains.chain(s.chainDer());
    } catch (CborException | GeneralSecurityException e) {
      out.add(fail(CLAIM_SIGNATURE_MISMATCH, url, "malformed COSE_Sign1: " + e.getMessage()));
      return "";
    }
    X509Certificate leaf = chain.leaf();
    if (chain.profileError != null) {
      out.add(fail(SIGNING_CREDENTIAL_INVALID, url, chain.profileError));
    }
    if (checkTrust) {
      String trustError = chains.trustError(chain);
      out.add(
          trustError == null
              ? ok(SIGNING_CREDENTIAL_TRUSTED, url, "signing certificate trusted")
              : fail(
                  SIGNING_CREDENTIAL_UNTRUSTED,
                  url,
                  "signing certificate untrusted: " + trustError));
    }
    try {
      verify(s, chain, claimBytes);
      if (CertProfile.validNow(leaf)) {
        out.add(ok(CLAIM_SIGNATURE_INSIDE_VALIDITY, url, "claim signature valid"));
      } else {
        out.add(fail(CLAIM_SIGNATURE_OUTSIDE_VALIDITY, url, "signing certificate not valid now"));
      }
      out.add(ok(CLAIM_SIGNATURE_VALIDATED, url, "claim signature valid"));
    } catch (java.security.NoSuchAlgorithmException e) {
      out.add(fail(ALGORITHM_UNSUPPORTED, url, e.getMessage()));
    } catch (GeneralSecurityException e) {
      out.add(fail(CLAIM_SIGNATURE_MISMATCH, url, "claim signature does not verify"));
    }
    return leaf.getSubjectX500Principal().getName();
  }

  private static void verify(Cose.Sign1 s, ChainCache.Chain chain, byte[] claim)
      throws GeneralSecurityException {
    if (!Cose.supported(s.alg())) {
      throw new java.security.NoSuchAlgorithmException("unsupported COSE alg " + s.alg());
    }
    if (s.alg() == Cose.PS256) {
      Cose.verify(s, claim);
    } else if (chain.keyError != null) {
      throw chain.keyError;
    } else {
      Cose.verify(s, chain.key, claim);
    }
  }

  /** Checks one hashed URI; returns the box if it is a hard binding that matched. */
  private Optional<Box> checkHashedUri(Box manifest, String base, Object u, String claimAlg) {
    if (!(u instanceof Map<?, ?> m)
        || !(m.get("url") instanceof String url)
        || !(m.get("hash") instanceof byte[] hash)) {
      out.add(fail(CLAIM_MALFORMED, base, "malformed hashed URI"));
      return Optional.empty();
    }
    String alg = m.get("alg") instanceof String a ? a : claimAlg;
    Optional<Box> target = resolve(manifest, url);
    String fullUrl = target.map(t -> base + "c2pa.assertions/" + t.label()).orElse(url);
    if (target.isEmpty()) {
      out.add(fail(ASSERTION_MISSING, url, "assertion missing: " + url));
      return Optional.empty();
    }
    MessageDigest md = digest(alg);
    if (md == null) {
      out.add(fail(ALGORITHM_UNSUPPORTED, fullUrl, "hash algorithm " + alg));
      return Optional.empty();
    }
    Box b = target.get();
    md.update(b.source(), b.contentStart(), b.end() - b.contentStart());
    if (!MessageDigest.isEqual(md.digest(), hash)) {
      out.add(fail(HASHED_URI_MISMATCH, fullUrl, "hashed uri mismatch: " + url));
      return Optional.empty();
    }
    out.add(ok(HASHED_URI_MATCH, fullUrl, "hashed uri matched: " + url));
    String label = b.label() == null ? "" : b.label();
    return label.equals(ManifestBuilder.HASH_DATA)
            || label.startsWith(ManifestBuilder.HASH_DATA + "__")
        ? Optional.of(b)
        : Optional.empty();
  }

  private static Optional<Box> resolve(Box manifest, String url) {
    String prefix = "self#jumbf=";
    if (!url.startsWith(prefix)) {
      return Optional.empty();
    }
    String path = url.substring(prefix.length());
    if (path.startsWith("/")) {
      String mine = "/c2pa/" + manifest.label() + "/";
      if (!path.startsWith(mine)) {
        return Optional.empty();
      }
      path = path.substring(mine.length());
    }
    String[] parts = path.split("/", -1);
    if (parts.length != 2 || !"c2pa.assertions".equals(parts[0])) {
      return Optional.empty();
    }
    return manifest.child("c2pa.assertions").flatMap(a -> a.child(parts[1]));
  }

  static MessageDigest digest(String alg) {
    try {
      return switch (alg) {
        case "sha256" -> MessageDigest.getInstance("SHA-256");
        case "sha384" -> MessageDigest.getInstance("SHA-384");
        case "sha512" -> MessageDigest.getInstance("SHA-512");
        default -> null;
      };
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  // SPEC: C2PA 2.2 §18.5 data hash; exclusions in ascending order, inside the file.
  private void checkDataHash(Source file, Box hb, String base, String claimAlg) throws IOException {
    String url = base + "c2pa.assertions/" + hb.label();
    try {
      if (!(Cbor.decode(hb.content("cbor").map(Box::payload).orElse(new byte[0]))
              instanceof Map<?, ?> m)
          || !(m.get("hash") instanceof byte[] expected)) {
        throw new CborException("data hash is not a map with a hash");
      }
      MessageDigest md = digest(m.get("alg") instanceof String a ? a : claimAlg);
      if (md == null) {
        out.add(fail(ALGORITHM_UNSUPPORTED, url, "data hash algorithm"));
        return;
      }
      long pos = 0;
      List<?> ex = m.get("exclusions") instanceof List<?> l ? l : List.of();
      for (Object o : ex) {
        if (!(o instanceof Map<?, ?> e)
            || !(e.get("start") instanceof Long start)
            || !(e.get("length") instanceof Long len)
            || start < pos
            || start > file.size()
            || len < 0
            || len > file.size() - start) {
          throw new CborException("bad exclusion");
        }
        file.digest(md, pos, start - pos);
        pos = start + len;
      }
      file.digest(md, pos, file.size() - pos);
      out.add(
          MessageDigest.isEqual(md.digest(), expected)
              ? ok(DATA_HASH_MATCH, url, "data hash valid")
              : fail(DATA_HASH_MISMATCH, url, "asset hash does not match the data hash assertion"));
    } catch (CborException e) {
      out.add(fail(DATA_HASH_MALFORMED, url, e.getMessage()));
    }
  }
}
