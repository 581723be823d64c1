package org.voxproof.detector.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of a batch, stored under a name of our own.
 *
 * @param index position in the batch, from 0
 * @param name the name the uploader gave it (checked; for reports only, never a path)
 * @param path where its bytes are stored
 * @param size its size in bytes
 */
public record BatchFile(int index, String name, Path path, long size) {
  public BatchFile {
    Objects.requireNonNull(name);
    Objects.requireNonNull(path);
  }
}
