package org.voxproof.detector.http;

import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.voxproof.http.Problems;

/**
 * Upload bodies: raw (the body is the file) or {@code multipart/form-data} (file parts streamed to
 * disk under the data directory, deleted when the response ends). Either way the total is capped
 * while it arrives (413 {@code too_large}); the file name and Content-Type are never trusted.
 */
final class Uploads {
  /** Multipart framing allowance on top of the file limit. */
  static final long MULTIPART_OVERHEAD = 64 * 1024;

  private Uploads() {}

  /** A body handler capping the request at {@code limit} bytes, file parts into {@code dir}. */
  static BodyHandler handler(Path dir, long limit) {
    return BodyHandler.create(dir.toString())
        .setBodyLimit(limit)
        .setHandleFileUploads(true)
        .setDeleteUploadedFilesOnEnd(true)
        .setMergeFormAttributes(false);
  }

  /**
   * Refuses a form-encoded body before the body handler tries to decode it as form fields (what
   * {@code curl --data-binary} sends by default): 415 {@code unsupported_media_type}, saying which
   * encodings carry a file.
   */
  static void refuseFormEncoded(RoutingContext ctx) {
    String ct = ctx.request().getHeader("Content-Type");
    if (ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      Problems.send(
          ctx.response(),
          Problems.problem(
                  415,
                  "unsupported_media_type",
                  "Unsupported media type",
                  "send the file as the raw body (Content-Type audio/* or"
                      + " application/octet-stream) or as multipart/form-data")
              .put("reasons", new JsonArray().add("unsupported_media_type")));
      return;
    }
    ctx.next();
  }

  static boolean multipart(RoutingContext ctx) {
    String ct = ctx.request().getHeader("Content-Type");
    return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /** The file parts of a multipart request, in arrival order. */
  static List<FileUpload> files(RoutingContext ctx) {
    return List.copyOf(ctx.fileUploads());
  }

  /** Where a file part was stored. */
  static Path path(FileUpload u) {
    return Path.of(u.uploadedFileName());
  }

  /** A file name for reports only: printable, at most 255 characters; never used as a path. */
  static String displayName(String name, int index) {
    if (name == null || name.isBlank()) {
      return "file-" + index;
    }
    StringBuilder b = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c))
        .limit(255)
        .forEach(b::appendCodePoint);
    return b.length() == 0 ? "file-" + index : b.toString();
  }
}
