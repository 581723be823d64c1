package org.voxproof.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Sends raw bytes over a plain socket and reads the response until the server closes or stops. */
final class RawHttp {
  private RawHttp() {}

  /** A parsed HTTP/1.1 response: status, lowercase header block, body. */
  record Response(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  static Response send(int port, byte[] request) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      s.setSoTimeout(5000);
      s.getOutputStream().write(request);
      s.getOutputStream().flush();
      return parse(readAll(s.getInputStream()));
    }
  }

  static Response send(int port, String request) throws IOException {
    return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
        if (complete(out.toString(StandardCharsets.ISO_8859_1))) {
          break;
        }
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // what arrived is the answer
    }
    return out.toByteArray();
  }

  private static boolean complete(String s) {
    int end = s.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = s.substring(0, end).toLowerCase(Locale.ROOT);
    int i = head.indexOf("content-length:");
    if (i < 0) {
      return false;
    }
    int eol = head.indexOf("\r\n", i);
    int len = Integer.parseInt(head.substring(i + 15, eol < 0 ? head.length() : eol).trim());
    return s.length() >= end + 4 + len;
  }

  private static Response parse(byte[] raw) {
    String s = new String(raw, StandardCharsets.ISO_8859_1);
    int end = s.indexOf("\r\n\r\n");
    if (!s.startsWith("HTTP/1.") || end < 0) {
      throw new AssertionError("not an HTTP response: [" + s + "]");
    }
    int status = Integer.parseInt(s.substring(9, 12));
    return new Response(
        status,
        s.substring(0, end),
        new String(raw, end + 4, raw.length - end - 4, StandardCharsets.UTF_8));
  }
}
