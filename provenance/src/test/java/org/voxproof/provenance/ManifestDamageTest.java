package org.voxproof.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.voxproof.provenance.internal.Containers;

/**
 * A signed file cut short inside its manifest store's container (RIFF chunk, ID3 GEOB frame) is
 * reported as a damaged store, present and invalid, never as a file without a manifest: at every
 * cut offset, for WAV, MP3 and FLAC, from bytes and from disk.
 */
class ManifestDamageTest {
  @TempDir static Path dir;
  static ManifestVerifier verifier;
  static KeyRing ring;

  @BeforeAll
  static void keys() throws Exception {
    ring = TestFixtures.newKeyRing(dir.resolve("data"));
    verifier = ManifestVerifier.builder().trustAnchor(ring.rootCertificate()).build();
  }

  /** [first, last] cut lengths inside the store's container: its header start + 1 to its end. */
  private static long[] containerRange(byte[] signed, String ext) throws Exception {
    Containers.Located loc = Containers.find(signed).orElseThrow();
    if (ext.equals("wav")) {
      long chunk = loc.offset() - 8; // the C2PA chunk header
      return new long[] {chunk + 1, loc.offset() + loc.length() - 1};
    }
    long frame = indexOf(signed, "GEOB");
    return new long[] {frame + 1, loc.offset() + loc.length() - 1};
  }

  private static int indexOf(byte[] b, String s) {
    byte[] n = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int i = 0; i + n.length <= b.length; i++) {
      if (Arrays.equals(b, i, i + n.length, n, 0, n.length)) {
        return i;
      }
    }
    throw new IllegalArgumentException(s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "mp3", "flac"})
  void read_cutAtEveryOffsetInsideTheContainer_damagedNeverAbsent(String ext) throws Exception {
    byte[] signed = TestFixtures.signed(ring, ext);
    long[] range = containerRange(signed, ext);
    assertThat(range[1] - range[0]).isGreaterThan(2000); // the whole store is walked
    for (long cut = range[0]; cut <= range[1]; cut++) {
      ManifestReport r = verifier.read(Arrays.copyOf(signed, (int) cut));
      assertThat(r.present()).as("cut at %d of %d", cut, signed.length).isTrue();
      assertThat(r.state()).as("cut at %d", cut).isEqualTo(ManifestReport.INVALID);
      assertThat(r.failureCodes()).as("cut at %d", cut).containsExactly("general.error");
      assertThat(r.statuses().get(0).explanation())
          .as("cut at %d", cut)
          .startsWith("manifest store damaged: ");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "mp3", "flac"})
  void readPath_cutByOneByteInsideTheStore_damaged(String ext) throws Exception {
    byte[] signed = TestFixtures.signed(ring, ext);
    Containers.Located loc = Containers.find(signed).orElseThrow();
    Path f = dir.resolve("cut." + ext);
    Files.write(f, Arrays.copyOf(signed, (int) (loc.offset() + loc.length() - 1)));
    ManifestReport r = verifier.read(f);
    assertThat(r.state()).isEqualTo(ManifestReport.INVALID);
    assertThat(r.failureCodes()).containsExactly("general.error");
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "mp3", "flac"})
  void read_cutJustBeforeTheContainer_noManifest(String ext) throws Exception {
    // WAV: the chunk is gone entirely; ID3: the tag ends before any byte of a frame to name.
    byte[] signed = TestFixtures.signed(ring, ext);
    long[] range = containerRange(signed, ext);
    assertThat(verifier.read(Arrays.copyOf(signed, (int) range[0] - 1)).present()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "mp3", "flac"})
  void read_wholeStoreButTruncatedAfterIt_invalidByTheHardBinding(String ext) throws Exception {
    byte[] signed = TestFixtures.signed(ring, ext);
    Containers.Located loc = Containers.find(signed).orElseThrow();
    int end = (int) (loc.offset() + loc.length());
    if (end == signed.length) {
      end = (int) loc.offset() - 9; // WAV: the store is last; cut inside the data chunk instead
      assertThat(verifier.read(Arrays.copyOf(signed, end)).present()).isFalse();
      return;
    }
    ManifestReport r = verifier.read(Arrays.copyOf(signed, end));
    assertThat(r.state()).isEqualTo(ManifestReport.INVALID);
    assertThat(r.failureCodes()).containsExactly("assertion.dataHash.mismatch");
  }
}
