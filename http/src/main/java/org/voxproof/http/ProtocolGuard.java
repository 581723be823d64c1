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
    } else if (msg instanceof HttpRequest req && req.decoderResult().isSuccess()) {
      responseStarted = false;
      if (supported(req.protocolVersion())) {
        ctx.fireChannelRead(msg);
      } else {
        // SPEC: RFC 9110 §15.6.6: 505 HTTP Version Not Supported.
        reject(ctx, msg, 505, "http_version_not_supported", "This server speaks HTTP/1.1 and 1.0.");
      }
    } else if (!(msg instanceof HttpRequest)
        && msg instanceof HttpContent c
        && c.decoderResult().isFailure()) {
      if (responseStarted) {
        // Vert.x would close at once and drop the answer still waiting to be flushed.
        rejected = true;
        ReferenceCountUtil.release(msg);
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      } else {
        reject(ctx, msg, 400, "bad_request", "The request body could not be decoded.");
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

  private static boolean supported(HttpVersion v) {
    return HttpVersion.HTTP_1_1.equals(v) || HttpVersion.HTTP_1_0.equals(v);
  }

  private void reject(
      ChannelHandlerContext ctx, Object msg, int status, String reason, String detail) {
    rejected = true;
    ReferenceCountUtil.release(msg);
    byte[] body =
        Problems.problem(status, reason, ClientErrors.title(status), detail)
            .encode()
            .getBytes(StandardCharsets.UTF_8);
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
    r.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, Problems.CONTENT_TYPE)
        .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
        .set(HttpHeaderNames.CONNECTION, "close");
    ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
  }
}
