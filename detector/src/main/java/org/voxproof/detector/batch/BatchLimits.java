package org.voxproof.detector.batch;

/**
 * Bounds on a batch: files, bytes per file and in all, and the expansion ratio of one compressed
 * entry.
 *
 * @param maxFiles most files in one batch
 * @param maxFileBytes most bytes of one file (after decompression)
 * @param maxTotalBytes most bytes of all files together (after decompression)
 * @param maxRatio most expansion of one entry over its compressed size (entries under 64 KiB
 *     expanded are exempt: tiny files compress well legitimately)
 */
public record BatchLimits(int maxFiles, long maxFileBytes, long maxTotalBytes, int maxRatio) {
  /** 1,000 files, 64 MiB each, 1 GiB in all, ratio 100. */
  public static final BatchLimits DEFAULT = new BatchLimits(1000, 64L << 20, 1L << 30, 100);

  public BatchLimits {
    if (maxFiles < 1 || maxFileBytes < 1 || maxTotalBytes < maxFileBytes || maxRatio < 1) {
      throw new IllegalArgumentException("bad batch limits");
    }
  }
}
