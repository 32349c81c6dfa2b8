#!/usr/bin/python3
"""Real-PyTorch fixtures: small models exported the way the README tells a user to, with
PyTorch's own per-step outputs, so that `npm test` checks Gatescope against real PyTorch on any
machine without Python (scripts/pytorch-fixtures.test.ts).

    apt-get install python3-torch python3-onnx      # Debian's PyTorch 1.13 and onnx
    /usr/bin/python3 scripts/pytorch-fixtures.py

Every file is made by executing the README's own code blocks (found by what they define or
call), so the code a user copies is the code tested:
    export_pytorch      the JSON file
    save_safetensors    the float32 state_dict and its vocabulary file, with its usage lines
    torch.onnx.export   the .onnx file, with its usage lines (`ids` and all)

Two families of models, written into scripts/fixtures/pytorch/:
  readme-<kind>-<layers>   the README's own `Net` (head on h[-1], the top layer's final state),
                           LSTM, GRU and RNN, 1–3 layers: .json, .safetensors + .vocab.txt, and
                           .onnx exactly as the README calls torch.onnx.export (no dynamic_axes,
                           PyTorch's default opset); the 2-layer ones also at opsets 9, 11, 17
                           (.opset<N>.onnx), the 3-layer ones also with dynamic_axes (.dynamic.onnx)
  <kind>-…                 a net whose head reads every step's output (RNN tanh and relu, LSTM,
                           GRU; 1–3 layers; with and without bias): .json, and for some the
                           .safetensors and the .onnx (with dynamic_axes; .static.onnx without)
and for each name <name>.expected.json: the sentence, PyTorch's tokens, and per step and per
layer h (and C), and the head's probability, computed in float64 on the model's float32 weights
(the values a user's float32 model holds, which every route must reproduce to 1e-5).
"""
import copy
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures", "pytorch")
README = os.path.join(HERE, "..", "README.md")

VOCAB = ["<unk>", "the", "movie", "was", "not", "good", "great", "bad", "boring", "fun"]
# Plain lowercase words: str.split() and Gatescope's tokenizer agree; "popcorn" is not in VOCAB.
TEXT = "the movie was not good popcorn but the fun was great"
# The README's torch.onnx.export call, which the variants extend with one more argument.
ONNX_CALL = 'torch.onnx.export(net, ids, "m.onnx")'


def readme_blocks():
    """The README's Python code blocks that this script executes, by what each one holds."""
    src = open(README, encoding="utf-8").read()
    blocks = re.findall(r"```python\n(.*?)```", src, re.S)

    def one(marker):
        found = [b for b in blocks if marker in b]
        if len(found) != 1:
            sys.exit(f"README.md: expected one python block with {marker!r}, found {len(found)}")
        return found[0]

    onnx_block = one("torch.onnx.export(")
    if ONNX_CALL not in onnx_block:
        sys.exit(f"README.md: the torch.onnx.export block no longer calls {ONNX_CALL}")
    return {"export": one("def export_pytorch"), "safetensors": one("def save_safetensors"), "onnx": onnx_block}


def run_block(code, name, scope, workdir):
    """Executes a README block in `workdir` (its files are written there) with `scope`'s names."""
    here = os.getcwd()
    os.chdir(workdir)
    try:
        exec(compile(code, f"README.md:{name}", "exec"), scope)
    finally:
        os.chdir(here)


class SeqNet(nn.Module):
    """A head on every step's output, and attribute names other than the README's, to check that
    the export and the readers find the layers anyway."""

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


def parts(net):
    """The embedding, the recurrent module and the head, whatever their attribute names."""
    mods = list(net.modules())
    pick = lambda types: next(m for m in mods if isinstance(m, types))
    return pick(nn.Embedding), pick((nn.RNN, nn.LSTM, nn.GRU)), pick(nn.Linear)


def reference(net, tokens):
    """Per step: every layer's h (and C), from PyTorch's own modules, in float64, and the head's
    probability on the top layer's h at that step."""
    net = copy.deepcopy(net).double().eval()
    emb, rnn, fc = parts(net)
    x = emb(ids_of(tokens))
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
        p = torch.sigmoid(fc(top[0]))[:, 0]
        # And the whole net: a head on every step gives these; one on h[-1] gives the last.
        out = net(ids_of(tokens)).reshape(-1)
        assert torch.allclose(out, p if out.numel() == len(tokens) else p[-1:], atol=1e-12)
    steps = []
    for t in range(len(tokens)):
        layers = []
        for hs, cs in per_layer:
            layer = {"h": hs[t]}
            if cs:
                layer["c"] = cs[t]
            layers.append(layer)
        steps.append({"layers": layers, "p": p[t].item()})
    return steps


def prepare(net, gain=2.5):
    """Larger weights than PyTorch's init, so gates saturate and layers differ visibly; float32,
    as a user's model is."""
    with torch.no_grad():
        for prm in net.parameters():
            prm.mul_(gain)
    return net.float()


def session(base, net):
    """What a user's Python session holds when they reach a later block: the earlier blocks'
    names (torch, json, …), their trained `net` and its vocabulary `itos`."""
    return {**base, "net": copy.deepcopy(net), "itos": list(VOCAB)}


def write_readme_files(blocks, base, net, name, onnx_variants):
    """The README's save_safetensors and torch.onnx.export blocks, run as a user runs them (in a
    folder of their own, writing m.safetensors, m.vocab.txt and m.onnx), renamed into OUT."""
    with tempfile.TemporaryDirectory() as tmp:
        for what, suffix, code in [("save_safetensors", ".safetensors", blocks["safetensors"]), ("torch.onnx.export", ".onnx", blocks["onnx"])] + [
            (f"torch.onnx.export ({v})", f".{v}.onnx", blocks["onnx"].replace(ONNX_CALL, ONNX_CALL[:-1] + extra + ")")) for v, extra in onnx_variants
        ]:
            run_block(code, what, session(base, net), tmp)
            made = os.path.join(tmp, "m" + (".safetensors" if suffix == ".safetensors" else ".onnx"))
            shutil.move(made, os.path.join(OUT, name + suffix))
        shutil.move(os.path.join(tmp, "m.vocab.txt"), os.path.join(OUT, f"{name}.vocab.txt"))


DYNAMIC = ', input_names=["ids"], dynamic_axes={"ids": {1: "steps"}}'

SEQ_CASES = [
    # name, class, layers, bias, nonlinearity, also write .safetensors and .onnx
    ("rnn-tanh-1", nn.RNN, 1, True, "tanh", True),
    ("rnn-tanh-nobias-1", nn.RNN, 1, False, "tanh", False),
    ("rnn-relu-1", nn.RNN, 1, True, "relu", True),
    ("rnn-tanh-2", nn.RNN, 2, True, "tanh", False),
    ("lstm-1", nn.LSTM, 1, True, None, True),
    ("lstm-nobias-1", nn.LSTM, 1, False, None, False),
    ("lstm-2", nn.LSTM, 2, True, None, True),
    ("lstm-3", nn.LSTM, 3, True, None, False),
    ("gru-1", nn.GRU, 1, True, None, True),
    ("gru-nobias-1", nn.GRU, 1, False, None, False),
    ("gru-2", nn.GRU, 2, True, None, True),
]

# Relu stacks, and one with weights large enough that h grows far past 1 (the unbounded state),
# each with its own seed (from 2000) so that adding them leaves every other fixture as it was:
# name, layers, weight gain.
RELU_CASES = [
    ("rnn-relu-2", 2, 2.5),
    ("rnn-relu-3", 3, 2.5),
    ("rnn-relu-large-1", 1, 6.0),
]


def check_refusals(Net, export_pytorch):
    """The README's export_pytorch refuses, before writing, what the app could only refuse later
    in other words: a head whose outputs the labels do not match, and "<unk>" cut off by max_words."""
    def refused(why, *args, **kw):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "m.json")
            try:
                export_pytorch(*args, path, **kw)
            except ValueError as e:
                assert not os.path.exists(path), "wrote the file before refusing"
                assert re.search(why, str(e)), f"export_pytorch said {e!r}, expected {why!r}"
                print(f"export_pytorch refuses: {e}")
                return
        sys.exit(f"export_pytorch wrote a file it should refuse ({why})")

    three = Net(vocab_size=len(VOCAB), dim=3, hidden=4)
    three.fc = nn.Linear(4, 3)
    refused(r"has 3 output\(s\): pass labels=\[\.\.\.\] with 3 names, one per output", three, VOCAB)
    # The same words, "<unk>" third: cut to the first two, it would be lost.
    late = ["the", "movie", "<unk>"] + [w for w in VOCAB if w not in ("the", "movie", "<unk>")]
    refused(r'"<unk>" is at index 2, beyond max_words=2: .*put "<unk>" among the first 2 words', Net(vocab_size=len(late), dim=3, hidden=4), late, max_words=2)


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.remove(os.path.join(OUT, f))  # every file here is one this run makes
    blocks = readme_blocks()
    # Which README code made these files: the tests (without Python) compare it with the README's
    # blocks today, so that a README edit without a new run of this script fails in CI.
    with open(os.path.join(OUT, "readme-blocks.sha256.txt"), "w") as f:
        for key in sorted(blocks):
            f.write(f"{key} {hashlib.sha256(blocks[key].encode('utf-8')).hexdigest()}\n")
    scope = {}
    run_block(blocks["export"], "export_pytorch", scope, OUT)
    export_pytorch, Net = scope["export_pytorch"], scope["Net"]
    tokens = TEXT.split()
    seed = 1000

    def finish(name, net, layers_note):
        export_pytorch(net, VOCAB, os.path.join(OUT, f"{name}.json"), model_id=f"pytorch-{name}")
        expected = {"source": f"PyTorch {torch.__version__}, scripts/pytorch-fixtures.py", "text": TEXT,
                    "tokens": tokens, "steps": reference(net, tokens)}
        with open(os.path.join(OUT, f"{name}.expected.json"), "w") as f:
            json.dump(expected, f)
        print(f"{name}: {layers_note}")

    def binaries(name, net):
        """The .safetensors, and the .onnx with dynamic_axes (<name>.onnx) and as the README calls it (<name>.static.onnx)."""
        with tempfile.TemporaryDirectory() as tmp:
            run_block(blocks["safetensors"], "save_safetensors", session(scope, net), tmp)
            shutil.move(os.path.join(tmp, "m.safetensors"), os.path.join(OUT, f"{name}.safetensors"))
            code = blocks["onnx"].replace(ONNX_CALL, ONNX_CALL[:-1] + DYNAMIC + ")")
            run_block(code, "torch.onnx.export (dynamic)", session(scope, net), tmp)
            shutil.move(os.path.join(tmp, "m.onnx"), os.path.join(OUT, f"{name}.onnx"))
            run_block(blocks["onnx"], "torch.onnx.export", session(scope, net), tmp)
            shutil.move(os.path.join(tmp, "m.onnx"), os.path.join(OUT, f"{name}.static.onnx"))
            shutil.move(os.path.join(tmp, "m.vocab.txt"), os.path.join(OUT, f"{name}.vocab.txt"))

    for name, cls, layers, bias, nl, binary in SEQ_CASES:
        seed += 1
        torch.manual_seed(seed)
        net = prepare(SeqNet(cls, layers, bias, nl))
        finish(name, net, f"{layers} layer(s), bias={bias}" + (f", {nl}" if nl else ""))
        if binary:
            binaries(name, net)

    for k, (name, layers, gain) in enumerate(RELU_CASES):
        torch.manual_seed(2000 + k)
        net = prepare(SeqNet(nn.RNN, layers, True, "relu"), gain)
        finish(name, net, f"{layers} layer(s), relu, weights x{gain}")
        binaries(name, net)

    check_refusals(Net, export_pytorch)
    for cls in (nn.LSTM, nn.GRU, nn.RNN):
        for layers in (1, 2, 3):
            seed += 1
            torch.manual_seed(seed)
            name = f"readme-{cls.__name__.lower()}-{layers}"
            net = prepare(Net(vocab_size=len(VOCAB), dim=3, hidden=4, num_layers=layers, cell=cls))
            finish(name, net, f"the README's Net, {cls.__name__}, {layers} layer(s)")
            variants = [(f"opset{v}", f", opset_version={v}") for v in (9, 11, 17)] if layers == 2 else []
            if layers == 3:
                variants.append(("dynamic", DYNAMIC))
            write_readme_files(blocks, scope, net, name, variants)


if __name__ == "__main__":
    sys.exit(main())
