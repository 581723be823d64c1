package org.voxproof.detector.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.detector.batch.BatchException.Reason;

class ZipBatchTest {
  static final BatchLimits SMALL = new BatchLimits(10, 1 << 20, 2 << 20, 100);

  @TempDir Path dir;

  @Test
  void unpack_twoFiles_storedUnderOwnNames() throws Exception {
    Path zip = zip(Map.of("a.wav", bytes("RIFF-a"), "sub/b.mp3", bytes("ID3-b")));
    List<BatchFile> files = ZipBatch.unpack(zip, out(), SMALL);
    assertThat(files).extracting(BatchFile::name).containsExactlyInAnyOrder("a.wav", "sub/b.mp3");
    assertThat(files)
        .extracting(f -> f.path().getFileName().toString())
        .containsExactly("00000.bin", "00001.bin");
    for (BatchFile f : files) {
      assertThat(Files.readAllBytes(f.path()))
          .isEqualTo(bytes(f.name().equals("a.wav") ? "RIFF-a" : "ID3-b"));
      assertThat(f.size()).isEqualTo(Files.size(f.path()));
    }
  }

  @Test
  void unpack_pathTraversal_refused() throws Exception {
    for (String name :
        List.of(
            "../evil.wav", "/etc/passwd", "a\\..\\b.wav", "C:x.wav", "a/./b", "bad\u0001name")) {
      Path out = Files.createTempDirectory(dir, "o");
      assertRefused(zip(Map.of(name, bytes("x"))), out, Reason.BAD_ENTRY_NAME);
    }
  }

  @Test
  void unpack_duplicateNames_refused() throws Exception {
    byte[] z = Files.readAllBytes(zip(Map.of("a.wav", bytes("1"), "b.wav", bytes("2"))));
    byte[] patched = replace(z, bytes("b.wav"), bytes("a.wav"));
    Path p = dir.resolve("dup.zip");
    Files.write(p, patched);
    assertRefused(p, out(), Reason.DUPLICATE_ENTRY);
  }

  @Test
  void unpack_nestedZip_refused() throws Exception {
    byte[] inner = Files.readAllBytes(zip(Map.of("x.wav", bytes("x"))));
    assertRefused(zip(Map.of("inner.wav", inner)), out(), Reason.NESTED_ARCHIVE);
  }

  @Test
  void unpack_gzipInside_refused() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (var g = new java.util.zip.GZIPOutputStream(b)) {
      g.write(bytes("hello"));
    }
    assertRefused(zip(Map.of("x.wav", b.toByteArray())), out(), Reason.NESTED_ARCHIVE);
  }

  @Test
  void unpack_zipBomb_stopsAtRatio() throws Exception {
    assertRefused(zip(Map.of("zeros.wav", new byte[2 << 20])), out(), Reason.COMPRESSION_RATIO);
  }

  @Test
  void unpack_bigFile_refused() throws Exception {
    assertRefused(zip(Map.of("big.wav", random(1_100_000))), out(), Reason.FILE_TOO_LARGE);
  }

  @Test
  void unpack_totalTooLarge_refusedAndNothingLeft() throws Exception {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      m.put("f" + i + ".wav", random(800_000));
    }
    Path out = out();
    assertRefused(zip(m), out, Reason.ARCHIVE_TOO_LARGE);
  }

  @Test
  void unpack_tooManyFiles_refused() throws Exception {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < 11; i++) {
      m.put("f" + i + ".wav", bytes("x" + i));
    }
    assertRefused(zip(m), out(), Reason.TOO_MANY_FILES);
  }

  @Test
  void unpack_notZip_damaged() throws Exception {
    Path p = dir.resolve("x.zip");
    Files.write(p, random(1000));
    assertRefused(p, out(), Reason.ARCHIVE_DAMAGED);
  }

  @Test
  void unpack_truncated_damaged() throws Exception {
    byte[] z = Files.readAllBytes(zip(Map.of("a.wav", random(5000))));
    Path p = dir.resolve("cut.zip");
    Files.write(p, Arrays.copyOf(z, z.length - 30));
    assertRefused(p, out(), Reason.ARCHIVE_DAMAGED);
  }

  @Test
  void unpack_empty_refused() throws Exception {
    assertRefused(zip(Map.of()), out(), Reason.EMPTY);
  }

  @Test
  void checkName_plainNames_pass() throws Exception {
    assertThat(ZipBatch.checkName("calls/2026-12-01 call 3.wav"))
        .isEqualTo("calls/2026-12-01 call 3.wav");
  }

  private void assertRefused(Path zip, Path out, Reason reason) {
    assertThatThrownBy(() -> ZipBatch.unpack(zip, out, SMALL))
        .isInstanceOfSatisfying(
            BatchException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    try (var s = Files.list(out)) {
      assertThat(s).as("nothing left behind").isEmpty();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path out() throws IOException {
    return Files.createTempDirectory(dir, "out");
  }

  private Path zip(Map<String, byte[]> entries) throws IOException {
    Path p = Files.createTempFile(dir, "b", ".zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
      for (var e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return p;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  static byte[] replace(byte[] data, byte[] from, byte[] to) {
    byte[] out = data.clone();
    for (int i = 0; i + from.length <= out.length; i++) {
      if (Arrays.equals(out, i, i + from.length, from, 0, from.length)) {
        System.arraycopy(to, 0, out, i, to.length);
      }
    }
    return out;
  }
}
