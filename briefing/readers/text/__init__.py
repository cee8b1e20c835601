"""Plain text sources: decoding (UTF-8, UTF-16, legacy Vietnamese encodings) and the reader."""
