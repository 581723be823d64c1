package org.voxproof.provenance.internal;

import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.voxproof.provenance.VoxProofAssertions;
import org.voxproof.provenance.internal.Jumbf.Box;

/** Reads VoxProof's soft binding and consent assertions from a manifest (best effort). */
final class VoxProofReader {
  private VoxProofReader() {}

  static VoxProofAssertions read(Box manifest) {
    Map<?, ?> sb = assertion(manifest, ManifestBuilder.SOFT_BINDING);
    Map<?, ?> cs = assertion(manifest, ManifestBuilder.CONSENT);
    OptionalLong payload = OptionalLong.empty();
    OptionalLong start = OptionalLong.empty();
    OptionalLong end = OptionalLong.empty();
    if (ManifestBuilder.SOFT_BINDING_ALG.equals(sb.get("alg"))
        && sb.get("blocks") instanceof java.util.List<?> blocks
        && !blocks.isEmpty()
        && blocks.get(0) instanceof Map<?, ?> block) {
      if (block.get("value") instanceof String v) {
        try {
          byte[] b = java.util.Base64.getDecoder().decode(v);
          if (b.length == 4) {
            payload = OptionalLong.of(Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(b).getInt()));
          }
        } catch (IllegalArgumentException e) {
          // not ours
        }
      }
      if (block.get("scope") instanceof Map<?, ?> scope
          && scope.get("timespan") instanceof Map<?, ?> ts) {
        start = num(ts.get("start"));
        end = num(ts.get("end"));
      }
    }
    Map<?, ?> ledger = cs.get("ledger") instanceof Map<?, ?> l ? l : Map.of();
    return new VoxProofAssertions(
        str(cs.get("manifest_id")),
        payload,
        start,
        end,
        cs.get("commitment") instanceof byte[] b
            ? Optional.of(HexFormat.of().formatHex(b))
            : Optional.empty(),
        str(cs.get("licensee")),
        str(cs.get("purpose")),
        str(ledger.get("origin")),
        num(ledger.get("index")),
        str(cs.get("assurance")));
  }

  private static Map<?, ?> assertion(Box manifest, String label) {
    try {
      Optional<byte[]> bytes =
          manifest
              .child("c2pa.assertions")
              .flatMap(a -> a.child(label))
              .flatMap(b -> b.content("cbor"))
              .map(Box::payload);
      if (bytes.isPresent() && Cbor.decode(bytes.get()) instanceof Map<?, ?> m) {
        return m;
      }
    } catch (Cbor.CborException e) {
      // malformed: reported by the hash checks
    }
    return Map.of();
  }

  private static Optional<String> str(Object o) {
    return o instanceof String s ? Optional.of(s) : Optional.empty();
  }

  private static OptionalLong num(Object o) {
    return o instanceof Long l ? OptionalLong.of(l) : OptionalLong.empty();
  }
}
