#!/usr/bin/env bash
# make-speech-corpus.sh OUTDIR — synthesize a small speech corpus with espeak-ng and encode each
# clip into every format the audio module decodes. Deterministic inputs; tools: espeak-ng, sox,
# ffmpeg, lame, flac, opusenc. Writes OUTDIR/src/<clip>.wav (the reference PCM, s16) and
# OUTDIR/<clip>/<clip>.<variant>.<ext>, then OUTDIR/.complete (tests reuse a complete corpus).
set -euo pipefail
OUT=${1:?usage: make-speech-corpus.sh OUTDIR}
for t in espeak-ng sox ffmpeg lame flac opusenc; do
  command -v "$t" >/dev/null || { echo "make-speech-corpus: missing tool: $t" >&2; exit 3; }
done
[ -f "$OUT/.complete" ] && exit 0
TMP="$OUT.tmp.$$"
rm -rf "$TMP"; mkdir -p "$TMP/src"
trap 'rm -rf "$TMP"' EXIT
FF=(ffmpeg -nostdin -hide_banner -loglevel error -y)

# Clips: name, espeak voice, speed, rate (Hz), channels, text. Durations 3-30 s.
synth() { # name voice speed rate channels text
  local raw="$TMP/src/$1.raw.wav"
  espeak-ng -v "$2" -s "$3" -w "$raw" "$6"
  if [ "$5" = 2 ]; then
    # Stereo: right channel is the left one 3 dB down and 2 ms late, so channels differ.
    sox "$raw" -r "$4" -b 16 -e signed-integer "$TMP/src/$1.wav" remix 1 1v0.708 delay 0 0.002 trim 0 -0.002
  else
    sox "$raw" -r "$4" -b 16 -e signed-integer "$TMP/src/$1.wav"
  fi
  rm -f "$raw"
}
synth en-us-male en-us 150 22050 1 \
  "I agree that my voice may be used by the licensee for the purposes listed in this consent. Purple river seven."
synth en-gb-female en-gb+f3 140 44100 2 \
  "The quick brown fox jumps over the lazy dog, and the five boxing wizards jump quickly."
synth cmn-male cmn 130 16000 1 "我同意我的声音用于本同意书中列出的用途。今天天气很好。"

encode() { # clip
  local c=$1 s="$TMP/src/$1.wav" d="$TMP/$1"
  mkdir -p "$d"
  "${FF[@]}" -i "$s" -c:a pcm_s16le "$d/$c.wav-s16.wav"                  # PCM 16, LIST chunk
  sox "$s" -t wavpcm -b 24 -e signed-integer "$d/$c.wav-s24.wav"           # PCM 24
  sox "$s" -t wavpcm -b 32 -e signed-integer "$d/$c.wav-s32.wav"           # PCM 32
  sox "$s" -t wavpcm -b 8 -e unsigned-integer "$d/$c.wav-u8.wav"           # PCM 8 (lossy)
  sox "$s" -t wavpcm -b 32 -e floating-point "$d/$c.wav-f32.wav"           # IEEE float 32
  sox "$s" -t wavpcm -b 64 -e floating-point "$d/$c.wav-f64.wav"           # IEEE float 64
  sox "$s" -t wavpcm -e a-law "$d/$c.wav-alaw.wav"                         # G.711 A-law
  "${FF[@]}" -i "$s" -c:a pcm_mulaw "$d/$c.wav-mulaw.wav"                 # G.711 mu-law
  "${FF[@]}" -i "$s" -c:a pcm_s24le "$d/$c.wav-ext.wav"                   # WAVE_FORMAT_EXTENSIBLE
  sox "$s" -b 16 "$d/$c.aiff.aiff"                                         # AIFF big-endian
  "${FF[@]}" -i "$s" -c:a pcm_s16le -f aiff "$d/$c.aifc-sowt.aifc"        # AIFC 'sowt'
  flac --silent --best -o "$d/$c.flac.flac" "$s"                           # FLAC
  lame --quiet -V 4 "$s" "$d/$c.mp3.mp3"                                   # MP3 + LAME tag
  "${FF[@]}" -i "$s" -c:a libvorbis -q:a 4 "$d/$c.vorbis.ogg"             # Ogg Vorbis
  opusenc --quiet --bitrate 48 "$s" "$d/$c.opus.opus"                      # Ogg Opus
  "${FF[@]}" -i "$s" -c:a aac -b:a 96k -f adts "$d/$c.aac.aac"            # AAC in ADTS
  "${FF[@]}" -i "$s" -c:a aac -b:a 96k "$d/$c.m4a.m4a"                    # AAC in MP4
}
for c in en-us-male en-gb-female cmn-male; do encode "$c"; done
touch "$TMP/.complete"
mkdir -p "$(dirname "$OUT")"
rm -rf "$OUT"
mv "$TMP" "$OUT"
trap - EXIT
