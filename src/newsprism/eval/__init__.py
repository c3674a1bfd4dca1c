"""Evaluation of newsprism's stages on the shared corpus.

``newsprism.eval.pagedump`` scores cleaning on naive whole-page text dumps of real news pages
(``python -m newsprism.eval.pagedump --corpus ../shared/corpus``); ``newsprism.eval.tokens`` holds the
bag-of-tokens precision/recall/F1 helpers it uses. Submodules are imported on demand, so importing
this package stays cheap.
"""
