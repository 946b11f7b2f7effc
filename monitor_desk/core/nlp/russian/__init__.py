"""The Russian pipeline, on natasha: ``pipeline`` (the models, loaded on first use),
``morph`` (pymorphy2 made to load on Python 3.11+), ``entities`` (labels, normal forms and
its rules), ``analysis`` (one prepared text's Russian lines in full-text offsets);
``claims`` and its ``claims_*`` modules: the Russian claims extractor (``extract_claims_ru``).

Nothing here is imported until a Russian paragraph is analysed, and natasha only inside
functions: the English path never loads it.
"""
