package org.voxproof.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.impl.ConnectionBase;
import java.nio.charset.StandardCharsets;

/**
 * Answers, with problem+json, two protocol errors that Vert.x handles before any handler of ours: a
 * request line with an HTTP version other than 1.0 or 1.1 ({@code GET / HTTP/7.3}: Vert.x sends an
 * empty 501; here 505), and a body that fails to decode after a valid head (a bad chunk size:
 * Vert.x closes at once, dropping even an answer already written; here 400 when no response has
 * started, else that answer is flushed first). It sits in each HTTP/1.x connection's Netty pipeline
 * just before Vert.x's own handler and closes the connection after its answer.
 */
final class ProtocolGuard extends ChannelDuplexHandler {
  private boolean rejected;
  private boolean responseStarted;

  /** Installs the guard on a new HTTP/1.x connection (others are left alone). */
  static void install(HttpConnection connection) {
    if (connection instanceof ConnectionBase base
        && base.channel().pipeline().get("handler") != null) {
      base.channel().pipeline().addBefore("handler", "voxproof-protocol", new ProtocolGuard());
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (rejected) {
      ReferenceCountUtil.release(msg);
    } else if (msg instanceof HttpRequest req) {
      responseStarted = false;
      if (req.decoderResult().isFailure()) {
        // Answered here, not by Vert.x: its answer would echo the request's version token.
        reject(ctx, msg, InvalidRequests.problem(req.decoderResult().cause()));
      } else if (!known(req.protocolVersion())) {
        // SPEC: RFC 9110 §15.6.6: 505 HTTP Version Not Supported.
        reject(
            ctx, msg, problem(505, "http_version_not_supported", "This server speaks HTTP/1.1."));
      } else if (!exact(req.protocolVersion())) {
        // SPEC: RFC 9112 §2.3: HTTP-name is "HTTP", case-sensitive. Netty reads "HTtP/1.1" as 1.1,
        // but Vert.x then refuses it with an empty 501.
        reject(ctx, msg, problem(400, "bad_request", "The HTTP version is malformed."));
      } else {
        ctx.fireChannelRead(msg);
      }
    } else if (msg instanceof HttpContent c && c.decoderResult().isFailure()) {
      if (responseStarted) {
        // Vert.x would close at once and drop the answer still waiting to be flushed.
        rejected = true;
        ReferenceCountUtil.release(msg);
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      } else {
        reject(ctx, msg, problem(400, "bad_request", "The request body could not be decoded."));
      }
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse) {
      responseStarted = true;
    }
    ctx.write(msg, promise);
  }

  /** HTTP/1.0 or 1.1, in any spelling Netty accepts. */
  private static boolean known(HttpVersion v) {
    return HttpVersion.HTTP_1_1.equals(v) || HttpVersion.HTTP_1_0.equals(v);
  }

  /** Netty's own constants, which Vert.x matches by identity: the exact spelling. */
  @SuppressWarnings("ReferenceEquality")
  private static boolean exact(HttpVersion v) {
    return v == HttpVersion.HTTP_1_1 || v == HttpVersion.HTTP_1_0;
  }

  private static JsonObject problem(int status, String reason, String detail) {
    return Problems.problem(status, reason, ClientErrors.title(status), detail);
  }

  /** Answers with {@code problem} on an HTTP/1.1 status line and closes the connection. */
  private void reject(ChannelHandlerContext ctx, Object msg, JsonObject problem) {
    rejected = true;
    ReferenceCountUtil.release(msg);
    byte[] body = problem.encode().getBytes(StandardCharsets.UTF_8);
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(problem.getInteger("status")),
            Unpooled.wrappedBuffer(body));
    r.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, Problems.CONTENT_TYPE)
        .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
        .set(HttpHeaderNames.CONNECTION, "close");
    ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
  }
}
