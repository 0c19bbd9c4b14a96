"""What only a developer's or a test machine needs: the fictional demo council (`seed_demo`),
generated services at scale (`seed_scale`), the benchmarks (`bench_*`) and the factories they and
the tests build records with. Installed only with DEBUG on, or by the test settings: with DEBUG
off (production) none of it is importable through Django, and no runtime dependency exists for it
(factory-boy is a development dependency)."""
