// AudioWorklet processor: copies each render quantum of the input (channels averaged to mono)
// to the main thread until told to stop.
class Capture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.running = true;
    this.port.onmessage = (e) => {
      if (e.data === 'stop') this.running = false;
    };
  }

  process(inputs) {
    const input = inputs[0];
    if (this.running && input && input.length > 0 && input[0].length > 0) {
      const mono = new Float32Array(input[0].length);
      for (const channel of input) {
        for (let i = 0; i < mono.length; i++) mono[i] += channel[i] / input.length;
      }
      this.port.postMessage(mono, [mono.buffer]);
    }
    return this.running;
  }
}

registerProcessor('voxproof-capture', Capture);
