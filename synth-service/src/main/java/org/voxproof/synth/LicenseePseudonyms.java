package org.voxproof.synth;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.voxproof.storage.OwnerOnly;

/**
 * The licensee pseudonym that manifests and ledger records carry instead of the licensee's id
 * (DESIGN.md "Pseudonyms on public surfaces"): {@code lp-} + the first 16 bytes of HMAC-SHA256(key,
 * licensee id), hex. Only the holder of the key can link a pseudonym to a licensee.
 */
public final class LicenseePseudonyms {
  private static final int KEY_BYTES = 32;

  private final SecretKeySpec key;

  public LicenseePseudonyms(byte[] key) {
    if (key == null || key.length < 32) {
      throw new IllegalArgumentException("the pseudonym key must be at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /**
   * The pseudonyms of the key in {@code file} (32 bytes), created with a fresh random key (mode
   * 0600, written to a temporary file and linked into place) when it does not exist yet. The same
   * data directory thus keeps one pseudonym per licensee across restarts.
   *
   * @throws IOException when the file cannot be read or created, or does not hold 32 bytes
   */
  public static LicenseePseudonyms openOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      byte[] fresh = new byte[KEY_BYTES];
      new SecureRandom().nextBytes(fresh);
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      OwnerOnly.createFile(tmp);
      OwnerOnly.write(tmp, fresh);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.createLink(file, tmp); // atomic, and never replaces a key another process made
      } catch (FileAlreadyExistsException e) {
        // another process created it first: use theirs
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    byte[] key = Files.readAllBytes(file);
    if (key.length != KEY_BYTES) {
      throw new IOException("the pseudonym key file does not hold " + KEY_BYTES + " bytes");
    }
    return new LicenseePseudonyms(key);
  }

  public String of(String licenseeId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] h = mac.doFinal(licenseeId.getBytes(StandardCharsets.UTF_8));
      return "lp-" + HexFormat.of().formatHex(h, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "LicenseePseudonyms[key=<hidden>]";
  }
}
