package org.voxproof.detector.jobs;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A job in the store: its spec, directory, which files are done, and its results file. */
final class Job {
  final JobSpec spec;
  final Path dir;
  private final BitSet done = new BitSet();
  private FileChannel results;

  Job(JobSpec spec, Path dir, List<JsonObject> existing) {
    this.spec = spec;
    this.dir = dir;
    for (JsonObject r : existing) {
      done.set(r.getInteger("index"));
    }
  }

  synchronized boolean isDone(int index) {
    return done.get(index);
  }

  /**
   * Appends one result line and forces it to disk, unless the store closed or the file is done.
   *
   * @return whether the line was written
   */
  synchronized boolean append(JsonObject line, BooleanSupplier closed) throws IOException {
    int index = line.getInteger("index");
    if (closed.getAsBoolean() || done.get(index)) {
      return false;
    }
    if (results == null) {
      results =
          FileChannel.open(
              dir.resolve("results.jsonl"), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
    ByteBuffer b = ByteBuffer.wrap((line.encode() + "\n").getBytes(StandardCharsets.UTF_8));
    while (b.hasRemaining()) {
      results.write(b);
    }
    results.force(false);
    done.set(index);
    return true;
  }

  synchronized void closeChannel() {
    if (results != null) {
      try {
        results.close();
      } catch (IOException e) {
        // nothing left to flush: every append was forced
      }
      results = null;
    }
  }
}
