package org.voxproof.bench.attacks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A sox effect chain (for example {@code pitch 200} or {@code tempo 1.05}) on 16-bit WAV, read back
 * as float at the same rate. Temporary files are removed.
 */
public record SoxEffect(String name, List<String> effect) implements Attack {
  public SoxEffect {
    effect = List.copyOf(effect);
  }

  public SoxEffect(String name, String... effect) {
    this(name, List.of(effect));
  }

  @Override
  public Audio apply(Audio in, Random rng) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("voxproof-attack");
    try {
      Path wav = dir.resolve("in.wav");
      Path raw = dir.resolve("out.f32");
      WavIo.write16(wav, in.pcm(), in.rate());
      List<String> cmd = new ArrayList<>(List.of("sox", "-q", wav.toString()));
      cmd.addAll(List.of("-t", "raw", "-e", "floating-point", "-b", "32", "-L", raw.toString()));
      cmd.addAll(effect);
      Codec.run(cmd);
      return new Audio(WavIo.readF32(raw), in.rate());
    } finally {
      WavIo.deleteDir(dir);
    }
  }
}
