#!/usr/bin/env python3
"""Generates the tiny ONNX models the consent checks are tested with, into
consent-service/src/test/resources/org/voxproof/consent/checks/models/ (README there).

Needs Debian python3-onnx and python3-numpy; run with the system interpreter:
  /usr/bin/python3 consent-service/scripts/make-test-models.py

None of them is a real model. Each has the exact input/output signature of the kind of model it
stands for, and a simple formula the Java tests recompute, so a test fails if the input is laid
out, scaled or normalised differently from what the real exports expect:

tiny-speaker.onnx   like a WeSpeaker/3D-Speaker export: input feats float [1, T, 80] (Kaldi fbank,
                    CMN), output embs float [1, 16] = mean over T of feats^2, times W (80 x 16,
                    numpy seed 7, uniform [0, 1)).
tiny-antispoof.onnx like an AASIST export: input float [1, 64600] (raw 16 kHz waveform), output
                    float [1, 2] logits = [1000 * (mean(x^2) - 0.01), 0]: class 0 (spoof) wins when
                    the RMS exceeds 0.1. Loud is "spoof".
tiny-ctc-zh.onnx    like a CTC recognizer export: input float [1, T, 80] fbank, output float
                    [1, T', V] where T' = 12 fixed frames whose argmax spells the token ids in
                    SEQUENCE (tokens in tiny-ctc-zh.tokens.txt, id 0 the blank), whatever the audio;
                    the input only enters as 0 * sum(feats). It pins the decoding, not recognition.
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                   "src/test/resources/org/voxproof/consent/checks/models")
n = helper.make_node


def save(graph, name):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                              producer_name="voxproof-make-test-models")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(OUT, name))


def speaker():
    w = np.random.default_rng(7).random((80, 16), dtype=np.float64).astype(np.float32)
    nodes = [
        n("Mul", ["feats", "feats"], ["sq"]),
        n("ReduceMean", ["sq"], ["m"], axes=[1], keepdims=0),
        n("MatMul", ["m", "W"], ["embs"]),
    ]
    g = helper.make_graph(
        nodes, "tiny-speaker",
        [helper.make_tensor_value_info("feats", TensorProto.FLOAT, [1, "T", 80])],
        [helper.make_tensor_value_info("embs", TensorProto.FLOAT, [1, 16])],
        [numpy_helper.from_array(w, "W")])
    save(g, "tiny-speaker.onnx")
    np.savetxt(os.path.join(OUT, "tiny-speaker.W.txt"), w, fmt="%.9g")


def antispoof():
    c = lambda name, v: numpy_helper.from_array(np.array(v, dtype=np.float32), name)
    nodes = [
        n("Mul", ["input", "input"], ["sq"]),
        n("ReduceMean", ["sq"], ["ms"], axes=[1], keepdims=1),
        n("Sub", ["ms", "c"], ["d"]),
        n("Mul", ["d", "k"], ["spoof"]),
        n("Mul", ["ms", "zero"], ["bona"]),
        n("Concat", ["spoof", "bona"], ["output"], axis=1),
    ]
    g = helper.make_graph(
        nodes, "tiny-antispoof",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 64600])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 2])],
        [c("c", 0.01), c("k", 1000.0), c("zero", 0.0)])
    save(g, "tiny-antispoof.onnx")


TOKENS = ["<blk>", "我", "同", "意", "苹", "果", "河", "流", "蜡", "烛"]
SEQUENCE = [1, 2, 3, 4, 5, 6, 7, 8, 9]


def ctc():
    frames = []
    for t in SEQUENCE:
        frames.append(t)
        frames.append(0)
    logits = np.full((1, len(frames), len(TOKENS)), -10.0, dtype=np.float32)
    for i, t in enumerate(frames):
        logits[0, i, t] = 0.0
    nodes = [
        n("ReduceSum", ["feats"], ["s"], keepdims=0),
        n("Mul", ["s", "zero"], ["z"]),
        n("Add", ["L", "z"], ["logits"]),
    ]
    g = helper.make_graph(
        nodes, "tiny-ctc-zh",
        [helper.make_tensor_value_info("feats", TensorProto.FLOAT, [1, "T", 80])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, len(frames), len(TOKENS)])],
        [numpy_helper.from_array(logits, "L"),
         numpy_helper.from_array(np.array(0.0, dtype=np.float32), "zero")])
    save(g, "tiny-ctc-zh.onnx")
    with open(os.path.join(OUT, "tiny-ctc-zh.tokens.txt"), "w", encoding="utf-8") as f:
        for i, t in enumerate(TOKENS):
            f.write(f"{t} {i}\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    speaker()
    antispoof()
    ctc()
