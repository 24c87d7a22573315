"""What a jixiao process loads when it starts reading (issue 10: every `jixiao import` process
paid about 3 CPU-seconds before its first file).

Each check runs in a fresh interpreter, since what matters is what gets imported and read:
spaCy without torch, the store without pandas, OpenVINO without its telemetry (a network call
from a child process), and jieba's dictionary read once for all of jixiao's tokenizers, with the
same words as jieba's own reading.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest


def _facts(code: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


_PIPELINE = """
import json, sys
from jixiao.extractor.record import nlp
ents = nlp.entities("昆明市呈贡区财政局对2021年项目开展绩效评价", {"GPE", "ORG"})
facts = {"torch": "torch" in sys.modules, "ents": [[e.label, e.text] for e in ents]}
try:
    import torch  # afterwards torch (when installed) imports as usual
    facts["torch_after"] = hasattr(torch, "tensor")
except ImportError:
    facts["torch_after"] = None
print(json.dumps(facts, ensure_ascii=False))
"""


def test_the_entity_pipeline_is_built_without_importing_torch():
    facts = _facts(_PIPELINE)
    assert facts["torch"] is False
    assert ["GPE", "呈贡区"] in facts["ents"] or ["ORG", "昆明市呈贡区财政局"] in facts["ents"]
    if importlib.util.find_spec("torch") is not None:
        assert facts["torch_after"] is True


_STORE = """
import json, sys, tempfile, os
from jixiao.store import Store
with Store(os.path.join(tempfile.mkdtemp(), "s.db")) as store:
    counts = store.table_counts()
facts = {"pandas": "pandas" in sys.modules, "reports": counts["reports"]}
try:
    import pandas
    facts["pandas_after"] = hasattr(pandas, "DataFrame")
except ImportError:
    facts["pandas_after"] = None
print(json.dumps(facts))
"""


def test_the_store_opens_without_importing_pandas():
    facts = _facts(_STORE)
    assert facts == {"pandas": False, "reports": 0, "pandas_after": facts["pandas_after"]}
    if importlib.util.find_spec("pandas") is not None:
        assert facts["pandas_after"] is True


_OPENVINO = """
import json, sys
import multiprocessing.process as mp
started = []
_start = mp.BaseProcess.start
def start(self):
    started.append(repr(self))
    return _start(self)
mp.BaseProcess.start = start
from jixiao.extractor.readers import ocr
ocr.use_engine("openvino")
name = ocr._engine().name
print(json.dumps({"engine": name, "converter": "openvino.tools.ovc" in sys.modules,
                  "telemetry": "openvino_telemetry" in sys.modules, "processes": started}))
"""


@pytest.mark.skipif(importlib.util.find_spec("openvino") is None, reason="OpenVINO is not installed here")
def test_loading_the_openvino_engine_sends_no_telemetry():
    facts = _facts(_OPENVINO)
    assert facts == {"engine": "openvino:PP-OCRv4", "converter": False, "telemetry": False, "processes": []}


_JIEBA = """
import json, jieba
from jixiao.extractor import jieba_dict
from jixiao.extractor.record import classify, nlp
nlp.pipeline()
classify.taxonomy()
own = jieba.Tokenizer()
own.initialize()
segmenter = nlp.pipeline().tokenizer.jieba_seg
text = "呈贡区财政局开展了财政支出绩效评价，发现资金拨付不及时"
print(json.dumps({
    "global_same": jieba.dt.FREQ == own.FREQ and jieba.dt.total == own.total,
    "cut_same": jieba.lcut(text) == own.lcut(text),
    "division_in_pipeline": segmenter.FREQ.get("呈贡区", 0) >= 50000,
    "division_not_global": jieba.dt.FREQ.get("呈贡区", 0) == own.FREQ.get("呈贡区", 0),
    "taxonomy_not_global": all(jieba.dt.FREQ.get(w) == own.FREQ.get(w) for w in classify._TOKENIZER.FREQ
                               if classify._TOKENIZER.FREQ[w] == 20000),
    "separate": len({id(jieba.dt.FREQ), id(segmenter.FREQ), id(classify._TOKENIZER.FREQ)}) == 3,
}, ensure_ascii=False))
"""


def test_jieba_tokenizers_share_one_reading_of_the_dictionary_and_keep_their_own_words():
    facts = _facts(_JIEBA)
    assert facts == {
        "global_same": True,
        "cut_same": True,
        "division_in_pipeline": True,
        "division_not_global": True,
        "taxonomy_not_global": True,
        "separate": True,
    }
