package org.voxproof.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Shared test inputs. */
final class TestFixtures {
  private TestFixtures() {}

  static byte[] resource(String path) {
    try (InputStream in = TestFixtures.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] toneWav() {
    return resource("vectors/unsigned-input/tone.wav");
  }

  static byte[] toneMp3() {
    return resource("vectors/unsigned-input/tone.mp3");
  }

  static byte[] toneFlac() {
    return resource("vectors/unsigned-input/tone.flac");
  }

  static ManifestContent content() {
    byte[] commitment = new byte[32];
    for (int i = 0; i < 32; i++) {
      commitment[i] = (byte) i;
    }
    return new ManifestContent(
        UUID.fromString("0b7a3f52-2d55-4a8e-9d6c-4b1f9c2e7a10"),
        Optional.of("tone"),
        "espeak-ng",
        "builtin-en",
        0xC0FFEE42L,
        0,
        1000,
        commitment,
        "lic-3f9a1c",
        "customer-service",
        "voxproof.example/log",
        OptionalLong.empty(),
        "basic");
  }

  /** The tone file of this extension (wav, mp3, flac), unsigned. */
  static byte[] tone(String ext) {
    return resource("vectors/unsigned-input/tone." + ext);
  }

  /** The tone file of this extension signed with the ring's C2PA key and {@link #content()}. */
  static byte[] signed(KeyRing ring, String ext) throws ProvenanceException {
    return ManifestSigner.builder().keyRing(ring).build().sign(tone(ext), content());
  }

  /** The tone WAV signed with the ring's C2PA key and {@link #content()}. */
  static byte[] signedWav(KeyRing ring) throws ProvenanceException {
    return ManifestSigner.builder().keyRing(ring).build().sign(toneWav(), content());
  }

  static KeyRing newKeyRing(Path dir) throws KeyRingException {
    return KeyRing.builder().dataDirectory(dir).password("test-password".toCharArray()).open();
  }
}
