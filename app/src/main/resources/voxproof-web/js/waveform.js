// Canvas drawings for the detector page: the waveform with the watermarked stretches shaded,
// and the per-second watermark score as bars.

const INK = '#1d3557';
const MARK = 'rgba(230, 57, 70, 0.28)';
const MARK_EDGE = '#b5172b';

function prepare(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || canvas.width;
  const height = canvas.clientHeight || canvas.height;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);
  return { g, width, height };
}

/** Min/max envelope of `samples` (Float32Array) with `segments` ([{startMs, endMs}]) shaded. */
export function drawWaveform(canvas, samples, durationMs, segments = []) {
  const { g, width, height } = prepare(canvas);
  for (const s of segments) {
    const x0 = (s.startMs / durationMs) * width;
    const x1 = (s.endMs / durationMs) * width;
    g.fillStyle = MARK;
    g.fillRect(x0, 0, Math.max(1, x1 - x0), height);
    g.fillStyle = MARK_EDGE;
    g.fillRect(x0, 0, 1, height);
    g.fillRect(Math.max(x0, x1 - 1), 0, 1, height);
  }
  const mid = height / 2;
  g.fillStyle = INK;
  if (samples && samples.length) {
    const per = samples.length / width;
    for (let x = 0; x < width; x++) {
      let lo = 1;
      let hi = -1;
      const end = Math.min(samples.length, Math.floor((x + 1) * per));
      for (let i = Math.floor(x * per); i < end; i++) {
        const v = samples[i];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (hi < lo) continue;
      g.fillRect(x, mid - hi * mid, 1, Math.max(1, (hi - lo) * mid));
    }
  } else {
    g.fillRect(0, mid, width, 1);
  }
}

/** One bar per second; bars in seconds inside a segment are drawn in the mark colour. */
export function drawScores(canvas, scores, segments = []) {
  const { g, width, height } = prepare(canvas);
  if (!scores.length) return;
  const max = Math.max(1e-9, ...scores.map((s) => Math.abs(s)));
  const w = width / scores.length;
  scores.forEach((s, i) => {
    const inside = segments.some((seg) => seg.startMs < (i + 1) * 1000 && seg.endMs > i * 1000);
    const h = (Math.abs(s) / max) * (height - 2);
    g.fillStyle = inside ? MARK_EDGE : INK;
    g.fillRect(i * w + 1, height - h, Math.max(1, w - 2), h);
  });
}
