package org.voxproof.synth;

import java.util.Locale;
import java.util.Optional;

/** Output formats: the watermark goes in before the encoder, the manifest after. */
public enum OutputFormat {
  WAV("wav", "audio/wav"),
  MP3("mp3", "audio/mpeg"),
  FLAC("flac", "audio/flac");

  private final String name;
  private final String mediaType;

  OutputFormat(String name, String mediaType) {
    this.name = name;
    this.mediaType = mediaType;
  }

  /** The name used in requests ({@code wav}, {@code mp3}, {@code flac}). */
  public String formatName() {
    return name;
  }

  /** The response's Content-Type. */
  public String mediaType() {
    return mediaType;
  }

  public static Optional<OutputFormat> of(String name) {
    for (OutputFormat f : values()) {
      if (f.name.equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
