package org.voxproof.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProblemMapTest {
  @Test
  void find_walksSuperclasses_mostSpecificFirst() {
    ProblemMap m =
        ProblemMap.builder()
            .map(IOException.class, 400, "io", "I/O")
            .map(FileNotFoundException.class, 404, "missing", "Missing")
            .build();
    assertThat(m.find(new FileNotFoundException()).orElseThrow().reason()).isEqualTo("missing");
    assertThat(m.find(new java.io.EOFException()).orElseThrow().reason()).isEqualTo("io");
    assertThat(m.find(new IllegalStateException())).isEmpty();
  }

  @Test
  void include_laterMappingReplacesEarlier() {
    ProblemMap base = ProblemMap.builder().map(IOException.class, 400, "io", "I/O").build();
    ProblemMap m =
        ProblemMap.builder().include(base).map(IOException.class, 409, "clash", "Clash").build();
    assertThat(m.find(new IOException()).orElseThrow().status()).isEqualTo(409);
  }

  @Test
  void overloaded_is503UnavailableWithRetryAfter() {
    ProblemMap.Mapping m =
        ProblemMap.builder()
            .overloaded(IOException.class, "Busy", Duration.ofSeconds(2))
            .build()
            .find(new IOException())
            .orElseThrow();
    assertThat(m.status()).isEqualTo(503);
    assertThat(m.reason()).isEqualTo("unavailable");
    assertThat(m.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(m.showDetail()).isFalse();
  }

  @Test
  void mapping_rejectsNonErrorStatusAndBadReason() {
    assertThatThrownBy(() -> ProblemMap.builder().map(IOException.class, 200, "ok", "OK"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a problem status is 4xx or 5xx: 200");
    assertThatThrownBy(() -> ProblemMap.builder().map(IOException.class, 400, "Bad Reason", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a reason is a lowercase token: Bad Reason");
  }
}
