package org.voxproof.consent.checks.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A speaker encoder exported as WeSpeaker and 3D-Speaker do: input {@code [1, T, 80]} Kaldi fbank
 * of 16 kHz speech scaled to the 16-bit range, mean-normalised over the utterance; output the
 * embedding {@code [1, D]}. // SPEC: wespeaker/runtime (fbank: 80 bins, 25/10 ms, dither 0,
 * waveform × 2^15, CMN), 3D-Speaker speakerlab/bin/export_onnx.py.
 */
public final class OnnxSpeakerEncoder implements AutoCloseable {
  private final OnnxModel model;
  private final KaldiFbank fbank = new KaldiFbank(Pcm.RATE, 80);

  private OnnxSpeakerEncoder(OnnxModel model) {
    this.model = model;
  }

  public static OnnxSpeakerEncoder load(Path path) throws IOException {
    return new OnnxSpeakerEncoder(OnnxModel.load(path, 3));
  }

  /** {@code onnx:<sha256 prefix>}: the model name voice prints carry. */
  public String id() {
    return model.id();
  }

  /** The model's input for {@code x16k}: fbank × 80, mean-normalised. */
  public float[][] features(float[] x16k) {
    float[][] f = fbank.compute(x16k, 32768f);
    KaldiFbank.subtractMean(f);
    return f;
  }

  /** The embedding of 16 kHz speech. */
  public float[] embed(float[] x16k) throws IOException {
    float[][] f = features(x16k);
    if (f.length == 0) {
      throw new IOException("too short for the speaker encoder");
    }
    float[] flat = new float[f.length * 80];
    for (int t = 0; t < f.length; t++) {
      System.arraycopy(f[t], 0, flat, t * 80, 80);
    }
    return model.run(flat, new long[] {1, f.length, 80});
  }

  @Override
  public void close() {
    model.close();
  }
}
