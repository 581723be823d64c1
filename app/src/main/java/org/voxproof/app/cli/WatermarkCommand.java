package org.voxproof.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.audio.WavWriter;
import org.voxproof.watermark.Detection;
import org.voxproof.watermark.DetectionJson;
import org.voxproof.watermark.Payload;
import org.voxproof.watermark.WatermarkException;
import org.voxproof.watermark.WatermarkKey;
import org.voxproof.watermark.WatermarkKeyFile;
import org.voxproof.watermark.Watermarker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code voxproof watermark keygen|embed|detect|bench}. */
@Command(
    name = "watermark",
    mixinStandardHelpOptions = true,
    description = "Keyed spread-spectrum watermark: make keys, embed, detect, benchmark.",
    subcommands = {
      WatermarkCommand.Keygen.class,
      WatermarkCommand.Embed.class,
      WatermarkCommand.Detect.class,
    })
public final class WatermarkCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Reads a key file written by {@code keygen}. */
  static WatermarkKey readKey(Path file) throws IOException, WatermarkException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(WatermarkKeyFile.MAX_BYTES + 1);
    }
    try {
      return WatermarkKeyFile.parse(bytes);
    } catch (WatermarkException e) {
      throw new WatermarkException(file + ": " + e.getMessage());
    }
  }

  static DecodedAudio decode(Path file) throws IOException, WatermarkException {
    try {
      return AudioDecoder.create().decode(file);
    } catch (AudioFormatException e) {
      throw new WatermarkException(file + ": " + e.reason().code() + ": " + e.getMessage());
    }
  }

  /** Writes a new random key (mode 0600) and prints its id. */
  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description = "Write a new random key.")
  static final class Keygen implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "key file to create")
    Path out;

    @Override
    public Integer call() throws IOException {
      WatermarkKey key = WatermarkKey.generate(new SecureRandom());
      Files.deleteIfExists(out);
      Files.createFile(
          out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(out, WatermarkKeyFile.write(key));
      Json.print(System.out, Map.of("keyId", key.keyId(), "file", out.toString()));
      return 0;
    }
  }

  /** Marks any decodable file and writes 16-bit WAV at the source rate. */
  @Command(name = "embed", mixinStandardHelpOptions = true, description = "Embed a payload.")
  static final class Embed implements Callable<Integer> {
    @Option(names = "--key-file", required = true, description = "key file from keygen")
    Path keyFile;

    @Option(names = "--payload", required = true, description = "32-bit payload, 8 hex digits")
    String payload;

    @Parameters(index = "0", paramLabel = "IN", description = "any audio file")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT.wav", description = "marked WAV to write")
    Path out;

    @Override
    public Integer call() throws IOException, WatermarkException {
      WatermarkKey key = readKey(keyFile);
      DecodedAudio a = decode(in);
      float[][] y =
          Watermarker.builder()
              .build()
              .embed(a.channels(), a.sampleRate(), Payload.ofHex(payload), key);
      WavWriter.pcm16().write(y, a.sampleRate(), out);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("payload", Payload.ofHex(payload).hex());
      json.put("keyId", key.keyId());
      json.put("sampleRate", a.sampleRate());
      json.put("snrDb", Math.round(snrDb(a.channels(), y) * 100) / 100.0);
      Json.print(System.out, json);
      return 0;
    }
  }

  static double snrDb(float[][] x, float[][] y) {
    double ex = 0;
    double ew = 0;
    for (int c = 0; c < x.length; c++) {
      for (int i = 0; i < x[c].length; i++) {
        ex += (double) x[c][i] * x[c][i];
        ew += (double) (y[c][i] - x[c][i]) * (y[c][i] - x[c][i]);
      }
    }
    return ew == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(ex / ew);
  }

  /** Detects with one or more keys (current and retired) and prints one JSON line. */
  @Command(
      name = "detect",
      mixinStandardHelpOptions = true,
      description = "Detect a watermark; prints one JSON line.",
      exitCodeListHeading = "%nExit codes (like grep):%n",
      exitCodeList = {
        "0:a watermark of one of the keys was found",
        "1:no watermark found",
        "2:could not examine (missing or undecodable file, bad key file, bad option)"
      })
  static final class Detect implements Callable<Integer> {
    @Option(
        names = "--key-file",
        required = true,
        description = "key file; repeat for retired keys")
    List<Path> keyFiles;

    @Option(names = "--no-speed-search", description = "skip the 0.8-1.25 speed search")
    boolean noSpeedSearch;

    @Parameters(paramLabel = "FILE", description = "any audio file")
    Path file;

    @Override
    public Integer call() throws IOException, WatermarkException {
      List<WatermarkKey> keys = new ArrayList<>();
      for (Path k : keyFiles) {
        keys.add(readKey(k));
      }
      DecodedAudio a = decode(file);
      Watermarker.Builder b = Watermarker.builder();
      Watermarker wm = noSpeedSearch ? b.withoutSpeedSearch().build() : b.build();
      Detection d = wm.detect(a.channels(), a.sampleRate(), keys);
      Json.print(System.out, DetectionJson.toMap(d));
      return d.found() ? 0 : 1;
    }
  }
}
