package org.voxproof.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.audio.WavWriter;
import org.voxproof.dsp.Resampler;
import org.voxproof.testkit.Tools;

/**
 * The fast attack subset that runs in CI (the full set is {@code voxproof bench watermark}):
 * AudioSeal-style pink noise, resampling through 8 kHz, MP3 at 32 kbit/s (lame), a 3 s crop from an
 * odd offset and speed ×1.25, at 16 and 48 kHz; sox's pitch ±2 semitones and tempo ±5 % at 16 kHz.
 */
class WatermarkAttacksIT {
  private static final Watermarker WM = Watermarker.builder().build();
  private static final WatermarkKey KEY = WatermarkerTest.key(11);
  private static final Payload PAYLOAD = Payload.ofHex("5eedf00d");

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(ints = {16000, 48000})
  void detect_afterFastAttackSubset_findsExactPayload(int rate) throws Exception {
    float[] y = WM.embed(TestAudio.speech(rate, 10), rate, PAYLOAD, KEY);

    assertFound(pinkNoise(y, 0.1), rate);
    assertFound(viaRate(y, rate, 8000), rate);
    assertFound(Arrays.copyOfRange(y, rate * 3 + 777, rate * 6 + 777), rate);
    Detection fast = assertFound(Resampler.stretch(y, 1 / 1.25), rate);
    assertThat(fast.speedFactor()).isCloseTo(1.25, org.assertj.core.data.Offset.offset(0.01));
  }

  @ParameterizedTest
  @ValueSource(ints = {16000, 48000})
  void detect_afterMp3At32k_findsExactPayload(int rate) throws Exception {
    Tools.require("lame");
    float[] y = WM.embed(TestAudio.speech(rate, 10), rate, PAYLOAD, KEY);

    DecodedAudio decoded = mp3(y, rate);
    assertFound(decoded.mono(), decoded.sampleRate());
  }

  @ParameterizedTest
  @ValueSource(strings = {"pitch 200", "pitch -200", "tempo 1.05", "tempo 0.95"})
  void detect_afterSoxPitchShiftOrTempoChange_findsExactPayloadAndScales(String effect)
      throws Exception {
    Tools.require("sox");
    float[] y = WM.embed(TestAudio.speech(16000, 10), 16000, PAYLOAD, KEY);

    String[] e = effect.split(" ");
    Detection d = assertFound(sox(y, e[0], e[1]), 16000);

    double want = e[0].equals("pitch") ? Math.pow(2, Double.parseDouble(e[1]) / 1200) : 1;
    assertThat(d.pitchFactor()).isCloseTo(want, org.assertj.core.data.Offset.offset(0.01));
    double tempo = e[0].equals("tempo") ? Double.parseDouble(e[1]) : 1;
    assertThat(d.speedFactor()).isCloseTo(tempo, org.assertj.core.data.Offset.offset(0.01));
  }

  private float[] sox(float[] x, String effect, String value) throws Exception {
    Path wav = tmp.resolve("in.wav");
    Path out = tmp.resolve("out.wav");
    WavWriter.pcm16().write(new float[][] {x}, 16000, wav);
    run("sox", "-q", wav.toString(), out.toString(), effect, value);
    return AudioDecoder.create().decode(out).mono();
  }

  private static Detection assertFound(float[] attacked, int rate) throws WatermarkException {
    Detection d = WM.detect(attacked, rate, List.of(KEY));
    assertThat(d.payload()).contains(PAYLOAD);
    assertThat(d.pFalseAlarm()).isLessThan(1e-6);
    return d;
  }

  private DecodedAudio mp3(float[] x, int rate) throws Exception {
    Path wav = tmp.resolve("in.wav");
    Path mp3 = tmp.resolve("out.mp3");
    Path back = tmp.resolve("back.wav");
    WavWriter.pcm16().write(new float[][] {x}, rate, wav);
    run("lame", "--quiet", "-b", "32", wav.toString(), mp3.toString());
    run("lame", "--quiet", "--decode", mp3.toString(), back.toString());
    return AudioDecoder.create().decode(back);
  }

  private static void run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).as(String.join(" ", cmd)).isZero();
  }

  private static float[] viaRate(float[] x, int rate, int via) {
    float[] y = Resampler.resample(Resampler.resample(x, rate, via), via, rate);
    return Arrays.copyOf(y, x.length);
  }

  /** AudioSeal's pink noise: 16 random walks end to end, peak-normalised, times {@code scale}. */
  private static float[] pinkNoise(float[] x, double scale) {
    Random r = new Random(3);
    int cols = x.length / 16 + 1;
    double[] walk = new double[16 * cols];
    for (int row = 0; row < 16; row++) {
      double acc = 0;
      for (int c = 0; c < cols; c++) {
        acc += r.nextGaussian();
        walk[row * cols + c] = acc;
      }
    }
    double peak = 1e-12;
    for (int i = 0; i < x.length; i++) {
      peak = Math.max(peak, Math.abs(walk[i]));
    }
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = (float) (x[i] + walk[i] / peak * scale);
    }
    return y;
  }
}
