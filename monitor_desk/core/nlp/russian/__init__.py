"""The Russian pipeline, on natasha: ``pipeline`` (the models, loaded on first use),
``morph`` (pymorphy2 made to load on Python 3.11+), ``entities`` (labels, normal forms and
two rules), ``analysis`` (one prepared text's Russian lines in full-text offsets).

Nothing here is imported until a Russian paragraph is analysed, and natasha only inside
functions: the English path never loads it.
"""
