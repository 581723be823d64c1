// Microphone capture: getUserMedia → Web Audio (AudioWorklet) → Float32 PCM → WAV bytes.
import { concat, encodeWav } from './wav.js';

export class Recorder {
  /** Starts capturing; `onLevel(rms, seconds)` is called for every block. */
  async start(onLevel = () => {}) {
    // The audio graph is ready before the microphone opens, so the first words are not lost.
    this.ctx = new AudioContext();
    try {
      await this.ctx.audioWorklet.addModule('/web/js/capture-worklet.js');
      this.node = new AudioWorkletNode(this.ctx, 'voxproof-capture');
      this.chunks = [];
      this.count = 0;
      this.node.port.onmessage = (e) => {
        this.chunks.push(e.data);
        this.count += e.data.length;
        let sum = 0;
        for (const x of e.data) sum += x * x;
        onLevel(Math.sqrt(sum / e.data.length), this.count / this.ctx.sampleRate);
      };
      this.node.connect(this.ctx.destination); // the worklet writes silence: nothing is heard
      if (this.ctx.state === 'suspended') await this.ctx.resume();
      this.stream = await navigator.mediaDevices.getUserMedia({
        audio: {
          channelCount: 1,
          echoCancellation: false,
          noiseSuppression: false,
          autoGainControl: false,
        },
      });
      this.source = this.ctx.createMediaStreamSource(this.stream);
      this.source.connect(this.node);
    } catch (e) {
      this.release();
      throw e;
    }
  }

  /** Stops, releases the microphone, and returns {wav, seconds, sampleRate}. */
  async stop() {
    this.node.port.postMessage('stop');
    await new Promise((r) => setTimeout(r, 60)); // blocks already posted arrive first
    const sampleRate = this.ctx.sampleRate;
    const samples = concat(this.chunks);
    this.release();
    return { wav: encodeWav(samples, sampleRate), seconds: samples.length / sampleRate, sampleRate };
  }

  release() {
    if (this.source) this.source.disconnect();
    if (this.node) this.node.disconnect();
    if (this.stream) this.stream.getTracks().forEach((t) => t.stop());
    if (this.ctx && this.ctx.state !== 'closed') this.ctx.close();
    this.source = this.node = this.stream = this.ctx = null;
  }
}
