package org.voxproof.synth.models;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * Wires the model registry to erasures published on the Vert.x event bus at {@link
 * ErasureEvent#ADDRESS} (one process). Message: JSON {@code {"eventId": "...", "voiceId": "...",
 * "commitment": "<64 hex>"}} (voiceId or commitment or both). The erasure runs on a worker (it
 * deletes files); the reply is {@code {"removed": n}}, or a failure (code 400 for a malformed
 * event, 500 when files could not be deleted) so the publisher can retry. Across processes, feed
 * {@link ErasureEvent#fromLedger} with the ledger's ERASURE records instead.
 */
public final class ErasureSubscriber {
  private ErasureSubscriber() {}

  /** Subscribes {@code registry} to erasure events; unregister the consumer to stop. */
  public static MessageConsumer<JsonObject> register(Vertx vertx, ModelRegistry registry) {
    return vertx.eventBus().consumer(ErasureEvent.ADDRESS, m -> handle(vertx, registry, m));
  }

  private static void handle(Vertx vertx, ModelRegistry registry, Message<JsonObject> m) {
    ErasureEvent e;
    try {
      e = fromJson(m.body());
    } catch (RuntimeException bad) {
      m.fail(400, "malformed erasure event");
      return;
    }
    vertx
        .<List<RegisteredModel>>executeBlocking(() -> registry.erase(e))
        .onSuccess(removed -> m.reply(new JsonObject().put("removed", removed.size())))
        .onFailure(err -> m.fail(500, "erasure failed: " + err.getClass().getSimpleName()));
  }

  /** The event as JSON, as publishers send it. */
  public static JsonObject toJson(ErasureEvent e) {
    JsonObject j = new JsonObject().put("eventId", e.eventId());
    e.voiceId().ifPresent(v -> j.put("voiceId", v));
    e.commitmentHex().ifPresent(c -> j.put("commitment", c));
    return j;
  }

  /**
   * Reads an event; {@link IllegalArgumentException} or {@link ClassCastException} when malformed.
   */
  public static ErasureEvent fromJson(JsonObject j) {
    String id = j.getString("eventId");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("eventId is required");
    }
    Optional<String> commitment = Optional.ofNullable(j.getString("commitment"));
    if (commitment.isPresent() && !commitment.get().matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("commitment must be 64 lowercase hex digits");
    }
    return new ErasureEvent(id, Optional.ofNullable(j.getString("voiceId")), commitment);
  }
}
