package org.voxproof.provenance.internal;

import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small CBOR (RFC 8949) encoder and decoder.
 *
 * <p>The encoder writes core deterministic encoding (RFC 8949 §4.2.1): shortest argument forms,
 * definite lengths, map keys sorted by the bytewise order of their encodings. The decoder accepts
 * any well-formed CBOR that C2PA writers emit (definite or indefinite containers) but is bounded:
 * nesting depth, item count and every declared length are checked against the bytes that remain
 * before anything is allocated, so a hostile length never allocates.
 *
 * <p>Data model: {@link Long} or {@link BigInteger} (integers), {@code byte[]}, {@link String},
 * {@link List}, {@link Map} (insertion order preserved), {@link Boolean}, {@link Double}, {@code
 * null}, {@link Tagged} and {@link #UNDEFINED}.
 */
public final class Cbor {
  /** The CBOR {@code undefined} simple value. */
  public static final Object UNDEFINED =
      new Object() {
        @Override
        public String toString() {
          return "undefined";
        }
      };

  /** Maximum nesting depth the decoder accepts. */
  public static final int MAX_DEPTH = 32;

  /** Maximum number of data items in one decoded document. */
  public static final int MAX_ITEMS = 100_000;

  private Cbor() {}

  /** A tagged data item (major type 6). */
  public record Tagged(long tag, Object value) {}

  /** Raised for malformed, truncated, over-deep or over-large input. */
  public static final class CborException extends Exception {
    private static final long serialVersionUID = 1L;

    public CborException(String message) {
      super(message);
    }
  }

  // ---------------------------------------------------------------- encoding

  /** Encodes {@code value} in core deterministic encoding. */
  public static byte[] encode(Object value) {
    ByteSink out = new ByteSink(256);
    write(out, value);
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static void write(ByteSink out, Object v) {
    if (v == null) {
      out.write(0xf6);
    } else if (v == UNDEFINED) {
      out.write(0xf7);
    } else if (v instanceof Boolean b) {
      out.write(b ? 0xf5 : 0xf4);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      long l = ((Number) v).longValue();
      if (l >= 0) {
        head(out, 0, l);
      } else {
        head(out, 1, -1 - l);
      }
    } else if (v instanceof BigInteger bi) {
      writeBig(out, bi);
    } else if (v instanceof byte[] b) {
      head(out, 2, b.length);
      out.writeBytes(b);
    } else if (v instanceof String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      head(out, 3, b.length);
      out.writeBytes(b);
    } else if (v instanceof List<?> list) {
      head(out, 4, list.size());
      for (Object o : list) {
        write(out, o);
      }
    } else if (v instanceof Map<?, ?> map) {
      writeMap(out, (Map<Object, Object>) map);
    } else if (v instanceof Tagged t) {
      head(out, 6, t.tag());
      write(out, t.value());
    } else if (v instanceof Double d) {
      out.write(0xfb);
      long bits = Double.doubleToLongBits(d);
      for (int i = 7; i >= 0; i--) {
        out.write((int) (bits >>> (8 * i)));
      }
    } else {
      throw new IllegalArgumentException("not encodable as CBOR: " + v.getClass().getName());
    }
  }

  private static void writeBig(ByteSink out, BigInteger bi) {
    if (bi.bitLength() < 64) {
      write(out, bi.longValueExact());
    } else if (bi.signum() >= 0 && bi.bitLength() == 64) {
      head(out, 0, bi.longValue());
    } else {
      throw new IllegalArgumentException("integer out of CBOR range");
    }
  }

  private static void writeMap(ByteSink out, Map<Object, Object> map) {
    // SPEC: RFC 8949 §4.2.1 — keys sorted by the bytewise lexicographic order of their encoding.
    TreeMap<byte[], Object> sorted = new TreeMap<>(Arrays::compareUnsigned);
    for (Map.Entry<Object, Object> e : map.entrySet()) {
      if (sorted.put(encode(e.getKey()), e.getValue()) != null) {
        throw new IllegalArgumentException("duplicate map key");
      }
    }
    head(out, 5, sorted.size());
    for (Map.Entry<byte[], Object> e : sorted.entrySet()) {
      out.writeBytes(e.getKey());
      write(out, e.getValue());
    }
  }

  /** Bytes of the head that encodes the non-negative argument {@code arg}. */
  static int headLength(long arg) {
    return arg < 24 ? 1 : arg < 0x100 ? 2 : arg < 0x10000 ? 3 : arg < 0x1_0000_0000L ? 5 : 9;
  }

  private static void head(ByteSink out, int major, long arg) {
    int mt = major << 5;
    if (arg >= 0 && arg < 24) {
      out.write(mt | (int) arg);
    } else if (arg >= 0 && arg < 0x100) {
      out.write(mt | 24);
      out.write((int) arg);
    } else if (arg >= 0 && arg < 0x10000) {
      out.write(mt | 25);
      out.write((int) (arg >>> 8));
      out.write((int) arg);
    } else if (arg >= 0 && arg < 0x1_0000_0000L) {
      out.write(mt | 26);
      for (int i = 3; i >= 0; i--) {
        out.write((int) (arg >>> (8 * i)));
      }
    } else {
      out.write(mt | 27);
      for (int i = 7; i >= 0; i--) {
        out.write((int) (arg >>> (8 * i)));
      }
    }
  }

  // ---------------------------------------------------------------- decoding

  /** Decodes exactly one data item that must fill {@code data} completely. */
  public static Object decode(byte[] data) throws CborException {
    Decoder d = new Decoder(data);
    Object v = d.item(0);
    if (d.pos != data.length) {
      throw new CborException("trailing bytes after CBOR item");
    }
    return v;
  }

  private static final class Decoder {
    private static final Object BREAK = new Object();
    private final byte[] in;
    private int pos;
    private int items;

    Decoder(byte[] in) {
      this.in = in;
    }

    private int u8() throws CborException {
      if (pos >= in.length) {
        throw new CborException("truncated CBOR");
      }
      return in[pos++] & 0xff;
    }

    private long arg(int info) throws CborException {
      if (info < 24) {
        return info;
      }
      int n =
          switch (info) {
            case 24 -> 1;
            case 25 -> 2;
            case 26 -> 4;
            case 27 -> 8;
            default -> throw new CborException("reserved additional information " + info);
          };
      long v = 0;
      for (int i = 0; i < n; i++) {
        v = (v << 8) | u8();
      }
      return v;
    }

    /** Checks that {@code len} bytes (or items of at least one byte) remain; never allocates. */
    private int bounded(long len) throws CborException {
      if (len < 0 || len > in.length - pos) {
        throw new CborException("declared length exceeds remaining input");
      }
      return (int) len;
    }

    Object item(int depth) throws CborException {
      if (depth > MAX_DEPTH) {
        throw new CborException("CBOR nesting too deep");
      }
      if (++items > MAX_ITEMS) {
        throw new CborException("too many CBOR items");
      }
      int ib = u8();
      int major = ib >>> 5;
      int info = ib & 0x1f;
      if (info == 31) {
        return indefinite(major, depth);
      }
      long a = arg(info);
      switch (major) {
        case 0:
          return a >= 0 ? (Object) a : new BigInteger(Long.toUnsignedString(a));
        case 1:
          return a >= 0
              ? (Object) (-1 - a)
              : new BigInteger(Long.toUnsignedString(a)).add(BigInteger.ONE).negate();
        case 2:
          {
            int n = bounded(a);
            byte[] b = Arrays.copyOfRange(in, pos, pos + n);
            pos += n;
            return b;
          }
        case 3:
          {
            int n = bounded(a);
            String s = utf8(pos, n);
            pos += n;
            return s;
          }
        case 4:
          {
            int n = bounded(a);
            List<Object> list = new ArrayList<>(Math.min(n, 64));
            for (int i = 0; i < n; i++) {
              list.add(notBreak(item(depth + 1)));
            }
            return Collections.unmodifiableList(list);
          }
        case 5:
          {
            int n = bounded(a);
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
              putUnique(map, item(depth + 1), item(depth + 1));
            }
            return Collections.unmodifiableMap(map);
          }
        case 6:
          return new Tagged(a, notBreak(item(depth + 1)));
        default:
          return simple(info, a);
      }
    }

    private Object indefinite(int major, int depth) throws CborException {
      switch (major) {
        case 4:
          {
            List<Object> list = new ArrayList<>();
            for (Object o = item(depth + 1); o != BREAK; o = item(depth + 1)) {
              list.add(o);
            }
            return Collections.unmodifiableList(list);
          }
        case 5:
          {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (Object k = item(depth + 1); k != BREAK; k = item(depth + 1)) {
              Object v = item(depth + 1);
              if (v == BREAK) {
                throw new CborException("map missing value");
              }
              putUnique(map, k, v);
            }
            return Collections.unmodifiableMap(map);
          }
        case 7:
          if (depth == 0) {
            throw new CborException("unexpected break");
          }
          return BREAK;
        default:
          throw new CborException("indefinite-length strings are not supported");
      }
    }

    private static Object notBreak(Object o) throws CborException {
      if (o == BREAK) {
        throw new CborException("unexpected break");
      }
      return o;
    }

    private static void putUnique(Map<Object, Object> map, Object k, Object v)
        throws CborException {
      if (k == BREAK || v == BREAK) {
        throw new CborException("unexpected break");
      }
      if (!(k instanceof Long || k instanceof String) || map.containsKey(k)) {
        throw new CborException("unsupported or duplicate map key");
      }
      map.put(k, v);
    }

    private Object simple(int info, long a) throws CborException {
      switch (info) {
        case 20:
          return Boolean.FALSE;
        case 21:
          return Boolean.TRUE;
        case 22:
          return null;
        case 23:
          return UNDEFINED;
        case 25:
          return halfToDouble((int) a);
        case 26:
          return (double) Float.intBitsToFloat((int) a);
        case 27:
          return Double.longBitsToDouble(a);
        default:
          throw new CborException("unsupported simple value " + info);
      }
    }

    private static double halfToDouble(int h) {
      int exp = (h >>> 10) & 0x1f;
      int mant = h & 0x3ff;
      double val;
      if (exp == 0) {
        val = Math.scalb((double) mant, -24);
      } else if (exp == 31) {
        val = mant == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
      } else {
        val = Math.scalb((double) (mant + 1024), exp - 25);
      }
      return (h & 0x8000) != 0 ? -val : val;
    }

    private String utf8(int off, int n) throws CborException {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(in, off, n))
            .toString();
      } catch (CharacterCodingException e) {
        throw new CborException("invalid UTF-8 in text string");
      }
    }
  }
}
