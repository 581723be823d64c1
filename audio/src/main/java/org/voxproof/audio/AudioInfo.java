package org.voxproof.audio;

/**
 * Format facts of a decoded file, as {@code voxproof audio info} prints them.
 *
 * @param format container detected from the bytes (e.g. {@code wav}, {@code mp3}, {@code flac})
 * @param codec codec inside the container (e.g. {@code pcm_s16le}, {@code mp3}, {@code opus})
 * @param sampleRate sample rate of the decoded PCM in Hz
 * @param channels channel count of the source
 * @param durationSeconds duration after encoder delay and padding are removed
 */
public record AudioInfo(
    String format, String codec, int sampleRate, int channels, double durationSeconds) {}
