#!/usr/bin/python3
"""What the README's export_pytorch costs and keeps on a large model: the README's own Net with
its defaults (20000×128 embedding, LSTM(128)), kept to 5,000 words, exported by the README's code
block (9 significant digits) and by the same block with 6-decimal rounding (what the README had
before), with PyTorch's float64 per-step h, C and probability on the model's float32 weights.

    /usr/bin/python3 scripts/export-precision.py OUT_DIR
    npx tsx scripts/pytorch-agreement.ts OUT_DIR      # the largest difference of each file

Not part of the fixtures: the files are about 10 MB each.
"""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
fixtures = __import__("pytorch-fixtures")

NINE = "np.vectorize(lambda x: float(f\"{x:.9g}\"), otypes=[float])(t.detach().cpu().float().numpy()).tolist()"
SIX = "np.round(t.detach().cpu().double().numpy(), 6).tolist()"


def main(out):
    os.makedirs(out, exist_ok=True)
    blocks = fixtures.readme_blocks()
    if NINE not in blocks["export"]:
        sys.exit("README.md: export_pytorch no longer rounds as this script expects; update NINE")
    torch.manual_seed(7)
    itos = ["<unk>"] + [f"w{k}" for k in range(1, 20000)]
    # 40 words from the kept 5,000, some repeated: a long sentence, where rounding errors add up.
    g = torch.Generator().manual_seed(8)
    words = [itos[i] for i in torch.randint(1, 5000, (40,), generator=g).tolist()]
    for name, code in (("large-9digits", blocks["export"]), ("large-6decimals", blocks["export"].replace(NINE, SIX))):
        scope = {}
        fixtures.run_block(code, name, scope, out)
        torch.manual_seed(7)
        net = scope["Net"]().float()
        path = os.path.join(out, f"{name}.json")
        scope["export_pytorch"](net, itos, path, model_id=name)
        fixtures.VOCAB[:] = itos  # reference() looks words up in VOCAB
        expected = {"source": f"PyTorch {torch.__version__}, scripts/export-precision.py", "text": " ".join(words),
                    "tokens": words, "steps": fixtures.reference(net, words)}
        with open(os.path.join(out, f"{name}.expected.json"), "w") as f:
            json.dump(expected, f)
        print(f"{name}.json: {os.path.getsize(path):,} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
