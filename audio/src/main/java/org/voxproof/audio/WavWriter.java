package org.voxproof.audio;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes float PCM as a canonical WAV file: 16-bit PCM (rounded, clipped) or 32-bit IEEE float.
 *
 * <pre>{@code
 * byte[] wav = WavWriter.pcm16().toBytes(audio.channels(), 16000);
 * WavWriter.float32().write(channels, 48000, Path.of("out.wav"));
 * }</pre>
 */
public final class WavWriter {
  // SPEC: Microsoft RIFF WAVE: 'RIFF' size 'WAVE', 'fmt ' (16 bytes, or 18 + 'fact' for float),
  // 'data'. Format tag 1 = PCM, 3 = IEEE float.
  private static final long MAX_DATA = 0xFFFFFFFFL - 64;

  private final boolean floating;

  private WavWriter(boolean floating) {
    this.floating = floating;
  }

  /** 16-bit signed PCM; samples are clipped to [-1, 1] and rounded. */
  public static WavWriter pcm16() {
    return new WavWriter(false);
  }

  /** 32-bit IEEE float (format tag 3), samples as they are. */
  public static WavWriter float32() {
    return new WavWriter(true);
  }

  public byte[] toBytes(float[][] channels, int sampleRate) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(channels, sampleRate, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public byte[] toBytes(DecodedAudio audio) {
    return toBytes(audio.channels(), audio.sampleRate());
  }

  public void write(float[][] channels, int sampleRate, Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      write(channels, sampleRate, out);
    }
  }

  /** Writes the whole file to {@code out}; does not close it. */
  public void write(float[][] channels, int sampleRate, OutputStream out) throws IOException {
    int ch = channels.length;
    if (ch == 0 || ch > 0xFFFF || sampleRate <= 0) {
      throw new IllegalArgumentException("need 1-65535 channels and a positive sample rate");
    }
    int frames = channels[0].length;
    for (float[] c : channels) {
      if (c.length != frames) {
        throw new IllegalArgumentException("channels differ in length");
      }
    }
    int bytes = floating ? 4 : 2;
    long data = (long) frames * ch * bytes;
    if (data > MAX_DATA) {
      throw new IllegalArgumentException("too long for a WAV file");
    }
    out.write(header(ch, sampleRate, bytes, frames, data));
    writeData(channels, frames, out);
  }

  private byte[] header(int ch, int rate, int bytes, int frames, long data) {
    int fmtSize = floating ? 18 : 16;
    int factSize = floating ? 12 : 0;
    ByteBuffer h = ByteBuffer.allocate(12 + 8 + fmtSize + factSize + 8);
    h.order(ByteOrder.LITTLE_ENDIAN);
    h.put(ascii("RIFF")).putInt((int) (4 + 8 + fmtSize + factSize + 8 + data)).put(ascii("WAVE"));
    h.put(ascii("fmt ")).putInt(fmtSize);
    h.putShort((short) (floating ? 3 : 1)).putShort((short) ch).putInt(rate);
    h.putInt(rate * ch * bytes).putShort((short) (ch * bytes)).putShort((short) (bytes * 8));
    if (floating) {
      h.putShort((short) 0);
      h.put(ascii("fact")).putInt(4).putInt(frames);
    }
    h.put(ascii("data")).putInt((int) data);
    return h.array();
  }

  private void writeData(float[][] channels, int frames, OutputStream out) throws IOException {
    int ch = channels.length;
    int bytes = floating ? 4 : 2;
    int block = Math.max(1, 8192 / ch);
    ByteBuffer buf = ByteBuffer.allocate(block * ch * bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int start = 0; start < frames; start += block) {
      int end = Math.min(frames, start + block);
      buf.clear();
      for (int i = start; i < end; i++) {
        for (float[] c : channels) {
          if (floating) {
            buf.putFloat(c[i]);
          } else {
            buf.putShort(toPcm16(c[i]));
          }
        }
      }
      out.write(buf.array(), 0, buf.position());
    }
  }

  static short toPcm16(float v) {
    float s = v * 32768f;
    if (s >= 32767f) {
      return Short.MAX_VALUE;
    }
    if (s <= -32768f) {
      return Short.MIN_VALUE;
    }
    return (short) Math.round(s);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
