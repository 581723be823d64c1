package org.voxproof.http.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {
  @Test
  void format_oneJsonObjectPerLine_fieldsEscapesAndStackTrace() {
    LogRecord r =
        new LogRecord(Level.WARNING, "quote \" backslash \\ newline \n tab \t bell \u0007");
    r.setLoggerName("voxproof.test");
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("status", 422);
    fields.put("latency_ms", 12.5);
    fields.put("reasons", List.of("phrase_mismatch", "replay"));
    fields.put("level", "not allowed to override");
    r.setParameters(new Object[] {fields});
    r.setThrown(new IllegalStateException("boom"));

    String line = new JsonLogFormatter().format(r);

    assertThat(line).endsWith(System.lineSeparator());
    assertThat(line.strip()).doesNotContain("\n");
    JsonObject j = new JsonObject(line.strip());
    assertThat(j.getString("level")).isEqualTo("WARNING");
    assertThat(j.getString("logger")).isEqualTo("voxproof.test");
    assertThat(j.getString("message"))
        .isEqualTo("quote \" backslash \\ newline \n tab \t bell \u0007");
    assertThat(j.getInteger("status")).isEqualTo(422);
    assertThat(j.getDouble("latency_ms")).isEqualTo(12.5);
    assertThat(j.getJsonArray("reasons").getList()).containsExactly("phrase_mismatch", "replay");
    assertThat(j.getString("error")).contains("IllegalStateException: boom");
    assertThat(j.getString("time")).endsWith("Z");
  }
}
