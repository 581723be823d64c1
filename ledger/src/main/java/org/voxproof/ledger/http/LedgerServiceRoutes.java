package org.voxproof.ledger.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.voxproof.http.Bodies;
import org.voxproof.http.Problems;
import org.voxproof.http.Responses;
import org.voxproof.http.ServiceRouter;
import org.voxproof.http.Workers;
import org.voxproof.http.auth.BearerAuth;
import org.voxproof.http.auth.Role;
import org.voxproof.ledger.AppendResult;
import org.voxproof.ledger.LedgerJson;
import org.voxproof.ledger.LedgerNotFoundException;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.ProvenanceLedger;

/**
 * The ledger's internal routes under {@code /internal/v1/ledger/}, for the other nodes of a
 * scaled-out deployment ({@code serve --only ledger}); only a {@link Role#SERVICE} key may call
 * them. With the public {@link LedgerRoutes} they carry the whole {@link ProvenanceLedger}
 * interface, which {@link LedgerClientHttp} speaks:
 *
 * <ul>
 *   <li>{@code GET origin} → {@code {"origin"}}
 *   <li>{@code POST records} {@code {"data": base64 canonical record}} → {@code
 *       {"index","alreadyPresent","checkpoint"}} (the signed note that covers it, or null)
 *   <li>{@code GET records/{id}} → the entry ({@link LedgerJson#entry}), 404 when none
 *   <li>{@code GET commitments/{hex}} → {@code {"entries":[...]}}, 501 when the backend cannot
 *   <li>{@code GET evidence/{id}} → {@link EvidenceWire}
 * </ul>
 *
 * <p>Ledger calls run on the {@code ledger-io} pool; the ledger's exceptions map as on the public
 * routes ({@link LedgerRoutes#PROBLEMS}: 409 conflict, 503 + {@code Retry-After} when busy).
 */
public final class LedgerServiceRoutes {
  /** Where these routes live. */
  public static final String PREFIX = "/internal/v1/ledger";

  private static final Pattern ID = Pattern.compile("[\\x21-\\x7e&&[^/?#%]]{1,128}");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  private final ProvenanceLedger ledger;
  private final Workers workers;

  private LedgerServiceRoutes(ProvenanceLedger ledger, Workers workers) {
    this.ledger = ledger;
    this.workers = workers;
  }

  /** The internal routes over {@code ledger}. */
  public static ServiceRouter create(Vertx vertx, ProvenanceLedger ledger) {
    LedgerServiceRoutes r =
        new LedgerServiceRoutes(ledger, Workers.create(vertx, "ledger-io", LedgerRoutes.WORKERS));
    ServiceRouter s = ServiceRouter.create(vertx, LedgerRoutes.PROBLEMS);
    Router router = s.router();
    router.route(PREFIX + "/*").handler(BearerAuth.require(Role.SERVICE));
    router.get(PREFIX + "/origin").handler(r::origin);
    router.post(PREFIX + "/records").handler(Bodies.limited(Bodies.JSON_LIMIT)).handler(r::append);
    router.get(PREFIX + "/records/:id").handler(r::byId);
    router.get(PREFIX + "/commitments/:hex").handler(r::byCommitment);
    router.get(PREFIX + "/evidence/:id").handler(r::evidence);
    return s;
  }

  private void origin(RoutingContext ctx) {
    workers
        .call(ctx, ledger::origin)
        .onSuccess(o -> Responses.json(ctx, new JsonObject().put("origin", o)));
  }

  private void append(RoutingContext ctx) {
    LedgerRecord record;
    try {
      JsonObject body = ctx.body().asJsonObject();
      record = LedgerRecord.decode(Base64.getDecoder().decode(body.getString("data")));
    } catch (RuntimeException e) { // not JSON, no data, not base64, not a record
      Problems.send(ctx, 400, "bad_request", "Bad request", "data must be a record in base64");
      return;
    }
    workers
        .call(ctx, () -> ledger.append(record))
        .onSuccess(res -> Responses.json(ctx, appended(res)));
  }

  private static JsonObject appended(AppendResult r) {
    return new JsonObject()
        .put("index", r.index())
        .put("alreadyPresent", r.alreadyPresent())
        .put("checkpoint", r.checkpoint() == null ? null : r.checkpoint().note());
  }

  private void byId(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null || !ID.matcher(id).matches()) {
      Problems.send(ctx, 400, "invalid_parameter", "Bad parameter", "not a record id");
      return;
    }
    workers
        .call(
            ctx,
            () ->
                LedgerJson.entry(
                    ledger
                        .findById(id)
                        .orElseThrow(() -> new LedgerNotFoundException("no record with this id"))))
        .onSuccess(j -> Responses.json(ctx, j));
  }

  private void byCommitment(RoutingContext ctx) {
    String hex = ctx.pathParam("hex");
    if (hex == null || !HASH.matcher(hex).matches()) {
      Problems.send(ctx, 400, "invalid_parameter", "Bad parameter", "a commitment is 64 hex");
      return;
    }
    byte[] commitment = HexFormat.of().parseHex(hex);
    workers
        .call(
            ctx,
            () -> {
              JsonArray a = new JsonArray();
              ledger.findByCommitment(commitment).forEach(e -> a.add(LedgerJson.entry(e)));
              return new JsonObject().put("entries", a);
            })
        .onSuccess(j -> Responses.json(ctx, j));
  }

  private void evidence(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null || !ID.matcher(id).matches()) {
      Problems.send(ctx, 400, "invalid_parameter", "Bad parameter", "not a record id");
      return;
    }
    workers
        .call(ctx, () -> EvidenceWire.toJson(ledger.evidence(id)))
        .onSuccess(j -> Responses.json(ctx, j));
  }
}
