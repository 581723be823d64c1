package org.voxproof.http.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.SchemaValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.voxproof.http.Problems;

/**
 * The problem for a request that does not match the OpenAPI document: 400 {@code invalid_parameter}
 * naming the parameter ({@code parameter: {"in","name"}}), or 400 {@code invalid_request} for the
 * body with a JSON pointer to the failing place ({@code pointer}). The detail is ours (the schema
 * keyword that failed), never the value the client sent.
 */
final class ValidationProblems {
  static final String INVALID_PARAMETER = "invalid_parameter";
  static final String INVALID_REQUEST = "invalid_request";

  /** At most this many schema errors in a detail. */
  private static final int MAX_ERRORS = 5;

  private ValidationProblems() {}

  /** The problem for a validation failure {@code e} of {@code operation}. */
  static JsonObject of(Operation operation, Throwable e) {
    Optional<Parameter> p = parameter(operation, e);
    if (p.isPresent()) {
      String in = p.get().getIn().name().toLowerCase(Locale.ROOT);
      String name = p.get().getName();
      return Problems.problem(
              400,
              INVALID_PARAMETER,
              "Invalid parameter",
              "The "
                  + in
                  + " parameter \""
                  + name
                  + "\" does not match the API description"
                  + why(e))
          .put("reasons", new JsonArray(List.of(INVALID_PARAMETER)))
          .put("parameter", new JsonObject().put("in", in).put("name", name));
    }
    return Problems.problem(
            400,
            INVALID_REQUEST,
            "Invalid request",
            "The body does not match the API description" + why(e))
        .put("reasons", new JsonArray(List.of(INVALID_REQUEST)))
        .put("pointer", pointer(e));
  }

  /** The parameter a failure names (vertx-openapi's messages say "… {in} parameter {name} …"). */
  private static Optional<Parameter> parameter(Operation operation, Throwable e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    for (Parameter p : operation.getParameters()) {
      String in = p.getIn().name().toLowerCase(Locale.ROOT);
      String needle = in + " parameter " + p.getName();
      int at = m.toLowerCase(Locale.ROOT).indexOf(needle.toLowerCase(Locale.ROOT));
      int end = at + needle.length();
      if (at >= 0 && (end == m.length() || " .,".indexOf(m.charAt(end)) >= 0)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static String why(Throwable e) {
    List<OutputUnit> leaves = leaves(e);
    List<String> errors = new ArrayList<>();
    for (OutputUnit u : leaves) {
      if (u.getError() != null && !errors.contains(u.getError()) && errors.size() < MAX_ERRORS) {
        errors.add(u.getError());
      }
    }
    if (!errors.isEmpty()) {
      return ": " + String.join("; ", errors);
    }
    String m = e.getMessage();
    return m != null && m.contains("required body") ? ": the body is required." : ".";
  }

  /** A JSON pointer (RFC 6901) to the first failing place of the body; empty for the whole. */
  private static String pointer(Throwable e) {
    List<OutputUnit> leaves = leaves(e);
    String loc = leaves.isEmpty() ? null : leaves.get(0).getInstanceLocation();
    if (loc == null) {
      return "";
    }
    return loc.startsWith("#") ? loc.substring(1) : loc;
  }

  /** The schema errors without sub-errors, in order (the specific ones). */
  private static List<OutputUnit> leaves(Throwable e) {
    List<OutputUnit> out = new ArrayList<>();
    if (e instanceof SchemaValidationException s && s.getOutputUnit() != null) {
      collect(s.getOutputUnit(), out);
    }
    return out;
  }

  private static void collect(OutputUnit u, List<OutputUnit> out) {
    if (u.getErrors() == null || u.getErrors().isEmpty()) {
      out.add(u);
    } else {
      u.getErrors().forEach(c -> collect(c, out));
    }
  }
}
