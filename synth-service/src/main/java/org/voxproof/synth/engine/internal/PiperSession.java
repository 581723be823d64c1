package org.voxproof.synth.engine.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.voxproof.synth.engine.EngineException;
import org.voxproof.synth.engine.EngineTimeoutException;
import org.voxproof.synth.engine.PiperConfig;
import org.voxproof.synth.models.VerifiedModel;

/**
 * One loaded Piper model. // SPEC: Piper's runtime (rhasspy/piper src/python_run/piper/voice.py,
 * piper-phonemize phoneme_ids.cpp): ids = ^ _ (phoneme _)* $; inputs {@code input} int64 [1, N],
 * {@code input_lengths} int64 [1] = N, {@code scales} float32 [3] = (noise_scale, length_scale,
 * noise_w), {@code sid} int64 [1] only when num_speakers > 1; output float32 [1, 1, T] at the
 * config's sample rate.
 */
public final class PiperSession implements AutoCloseable {
  private static final ScheduledExecutorService CANCEL =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "voxproof-onnx-deadline");
            t.setDaemon(true);
            return t;
          });

  private final OrtEnvironment env;
  private final OrtSession session;
  private final PiperConfig config;
  private final String sha256;

  private PiperSession(OrtEnvironment env, OrtSession s, PiperConfig c, String sha256) {
    this.env = env;
    this.session = s;
    this.config = c;
    this.sha256 = sha256;
  }

  /** Loads the verified bytes and checks the model has Piper's inputs. */
  public static PiperSession open(
      OrtEnvironment env, VerifiedModel m, OrtSession.SessionOptions options)
      throws EngineException {
    OrtSession s;
    try {
      s = env.createSession(m.onnx(), options);
    } catch (OrtException e) {
      throw new EngineException(
          "model_format_refused", "ONNX Runtime cannot load the model: " + e.getMessage(), e);
    }
    Set<String> in = s.getInputNames();
    boolean multi = m.config().numSpeakers() > 1;
    if (!in.contains("input")
        || !in.contains("input_lengths")
        || !in.contains("scales")
        || in.contains("sid") != multi
        || in.size() != (multi ? 4 : 3)) {
      close(s);
      throw new EngineException(
          "model_config_invalid",
          "not a Piper model for this config: inputs " + new java.util.TreeSet<>(in));
    }
    return new PiperSession(env, s, m.config(), m.registration().sha256());
  }

  public PiperConfig config() {
    return config;
  }

  public String sha256() {
    return sha256;
  }

  /** Piper's id sequence for one sentence; phonemes missing from the map are skipped. */
  public long[] ids(List<Integer> phonemes) {
    List<Long> ids = new ArrayList<>();
    add(ids, config.ids(PiperConfig.BOS));
    add(ids, config.ids(PiperConfig.PAD));
    for (int p : phonemes) {
      long[] v = config.ids(p);
      if (v != null) {
        add(ids, v);
        add(ids, config.ids(PiperConfig.PAD));
      }
    }
    add(ids, config.ids(PiperConfig.EOS));
    return ids.stream().mapToLong(Long::longValue).toArray();
  }

  private static void add(List<Long> ids, long[] v) {
    for (long x : v) {
      ids.add(x);
    }
  }

  /** Runs the model on {@code ids}; cancels it at the deadline. */
  public float[] run(long[] ids, int speakerId, Duration timeout, int maxSamples)
      throws EngineException {
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try (OrtSession.RunOptions ro = new OrtSession.RunOptions()) {
      inputs.put(
          "input", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {1, ids.length}));
      inputs.put(
          "input_lengths",
          OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {ids.length}), new long[] {1}));
      float[] scales = {config.noiseScale(), config.lengthScale(), config.noiseW()};
      inputs.put("scales", OnnxTensor.createTensor(env, FloatBuffer.wrap(scales), new long[] {3}));
      if (config.numSpeakers() > 1) {
        inputs.put(
            "sid",
            OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {speakerId}), new long[] {1}));
      }
      ScheduledFuture<?> cancel =
          CANCEL.schedule(() -> terminate(ro), timeout.toMillis(), TimeUnit.MILLISECONDS);
      try (OrtSession.Result r = session.run(inputs, ro)) {
        return output(r.get(0), maxSamples);
      } catch (OrtException e) {
        if (cancel.isDone()) {
          throw new EngineTimeoutException("piper-onnx", timeout);
        }
        throw new EngineException("engine_failed", "ONNX Runtime run failed: " + e.getMessage(), e);
      } finally {
        cancel.cancel(false);
      }
    } catch (OrtException e) {
      throw new EngineException("engine_unavailable", "ONNX Runtime: " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  private static void terminate(OrtSession.RunOptions ro) {
    try {
      ro.setTerminate(true);
    } catch (OrtException e) {
      // the run finished and the options were closed
    }
  }

  private static float[] output(OnnxValue v, int maxSamples) throws EngineException {
    if (!(v instanceof OnnxTensor t)) {
      throw new EngineException("engine_output_invalid", "model output is not a tensor");
    }
    long[] shape = t.getInfo().getShape();
    long n = 1;
    for (int i = 0; i < shape.length; i++) {
      if (i < shape.length - 1 && shape[i] != 1) {
        throw new EngineException("engine_output_invalid", "model output shape is not [1, 1, T]");
      }
      n *= shape[i];
    }
    if (shape.length != 3 || n > maxSamples) {
      throw new EngineException("engine_output_invalid", "model output shape or length refused");
    }
    FloatBuffer fb = t.getFloatBuffer();
    float[] out = new float[fb.remaining()];
    fb.get(out);
    for (float x : out) {
      if (!Float.isFinite(x)) {
        throw new EngineException("engine_output_invalid", "model output has non-finite samples");
      }
    }
    return out;
  }

  @Override
  public void close() {
    close(session);
  }

  private static void close(OrtSession s) {
    try {
      s.close();
    } catch (OrtException e) {
      // closing releases native memory; nothing else to do
    }
  }
}
