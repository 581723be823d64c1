package org.voxproof.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.AudioEncoder;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.audio.WavWriter;

/** The bench's inputs: one audio as WAV, MP3 and FLAC files (MP3/FLAC need lame and flac). */
final class ManifestBenchInputs {
  /** MIME type by file extension, as the reference takes them. */
  static final Map<String, String> MIME =
      Map.of("wav", "audio/wav", "mp3", "audio/mpeg", "flac", "audio/flac");

  private ManifestBenchInputs() {}

  /**
   * Writes {@code in.wav}, {@code in.mp3}, {@code in.flac} into {@code dir}: from {@code source}
   * (any format the decoder reads; a WAV is used as it is), or a 5 s 24 kHz mono 16-bit signal.
   * Returns the files by extension, in the order WAV, MP3, FLAC; a format whose encoder is missing
   * is left out.
   */
  static Map<String, Path> make(Path dir, Path source) throws IOException, AudioFormatException {
    DecodedAudio audio;
    byte[] wav;
    if (source != null) {
      wav = Files.readAllBytes(source);
      audio = AudioDecoder.create().decode(wav);
      if (!"wav".equals(audio.info().format())) {
        wav = WavWriter.pcm16().toBytes(audio);
      }
    } else {
      wav = WavWriter.pcm16().toBytes(new float[][] {signal(24000 * 5)}, 24000);
      audio = AudioDecoder.create().decode(wav);
    }
    Map<String, Path> out = new LinkedHashMap<>();
    out.put("wav", Files.write(dir.resolve("in.wav"), wav));
    for (AudioEncoder.Format f :
        new AudioEncoder.Format[] {AudioEncoder.Format.MP3, AudioEncoder.Format.FLAC}) {
      if (AudioEncoder.available(f)) {
        Path p = dir.resolve("in." + f.extension());
        AudioEncoder.of(f).encode(audio, p);
        out.put(f.extension(), p);
      }
    }
    return out;
  }

  /** A speech-like test signal: noise shaped by a slow envelope (its content does not matter). */
  static float[] signal(int n) {
    Random r = new Random(42);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      double env = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * i / 24000.0);
      x[i] = (float) (0.3 * env * r.nextGaussian());
    }
    return x;
  }
}
