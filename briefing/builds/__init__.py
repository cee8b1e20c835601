"""Builds: what to build, in which order and where, as Sphinx's builders decide it — one
document (`pipeline`), the variants named (`variant_set`) and built (`variants`), a batch kept
up to date (`batch_builder`, with `batch_state` and `stamps`), warm (resident) builds (`warm`),
the worker pool (`pool`). Writers only turn one tree into one format; editions record
themselves (briefing/editions/); commands and studio routes only call here.
"""
