package org.voxproof.synth.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The registry's {@code index.json}: one entry per registered model, identifiers and hashes. */
final class RegistryIndex {
  static final String FILE = "index.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private RegistryIndex() {}

  static List<RegisteredModel> read(Path file) throws IOException {
    List<RegisteredModel> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    JsonNode root = JSON.readTree(PrivateFiles.readBounded(file, 64L << 20, "model index"));
    if (root == null || root.path("version").asInt() != 1 || !root.path("models").isArray()) {
      throw new IOException("model index " + file + " is not a version 1 index");
    }
    try {
      for (JsonNode m : root.get("models")) {
        out.add(
            new RegisteredModel(
                m.get("voiceId").asText(),
                m.get("consentId").asText(),
                m.get("commitment").asText(),
                m.get("sha256").asText(),
                Instant.parse(m.get("registered").asText())));
      }
    } catch (RuntimeException e) {
      throw new IOException("model index " + file + " is damaged", e);
    }
    return out;
  }

  static void write(Path file, List<RegisteredModel> models) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    ArrayNode arr = root.putArray("models");
    for (RegisteredModel m : models) {
      ObjectNode n = arr.addObject();
      n.put("voiceId", m.voiceId());
      n.put("consentId", m.consentId());
      n.put("commitment", m.commitmentHex());
      n.put("sha256", m.sha256());
      n.put("registered", m.registered().toString());
    }
    PrivateFiles.writePrivate(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
  }
}
