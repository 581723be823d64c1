package org.voxproof.audio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.Arrays;
import org.voxproof.audio.internal.AdtsDecoder;
import org.voxproof.audio.internal.AiffDecoder;
import org.voxproof.audio.internal.FlacDecoder;
import org.voxproof.audio.internal.Mp3Decoder;
import org.voxproof.audio.internal.Mp4Decoder;
import org.voxproof.audio.internal.OggDecoder;
import org.voxproof.audio.internal.WavDecoder;

/**
 * Hostile input must only ever produce {@link AudioFormatException}: never another exception, an
 * error, or output that breaks the {@link DecodedAudio} invariants. A normal build runs the seeds
 * in {@code AudioDecoderFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (see audio/README.md).
 */
class AudioDecoderFuzzTest {
  private static final AudioLimits LIMITS =
      AudioLimits.DEFAULT
          .withMaxBytes(1 << 20)
          .withMaxDuration(Duration.ofSeconds(60))
          .withMaxSamples(4_000_000);
  private static final AudioDecoder DECODER = AudioDecoder.builder().limits(LIMITS).build();

  @FuzzTest(maxDuration = "15m")
  void fuzzDecode(byte[] data) {
    try {
      check(DECODER.decode(data));
    } catch (AudioFormatException e) {
      assertThat(e.reason()).isNotNull();
    }
  }

  /** Each format parser directly (skipping type detection): the first byte picks the parser. */
  @FuzzTest(maxDuration = "15m")
  void fuzzParsers(byte[] input) {
    if (input.length == 0) {
      return;
    }
    byte[] data = Arrays.copyOfRange(input, 1, input.length);
    try {
      DecodedAudio a =
          switch ((input[0] & 0xff) % 7) {
            case 0 -> WavDecoder.decode(data, LIMITS);
            case 1 -> AiffDecoder.decode(data, LIMITS);
            case 2 -> FlacDecoder.decode(data, LIMITS);
            case 3 -> Mp3Decoder.decode(data, LIMITS);
            case 4 -> OggDecoder.decode(data, LIMITS);
            case 5 -> AdtsDecoder.decode(data, LIMITS);
            default -> Mp4Decoder.decode(data, LIMITS);
          };
      check(a);
    } catch (AudioFormatException e) {
      assertThat(e.reason()).isNotNull();
    }
  }

  private static void check(DecodedAudio a) {
    AudioInfo i = a.info();
    assertThat(a.channels().length).isEqualTo(i.channels());
    assertThat(i.sampleRate()).isBetween(LIMITS.minSampleRate(), LIMITS.maxSampleRate());
    assertThat(a.frames()).isPositive();
    for (float[] c : a.channels()) {
      assertThat(c).hasSize(a.frames());
    }
    assertThat((long) a.frames() * i.channels()).isLessThanOrEqualTo(LIMITS.maxSamples());
  }
}
