package org.voxproof.provenance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voxproof.provenance.internal.Cbor.CborException;

class CborTest {
  static String hex(Object v) {
    return HexFormat.of().formatHex(Cbor.encode(v));
  }

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  @Test
  void encode_integers_useTheShortestForm() {
    // SPEC: RFC 8949 Appendix A examples
    assertThat(hex(23L)).isEqualTo("17");
    assertThat(hex(24L)).isEqualTo("1818");
    assertThat(hex(1000L)).isEqualTo("1903e8");
    assertThat(hex(1000000L)).isEqualTo("1a000f4240");
    assertThat(hex(1000000000000L)).isEqualTo("1b000000e8d4a51000");
    assertThat(hex(-1L)).isEqualTo("20");
    assertThat(hex(-1000L)).isEqualTo("3903e7");
  }

  @Test
  void encode_map_sortsKeysByTheirEncodedBytes() {
    // SPEC: RFC 8949 §4.2.1 example order: 10, 100, -1, "z", "aa"
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put("aa", 5L);
    m.put("z", 4L);
    m.put(-1L, 3L);
    m.put(100L, 2L);
    m.put(10L, 1L);
    assertThat(hex(m)).isEqualTo("a50a011864022003617a0462616105");
  }

  @Test
  void decode_encoded_roundTrips() throws Exception {
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put("a", List.of(1L, "x", new byte[] {1, 2}, true, false));
    m.put(1L, new Cbor.Tagged(18, List.of()));
    Object back = Cbor.decode(Cbor.encode(m));
    assertThat(Cbor.encode(back)).isEqualTo(Cbor.encode(m));
  }

  @Test
  void decode_hugeDeclaredLengths_throwWithoutAllocating() {
    for (String h :
        List.of(
            "5bffffffffffffffff",
            "7b7fffffffffffffff",
            "9bffffffffffffffff",
            "bb00000000ffffffff",
            "5a7fffffff00",
            "9a7fffffff")) {
      assertThatThrownBy(() -> Cbor.decode(bytes(h)))
          .as(h)
          .isInstanceOf(CborException.class)
          .hasMessageContaining("exceeds remaining input");
    }
  }

  @Test
  void decode_deepNesting_throws() {
    byte[] b = new byte[200];
    java.util.Arrays.fill(b, (byte) 0x81);
    b[199] = 0;
    assertThatThrownBy(() -> Cbor.decode(b))
        .isInstanceOf(CborException.class)
        .hasMessage("CBOR nesting too deep");
  }

  @Test
  void decode_malformed_throws() {
    assertThatThrownBy(() -> Cbor.decode(bytes("0000")))
        .hasMessage("trailing bytes after CBOR item");
    assertThatThrownBy(() -> Cbor.decode(bytes("a2616101616102")))
        .hasMessage("unsupported or duplicate map key");
    assertThatThrownBy(() -> Cbor.decode(bytes("62ff00")))
        .hasMessage("invalid UTF-8 in text string");
    assertThatThrownBy(() -> Cbor.decode(bytes("ff"))).hasMessage("unexpected break");
    assertThatThrownBy(() -> Cbor.decode(bytes("82ff00"))).hasMessage("unexpected break");
    assertThatThrownBy(() -> Cbor.decode(bytes("1c")))
        .hasMessage("reserved additional information 28");
    assertThatThrownBy(() -> Cbor.decode(bytes("19"))).hasMessage("truncated CBOR");
  }

  @Test
  void decode_indefiniteContainers_areAccepted() throws Exception {
    assertThat(Cbor.decode(bytes("9f0102ff"))).isEqualTo(List.of(1L, 2L));
    assertThat(Cbor.decode(bytes("bf616101ff"))).isEqualTo(Map.of("a", 1L));
  }
}
