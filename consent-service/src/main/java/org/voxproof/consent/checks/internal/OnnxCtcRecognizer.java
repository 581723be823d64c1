package org.voxproof.consent.checks.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CTC speech recognizer exported to ONNX (input {@code [1, T, 80]} Kaldi fbank, mean-normalised;
 * output {@code [1, T', V]} log-probabilities or logits) with a sherpa-onnx style token table
 * ({@code <token> <id>} per line, id 0 the blank, {@code ▁} a word boundary). Greedy decoding: best
 * token per frame, repeats merged, blanks dropped.
 */
public final class OnnxCtcRecognizer implements AutoCloseable {
  private final OnnxModel model;
  private final Map<Integer, String> tokens;
  private final KaldiFbank fbank = new KaldiFbank(Pcm.RATE, 80);

  private OnnxCtcRecognizer(OnnxModel model, Map<Integer, String> tokens) {
    this.model = model;
    this.tokens = tokens;
  }

  public static OnnxCtcRecognizer load(Path model, Path tokens) throws IOException {
    Map<Integer, String> t = new HashMap<>();
    for (String line : Files.readAllLines(tokens, StandardCharsets.UTF_8)) {
      String l = line.strip();
      int sp = l.lastIndexOf(' ');
      if (sp <= 0) {
        continue;
      }
      try {
        t.put(Integer.parseInt(l.substring(sp + 1)), l.substring(0, sp));
      } catch (NumberFormatException e) {
        throw new IOException(tokens + ": bad token line: " + l, e);
      }
    }
    if (t.isEmpty()) {
      throw new IOException(tokens + ": no tokens");
    }
    return new OnnxCtcRecognizer(OnnxModel.load(model, 3), Map.copyOf(t));
  }

  public String id() {
    return model.id();
  }

  /** The text recognized in 16 kHz speech. */
  public String recognize(float[] x16k) throws IOException {
    float[][] f = fbank.compute(x16k, 32768f);
    KaldiFbank.subtractMean(f);
    if (f.length == 0) {
      return "";
    }
    float[] flat = new float[f.length * 80];
    for (int t = 0; t < f.length; t++) {
      System.arraycopy(f[t], 0, flat, t * 80, 80);
    }
    OnnxModel.Output out = model.runShaped(flat, new long[] {1, f.length, 80});
    long[] s = out.shape();
    if (s.length != 3 || s[0] != 1 || s[2] < 2) {
      throw new IOException("recognizer output is not [1, T, V]");
    }
    return decode(out.data(), (int) s[1], (int) s[2]);
  }

  private String decode(float[] logits, int frames, int vocab) {
    List<String> out = new ArrayList<>();
    int prev = -1;
    for (int t = 0; t < frames; t++) {
      int best = 0;
      for (int v = 1; v < vocab; v++) {
        if (logits[t * vocab + v] > logits[t * vocab + best]) {
          best = v;
        }
      }
      if (best != prev && best != 0) {
        out.add(tokens.getOrDefault(best, ""));
      }
      prev = best;
    }
    return String.join("", out).replace('▁', ' ').strip();
  }

  @Override
  public void close() {
    model.close();
  }
}
