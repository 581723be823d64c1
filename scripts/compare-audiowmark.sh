#!/usr/bin/env bash
# Adapter for `voxproof bench watermark --compare 'scripts/compare-audiowmark.sh'`: runs
# audiowmark (https://github.com/swesterfeld/audiowmark, GPL; built from source, not part of this
# repository) with the bench's embed/detect interface:
#   compare-audiowmark.sh embed IN.wav OUT.wav PAYLOAD   (PAYLOAD: 8 hex digits)
#   compare-audiowmark.sh detect IN.wav                  (last stdout line: the payload, or "none")
# audiowmark carries 128 bits; we embed the 32-bit payload four times and report a payload only
# when all four copies of a decoded pattern agree (a 96-bit consistency check), so a random pattern
# is never reported. Environment: AUDIOWMARK (binary, default `audiowmark`), AUDIOWMARK_KEY (key
# file from `audiowmark gen-key`; default: audiowmark's built-in key), AUDIOWMARK_ARGS (extra
# options for both commands, e.g. "--strength 10"), AUDIOWMARK_DETECT_ARGS (e.g. "--detect-speed").
set -euo pipefail
aw=${AUDIOWMARK:-audiowmark}
key=()
if [ -n "${AUDIOWMARK_KEY:-}" ]; then key=(--key "$AUDIOWMARK_KEY"); fi
read -r -a extra <<<"${AUDIOWMARK_ARGS:-}"
read -r -a detect_extra <<<"${AUDIOWMARK_DETECT_ARGS:-}"
case "${1:-}" in
  embed)
    p=$(printf '%s' "$4" | tr 'A-F' 'a-f')
    "$aw" add -q "${key[@]}" "${extra[@]}" "$2" "$3" "$p$p$p$p" >/dev/null
    ;;
  detect)
    found=none
    while read -r word _ hex _; do
      if [ "$word" = pattern ] && [ ${#hex} -eq 32 ]; then
        a=${hex:0:8}
        if [ "$a$a$a$a" = "$hex" ]; then found=$a; break; fi
      fi
    done < <("$aw" get "${key[@]}" "${extra[@]}" "${detect_extra[@]}" "$2" 2>/dev/null)
    echo "$found"
    [ "$found" != none ]
    ;;
  *)
    echo "usage: $0 embed IN.wav OUT.wav PAYLOAD | detect IN.wav" >&2
    exit 2
    ;;
esac
