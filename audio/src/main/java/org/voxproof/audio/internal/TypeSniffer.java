package org.voxproof.audio.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/** The media type of some bytes, from their content only (Tika magic; no name, no header). */
public final class TypeSniffer {
  private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
  private static final int PREFIX = 64 * 1024;

  private TypeSniffer() {}

  /** Container families the decoder knows. */
  public enum Family {
    WAV,
    AIFF,
    FLAC,
    MPEG,
    OGG,
    ADTS,
    MP4,
    OTHER_AUDIO,
    NOT_AUDIO
  }

  /** Tika's media type for the bytes, e.g. {@code audio/vnd.wave}. */
  public static MediaType detect(byte[] b) {
    int id3 = Bytes.id3v2Length(b);
    if (id3 > 0 && Bytes.ascii(b, id3, "fLaC")) {
      return MediaType.audio("x-flac"); // Tika calls any ID3-prefixed stream MPEG
    }
    byte[] head = b.length > PREFIX ? Arrays.copyOf(b, PREFIX) : b;
    try {
      return TYPES.detect(new ByteArrayInputStream(head), new Metadata());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Family family(MediaType type) {
    String t = type.getBaseType().toString();
    return switch (t) {
      case "audio/vnd.wave", "audio/wav", "audio/x-wav" -> Family.WAV;
      case "audio/x-aiff", "audio/aiff" -> Family.AIFF;
      case "audio/x-flac", "audio/flac" -> Family.FLAC;
      case "audio/mpeg" -> Family.MPEG;
      case "application/ogg",
              "audio/ogg",
              "audio/vorbis",
              "audio/opus",
              "audio/x-oggflac",
              "audio/speex",
              "audio/x-oggpcm" ->
          Family.OGG;
      case "audio/x-aac", "audio/aac" -> Family.ADTS;
      case "audio/mp4",
              "video/mp4",
              "video/quicktime",
              "audio/x-m4a",
              "video/x-m4v",
              "video/3gpp",
              "video/3gpp2",
              "audio/3gpp" ->
          Family.MP4;
      default ->
          t.startsWith("audio/") || t.startsWith("video/") ? Family.OTHER_AUDIO : Family.NOT_AUDIO;
    };
  }
}
