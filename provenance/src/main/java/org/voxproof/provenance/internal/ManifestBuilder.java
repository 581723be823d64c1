package org.voxproof.provenance.internal;

import java.io.IOException;
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

  private static final byte[] ZERO_HASH = new byte[32];

  private ManifestBuilder() {}

  /** A signed manifest and where it goes: {@code layout.toBytes(src, store)} is the new file. */
  @SuppressWarnings("ArrayRecordComponent") // internal, handed straight to Layout
  public record Signed(Layout layout, byte[] store) {}

  /**
   * Signs the file in {@code src} (any earlier manifest is replaced). The audio is read once, to
   * hash it; the caller writes the result once. {@code protectedHeader} is the credential's COSE
   * protected header ({@link Cose#protectedHeader}), made once per credential.
   */
  public static Signed sign(
      Source src, ManifestContent c, SigningCredential cred, byte[] protectedHeader)
      throws ProvenanceException, IOException {
    try {
      Parts parts = new Parts(c, protectedHeader);
      int len = 4096;
      int pad = 0;
      Layout layout = null;
      Layout measured = null; // the last layout whose store length was computed
      for (int i = 0; i < 16; i++) {
        layout = Containers.place(src, len);
        // The store's length depends on the layout only through the CBOR widths of the exclusion.
        int actual =
            measured != null && sameWidths(measured, layout)
                ? len
                : parts.store(layout, ZERO_HASH, pad, null).length;
        measured = layout;
        if (actual == len) {
          break;
        }
        if (actual < len && i > 2) {
          pad += len - actual; // SPEC: C2PA 2.2 §18.5 pad absorbs a size that oscillates
          measured = null; // a new pad: measure again
        } else {
          len = actual;
        }
        layout = null;
      }
      if (layout == null) {
        throw new ProvenanceException("manifest size did not converge");
      }
      byte[] store = parts.store(layout, layout.dataHash(src), pad, cred);
      if (store.length != len) {
        throw new ProvenanceException("manifest size changed after signing");
      }
      return new Signed(layout, store);
    } catch (FormatException e) {
      throw new ProvenanceException("cannot embed a manifest: " + e.getMessage(), e);
    }
  }

  private static boolean sameWidths(Layout a, Layout b) {
    return Cbor.headLength(a.excludeStart()) == Cbor.headLength(b.excludeStart())
        && Cbor.headLength(a.excludeLength()) == Cbor.headLength(b.excludeLength());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What does not depend on the layout: three of the four assertions, made once per file. */
  private static final class Parts {
    private final ManifestContent content;
    private final String label;
    private final byte[] protectedHeader;
    private final List<byte[]> boxes = new ArrayList<>(); // assertion superboxes, hash.data last
    private final List<Object> created = new ArrayList<>(); // their hashed URIs, in claim order

    Parts(ManifestContent c, byte[] protectedHeader) {
      this.content = c;
      this.label = "urn:c2pa:" + c.manifestId();
      this.protectedHeader = protectedHeader;
      add(ACTIONS_V2, actions(c));
      add(HASH_DATA, null); // placeholder: filled per layout
      add(SOFT_BINDING, softBinding(c));
      add(CONSENT, consent(c));
    }

    private void add(String name, Map<String, Object> assertion) {
      byte[] box = assertion == null ? null : assertionBox(name, assertion);
      boxes.add(box);
      created.add(box == null ? null : hashedUri(name, box));
    }

    /** The store for {@code layout}; with {@code cred} null, a placeholder signature. */
    byte[] store(Layout layout, byte[] hash, int pad, SigningCredential cred)
        throws ProvenanceException {
      byte[] hd = assertionBox(HASH_DATA, hashData(layout, hash, pad));
      List<byte[]> all = new ArrayList<>(boxes);
      all.set(1, hd);
      List<Object> uris = new ArrayList<>(created);
      uris.set(1, hashedUri(HASH_DATA, hd));
      byte[] claim = Cbor.encode(claim(content, label, uris));
      byte[] sig =
          cred == null
              ? Cose.placeholder(protectedHeader)
              : Cose.sign(claim, cred, protectedHeader);
      List<Jumbf.Out> manifest =
          List.of(
              Jumbf.tree(
                  Jumbf.ASSERTIONS, "c2pa.assertions", all.stream().map(Jumbf::written).toList()),
              Jumbf.tree(Jumbf.CLAIM, CLAIM_V2, List.of(Jumbf.leaf("cbor", claim))),
              Jumbf.tree(Jumbf.SIGNATURE, "c2pa.signature", List.of(Jumbf.leaf("cbor", sig))));
      return Jumbf.tree(Jumbf.STORE, "c2pa", List.of(Jumbf.tree(Jumbf.MANIFEST, label, manifest)))
          .toBytes();
    }
  }

  private static byte[] assertionBox(String name, Map<String, Object> assertion) {
    return Jumbf.tree(
            Jumbf.CBOR_ASSERTION, name, List.of(Jumbf.leaf("cbor", Cbor.encode(assertion))))
        .toBytes();
  }

  private static Map<String, Object> hashedUri(String name, byte[] box) {
    MessageDigest md = sha256();
    // SPEC: C2PA 2.2 §8.3 hashed URI — hash of the superbox contents (without its header).
    md.update(box, 8, box.length - 8);
    Map<String, Object> uri = new LinkedHashMap<>();
    uri.put("url", "self#jumbf=c2pa.assertions/" + name);
    uri.put("hash", md.digest());
    return uri;
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

  private static Map<String, Object> hashData(Layout p, byte[] hash, int pad) {
    // SPEC: C2PA 2.2 §18.5 data hash: exactly the manifest bytes are excluded.
    Map<String, Object> ex = new LinkedHashMap<>();
    ex.put("start", p.excludeStart());
    ex.put("length", p.excludeLength());
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
