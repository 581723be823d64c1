package org.voxproof.consent.api;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.voxproof.http.Problems;
import org.voxproof.http.Responses;
import org.voxproof.http.ServiceRouter;
import org.voxproof.http.Workers;
import org.voxproof.http.auth.BearerAuth;
import org.voxproof.http.auth.Role;

/**
 * The consent service's internal route for the detector node of a scaled-out deployment ({@code
 * serve --only consent}): {@code GET /internal/v1/consent/commitments/{hex}} (a {@link
 * Role#SERVICE} key only) → {@code {"status","licensee","consentId"}} of the consent with that
 * commitment — its status now ({@code active}, {@code revoked}, {@code expired}, {@code erased})
 * and who is behind it, which the detector shows to police with a legal basis only — or 404 {@code
 * not_found} when this service does not know it. {@link CommitmentClient} speaks it.
 */
final class CommitmentRoutes {
  /** Where the route lives. */
  static final String PREFIX = "/internal/v1/consent/commitments/";

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  private final ConsentModule consent;
  private final Workers io;

  private CommitmentRoutes(ConsentModule consent, Workers io) {
    this.consent = consent;
    this.io = io;
  }

  static ServiceRouter create(Vertx vertx, ConsentModule consent) {
    CommitmentRoutes r = new CommitmentRoutes(consent, Workers.create(vertx, "consent-io", 8));
    ServiceRouter s = ServiceRouter.create(vertx, ConsentRoutes.PROBLEMS);
    s.router().get(PREFIX + ":hex").handler(BearerAuth.require(Role.SERVICE)).handler(r::lookup);
    return s;
  }

  private void lookup(RoutingContext ctx) {
    String hex = ctx.pathParam("hex");
    if (hex == null || !HASH.matcher(hex).matches()) {
      Problems.send(ctx, 400, "invalid_parameter", "Bad parameter", "a commitment is 64 hex");
      return;
    }
    byte[] commitment = HexFormat.of().parseHex(hex);
    io.call(ctx, () -> answer(commitment))
        .onSuccess(
            j -> {
              if (j.isEmpty()) {
                Problems.send(
                    ctx, 404, "not_found", "Not found", "no consent with this commitment");
              } else {
                Responses.json(ctx, j.get());
              }
            });
  }

  private Optional<JsonObject> answer(byte[] commitment) throws Exception {
    Optional<String> status = consent.statusOfCommitment(commitment);
    if (status.isEmpty()) {
      return Optional.empty();
    }
    JsonObject j = new JsonObject().put("status", status.get());
    consent
        .disclosureOfCommitment(commitment)
        .ifPresent(d -> j.put("licensee", d.licensee()).put("consentId", d.consentId()));
    return Optional.of(j);
  }
}
