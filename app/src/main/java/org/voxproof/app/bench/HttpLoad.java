package org.voxproof.app.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator: {@code connections} threads, each sending its own prepared request
 * over one keep-alive HTTP/1.1 connection as fast as answers come back, for a warm-up and then a
 * measured window. Latency is the client's round trip, body read to the end.
 */
final class HttpLoad {
  private HttpLoad() {}

  /** Heap figures in bytes: sampled max during the window, used after a GC before and after it. */
  record Heap(long beforeBytes, long afterBytes, long maxBytes, int samples) {}

  /** One route's figures. */
  record Result(
      String route,
      int connections,
      double seconds,
      long requests,
      double perSecond,
      double p50Ms,
      double p99Ms,
      double maxMs,
      Map<Integer, Long> statuses,
      long ioErrors,
      Heap heap) {
    long count5xx() {
      return statuses.entrySet().stream()
          .filter(e -> e.getKey() >= 500)
          .mapToLong(Map.Entry::getValue)
          .sum();
    }
  }

  /** Per-thread record of the measured window. */
  private static final class Tally {
    long[] nanos = new long[1024];
    int n;
    final Map<Integer, Long> statuses = new TreeMap<>();
    long ioErrors;

    void add(long latency, int status) {
      if (n == nanos.length) {
        nanos = Arrays.copyOf(nanos, n * 2);
      }
      nanos[n++] = latency;
      statuses.merge(status, 1L, Long::sum);
    }
  }

  static Result run(
      String route, List<HttpRequest> requests, Duration warmup, Duration window, HeapProbe heap)
      throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + window.toNanos();
    List<Tally> tallies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (HttpRequest r : requests) {
      Tally t = new Tally();
      tallies.add(t);
      Thread th =
          new Thread(() -> loop(client, r, measureFrom, end, t), "bench-http-" + threads.size());
      th.start();
      threads.add(th);
    }
    HeapSampler sampler = new HeapSampler(heap);
    TimeUnit.NANOSECONDS.sleep(Math.max(0, measureFrom - System.nanoTime()));
    sampler.start();
    for (Thread t : threads) {
      t.join();
    }
    Heap h = sampler.stop();
    return summarize(route, requests.size(), window, tallies, h);
  }

  private static void loop(HttpClient client, HttpRequest r, long from, long end, Tally t) {
    while (true) {
      long t0 = System.nanoTime();
      if (t0 >= end) {
        return;
      }
      int status;
      try {
        status = client.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        if (t0 >= from) {
          t.ioErrors++;
        }
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long t1 = System.nanoTime();
      if (t0 >= from && t1 <= end) {
        t.add(t1 - t0, status);
      }
    }
  }

  private static Result summarize(
      String route, int connections, Duration window, List<Tally> tallies, Heap heap) {
    Map<Integer, Long> statuses = new TreeMap<>();
    long io = 0;
    int total = 0;
    for (Tally t : tallies) {
      t.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
      io += t.ioErrors;
      total += t.n;
    }
    long[] all = new long[total];
    int i = 0;
    for (Tally t : tallies) {
      System.arraycopy(t.nanos, 0, all, i, t.n);
      i += t.n;
    }
    Arrays.sort(all);
    double secs = window.toNanos() / 1e9;
    return new Result(
        route,
        connections,
        secs,
        total,
        total / secs,
        percentile(all, 0.50),
        percentile(all, 0.99),
        all.length == 0 ? 0 : all[all.length - 1] / 1e6,
        statuses,
        io,
        heap);
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int k = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, k))] / 1e6;
  }

  /** Samples the heap every 250 ms between start and stop. */
  private static final class HeapSampler {
    private final HeapProbe probe;
    private final AtomicLong max = new AtomicLong(-1);
    private final AtomicLong samples = new AtomicLong();
    private ScheduledExecutorService timer;
    private long before;

    HeapSampler(HeapProbe probe) {
      this.probe = probe;
    }

    void start() {
      before = probe.usedAfterGc();
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread th = new Thread(r, "bench-heap");
                th.setDaemon(true);
                return th;
              });
      timer.scheduleAtFixedRate(
          () -> {
            long used = probe.used();
            if (used >= 0) {
              max.accumulateAndGet(used, Math::max);
              samples.incrementAndGet();
            }
          },
          0,
          250,
          TimeUnit.MILLISECONDS);
    }

    Heap stop() throws InterruptedException {
      timer.shutdown();
      timer.awaitTermination(5, TimeUnit.SECONDS);
      return new Heap(before, probe.usedAfterGc(), max.get(), (int) samples.get());
    }
  }
}
