package org.voxproof.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fuzzing seeds are small real files of every format: each decodes with the right facts. */
class AudioDecoderSeedsTest {
  private static final String DIR = "org/voxproof/audio/AudioDecoderFuzzTestInputs/fuzzDecode/";

  @ParameterizedTest
  @CsvSource({
    "s16.wav,   wav,  pcm_s16le, 8000,  0.15",
    "f32.wav,   wav,  pcm_f32le, 8000,  0.15",
    "alaw.wav,  wav,  pcm_alaw,  8000,  0.15",
    "ext.wav,   wav,  pcm_s24le, 8000,  0.15",
    "s.aiff,    aiff, pcm_s16be, 8000,  0.15",
    "sowt.aifc, aiff, pcm_s16le, 8000,  0.15",
    "s.flac,    flac, flac,      8000,  0.15",
    "s.ogg,     ogg,  vorbis,    8000,  0.15",
    "s.opus,    ogg,  opus,      48000, 0.15",
    "s.m4a,     mp4,  aac,       8000,  0.15",
    "s.mp3,     mp3,  mp3,       8000,  0.36",
    "s.aac,     aac,  aac,       8000,  0.384",
  })
  void decode_seedFile_reportsFormat(
      String file, String format, String codec, int rate, double seconds) throws Exception {
    byte[] data = AudioDecoderReasonsTest.resource(DIR + file);

    DecodedAudio a = AudioDecoder.create().decode(data);

    assertThat(a.info().format()).isEqualTo(format);
    assertThat(a.info().codec()).isEqualTo(codec);
    assertThat(a.info().sampleRate()).isEqualTo(rate);
    assertThat(a.info().channels()).isEqualTo(1);
    assertThat(a.info().durationSeconds())
        .isCloseTo(seconds, org.assertj.core.data.Offset.offset(0.001));
    assertThat(a.frames()).isEqualTo((int) Math.round(seconds * rate));
  }
}
