package org.voxproof.provenance;

import java.util.List;
import java.util.Optional;
import org.voxproof.watermark.WatermarkKey;

/**
 * The operator's watermark keys: the current one (embeds new marks) and retired ones (detection
 * tries every key, current first). Key ids are {@code wm-} + 16 hex digits. {@link #toString()}
 * shows key ids only.
 */
public final class WatermarkKeys {
  private final List<WatermarkKey> keys;

  WatermarkKeys(List<WatermarkKey> currentFirst) {
    if (currentFirst.isEmpty()) {
      throw new IllegalArgumentException("no watermark key");
    }
    this.keys = List.copyOf(currentFirst);
  }

  /** The key new marks are embedded with. */
  public WatermarkKey current() {
    return keys.get(0);
  }

  /** Every key, current first, then retired ones newest first: the order detection tries. */
  public List<WatermarkKey> all() {
    return keys;
  }

  public Optional<WatermarkKey> byId(String keyId) {
    return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
  }

  @Override
  public String toString() {
    return "WatermarkKeys" + keys.stream().map(WatermarkKey::keyId).toList();
  }
}
