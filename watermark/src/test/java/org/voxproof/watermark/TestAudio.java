package org.voxproof.watermark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.voxproof.dsp.Resampler;
import org.voxproof.testkit.SpeechCorpus;

/** Test audio: real speech (testkit's jfk.wav, 16 kHz mono), resampled as needed, and signals. */
public final class TestAudio {
  static final int SPEECH_RATE = 16000;
  private static float[] speech;

  private TestAudio() {}

  /** The first {@code seconds} of jfk.wav at {@code rate}. */
  public static synchronized float[] speech(int rate, double seconds) throws IOException {
    if (speech == null) {
      speech = readWav16(SpeechCorpus.jfk());
    }
    float[] x = Arrays.copyOf(speech, (int) Math.min(speech.length, seconds * SPEECH_RATE));
    return rate == SPEECH_RATE ? x : Resampler.resample(x, SPEECH_RATE, rate);
  }

  public static float[] whiteNoise(int n, double std, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (r.nextGaussian() * std);
    }
    return x;
  }

  static float[] chord(int n, int rate) {
    float[] x = new float[n];
    double[] f = {220, 277.2, 329.6, 440, 659.3};
    for (int i = 0; i < n; i++) {
      double env = 0.5 + 0.5 * Math.sin(2 * Math.PI * 0.7 * i / rate);
      for (double fr : f) {
        x[i] += (float) (0.08 * env * Math.sin(2 * Math.PI * fr * i / rate));
      }
    }
    return x;
  }

  static double snrDb(float[] x, float[] y) {
    double ex = 0;
    double ew = 0;
    for (int i = 0; i < x.length; i++) {
      ex += (double) x[i] * x[i];
      ew += (double) (y[i] - x[i]) * (y[i] - x[i]);
    }
    return 10 * Math.log10(ex / ew);
  }

  private static float[] readWav16(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int pos = 12;
    while (pos + 8 <= b.length) {
      String id = new String(b, pos, 4, StandardCharsets.US_ASCII);
      int len = bb.getInt(pos + 4);
      if (id.equals("data")) {
        int n = Math.min(len, b.length - pos - 8) / 2;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
          x[i] = bb.getShort(pos + 8 + 2 * i) / 32768f;
        }
        return x;
      }
      pos += 8 + len + (len & 1);
    }
    throw new IOException("no data chunk in " + file);
  }
}
