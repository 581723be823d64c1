package org.voxproof.synth.models;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.voxproof.synth.TestFiles;

class ModelFormatsTest {
  private static void refused(byte[] b, String message) {
    assertThatThrownBy(() -> ModelFormats.requireOnnx(b))
        .isInstanceOf(ModelRejectedException.class)
        .hasMessage(message)
        .extracting(e -> ((ModelRejectedException) e).reason())
        .isEqualTo("model_format_refused");
  }

  @Test
  void requireOnnx_tinyPiperModels_accepted() {
    assertThatCode(() -> ModelFormats.requireOnnx(TestFiles.model("tiny-piper.onnx")))
        .doesNotThrowAnyException();
    assertThatCode(() -> ModelFormats.requireOnnx(TestFiles.model("tiny-piper-2spk.onnx")))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4, 5})
  void requireOnnx_binaryPickleNamedOnnx_refused(int protocol) {
    refused(
        TestFiles.model("pickle-protocol" + protocol + ".onnx"),
        "pickle (protocol " + protocol + "): executable model formats are never loaded in-process");
  }

  @Test
  void requireOnnx_textPickleNamedOnnx_refused() {
    refused(
        TestFiles.model("pickle-protocol0.onnx"),
        "pickle (protocol 0/1): executable model formats are never loaded in-process");
  }

  @Test
  void requireOnnx_torchCheckpointNamedOnnx_refused() {
    refused(
        TestFiles.model("torch-checkpoint.onnx"),
        "PyTorch checkpoint (zip archive with data.pkl): executable model formats are never"
            + " loaded in-process");
  }

  @Test
  void requireOnnx_otherZip_refused() throws Exception {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bos)) {
      z.putNextEntry(new ZipEntry("weights.bin"));
      z.write(new byte[] {1, 2, 3});
    }
    refused(bos.toByteArray(), "zip archive: executable model formats are never loaded in-process");
  }

  @Test
  void requireOnnx_numpy_refused() {
    byte[] npy = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    refused(
        npy,
        "NumPy array file (may hold pickled objects): executable model formats are never loaded in-process");
  }

  @Test
  void requireOnnx_truncatedOnnx_refused() {
    byte[] onnx = TestFiles.model("tiny-piper.onnx");
    refused(
        Arrays.copyOf(onnx, onnx.length / 2),
        "not an ONNX model: field 7 overruns the file at byte 29");
  }

  @Test
  void requireOnnx_emptyOrText_refused() {
    refused(new byte[0], "not an ONNX model: missing ir_version");
    refused(
        "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        "not an ONNX model: unknown ModelProto field 13 at byte 0");
  }
}
