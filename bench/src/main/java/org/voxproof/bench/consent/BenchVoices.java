package org.voxproof.bench.consent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.consent.checks.internal.Pcm;
import org.voxproof.testkit.Shared;

/**
 * Every voice the speaker bench can make or find on this machine: espeak-ng voices and variants,
 * flite's voices, and recorded human speech — ../shared/testdata/speech/jfk.wav, Debian
 * pocketsphinx-testdata (a LibriVox reader, the "cards" speaker, three single utterances) and
 * asterisk-core-sounds-en-wav (Allison Smith's prompts). Each voice is a list of 16 kHz utterances.
 */
final class BenchVoices {
  /** One speaker's utterances; {@code kind} is espeak, flite or human. */
  record Voice(String name, String kind, List<float[]> utterances) {}

  static final List<String> TEXTS =
      List.of(
          "The quick brown fox jumps over the lazy dog while the farmer watches from the gate.",
          "Every morning I walk to the station and buy a newspaper and a cup of coffee.",
          "Please call me back tomorrow afternoon, I would like to talk about the garden.",
          "I agree that the bank may use a synthetic copy of my voice for customer service.",
          "Our meeting has moved to Thursday at four, so bring the blue folder and the keys.");

  static final List<String> ESPEAK =
      List.of(
          "en-us+m1",
          "en-us+m3",
          "en-us+m7",
          "en-us+f1",
          "en-us+f3",
          "en-gb+m2",
          "en-gb+m4",
          "en-gb+f2",
          "en-gb+f4",
          "en-gb-scotland+m5",
          "en-gb-x-rp+m6",
          "en-029+f5",
          "en-us-nyc+m2",
          "en-gb-x-gbclan+f1",
          "en-gb-x-gbcwmd+m3",
          "en-us+klatt");

  static final List<String> FLITE = List.of("kal", "awb", "rms", "slt");

  private static final AudioDecoder DECODER = AudioDecoder.create();

  private BenchVoices() {}

  static List<Voice> all(java.io.PrintWriter err) throws IOException {
    List<Voice> out = new ArrayList<>();
    if (onPath("espeak-ng")) {
      for (String v : ESPEAK) {
        List<float[]> u = new ArrayList<>();
        for (String t : TEXTS) {
          u.add(tool(List.of("espeak-ng", "-v", v, "-w", "OUT", t)));
        }
        out.add(new Voice("espeak " + v, "espeak", u));
      }
    } else {
      err.println("espeak-ng not on the PATH: no espeak voices");
    }
    if (onPath("flite")) {
      for (String v : FLITE) {
        List<float[]> u = new ArrayList<>();
        for (String t : TEXTS) {
          u.add(tool(List.of("flite", "-voice", v, "-t", t, "-o", "OUT")));
        }
        out.add(new Voice("flite " + v, "flite", u));
      }
    } else {
      err.println("flite not on the PATH: no flite voices (apt-get install flite)");
    }
    out.addAll(humans(err));
    return out;
  }

  private static List<Voice> humans(java.io.PrintWriter err) throws IOException {
    List<Voice> out = new ArrayList<>();
    Path jfk = Shared.dir().resolve("testdata/speech/jfk.wav");
    if (Files.isRegularFile(jfk)) {
      out.add(new Voice("human jfk (shared/testdata)", "human", split(file(jfk), 3)));
    }
    Path ps = Path.of("/usr/share/pocketsphinx/test/data");
    if (Files.isDirectory(ps.resolve("librivox"))) {
      out.add(
          new Voice(
              "human LibriVox reader (pocketsphinx-testdata)",
              "human",
              dir(ps.resolve("librivox"))));
      out.add(
          new Voice(
              "human cards speaker (pocketsphinx-testdata)",
              "human",
              List.of(concat(dir(ps.resolve("cards"))))));
      for (String raw : List.of("goforward.raw", "numbers.raw", "something.raw")) {
        out.add(
            new Voice(
                "human " + raw + " (pocketsphinx-testdata)",
                "human",
                List.of(raw(ps.resolve(raw)))));
      }
    } else {
      err.println("pocketsphinx-testdata not installed: fewer human voices");
    }
    Path allison = Path.of("/usr/share/asterisk/sounds/en_US_f_Allison");
    if (Files.isDirectory(allison)) {
      out.add(new Voice("human Allison (asterisk-core-sounds-en-wav)", "human", allison(allison)));
    } else {
      err.println("asterisk-core-sounds-en-wav not installed: no Allison prompts");
    }
    return out;
  }

  /** Allison's prompts in name order, joined into five utterances of about 6 s. */
  private static List<float[]> allison(Path d) throws IOException {
    List<float[]> out = new ArrayList<>();
    List<float[]> cur = new ArrayList<>();
    int len = 0;
    for (Path p : list(d)) {
      float[] x = file(p);
      if (x.length < Pcm.RATE) {
        continue;
      }
      cur.add(x);
      len += x.length;
      if (len >= 6 * Pcm.RATE) {
        out.add(concat(cur));
        cur.clear();
        len = 0;
        if (out.size() == 5) {
          break;
        }
      }
    }
    return out;
  }

  private static List<float[]> dir(Path d) throws IOException {
    List<float[]> out = new ArrayList<>();
    for (Path p : list(d)) {
      out.add(file(p));
    }
    return out;
  }

  private static List<Path> list(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
    }
  }

  static float[] concat(List<float[]> parts) {
    int gap = Pcm.RATE / 5;
    int n = parts.stream().mapToInt(p -> p.length + gap).sum();
    float[] out = new float[n];
    int at = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length + gap;
    }
    return out;
  }

  private static List<float[]> split(float[] x, int n) {
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(java.util.Arrays.copyOfRange(x, i * x.length / n, (i + 1) * x.length / n));
    }
    return out;
  }

  static float[] file(Path p) throws IOException {
    try {
      return Pcm.of(DECODER.decode(p)).mono16k();
    } catch (AudioFormatException e) {
      throw new IOException(p + ": " + e.getMessage(), e);
    }
  }

  /** Headerless 16 kHz 16-bit little-endian mono (pocketsphinx's .raw files). */
  private static float[] raw(Path p) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
    float[] x = new float[b.remaining() / 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = b.getShort() / 32768f;
    }
    return x;
  }

  /** Runs a tool that writes a WAV to OUT; the decoded 16 kHz mono. */
  static float[] tool(List<String> cmd) throws IOException {
    Path out = Files.createTempFile("voxproof-bench-voice", ".wav");
    try {
      List<String> c = cmd.stream().map(s -> s.equals("OUT") ? out.toString() : s).toList();
      Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", c) + " failed");
      }
      return file(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d.isEmpty() ? "." : d, tool))) {
        return true;
      }
    }
    return false;
  }
}
