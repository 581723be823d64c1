package org.voxproof.consent.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.audio.WavWriter;
import org.voxproof.testkit.Tools;

/** Real audio for the tests: espeak-ng voices, and ffmpeg/lame/sox transformations of them. */
final class Speech {
  private Speech() {}

  /** WAV bytes of {@code text} spoken by espeak-ng {@code voice} (e.g. {@code en-us+m3}). */
  static byte[] say(String voice, String text, String... extra) throws IOException {
    Tools.require("espeak-ng");
    Path out = Files.createTempFile("voxproof-speech", ".wav");
    try {
      List<String> cmd = new ArrayList<>(List.of("espeak-ng", "-v", voice, "-w", out.toString()));
      cmd.addAll(List.of(extra));
      cmd.add(text);
      run(cmd);
      return Files.readAllBytes(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** Passes {@code wav} through {@code tool args... IN OUT.ext} (in/out substituted). */
  static byte[] transform(byte[] wav, String ext, String... cmd) throws IOException {
    Tools.require(cmd[0]);
    Path in = Files.createTempFile("voxproof-in", ".wav");
    Path out = Files.createTempFile("voxproof-out", "." + ext);
    try {
      Files.write(in, wav);
      List<String> c = new ArrayList<>();
      for (String s : cmd) {
        c.add(s.equals("IN") ? in.toString() : s.equals("OUT") ? out.toString() : s);
      }
      run(c);
      return Files.readAllBytes(out);
    } finally {
      Files.deleteIfExists(in);
      Files.deleteIfExists(out);
    }
  }

  static byte[] mp3(byte[] wav) throws IOException {
    return transform(wav, "mp3", "lame", "--quiet", "-b", "64", "IN", "OUT");
  }

  static DecodedAudio decode(byte[] b) throws IOException {
    try {
      return AudioDecoder.create().decode(b);
    } catch (AudioFormatException e) {
      throw new IOException(e);
    }
  }

  static byte[] wav(float[] mono, int rate) {
    return WavWriter.pcm16().toBytes(new float[][] {mono}, rate);
  }

  private static void run(List<String> cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      byte[] log = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(cmd.get(0) + " failed: " + new String(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
