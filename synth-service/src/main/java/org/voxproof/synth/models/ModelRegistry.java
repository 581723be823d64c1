package org.voxproof.synth.models;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.voxproof.synth.engine.PiperConfig;

/**
 * The voice models synth-service may load, each pinned by SHA-256 and registered against the
 * consent it was made under. Files live in one private directory (0700, files 0600): {@code
 * index.json} and one folder per voice. Every {@link #load} re-reads, re-hashes and re-checks the
 * bytes, so a file swapped on disk is refused. {@link #erase} removes a voice's files and index
 * entry and tells listeners to drop cached copies. Thread-safe.
 */
public final class ModelRegistry {
  /** Largest ONNX file registered (1 GiB; Piper voices are 20–120 MB). */
  public static final long MAX_MODEL_BYTES = 1L << 30;

  /** Largest {@code model.onnx.json}. */
  public static final long MAX_CONFIG_BYTES = 1 << 20;

  private final Path dir;
  private final Clock clock;
  private final Map<String, RegisteredModel> byVoice = new LinkedHashMap<>();
  private final List<ErasureListener> listeners = new CopyOnWriteArrayList<>();

  private ModelRegistry(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /** Opens (creating if needed) the registry in {@code dir}. */
  public static ModelRegistry open(Path dir) throws IOException {
    return open(dir, Clock.systemUTC());
  }

  static ModelRegistry open(Path dir, Clock clock) throws IOException {
    PrivateFiles.createPrivateDirectory(dir);
    ModelRegistry r = new ModelRegistry(dir, clock);
    for (RegisteredModel m : RegistryIndex.read(dir.resolve(RegistryIndex.FILE))) {
      r.byVoice.put(m.voiceId(), m);
    }
    return r;
  }

  /** Adds a listener told about every model an erasure removes. */
  public void addErasureListener(ErasureListener l) {
    listeners.add(l);
  }

  /**
   * Registers (or replaces) the Piper/VITS model of {@code voiceId}: the ONNX file must hash to
   * {@code expectedSha256} and be ONNX, its config must parse. Both are copied into the registry.
   */
  public synchronized RegisteredModel registerPiper(
      String voiceId, ConsentRef consent, Path onnxFile, Path configFile, String expectedSha256)
      throws ModelRejectedException, IOException {
    byte[] onnx = PrivateFiles.readBounded(onnxFile, MAX_MODEL_BYTES, "model");
    String sha = sha256(onnx);
    requireHash(sha, expectedSha256.toLowerCase(Locale.ROOT));
    ModelFormats.requireOnnx(onnx);
    String config = readConfig(configFile);
    PiperConfig.parse(config);
    RegisteredModel m =
        new RegisteredModel(
            voiceId, consent.consentId(), consent.commitmentHex(), sha, clock.instant());
    RegisteredModel old = byVoice.get(voiceId);
    Path voiceDir = voiceDir(voiceId);
    PrivateFiles.createPrivateDirectory(voiceDir);
    PrivateFiles.writePrivate(voiceDir.resolve(sha + ".onnx"), onnx);
    PrivateFiles.writePrivate(
        voiceDir.resolve(sha + ".onnx.json"), config.getBytes(StandardCharsets.UTF_8));
    byVoice.put(voiceId, m);
    persist();
    if (old != null && !old.sha256().equals(sha)) {
      deleteFiles(old);
    }
    return m;
  }

  /** The registration of {@code voiceId}'s model, if any. */
  public synchronized Optional<RegisteredModel> forVoice(String voiceId) {
    return Optional.ofNullable(byVoice.get(voiceId));
  }

  /** All registrations. */
  public synchronized List<RegisteredModel> all() {
    return List.copyOf(byVoice.values());
  }

  /** Reads, hashes and checks the model of {@code voiceId} for loading. */
  public VerifiedModel load(String voiceId) throws ModelRejectedException, IOException {
    RegisteredModel m =
        forVoice(voiceId)
            .orElseThrow(
                () -> new ModelRejectedException("model_not_found", "no model for this voice"));
    Path voiceDir = voiceDir(voiceId);
    byte[] onnx =
        PrivateFiles.readBounded(voiceDir.resolve(m.sha256() + ".onnx"), MAX_MODEL_BYTES, "model");
    requireHash(sha256(onnx), m.sha256());
    ModelFormats.requireOnnx(onnx);
    PiperConfig config = PiperConfig.parse(readConfig(voiceDir.resolve(m.sha256() + ".onnx.json")));
    return new VerifiedModel(m, onnx, config);
  }

  /**
   * Removes every model of the erased voice (or consent), then tells the listeners.
   *
   * @return the registrations removed
   */
  public List<RegisteredModel> erase(ErasureEvent event) throws IOException {
    List<RegisteredModel> removed = new ArrayList<>();
    synchronized (this) {
      for (RegisteredModel m : List.copyOf(byVoice.values())) {
        if (event.matches(m)) {
          byVoice.remove(m.voiceId());
          removed.add(m);
        }
      }
      if (!removed.isEmpty()) {
        persist();
        for (RegisteredModel m : removed) {
          deleteFiles(m);
        }
      }
    }
    for (RegisteredModel m : removed) {
      for (ErasureListener l : listeners) {
        l.erased(m);
      }
    }
    return removed;
  }

  private void deleteFiles(RegisteredModel m) throws IOException {
    Path voiceDir = voiceDir(m.voiceId());
    Files.deleteIfExists(voiceDir.resolve(m.sha256() + ".onnx"));
    Files.deleteIfExists(voiceDir.resolve(m.sha256() + ".onnx.json"));
    if (!byVoice.containsKey(m.voiceId())) {
      PrivateFiles.deleteTree(voiceDir);
    }
  }

  private void persist() throws IOException {
    RegistryIndex.write(dir.resolve(RegistryIndex.FILE), List.copyOf(byVoice.values()));
  }

  /** A voice's folder: named by a hash of the id, so no id can point outside the registry. */
  private Path voiceDir(String voiceId) {
    return dir.resolve("v-" + sha256(voiceId.getBytes(StandardCharsets.UTF_8)).substring(0, 32));
  }

  private static String readConfig(Path p) throws IOException {
    return new String(
        PrivateFiles.readBounded(p, MAX_CONFIG_BYTES, "model config"), StandardCharsets.UTF_8);
  }

  private static void requireHash(String actual, String pinned) throws ModelRejectedException {
    if (!MessageDigest.isEqual(
        actual.getBytes(StandardCharsets.US_ASCII), pinned.getBytes(StandardCharsets.US_ASCII))) {
      throw new ModelRejectedException(
          "model_hash_mismatch", "model SHA-256 " + actual + " is not the pinned " + pinned);
    }
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
