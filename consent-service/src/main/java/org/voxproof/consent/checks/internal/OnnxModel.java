package org.voxproof.consent.checks.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * One ONNX model with a single float input and a float output, loaded from a path the operator
 * configured. The file must be ONNX protobuf (a pickle or zip named {@code .onnx} is refused before
 * ONNX Runtime sees it); one intra-op thread, so checks stay modest on a shared machine.
 * Thread-safe (ONNX Runtime sessions are).
 */
public final class OnnxModel implements AutoCloseable {
  private final OrtEnvironment env;
  private final OrtSession session;
  private final String input;
  private final String id;

  private OnnxModel(OrtEnvironment env, OrtSession session, String input, String id) {
    this.env = env;
    this.session = session;
    this.input = input;
    this.id = id;
  }

  /** Loads {@code path}; {@code rank} is the input's expected number of dimensions. */
  public static OnnxModel load(Path path, int rank) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    refuseNonOnnx(bytes, path);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
      o.setIntraOpNumThreads(1);
      o.setInterOpNumThreads(1);
      OrtSession s = env.createSession(bytes, o);
      if (s.getInputInfo().size() != 1) {
        s.close();
        throw new IOException(path + ": expected one input, found " + s.getInputNames());
      }
      Map.Entry<String, NodeInfo> in = s.getInputInfo().entrySet().iterator().next();
      if (!(in.getValue().getInfo() instanceof TensorInfo t) || t.getShape().length != rank) {
        s.close();
        throw new IOException(
            path + ": input " + in.getKey() + " is not a rank-" + rank + " tensor");
      }
      return new OnnxModel(env, s, in.getKey(), "onnx:" + sha256(bytes).substring(0, 16));
    } catch (OrtException e) {
      throw new IOException(path + ": ONNX Runtime cannot load it: " + e.getMessage(), e);
    }
  }

  /** {@code onnx:} and the first 16 hex digits of the file's SHA-256. */
  public String id() {
    return id;
  }

  /** Runs the model on {@code data} of {@code shape}; the first output, flattened. */
  public float[] run(float[] data, long[] shape) throws IOException {
    return runShaped(data, shape).data();
  }

  /** The first output and its shape. */
  public record Output(float[] data, long[] shape) {}

  /** Runs the model; the first output with its shape. */
  public Output runShaped(float[] data, long[] shape) throws IOException {
    try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
        OrtSession.Result r = session.run(Map.of(input, t))) {
      OnnxValue v = r.get(0);
      if (!(v instanceof OnnxTensor out)
          || out.getInfo().type != ai.onnxruntime.OnnxJavaType.FLOAT) {
        throw new IOException("model output is not a float tensor");
      }
      FloatBuffer fb = out.getFloatBuffer();
      float[] a = new float[fb.remaining()];
      fb.get(a);
      return new Output(a, out.getInfo().getShape());
    } catch (OrtException e) {
      throw new IOException("ONNX Runtime run failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      // nothing left to release
    }
  }

  private static void refuseNonOnnx(byte[] b, Path path) throws IOException {
    boolean pickle = b.length > 1 && (b[0] & 0xFF) == 0x80 && b[1] >= 0 && b[1] <= 5;
    boolean zip = b.length > 1 && b[0] == 'P' && b[1] == 'K';
    boolean protobuf = b.length > 0 && b[0] == 0x08;
    if (pickle || zip || !protobuf) {
      throw new IOException(path + ": not an ONNX model (pickle, zip or unknown format refused)");
    }
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
