package org.voxproof.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.voxproof.dsp.Resampler;
import org.voxproof.testkit.Signals;
import org.voxproof.testkit.SpeechCorpus;

/** Every encoding of every corpus clip decodes to the clip's source speech. */
class SpeechCorpusDecodeIT {
  private static final List<String> LOSSLESS =
      List.of(
          "wav-s16.wav",
          "wav-s24.wav",
          "wav-s32.wav",
          "wav-f32.wav",
          "wav-f64.wav",
          "wav-ext.wav",
          "aiff.aiff",
          "aifc-sowt.aifc",
          "flac.flac");

  /** Encoders that declare their delay and padding (LAME tag, pre-skip, edit list, granule). */
  private static final List<String> GAPLESS =
      List.of("mp3.mp3", "opus.opus", "m4a.m4a", "vorbis.ogg");

  private static final double DURATION_TOLERANCE_S = 0.020;
  private final AudioDecoder decoder = AudioDecoder.create();

  static Stream<Arguments> lossless() {
    return SpeechCorpus.CLIPS.stream().flatMap(c -> LOSSLESS.stream().map(v -> Arguments.of(c, v)));
  }

  static Stream<Arguments> lossy() {
    return SpeechCorpus.CLIPS.stream()
        .flatMap(
            c ->
                SpeechCorpus.VARIANTS.stream()
                    .filter(v -> !LOSSLESS.contains(v))
                    .map(v -> Arguments.of(c, v)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("lossless")
  void decode_losslessEncoding_bitExactToSource(String clip, String variant) throws Exception {
    DecodedAudio src = decoder.decode(SpeechCorpus.source(clip));

    DecodedAudio x = decoder.decode(SpeechCorpus.clip(clip, variant));

    assertThat(x.sampleRate()).isEqualTo(src.sampleRate());
    assertThat(x.channels().length).isEqualTo(src.channels().length);
    for (int c = 0; c < src.channels().length; c++) {
      // Arrays.mismatch: AssertJ's containsExactly is quadratic-slow on 300k-sample arrays.
      assertThat(Arrays.mismatch(x.channels()[c], src.channels()[c]))
          .as("first differing sample of channel %d", c)
          .isEqualTo(-1);
    }
    assertThat(x.info().durationSeconds()).isEqualTo(src.info().durationSeconds());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("lossy")
  void decode_lossyEncoding_correlatesWithSource(String clip, String variant) throws Exception {
    DecodedAudio src = decoder.decode(SpeechCorpus.source(clip));

    DecodedAudio x = decoder.decode(SpeechCorpus.clip(clip, variant));

    int rate = x.sampleRate();
    float[] ref = Resampler.resample(src.mono(), src.sampleRate(), rate);
    Signals.Alignment a = Signals.align(ref, x.mono(), rate, rate / 10);
    assertThat(a.correlation()).as("correlation at lag %d", a.lag()).isGreaterThanOrEqualTo(0.9);
    assertThat(x.channels().length).isEqualTo(src.channels().length);
    double srcSeconds = src.info().durationSeconds();
    if (variant.equals("aac.aac")) {
      // ADTS declares no delay: priming (1024) and last-frame padding (< 1024) remain.
      assertThat(x.info().durationSeconds())
          .isBetween(srcSeconds, srcSeconds + 2048.0 / rate + DURATION_TOLERANCE_S);
      assertThat(a.lag()).isEqualTo(1024);
    } else {
      assertThat(x.info().durationSeconds()).isCloseTo(srcSeconds, offset(DURATION_TOLERANCE_S));
    }
    if (GAPLESS.contains(variant)) {
      assertThat(Math.abs(a.lag())).as("residual delay").isLessThanOrEqualTo(rate / 1000);
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"wav-s16.wav", "wav-ext.wav", "aiff.aiff", "flac.flac", "mp3.mp3", "m4a.m4a"})
  void decode_encodingCutInHalf_throwsTruncated(String variant) throws Exception {
    byte[] whole = java.nio.file.Files.readAllBytes(SpeechCorpus.clip("cmn-male", variant));
    byte[] half = Arrays.copyOf(whole, whole.length / 2);

    AudioFormatException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            AudioFormatException.class, () -> decoder.decode(half));

    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(AudioFormatException.Reason.TRUNCATED);
  }

  @Test
  void decode_realSpeechJfk_isSixteenKilohertzMono() throws Exception {
    Path jfk = SpeechCorpus.jfk();

    DecodedAudio a = decoder.decode(jfk);

    assertThat(a.info().format()).isEqualTo("wav");
    assertThat(a.info().sampleRate()).isEqualTo(16000);
    assertThat(a.info().channels()).isEqualTo(1);
    assertThat(a.info().durationSeconds()).isCloseTo(11.0, offset(0.05));
  }

  static Stream<AudioEncoder.Format> encoderFormats() {
    return Stream.of(AudioEncoder.Format.values());
  }

  @ParameterizedTest
  @MethodSource("encoderFormats")
  void encode_jfk_decodesBackToSpeech(AudioEncoder.Format format) throws Exception {
    org.voxproof.testkit.Tools.require(format.tool());
    DecodedAudio src = decoder.decode(SpeechCorpus.jfk());

    DecodedAudio x = decoder.decode(AudioEncoder.of(format).encode(src));

    int rate = x.sampleRate();
    float[] ref = Resampler.resample(src.mono(), src.sampleRate(), rate);
    Signals.Alignment a = Signals.align(ref, x.mono(), rate, rate / 10);
    assertThat(a.correlation())
        .isGreaterThanOrEqualTo(format == AudioEncoder.Format.FLAC ? 1 : 0.9);
    assertThat(x.info().durationSeconds())
        .isCloseTo(src.info().durationSeconds(), offset(DURATION_TOLERANCE_S));
  }
}
