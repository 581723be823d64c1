package org.voxproof.synth.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.synth.TestFiles;

class ModelRegistryTest {
  static final byte[] COMMITMENT = new byte[32];
  static final ConsentRef CONSENT = new ConsentRef("consent-1", COMMITMENT);

  @TempDir Path tmp;

  private Path src(String name) throws Exception {
    Path d = Files.createDirectories(tmp.resolve("src"));
    return TestFiles.copy(name, d);
  }

  private RegisteredModel registerTiny(ModelRegistry r, String voiceId) throws Exception {
    Path onnx = src("tiny-piper.onnx");
    Path json = src("tiny-piper.onnx.json");
    return r.registerPiper(
        voiceId, CONSENT, onnx, json, TestFiles.sha256(Files.readAllBytes(onnx)));
  }

  @Test
  void register_pinnedOnnx_loadsVerifiedBytes() throws Exception {
    ModelRegistry r = ModelRegistry.open(tmp.resolve("reg"));
    RegisteredModel m = registerTiny(r, "voice-1");
    assertThat(r.forVoice("voice-1")).contains(m);
    VerifiedModel vm = r.load("voice-1");
    assertThat(vm.onnx()).isEqualTo(TestFiles.model("tiny-piper.onnx"));
    assertThat(vm.config().sampleRate()).isEqualTo(22_050);
    assertThat(m.modelId()).isEqualTo("piper-" + m.sha256().substring(0, 16));
  }

  @Test
  void register_hashDiffersFromPin_refused() throws Exception {
    ModelRegistry r = ModelRegistry.open(tmp.resolve("reg"));
    Path onnx = src("tiny-piper.onnx");
    assertThatThrownBy(
            () -> r.registerPiper("v", CONSENT, onnx, src("tiny-piper.onnx.json"), "00".repeat(32)))
        .isInstanceOf(ModelRejectedException.class)
        .hasMessageStartingWith("model SHA-256 ")
        .extracting(e -> ((ModelRejectedException) e).reason())
        .isEqualTo("model_hash_mismatch");
    assertThat(r.all()).isEmpty();
  }

  @Test
  void register_realPickleRenamedOnnxWithItsOwnHash_refused() throws Exception {
    ModelRegistry r = ModelRegistry.open(tmp.resolve("reg"));
    Path pickle = src("pickle-protocol4.onnx");
    String pin = TestFiles.sha256(Files.readAllBytes(pickle));
    assertThatThrownBy(
            () -> r.registerPiper("v", CONSENT, pickle, src("tiny-piper.onnx.json"), pin))
        .isInstanceOf(ModelRejectedException.class)
        .hasMessage("pickle (protocol 4): executable model formats are never loaded in-process");
    assertThat(r.all()).isEmpty();
  }

  @Test
  void register_badConfig_refused() throws Exception {
    ModelRegistry r = ModelRegistry.open(tmp.resolve("reg"));
    Path onnx = src("tiny-piper.onnx");
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"audio\":{\"sample_rate\":22050},\"espeak\":{\"voice\":\"en-us\"}}");
    assertThatThrownBy(
            () ->
                r.registerPiper(
                    "v", CONSENT, onnx, bad, TestFiles.sha256(Files.readAllBytes(onnx))))
        .isInstanceOf(ModelRejectedException.class)
        .hasMessage("Piper config: phoneme_id_map is missing or empty");
  }

  @Test
  void load_fileSwappedOnDisk_refused() throws Exception {
    Path dir = tmp.resolve("reg");
    ModelRegistry r = ModelRegistry.open(dir);
    RegisteredModel m = registerTiny(r, "voice-1");
    Path stored;
    try (Stream<Path> s = Files.walk(dir)) {
      stored = s.filter(p -> p.toString().endsWith(m.sha256() + ".onnx")).findFirst().orElseThrow();
    }
    Files.write(stored, TestFiles.model("tiny-piper-2spk.onnx"));
    assertThatThrownBy(() -> r.load("voice-1"))
        .isInstanceOf(ModelRejectedException.class)
        .extracting(e -> ((ModelRejectedException) e).reason())
        .isEqualTo("model_hash_mismatch");
  }

  @Test
  void open_privatePermissionsAndIndexSurvivesReopen() throws Exception {
    Path dir = tmp.resolve("reg");
    RegisteredModel m = registerTiny(ModelRegistry.open(dir), "voice-1");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
            .as(p.toString())
            .isEqualTo("rw-------");
      }
    }
    assertThat(ModelRegistry.open(dir).forVoice("voice-1")).contains(m);
  }

  @Test
  void register_voiceIdWithPathTricks_staysInsideRegistry() throws Exception {
    Path dir = tmp.resolve("reg");
    registerTiny(ModelRegistry.open(dir), "../../escape");
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrder("reg", "src");
    }
  }

  @Test
  void erase_byVoice_removesFilesAndTellsListeners() throws Exception {
    Path dir = tmp.resolve("reg");
    ModelRegistry r = ModelRegistry.open(dir);
    registerTiny(r, "voice-1");
    RegisteredModel other = registerTiny(r, "voice-2");
    List<RegisteredModel> told = new ArrayList<>();
    r.addErasureListener(told::add);
    List<RegisteredModel> removed = r.erase(ErasureEvent.ofVoice("erasure-1", "voice-1"));
    assertThat(removed).extracting(RegisteredModel::voiceId).containsExactly("voice-1");
    assertThat(told).isEqualTo(removed);
    assertThat(r.forVoice("voice-1")).isEmpty();
    assertThat(ModelRegistry.open(dir).all()).containsExactly(other);
    try (Stream<Path> s = Files.walk(dir)) {
      assertThat(s.filter(p -> p.toString().endsWith(".onnx")).count()).isEqualTo(1);
    }
    assertThatThrownBy(() -> r.load("voice-1"))
        .isInstanceOf(ModelRejectedException.class)
        .extracting(e -> ((ModelRejectedException) e).reason())
        .isEqualTo("model_not_found");
  }

  @Test
  void erase_fromLedgerErasureRecord_matchesByCommitment() throws Exception {
    ModelRegistry r = ModelRegistry.open(tmp.resolve("reg"));
    registerTiny(r, "voice-1");
    LedgerRecord rec = LedgerRecord.erasure("erasure-9", COMMITMENT, Instant.EPOCH);
    assertThat(r.erase(ErasureEvent.fromLedger(rec))).hasSize(1);
    assertThat(r.all()).isEmpty();
  }

  @Test
  void erase_unrelated_removesNothing() throws Exception {
    ModelRegistry r = ModelRegistry.open(tmp.resolve("reg"));
    registerTiny(r, "voice-1");
    assertThat(r.erase(ErasureEvent.ofVoice("e", "voice-9"))).isEmpty();
    assertThat(r.all()).hasSize(1);
  }
}
