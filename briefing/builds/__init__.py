"""Builds: what to build, in which order and where — one document, its variants, dated
editions' inputs, warm (resident) builds, the worker pool and the stamps that skip unchanged
work. Writers only turn one tree into one format; commands and studio routes only call here.
"""
