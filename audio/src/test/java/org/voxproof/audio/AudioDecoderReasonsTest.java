package org.voxproof.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.voxproof.audio.AudioFormatException.Reason;

/** One test per {@link Reason}, each from real bytes. */
class AudioDecoderReasonsTest {
  private final AudioDecoder decoder = AudioDecoder.create();

  static byte[] resource(String name) {
    try (InputStream in = AudioDecoderReasonsTest.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] speechWav() {
    return resource("samples/speech-8k-s16.wav");
  }

  private Reason reasonOf(byte[] data) {
    return reasonOf(decoder, data);
  }

  private static Reason reasonOf(AudioDecoder d, byte[] data) {
    AudioFormatException e = catchThrowableOfType(AudioFormatException.class, () -> d.decode(data));
    assertThat(e).as("expected AudioFormatException").isNotNull();
    return e.reason();
  }

  /** Offset of a RIFF chunk's size field in a WAV file. */
  private static int chunkSizeOffset(byte[] wav, String id) {
    for (int p = 12; p + 8 <= wav.length; ) {
      if (new String(wav, p, 4, java.nio.charset.StandardCharsets.US_ASCII).equals(id)) {
        return p + 4;
      }
      int size = ByteBuffer.wrap(wav, p + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      p += 8 + size + (size & 1);
    }
    throw new IllegalStateException("no chunk " + id);
  }

  @Test
  void decode_speechWav_decodes() throws Exception {
    DecodedAudio a = decoder.decode(speechWav());

    assertThat(a.info()).isEqualTo(new AudioInfo("wav", "pcm_s16le", 8000, 1, 0.6));
    assertThat(a.frames()).isEqualTo(4800);
  }

  @Test
  void decode_pdfRenamedWav_throwsNotAudio() {
    assertThat(reasonOf(resource("samples/consent-form.pdf.wav"))).isEqualTo(Reason.NOT_AUDIO);
  }

  @Test
  void decode_adpcmWav_throwsUnsupportedCodec() {
    assertThat(reasonOf(resource("samples/speech-8k-adpcm.wav")))
        .isEqualTo(Reason.UNSUPPORTED_CODEC);
  }

  @Test
  void decode_mp4WithoutAudioTrack_throwsUnsupportedCodec() {
    assertThat(reasonOf(resource("samples/video-only.mp4"))).isEqualTo(Reason.UNSUPPORTED_CODEC);
  }

  @Test
  void decode_wavCutInHalf_throwsTruncated() {
    byte[] wav = speechWav();

    assertThat(reasonOf(Arrays.copyOf(wav, wav.length / 2))).isEqualTo(Reason.TRUNCATED);
  }

  @Test
  void decode_wavDataSizeBeyondFile_throwsTruncated() {
    byte[] wav = speechWav();
    int at = chunkSizeOffset(wav, "data");
    ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(at, 10_000_000);

    assertThat(reasonOf(wav)).isEqualTo(Reason.TRUNCATED);
  }

  @Test
  void decode_wavBlockAlignContradictsBits_throwsHeaderLies() {
    byte[] wav = speechWav();
    int fmt = chunkSizeOffset(wav, "fmt ") + 4;
    ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putShort(fmt + 12, (short) 1);

    assertThat(reasonOf(wav)).isEqualTo(Reason.HEADER_LIES);
  }

  @Test
  void decode_wavLongerThanLimit_throwsTooLong() {
    AudioDecoder strict = AudioDecoder.builder().maxDuration(Duration.ofMillis(500)).build();

    assertThat(reasonOf(strict, speechWav())).isEqualTo(Reason.TOO_LONG);
  }

  @Test
  void decode_fileLargerThanLimit_throwsTooLarge() {
    AudioDecoder strict = AudioDecoder.builder().maxBytes(4096).build();

    assertThat(reasonOf(strict, speechWav())).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void decode_moreChannelsThanLimit_throwsTooLarge() {
    AudioDecoder mono = AudioDecoder.builder().maxChannels(1).build();
    byte[] stereo = WavWriter.pcm16().toBytes(new float[2][100], 8000);

    assertThat(reasonOf(mono, stereo)).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void decode_noBytes_throwsEmpty() {
    assertThat(reasonOf(new byte[0])).isEqualTo(Reason.EMPTY);
  }

  @Test
  void decode_wavHeaderWithoutSamples_throwsEmpty() {
    byte[] wav = speechWav();
    int at = chunkSizeOffset(wav, "data");
    byte[] headerOnly = Arrays.copyOf(wav, at + 4);
    ByteBuffer.wrap(headerOnly).order(ByteOrder.LITTLE_ENDIAN).putInt(at, 0);

    assertThat(reasonOf(headerOnly)).isEqualTo(Reason.EMPTY);
  }

  @Test
  void decode_sampleRateBelowRange_throwsUnsupportedCodec() {
    byte[] wav = WavWriter.pcm16().toBytes(new float[1][100], 4000);

    assertThat(reasonOf(wav)).isEqualTo(Reason.UNSUPPORTED_CODEC);
  }

  @Test
  void reasonCodes_areStable() {
    assertThat(Arrays.stream(Reason.values()).map(Reason::code))
        .containsExactly(
            "not_audio",
            "unsupported_codec",
            "truncated",
            "header_lies",
            "too_long",
            "too_large",
            "empty");
  }

  @Test
  void builder_zeroLimit_isRejected() {
    assertThatThrownBy(() -> AudioDecoder.builder().maxBytes(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
