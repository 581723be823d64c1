package org.voxproof.consent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class StatusListTest {
  /** SPEC: draft-ietf-oauth-status-list §4.1 example: 16 one-bit statuses, bytes B9 A3. */
  @Test
  void decode_draftOneBitExample_statusesOfTheDraft() {
    StatusList l = StatusList.decode(1, "eNrbuRgAAhcBXQ");
    int[] expected = {1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1};
    assertThat(l.size()).isEqualTo(16);
    for (int i = 0; i < expected.length; i++) {
      assertThat(l.status(i)).as("status[%d]", i).isEqualTo(expected[i]);
    }
  }

  /** SPEC: draft-ietf-oauth-status-list §9.1 example: 12 two-bit statuses, bytes C9 44 F9. */
  @Test
  void decode_draftTwoBitExample_statusesOfTheDraft() {
    StatusList l = StatusList.decode(2, "eNo76fITAAPfAgc");
    int[] expected = {1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3};
    for (int i = 0; i < expected.length; i++) {
      assertThat(l.status(i)).as("status[%d]", i).isEqualTo(expected[i]);
    }
  }

  @Test
  void with_setsOneEntry_encodeDecodeRoundTrips() {
    StatusList l = StatusList.empty(1, 131_072).with(70_000, 1).with(3, 1);
    StatusList back = StatusList.decode(1, l.encode());
    assertThat(back).isEqualTo(l);
    assertThat(back.status(70_000)).isEqualTo(1);
    assertThat(back.status(3)).isEqualTo(1);
    assertThat(back.status(4)).isZero();
    assertThat(l.encode().length()).isLessThan(200); // mostly zeros compress to almost nothing
  }

  @Test
  void with_doesNotChangeTheOriginal() {
    StatusList l = StatusList.empty(1, 8);
    l.with(2, 1);
    assertThat(l.status(2)).isZero();
  }

  @Test
  void status_outsideList_throws() {
    assertThatThrownBy(() -> StatusList.empty(1, 8).status(8))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void decode_zlibBomb_refused() throws Exception {
    byte[] zeros = new byte[StatusList.MAX_BYTES + 1];
    assertThatThrownBy(() -> StatusList.decode(1, lst(zeros)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inflates beyond");
  }

  @Test
  void decode_truncatedStream_refused() throws Exception {
    String full = lst(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    byte[] raw = Base64.getUrlDecoder().decode(full);
    String cut =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(java.util.Arrays.copyOf(raw, raw.length - 3));
    assertThatThrownBy(() -> StatusList.decode(1, cut))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decode_trailingBytes_refused() throws Exception {
    byte[] raw = Base64.getUrlDecoder().decode(lst(new byte[] {1}));
    byte[] more = java.util.Arrays.copyOf(raw, raw.length + 1);
    String s = Base64.getUrlEncoder().withoutPadding().encodeToString(more);
    assertThatThrownBy(() -> StatusList.decode(1, s))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after the ZLIB stream");
  }

  @Test
  void decode_rawDeflateWithoutZlibHeader_refused() {
    Deflater d = new Deflater(9, true);
    d.setInput(new byte[] {1, 2});
    d.finish();
    byte[] buf = new byte[64];
    int n = d.deflate(buf);
    d.end();
    String s =
        Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(buf, n));
    assertThatThrownBy(() -> StatusList.decode(1, s)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decode_notBase64_refused() {
    assertThatThrownBy(() -> StatusList.decode(1, "not base64!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base64url");
  }

  @Test
  void decode_badBits_refused() {
    assertThatThrownBy(() -> StatusList.decode(3, "eNrbuRgAAhcBXQ"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bits");
  }

  static String lst(byte[] raw) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
      z.write(raw);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }
}
