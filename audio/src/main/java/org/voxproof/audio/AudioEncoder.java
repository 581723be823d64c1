package org.voxproof.audio;

import java.io.IOException;
import java.nio.file.Path;
import org.voxproof.audio.internal.ExternalEncoder;

/**
 * Encodes float PCM to a compressed format through an external tool ({@code lame}, {@code flac},
 * {@code ffmpeg}). The tool must be on the PATH; when it is not, {@link #encode} throws an {@link
 * IOException} that names it. WAV needs no tool: use {@link WavWriter}.
 */
public interface AudioEncoder {
  /** Output formats and the tool each needs. */
  enum Format {
    MP3("mp3", "lame"),
    FLAC("flac", "flac"),
    OPUS("opus", "ffmpeg"),
    AAC("m4a", "ffmpeg");

    private final String extension;
    private final String tool;

    Format(String extension, String tool) {
      this.extension = extension;
      this.tool = tool;
    }

    public String extension() {
      return extension;
    }

    /** The program this format needs on the PATH. */
    public String tool() {
      return tool;
    }
  }

  Format format();

  /** Encodes the audio and returns the encoded file's bytes. */
  byte[] encode(DecodedAudio audio) throws IOException;

  /** Encodes the audio into {@code out}. */
  void encode(DecodedAudio audio, Path out) throws IOException;

  /** True when the tool this format needs is on the PATH. */
  static boolean available(Format format) {
    return ExternalEncoder.onPath(format.tool());
  }

  /** An encoder for {@code format}, at a sensible default quality for speech. */
  static AudioEncoder of(Format format) {
    return new ExternalEncoder(format);
  }
}
