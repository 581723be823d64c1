package org.voxproof.synth.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.synth.TestFiles;

@ExtendWith(VertxExtension.class)
class ErasureSubscriberTest {
  @TempDir Path tmp;

  private ModelRegistry registryWithVoice() throws Exception {
    ModelRegistry r = ModelRegistry.open(tmp.resolve("reg"));
    Path onnx = TestFiles.copy("tiny-piper.onnx", tmp);
    Path json = TestFiles.copy("tiny-piper.onnx.json", tmp);
    r.registerPiper(
        "voice-1",
        ModelRegistryTest.CONSENT,
        onnx,
        json,
        TestFiles.sha256(Files.readAllBytes(onnx)));
    return r;
  }

  @Test
  void erasureOnEventBus_removesTheVoicesModels(Vertx vertx, VertxTestContext ctx)
      throws Exception {
    ModelRegistry r = registryWithVoice();
    ErasureSubscriber.register(vertx, r);
    JsonObject event = ErasureSubscriber.toJson(ErasureEvent.ofVoice("erasure-1", "voice-1"));
    vertx
        .eventBus()
        .<JsonObject>request(ErasureEvent.ADDRESS, event)
        .onComplete(
            ctx.succeeding(
                reply ->
                    ctx.verify(
                        () -> {
                          assertThat(reply.body().getInteger("removed")).isEqualTo(1);
                          assertThat(r.forVoice("voice-1")).isEmpty();
                          ctx.completeNow();
                        })));
  }

  @Test
  void malformedEvent_failedWith400(Vertx vertx, VertxTestContext ctx) throws Exception {
    ModelRegistry r = registryWithVoice();
    ErasureSubscriber.register(vertx, r);
    vertx
        .eventBus()
        .<JsonObject>request(ErasureEvent.ADDRESS, new JsonObject().put("voiceId", "voice-1"))
        .onComplete(
            ctx.failing(
                err ->
                    ctx.verify(
                        () -> {
                          assertThat(((ReplyException) err).failureCode()).isEqualTo(400);
                          assertThat(r.forVoice("voice-1")).isPresent();
                          ctx.completeNow();
                        })));
  }

  @Test
  void json_roundTrip() {
    ErasureEvent e = ErasureEvent.ofCommitment("e-1", new byte[32]);
    assertThat(ErasureSubscriber.fromJson(ErasureSubscriber.toJson(e))).isEqualTo(e);
  }
}
