package org.voxproof.detector.jobs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a batch job is: who created it, the view its results are cut to, and its files. Stored as
 * {@code job.json} in the job's directory; holds no reference text (police jobs keep only the hash
 * of the legal basis) and no audio.
 *
 * @param id random job id (UUID)
 * @param owner the API client that created it (only it may read the job)
 * @param audience the view: {@code platform}, {@code operator} or {@code police}
 * @param legalBasisHash for police: hex SHA-256 of the legal basis, else empty
 * @param evidence whether each result carries a signed evidence bundle
 * @param createdAt when it was created
 * @param files the files, in upload order
 */
public record JobSpec(
    String id,
    String owner,
    String audience,
    String legalBasisHash,
    boolean evidence,
    Instant createdAt,
    List<Entry> files) {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

  /** One file: its position, the name the uploader gave it (reports only) and its size. */
  public record Entry(int index, String name, long size) {
    public Entry {
      Objects.requireNonNull(name);
    }
  }

  public JobSpec {
    if (!validId(id)) {
      throw new IllegalArgumentException("bad job id");
    }
    Objects.requireNonNull(owner);
    Objects.requireNonNull(audience);
    Objects.requireNonNull(legalBasisHash);
    Objects.requireNonNull(createdAt);
    files = List.copyOf(files);
  }

  /** Job ids are lowercase UUIDs; anything else names no job (and no path). */
  public static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  JsonObject toJson() {
    JsonArray f = new JsonArray();
    for (Entry e : files) {
      f.add(new JsonObject().put("index", e.index()).put("name", e.name()).put("size", e.size()));
    }
    return new JsonObject()
        .put("id", id)
        .put("owner", owner)
        .put("audience", audience)
        .put("legalBasisHash", legalBasisHash)
        .put("evidence", evidence)
        .put("createdAt", createdAt.toString())
        .put("files", f);
  }

  static JobSpec fromJson(JsonObject j) {
    List<Entry> files = new ArrayList<>();
    for (Object o : j.getJsonArray("files")) {
      JsonObject f = (JsonObject) o;
      files.add(new Entry(f.getInteger("index"), f.getString("name"), f.getLong("size")));
    }
    return new JobSpec(
        j.getString("id"),
        j.getString("owner"),
        j.getString("audience"),
        j.getString("legalBasisHash"),
        j.getBoolean("evidence"),
        Instant.parse(j.getString("createdAt")),
        files);
  }
}
