package org.voxproof.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * A named worker pool for blocking work (disk, database, ledger, decoding, models), so that no
 * handler ever blocks an event loop. A failed task fails the routing context, which hands the error
 * to the router's {@link FailureHandler}.
 *
 * <pre>{@code
 * Workers io = Workers.create(vertx, "ledger-io", 8);
 * io.call(ctx, () -> ledger.entry(i)).onSuccess(e -> Responses.json(ctx, LedgerJson.entry(e)));
 * }</pre>
 */
public final class Workers implements AutoCloseable {
  private final WorkerExecutor executor;
  private final String name;

  private Workers(WorkerExecutor executor, String name) {
    this.executor = executor;
    this.name = name;
  }

  /**
   * A pool of {@code size} threads named {@code name}; pools of the same name share threads (Vert.x
   * shared worker executors), so several routers may use one pool.
   */
  public static Workers create(Vertx vertx, String name, int size) {
    Objects.requireNonNull(name, "name");
    if (size < 1) {
      throw new IllegalArgumentException("size must be >= 1");
    }
    return new Workers(vertx.createSharedWorkerExecutor(name, size), name);
  }

  /** Runs {@code task} on the pool; the future completes on the caller's context. */
  public <T> Future<T> call(Callable<T> task) {
    return executor.executeBlocking(task, false);
  }

  /**
   * Runs {@code task} on the pool for a request: on failure the context fails with the error (the
   * router's failure handler answers); on success the returned future completes on the event loop.
   */
  public <T> Future<T> call(RoutingContext ctx, Callable<T> task) {
    return call(task).onFailure(ctx::fail);
  }

  public String name() {
    return name;
  }

  /** Releases this handle; the threads stop when the last handle of this name is closed. */
  @Override
  public void close() {
    executor.close();
  }
}
