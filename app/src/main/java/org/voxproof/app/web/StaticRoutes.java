package org.voxproof.app.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.voxproof.http.Problems;

/**
 * The web pages of {@code voxproof serve} (docs/web.md): {@code /consent/{enrollmentId}}, {@code
 * /owner}, {@code /detect}, {@code /ledger}, an index at {@code /}, and their scripts and style
 * under {@code /web/}. Static files only, from the app's resources, loaded into memory once; served
 * to anyone (no credentials: the pages take a key from a form field and call the API with it) with
 * a strict Content-Security-Policy (no inline script or style, nothing from another origin).
 *
 * <p>{@link #mount} puts the routes in front of everything else on the root router (before
 * authentication and any API validation): they answer only {@code GET} of their own paths; anything
 * else under {@code /web/} is a problem+json 404.
 */
public final class StaticRoutes {
  /** Resource folder on the class path. */
  static final String ROOT = "voxproof-web/";

  /** Pages: path pattern → resource. */
  static final Map<String, String> PAGES =
      Map.of(
          "/", "index.html",
          "/consent/:enrollmentId", "consent.html",
          "/owner", "owner.html",
          "/detect", "detect.html",
          "/ledger", "ledger.html");

  /** Every asset under /web/ (the test checks this list against the resource folder). */
  static final List<String> ASSETS =
      List.of(
          "app.css",
          "js/api.js",
          "js/capture-worklet.js",
          "js/consent.js",
          "js/credentials.js",
          "js/detect.js",
          "js/ledger.js",
          "js/merkle.js",
          "js/owner.js",
          "js/recorder.js",
          "js/signed-note.js",
          "js/ui.js",
          "js/wav.js",
          "js/waveform.js");

  /** What an asset path may look like; nothing else is even looked up. */
  private static final Pattern ASSET_PATH =
      Pattern.compile("/web/(js/)?[a-z0-9-]{1,40}\\.(js|css)");

  /**
   * SPEC: CSP Level 3. Scripts and styles from this origin only (no inline code), fetches to this
   * origin only, the AudioWorklet module from this origin, pictures as data/blob URLs (canvas
   * exports), nothing may frame the pages, forms never navigate (scripts handle them).
   */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
          + "img-src 'self' data: blob:; media-src 'self' blob:; worker-src 'self'; "
          + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final Map<String, Buffer> assets;
  private final Map<String, Buffer> pages;

  private StaticRoutes(Map<String, Buffer> assets, Map<String, Buffer> pages) {
    this.assets = assets;
    this.pages = pages;
  }

  /** Loads every page and asset; a missing one is a packaging error (thrown at start-up). */
  public static StaticRoutes load() {
    Map<String, Buffer> assets = new LinkedHashMap<>();
    for (String a : ASSETS) {
      assets.put("/web/" + a, read(a));
    }
    Map<String, Buffer> pages = new LinkedHashMap<>();
    PAGES.forEach((path, file) -> pages.put(file, read(file)));
    return new StaticRoutes(Map.copyOf(assets), Map.copyOf(pages));
  }

  /** Adds the routes to {@code root}, ordered before every route already there. */
  public void mount(Router root) {
    int order = -1000;
    for (Map.Entry<String, String> p : PAGES.entrySet()) {
      Buffer body = pages.get(p.getValue());
      boolean mic = p.getValue().equals("consent.html");
      root.get(p.getKey()).order(order++).handler(ctx -> send(ctx, body, "text/html", mic));
    }
    root.get("/web/*").order(order).handler(this::asset);
  }

  private void asset(RoutingContext ctx) {
    String path = ctx.request().path();
    Buffer body = ASSET_PATH.matcher(path).matches() ? assets.get(path) : null;
    if (body == null) {
      Problems.send(ctx, 404, "not_found", "Not found", "No resource at this path.");
      return;
    }
    send(ctx, body, path.endsWith(".css") ? "text/css" : "text/javascript", false);
  }

  private static void send(RoutingContext ctx, Buffer body, String type, boolean microphone) {
    HttpServerResponse r = ctx.response();
    r.putHeader("Content-Type", type + "; charset=utf-8")
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Cross-Origin-Opener-Policy", "same-origin")
        .putHeader("Cross-Origin-Resource-Policy", "same-origin")
        .putHeader("Permissions-Policy", microphone ? "microphone=(self)" : "microphone=()")
        .putHeader("Cache-Control", "no-cache");
    r.end(body);
  }

  private static Buffer read(String name) {
    try (InputStream in = StaticRoutes.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("web resource missing from the class path: " + name);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
