"""The layout profile: every number of the official layout, read from `profiles/<name>.yaml`
and checked strictly, so both writers lay out from the same data."""
