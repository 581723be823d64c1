package org.voxproof.detector.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.voxproof.detector.batch.BatchException.Reason;

/**
 * Unpacks a ZIP batch into a directory, all or nothing, under {@link BatchLimits}. The archive's
 * declared sizes are never trusted: bytes are counted as they inflate, so a ZIP bomb (nested,
 * overlapping or quoted) stops at the first limit it crosses. Entry names are checked and kept for
 * reports only; files are stored as {@code 00000.bin}, {@code 00001.bin}, ... so no name can reach
 * outside the directory. Archives inside the archive are refused by their magic bytes.
 */
public final class ZipBatch {
  private static final int MAX_NAME = 255;
  private static final long RATIO_EXEMPT = 64 << 10;
  private static final int BUF = 64 << 10;

  private ZipBatch() {}

  /**
   * Unpacks {@code zip} into the empty directory {@code out}. On any refusal {@code out} is left
   * empty and a {@link BatchException} says why.
   */
  public static List<BatchFile> unpack(Path zip, Path out, BatchLimits limits)
      throws BatchException, IOException {
    List<BatchFile> files = new ArrayList<>();
    try (ZipFile z = open(zip)) {
      try {
        unpackAll(z, out, limits, files);
      } catch (BatchException | IOException | RuntimeException e) {
        for (BatchFile f : files) {
          Files.deleteIfExists(f.path());
        }
        throw e;
      }
    }
    if (files.isEmpty()) {
      throw new BatchException(Reason.EMPTY, "the archive holds no files");
    }
    return List.copyOf(files);
  }

  private static ZipFile open(Path zip) throws BatchException, IOException {
    try {
      return new ZipFile(zip.toFile());
    } catch (ZipException e) {
      throw new BatchException(Reason.ARCHIVE_DAMAGED, "not a readable ZIP archive");
    }
  }

  private static void unpackAll(ZipFile z, Path out, BatchLimits limits, List<BatchFile> files)
      throws BatchException, IOException {
    Set<String> names = new HashSet<>();
    long total = 0;
    int seen = 0;
    Enumeration<? extends ZipEntry> entries = entries(z);
    while (entries.hasMoreElements()) {
      ZipEntry e = next(entries);
      if (++seen > limits.maxFiles() * 2) { // directories count too, loosely
        throw new BatchException(
            Reason.TOO_MANY_FILES, "more than " + limits.maxFiles() + " files");
      }
      String name = checkName(e.getName());
      if (!names.add(name)) {
        throw new BatchException(Reason.DUPLICATE_ENTRY, "two entries named alike");
      }
      if (e.isDirectory()) {
        continue;
      }
      if (files.size() == limits.maxFiles()) {
        throw new BatchException(
            Reason.TOO_MANY_FILES, "more than " + limits.maxFiles() + " files");
      }
      Path target = out.resolve(String.format("%05d.bin", files.size()));
      long size = copy(z, e, target, limits, limits.maxTotalBytes() - total);
      total += size;
      files.add(new BatchFile(files.size(), name, target, size));
    }
  }

  private static Enumeration<? extends ZipEntry> entries(ZipFile z) throws BatchException {
    try {
      return z.entries();
    } catch (IllegalStateException e) {
      throw new BatchException(Reason.ARCHIVE_DAMAGED, "unreadable central directory");
    }
  }

  private static ZipEntry next(Enumeration<? extends ZipEntry> entries) throws BatchException {
    try {
      return entries.nextElement();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // ZipFile reports bad names/headers in the central directory this way.
      throw new BatchException(Reason.ARCHIVE_DAMAGED, "damaged central directory entry");
    }
  }

  /** The name normalised to forward slashes; refused if it could mean anything but a name. */
  static String checkName(String name) throws BatchException {
    if (name == null
        || name.isEmpty()
        || name.length() > MAX_NAME
        || name.startsWith("/")
        || name.contains("\\")
        || name.matches("^[A-Za-z]:.*")) {
      throw new BatchException(Reason.BAD_ENTRY_NAME, "entry name not allowed");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new BatchException(Reason.BAD_ENTRY_NAME, "control character in an entry name");
      }
    }
    for (String seg : name.split("/", -1)) {
      if (seg.equals("..") || seg.equals(".")) {
        throw new BatchException(Reason.BAD_ENTRY_NAME, "relative segment in an entry name");
      }
    }
    return name;
  }

  private static long copy(ZipFile z, ZipEntry e, Path target, BatchLimits limits, long budget)
      throws BatchException, IOException {
    long cap = Math.min(limits.maxFileBytes(), budget);
    long compressed = Math.max(1, e.getCompressedSize());
    long n = 0;
    boolean done = false;
    try (InputStream in = inflate(z, e);
        OutputStream os =
            Files.newOutputStream(
                target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      byte[] buf = readHead(in);
      refuseArchive(buf, buf.length);
      int r = buf.length;
      while (r > 0) {
        n += r;
        if (n > cap) {
          throw n > limits.maxFileBytes()
              ? new BatchException(Reason.FILE_TOO_LARGE, "a file expands beyond the limit")
              : new BatchException(Reason.ARCHIVE_TOO_LARGE, "the files expand beyond the limit");
        }
        if (n > RATIO_EXEMPT && n / compressed > limits.maxRatio()) {
          throw new BatchException(Reason.COMPRESSION_RATIO, "a file expands too much");
        }
        os.write(buf, 0, r);
        if (buf.length < BUF) {
          buf = new byte[BUF];
        }
        r = read(in, buf);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(target);
      }
    }
    return n;
  }

  private static InputStream inflate(ZipFile z, ZipEntry e) throws BatchException {
    try {
      return z.getInputStream(e);
    } catch (IOException ex) {
      throw damaged(ex);
    }
  }

  private static byte[] readHead(InputStream in) throws BatchException {
    try {
      return in.readNBytes(512);
    } catch (IOException ex) {
      throw damaged(ex);
    }
  }

  /** Reading the archive fails only as "damaged"; writing our own files fails as I/O. */
  private static int read(InputStream in, byte[] buf) throws BatchException {
    try {
      return in.read(buf);
    } catch (IOException ex) {
      throw damaged(ex);
    }
  }

  private static BatchException damaged(IOException ex) {
    return ex.getMessage() != null && ex.getMessage().contains("encrypted")
        ? new BatchException(Reason.ENCRYPTED_ENTRY, "an encrypted entry")
        : new BatchException(Reason.ARCHIVE_DAMAGED, "a damaged entry");
  }

  /** Refuses content that starts like an archive or compressed stream. */
  private static void refuseArchive(byte[] b, int len) throws BatchException {
    if (starts(b, len, 0x50, 0x4b, 0x03, 0x04) // zip
        || starts(b, len, 0x50, 0x4b, 0x05, 0x06) // empty zip
        || starts(b, len, 0x1f, 0x8b) // gzip
        || starts(b, len, 0x42, 0x5a, 0x68) // bzip2
        || starts(b, len, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00) // xz
        || starts(b, len, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c) // 7z
        || starts(b, len, 0x52, 0x61, 0x72, 0x21, 0x1a, 0x07) // rar
        || starts(b, len, 0x28, 0xb5, 0x2f, 0xfd) // zstd
        || (len >= 262
            && new String(b, 257, 5, java.nio.charset.StandardCharsets.US_ASCII)
                .equals("ustar"))) { // tar
      throw new BatchException(Reason.NESTED_ARCHIVE, "an archive inside the archive");
    }
  }

  private static boolean starts(byte[] b, int len, int... magic) {
    if (len < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
