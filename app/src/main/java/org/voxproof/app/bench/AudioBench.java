package org.voxproof.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.Resampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxproof bench audio}: decode speed of every corpus format (x real time, one thread) and
 * resampler speed. Generates the speech corpus with {@code scripts/make-speech-corpus.sh} if
 * needed. Table on stderr; the last stdout line is {@code median decode speed Nx real time}.
 */
@Command(
    name = "audio",
    mixinStandardHelpOptions = true,
    description = "Decode speed per format (x real time) and resampler speed.")
public final class AudioBench implements Callable<Integer> {
  private static final List<String> VARIANTS =
      List.of(
          "wav-s16.wav",
          "wav-s24.wav",
          "wav-f32.wav",
          "wav-alaw.wav",
          "wav-ext.wav",
          "aiff.aiff",
          "flac.flac",
          "mp3.mp3",
          "vorbis.ogg",
          "opus.opus",
          "aac.aac",
          "m4a.m4a");
  private static final List<String> CLIPS = List.of("en-us-male", "en-gb-female", "cmn-male");

  @Spec CommandSpec spec;

  @Option(
      names = "--seconds",
      defaultValue = "1.5",
      description = "Seconds of decoding per format.")
  double seconds;

  @Option(
      names = "--corpus",
      description = "Corpus directory (default: <repo>/target/speech-corpus).")
  Path corpus;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Path dir = corpus != null ? corpus : ensureCorpus(err);
    AudioDecoder decoder = AudioDecoder.create();
    err.printf("%-16s %-10s %10s %14s%n", "format", "codec", "audio s", "x real time");
    List<Double> speeds = new ArrayList<>();
    for (String v : VARIANTS) {
      List<byte[]> files = new ArrayList<>();
      for (String c : CLIPS) {
        files.add(Files.readAllBytes(dir.resolve(c + "/" + c + "." + v)));
      }
      double[] r = measure(decoder, files);
      speeds.add(r[1]);
      String codec = decoder.decode(files.get(0)).info().codec();
      err.printf("%-16s %-10s %10.1f %13.0fx%n", v.substring(0, v.indexOf('.')), codec, r[0], r[1]);
    }
    resamplerRows(decoder, dir, err);
    err.flush();
    double[] s = speeds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = (s[(s.length - 1) / 2] + s[s.length / 2]) / 2;
    spec.commandLine().getOut().printf("median decode speed %.0fx real time%n", median);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** {audio seconds per pass, x real time}: warm up, then decode for {@link #seconds}. */
  private double[] measure(AudioDecoder decoder, List<byte[]> files) throws AudioFormatException {
    double audio = 0;
    long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9); // let the JIT settle first
    do {
      audio = 0;
      for (byte[] f : files) {
        audio += decoder.decode(f).info().durationSeconds();
      }
    } while (System.nanoTime() < warmEnd);
    long budget = (long) (seconds * 1e9);
    long start = System.nanoTime();
    long passes = 0;
    while (System.nanoTime() - start < budget) {
      for (byte[] f : files) {
        decoder.decode(f);
      }
      passes++;
    }
    double wall = (System.nanoTime() - start) / 1e9;
    return new double[] {audio, audio * passes / wall};
  }

  private void resamplerRows(AudioDecoder decoder, Path dir, PrintWriter err)
      throws IOException, AudioFormatException {
    float[] x44 = decoder.decode(dir.resolve("src/en-gb-female.wav")).channels()[0];
    float[] x22 = decoder.decode(dir.resolve("src/en-us-male.wav")).channels()[0];
    float[] x16 = decoder.decode(dir.resolve("src/cmn-male.wav")).channels()[0];
    err.printf("%-28s %14s%n", "resampler (one channel)", "x real time");
    resampleRow(err, x44, 44100, 16000);
    resampleRow(err, x22, 22050, 16000);
    resampleRow(err, Resampler.resample(x16, 16000, 48000), 48000, 16000);
    resampleRow(err, x16, 16000, 48000);
  }

  private void resampleRow(PrintWriter err, float[] x, int from, int to) {
    Resampler r = Resampler.of(from, to);
    for (int warm = 0; warm < 5; warm++) {
      r.process(x);
    }
    long budget = (long) (seconds * 1e9);
    long start = System.nanoTime();
    long passes = 0;
    while (System.nanoTime() - start < budget) {
      r.process(x);
      passes++;
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double speed = x.length / (double) from * passes / wall;
    err.printf("%-28s %13.0fx%n", from + " -> " + to + " Hz", speed);
  }

  /** {@code <repo>/target/speech-corpus}, generated by the repository's script if missing. */
  private static Path ensureCorpus(PrintWriter err) throws IOException, InterruptedException {
    Path root = repoRoot();
    Path dir = root.resolve("target/speech-corpus");
    if (Files.isRegularFile(dir.resolve(".complete"))) {
      return dir;
    }
    err.println("generating the speech corpus (scripts/make-speech-corpus.sh)...");
    err.flush();
    Path script = root.resolve("scripts/make-speech-corpus.sh");
    Process p =
        new ProcessBuilder("bash", script.toString(), dir.toString())
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(
          "make-speech-corpus.sh failed (needs espeak-ng, sox, ffmpeg, lame, flac, opusenc)");
    }
    return dir;
  }

  /** {@code -Dvoxproof.root}, else the nearest directory holding mvnw above the jar or cwd. */
  static Path repoRoot() throws IOException {
    String prop = System.getProperty("voxproof.root");
    if (prop != null) {
      return Path.of(prop);
    }
    List<Path> starts = new ArrayList<>(Arrays.asList(Path.of("").toAbsolutePath()));
    try {
      starts.add(
          0, Path.of(AudioBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (java.net.URISyntaxException | SecurityException e) {
      // working directory only
    }
    for (Path start : starts) {
      for (Path d = start; d != null; d = d.getParent()) {
        if (Files.isRegularFile(d.resolve("mvnw"))
            && Files.isRegularFile(d.resolve("scripts/make-speech-corpus.sh"))) {
          return d;
        }
      }
    }
    throw new IOException("cannot find the repository root; pass -Dvoxproof.root=DIR");
  }
}
