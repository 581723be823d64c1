package org.voxproof.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** Successful responses in the shapes every service uses. */
public final class Responses {
  public static final String JSON = "application/json";

  private Responses() {}

  /** 200 with a JSON body. */
  public static void json(RoutingContext ctx, JsonObject body) {
    json(ctx, 200, body);
  }

  /** {@code status} with a JSON body. */
  public static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body.encode());
  }

  /** 200 with a JSON body from a map (as the models' JSON mappings produce). */
  public static void json(RoutingContext ctx, Map<String, ?> body) {
    json(ctx, new JsonObject(new LinkedHashMap<String, Object>(body)));
  }
}
