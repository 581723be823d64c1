package org.voxproof.bench.attacks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A lossy round trip through ffmpeg: encode with the given arguments, decode to float PCM at {@code
 * outRate} (0: the input rate). Temporary files are removed.
 */
public final class Codec implements Attack {
  private final String name;
  private final String ext;
  private final List<String> encodeArgs;
  private final int outRate;

  public Codec(String name, String ext, int outRate, String... encodeArgs) {
    this.name = name;
    this.ext = ext;
    this.outRate = outRate;
    this.encodeArgs = List.of(encodeArgs);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Audio apply(Audio in, Random rng) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("voxproof-attack");
    try {
      Path wav = dir.resolve("in.wav");
      Path enc = dir.resolve("enc." + ext);
      Path raw = dir.resolve("out.f32");
      WavIo.write16(wav, in.pcm(), in.rate());
      List<String> cmd =
          new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-i", wav.toString()));
      cmd.addAll(encodeArgs);
      cmd.add(enc.toString());
      run(cmd);
      int rate = outRate == 0 ? in.rate() : outRate;
      run(
          List.of(
              "ffmpeg",
              "-v",
              "error",
              "-y",
              "-i",
              enc.toString(),
              "-ac",
              "1",
              "-ar",
              Integer.toString(rate),
              "-f",
              "f32le",
              raw.toString()));
      return new Audio(WavIo.readF32(raw), rate);
    } finally {
      WavIo.deleteDir(dir);
    }
  }

  public static void run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] log = p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IOException(
          cmd.get(0) + " failed: " + new String(log, java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
