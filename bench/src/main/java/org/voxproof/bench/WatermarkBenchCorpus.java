package org.voxproof.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.bench.attacks.Codec;
import org.voxproof.dsp.Resampler;
import org.voxproof.testkit.Shared;

/**
 * The bench's speech clips, 10 s each: the real recording {@code shared/testdata/speech/jfk.wav},
 * then espeak-ng sentences in several voices (deterministic), or the WAV files of a directory.
 */
final class WatermarkBenchCorpus {
  static final double SECONDS = 10;

  private static final String[] VOICES = {
    "en-us",
    "en+m3",
    "en+f3",
    "en-gb+m1",
    "en+f2",
    "en-us+m5",
    "en+f4",
    "en-gb",
    "en+m2",
    "de",
    "fr+f2"
  };
  private static final String[] TEXTS = {
    "The committee will meet again on Thursday to review the budget proposal and the new hiring plan.",
    "Please remember to bring your identification card, because the security desk will not let you in.",
    "Scientists have discovered a new species of frog in the rain forest that glows under ultraviolet light.",
    "Our train was delayed by forty minutes, so we missed the opening speech but arrived for the dinner.",
    "If you would like to speak to a representative, please stay on the line and your call will be answered.",
    "The old lighthouse on the northern cliff has been restored and will open to visitors next month.",
    "Mix the flour with two eggs and a cup of milk, then let the batter rest for half an hour.",
    "Heavy rain is expected across the region tonight, with strong winds along the coast and some flooding.",
    "He opened the letter slowly, read it twice, and then sat in silence for a long time without a word.",
    "Die Sitzung beginnt morgen um neun Uhr, bitte bringen Sie die Unterlagen zur Besprechung mit.",
    "Le train de huit heures est annulé, les voyageurs sont priés de se rendre au quai numéro trois."
  };

  private WatermarkBenchCorpus() {}

  /** {@code n} mono clips of 10 s at {@code rate}. */
  static List<float[]> clips(int n, int rate, Path dir) throws IOException, InterruptedException {
    List<float[]> sources = dir != null ? fromDir(dir) : builtIn(n);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n && !sources.isEmpty(); i++) {
      float[] src = sources.get(i % sources.size());
      out.add(tenSeconds(Resampler.resample(src, 16000, rate), rate));
    }
    return out;
  }

  /** Sources at 16 kHz. */
  private static List<float[]> builtIn(int n) throws IOException, InterruptedException {
    List<float[]> out = new ArrayList<>();
    Path jfk = jfk();
    if (jfk != null) {
      out.add(decode16(jfk));
    }
    for (int i = 0; out.size() < n && i < VOICES.length; i++) {
      String text = TEXTS[i % TEXTS.length] + " " + TEXTS[(i + 1) % TEXTS.length];
      out.add(espeak(VOICES[i], text));
    }
    return out;
  }

  private static List<float[]> fromDir(Path dir) throws IOException {
    List<float[]> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".wav")).sorted().toList()) {
        out.add(decode16(p));
      }
    }
    return out;
  }

  private static float[] espeak(String voice, String text)
      throws IOException, InterruptedException {
    Path wav = Files.createTempFile("voxproof-bench", ".wav");
    try {
      Codec.run(List.of("espeak-ng", "-v", voice, "-s", "150", "-w", wav.toString(), text));
      return decode16(wav);
    } finally {
      Files.deleteIfExists(wav);
    }
  }

  private static float[] decode16(Path file) throws IOException {
    return decodeMono(file, 16000);
  }

  /** Any audio file as mono PCM at {@code rate}. */
  static float[] decodeMono(Path file, int rate) throws IOException {
    try {
      DecodedAudio a = AudioDecoder.create().decode(file);
      return Resampler.resample(a.mono(), a.sampleRate(), rate);
    } catch (AudioFormatException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Loops (with a short gap) or cuts to exactly 10 s. */
  private static float[] tenSeconds(float[] x, int rate) {
    int n = (int) (SECONDS * rate);
    float[] out = new float[n];
    int gap = rate / 4;
    for (int pos = 0; pos < n && x.length > 0; pos += x.length + gap) {
      System.arraycopy(x, 0, out, pos, Math.min(x.length, n - pos));
    }
    return out;
  }

  /** {@code <repo>/../shared/testdata/speech/jfk.wav}, or null where shared/ lacks it. */
  static Path jfk() {
    try {
      return Shared.speech("jfk.wav");
    } catch (IllegalStateException e) {
      return null;
    }
  }
}
