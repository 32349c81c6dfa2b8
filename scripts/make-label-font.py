"""Writes src/fonts/zh-label.woff: the two characters of the language picker's "中文", cut
from Debian's Noto Sans CJK SC (fonts-noto-cjk, SIL Open Font License 1.1) and renamed, as the
OFL asks of a modified font.

Why: on an English page the picker's one Chinese word made Chromium open the whole 19 MB CJK
font during the first layout (about 200 ms on a slow machine, the largest single piece of the
first load). This 1.5 KB font, inlined into the stylesheet, draws those two characters instead.
The Chinese interface itself still uses the system's CJK font.

Needs python3-fonttools (apt-get install python3-fonttools). Run: python3 scripts/make-label-font.py
"""

import io
import pathlib

from fontTools import subset
from fontTools.ttLib import TTCollection

SRC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
OUT = pathlib.Path(__file__).resolve().parent.parent / "src" / "fonts" / "zh-label.woff"
NAME = "Gatescope Language Label"

collection = TTCollection(SRC)
font = next(f for f in collection.fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")
options = subset.Options()
options.layout_features = []
options.hinting = False
options.desubroutinize = True
options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
options.flavor = "woff"
sub = subset.Subsetter(options)
sub.populate(text="中文")
sub.subset(font)
names = font["name"]
for rec in list(names.names):
    if rec.nameID in (1, 4, 16):
        names.setName(NAME, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
    elif rec.nameID == 6:
        names.setName(NAME.replace(" ", ""), rec.nameID, rec.platformID, rec.platEncID, rec.langID)
    elif rec.nameID == 3:
        names.setName(f"{NAME}; subset of Noto Sans CJK SC", rec.nameID, rec.platformID, rec.platEncID, rec.langID)
font.flavor = "woff"
buf = io.BytesIO()
font.save(buf)
OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_bytes(buf.getvalue())
print(f"{OUT}: {len(buf.getvalue())} bytes")
