"""Developer tools: quality evaluation, threshold fitting, benchmarks. Run from the repository root as
`python -m tools.evaluate`, `python -m tools.tune`, `python -m tools.bench`."""
