#!/usr/bin/env bash
# Verifies every external tool and format the tests use, so a missing install step fails in
# seconds with its name instead of minutes later inside a test. .ci/run calls it after installing;
# add a line here whenever a test starts using a new tool or format.
set -uo pipefail

failed=0
check() { # check NAME COMMAND...: COMMAND must succeed
  local name=$1; shift
  if "$@" >/dev/null 2>&1; then
    printf '  ok   %s\n' "$name"
  else
    printf '  MISSING %s  (check: %s)\n' "$name" "$*" >&2
    failed=1
  fi
}
sox_format() { sox -h 2>/dev/null | grep '^AUDIO FILE FORMATS:' | tr ' ' '\n' | grep -qx "$1"; }
ffmpeg_encoder() { ffmpeg -hide_banner -encoders 2>/dev/null | awk '{print $2}' | grep -qx "$1"; }
ffmpeg_decoder() { ffmpeg -hide_banner -decoders 2>/dev/null | awk '{print $2}' | grep -qx "$1"; }

echo "external tools and formats the tests need:"
check "espeak-ng (speech corpus, test voices)" espeak-ng --version
check "espeak-ng voice en-us" sh -c 'espeak-ng --voices=en | grep -q "en-us"'
check "espeak-ng voice cmn (Mandarin)" sh -c 'espeak-ng --voices=cmn | grep -q cmn'
check "espeak-ng voice de and variant f3 (synth engine tests)" sh -c 'espeak-ng --voices=de | grep -q " de " && espeak-ng --voices=variant | grep -q f3'
check "sox" sox --version
for f in wav flac mp3 ogg aiff; do check "sox format $f" sox_format "$f"; done
check "ffmpeg" ffmpeg -hide_banner -version
for e in libopus aac libmp3lame flac libgsm pcm_mulaw; do check "ffmpeg encoder $e" ffmpeg_encoder "$e"; done
for d in opus aac mp3 flac gsm; do check "ffmpeg decoder $d" ffmpeg_decoder "$d"; done
check "lame" lame --version
check "flac" flac --version
check "opusenc" opusenc --version
check "softhsm2-util" softhsm2-util --version
check "SoftHSM2 PKCS#11 library" test -f /usr/lib/softhsm/libsofthsm2.so
check "node (reference C2PA validator)" node --version
check "c2pa-rs validator installed" test -f "${VOXPROOF_C2PA_VERIFIER:-/tmp/voxproof-c2pa-verifier}/verify.mjs"
check "curl, jq, python3 (API guide: ApiGuideIT runs its sh blocks)" sh -c 'curl --version && jq --version && python3 --version'
check "chromium (web page tests)" test -x "${VOXPROOF_CHROMIUM:-/usr/bin/chromium}"
check "chromedriver (web page tests)" test -x "${VOXPROOF_CHROMEDRIVER:-/usr/bin/chromedriver}"
check "axe-core (web page tests)" test -f "${VOXPROOF_AXE_JS:-/tmp/voxproof-web-tests/node_modules/axe-core/axe.min.js}"
check "PostgreSQL on 127.0.0.1:5432, database test" psql -h 127.0.0.1 -U postgres -d test -Atc 'select 1'

if [ "$failed" -ne 0 ]; then
  echo "check-tools: something the tests need is missing (above); fix .ci/run's install step" >&2
  exit 1
fi
echo "check-tools: all present"
