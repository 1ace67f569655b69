"""A fresh process that builds our packs and reports times and its peak memory (ru_maxrss)."""

import json
import sys

import django

django.setup()

from bench import print_bench  # noqa: E402 (models load after setup)

print_bench.child(json.loads(sys.argv[1]))
