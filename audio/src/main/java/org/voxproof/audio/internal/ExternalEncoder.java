package org.voxproof.audio.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.voxproof.audio.AudioEncoder;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.audio.WavWriter;

/** Runs lame, flac or ffmpeg on a temporary WAV file. */
public final class ExternalEncoder implements AudioEncoder {
  private static final long TIMEOUT_S = 120;
  private final Format format;
  private final Predicate<String> toolPresent;

  public ExternalEncoder(Format format) {
    this(format, ExternalEncoder::onPath);
  }

  /** With a custom tool lookup (tests: simulate a machine without the tool). */
  public ExternalEncoder(Format format, Predicate<String> toolPresent) {
    this.format = format;
    this.toolPresent = toolPresent;
  }

  @Override
  public Format format() {
    return format;
  }

  public static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator, -1)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public byte[] encode(DecodedAudio audio) throws IOException {
    Path out = Files.createTempFile("voxproof-enc", "." + format.extension());
    try {
      encode(audio, out);
      return Files.readAllBytes(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  @Override
  public void encode(DecodedAudio audio, Path out) throws IOException {
    if (!toolPresent.test(format.tool())) {
      throw new IOException(
          "encoding " + format + " needs '" + format.tool() + "' on the PATH; it is not there");
    }
    Path wav = Files.createTempFile("voxproof-enc", ".wav");
    try {
      WavWriter.pcm16().write(audio.channels(), audio.sampleRate(), wav);
      run(command(wav, out));
    } finally {
      Files.deleteIfExists(wav);
    }
  }

  private List<String> command(Path in, Path out) {
    String i = in.toString();
    String o = out.toString();
    List<String> ff = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y"));
    return switch (format) {
      case MP3 -> List.of("lame", "--quiet", "-V", "4", i, o);
      case FLAC -> List.of("flac", "--silent", "-f", "-o", o, i);
      case OPUS -> with(ff, "-i", i, "-c:a", "libopus", "-b:a", "48k", "-f", "ogg", o);
      case AAC -> with(ff, "-i", i, "-c:a", "aac", "-b:a", "96k", "-f", "mp4", o);
    };
  }

  private static List<String> with(List<String> base, String... more) {
    base.addAll(List.of(more));
    return base;
  }

  private static void run(List<String> cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] log = p.getInputStream().readAllBytes();
    try {
      if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(cmd.get(0) + " timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (p.exitValue() != 0) {
      String msg = new String(log, java.nio.charset.StandardCharsets.UTF_8).strip();
      throw new IOException(cmd.get(0) + " failed (exit " + p.exitValue() + "): " + msg);
    }
  }
}
