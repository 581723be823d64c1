package org.voxproof.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signing and reading files on disk, streamed. */
class ManifestFileTest {
  @TempDir static Path keys;
  @TempDir Path dir;
  static KeyRing ring;
  static ManifestSigner signer;
  static ManifestVerifier verifier;

  @BeforeAll
  static void open() throws Exception {
    ring = TestFixtures.newKeyRing(keys);
    signer = ManifestSigner.builder().keyRing(ring).build();
    verifier = ManifestVerifier.builder().trustAnchor(ring.rootCertificate()).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "mp3", "flac"})
  void signPath_sameBytesAsInMemoryAndReadFromDiskAsFromBytes(String ext) throws Exception {
    Path in = Files.write(dir.resolve("in." + ext), TestFixtures.tone(ext));
    Path out = dir.resolve("out." + ext);
    SignedFile s = signer.sign(in, out, TestFixtures.content());
    byte[] bytes = TestFixtures.signed(ring, ext);
    assertThat(Files.readAllBytes(out)).isEqualTo(bytes);
    assertThat(s.file()).isEqualTo(out);
    assertThat(s.manifestStoreSha256())
        .isEqualTo(
            signer
                .signWithDetails(TestFixtures.tone(ext), TestFixtures.content())
                .manifestStoreSha256());
    assertThat(verifier.read(out)).isEqualTo(verifier.read(bytes));
    assertThat(verifier.verify(out).isTrusted()).isTrue();
  }

  @Test
  void signPath_inPlace_replacesTheFileAndKeepsItsMode() throws Exception {
    Path f = Files.write(dir.resolve("f.wav"), TestFixtures.toneWav());
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
    signer.sign(f, f, TestFixtures.content());
    assertThat(Files.readAllBytes(f)).isEqualTo(TestFixtures.signedWav(ring));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-r-----");
    assertThat(listing()).containsExactly("f.wav");
  }

  @Test
  void signPath_newFile_mode0644() throws Exception {
    Path in = Files.write(dir.resolve("in.mp3"), TestFixtures.toneMp3());
    signer.sign(in, dir.resolve("new.mp3"), TestFixtures.content());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new.mp3"))))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void signPath_notAudio_failsAndLeavesNothingBehind() throws Exception {
    Path in = Files.writeString(dir.resolve("in.wav"), "%PDF-1.7 not audio");
    Path out = dir.resolve("out.wav");
    assertThatThrownBy(() -> signer.sign(in, out, TestFixtures.content()))
        .isInstanceOf(ProvenanceException.class)
        .hasMessage("cannot embed a manifest: not a WAV, MP3 or FLAC file");
    assertThat(listing()).containsExactly("in.wav");
  }

  @Test
  void signPath_inputCutInsideAChunk_refused() throws Exception {
    byte[] wav = TestFixtures.toneWav();
    Path in = Files.write(dir.resolve("in.wav"), java.util.Arrays.copyOf(wav, wav.length - 3));
    assertThatThrownBy(() -> signer.sign(in, dir.resolve("out.wav"), TestFixtures.content()))
        .isInstanceOf(ProvenanceException.class)
        .hasMessage("cannot embed a manifest: RIFF chunk larger than the file");
  }

  @Test
  void readPath_unsignedAndNotAudio_noManifest() throws Exception {
    assertThat(verifier.read(Files.write(dir.resolve("a.flac"), TestFixtures.toneFlac())).present())
        .isFalse();
    assertThat(verifier.read(Files.writeString(dir.resolve("b.wav"), "hello")).present()).isFalse();
    assertThatThrownBy(() -> verifier.read(dir.resolve("missing.wav")))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }

  private java.util.List<String> listing() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
