package org.voxproof.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.tika.mime.MediaType;
import org.voxproof.audio.AudioFormatException.Reason;
import org.voxproof.audio.internal.AdtsDecoder;
import org.voxproof.audio.internal.AiffDecoder;
import org.voxproof.audio.internal.FlacDecoder;
import org.voxproof.audio.internal.Mp3Decoder;
import org.voxproof.audio.internal.Mp4Decoder;
import org.voxproof.audio.internal.OggDecoder;
import org.voxproof.audio.internal.TypeSniffer;
import org.voxproof.audio.internal.WavDecoder;

/**
 * Decodes any supported upload to float PCM. The real type comes from the bytes (Apache Tika); file
 * names and Content-Type headers are never consulted. Every bad input ends in an {@link
 * AudioFormatException} with a stable {@link Reason}.
 *
 * <pre>{@code
 * DecodedAudio a = AudioDecoder.create().decode(bytes);
 * DecodedAudio b = AudioDecoder.builder().maxDuration(Duration.ofSeconds(30)).build().decode(path);
 * }</pre>
 *
 * <p>Thread-safe and stateless; one instance can serve many threads.
 */
public final class AudioDecoder {
  private final AudioLimits limits;

  private AudioDecoder(AudioLimits limits) {
    this.limits = limits;
  }

  /** A decoder with {@link AudioLimits#DEFAULT}. */
  public static AudioDecoder create() {
    return new AudioDecoder(AudioLimits.DEFAULT);
  }

  public static Builder builder() {
    return new Builder();
  }

  public AudioLimits limits() {
    return limits;
  }

  /** Decodes a whole file held in memory. */
  public DecodedAudio decode(byte[] data) throws AudioFormatException {
    if (data.length == 0) {
      throw new AudioFormatException(Reason.EMPTY, "no bytes");
    }
    if (data.length > limits.maxBytes()) {
      throw tooLarge(data.length);
    }
    MediaType type = TypeSniffer.detect(data);
    return switch (TypeSniffer.family(type)) {
      case WAV -> WavDecoder.decode(data, limits);
      case AIFF -> AiffDecoder.decode(data, limits);
      case FLAC -> FlacDecoder.decode(data, limits);
      case MPEG -> Mp3Decoder.decode(data, limits);
      case OGG -> OggDecoder.decode(data, limits);
      case ADTS -> AdtsDecoder.decode(data, limits);
      case MP4 -> Mp4Decoder.decode(data, limits);
      case OTHER_AUDIO ->
          throw new AudioFormatException(
              Reason.UNSUPPORTED_CODEC, "unsupported audio type " + type.getBaseType());
      case NOT_AUDIO ->
          throw new AudioFormatException(
              Reason.NOT_AUDIO, "not audio: detected " + type.getBaseType());
    };
  }

  /** Reads at most {@code maxBytes + 1} bytes from the stream, then decodes. */
  public DecodedAudio decode(InputStream in) throws IOException, AudioFormatException {
    long max = limits.maxBytes();
    byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (data.length > max) {
      throw tooLarge(data.length);
    }
    return decode(data);
  }

  /** Decodes a file; its name plays no part in finding the type. */
  public DecodedAudio decode(Path file) throws IOException, AudioFormatException {
    long size = Files.size(file);
    if (size > limits.maxBytes()) {
      throw tooLarge(size);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return decode(in);
    }
  }

  /** The media type Tika finds in the bytes, e.g. {@code audio/vnd.wave}. */
  public static String detectType(byte[] data) {
    return TypeSniffer.detect(data).getBaseType().toString();
  }

  private AudioFormatException tooLarge(long size) {
    return new AudioFormatException(
        Reason.TOO_LARGE, size + " bytes exceeds the limit of " + limits.maxBytes());
  }

  /** Builder; relaxing a limit is an explicit, named call. */
  public static final class Builder {
    private AudioLimits limits = AudioLimits.DEFAULT;

    private Builder() {}

    public Builder limits(AudioLimits l) {
      this.limits = l;
      return this;
    }

    public Builder maxBytes(long bytes) {
      limits = limits.withMaxBytes(bytes);
      return this;
    }

    public Builder maxDuration(Duration d) {
      limits = limits.withMaxDuration(d);
      return this;
    }

    public Builder maxChannels(int channels) {
      limits = limits.withMaxChannels(channels);
      return this;
    }

    public Builder sampleRateRange(int minHz, int maxHz) {
      limits = limits.withSampleRateRange(minHz, maxHz);
      return this;
    }

    public Builder maxSamples(long samples) {
      limits = limits.withMaxSamples(samples);
      return this;
    }

    public AudioDecoder build() {
      return new AudioDecoder(limits);
    }
  }
}
