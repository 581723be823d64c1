package org.voxproof.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the server's heap is read: this JVM (an in-process server) or its Prometheus metrics. */
interface HeapProbe {
  /** Heap bytes in use now, or -1 when unknown. */
  long used();

  /** Heap bytes in use after a collection where one can be asked for, or -1 when unknown. */
  long usedAfterGc();

  /** The JVM this runs in, which also hosts the server. */
  static HeapProbe inProcess() {
    MemoryMXBean m = ManagementFactory.getMemoryMXBean();
    return new HeapProbe() {
      @Override
      public long used() {
        return m.getHeapMemoryUsage().getUsed();
      }

      @Override
      public long usedAfterGc() {
        m.gc();
        return used();
      }
    };
  }

  /**
   * A server elsewhere on loopback: the sum of {@code jvm_memory_used_bytes{area="heap",...}} on
   * its {@code /metrics}, when it serves them (no GC can be asked for: "after GC" is the plain
   * reading).
   */
  static HeapProbe metrics(String base) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Pattern line =
        Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+([0-9.eE+-]+)",
            Pattern.MULTILINE);
    return new HeapProbe() {
      @Override
      public long used() {
        try {
          HttpResponse<String> r =
              client.send(
                  HttpRequest.newBuilder(URI.create(base + "/metrics"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 200) {
            return -1;
          }
          Matcher m = line.matcher(r.body());
          double sum = 0;
          boolean any = false;
          while (m.find()) {
            sum += Double.parseDouble(m.group(1));
            any = true;
          }
          return any ? (long) sum : -1;
        } catch (java.io.IOException e) {
          return -1;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return -1;
        }
      }

      @Override
      public long usedAfterGc() {
        return used();
      }
    };
  }
}
