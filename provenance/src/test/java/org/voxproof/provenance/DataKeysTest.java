package org.voxproof.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataKeysTest {
  @TempDir Path dir;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void seal_open_roundTripsUnderTheWrappedKeyReopenedByAnotherRing() throws Exception {
    DataKeys.OwnerKey k = TestFixtures.newKeyRing(dir).dataKeys().create("own_1");
    byte[] sealed = k.seal(utf8("Ada Lovelace"), utf8("owner-name"));
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Ada");
    DataKeys other = TestFixtures.newKeyRing(dir).dataKeys();
    byte[] opened = other.open("own_1", k.wrapped()).open(sealed, utf8("owner-name"));
    assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo("Ada Lovelace");
  }

  @Test
  void open_wrongOwnerOrContextOrDamage_isRefused() throws Exception {
    DataKeys keys = TestFixtures.newKeyRing(dir).dataKeys();
    DataKeys.OwnerKey k = keys.create("own_1");
    byte[] sealed = k.seal(utf8("secret"), utf8("a"));
    assertThatThrownBy(() -> keys.open("own_2", k.wrapped())).isInstanceOf(KeyRingException.class);
    assertThatThrownBy(() -> k.open(sealed, utf8("b"))).isInstanceOf(KeyRingException.class);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> k.open(sealed, utf8("a"))).isInstanceOf(KeyRingException.class);
    assertThatThrownBy(() -> k.open(new byte[3], utf8("a"))).isInstanceOf(KeyRingException.class);
  }

  @Test
  void ownersHaveDifferentKeys_andRotationKeepsWrappedKeysReadable() throws Exception {
    KeyRing ring = TestFixtures.newKeyRing(dir);
    DataKeys.OwnerKey a = ring.dataKeys().create("own_1");
    DataKeys.OwnerKey b = ring.dataKeys().create("own_1");
    byte[] sealed = a.seal(utf8("x"), utf8("c"));
    assertThatThrownBy(() -> b.open(sealed, utf8("c"))).isInstanceOf(KeyRingException.class);
    ring.rotate();
    assertThat(ring.dataKeys().open("own_1", a.wrapped()).open(sealed, utf8("c")))
        .isEqualTo(utf8("x"));
    assertThat(a.toString()).doesNotContain(java.util.HexFormat.of().formatHex(a.wrapped()));
  }
}
