package org.voxproof.provenance.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.voxproof.watermark.WatermarkKey;

/**
 * The watermark keys (32 random bytes each, one per generation): PKCS#12 secret entries, or on a
 * token, files in {@code watermark-keys/} encrypted under the token's wrapping key.
 */
public final class WatermarkStore {
  static final String PREFIX = "watermark-";
  static final String DIR = "watermark-keys";

  private final KeyStoreBackend store;
  private final Path dir;

  WatermarkStore(KeyStoreBackend store, Path dir) {
    this.store = store;
    this.dir = dir;
  }

  void create(int gen) throws GeneralSecurityException, IOException {
    byte[] secret = Crypto.randomBytes(WatermarkKey.SECRET_BYTES);
    if (store.isHardware()) {
      WrappedKey.wrapSecret(store, dir.resolve(DIR).resolve(PREFIX + gen), secret);
    } else {
      store.putSecretBytes(PREFIX + gen, secret);
    }
  }

  /** Generations present, newest first. */
  List<Integer> generations() throws GeneralSecurityException, IOException {
    List<String> names = new ArrayList<>();
    if (store.isHardware()) {
      Path d = dir.resolve(DIR);
      if (Files.isDirectory(d)) {
        try (var files = Files.list(d)) {
          files.forEach(f -> names.add(f.getFileName().toString()));
        }
      }
    } else {
      names.addAll(store.aliases());
    }
    List<Integer> gens = new ArrayList<>();
    for (String n : names) {
      if (n.matches(PREFIX + "[0-9]{1,9}")) {
        gens.add(Integer.parseInt(n.substring(PREFIX.length())));
      }
    }
    gens.sort(Comparator.reverseOrder());
    return gens;
  }

  /** Every key, newest first; empty in a ring that predates watermark keys. */
  public List<WatermarkKey> keys() throws GeneralSecurityException, IOException {
    List<WatermarkKey> out = new ArrayList<>();
    for (int g : generations()) {
      byte[] secret =
          store.isHardware()
              ? WrappedKey.unwrapSecret(store, dir.resolve(DIR).resolve(PREFIX + g))
              : store.secretBytes(PREFIX + g);
      out.add(new WatermarkKey(keyId(secret), secret));
      java.util.Arrays.fill(secret, (byte) 0);
    }
    return out;
  }

  /** {@code wm-} + 16 hex digits of a domain-separated SHA-256 of the secret. */
  static String keyId(byte[] secret) throws GeneralSecurityException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update("voxproof watermark key id\0".getBytes(StandardCharsets.US_ASCII));
    return "wm-" + HexFormat.of().formatHex(md.digest(secret), 0, 8);
  }
}
