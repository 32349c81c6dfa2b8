#!/usr/bin/python3
"""Real-PyTorch fixtures: small models exported the way the README tells a user to, with
PyTorch's own per-step outputs, so that `npm test` checks Gatescope against real PyTorch on any
machine without Python (scripts/pytorch-fixtures.test.ts).

    /usr/bin/python3 scripts/pytorch-fixtures.py      # Debian: python3-torch, python3-onnx

For each model (RNN tanh and relu, LSTM, GRU; 1 and 2 layers; with and without bias) it writes
into scripts/fixtures/pytorch/:
    <name>.json            through the README's export_pytorch (executed from README.md itself,
                           so the function a user copies is the one tested)
    <name>.expected.json   the sentence, PyTorch's tokens, and per step and per layer h (and C),
                           and the head's probability, computed in float64 on the exported weights
and for some of them
    <name>.safetensors + <name>.vocab.txt   the state_dict (float32), as safetensors.torch.save_file
                           writes it (the format is written here: Debian has no python3-safetensors)
    <name>.onnx            torch.onnx.export of the whole network (float32)
    <name>.f32.expected.json   PyTorch's outputs for those float32 weights
"""
import json
import os
import re
import struct
import sys

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures", "pytorch")
README = os.path.join(HERE, "..", "README.md")

VOCAB = ["<unk>", "the", "movie", "was", "not", "good", "great", "bad", "boring", "fun"]
# Plain lowercase words: str.split() and Gatescope's tokenizer agree; "popcorn" is not in VOCAB.
TEXT = "the movie was not good popcorn but the fun was great"


def readme_export():
    """The README's export_pytorch, taken from the README's own code block."""
    src = open(README, encoding="utf-8").read()
    block = next(b for b in re.findall(r"```python\n(.*?)```", src, re.S) if "def export_pytorch" in b)
    scope = {}
    exec(compile(block, "README.md:export_pytorch", "exec"), scope)
    return scope["export_pytorch"]


class Net(nn.Module):
    """An attribute name other than `lstm`, to check that the export finds the layer anyway."""

    def __init__(self, cls, layers, bias, nonlinearity=None):
        super().__init__()
        self.embed = nn.Embedding(len(VOCAB), 3)
        kw = {"nonlinearity": nonlinearity} if nonlinearity else {}
        self.encoder = cls(3, 4, num_layers=layers, bias=bias, batch_first=True, **kw)
        self.out = nn.Linear(4, 1)

    def forward(self, ids):
        seq, _ = self.encoder(self.embed(ids))
        return torch.sigmoid(self.out(seq))


def ids_of(tokens):
    return torch.tensor([[VOCAB.index(t) if t in VOCAB else 0 for t in tokens]])


def reference(net, tokens):
    """Per step: every layer's h (and C), from PyTorch's own modules, in float64."""
    net = net.double().eval()
    rnn = net.encoder
    x = net.embed(ids_of(tokens))
    per_layer = []
    with torch.no_grad():
        inp = x
        for k in range(rnn.num_layers):
            # One layer at a time with PyTorch's own single-layer module holding layer k's weights:
            # the stack's intermediate h and C are not returned by the stacked module.
            one = type(rnn)(inp.shape[-1], rnn.hidden_size, bias=rnn.bias, batch_first=True,
                            **({"nonlinearity": rnn.nonlinearity} if isinstance(rnn, nn.RNN) else {})).double()
            for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
                src = getattr(rnn, f"{name}_l{k}", None)
                if src is not None:
                    getattr(one, f"{name}_l0").copy_(src)
            hs, cs = [], []
            if isinstance(rnn, nn.LSTM):
                state = None
                for t in range(inp.shape[1]):
                    _, state = one(inp[:, t:t + 1], state)
                    hs.append(state[0][0, 0].tolist())
                    cs.append(state[1][0, 0].tolist())
            else:
                seq, _ = one(inp)
                hs = [seq[0, t].tolist() for t in range(seq.shape[1])]
            per_layer.append((hs, cs))
            inp = one(inp)[0]
        # The whole stacked module, as a user runs it: its top h must be the last layer's.
        top, _ = rnn(x)
        assert torch.allclose(top[0], torch.tensor(per_layer[-1][0], dtype=torch.float64), atol=1e-12)
        p = net(ids_of(tokens))[0, :, 0].tolist()
    steps = []
    for t in range(len(tokens)):
        layers = []
        for hs, cs in per_layer:
            layer = {"h": hs[t]}
            if cs:
                layer["c"] = cs[t]
            layers.append(layer)
        steps.append({"layers": layers, "p": p[t]})
    return steps


def set_params(net, fn):
    with torch.no_grad():
        for prm in net.parameters():
            prm.copy_(fn(prm))


def write_safetensors(path, state, metadata):
    """safetensors' layout: u64 header length, JSON header, then the little-endian tensors."""
    header, blobs, offset = {}, [], 0
    for name, t in state.items():
        data = t.detach().cpu().float().contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


CASES = [
    # name, class, layers, bias, nonlinearity, also write safetensors / onnx
    ("rnn-tanh-1", nn.RNN, 1, True, "tanh", True),
    ("rnn-tanh-nobias-1", nn.RNN, 1, False, "tanh", False),
    ("rnn-relu-1", nn.RNN, 1, True, "relu", False),
    ("rnn-tanh-2", nn.RNN, 2, True, "tanh", False),
    ("lstm-1", nn.LSTM, 1, True, None, True),
    ("lstm-nobias-1", nn.LSTM, 1, False, None, False),
    ("lstm-2", nn.LSTM, 2, True, None, True),
    ("lstm-3", nn.LSTM, 3, True, None, False),
    ("gru-1", nn.GRU, 1, True, None, True),
    ("gru-nobias-1", nn.GRU, 1, False, None, False),
    ("gru-2", nn.GRU, 2, True, None, True),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    export_pytorch = readme_export()
    tokens = TEXT.split()
    for i, (name, cls, layers, bias, nl, binary) in enumerate(CASES):
        torch.manual_seed(1000 + i)
        net = Net(cls, layers, bias, nl).double()
        # Larger weights than PyTorch's init, so gates saturate and layers differ visibly.
        set_params(net, lambda p: p * 2.5)
        # The JSON export rounds to 6 decimals: round first, so PyTorch computes on those values.
        set_params(net, lambda p: torch.round(p * 1e6) / 1e6)
        path = os.path.join(OUT, f"{name}.json")
        export_pytorch(net, VOCAB, path, model_id=f"pytorch-{name}")
        expected = {"source": f"PyTorch {torch.__version__}, scripts/pytorch-fixtures.py", "text": TEXT,
                    "tokens": tokens, "steps": reference(Net_copy(net, cls, layers, bias, nl), tokens)}
        json.dump(expected, open(os.path.join(OUT, f"{name}.expected.json"), "w"))
        if binary:
            f32 = Net_copy(net, cls, layers, bias, nl).float()
            meta = {"labels": json.dumps(["negative", "positive"])}
            if nl:
                meta["nonlinearity"] = nl
            write_safetensors(os.path.join(OUT, f"{name}.safetensors"), f32.state_dict(), meta)
            with open(os.path.join(OUT, f"{name}.vocab.txt"), "w") as f:
                f.write("\n".join(VOCAB) + "\n")
            torch.onnx.export(f32, ids_of(tokens), os.path.join(OUT, f"{name}.onnx"), input_names=["ids"],
                              output_names=["p"], dynamic_axes={"ids": {1: "steps"}, "p": {1: "steps"}}, opset_version=14)
            # float32 weights, computed in float64: what a reader of these files must reproduce.
            exact = Net_copy(f32, cls, layers, bias, nl)
            json.dump({**expected, "steps": reference(exact, tokens)},
                      open(os.path.join(OUT, f"{name}.f32.expected.json"), "w"))
        print(f"{name}: {layers} layer(s), bias={bias}" + (f", {nl}" if nl else ""))


def Net_copy(net, cls, layers, bias, nl):
    """A copy in the same precision (load_state_dict would cast into the new module's float32)."""
    c = Net(cls, layers, bias, nl).to(next(net.parameters()).dtype)
    c.load_state_dict({k: v.clone() for k, v in net.state_dict().items()})
    return c


if __name__ == "__main__":
    sys.exit(main())
