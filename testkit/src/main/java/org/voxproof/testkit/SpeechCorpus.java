package org.voxproof.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The reproducible speech corpus ({@code scripts/make-speech-corpus.sh}) and the real speech in
 * {@code ../shared/testdata/speech}. The corpus is generated once into {@code <repo>/target/
 * speech-corpus} (under a file lock, so parallel modules share one copy) and reused.
 *
 * <p>Layout: {@code src/<clip>.wav} is the reference PCM; {@code <clip>/<clip>.<variant>.<ext>} its
 * encodings, variants as in {@link #VARIANTS}.
 */
public final class SpeechCorpus {
  /** Clip names: English (US male, 22.05 kHz), English (GB female, 44.1 kHz stereo), Mandarin. */
  public static final List<String> CLIPS = List.of("en-us-male", "en-gb-female", "cmn-male");

  /** Encodings of each clip; the suffix after the dot is the file extension. */
  public static final List<String> VARIANTS =
      List.of(
          "wav-s16.wav",
          "wav-s24.wav",
          "wav-s32.wav",
          "wav-u8.wav",
          "wav-f32.wav",
          "wav-f64.wav",
          "wav-alaw.wav",
          "wav-mulaw.wav",
          "wav-ext.wav",
          "aiff.aiff",
          "aifc-sowt.aifc",
          "flac.flac",
          "mp3.mp3",
          "vorbis.ogg",
          "opus.opus",
          "aac.aac",
          "m4a.m4a");

  private static final String[] TOOLS = {"espeak-ng", "sox", "ffmpeg", "lame", "flac", "opusenc"};

  private SpeechCorpus() {}

  /** The real 11 s, 16 kHz mono speech recording {@code jfk.wav}; fails if shared/ lacks it. */
  public static Path jfk() {
    return Shared.speech("jfk.wav");
  }

  /** The corpus directory, generating it first if needed (skips or fails without the tools). */
  public static synchronized Path dir() {
    Path out = Shared.repoRoot().resolve("target/speech-corpus");
    if (!Files.isRegularFile(out.resolve(".complete"))) {
      Tools.require(TOOLS);
    }
    try {
      return ensure(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Generates the corpus into {@code out} with {@code scripts/make-speech-corpus.sh} unless it is
   * already complete, under a file lock so parallel processes share one copy. No JUnit: the
   * benchmarks call it too.
   */
  public static Path ensure(Path out) throws IOException {
    if (Files.isRegularFile(out.resolve(".complete"))) {
      return out;
    }
    Files.createDirectories(out.getParent());
    Path lock = out.resolveSibling(out.getFileName() + ".lock");
    try (FileChannel ch =
            FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l = ch.lock()) {
      if (!Files.isRegularFile(out.resolve(".complete"))) {
        generate(out);
      }
    }
    return out;
  }

  private static void generate(Path out) throws IOException {
    Path script = Shared.repoRoot().resolve("scripts/make-speech-corpus.sh");
    Process p =
        new ProcessBuilder("bash", script.toString(), out.toString())
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(
            "make-speech-corpus.sh failed (needs espeak-ng, sox, ffmpeg, lame, flac, opusenc)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while generating the speech corpus", e);
    }
  }

  /** The reference PCM of a clip. */
  public static Path source(String clip) {
    return dir().resolve("src/" + clip + ".wav");
  }

  /** One encoding of one clip, e.g. {@code clip("cmn-male", "mp3.mp3")}. */
  public static Path clip(String clip, String variant) {
    return dir().resolve(clip + "/" + clip + "." + variant);
  }

  /** Every encoded file of every clip. */
  public static List<Path> clips() {
    return CLIPS.stream().flatMap(c -> VARIANTS.stream().map(v -> clip(c, v))).toList();
  }

  /** Every clip's encoding in one variant, e.g. {@code clips("opus.opus")}. */
  public static List<Path> clips(String variant) {
    return CLIPS.stream().map(c -> clip(c, variant)).toList();
  }

  /** The reference clip files. */
  public static List<Path> sources() {
    return Stream.of(CLIPS.toArray(new String[0])).map(SpeechCorpus::source).toList();
  }
}
