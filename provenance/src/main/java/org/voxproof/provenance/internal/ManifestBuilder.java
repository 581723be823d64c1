package org.voxproof.provenance.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.voxproof.provenance.ManifestContent;
import org.voxproof.provenance.ProvenanceException;
import org.voxproof.provenance.SigningCredential;
import org.voxproof.provenance.internal.Containers.FormatException;
import org.voxproof.provenance.internal.Containers.Placement;

/** Builds, signs and embeds a VoxProof manifest store. */
public final class ManifestBuilder {
  public static final String CLAIM_V2 = "c2pa.claim.v2";
  public static final String ACTIONS_V2 = "c2pa.actions.v2";
  public static final String HASH_DATA = "c2pa.hash.data";
  public static final String SOFT_BINDING = "c2pa.soft-binding";
  public static final String CONSENT = "org.voxproof.consent";
  public static final String SOFT_BINDING_ALG = "org.voxproof.spread-spectrum.1";
  public static final String TRAINED_ALGORITHMIC_MEDIA =
      "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
  public static final String GENERATOR = "VoxProof";
  public static final String GENERATOR_VERSION = "0.1.0";

  private ManifestBuilder() {}

  /** Signs {@code audio} (any earlier manifest is replaced) and returns the new file. */
  public static byte[] signAndEmbed(byte[] audio, ManifestContent c, SigningCredential cred)
      throws ProvenanceException {
    try {
      int len = 4096;
      int pad = 0;
      Placement p = null;
      byte[] zeroHash = new byte[32];
      for (int i = 0; i < 16; i++) {
        p = Containers.place(audio, len);
        byte[] store = store(c, cred, p, zeroHash, pad, true);
        if (store.length == len) {
          break;
        }
        if (store.length < len && i > 2) {
          pad += len - store.length;
        } else {
          len = store.length;
        }
        p = null;
      }
      if (p == null) {
        throw new ProvenanceException("manifest size did not converge");
      }
      byte[] hash = dataHash(p.file(), p.excludeStart(), p.excludeLength());
      byte[] store = store(c, cred, p, hash, pad, false);
      if (store.length != len) {
        throw new ProvenanceException("manifest size changed after signing");
      }
      return p.fill(store);
    } catch (FormatException e) {
      throw new ProvenanceException("cannot embed a manifest: " + e.getMessage(), e);
    }
  }

  /** SHA-256 over the file except the one excluded range. */
  // SPEC: C2PA 2.2 §9.2.1 data hash with exclusions.
  public static byte[] dataHash(byte[] file, int start, int length) {
    MessageDigest md = sha256();
    md.update(file, 0, start);
    md.update(file, start + length, file.length - start - length);
    return md.digest();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] store(
      ManifestContent c, SigningCredential cred, Placement p, byte[] hash, int pad, boolean dryRun)
      throws ProvenanceException {
    String label = "urn:c2pa:" + c.manifestId();
    Map<String, Object> assertions = new LinkedHashMap<>();
    assertions.put(ACTIONS_V2, actions(c));
    assertions.put(HASH_DATA, hashData(p, hash, pad));
    assertions.put(SOFT_BINDING, softBinding(c));
    assertions.put(CONSENT, consent(c));
    List<byte[]> boxes = new ArrayList<>();
    List<Object> created = new ArrayList<>();
    for (Map.Entry<String, Object> e : assertions.entrySet()) {
      byte[] box =
          Jumbf.superbox(
              Jumbf.CBOR_ASSERTION,
              e.getKey(),
              List.of(Jumbf.box("cbor", Cbor.encode(e.getValue()))));
      boxes.add(box);
      Map<String, Object> uri = new LinkedHashMap<>();
      uri.put("url", "self#jumbf=c2pa.assertions/" + e.getKey());
      // SPEC: C2PA 2.2 §8.3 hashed URI — hash of the superbox contents (without its header).
      uri.put("hash", sha256().digest(java.util.Arrays.copyOfRange(box, 8, box.length)));
      created.add(uri);
    }
    byte[] claim = Cbor.encode(claim(c, label, created));
    byte[] sig = dryRun ? Cose.placeholder(cred) : Cose.sign(claim, cred);
    List<byte[]> manifest =
        List.of(
            Jumbf.superbox(Jumbf.ASSERTIONS, "c2pa.assertions", boxes),
            Jumbf.superbox(Jumbf.CLAIM, CLAIM_V2, List.of(Jumbf.box("cbor", claim))),
            Jumbf.superbox(Jumbf.SIGNATURE, "c2pa.signature", List.of(Jumbf.box("cbor", sig))));
    return Jumbf.superbox(
        Jumbf.STORE, "c2pa", List.of(Jumbf.superbox(Jumbf.MANIFEST, label, manifest)));
  }

  private static Map<String, Object> claim(ManifestContent c, String label, List<Object> created) {
    // SPEC: C2PA 2.2 §10.2 claim v2 (claim-map-v2).
    Map<String, Object> gen = new LinkedHashMap<>();
    gen.put("name", GENERATOR);
    gen.put("version", GENERATOR_VERSION);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "instanceID",
        "xmp:iid:"
            + UUID.nameUUIDFromBytes(label.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    m.put("claim_generator_info", gen);
    m.put("signature", "self#jumbf=/c2pa/" + label + "/c2pa.signature");
    m.put("created_assertions", created);
    c.title().ifPresent(t -> m.put("dc:title", t));
    m.put("alg", "sha256");
    return m;
  }

  private static Map<String, Object> actions(ManifestContent c) {
    // SPEC: C2PA 2.2 §18.15 actions v2.
    Map<String, Object> agent = new LinkedHashMap<>();
    agent.put("name", c.engine());
    agent.put("org.voxproof.model_id", c.modelId());
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("action", "c2pa.created");
    created.put("digitalSourceType", TRAINED_ALGORITHMIC_MEDIA);
    created.put("softwareAgent", agent);
    Map<String, Object> wmAgent = new LinkedHashMap<>();
    wmAgent.put("name", GENERATOR);
    wmAgent.put("version", GENERATOR_VERSION);
    Map<String, Object> marked = new LinkedHashMap<>();
    marked.put("action", "c2pa.watermarked");
    marked.put("softwareAgent", wmAgent);
    return Map.of("actions", List.of(created, marked));
  }

  private static Map<String, Object> hashData(Placement p, byte[] hash, int pad) {
    // SPEC: C2PA 2.2 §18.5 data hash: exactly the manifest bytes are excluded.
    Map<String, Object> ex = new LinkedHashMap<>();
    ex.put("start", (long) p.excludeStart());
    ex.put("length", (long) p.excludeLength());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("exclusions", List.of(ex));
    m.put("name", "jumbf manifest");
    m.put("alg", "sha256");
    m.put("hash", hash);
    m.put("pad", new byte[pad]);
    return m;
  }

  private static Map<String, Object> softBinding(ManifestContent c) {
    // SPEC: C2PA 2.2 §18.9 soft binding: our watermark, its payload and where it is in time.
    Map<String, Object> span = new LinkedHashMap<>();
    span.put("start", c.watermarkStartMillis());
    span.put("end", c.watermarkEndMillis());
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("scope", Map.of("timespan", span));
    block.put("value", Base64.getEncoder().encodeToString(payloadBytes(c.watermarkPayload())));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("alg", SOFT_BINDING_ALG);
    m.put("blocks", List.of(block));
    m.put("pad", new byte[0]);
    return m;
  }

  static byte[] payloadBytes(long p) {
    return new byte[] {(byte) (p >>> 24), (byte) (p >>> 16), (byte) (p >>> 8), (byte) p};
  }

  private static Map<String, Object> consent(ManifestContent c) {
    Map<String, Object> ledger = new LinkedHashMap<>();
    ledger.put("origin", c.ledgerOrigin());
    c.ledgerIndex().ifPresent(i -> ledger.put("index", i));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("manifest_id", c.manifestId().toString());
    m.put("commitment", c.consentCommitment());
    m.put("commitment_alg", "sha256-salted");
    m.put("licensee", c.licensee());
    m.put("purpose", c.purpose());
    m.put("watermark_payload", c.watermarkPayloadHex());
    m.put("ledger", ledger);
    m.put("assurance", c.assurance());
    return m;
  }
}
