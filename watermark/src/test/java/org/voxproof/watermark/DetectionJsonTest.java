package org.voxproof.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetectionJsonTest {
  @Test
  void toMap_found_hasTheDocumentedFieldsInOrder() throws Exception {
    Detection d =
        new Detection(
            true,
            Optional.of(Payload.ofHex("0badc0de")),
            Optional.of("wm-1"),
            1.5e-9,
            12.3456,
            List.of(3.14159, -0.25),
            List.of(new Segment(0, 2000)),
            1.0412345,
            1.1224621);

    String json = new ObjectMapper().writeValueAsString(DetectionJson.toMap(d));

    assertThat(json)
        .isEqualTo(
            "{\"found\":true,\"payload\":\"0badc0de\",\"pFalseAlarm\":1.5E-9,"
                + "\"segments\":[{\"startMs\":0,\"endMs\":2000}],\"keyId\":\"wm-1\","
                + "\"speedFactor\":1.0412,\"pitchFactor\":1.1225,\"syncScore\":12.35,\"perSecondScores\":[3.1,-0.2]}");
  }

  @Test
  void toMap_notFound_hasNullPayloadAndKey() throws Exception {
    Detection d =
        new Detection(false, Optional.empty(), Optional.empty(), 0.5, 1.2, List.of(), List.of(), 1);

    String json = new ObjectMapper().writeValueAsString(DetectionJson.toMap(d));

    assertThat(json)
        .isEqualTo(
            "{\"found\":false,\"payload\":null,\"pFalseAlarm\":0.5,\"segments\":[],"
                + "\"keyId\":null,\"speedFactor\":1.0,\"pitchFactor\":1.0,"
                + "\"syncScore\":1.2,\"perSecondScores\":[]}");
  }
}
