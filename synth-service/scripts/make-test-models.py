#!/usr/bin/env python3
"""Generates the tiny test models and hostile model files checked in under
synth-service/src/test/resources/org/voxproof/synth/models/ (see the README there).

Needs Debian python3-onnx and python3-numpy (apt-get install python3-onnx python3-numpy); run with
the system interpreter: /usr/bin/python3 synth-service/scripts/make-test-models.py

tiny-piper.onnx (+ .onnx.json) has Piper's exact input/output signature:
  inputs  input int64 [1, N] (phoneme ids), input_lengths int64 [1], scales float32 [3]
          (noise_scale, length_scale, noise_w), and for tiny-piper-2spk also sid int64 [1]
  output  output float32 [1, 1, T]
It is not a voice: every phoneme id becomes round(256 * length_scale) samples of a sine whose
frequency is (200 + 10 * id) * (1 + 0.1 * noise_w) Hz, amplitude (0.1 + 0.2 * noise_scale) * (1 +
0.5 * sid), phase continuous in the global sample index t: sin(2 pi f t / 22050). The number of
ids is read from input_lengths. Tests recompute this waveform and compare sample by sample, which
pins the ids, their order, input_lengths, every scale's position and the speaker id.

slow-piper.onnx has the same inputs but spins in a Loop of 2^40 iterations before answering:
the engine's run deadline (ONNX Runtime RunOptions.setTerminate) must stop it.
"""
import json
import math
import os
import pickle
import zipfile

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                   "src/test/resources/org/voxproof/synth/models")
RATE = 22050
HOP = 256

# Symbols in the order of Piper's default phoneme id map (pad, bos, eos, space, punctuation,
# letters, IPA); every code point espeak-ng emits for the test sentences is in it.
SYMBOLS = (["_", "^", "$", " ", "!", "'", "(", ")", ",", "-", ".", ":", ";", "?"]
           + list("abcdefhijklmnopqrstuvwxyz")
           + list("æçðøħŋœǀǁǂǃɐɑɒɓɔɕɖɗɘəɚɛɜɞɟɠɡɢɣɤɥɦɧɨɪɫɬɭɮɯɰɱɲɳɴɵɶɸɹɺɻɽɾʀʁʂʃʄʈʉʊʋʌʍʎʏʐʑʒʔʕʘʙʛʜʝʟʡʢʲˈˌːˑ˞βθχᵻⱱ")
           + list("0123456789")
           + ["\u0327", "\u0303", "\u032a", "\u032f", "\u0329", "ʰ", "ˤ", "ε", "↓", "#", "\"", "↑",
              "\u033a", "\u033b"])


def graph(multi_speaker):
    n_sym = len(SYMBOLS)
    table = np.array([200.0 + 10.0 * i for i in range(n_sym)], dtype=np.float32)
    c = lambda name, value, dtype=np.float32: numpy_helper.from_array(np.array(value, dtype=dtype), name)
    inits = [
        numpy_helper.from_array(table, "freq_table"),
        c("i0", 0, np.int64), c("i1", 1, np.int64), c("i2", 2, np.int64),
        c("ax0", [0], np.int64), c("hop", float(HOP)), c("one", 1.0), c("tenth", 0.1),
        c("amp0", 0.1), c("amp1", 0.2), c("half", 0.5), c("one_i", 1, np.int64),
        c("w", 2.0 * math.pi / RATE), c("shape", [1, 1, -1], np.int64),
    ]
    n = helper.make_node
    nodes = [
        n("Gather", ["scales", "i0"], ["noise_scale"], axis=0),
        n("Gather", ["scales", "i1"], ["length_scale"], axis=0),
        n("Gather", ["scales", "i2"], ["noise_w"], axis=0),
        n("Mul", ["length_scale", "hop"], ["hop_f"]),
        n("Round", ["hop_f"], ["hop_r"]),
        n("Cast", ["hop_r"], ["hop_raw"], to=TensorProto.INT64),
        n("Max", ["hop_raw", "one_i"], ["hop_i"]),
        n("Gather", ["input_lengths", "i0"], ["n"], axis=0),
        n("Mul", ["n", "hop_i"], ["total"]),
        n("Range", ["i0", "total", "one_i"], ["t"]),
        n("Div", ["t", "hop_i"], ["pidx"]),
        n("Squeeze", ["input", "ax0"], ["ids"]),
        n("Gather", ["ids", "pidx"], ["ids_t"], axis=0),
        n("Gather", ["freq_table", "ids_t"], ["f"], axis=0),
        n("Mul", ["noise_w", "tenth"], ["nw_t"]),
        n("Add", ["one", "nw_t"], ["f_mul"]),
        n("Mul", ["f", "f_mul"], ["f2"]),
        n("Cast", ["t"], ["tf"], to=TensorProto.FLOAT),
        n("Mul", ["f2", "tf"], ["ft"]),
        n("Mul", ["ft", "w"], ["phase"]),
        n("Sin", ["phase"], ["s"]),
        n("Mul", ["noise_scale", "amp1"], ["a1"]),
        n("Add", ["amp0", "a1"], ["amp"]),
    ]
    inputs = [
        helper.make_tensor_value_info("input", TensorProto.INT64, [1, "phonemes"]),
        helper.make_tensor_value_info("input_lengths", TensorProto.INT64, [1]),
        helper.make_tensor_value_info("scales", TensorProto.FLOAT, [3]),
    ]
    if multi_speaker:
        inputs.append(helper.make_tensor_value_info("sid", TensorProto.INT64, [1]))
        nodes += [
            n("Cast", ["sid"], ["sid_f"], to=TensorProto.FLOAT),
            n("Mul", ["sid_f", "half"], ["sid_h"]),
            n("Add", ["one", "sid_h"], ["sid_gain"]),
            n("Mul", ["amp", "sid_gain"], ["amp_s"]),
            n("Mul", ["s", "amp_s"], ["y"]),
        ]
    else:
        nodes.append(n("Mul", ["s", "amp"], ["y"]))
    nodes.append(n("Reshape", ["y", "shape"], ["output"]))
    out = [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 1, "time"])]
    g = helper.make_graph(nodes, "tiny_piper", inputs, out, inits)
    m = helper.make_model(g, producer_name="voxproof-make-test-models",
                          opset_imports=[helper.make_opsetid("", 13)])
    m.ir_version = 8
    onnx.checker.check_model(m)
    return m


def config(speakers):
    cfg = {
        "audio": {"sample_rate": RATE, "quality": "x_low"},
        "espeak": {"voice": "en-us"},
        "inference": {"noise_scale": 0.667, "length_scale": 1.0, "noise_w": 0.8},
        "phoneme_type": "espeak",
        "phoneme_map": {},
        "phoneme_id_map": {s: [i] for i, s in enumerate(SYMBOLS)},
        "num_symbols": len(SYMBOLS),
        "num_speakers": speakers,
        "speaker_id_map": {} if speakers == 1 else {"alice": 0, "bob": 1},
        "piper_version": "1.0.0",
        "language": {"code": "en_US"},
        "dataset": "voxproof-tiny-test",
    }
    return json.dumps(cfg, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def slow_graph():
    """Piper's signature, but it loops ~forever before answering: for the run deadline test."""
    n = helper.make_node
    body = helper.make_graph(
        [n("Identity", ["cond_in"], ["cond_out"]), n("Add", ["v_in", "one_b"], ["v_out"])],
        "spin",
        [helper.make_tensor_value_info("i", TensorProto.INT64, []),
         helper.make_tensor_value_info("cond_in", TensorProto.BOOL, []),
         helper.make_tensor_value_info("v_in", TensorProto.FLOAT, [])],
        [helper.make_tensor_value_info("cond_out", TensorProto.BOOL, []),
         helper.make_tensor_value_info("v_out", TensorProto.FLOAT, [])],
        [numpy_helper.from_array(np.array(1.0, dtype=np.float32), "one_b")])
    inits = [
        numpy_helper.from_array(np.array(1 << 40, dtype=np.int64), "trips"),
        numpy_helper.from_array(np.array(True), "true"),
        numpy_helper.from_array(np.array(0.0, dtype=np.float32), "zero"),
        numpy_helper.from_array(np.zeros((1, 1, HOP), dtype=np.float32), "silence"),
    ]
    nodes = [
        n("Loop", ["trips", "true", "zero"], ["v"], body=body),
        n("Mul", ["silence", "v"], ["output"]),
    ]
    inputs = [
        helper.make_tensor_value_info("input", TensorProto.INT64, [1, "phonemes"]),
        helper.make_tensor_value_info("input_lengths", TensorProto.INT64, [1]),
        helper.make_tensor_value_info("scales", TensorProto.FLOAT, [3]),
    ]
    out = [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 1, HOP])]
    m = helper.make_model(helper.make_graph(nodes, "slow_piper", inputs, out, inits),
                          producer_name="voxproof-make-test-models",
                          opset_imports=[helper.make_opsetid("", 13)])
    m.ir_version = 8
    onnx.checker.check_model(m)
    return m


class Harmless:
    """Unpickling this calls print(): proof that loading a pickle runs code."""

    def __reduce__(self):
        return (print, ("a pickle just ran code",))


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, spk in (("tiny-piper", 1), ("tiny-piper-2spk", 2)):
        write(name + ".onnx", graph(spk > 1).SerializeToString())
        write(name + ".onnx.json", config(spk).encode("utf-8"))
    write("slow-piper.onnx", slow_graph().SerializeToString())
    payload = {"weights": [0.25, 0.5], "code": Harmless()}
    for proto in (0, 2, 4, 5):
        write(f"pickle-protocol{proto}.onnx", pickle.dumps(payload, protocol=proto))
    # torch.save's format: a zip archive with <name>/data.pkl (+ data/0, version); no torch needed.
    path = os.path.join(OUT, "torch-checkpoint.onnx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("archive/data.pkl", pickle.dumps(payload, protocol=2))
        z.writestr("archive/version", "3\n")
        z.writestr("archive/data/0", bytes(16))
    print("wrote", sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()
