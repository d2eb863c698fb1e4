"""The demo council and the benchmark organisation: ``load_demo``, ``generate_bench_data`` and
the demo's content, one module per directorate. Above every other app: it may use them all."""
