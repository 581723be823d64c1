package org.voxproof.provenance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxproof.provenance.internal.Jumbf.JumbfException;

class JumbfTest {
  @Test
  void parseStore_written_readsLabelsAndContent() throws Exception {
    byte[] store =
        Jumbf.superbox(
            Jumbf.STORE,
            "c2pa",
            List.of(
                Jumbf.superbox(
                    Jumbf.MANIFEST, "urn:c2pa:x", List.of(Jumbf.box("cbor", new byte[] {1, 2})))));
    Jumbf.Box root = Jumbf.parseStore(store);
    assertThat(root.label()).isEqualTo("c2pa");
    Jumbf.Box m = root.child("urn:c2pa:x").orElseThrow();
    assertThat(m.typeFourCc()).isEqualTo("c2ma");
    assertThat(m.content("cbor").orElseThrow().payload()).containsExactly(1, 2);
  }

  @Test
  void parseStore_hostileBoxLengths_throwWithoutAllocating() {
    for (String h :
        List.of(
            "ffffffff6a756d62", // LBox 4 GiB
            "000000016a756d62ffffffffffffffff", // XLBox 2^64-1
            "000000016a756d62", // truncated XLBox
            "000000046a756d62", // LBox below header size
            "0000000c6a756d6200000010")) { // child box longer than its parent
      assertThatThrownBy(() -> Jumbf.parseStore(HexFormat.of().parseHex(h)))
          .as(h)
          .isInstanceOf(JumbfException.class);
    }
  }

  @Test
  void parseStore_deepNesting_throws() {
    byte[] inner = Jumbf.box("jumd", new byte[17]);
    for (int i = 0; i < 20; i++) {
      inner = Jumbf.superbox("c2pa", "x", List.of(inner));
    }
    byte[] deep = inner;
    assertThatThrownBy(() -> Jumbf.parseStore(deep)).hasMessage("JUMBF nesting too deep");
  }

  @Test
  void parseStore_notAStore_throws() {
    byte[] other = Jumbf.superbox(Jumbf.MANIFEST, "urn:c2pa:x", List.of());
    assertThatThrownBy(() -> Jumbf.parseStore(other)).hasMessage("not a C2PA manifest store");
  }
}
