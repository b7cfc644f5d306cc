{ "name": "hindsight-bench-baseline", "private": true, "type": "module" }
