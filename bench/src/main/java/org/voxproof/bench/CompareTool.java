package org.voxproof.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.voxproof.bench.attacks.Audio;
import org.voxproof.bench.attacks.WavIo;
import org.voxproof.watermark.Payload;

/**
 * Another watermarking tool run beside ours ({@code --compare CMD}): the bench runs {@code CMD
 * embed IN.wav OUT.wav PAYLOAD} (PAYLOAD: 8 hex digits; OUT.wav: WAV at IN's rate) and {@code CMD
 * detect IN.wav}, whose last line of stdout is the detected payload as 8 hex digits, or anything
 * else (for example {@code none}) when nothing was found. CMD is a shell command prefix.
 */
final class CompareTool {
  private static final Pattern HEX8 = Pattern.compile("[0-9a-fA-F]{8}");

  private final String cmd;

  CompareTool(String cmd) {
    this.cmd = cmd;
  }

  Audio embed(Audio in, Payload payload) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("voxproof-compare");
    try {
      Path src = dir.resolve("in.wav");
      Path out = dir.resolve("out.wav");
      WavIo.write16(src, in.pcm(), in.rate());
      run("embed", src.toString(), out.toString(), payload.hex());
      float[] y = WatermarkBenchCorpus.decodeMono(out, in.rate());
      return new Audio(java.util.Arrays.copyOf(y, in.pcm().length), in.rate());
    } finally {
      WavIo.deleteDir(dir);
    }
  }

  Optional<Payload> detect(Audio in) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("voxproof-compare");
    try {
      Path src = dir.resolve("in.wav");
      WavIo.write16(src, in.pcm(), in.rate());
      List<String> lines = run("detect", src.toString()).lines().map(String::trim).toList();
      String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
      return HEX8.matcher(last).matches() ? Optional.of(Payload.ofHex(last)) : Optional.empty();
    } finally {
      WavIo.deleteDir(dir);
    }
  }

  private String run(String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("sh", "-c", cmd + " \"$@\"", "compare"));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    if (rc != 0 && rc != 1) {
      throw new IOException("compare " + args[0] + " exited " + rc);
    }
    return out;
  }
}
