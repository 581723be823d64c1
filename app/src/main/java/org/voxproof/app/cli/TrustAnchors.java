package org.voxproof.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.voxproof.provenance.KeyRing;

/**
 * The trust anchors (PEM) of the read-only commands: {@code --trust ROOT.pem}, else the data
 * directory's {@code trust-anchor.pem} (read without opening the key ring, so it is fast and works
 * while {@code serve} runs), else none.
 */
final class TrustAnchors {
  private TrustAnchors() {}

  static Optional<String> pem(Path trust, Path dataDir) throws Exception {
    if (trust != null) {
      return Optional.of(Files.readString(trust));
    }
    if (KeyRing.exists(dataDir)) {
      return Optional.of(KeyRing.trustAnchorPem(dataDir));
    }
    return Optional.empty();
  }
}
